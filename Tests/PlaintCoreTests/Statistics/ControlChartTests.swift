import Foundation
import Testing

@testable import PlaintCore
import PlaintTestSupport

@Suite("Control charts")
struct ControlChartTests {
  /// Hand-computed u chart. Baseline = the first three periods:
  ///   counts 5, 15, 64 over units 1, 4, 16 → ū = 84 / 21 = 4.
  ///   n = 1:  σ = √(4/1) = 2    → UCL 4 + 6 = 10,  LCL max(0, 4 − 6) = 0
  ///   n = 4:  σ = √(4/4) = 1    → UCL 7,           LCL 1
  ///   n = 16: σ = √(4/16) = 0.5 → UCL 5.5,         LCL 2.5
  ///   z = (5 − 4)/2 = 0.5, (3.75 − 4)/1 = −0.25, (4 − 4)/0.5 = 0
  ///   φ = (0.25 + 0.0625 + 0) / 2 = 0.15625; moving ranges 0.75, 0.25 → σ_z = 0.5 / 1.128.
  /// Phase II: 28 over 4 units is exactly on the UCL of 7 (no signal); 30 over 4 = 7.5 is above.
  @Test func handComputedUChart() throws {
    let observations = [(5, 1.0), (15, 4), (64, 16), (28, 4), (30, 4)].map {
      ChartObservation(count: $0.0, units: $0.1)
    }
    let chart = ControlChart.compute(observations, method: .u, baseline: 0..<3)
    #expect(chart.method == .u)
    #expect(chart.center == 4)
    #expect(chart.points.map(\.ucl) == [10, 7, 5.5, 7, 7])
    #expect(chart.points.map(\.lcl) == [0, 1, 2.5, 1, 1])
    #expect(chart.points.map(\.rate) == [5, 3.75, 4, 7, 7.5])
    #expect(chart.points.map(\.z) == [0.5, -0.25, 0, 3, 3.5])
    #expect(abs((chart.phi ?? 0) - 0.15625) < 1e-15)
    #expect(chart.points[3].signals.isEmpty)
    // z = 3 and 3.5 are two in a row beyond 2σ as well.
    #expect(
      chart.points[4].signals == [
        Signal(rule: .beyondLimit, first: 4, trigger: 4, last: 4),
        Signal(rule: .twoOfThreeBeyond2Sigma, first: 3, trigger: 4, last: 4),
      ])

    let laney = ControlChart.compute(observations, method: .laney, baseline: 0..<3)
    let sigmaZ = try #require(laney.sigmaZ)
    #expect(abs(sigmaZ - 0.5 / 1.128) < 1e-15)
    #expect(abs((laney.points[1].ucl ?? 0) - (4 + 3 * sigmaZ)) < 1e-12)
  }

  @Test func excludedPointsLeaveTheCentreButAreStillJudged() {
    let observations = [10, 10, 10, 40, 10, 10].map { ChartObservation(count: $0, units: 1) }
    let chart = ControlChart.compute(observations, method: .u, exclude: [3])
    #expect(chart.center == 10)
    #expect(chart.points[3].signals.map(\.rule) == [.beyondLimit])
  }

  @Test func missingAndZeroUnitsAreGapsThatNeverSignal() {
    let observations = [
      ChartObservation(count: 4, units: 100), ChartObservation(count: 50, units: 0),
      ChartObservation(count: 5, units: nil), ChartObservation(count: 6, units: 100),
    ]
    let chart = ControlChart.compute(observations, method: .laney)
    #expect(chart.points.map(\.status) == [.ok, .noExposure, .missing, .ok])
    #expect(chart.center == 0.05)
    #expect(chart.points[1].rate == nil && chart.points[1].ucl == nil)
    #expect(chart.points[1].signals.isEmpty && chart.points[2].signals.isEmpty)
    // No two usable periods are adjacent, so there is no moving range and no Laney σ_z.
    #expect(chart.method == .u && chart.sigmaZ == nil)
  }

  @Test func autoChoosesPoissonForSmallExpectedCounts() {
    let observations = [1, 0, 2, 1, 0, 1, 3, 1].map { ChartObservation(count: $0, units: 10) }
    let chart = ControlChart.compute(observations, method: .auto)
    #expect(chart.method == .poisson)
    #expect(chart.points.allSatisfy { $0.method == .poisson })
    // λ = 1.125: P(X ≤ 4) = 0.9940 < 0.99865 ≤ P(X ≤ 5) = 0.99891, so the UCL is 5 counts.
    #expect(chart.points[0].ucl == 0.5)
    #expect(chart.points[0].lcl == 0)
  }

  @Test func autoChoosesLaneyWhenOverdispersedAndUOtherwise() {
    let wild = [900, 1100, 950, 1080, 870, 1120, 930, 1060].map {
      ChartObservation(count: $0, units: 100_000)
    }
    let calm = [1000, 1020, 985, 1010, 995, 1005, 990, 1015].map {
      ChartObservation(count: $0, units: 100_000)
    }
    let overdispersed = ControlChart.compute(wild, method: .auto)
    #expect(overdispersed.method == .laney)
    #expect((overdispersed.phi ?? 0) > (overdispersed.phiCritical ?? .infinity))
    #expect(overdispersed.points.allSatisfy { $0.signals.isEmpty })
    #expect(ControlChart.compute(wild, method: .u).points.contains { !$0.signals.isEmpty })
    #expect(ControlChart.compute(calm, method: .auto).method == .u)
  }

  @Test func falseAlarmRateOfInControlPoissonDataIsNearTheNominal() {
    // Phase I u charts of 40 periods, λ = 50 per period: points beyond 3σ either side should be
    // about 0.27 % (a little more from Poisson skew); 300 charts give 12 000 points.
    var generator = SplitMix64(seed: 20_250_101)
    var alarms = 0
    var points = 0
    for _ in 0..<300 {
      let observations = (0..<40).map { _ in
        ChartObservation(count: generator.poisson(50), units: 10)
      }
      let chart = ControlChart.compute(observations, method: .u, rules: [.beyondLimit])
      alarms += chart.points.filter { !$0.signals.isEmpty }.count
      points += chart.points.count
    }
    let rate = Double(alarms) / Double(points)
    print(
      "u chart, phase I, beyond 3σ: false-alarm rate \(rate) over \(points) points (nominal 0.0027)"
    )
    #expect(rate > 0.0008 && rate < 0.007, "false-alarm rate \(rate)")
  }
}

@Suite("Distributions")
struct DistributionTests {
  @Test func poissonTailsMatchR() {
    // R: ppois(5, 3) = 0.9160820579686966; 1 - ppois(7, 3) = 0.01190450385635733.
    #expect(abs(PoissonDistribution.cdf(5, mean: 3) - 0.9160820579686966) < 1e-14)
    #expect(abs(PoissonDistribution.upperTail(8, mean: 3) - 0.01190450385635733) < 1e-14)
    #expect(PoissonDistribution.upperTail(0, mean: 3) == 1)
    #expect(PoissonDistribution.upperTail(1, mean: 0) == 0)
    // qpois(0.99865, 19.84615) = 34 and qpois(0.00135, 19.84615) = 8 (qcc's circuit board c chart).
    #expect(PoissonDistribution.quantile(0.99865, mean: 516.0 / 26) == 34)
    #expect(PoissonDistribution.quantile(0.00135, mean: 516.0 / 26) == 8)
  }

  @Test(arguments: [0.3, 2.5, 9.65, 40, 310.7])
  func poissonCdfAgreesWithSummedTerms(_ lambda: Double) {
    var term = exp(-lambda)
    var sum = term
    for x in 0..<Int(lambda * 2 + 10) {
      let cdf = PoissonDistribution.cdf(x, mean: lambda)
      #expect(abs(cdf - sum) <= 1e-11 * max(1, sum), "λ \(lambda), x \(x)")
      #expect(abs(PoissonDistribution.upperTail(x + 1, mean: lambda) - (1 - sum)) <= 1e-11)
      term *= lambda / Double(x + 1)
      sum += term
    }
  }

  @Test func chiSquaredQuantilesMatchTables() {
    // qchisq(0.95, df) for df = 1, 10, 23.
    #expect(
      abs(ChiSquaredDistribution.quantile(0.95, degreesOfFreedom: 1) - 3.841458820694124) < 1e-9)
    #expect(
      abs(ChiSquaredDistribution.quantile(0.95, degreesOfFreedom: 10) - 18.30703805327515) < 1e-9)
    #expect(
      abs(ChiSquaredDistribution.quantile(0.95, degreesOfFreedom: 23) - 35.17246162690806) < 1e-9)
    #expect(
      abs(ChiSquaredDistribution.upperTail(18.30703805327515, degreesOfFreedom: 10) - 0.05) < 1e-12)
  }

  @Test func benjaminiHochbergByHand() {
    // m = 3, ascending p 0.02, 0.021, 0.9: raw 0.06, 0.0315, 0.9; the running minimum from the
    // top lowers the first to 0.0315. Results come back in input order.
    let q = FalseDiscoveryRate.benjaminiHochberg([0.9, 0.02, 0.021])
    #expect(q.count == 3)
    #expect(abs(q[0] - 0.9) < 1e-15 && abs(q[1] - 0.0315) < 1e-15 && abs(q[2] - 0.0315) < 1e-15)
    // m = 4: 0.005, 0.01, 0.03, 0.04 → 0.02, 0.02, 0.04, 0.04.
    let four = FalseDiscoveryRate.benjaminiHochberg([0.01, 0.04, 0.03, 0.005])
    let expected = [0.02, 0.04, 0.04, 0.02]
    #expect(zip(four, expected).allSatisfy { abs($0 - $1) < 1e-15 })
    #expect(FalseDiscoveryRate.benjaminiHochberg([]).isEmpty)
    #expect(FalseDiscoveryRate.benjaminiHochberg([0.8, 0.9]) == [0.9, 0.9])
  }
}
