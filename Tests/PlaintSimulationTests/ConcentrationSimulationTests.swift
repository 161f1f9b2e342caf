import PlaintCore
import Testing

@testable import PlaintSimulation

/// The concentration harness at a few periods: the full run (`plaint-datagen simulate
/// --concentrations`) prints the table docs/statistics.md holds.
@Suite struct ConcentrationSimulationTests {
  @Test func inControlPeriodsRarelyFindAnything() {
    let simulation = ConcentrationSimulation(periods: 30, seed: 3)
    var settings = Concentration.Settings()
    // Without the effect-size gates, the family's level alone bounds the rate; 30 periods at
    // a nominal 5 % would show one or two at most.
    settings.fdr = 0.05
    settings.minRatio = 0
    settings.minDifference = -1
    let result = simulation.inControl(settings)
    #expect(result.periods == 30)
    #expect(result.meanTested > 1_000)
    #expect(result.flagged <= 4)
  }

  @Test func aPlantedPileUpIsFound() {
    let simulation = ConcentrationSimulation(periods: 10, seed: 4)
    let result = simulation.plantedPower(Concentration.Settings(), expected: 20, share: 0.5)
    #expect(result.flagged >= 8)
    #expect((result.flaggedByDimension["agent"] ?? 0) >= 8)
  }
}
