import Foundation

/// Whether a unit's complaints (a cell, or a roll-up of cells) gather on one value of a dimension
/// (a channel, an hour of the day, a weekday, an agent, a slice) more than the same unit's
/// complaints did in its baseline periods.
///
/// Every test of a report is one family, controlled with Benjamini–Hochberg: a report that looks
/// in every cell and on every dimension would otherwise find a pile-up somewhere every month.
public enum Concentration {
  /// What complaints may gather on: the four every export may carry, or a configured slice.
  ///
  /// Written as its name ("hour", or the slice's name), which a slice cannot share with the four.
  public enum Dimension: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    case channel, hour, weekday, agent
    /// A `slices:` entry, by its name.
    case slice(String)

    /// The four every export may carry, in the report's order.
    public static let standard: [Dimension] = [.channel, .hour, .weekday, .agent]

    public init(rawValue: String) {
      self = Self.standard.first { $0.rawValue == rawValue } ?? .slice(rawValue)
    }

    public var rawValue: String {
      switch self {
      case .channel: "channel"
      case .hour: "hour"
      case .weekday: "weekday"
      case .agent: "agent"
      case .slice(let name): name
      }
    }

    public var description: String { rawValue }

    public static func < (lhs: Dimension, rhs: Dimension) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
      self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      try container.encode(rawValue)
    }
  }

  /// The gates a test must pass, and the family's level.
  public struct Settings: Sendable, Equatable {
    /// Complaints in the unit this period, and in its baseline periods, for the unit to be tested.
    public var minCount = 10
    public var minBaselineCount = 30
    /// Complaints with the value this period and in the baseline together, for the value to
    /// join the family; and this period alone, for it to be reported.
    public var minValueCount = 5
    /// The Benjamini–Hochberg level over every test of the family.
    public var fdr = 0.01
    /// The share must reach this multiple of the baseline share and exceed it by this much.
    public var minRatio = 2.0
    public var minDifference = 0.2

    public init() {}
  }

  /// The method's name in outputs.
  public static let method = "fisher_exact_bh"

  /// A cell, or a roll-up over every category, product line or tier.
  public struct Unit: Sendable, Hashable, Comparable {
    public var category: Rollup<Category>
    /// `Rollup.allRawValue` ("*"): every product line.
    public var productLine: String
    public var tier: Rollup<Tier>

    public init(category: Rollup<Category>, productLine: String, tier: Rollup<Tier>) {
      self.category = category
      self.productLine = productLine
      self.tier = tier
    }

    /// The unit of one cell.
    public init(_ cell: Cell) {
      self.init(
        category: .only(cell.category), productLine: cell.productLine, tier: .only(cell.tier))
    }

    /// Whether every part is a single value.
    public var isCell: Bool {
      category != .all && tier != .all && productLine != Rollup<Category>.allRawValue
    }

    public static func < (lhs: Unit, rhs: Unit) -> Bool {
      (lhs.category, lhs.productLine, lhs.tier) < (rhs.category, rhs.productLine, rhs.tier)
    }

    /// Whether `self` is a roll-up that contains `unit`.
    public func contains(_ unit: Unit) -> Bool {
      let everyLine = Rollup<Category>.allRawValue
      return self != unit && (category == .all || category == unit.category)
        && (productLine == everyLine || productLine == unit.productLine)
        && (tier == .all || tier == unit.tier)
    }
  }

  /// How the complaints of one unit fell on one dimension's values, this period and in the
  /// baseline. A complaint without a value counts in the totals but is no candidate.
  public struct Tally: Sendable, Equatable {
    public var unit: Unit
    public var dimension: Dimension
    public var current: [String: Int] = [:]
    public var currentTotal = 0
    public var baseline: [String: Int] = [:]
    public var baselineTotal = 0

    public init(unit: Unit, dimension: Dimension) {
      self.unit = unit
      self.dimension = dimension
    }

    /// Whether the baseline's complaints carry a value of the dimension at least
    /// `measuredRatio` times as often as this period's: a channel column blank in the older
    /// export (or on half its rows) was not measured then, and "baseline 0 %" would be a zero
    /// where there was no data (the hostile tester's F-C).
    public var isMeasuredAlike: Bool {
      let now = Double(current.values.reduce(0, +)) / Double(max(currentTotal, 1))
      let before = Double(baseline.values.reduce(0, +)) / Double(max(baselineTotal, 1))
      return before >= Concentration.measuredRatio * now
    }

    /// Whether every complaint of the period with an hour has the same one: an export of dates
    /// without a time of day, read as each day's start (the hostile tester's F-H: every
    /// complaint "arrived 00–01h; baseline 0 %"), not a pile-up one could act on. A pile-up at
    /// midnight among complaints at other hours is still tested.
    public var isOneHour: Bool {
      dimension == .hour && current.count == 1
    }

    /// The tally as tested: the hour among the complaints that have one, the other dimensions
    /// among all. A complaint of an export of dates without a time of day has no hour, and
    /// counted among the others it would make every hour's share look low (a period mixing such
    /// an export with a timed one: "51 % arrived 00–01h; baseline 0 %").
    public var asTested: Tally {
      guard dimension == .hour else { return self }
      var tested = self
      tested.currentTotal = current.values.reduce(0, +)
      tested.baselineTotal = baseline.values.reduce(0, +)
      return tested
    }

    /// Counts one complaint of this period (`current`) or of the baseline.
    public mutating func add(_ value: String?, current isCurrent: Bool, count: Int = 1) {
      if isCurrent {
        currentTotal += count
        if let value { current[value, default: 0] += count }
      } else {
        baselineTotal += count
        if let value { baseline[value, default: 0] += count }
      }
    }
  }

  /// One concentration found.
  public struct Finding: Sendable, Equatable {
    public var unit: Unit
    public var dimension: Dimension
    public var value: String
    public var count: Int
    public var total: Int
    public var share: Double
    public var baselineShare: Double
    /// Fisher's exact one-sided p-value of the value's share, unadjusted.
    public var pValue: Double
    /// The Benjamini–Hochberg q-value over the whole family.
    public var qValue: Double
    /// Cohen's h between the two shares (0.2 small, 0.5 medium, 0.8 large).
    public var effectSize: Double
  }

  /// The family's size and what passed it.
  public struct Outcome: Sendable, Equatable {
    /// Tests in the family (values of tested units and dimensions).
    public var tested: Int
    /// Sorted by unit, dimension, then p-value.
    public var findings: [Finding]
  }

  /// Tests every value of every tally that passes the count gates, adjusts the p-values as one
  /// Benjamini–Hochberg family, and keeps what passes `fdr` and the effect-size gates.
  ///
  /// A value joins the family on its count this period and in the baseline together: Fisher's
  /// test conditions on that total, so choosing by it leaves the p-values valid (independent
  /// filtering), while values seen once or twice, which can never signal, do not dilute the family.
  /// How much less often than this period the baseline may carry a dimension's values and the
  /// dimension still be tested (`Tally.isMeasuredAlike`): a tenth, as a column blank on a few
  /// rows is; a baseline that recorded the channel on half its complaints would otherwise read
  /// "baseline 46 %" for a share of 90 % among those it recorded.
  public static let measuredRatio = 0.9

  public static func family(_ tallies: [Tally], settings: Settings = Settings()) -> Outcome {
    struct Test {
      var tally: Int
      var value: String
      var count: Int
      var baseCount: Int
      var p: Double
    }
    var tests: [Test] = []
    let tallies = tallies.map(\.asTested)
    for (index, tally) in tallies.enumerated()
    where tally.currentTotal >= settings.minCount
      && tally.baselineTotal >= settings.minBaselineCount && tally.isMeasuredAlike
      && !tally.isOneHour
    {
      let values = Set(tally.current.keys).union(tally.baseline.keys)
      guard values.count >= 2 else { continue }
      for value in values.sorted() {
        let count = tally.current[value] ?? 0
        let baseCount = tally.baseline[value] ?? 0
        guard count + baseCount >= settings.minValueCount else { continue }
        let p = ExactTests.fisherUpperTail(
          count, tally.currentTotal - count, baseCount, tally.baselineTotal - baseCount)
        tests.append(Test(tally: index, value: value, count: count, baseCount: baseCount, p: p))
      }
    }
    let q = FalseDiscoveryRate.benjaminiHochberg(tests.map(\.p))
    var findings: [Finding] = []
    for (test, q) in zip(tests, q) where q <= settings.fdr && test.count >= settings.minValueCount {
      let tally = tallies[test.tally]
      let share = Double(test.count) / Double(tally.currentTotal)
      let baselineShare = Double(test.baseCount) / Double(tally.baselineTotal)
      guard share >= settings.minRatio * baselineShare,
        share - baselineShare >= settings.minDifference
      else { continue }
      findings.append(
        Finding(
          unit: tally.unit, dimension: tally.dimension, value: test.value, count: test.count,
          total: tally.currentTotal, share: share, baselineShare: baselineShare, pValue: test.p,
          qValue: q,
          effectSize: 2 * (share.squareRoot().asin - baselineShare.squareRoot().asin)))
    }
    findings.sort {
      ($0.unit, $0.dimension, $0.pValue, $0.value) < ($1.unit, $1.dimension, $1.pValue, $1.value)
    }
    return Outcome(tested: tests.count, findings: findings)
  }

  /// The value this period's complaints gather on, if one does, as a family of one dimension.
  public static func find(
    current: [String?], baseline: [String?], settings: Settings = Settings()
  ) -> Finding? {
    var tally = Tally(
      unit: Unit(category: .all, productLine: Rollup<Category>.allRawValue, tier: .all),
      dimension: .channel)
    for value in current { tally.add(value, current: true) }
    for value in baseline { tally.add(value, current: false) }
    return family([tally], settings: settings).findings.first
  }
}

extension Double {
  fileprivate var asin: Double { Foundation.asin(self) }
}
