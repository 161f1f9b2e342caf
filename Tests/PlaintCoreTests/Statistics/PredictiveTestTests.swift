import Testing

@testable import PlaintCore

@Suite("The detector's p-values")
struct PredictiveTestTests {
  @Test(arguments: [
    (0, 24, 1000.0, 12000.0), (3, 24, 1000, 12000), (9, 24, 1000, 12000),
    (40, 240, 1000, 12000), (250, 3000, 1100, 11800), (1, 0, 500, 6000),
  ])
  func theConditionalTestIsTheBinomialTail(x: Int, b: Int, n: Double, big: Double) {
    let fast = PredictiveTest.upperTail(x, units: n, baselineCount: b, baselineUnits: big)
    let summed = ExactTests.binomialUpperTail(x, trials: x + b, probability: n / (n + big))
    #expect(abs(fast - summed) <= 1e-12 + 1e-9 * summed)
  }

  @Test func aLongBaselineGivesThePoissonTail() {
    // With a baseline a thousand times the period, its estimate is as good as known.
    let predictive = PredictiveTest.upperTail(
      35, units: 1000, baselineCount: 20_000, baselineUnits: 1_000_000)
    let poisson = PoissonDistribution.upperTail(35, mean: 20)
    #expect(abs(predictive - poisson) / poisson < 0.02)
    // A year of baseline makes the same count less surprising.
    let year = PredictiveTest.upperTail(35, units: 1000, baselineCount: 240, baselineUnits: 12_000)
    #expect(year > poisson)
  }

  @Test(arguments: [
    (2.228, 10.0, 0.025), (3.169, 10, 0.005), (1.812, 10, 0.05), (12.706, 1, 0.025),
    (0, 7, 0.5),
  ])
  func studentTailsMatchTables(t: Double, df: Double, tail: Double) {
    #expect(abs(PredictiveTest.studentUpperTail(t, degreesOfFreedom: df) - tail) < 2e-4)
  }

  @Test func theQuasiPoissonTailIsThePoissonTailWithoutOverdispersion() {
    for x in [1, 5, 20, 34] {
      let quasi = PredictiveTest.quasiPoissonUpperTail(x, mean: 20, dispersion: 1)
      #expect(abs(quasi - PoissonDistribution.upperTail(x, mean: 20)) < 1e-12)
      // More dispersion, a heavier upper tail above the mean.
      if x > 20 {
        #expect(PredictiveTest.quasiPoissonUpperTail(x, mean: 20, dispersion: 3) > quasi)
      }
    }
  }
}
