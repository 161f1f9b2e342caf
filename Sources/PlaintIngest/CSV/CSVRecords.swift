/// One parsed record, a view into the parser's batch; valid only inside the callback.
struct CSVRecord {
  /// The 1-based physical line the record starts on.
  let line: Int
  let count: Int
  /// Whether the file ended inside this record's quoted field.
  var brokenQuote = false
  private let bytes: UnsafeBufferPointer<UInt8>
  private let ends: UnsafeBufferPointer<Int>
  private let first: Int

  init(line: Int, bytes: UnsafeBufferPointer<UInt8>, ends: UnsafeBufferPointer<Int>, fields: Range<Int>) {
    self.line = line
    self.bytes = bytes
    self.ends = ends
    self.first = fields.lowerBound
    self.count = fields.count
  }

  /// The bytes of field `index`.
  subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
    let field = first + index
    let start = field == 0 ? 0 : ends[field - 1]
    return UnsafeBufferPointer(rebasing: bytes[start..<ends[field]])
  }

  /// Field `index` as text; invalid UTF-8 becomes U+FFFD.
  func string(_ index: Int) -> String {
    String(decoding: self[index], as: UTF8.self)
  }

  /// Whether every field is empty (a blank or all-delimiter line).
  var isBlank: Bool {
    (0..<count).allSatisfy { self[$0].isEmpty }
  }

  /// The record as CSV text again, for rejects: fields quoted where needed.
  func raw(delimiter: UInt8) -> String {
    (0..<count).map { index -> String in
      let text = string(index)
      let needsQuotes = self[index].contains {
        $0 == delimiter || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13
      }
      return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }.joined(separator: String(UnicodeScalar(delimiter)))
  }
}

/// Reads UTF-8 chunks through a `CSVParser` and hands out records with their line numbers.
struct CSVRecordReader {
  private let parser: CSVParser
  private var line = 1
  private var afterCR = false
  private var endedInsideQuotes = false
  let delimiter: UInt8

  init(delimiter: UInt8) {
    self.delimiter = delimiter
    parser = CSVParser(delimiter: delimiter)
  }

  /// Parses `chunk` and calls `body` for every record it completes. `body` returns false to stop.
  mutating func feed(_ chunk: UnsafeRawBufferPointer, _ body: (CSVRecord) throws -> Bool) rethrows
    -> Bool
  {
    parser.feed(chunk)
    return try drain(body)
  }

  /// Ends the input; returns whether the file ended inside a quoted field, and drains the rest.
  mutating func finish(_ body: (CSVRecord) throws -> Bool) rethrows -> (brokenQuote: Bool, more: Bool) {
    let broken = parser.finish()
    endedInsideQuotes = broken
    let more = try drain(body)
    return (broken, more)
  }

  private mutating func drain(_ body: (CSVRecord) throws -> Bool) rethrows -> Bool {
    // The batch is borrowed for the walk and released before compaction, so no copy is made.
    let keepGoing = try walk(parser.batch, body)
    parser.compact()
    return keepGoing
  }

  private mutating func walk(_ batch: borrowing CSVBatch, _ body: (CSVRecord) throws -> Bool)
    rethrows -> Bool
  {
    var keepGoing = true
    var firstField = 0
    try batch.bytes.withUnsafeBufferPointer { bytes in
      try batch.fieldEnds.withUnsafeBufferPointer { ends in
        for event in batch.events {
          if event.fieldEnd < 0 {
            // A line break outside any record: a blank line, or the LF of a CRLF.
            if event.terminator == 10 && afterCR {
              afterCR = false
            } else {
              line += 1
              afterCR = event.terminator == 13
            }
            continue
          }
          afterCR = false
          let fields = firstField..<event.fieldEnd
          firstField = event.fieldEnd
          let start = line
          // Line breaks inside quoted fields.
          let byteStart = fields.lowerBound == 0 ? 0 : ends[fields.lowerBound - 1]
          let byteEnd = fields.isEmpty ? byteStart : ends[fields.upperBound - 1]
          var index = byteStart
          while index < byteEnd {
            let byte = bytes[index]
            if byte == 10 {
              line += 1
            } else if byte == 13 && (index + 1 >= byteEnd || bytes[index + 1] != 10) {
              line += 1
            }
            index += 1
          }
          if event.terminator == 10 || event.terminator == 13 {
            line += 1
            afterCR = event.terminator == 13
          }
          guard keepGoing, !fields.isEmpty else { continue }
          var record = CSVRecord(line: start, bytes: bytes, ends: ends, fields: fields)
          record.brokenQuote = endedInsideQuotes && event.terminator == -1
          keepGoing = try body(record)
        }
      }
    }
    return keepGoing
  }
}
