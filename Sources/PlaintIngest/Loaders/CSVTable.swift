/// A small CSV file read whole into strings: the sales and key-account files.
struct CSVTable {
  var header: [String]
  var rows: [(line: Int, fields: [String])]

  static func read(path: String, displayPath: String) throws -> CSVTable {
    let source = try ByteSource(path: path, encoding: .auto, displayPath: displayPath)
    var reader: CSVRecordReader?
    var records: [(line: Int, fields: [String])] = []
    let collect: (CSVRecord) -> Bool = { record in
      if !record.isBlank {
        records.append((record.line, (0..<record.count).map { record.string($0) }))
      }
      return true
    }
    while try source.next({ chunk in
      if reader == nil { reader = CSVRecordReader(delimiter: DelimiterSniffer.sniff(chunk)) }
      _ = reader?.feed(chunk, collect)
    }) {}
    if var finishing = reader {
      let (broken, _) = finishing.finish(collect)
      if broken, let last = records.last {
        throw IngestError.badRow(displayPath, last.line, "the file ends inside a quoted field")
      }
    }
    guard let first = records.first else { throw IngestError.empty(displayPath) }
    return CSVTable(
      header: first.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() },
      rows: Array(records.dropFirst()))
  }

  func index(of column: String) -> Int? { header.firstIndex(of: column) }
}
