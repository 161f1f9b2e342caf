import Foundation
import PlaintIngest
import PlaintReport

/// What `plaint chart` and `plaint pareto` print.
public enum ToolFormat: String, Sendable, CaseIterable {
  case json
  case md
  case svg

  /// Reads `--format`; anything else is a usage error (exit 64).
  public init(parsing text: String) throws(PlaintError) {
    guard let format = ToolFormat(rawValue: text.lowercased()) else {
      throw PlaintError(
        .usage,
        "--format \(text): unknown format; use one of "
          + ToolFormat.allCases.map(\.rawValue).joined(separator: ", "))
    }
    self = format
  }
}

/// A small CSV input of one of the tools: read whole, its columns located by header name.
struct ToolTable {
  /// The path as the user gave it, for messages.
  var path: String
  var rows: [CSVTable.Row]
  private var columns: [String: Int]

  /// Reads `path` and finds `required` (and, when present, `optional`) columns in its header;
  /// `layout` ("period,count,units") is quoted in messages so the user knows what to write.
  init(path: String, required: [String], optional: [String] = [], layout: String)
    throws(PlaintError)
  {
    self.path = path
    let table: CSVTable
    do {
      table = try CSVTable(path: path, displayPath: path)
    } catch IngestError.fileMissing {
      throw PlaintError(.noInput, "\(path): file not found; check the --input path")
    } catch IngestError.empty {
      throw PlaintError(
        .dataError, "\(path): the file is empty; write a header row \(layout) and one row per line")
    } catch {
      throw Failure.ingest(error, file: path)
    }
    var columns: [String: Int] = [:]
    for name in required + optional {
      if let index = table.header.firstIndex(of: name) { columns[name] = index }
    }
    if let missing = required.first(where: { columns[$0] == nil }) {
      throw PlaintError(
        .dataError,
        "\(path): the header row has no `\(missing)` column; the first row must name the "
          + "columns \(layout)")
    }
    guard !table.rows.isEmpty else {
      throw PlaintError(
        .dataError, "\(path): the header row is there but no data row follows; add rows \(layout)")
    }
    self.rows = table.rows
    self.columns = columns
  }

  /// Whether the header has column `name`.
  func has(_ name: String) -> Bool { columns[name] != nil }

  /// The trimmed text of column `name` in `row`; empty when the row is short.
  func value(_ row: CSVTable.Row, _ name: String) -> String {
    guard let index = columns[name], index < row.fields.count else { return "" }
    return row.fields[index]
  }

  /// A bad-data failure at a row and column, with what to do about it.
  func failure(_ row: CSVTable.Row, _ column: String, _ problem: String) -> PlaintError {
    PlaintError(.dataError, "\(path):\(row.line): column `\(column)`: \(problem)")
  }

  /// The largest count a tool reads (10¹⁵): sums and products of such counts stay exact, and
  /// far from overflow.
  static let largestCount = 1_000_000_000_000_000

  /// A whole number from 0 to `largestCount` from column `name`.
  func count(_ row: CSVTable.Row, _ name: String) throws(PlaintError) -> Int {
    let text = value(row, name)
    guard let count = Int(text), count >= 0 else {
      if let big = Double(text), big.isFinite, big > Double(Self.largestCount) {
        throw failure(row, name, "\(text) is above the largest count a tool reads, 10^15")
      }
      throw failure(row, name, "\"\(text)\" is not a whole number ≥ 0; write a count such as 12")
    }
    guard count <= Self.largestCount else {
      throw failure(row, name, "\(text) is above the largest count a tool reads, 10^15")
    }
    return count
  }
}

extension KeyedEncodingContainer {
  /// A number rounded as the report rounds it (ten significant digits); `null` for nil.
  mutating func encodeRounded(_ value: Double?, forKey key: Key) throws {
    if let value, let rounded = OutputNumber.rounded(value) {
      try encode(rounded, forKey: key)
    } else {
      try encodeNil(forKey: key)
    }
  }
}

/// Pretty, key-sorted JSON with a trailing newline: the same value always gives the same bytes.
func toolJSON(_ value: some Encodable) throws(PlaintError) -> String {
  String(decoding: try PrettyJSON.encode(value), as: UTF8.self) + "\n"
}
