import Testing

@testable import PlaintCore
import PlaintTestSupport

/// An in-control monthly pattern around 20 complaints (mean exactly 20 over any 12 periods).
private let pattern = [20, 23, 18, 21, 17, 22, 19, 24, 16, 20, 21, 19]

/// `periods` of the pattern, started `shift` places in, over `units` per period.
private func stable(periods: Int = 24, shift: Int = 0, units: Double = 1000, scale: Int = 1)
  -> [ChartObservation]
{
  (0..<periods).map {
    ChartObservation(count: pattern[($0 + shift) % pattern.count] * scale, units: units)
  }
}

@Suite("Anomaly detector")
struct AnomalyDetectorTests {
  @Test func inControlCellsRarelyRaiseAnAnomaly() {
    // 200 in-control cells × 36 months, Poisson counts around 4 to 60 a month: what `run` does
    // to a quiet business. With every rule on, FDR and min_count, false anomalies per judged
    // cell-period must stay near the 3σ nominal (0.27 %) and far below the raw four-rule rate.
    var generator = SplitMix64(seed: 20_261_129)
    var series: [Int: [ChartObservation]] = [:]
    for cell in 0..<200 {
      let units = Double(1_000 + 250 * (cell % 12))
      let rate = 0.004 + 0.0005 * Double(cell % 9)
      series[cell] = (0..<36).map { _ in
        ChartObservation(count: generator.poisson(rate * units), units: units)
      }
    }
    func falseAnomalyRate(_ rules: [RunRule]) -> (rate: Double, judged: Int) {
      let judged = AnomalyDetector.judge(series, settings: DetectorSettings(rules: rules))
      let points = judged.values.flatMap(\.points).filter {
        $0.point.status == .ok && !$0.insufficientHistory
      }
      let alarms = points.filter(\.isAnomaly).count
      print(
        "detector, \(rules.map(\.rawValue).joined(separator: "+")), BH, min_count: \(alarms) false anomalies in \(points.count) cell-periods"
      )
      return (Double(alarms) / Double(points.count), points.count)
    }
    let limitOnly = falseAnomalyRate([.beyondLimit])
    #expect(limitOnly.judged > 5_000)
    // Beyond the limit alone, after Benjamini–Hochberg: at most the nominal two-sided 0.27 %.
    #expect(limitOnly.rate <= 0.0027, "false-anomaly rate \(limitOnly.rate)")
    // Each run rule adds its own small false-alarm rate; four rules together stay under 1 %.
    let allRules = falseAnomalyRate(RunRule.allCases)
    #expect(allRules.rate < 0.01, "false-anomaly rate \(allRules.rate)")
  }

  @Test func plantedStepIsNewThenContinuingThenResolved() throws {
    var series: [String: [ChartObservation]] = [:]
    for (shift, key) in ["a", "b", "c", "d", "e"].enumerated() {
      series[key] = stable(shift: shift)
    }
    for period in 18...20 { series["a"]?[period].count = 45 }
    let judged = AnomalyDetector.judge(series, settings: DetectorSettings())

    let a = try #require(judged["a"]).points
    #expect(a[..<18].allSatisfy { !$0.isAnomaly })
    #expect(a[18].isAnomaly && a[18].status == .new && a[18].streak == 1)
    #expect(a[18].anomalyRules.contains(.beyondLimit))
    #expect((a[18].qValue ?? 1) <= 0.05)
    #expect(a[19].status == .continuing && a[19].streak == 2)
    #expect(a[20].status == .continuing && a[20].streak == 3)
    #expect(!a[21].isAnomaly && a[21].status == .resolved && a[21].streak == 0)
    // The step never entered the baseline: the centre stays at 20 per 1000.
    #expect(a[21].point.center == 0.02)
    #expect(try #require(judged["a"]).method == .u)
    for key in ["b", "c", "d", "e"] {
      #expect(try #require(judged[key]).points.allSatisfy { !$0.isAnomaly && $0.status == nil })
    }
  }

  @Test func volumeJumpWithTheSameRateIsNotFlagged() throws {
    var observations = stable()
    for period in 18..<24 {
      observations[period] = ChartObservation(
        count: pattern[period % pattern.count] * 5, units: 5000)
    }
    let judged = AnomalyDetector.judge(["x": observations], settings: DetectorSettings())
    #expect(try #require(judged["x"]).points.allSatisfy { !$0.isAnomaly })
    // The raw counts alone would have been far out of control.
    let counts = observations.map { ChartObservation(count: $0.count, units: 1) }
    let chart = ControlChart.compute(counts, method: .u, baseline: 0..<18)
    #expect(chart.points[18...].allSatisfy { $0.signals.contains { $0.rule == .beyondLimit } })
  }

  @Test func overdispersedStableSeriesChoosesLaneyAndIsNotFlagged() throws {
    let swing = [1.1, 0.9, 1.05, 0.95, 1.12, 0.88]
    let observations = (0..<24).map {
      ChartObservation(count: Int(2000 * swing[$0 % swing.count]), units: 100_000)
    }
    let judged = try #require(
      AnomalyDetector.judge(["x": observations], settings: DetectorSettings())["x"])
    #expect(judged.method == .laney)
    #expect(judged.points[6...].allSatisfy { $0.point.method == .laney })
    #expect(judged.points.allSatisfy { !$0.isAnomaly })
    // A plain u chart on the same data raises false alarms.
    var plain = DetectorSettings()
    plain.method = .u
    let u = try #require(AnomalyDetector.judge(["x": observations], settings: plain)["x"])
    #expect(u.points.contains { $0.isAnomaly })
  }

  @Test func zeroAndMissingUnitsAreDataGaps() throws {
    var observations = stable()
    observations[10] = ChartObservation(count: 0, units: 0)
    observations[14] = ChartObservation(count: 7, units: nil)
    let points = try #require(
      AnomalyDetector.judge(["x": observations], settings: DetectorSettings())["x"]
    ).points
    #expect(points[10].point.status == .noExposure)
    #expect(points[14].point.status == .missing)
    for gap in [points[10], points[14]] {
      #expect(!gap.isAnomaly && gap.point.rate == nil && gap.point.ucl == nil)
      #expect(gap.point.signals.isEmpty && gap.qValue == nil && gap.status == nil)
    }
    // The baseline skips the gap rather than counting it.
    #expect(points[11].baselineCount == 10)
    #expect(points[15].baselineCount == 12)
    #expect(points[..<6].allSatisfy { $0.insufficientHistory })
    #expect(!points[6].insufficientHistory)
  }

  @Test func fewComplaintsOrShortHistoryAreNeverAnomalies() throws {
    // One complaint in a year: a level near 0 but not 0 (a year of none has no level at all,
    // and gets no verdict: SilentBaselineTests).
    let quiet =
      [ChartObservation(count: 1, units: 10)]
      + Array(repeating: ChartObservation(count: 0, units: 10), count: 11)
    let series = [
      "two": quiet + [ChartObservation(count: 2, units: 5)],
      "three": quiet + [ChartObservation(count: 3, units: 5)],
      "early": stable(periods: 4) + [ChartObservation(count: 90, units: 1000)],
    ]
    let judged = AnomalyDetector.judge(series, settings: DetectorSettings())
    let two = try #require(judged["two"]?.points.last)
    #expect(two.point.signals.contains { $0.rule == .beyondLimit })
    #expect(!two.isAnomaly)
    #expect(try #require(judged["three"]?.points.last).isAnomaly)
    let early = try #require(judged["early"]?.points.last)
    #expect(early.insufficientHistory && !early.isAnomaly)
  }

  @Test func benjaminiHochbergHoldsBackAMarginalSignalAmongManyCells() throws {
    // 34 against λ = 20 is just above the u limit 20 + 3√20 = 33.4 (p ≈ 0.0036); among 40 cells
    // its q-value is far above 0.05.
    var series: [Int: [ChartObservation]] = [:]
    for key in 0..<40 { series[key] = stable(periods: 13, shift: key) }
    series[0]?[12] = ChartObservation(count: 34, units: 1000)
    var settings = DetectorSettings(method: .u)
    let adjusted = try #require(AnomalyDetector.judge(series, settings: settings)[0]?.points.last)
    #expect(adjusted.point.signals.map(\.rule) == [.beyondLimit])
    #expect((adjusted.qValue ?? 0) > 0.05 && !adjusted.isAnomaly)
    settings.fdr = nil
    let raw = try #require(AnomalyDetector.judge(series, settings: settings)[0]?.points.last)
    #expect(raw.isAnomaly && raw.anomalyRules == [.beyondLimit])
  }

  @Test func dropBelowTheLowerLimitIsAnImprovement() throws {
    var observations = stable(periods: 13)
    observations[12].count = 3
    let last = try #require(
      AnomalyDetector.judge(["x": observations], settings: DetectorSettings())["x"]?.points.last)
    #expect(last.isImprovement && !last.isAnomaly)
    #expect(last.point.signals.map(\.rule) == [.beyondLimit])
  }

  @Test func runRulesAreWatchesUnlessConfiguredAsAnomalies() throws {
    // Eight periods in a row a little above 20 (z ≈ 0.9): no single point is beyond the limits.
    var observations = stable(periods: 20)
    for period in 12..<20 { observations[period].count = 24 }
    let watched = try #require(
      AnomalyDetector.judge(["x": observations], settings: DetectorSettings())["x"]?.points)
    #expect(watched.allSatisfy { !$0.isAnomaly })
    #expect(watched[19].isWatch && watched[19].watchRules == [.runOf8])
    #expect(
      watched[19].point.signals.first == Signal(rule: .runOf8, first: 12, trigger: 19, last: 19))

    var settings = DetectorSettings()
    settings.runRules = .anomaly
    let points = try #require(
      AnomalyDetector.judge(["x": observations], settings: settings)["x"]?.points)
    #expect(points[12..<19].allSatisfy { !$0.isAnomaly })
    #expect(points[19].isAnomaly && points[19].anomalyRules == [.runOf8])
    #expect(!points[19].isWatch)
  }

  @Test func aSignalThatFailsTheFamilyIsAWatchAndStaysOutOfLaterBaselines() throws {
    // 34 against 20 among 40 cells: above the UCL, but its q-value is far above the level.
    var series: [Int: [ChartObservation]] = [:]
    for key in 0..<40 { series[key] = stable(periods: 14, shift: key) }
    series[0]?[12] = ChartObservation(count: 34, units: 1000)
    let points = try #require(
      AnomalyDetector.judge(series, settings: DetectorSettings(method: .u))[0]?.points)
    #expect(points[12].isWatch && points[12].watchRules == [.beyondLimit])
    #expect(!points[12].isAnomaly)
    // The next period's baseline is periods 0–11, not 1–12: the watched 34 is left out.
    #expect(points[13].baselineCount == 12)
    #expect(points[13].point.center == 0.02)
  }

  @Test func smallCellsWeighLessInTheFamily() throws {
    // 40 cells expecting 20 and one expecting 2 that jumps to 9 (p ≈ 0.0007 once the baseline's
    // own uncertainty is allowed for): with every cell weighed alike its q-value is about 0.03,
    // at a quarter weight about 0.11.
    var series: [Int: [ChartObservation]] = [:]
    for key in 0..<40 { series[key] = stable(periods: 13, shift: key) }
    series[40] =
      Array(repeating: ChartObservation(count: 2, units: 1000), count: 12)
      + [ChartObservation(count: 9, units: 1000)]
    var settings = DetectorSettings()
    settings.fdr = 0.05
    settings.smallCountWeight = 1
    let alike = try #require(AnomalyDetector.judge(series, settings: settings)[40]?.points.last)
    #expect(alike.isAnomaly && (alike.qValue ?? 1) < 0.05)
    settings.smallCountWeight = 0.25
    let weighed = try #require(AnomalyDetector.judge(series, settings: settings)[40]?.points.last)
    #expect(!weighed.isAnomaly && weighed.isWatch)
    #expect((weighed.qValue ?? 0) > 0.05)
  }

  @Test func frozenBaselineReplacesTheRollingOne() throws {
    let history = stable(periods: 12)
    let frozen = try #require(FrozenBaseline.estimate(history, method: .auto))
    #expect(frozen.center == 0.02 && frozen.method == .u && frozen.periods == 12)

    // Judged against the frozen 20 per 1000 from the first period, with full history.
    let later = stable(periods: 3) + [ChartObservation(count: 40, units: 1000)]
    let points = try #require(
      AnomalyDetector.judge(["x": later], settings: DetectorSettings(), frozen: ["x": frozen])["x"]
    ).points
    #expect(points.allSatisfy { $0.point.center == 0.02 && !$0.insufficientHistory })
    #expect(points[3].isAnomaly && points[3].status == .new)
  }
}
