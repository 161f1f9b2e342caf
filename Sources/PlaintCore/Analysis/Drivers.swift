/// One issue of a driver table: its Pareto row in this window and its count in the window before.
public struct DriverRow: Sendable, Hashable {
  public var pareto: ParetoRow
  /// The count in the window before; nil when the two windows cannot be compared.
  public var previousCount: Int?
  /// `pareto.count − previousCount`; nil when the two windows cannot be compared.
  public var change: Int?
}

/// What drives a product line or a cell: its vital few issues and how each moved against the
/// window before.
public enum Drivers {
  /// The issues of `current` in Pareto order with the vital few marked. With `previous` (the
  /// window before, comparable with this one), each row carries its count then and the change,
  /// and issues only seen then are listed with a count of 0, never vital: an issue that went
  /// away is news to the line's owner too. Without it, neither is given.
  public static func table(
    current: [String: Int], previous: [String: Int]?, threshold: Double
  ) -> [DriverRow] {
    var counts = current
    for key in (previous ?? [:]).keys where counts[key] == nil { counts[key] = 0 }
    return Pareto.table(counts.map { (key: $0.key, count: $0.value) }, threshold: threshold)
      .map { row in
        let before = previous.map { $0[row.key] ?? 0 }
        return DriverRow(
          pareto: row, previousCount: before, change: before.map { row.count - $0 })
      }
  }
}
