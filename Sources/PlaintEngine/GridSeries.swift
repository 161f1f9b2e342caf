import PlaintCore
import PlaintStore

/// A charted series key: a base cell, or a roll-up over every category, product line or tier
/// (written "*" in the report and the store).
struct SeriesKey: Hashable, Comparable, Sendable {
  var category: Rollup<Category>
  /// `Rollup.allRawValue` ("*"): every product line.
  var productLine: String
  var tier: Rollup<Tier>

  init(_ cell: Cell) {
    category = .only(cell.category)
    productLine = cell.productLine
    tier = .only(cell.tier)
  }

  init(
    category: Rollup<Category>, productLine: String = Rollup<Category>.allRawValue,
    tier: Rollup<Tier>
  ) {
    self.category = category
    self.productLine = productLine
    self.tier = tier
  }

  /// The key of parts as the store writes them; nil when a part is no category or tier.
  init?(category: String, productLine: String, tier: String) {
    guard let category = Rollup<Category>(rawValue: category),
      let tier = Rollup<Tier>(rawValue: tier)
    else { return nil }
    self.init(category: category, productLine: productLine, tier: tier)
  }

  /// The series of every complaint.
  static let total = SeriesKey(category: .all, tier: .all)

  /// The base cell; nil for a roll-up.
  var cell: Cell? {
    guard let category = category.value, let tier = tier.value,
      productLine != Rollup<Category>.allRawValue
    else { return nil }
    return Cell(category: category, productLine: productLine, tier: tier)
  }

  /// In the order of the parts as written, as the report has always listed its series.
  static func < (lhs: SeriesKey, rhs: SeriesKey) -> Bool {
    [lhs.category.rawValue, lhs.productLine, lhs.tier.rawValue].lexicographicallyPrecedes(
      [rhs.category.rawValue, rhs.productLine, rhs.tier.rawValue])
  }
}

/// Counts and exposures of every base cell and roll-up, aligned on the same periods.
///
/// Units come from the sales file: per product line and tier when it splits by tier, otherwise the
/// product line's total serves both tiers. Without a sales file every period has one unit (a count
/// chart). `unassigned` tickets have no denominator, so they are left out of every series.
///
/// Each point carries how much of its period the exports cover (`coverage`): a cell's comes from
/// its product line; a roll-up's is whole only where every line in it that has a history is.
/// Only `tiers` are charted: without key accounts, the key-account tier is neither drawn nor
/// tested, and a single tier needs no tier roll-up.
struct GridSeries {
  let periods: [Period]
  let productLines: [String]
  var cells: [SeriesKey: [ChartObservation]] = [:]
  var rollups: [SeriesKey: [ChartObservation]] = [:]

  init(
    counts: [CellCount], sales: [SalesVolume]?, taxonomyLines: [String], through last: Period,
    tiers: [Tier] = Tier.allCases, coverage: DataCoverage? = nil
  ) {
    // With coverage, the grid starts where the exports do: rows before every file's span
    // (stragglers dated years back) stay in the accounting but draw no empty years of periods.
    let first: Period
    if let start = coverage?.span(last.granularity)?.lowerBound {
      first = min(start, last)
    } else {
      first = counts.map(\.period).filter { $0 <= last }.min() ?? last
    }
    periods = Period.range(first, through: last)
    let index = Dictionary(uniqueKeysWithValues: periods.enumerated().map { ($1, $0) })
    var lines = Set(taxonomyLines)
    for count in counts where count.cell.productLine != Cell.unassigned {
      lines.insert(count.cell.productLine)
    }
    productLines = lines.sorted()

    // Exposure per (line, tier, period); nil tier = the line's untiered total.
    var units: [String: [Tier?: [Double?]]] = [:]
    let empty = [Double?](repeating: nil, count: periods.count)
    for volume in sales ?? [] {
      guard let at = index[volume.period] else { continue }
      units[volume.productLine, default: [:]][volume.tier, default: empty][at] =
        (units[volume.productLine]?[volume.tier]?[at] ?? 0) + volume.units
    }
    func exposure(_ line: String, _ tier: Tier?) -> [Double?] {
      guard sales != nil else { return Array(repeating: 1, count: periods.count) }
      let byTier = units[line] ?? [:]
      if let tier, let tiered = byTier[tier] { return tiered }
      if let total = byTier[nil] { return total }
      if tier == nil, byTier.isEmpty == false {
        return (0..<periods.count).map { at in
          let parts = Tier.allCases.compactMap { byTier[$0]?[at] }
          return parts.isEmpty ? nil : parts.reduce(0, +)
        }
      }
      return empty
    }

    var tally: [Cell: [Int]] = [:]
    for count in counts where count.cell.productLine != Cell.unassigned {
      guard let at = index[count.period] else { continue }
      tally[count.cell, default: Array(repeating: 0, count: periods.count)][at] += count.count
    }
    let zero = Array(repeating: 0, count: periods.count)
    // Coverage per period of each line that some export held; a line none held has no history.
    // Without coverage (the chart tools' callers), every period counts as whole.
    var lineCoverage: [String: [PeriodCoverage]] = [:]
    if let coverage {
      for line in productLines where coverage.hasHistory(line) {
        lineCoverage[line] = periods.map { coverage.coverage(line: line, $0) }
      }
    }
    let unknown: PeriodCoverage = coverage == nil ? .whole : .none
    // A line counts in a roll-up from the period its history starts in.
    var started: [String: Int] = [:]
    for (line, covered) in lineCoverage {
      started[line] = covered.firstIndex { $0 != .none } ?? periods.count
    }
    func combined(_ lines: [String]) -> [PeriodCoverage] {
      periods.indices.map { at in
        let parts = lines.compactMap { line in
          (started[line] ?? periods.count) <= at ? lineCoverage[line]?[at] : nil
        }
        return parts.isEmpty ? unknown : PeriodCoverage.combined(parts)
      }
    }
    func observations(
      _ counts: [Int], _ units: [Double?], _ covered: [PeriodCoverage],
      restarts: [Bool]? = nil
    ) -> [ChartObservation] {
      counts.indices.map {
        ChartObservation(
          count: counts[$0], units: units[$0], coverage: covered[$0],
          restarts: restarts?[$0] ?? false)
      }
    }
    // Where a line's counts are not comparable with those before: the periods an export joined
    // its exports in (`DataCoverage.Join`), with the share of its rate the joining files carry;
    // and, for the roll-ups it is summed into, the period its history starts in, all of whose
    // count is new to them.
    var joined: [String: [Double]] = [:]
    var newShare: [String: [Double]] = [:]
    for line in productLines {
      var shares = Array(repeating: 0.0, count: periods.count)
      for join in coverage?.joins[line] ?? [] {
        if let at = index[join.period], at > 0 { shares[at] = max(shares[at], join.added) }
      }
      joined[line] = shares
      if let at = started[line], at > 0, at < periods.count { shares[at] = 1 }
      newShare[line] = shares
    }
    func lineRestarts(_ line: String) -> [Bool] {
      (joined[line] ?? []).map { $0 > 0 }
    }
    /// A roll-up starts again where the new share of its count (`added`, from the lines joined
    /// or begun) lifts it by `joinStep` or more over the rest.
    func rollupRestarts(_ counts: [Int], _ added: [Double]) -> [Bool] {
      zip(counts, added).map { count, added in
        count > 0 && added >= DataCoverage.joinShare * Double(count)
      }
    }
    func cellCoverage(_ line: String) -> [PeriodCoverage] {
      lineCoverage[line] ?? Array(repeating: unknown, count: periods.count)
    }
    func add(_ a: [Int], _ b: [Int]) -> [Int] { zip(a, b).map(+) }

    // Base cells, and the roll-ups built from them.
    var totalCounts = zero
    var categoryCounts: [Category: [Int]] = [:]
    var lineCounts: [String: [Int]] = [:]
    var tierCounts: [Tier: [Int]] = [:]
    let none = Array(repeating: 0.0, count: periods.count)
    var totalAdded = none
    var categoryAdded: [Category: [Double]] = [:]
    var tierAdded: [Tier: [Double]] = [:]
    func add(_ a: [Double], _ b: [Double]) -> [Double] { zip(a, b).map(+) }
    var cellUnits: [Tier: [String: [Double?]]] = [:]
    for tier in tiers {
      for line in productLines { cellUnits[tier, default: [:]][line] = exposure(line, tier) }
    }
    for category in Category.allCases {
      for line in productLines {
        for tier in tiers {
          let cell = Cell(category: category, productLine: line, tier: tier)
          let counts = tally[cell] ?? zero
          cells[SeriesKey(cell)] = observations(
            counts, cellUnits[tier]?[line] ?? empty, cellCoverage(line),
            restarts: lineRestarts(line))
          totalCounts = add(totalCounts, counts)
          categoryCounts[category] = add(categoryCounts[category] ?? zero, counts)
          lineCounts[line] = add(lineCounts[line] ?? zero, counts)
          tierCounts[tier] = add(tierCounts[tier] ?? zero, counts)
          let added = zip(counts, newShare[line] ?? none).map { Double($0) * $1 }
          totalAdded = add(totalAdded, added)
          categoryAdded[category] = add(categoryAdded[category] ?? none, added)
          tierAdded[tier] = add(tierAdded[tier] ?? none, added)
        }
      }
    }
    let lineTotals = productLines.map { exposure($0, nil) }
    let allCovered = combined(productLines)
    let ones = [Double?](repeating: 1, count: periods.count)
    // A line's units count in a roll-up from the period its history starts in, as its coverage
    // does: units without complaints data say nothing about complaints (the hostile tester's
    // F-I, a line with sales and no export that made the headline rate a third too low, and
    // F-A, a line with neither that left every roll-up without units). Nil where a line that
    // counts has none, or none counts.
    func rollupUnits(_ perLine: [(line: String, units: [Double?])]) -> [Double?] {
      guard sales != nil else { return ones }
      return periods.indices.map { at in
        let parts = perLine.filter { coverage == nil || (started[$0.line] ?? periods.count) <= at }
        guard !parts.isEmpty else { return nil }
        return parts.reduce(Double?(0)) { sum, part in
          sum.flatMap { total in part.units[at].map { total + $0 } }
        }
      }
    }
    let allUnits = rollupUnits(Array(zip(productLines, lineTotals)))
    for category in Category.allCases {
      rollups[SeriesKey(category: .only(category), tier: .all)] =
        observations(
          categoryCounts[category] ?? zero, allUnits, allCovered,
          restarts: rollupRestarts(
            categoryCounts[category] ?? zero, categoryAdded[category] ?? none))
    }
    for (line, lineUnits) in zip(productLines, lineTotals) {
      rollups[SeriesKey(category: .all, productLine: line, tier: .all)] =
        observations(
          lineCounts[line] ?? zero, lineUnits, cellCoverage(line), restarts: lineRestarts(line))
    }
    for tier in tiers where tiers.count > 1 {
      let tierUnits = rollupUnits(productLines.map { ($0, cellUnits[tier]?[$0] ?? empty) })
      rollups[SeriesKey(category: .all, tier: .only(tier))] =
        observations(
          tierCounts[tier] ?? zero, tierUnits, allCovered,
          restarts: rollupRestarts(tierCounts[tier] ?? zero, tierAdded[tier] ?? none))
    }
    rollups[SeriesKey.total] =
      observations(
        totalCounts, allUnits, allCovered, restarts: rollupRestarts(totalCounts, totalAdded))
  }
}
