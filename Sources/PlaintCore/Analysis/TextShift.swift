/// Whether the share of complaints without text moved so much that the categories, which come
/// from the text, would shift with the export rather than with the complaints.
public enum TextShift {
  /// How far the share may move, in points of 0...1, before category verdicts are withheld.
  public static let limit = 0.1
  /// Above this share in the period, the categories say more about the export than the complaints.
  public static let mostlyEmpty = 0.5

  /// The shares without text now and before, when they differ by more than `limit` or more than
  /// `mostlyEmpty` of the period is without text; nil otherwise or when the period is empty.
  /// Earlier periods without complaints are left out; with none left, "before" is "now".
  public static func find(
    current: (empty: Int, total: Int), earlier: [(empty: Int, total: Int)]
  ) -> (now: Double, before: Double)? {
    guard current.total > 0 else { return nil }
    let earlier = earlier.filter { $0.total > 0 }
    let now = Double(current.empty) / Double(current.total)
    let before =
      earlier.isEmpty
      ? now
      : Double(earlier.map(\.empty).reduce(0, +)) / Double(earlier.map(\.total).reduce(0, +))
    return abs(now - before) > limit || now > mostlyEmpty ? (now, before) : nil
  }
}
