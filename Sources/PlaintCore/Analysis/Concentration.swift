import Foundation

/// Whether one cell's complaints gather on one value of a dimension (a channel, an hour of the
/// day, a weekday, an agent) more than the same cell's complaints did in its baseline.
public enum Concentration {
  /// What complaints may gather on.
  public enum Dimension: String, Codable, Sendable, CaseIterable {
    case channel, hour, weekday, agent
  }

  /// What a test needs before it is run at all.
  public struct Settings: Sendable {
    /// Complaints in the cell this period, and in its baseline.
    public var minCount = 10
    public var minBaselineCount = 30
    /// Complaints with the value this period.
    public var minValueCount = 5
    /// Significance after the Bonferroni correction over the values tested.
    public var alpha = 0.001
    /// The share must reach this multiple of the baseline share and exceed it by this much.
    public var minRatio = 2.0
    public var minDifference = 0.2

    public init() {}
  }

  /// One concentration found.
  public struct Finding: Sendable, Equatable {
    public var value: String
    public var count: Int
    public var total: Int
    public var share: Double
    public var baselineShare: Double
    /// Fisher's exact one-sided p-value, Bonferroni-corrected over the values tested.
    public var pValue: Double
    /// Cohen's h between the two shares (0.2 small, 0.5 medium, 0.8 large).
    public var effectSize: Double
  }

  /// The value this period's complaints gather on, if one does; nil values are not candidates
  /// but stay in the totals.
  public static func find(
    current: [String?], baseline: [String?], settings: Settings = Settings()
  ) -> Finding? {
    var now: [String: Int] = [:]
    var before: [String: Int] = [:]
    for value in current { if let value { now[value, default: 0] += 1 } }
    for value in baseline { if let value { before[value, default: 0] += 1 } }
    return find(
      current: now, total: current.count, baseline: before, baselineTotal: baseline.count,
      settings: settings)
  }

  /// The same from counts: complaints per value this period and in the baseline, and the
  /// totals, which include the complaints without a value.
  public static func find(
    current now: [String: Int], total: Int, baseline before: [String: Int], baselineTotal: Int,
    settings: Settings = Settings()
  ) -> Finding? {
    guard total >= settings.minCount, baselineTotal >= settings.minBaselineCount else {
      return nil
    }
    let tested = Set(now.keys).union(before.keys).count
    guard tested >= 2 else { return nil }
    var best: Finding? = nil
    for (value, count) in now.sorted(by: { $0.key < $1.key }) where count >= settings.minValueCount
    {
      let baseCount = before[value] ?? 0
      let share = Double(count) / Double(total)
      let baselineShare = Double(baseCount) / Double(baselineTotal)
      guard share >= settings.minRatio * baselineShare,
        share - baselineShare >= settings.minDifference
      else { continue }
      let raw = ExactTests.fisherUpperTail(
        count, total - count, baseCount, baselineTotal - baseCount)
      let p = min(1, raw * Double(tested))
      guard p <= settings.alpha else { continue }
      let h = 2 * (share.squareRoot().asin - baselineShare.squareRoot().asin)
      let finding = Finding(
        value: value, count: count, total: total, share: share,
        baselineShare: baselineShare, pValue: p, effectSize: h)
      if best.map({ (finding.pValue, finding.value) < ($0.pValue, $0.value) }) ?? true {
        best = finding
      }
    }
    return best
  }
}

extension Double {
  fileprivate var asin: Double { Foundation.asin(self) }
}
