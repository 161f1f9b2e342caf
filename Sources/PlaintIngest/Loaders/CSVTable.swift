/// A small CSV file with a header row, read whole into strings: the input of `plaint chart` and
/// `plaint pareto`.
///
/// Encoding and delimiter are detected as for exports and sales files (it is the same reader);
/// fields are trimmed and rows with only empty fields are dropped.
public struct CSVTable: Sendable {
  public struct Row: Sendable, Hashable {
    /// The 1-based line the record starts on.
    public var line: Int
    public var fields: [String]
  }

  /// Lower-cased, trimmed header names.
  public var header: [String]
  public var rows: [Row]

  /// Reads `path`, naming it `displayPath` in errors.
  public init(path: String, displayPath: String) throws(IngestError) {
    let table = try SmallTable(path: path, displayPath: displayPath)
    header = table.header
    rows = table.rows.map { Row(line: $0.line, fields: $0.fields) }
  }
}
