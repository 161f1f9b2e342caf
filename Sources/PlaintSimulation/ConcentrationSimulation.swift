import Foundation
import PlaintCore

/// How often the concentration family reports something in a period where nothing changed, and
/// how often it finds a planted pile-up.
///
/// Each simulated period is a grid like the demo's (`GridShape`): every cell draws a Poisson
/// count for the period and for each of its baseline periods, and every complaint draws its
/// channel, hour, weekday and agent from fixed distributions (agents per product line), so the
/// shares never change: every finding is a false one. The tallies of the cells and of the
/// category and product-line roll-ups go to `Concentration.family`, as the report's do.
public struct ConcentrationSimulation: Sendable {
  public var grid: GridShape
  public var periods: Int
  public var seed: UInt64
  /// Whole baseline periods before the reported one (the report's `baseline_periods`).
  public var baselinePeriods: Int

  public init(
    grid: GridShape = GridShape(), periods: Int = 1000, seed: UInt64 = 15,
    baselinePeriods: Int = 12
  ) {
    self.grid = grid
    self.periods = periods
    self.seed = seed
    self.baselinePeriods = baselinePeriods
  }

  /// What one run of periods gave.
  public struct Result: Sendable, Equatable {
    public var periods = 0
    /// Periods with at least one finding.
    public var flagged = 0
    /// Findings over all periods.
    public var findings = 0
    /// Tests per period, summed.
    public var tested = 0
    /// Periods with at least one finding per dimension.
    public var flaggedByDimension: [String: Int] = [:]

    public var rate: Double { periods == 0 ? 0 : Double(flagged) / Double(periods) }
    public var meanTested: Double { periods == 0 ? 0 : Double(tested) / Double(periods) }
  }

  /// The dimensions and the fixed share of each value: channels, a working-day profile of hours
  /// and weekdays, and eight agents of unequal load.
  static let dimensions: [(name: String, values: [String], weights: [Double])] = {
    let hours = (0..<24).map { $0 < 10 ? "0\($0)" : "\($0)" }
    let hourWeights = (0..<24).map { hour -> Double in
      (8..<18).contains(hour) ? 8 : (6..<22).contains(hour) ? 2 : 0.3
    }
    return [
      ("channel", ["email", "phone", "web", "chat"], [0.45, 0.3, 0.18, 0.07]),
      ("hour", hours, hourWeights),
      (
        "weekday", ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
        [1.3, 1.1, 1, 1, 1.1, 0.4, 0.3]
      ),
      ("agent", (1...8).map { "agent \($0)" }, [3, 2.5, 2, 1.5, 1.2, 1, 0.8, 0.5]),
    ]
  }()

  /// Runs `periods` in-control periods with `settings`.
  public func inControl(_ settings: Concentration.Settings) -> Result {
    run(settings, planted: nil)
  }

  /// Runs `periods` periods in each of which one cell expecting `expected` complaints has
  /// `share` of them at one hour on one agent, and counts how often that cell is reported.
  public func plantedPower(_ settings: Concentration.Settings, expected: Double, share: Double)
    -> Result
  {
    run(settings, planted: (expected, share))
  }

  private func run(_ settings: Concentration.Settings, planted: (expected: Double, share: Double)?)
    -> Result
  {
    var cells = grid.cells()
    let plantedCell = planted.map { planted in
      // A mid-sized Poisson cell: the one whose expected count is nearest the planted one.
      let index =
        cells.indices.min {
          abs(cells[$0].expected - planted.expected) < abs(cells[$1].expected - planted.expected)
        } ?? 0
      cells[index].expected = planted.expected
      return index
    }
    let tables = Self.dimensions.map { Self.cumulative($0.weights) }
    let root = SimulationRandom(seed: seed).fork(planted == nil ? 0 : 1)
    var result = Result()
    let dimensions = Self.dimensions
    let hour = dimensions.firstIndex { $0.name == "hour" } ?? 0
    let agent = dimensions.firstIndex { $0.name == "agent" } ?? 0
    for period in 0..<periods {
      var random = root.fork(UInt64(period))
      // Counts per cell, dimension and value: [0] this period, [1] the baseline.
      var counts = cells.map { _ in
        dimensions.map {
          [
            [Int](repeating: 0, count: $0.values.count),
            [Int](repeating: 0, count: $0.values.count),
          ]
        }
      }
      var totals = cells.map { _ in [0, 0] }
      for (index, cell) in cells.enumerated() {
        for month in 0...baselinePeriods {
          let side = month == baselinePeriods ? 0 : 1
          let count = random.poisson(cell.expected)
          totals[index][side] += count
          let piled =
            side == 0 && index == plantedCell
            ? Int((Double(count) * (planted?.share ?? 0)).rounded()) : 0
          for ticket in 0..<count {
            for (dimension, table) in tables.enumerated() {
              var value = Self.draw(table, &random)
              if ticket < piled && dimension == hour { value = 9 }
              if ticket < piled && dimension == agent { value = dimensions[agent].values.count - 1 }
              counts[index][dimension][side][value] += 1
            }
          }
        }
      }
      var tallies: [Concentration.Unit: [Concentration.Tally]] = [:]
      for (index, cell) in cells.enumerated() {
        for unit in units(index, cell) {
          var rows =
            tallies[unit]
            ?? dimensions.map {
              Concentration.Tally(unit: unit, dimension: Concentration.Dimension(rawValue: $0.name))
            }
          for (dimension, values) in dimensions.map(\.values).enumerated() {
            for (value, name) in values.enumerated() {
              let now = counts[index][dimension][0][value]
              let before = counts[index][dimension][1][value]
              if now > 0 { rows[dimension].current[name, default: 0] += now }
              if before > 0 { rows[dimension].baseline[name, default: 0] += before }
            }
            rows[dimension].currentTotal += totals[index][0]
            rows[dimension].baselineTotal += totals[index][1]
          }
          tallies[unit] = rows
        }
      }
      let outcome = Concentration.family(
        tallies.keys.sorted().flatMap { tallies[$0] ?? [] }, settings: settings)
      result.periods += 1
      result.tested += outcome.tested
      var findings = outcome.findings
      if let plantedCell {
        let unit = units(plantedCell, cells[plantedCell])[0]
        let piled = ["09", dimensions[agent].values.last ?? ""]
        findings = findings.filter { $0.unit == unit && piled.contains($0.value) }
      }
      result.findings += findings.count
      if !findings.isEmpty { result.flagged += 1 }
      for name in Set(findings.map(\.dimension.rawValue)) {
        result.flaggedByDimension[name, default: 0] += 1
      }
    }
    return result
  }

  /// The cell of grid index `index` and the category and product-line roll-ups it is part of.
  /// The grid's categories and tiers are the model's (four and two, as `GridShape`'s defaults).
  private func units(_ index: Int, _ cell: SimulatedCell) -> [Concentration.Unit] {
    let categories = Category.allCases
    let category = categories[(index / grid.tiers) % grid.categories % categories.count]
    let tier = Tier.allCases[index % grid.tiers % Tier.allCases.count]
    let line = "line \(cell.line)"
    return [
      Concentration.Unit(Cell(category: category, productLine: line, tier: tier)),
      Concentration.Unit(
        category: .only(category), productLine: Rollup<Category>.allRawValue, tier: .all),
      Concentration.Unit(category: .all, productLine: line, tier: .all),
    ]
  }

  static func cumulative(_ weights: [Double]) -> [Double] {
    let total = weights.reduce(0, +)
    var running = 0.0
    return weights.map {
      running += $0 / total
      return running
    }
  }

  static func draw(_ cumulative: [Double], _ random: inout SimulationRandom) -> Int {
    let u = random.uniform()
    return cumulative.firstIndex { u < $0 } ?? cumulative.count - 1
  }
}

extension SimulationTable {
  /// The concentration family's false-finding rate and power as a Markdown table.
  public static func concentrations(
    _ rows: [(name: String, result: ConcentrationSimulation.Result)],
    simulation: ConcentrationSimulation
  ) -> String {
    let grid = simulation.grid
    let names = ConcentrationSimulation.dimensions.map(\.name)
    var lines: [String] = []
    lines.append(
      "Grid: \(grid.lines) product lines × \(grid.categories) categories × \(grid.tiers) tiers = "
        + "\(grid.cellCount) cells and their \(grid.categories + grid.lines) category and "
        + "product-line roll-ups, \(simulation.baselinePeriods) baseline periods, "
        + "\(simulation.periods) periods per row.")
    lines.append("")
    lines.append(
      "| periods | tests per period | with a finding | "
        + names.map { "… by \($0)" }.joined(separator: " | ") + " |")
    lines.append("|---|---:|---:|" + names.map { _ in "---:" }.joined(separator: "|") + "|")
    for (name, result) in rows {
      let shares = names.map {
        hundredths(Double(result.flaggedByDimension[$0] ?? 0) / Double(max(1, result.periods)))
      }
      lines.append(
        "| \(name) | \(Int(result.meanTested.rounded())) | \(hundredths(result.rate)) | "
          + shares.joined(separator: " | ") + " |")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A share as a percentage with two decimals: false-finding rates sit near 1 %.
  static func hundredths(_ share: Double) -> String { String(format: "%.2f %%", share * 100) }
}
