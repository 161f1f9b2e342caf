import Foundation
import PlaintCore

/// The options of `plaint pareto`.
public struct ParetoOptions: Sendable, Hashable {
  /// The cumulative share the vital few must reach, in (0, 1].
  public var threshold: Double

  public init(threshold: Double = 0.8) {
    self.threshold = threshold
  }

  /// Reads `--threshold` as typed; a bad value is a usage error (exit 64).
  public init(threshold text: String) throws(PlaintError) {
    guard let threshold = Double(text), threshold > 0, threshold <= 1 else {
      throw PlaintError(
        .usage, "--threshold \(text): give a share above 0 and at most 1, such as 0.8 for 80 %")
    }
    self.init(threshold: threshold)
  }
}

/// A computed `plaint pareto` table.
///
/// Without a weight column the items are ranked by count. With one, each item's value is
/// count × weight (a cost or revenue per complaint, say) and the items are ranked and cut on
/// those values; weights are plain decimals with at most two decimals, so the values are exact
/// in hundredths and the cut stays in integer arithmetic (docs/statistics.md).
public struct ParetoReport: Sendable {
  public struct Row: Sendable, Hashable {
    public var key: String
    public var count: Int
    /// The weight column; nil without one.
    public var weight: Double?
    /// What the table ranks: the count, or count × weight.
    public var value: Double
    /// value / total (0 when the total is 0).
    public var share: Double
    public var cumulative: Double
    public var vital: Bool
    /// Has the same value as the row that crosses the threshold, alongside another row.
    public var tiedAtCut: Bool
  }

  /// The input path as given.
  public var input: String
  public var threshold: Double
  public var weighted: Bool
  /// Every item, ranked: value descending, then key ascending.
  public var rows: [Row]

  /// The sum of the values.
  public var total: Double { rows.reduce(0) { $0 + $1.value } }

  /// The number of vital items.
  public var vitalCount: Int { rows.filter(\.vital).count }
}

/// `plaint pareto`: the vital few of `key,count[,weight]` rows, by the code `run` uses.
public enum ParetoTool {
  static let layout = "key,count[,weight]"

  /// Reads `path` and ranks its items.
  public static func table(inputPath path: String, options: ParetoOptions) throws(PlaintError)
    -> ParetoReport
  {
    let table = try ToolTable(
      path: path, required: ["key", "count"], optional: ["weight"], layout: layout)
    let weighted = table.has("weight")
    var items: [(key: String, count: Int, hundredths: Int?)] = []
    var seen: [String: Int] = [:]
    for row in table.rows {
      let key = table.value(row, "key")
      guard !key.isEmpty else { throw table.failure(row, "key", "empty; give every item a key") }
      if let first = seen[key] {
        throw table.failure(
          row, "key", "\"\(key)\" repeats line \(first); give each item one row (add the counts)")
      }
      seen[key] = row.line
      let count = try table.count(row, "count")
      var hundredths: Int?
      if weighted {
        let text = table.value(row, "weight")
        guard let weight = Self.hundredths(text) else {
          throw table.failure(
            row, "weight",
            "\"\(text)\" is not a weight; write a number ≥ 0 with at most two decimals, such as "
              + "12.5, or drop the column")
        }
        hundredths = weight
      }
      items.append((key, count, hundredths))
    }
    return try rank(items, input: path, threshold: options.threshold)
  }

  /// Ranks items by count, or by count × weight when weights (in hundredths) are given.
  static func rank(
    _ items: [(key: String, count: Int, hundredths: Int?)], input: String, threshold: Double
  ) throws(PlaintError) -> ParetoReport {
    let weighted = items.contains { $0.hundredths != nil }
    var values: [(key: String, count: Int)] = []
    for item in items {
      guard let weight = item.hundredths else {
        values.append((item.key, item.count))
        continue
      }
      let (value, overflow) = item.count.multipliedReportingOverflow(by: weight)
      guard !overflow else {
        throw PlaintError(
          .dataError, "\(input): count × weight of \"\(item.key)\" is too large to add up")
      }
      values.append((item.key, value))
    }
    let byKey = Dictionary(items.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    let scale = weighted ? 100.0 : 1.0
    let rows = Pareto.table(values, threshold: threshold).map { row in
      let item = byKey[row.key]
      return ParetoReport.Row(
        key: row.key, count: item?.count ?? row.count,
        weight: item?.hundredths.map { Double($0) / 100 }, value: Double(row.count) / scale,
        share: row.share, cumulative: row.cumulative, vital: row.vital, tiedAtCut: row.tiedAtCut)
    }
    return ParetoReport(input: input, threshold: threshold, weighted: weighted, rows: rows)
  }

  /// A plain decimal ≥ 0 with at most two decimals, in hundredths: "12.5" → 1250.
  static func hundredths(_ text: String) -> Int? {
    let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    let whole = parts.first.map(String.init) ?? ""
    let fraction = parts.count == 2 ? String(parts[1]) : ""
    guard !(whole.isEmpty && fraction.isEmpty), fraction.count <= 2,
      (whole + fraction).allSatisfy(\.isASCIIDigit),
      let units = Int(whole.isEmpty ? "0" : whole),
      let digits = Int(fraction.isEmpty ? "0" : fraction)
    else { return nil }
    let (scaled, overflow) = units.multipliedReportingOverflow(by: 100)
    return overflow ? nil : scaled + (fraction.count == 1 ? digits * 10 : digits)
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
