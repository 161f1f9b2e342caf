import PlaintCore
import Testing

@testable import PlaintSimulation

/// The harness at a small number of histories, with bounds loose enough for that many: the full
/// run (`make simulate`) prints the table docs/statistics.md holds.
@Suite struct DetectorSimulationTests {
  static let histories = 40

  @Test func theGridIsTheDemosShape() {
    let grid = GridShape()
    let cells = grid.cells()
    #expect(cells.count == 56)
    let expected = cells.map(\.expected)
    #expect(abs((expected.min() ?? 0) - 1) < 1e-9)
    #expect(abs((expected.max() ?? 0) - 250) < 1e-6)
    let overdispersed = cells.filter { $0.phi > 1 }
    #expect(overdispersed.count >= 4)
    #expect(overdispersed.map(\.phi).max() == 7)
    #expect(overdispersed.allSatisfy { $0.expected >= 30 })
  }

  @Test func inControlReportsRarelyFlagAnythingAtTheDefaults() {
    let simulation = DetectorSimulation(histories: Self.histories, seed: 7)
    let size = simulation.size(DetectorSettings())
    #expect(size.reports == Self.histories * 24)
    // The full run measures about the target of 5 %; 960 reports leave room for chance.
    #expect(size.size <= 0.09)
    // Run rules never raise an anomaly on their own at the defaults: they are watches.
    for rule in RunRule.allCases where rule != .beyondLimit {
      #expect(size.flaggedByRule[rule] == nil)
    }
    #expect(size.watched > size.flagged)
  }

  @Test func runRulesAsAnomaliesFlagManyMoreReports() {
    let simulation = DetectorSimulation(histories: Self.histories, seed: 7)
    var old = DetectorSettings()
    old.runRules = .anomaly
    let watch = simulation.size(DetectorSettings()).size
    let anomaly = simulation.size(old).size
    #expect(anomaly > watch + 0.05)
  }

  @Test(arguments: [
    ("step ×2 at 100", 0.9), ("spike: 9 against 1", 0.7), ("trend +15 %/month × 4 at 100", 0.7),
  ])
  func largeEventsAreFlaggedSoon(name: String, least: Double) throws {
    let scenario = try #require(PowerScenario.standard.first { $0.name == name })
    let simulation = DetectorSimulation(histories: Self.histories, seed: 7, scenarios: [scenario])
    let power = simulation.power(scenario, DetectorSettings())
    #expect(power.histories == Self.histories)
    let measured =
      if case .trend = scenario.event { power.withinThreePower } else { power.firstMonthPower }
    #expect(measured >= least)
  }

  @Test func aLargerStepIsFlaggedAtLeastAsOften() {
    let simulation = DetectorSimulation(histories: Self.histories, seed: 3)
    let small = simulation.power(
      PowerScenario(name: "a", event: .step(factor: 1.5), expected: 20), DetectorSettings())
    let large = simulation.power(
      PowerScenario(name: "a", event: .step(factor: 2), expected: 20), DetectorSettings())
    #expect(large.firstMonth >= small.firstMonth)
    #expect(large.detected >= small.detected)
  }

  @Test func theSameSeedGivesTheSameTable() {
    let simulation = DetectorSimulation(
      histories: 5, seed: 11, scenarios: Array(PowerScenario.standard.prefix(2)))
    let first = SimulationTable.markdown(simulation.run(DetectorSettings()), grid: simulation.grid)
    let second = SimulationTable.markdown(simulation.run(DetectorSettings()), grid: simulation.grid)
    #expect(first == second)
    #expect(first.contains("| with at least one anomaly (size) |"))
  }
}

/// The figures every report quotes must be what the harness measures today.
@Suite struct PublishedFiguresTests {
  @Test func theReportsFiguresAgreeWithASmallRun() throws {
    let published = SimulatedPerformance.defaults
    let scenarios = PowerScenario.standard.filter {
      ["step ×2 at 100", "spike: 9 against 1"].contains($0.name)
    }
    let simulation = DetectorSimulation(histories: 40, seed: 99, scenarios: scenarios)
    let result = simulation.run(DetectorSettings())
    #expect(abs(result.size.size - published.size) <= 0.04)
    let step = try #require(result.power.first { $0.scenario.name == "step ×2 at 100" })
    #expect(abs(step.firstMonthPower - published.stepTwiceAt100) <= 0.1)
    let spike = try #require(result.power.first { $0.scenario.name == "spike: 9 against 1" })
    #expect(abs(spike.firstMonthPower - published.spike) <= 0.15)
  }
}
