/// A small CSV file with a header row (sales, key accounts), read whole into strings.
struct SmallTable {
  struct Row {
    var line: Int
    var fields: [String]
  }

  let displayPath: String
  /// Lower-cased, trimmed header names.
  var header: [String] = []
  /// The first row as written (a list without a header has its first entry there).
  var headerRow = Row(line: 1, fields: [])
  var rows: [Row] = []

  /// Reads `path`; encoding and delimiter are detected as for exports.
  init(path: String, displayPath: String) throws(IngestError) {
    self.displayPath = displayPath
    let source = try ByteSource(path: path, displayPath: displayPath)
    var bytes: [UInt8] = []
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
    defer { buffer.deallocate() }
    while true {
      let count = try source.read(into: buffer)
      if count == 0 { break }
      bytes.append(contentsOf: buffer[..<count])
    }
    guard !bytes.isEmpty else { throw IngestError.empty(displayPath) }
    let records: [Row]
    do {
      records = try Self.records(bytes, displayPath: displayPath)
    } catch {
      throw .converting(error, path: displayPath)
    }
    guard let first = records.first else { throw IngestError.empty(displayPath) }
    header = first.fields.map(ColumnPlan.normalized)
    headerRow = first
    rows = Array(records.dropFirst())
  }

  /// The records of the file's bytes with at least one field filled, decoded and trimmed.
  private static func records(_ bytes: [UInt8], displayPath: String) throws -> [Row] {
    var records: [Row] = []
    try bytes.withUnsafeBytes { raw in
      guard let encoding = DetectedEncoding.detect(raw, requested: .auto, isWhole: true) else {
        throw IngestError.notText(displayPath)
      }
      var decoder = ByteDecoder(encoding)
      var text: [UInt8] = []
      decoder.decode(raw, isLast: true) { text.append(contentsOf: $0) }
      let delimiter = text.withUnsafeBytes { DelimiterSniffer.sniff($0) }
      var csv = try CSVReader(delimiter: delimiter)
      var replaced = 0
      let collect: (CSVRecord) -> Void = { record in
        let fields = (0..<record.fieldCount).map {
          encoding.fieldEncoding.string(trimmed(record[$0]), replaced: &replaced)
        }
        if fields.contains(where: { !$0.isEmpty }) {
          records.append(Row(line: record.line, fields: fields))
        }
      }
      try text.withUnsafeBytes { try csv.parse($0, collect) }
      try csv.finish(collect)
    }
    return records
  }

  /// Fails on the first row with a value beyond the header's columns: an unquoted "1,000" in a
  /// comma-separated file would otherwise be read as 1 and the rest dropped.
  func rejectWideRows() throws(IngestError) {
    for row in rows where row.fields.count > header.count {
      guard row.fields[header.count...].contains(where: { !$0.isEmpty }) else { continue }
      throw IngestError.contradicted(
        displayPath,
        "line \(row.line): \(row.fields.count) fields where the header has \(header.count); quote a value that holds the delimiter (an unquoted 1,000 reads as 1 and 000)"
      )
    }
  }

  /// Index of each of `names` in the header; missing required ones throw `missingColumns`.
  func columns(required: [String], optional: [String]) throws(IngestError) -> [String: Int] {
    let missing = required.filter { !header.contains($0) }
    guard missing.isEmpty else {
      throw IngestError.missingColumns(displayPath, missing.map { "\"\($0)\"" })
    }
    var columns: [String: Int] = [:]
    for name in required + optional {
      if let index = header.firstIndex(of: name) { columns[name] = index }
    }
    return columns
  }

  /// The value of column `name` in `row`; empty when the column or the field is absent.
  func value(_ row: Row, _ columns: [String: Int], _ name: String) -> String {
    guard let index = columns[name], index < row.fields.count else { return "" }
    return row.fields[index]
  }
}
