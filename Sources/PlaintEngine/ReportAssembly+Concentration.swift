import Foundation
import PlaintCore
import PlaintReport
import PlaintStore

/// One way to split a unit's complaints: a channel, an hour, a weekday, an agent or a slice.
struct ConcentrationDimension: Sendable {
  var name: Concentration.Dimension
  var value: @Sendable (ClassifiedTicket) -> String?

  /// The four dimensions every export may carry, in the configured time zone.
  static func standard(timeZone: TimeZone) -> [ConcentrationDimension] {
    let calendar = {
      var calendar = Calendar(identifier: .gregorian)
      calendar.timeZone = timeZone
      return calendar
    }()
    let weekdays = [
      "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
    ]
    return [
      ConcentrationDimension(name: .channel) { text($0.ticket.channel) },
      ConcentrationDimension(name: .hour) {
        let hour = calendar.component(.hour, from: $0.ticket.created)
        return hour < 10 ? "0\(hour)" : "\(hour)"
      },
      ConcentrationDimension(name: .weekday) {
        weekdays[calendar.component(.weekday, from: $0.ticket.created) - 1]
      },
      ConcentrationDimension(name: .agent) { text($0.ticket.agent) },
    ]
  }

  /// A value as exported, trimmed; nil when empty.
  static func text(_ value: String?) -> String? {
    guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
      return nil
    }
    return value
  }
}

/// The counts the concentration family tests: for every unit in `units` and every dimension,
/// how the period's complaints and the baseline's fell on the dimension's values.
///
/// It adds one ticket at a time (or, through `Concentration.Tally.add(_:current:count:)`, counts
/// by cell, dimension and value, which sum the same way into the roll-ups).
struct ConcentrationCounter {
  let dimensions: [ConcentrationDimension]
  let units: Set<Concentration.Unit>
  private var byUnit: [Concentration.Unit: [Concentration.Tally]] = [:]

  init(dimensions: [ConcentrationDimension], units: Set<Concentration.Unit>) {
    self.dimensions = dimensions
    self.units = units
  }

  /// Counts `ticket` in its cell and in its category's and product line's roll-ups.
  mutating func add(_ ticket: ClassifiedTicket, current: Bool) {
    var values: [String?]? = nil
    for unit in ReportAssembly.concentrationUnits(ticket.cell) where units.contains(unit) {
      let found = values ?? dimensions.map { $0.value(ticket) }
      values = found
      var rows =
        byUnit.removeValue(forKey: unit)
        ?? dimensions.map { Concentration.Tally(unit: unit, dimension: $0.name) }
      for index in rows.indices { rows[index].add(found[index], current: current) }
      byUnit[unit] = rows
    }
  }

  /// Every unit's tallies, in the order of the units.
  var tallies: [Concentration.Tally] { byUnit.keys.sorted().flatMap { byUnit[$0] ?? [] } }
}

extension ReportAssembly {
  /// The units a ticket of `cell` counts in: the cell, its category's roll-up and its product
  /// line's roll-up (each over all tiers).
  static func concentrationUnits(_ cell: Cell) -> [Concentration.Unit] {
    let everyLine = Rollup<Category>.allRawValue
    return [
      Concentration.Unit(cell),
      Concentration.Unit(category: .only(cell.category), productLine: everyLine, tier: .all),
      Concentration.Unit(category: .all, productLine: cell.productLine, tier: .all),
    ]
  }

  /// Tests every whole cell and category and product-line roll-up on every dimension as one
  /// Benjamini–Hochberg family, against the unit's own baseline periods.
  ///
  /// A roll-up's finding is left out when a cell inside it holds the same one (the same
  /// dimension and value): the cell says where the pile-up sits.
  func concentrations(
    grid: GridSeries, current: [ClassifiedTicket], baseline: [Period],
    dimensions: [ConcentrationDimension]
  ) throws -> (found: [ReportModel.Concentration], tested: Int) {
    var units = Set<Concentration.Unit>()
    func whole(_ series: [ChartObservation]?) -> Bool { series?.last?.coverage == .whole }
    for (key, series) in grid.cells where whole(series) {
      units.insert(
        Concentration.Unit(category: key.category, productLine: key.productLine, tier: key.tier))
    }
    let everyLine = Rollup<Category>.allRawValue
    for (key, series) in grid.rollups
    where whole(series) && key.tier == .all
      && (key.category == .all) != (key.productLine == everyLine)
    {
      units.insert(
        Concentration.Unit(category: key.category, productLine: key.productLine, tier: key.tier))
    }
    var counter = ConcentrationCounter(dimensions: dimensions, units: units)
    for ticket in current { counter.add(ticket, current: true) }
    // The baseline's tickets are folded into counts as they are read, never held.
    try store.forEachTicket(in: baseline, excluding: configuration.canaryExclusion) {
      counter.add($0, current: false)
    }
    let outcome = Concentration.family(counter.tallies, settings: configuration.concentrations)
    let cellFindings = outcome.findings.filter(\.unit.isCell)
    let found = outcome.findings.filter { finding in
      !cellFindings.contains {
        finding.unit.contains($0.unit) && $0.dimension == finding.dimension
          && $0.value == finding.value
      }
    }
    return (
      found.map { finding in
        ReportModel.Concentration(
          category: finding.unit.category.rawValue, productLine: finding.unit.productLine,
          tier: finding.unit.tier, dimension: finding.dimension, value: finding.value,
          share: finding.share, baselineShare: finding.baselineShare, pValue: finding.pValue,
          qValue: finding.qValue, count: finding.count, total: finding.total,
          effectSize: finding.effectSize)
      }, outcome.tested
    )
  }
}

extension ReportAssembly {
  /// The family's method and gates for report.json; nil when the period supports no test.
  func concentrationMethod(tested: Int?, dimensions: [Concentration.Dimension])
    -> ReportModel.ConcentrationMethod?
  {
    guard let tested else { return nil }
    let settings = configuration.concentrations
    return ReportModel.ConcentrationMethod(
      name: Concentration.method, fdr: settings.fdr, tested: tested, minCount: settings.minCount,
      minBaselineCount: settings.minBaselineCount, minValueCount: settings.minValueCount,
      minRatio: settings.minRatio, minDifference: settings.minDifference, dimensions: dimensions)
  }
}
