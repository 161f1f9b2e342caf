/// One row of a Pareto table.
public struct ParetoRow: Codable, Sendable, Hashable {
  public var key: String
  public var count: Int
  /// count / total (0 when the total is 0).
  public var share: Double
  /// The running share up to and including this row.
  public var cumulative: Double
  /// In the vital few: the shortest prefix whose cumulative count reaches the threshold.
  public var vital: Bool
  /// Has the same count as the row that crosses the threshold, alongside at least one other row,
  /// so which of them is vital is decided only by the key order.
  public var tiedAtCut: Bool

  public init(
    key: String, count: Int, share: Double, cumulative: Double, vital: Bool, tiedAtCut: Bool
  ) {
    self.key = key
    self.count = count
    self.share = share
    self.cumulative = cumulative
    self.vital = vital
    self.tiedAtCut = tiedAtCut
  }
}

/// Pareto analysis: which few items account for most of the complaints.
public enum Pareto {
  /// The threshold is compared in integer arithmetic, per ten thousand.
  static let resolution = 10_000

  /// Rows sorted by count descending then key ascending, with the vital few marked.
  ///
  /// The cut is exact: a prefix is vital when cumulative × 10 000 ≥ total × round(threshold ×
  /// 10 000), so 28 of 35 reaches 80 % even though the summed float shares give 0.7999…. The item
  /// that crosses the threshold is included; zero-count items are listed last and never vital.
  public static func table(_ items: [(key: String, count: Int)], threshold: Double = 0.8)
    -> [ParetoRow]
  {
    let sorted = items.map { (key: $0.key, count: max(0, $0.count)) }
      .sorted { $0.count != $1.count ? $0.count > $1.count : $0.key < $1.key }
    // 128-bit sums: counts near Int.max cannot overflow the total or the cut's products.
    let total = sorted.reduce(Int128(0)) { $0 + Int128($1.count) }
    let level = Int128((min(1, max(0, threshold)) * Double(resolution)).rounded())

    var vitalCount = 0
    var running = Int128(0)
    if total > 0 {
      for item in sorted {
        guard running * Int128(resolution) < total * level else { break }
        running += Int128(item.count)
        vitalCount += 1
      }
    }
    let cutCount = vitalCount > 0 ? sorted[vitalCount - 1].count : nil
    let tied = cutCount.map { cut in sorted.filter { $0.count == cut }.count > 1 } ?? false

    var cumulative = Int128(0)
    return sorted.enumerated().map { index, item in
      cumulative += Int128(item.count)
      return ParetoRow(
        key: item.key, count: item.count,
        share: total > 0 ? Double(item.count) / Double(total) : 0,
        cumulative: total > 0 ? Double(cumulative) / Double(total) : 0,
        vital: index < vitalCount,
        tiedAtCut: tied && item.count == cutCount)
    }
  }
}
