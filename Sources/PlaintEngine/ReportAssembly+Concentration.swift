import Foundation
import PlaintCore
import PlaintReport
import PlaintStore

extension Configuration {
  /// The dimensions concentrations are looked for in: the four every export may carry, then the
  /// slices read from a column. Which export or system a complaint came from says when it was
  /// exported, not where a problem sits (with one file a month, every period "concentrates" on
  /// its own file), so `@file` and `@system` slices are not among them.
  var concentrationDimensions: [ConcentrationDimension] {
    ConcentrationDimension.standard(timeZone: timeZone) + columnSlices.map(\.dimension)
  }
}

/// One way to split a unit's complaints: a channel, an hour, a weekday, an agent or a slice.
struct ConcentrationDimension: Sendable {
  var name: Concentration.Dimension
  var value: @Sendable (ClassifiedTicket) -> String?

  /// The four dimensions every export may carry, in the configured time zone.
  static func standard(timeZone: TimeZone) -> [ConcentrationDimension] {
    let clock = LocalClock(timeZone: timeZone)
    let weekdays = [
      "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
    ]
    return [
      ConcentrationDimension(name: .channel) { text($0.ticket.channel) },
      ConcentrationDimension(name: .hour) {
        let hour = clock.fields($0.ticket.created).hour
        return hour < 10 ? "0\(hour)" : "\(hour)"
      },
      ConcentrationDimension(name: .weekday) {
        weekdays[clock.fields($0.ticket.created).weekday]
      },
      ConcentrationDimension(name: .agent) { text($0.ticket.agent) },
    ]
  }

  /// A value as exported, trimmed; nil when empty.
  static func text(_ value: String?) -> String? {
    guard let value else { return nil }
    // A value that starts and ends with an ASCII byte other than a space or a tab has nothing
    // to trim (`.whitespaces` holds no other ASCII character): Foundation's trimming bridges
    // to NSString, which the report's pass over a year of tickets paid for every value.
    if let first = value.utf8.first, let last = value.utf8.last, first < 0x80, last < 0x80,
      first != 0x20, first != 0x09, last != 0x20, last != 0x09
    {
      return value
    }
    let trimmed = value.trimmingCharacters(in: .whitespaces)
    return trimmed.isEmpty ? nil : trimmed
  }
}

/// The hour of the day and the day of the week of an instant in one time zone, as the
/// Gregorian calendar gives them (`Calendar.component`), from the zone's offset, which
/// `ZoneOffsets` looks up once per quarter hour of tickets rather than once per ticket. Shared
/// by the window's reading threads, under a lock.
final class LocalClock: @unchecked Sendable {
  private let lock = NSLock()
  private var offsets: ZoneOffsets

  init(timeZone: TimeZone) {
    offsets = ZoneOffsets(timeZone: timeZone)
  }

  /// The hour (0–23) and the weekday (0 for Sunday … 6 for Saturday) of `date`.
  func fields(_ date: Date) -> (hour: Int, weekday: Int) {
    lock.lock()
    let offset = offsets.secondsFromGMT(for: date)
    lock.unlock()
    let local = date.timeIntervalSince1970 + Double(offset)
    let day = Int((local / 86_400).rounded(.down))
    let hour = Int((local - Double(day) * 86_400) / 3600)
    // 1970-01-01 was a Thursday (4).
    let weekday = ((day + 4) % 7 + 7) % 7
    return (min(max(hour, 0), 23), weekday)
  }
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

  /// How the complaints of every unit in `units` fell on each dimension's values, this period
  /// and in the baseline, from the cube: the totals from the cell counts (`C`, complaints
  /// without a value included), the values from the dimension counts (`D`), each cell's summed
  /// into the roll-ups that contain it. Units in order, dimensions in the order given.
  static func concentrationTallies(
    _ cube: ReportCube, units: Set<Concentration.Unit>, dimensions: [Concentration.Dimension],
    current: String, baseline: Set<String>
  ) -> [Concentration.Tally] {
    let position = Dictionary(
      dimensions.enumerated().map { ($1.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
    // Each unit's tallies, one per dimension, at the unit's index in `order`; each cell's units
    // (their indexes) looked up once per cell, not once per dimension count.
    var indexOf: [Concentration.Unit: Int] = [:]
    var rows: [[Concentration.Tally]] = []
    var order: [Concentration.Unit] = []
    /// A key's cell as its three texts (category, product line, tier), made without an array.
    struct CellKey: Hashable {
      let category: String
      let line: String
      let tier: String
    }
    var unitsOfCell: [CellKey: [Int]] = [:]
    /// The indexes of the units of the key's cell; a unit not yet tallied is added when
    /// `adding`, left out otherwise (dimension counts go only to units the cell counts made).
    func unitIndexes(_ key: [String], adding: Bool) -> [Int] {
      let cellKey = CellKey(category: key[1], line: key[2], tier: key[3])
      if let known = unitsOfCell[cellKey] { return known }
      var indexes: [Int] = []
      if let category = Category(rawValue: key[1]), let tier = Tier(rawValue: key[3]) {
        let cell = Cell(category: category, productLine: key[2], tier: tier)
        for unit in concentrationUnits(cell) where units.contains(unit) {
          if let index = indexOf[unit] {
            indexes.append(index)
          } else if adding {
            indexOf[unit] = order.count
            indexes.append(order.count)
            order.append(unit)
            rows.append(dimensions.map { Concentration.Tally(unit: unit, dimension: $0) })
          }
        }
      }
      // While adding, a cell's units are all tallied once it is seen.
      unitsOfCell[cellKey] = indexes
      return indexes
    }
    func isCurrent(_ key: [String]) -> Bool? {
      key[0] == current ? true : baseline.contains(key[0]) ? false : nil
    }
    for (key, value) in cube[.cell] {
      guard let isCurrent = isCurrent(key) else { continue }
      for unit in unitIndexes(key, adding: true) {
        for index in rows[unit].indices {
          rows[unit][index].add(nil, current: isCurrent, count: value.count)
        }
      }
    }
    for (key, value) in cube[.dimension] {
      guard let index = position[key[4]], let isCurrent = isCurrent(key) else { continue }
      for unit in unitIndexes(key, adding: false) {
        if isCurrent {
          rows[unit][index].current[key[5], default: 0] += value.count
        } else {
          rows[unit][index].baseline[key[5], default: 0] += value.count
        }
      }
    }
    return order.indices.sorted { order[$0] < order[$1] }.flatMap { rows[$0] }
  }

  /// Tests every whole cell and category and product-line roll-up on every dimension as one
  /// Benjamini–Hochberg family, against the unit's own baseline periods.
  ///
  /// A roll-up's finding is left out when a cell inside it holds the same one (the same
  /// dimension and value): the cell says where the pile-up sits.
  func concentrations(
    grid: GridSeries, counts: CubeCounts, baseline: [Period],
    dimensions: [Concentration.Dimension]
  ) -> (found: [ReportModel.Concentration], tested: Int) {
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
    let tallies = Self.concentrationTallies(
      counts.cube, units: units, dimensions: dimensions, current: period.description,
      baseline: Set(baseline.map(\.description)))
    let outcome = Concentration.family(tallies, settings: configuration.concentrations)
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
