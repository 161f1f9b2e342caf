import ArgumentParser
import Foundation
import PlaintCore
import PlaintSimulation

extension PlaintDatagen {
  struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Measure the anomaly detector's size and power on simulated monthly reports.",
      discussion: """
        Simulates in-control histories of a grid like the demo's and histories with one planted \
        event, judges each with the detector in-process, and prints Markdown tables: the share \
        of in-control monthly reports that flag anything (overall and by rule), and how often \
        and how soon each planted event is flagged. The same seed gives the same tables.
        """)

    @Option(help: "Simulated histories per row (in-control, and per planted event).")
    var histories: Int = 1000

    @OptionGroup var seed: SeedOption

    @Option(help: "control.sigma")
    var sigma: Double = DetectorSettings().sigma

    @Option(help: "control.fdr: a level, or off; several, comma-separated, print a curve.")
    var fdr: String = DetectorSettings().fdr.map { "\($0)" } ?? "off"

    @Option(name: .customLong("run-rules"), help: "control.run_rules: watch or anomaly.")
    var runRules: String = DetectorSettings().runRules.rawValue

    @Option(name: .customLong("small-count-weight"), help: "control.small_count_weight")
    var smallCountWeight: Double = DetectorSettings().smallCountWeight

    @Option(name: .customLong("min-count"), help: "control.min_count")
    var minCount: Int = DetectorSettings().minCount

    @Option(
      name: .customLong("rebaseline-after"),
      help: "control.rebaseline_after: a number of periods, or off.")
    var rebaselineAfter: String = DetectorSettings().rebaselineAfter.map { "\($0)" } ?? "off"

    @Option(help: "Months in each history (the planted events start in month 30).")
    var months: Int = GridShape().months

    @Option(
      help:
        "The dispersion ratios φ of the overdispersed cells, comma-separated; none: all Poisson.")
    var phi: String = "2,3,5,7"

    @Flag(name: .customLong("by-cell"), help: "Also print the in-control anomalies of each cell.")
    var byCell = false

    @Option(
      help: "Run only the planted events whose name contains one of these (comma-separated).")
    var events: String?

    @Flag(help: "Print only the curve: one row per --fdr level.")
    var curveOnly = false

    @Flag(
      help: """
        Measure the concentration family instead: the share of in-control periods with a \
        finding, and how often a planted 9–10h single-agent pile-up is found (--histories \
        periods per row).
        """)
    var concentrations = false

    @Option(
      name: .customLong("concentration-fdr"),
      help: "concentrations.fdr: the family's level; several, comma-separated, one row each.")
    var concentrationFDR: String = "\(Concentration.Settings().fdr)"

    func validate() throws {
      guard histories > 0 else { throw ValidationError("--histories must be at least 1") }
      guard months >= 31 else { throw ValidationError("--months must be at least 31") }
      guard rebaselineAfter == "off" || (Int(rebaselineAfter) ?? 0) >= 2 else {
        throw ValidationError("--rebaseline-after must be a number from 2, or off")
      }
      guard RunRulePolicy(rawValue: runRules) != nil else {
        throw ValidationError("--run-rules must be watch or anomaly, got \"\(runRules)\"")
      }
      _ = try levels()
    }

    func levels() throws -> [Double?] {
      try fdr.split(separator: ",").map { item in
        let text = item.trimmingCharacters(in: .whitespaces)
        if text == "off" { return nil }
        guard let value = Double(text), value > 0, value < 1 else {
          throw ValidationError("--fdr: expected levels between 0 and 1 or off, got \"\(text)\"")
        }
        return value
      }
    }

    func run() throws {
      var grid = GridShape()
      grid.months = months
      grid.dispersions = phi == "none" ? [] : phi.split(separator: ",").compactMap { Double($0) }
      if concentrations { return try runConcentrations(grid) }
      var simulation = DetectorSimulation(grid: grid, histories: histories, seed: seed.seed)
      if let events {
        let wanted = events.split(separator: ",").map(String.init)
        simulation.scenarios = simulation.scenarios.filter { scenario in
          wanted.contains { scenario.name.contains($0) }
        }
      }
      var results: [SimulationResult] = []
      for level in try levels() {
        var settings = DetectorSettings()
        settings.sigma = sigma
        settings.fdr = level
        settings.runRules = RunRulePolicy(rawValue: runRules) ?? .watch
        settings.smallCountWeight = smallCountWeight
        settings.minCount = minCount
        settings.rebaselineAfter = Int(rebaselineAfter)
        let result = simulation.run(settings)
        results.append(result)
        if !curveOnly { print(SimulationTable.markdown(result, grid: simulation.grid)) }
        if byCell { print(SimulationTable.byCell(result, grid: simulation.grid)) }
      }
      if results.count > 1 || curveOnly { print(SimulationTable.curve(results)) }
    }

    /// The concentration mode: one in-control row per level, with and without the effect-size
    /// gates, then the planted pile-ups at the first level.
    func runConcentrations(_ grid: GridShape) throws {
      let levels = try concentrationFDR.split(separator: ",").map { item in
        guard let value = Double(item.trimmingCharacters(in: .whitespaces)), value > 0, value < 1
        else {
          throw ValidationError(
            "--concentration-fdr: expected levels between 0 and 1, got \"\(item)\"")
        }
        return value
      }
      let simulation = ConcentrationSimulation(grid: grid, periods: histories, seed: seed.seed)
      var rows: [(String, ConcentrationSimulation.Result)] = []
      for level in levels {
        var settings = Concentration.Settings()
        settings.fdr = level
        rows.append(("in control, fdr \(level)", simulation.inControl(settings)))
        settings.minRatio = 0
        settings.minDifference = -1
        rows.append(
          ("in control, fdr \(level), no effect-size gates", simulation.inControl(settings)))
      }
      var settings = Concentration.Settings()
      settings.fdr = levels.first ?? settings.fdr
      for (expected, share) in [(20.0, 0.5), (20, 0.3), (60, 0.3)] {
        rows.append(
          (
            "pile-up: \(Int(share * 100)) % of a cell expecting \(Int(expected)), fdr \(settings.fdr)",
            simulation.plantedPower(settings, expected: expected, share: share)
          ))
      }
      print(SimulationTable.concentrations(rows, simulation: simulation))
    }
  }
}
