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
      .sorted(by: precedes)
    // 128-bit sums: counts near Int.max cannot overflow the total or the cut's products.
    let total = sorted.reduce(Int128(0)) { $0 + Int128($1.count) }
    var running = Running(total: total, threshold: threshold)
    let marks = sorted.map { running.next($0.count) }
    let vitalCount = marks.prefix { $0.vital }.count
    let cutCount = vitalCount > 0 ? sorted[vitalCount - 1].count : nil
    let tied = cutCount.map { cut in sorted.filter { $0.count == cut }.count > 1 } ?? false
    return zip(sorted, marks).map { item, mark in
      ParetoRow(
        key: item.key, count: item.count, share: mark.share, cumulative: mark.cumulative,
        vital: mark.vital, tiedAtCut: tied && item.count == cutCount)
    }
  }

  /// The order of a table's rows: by count descending, then by key.
  public static func precedes(_ a: (key: String, count: Int), _ b: (key: String, count: Int))
    -> Bool
  {
    a.count != b.count ? a.count > b.count : a.key < b.key
  }

  /// Each row's share, running share and vital mark, given the table's total, as the rows come
  /// in table order: what `table` gives, for a table read a row at a time and never held.
  ///
  /// A row is vital while the rows before it sum to less than the threshold's share of the
  /// total: the shortest prefix that reaches it, the row that crosses it included.
  public struct Running: Sendable {
    private let total: Int128
    /// The threshold per ten thousand.
    private let level: Int128
    private var cumulative = Int128(0)

    public init(total: Int128, threshold: Double) {
      self.total = total
      level = Int128((min(1, max(0, threshold)) * Double(resolution)).rounded())
    }

    public mutating func next(_ count: Int) -> (share: Double, cumulative: Double, vital: Bool) {
      let count = max(0, count)
      let vital = total > 0 && cumulative * Int128(resolution) < total * level
      cumulative += Int128(count)
      guard total > 0 else { return (0, 0, vital) }
      return (
        Double(count) / Self.double(total), Self.double(cumulative) / Self.double(total), vital
      )
    }

    /// `value` as a double, through `Int64` when it is below 2^53: the same double (such a whole
    /// number is exactly one), where the generic `Int128` conversion costs a fifth of the
    /// sorting of a report's Pareto by customer.
    static func double(_ value: Int128) -> Double {
      value.magnitude < 1 << 53 ? Double(Int64(value)) : Double(value)
    }
  }
}
