import Testing

@testable import PlaintIngest

/// A record copied out of the reader's buffers, so records from different runs can be compared.
struct ParsedRecord: Equatable, CustomStringConvertible {
  var line: Int
  var fields: [String]
  var isCutOff = false

  var description: String { "\(line)\(isCutOff ? "!" : ""): \(fields)" }
}

/// Feeds `input` to a reader in chunks of `size` bytes (nil: all at once).
func parse(
  _ input: [UInt8], chunk size: Int?, delimiter: UInt8 = 0x2C, rowEnds: RowEnds = .crOrLF
) throws -> [ParsedRecord] {
  var reader = try CSVReader(delimiter: delimiter, rowEnds: rowEnds)
  var records: [ParsedRecord] = []
  let collect: (CSVRecord) -> Void = { record in
    let fields = (0..<record.fieldCount).map { String(decoding: record[$0], as: UTF8.self) }
    records.append(ParsedRecord(line: record.line, fields: fields, isCutOff: record.isCutOff))
  }
  let step = size ?? max(input.count, 1)
  var offset = 0
  while offset < input.count {
    let end = min(offset + step, input.count)
    try input[offset..<end].withUnsafeBytes { try reader.parse($0, collect) }
    offset = end
  }
  try reader.finish(collect)
  return records
}

struct CSVReaderTests {
  static let chunkSizes: [Int?] = [1, 2, 3, 7, 4096, nil]

  static let cases: [(name: String, input: String, expected: [ParsedRecord])] = [
    (
      "quoted line breaks",
      "id,text\n1,\"two\nlines\"\n2,\"three\r\nlines\rhere\"\n3,plain\n",
      [
        ParsedRecord(line: 1, fields: ["id", "text"]),
        ParsedRecord(line: 2, fields: ["1", "two\nlines"]),
        ParsedRecord(line: 4, fields: ["2", "three\r\nlines\rhere"]),
        ParsedRecord(line: 7, fields: ["3", "plain"]),
      ]
    ),
    (
      "CRLF row ends and a last row without a break",
      "a,b\r\n1,2\r\n3,4",
      [
        ParsedRecord(line: 1, fields: ["a", "b"]),
        ParsedRecord(line: 2, fields: ["1", "2"]),
        ParsedRecord(line: 3, fields: ["3", "4"]),
      ]
    ),
    (
      "bare CR row ends and blank lines",
      "a,b\r1,2\r\r3,4\r\n\n5,6\n",
      [
        ParsedRecord(line: 1, fields: ["a", "b"]),
        ParsedRecord(line: 2, fields: ["1", "2"]),
        ParsedRecord(line: 4, fields: ["3", "4"]),
        ParsedRecord(line: 6, fields: ["5", "6"]),
      ]
    ),
    (
      "empty fields and escaped quotes",
      ",x,,\n\"\",\"say \"\"hi\"\"\",,\n",
      [
        ParsedRecord(line: 1, fields: ["", "x", "", ""]),
        ParsedRecord(line: 2, fields: ["", "say \"hi\"", "", ""]),
      ]
    ),
    (
      "a file ending inside an open quote",
      "id,text\n1,ok\n2,\"cut\noff",
      [
        ParsedRecord(line: 1, fields: ["id", "text"]),
        ParsedRecord(line: 2, fields: ["1", "ok"]),
        ParsedRecord(line: 3, fields: ["2", "cut\noff"], isCutOff: true),
      ]
    ),
    (
      "a closed quote at the very end is not cut off",
      "id,text\n1,\"done\"",
      [
        ParsedRecord(line: 1, fields: ["id", "text"]),
        ParsedRecord(line: 2, fields: ["1", "done"]),
      ]
    ),
  ]

  @Test(arguments: cases.indices, chunkSizes)
  func recordsAndLinesDoNotDependOnChunking(index: Int, chunk: Int?) throws {
    let testCase = Self.cases[index]
    let records = try parse(Array(testCase.input.utf8), chunk: chunk)
    #expect(
      records == testCase.expected, "\(testCase.name), chunk \(chunk.map(String.init) ?? "whole")")
  }

  @Test func recordStraddlingBufferEdges() throws {
    // Long quoted fields with line breaks, so every chunk size cuts records in many places.
    var input = "id,text\n"
    var expected = [ParsedRecord(line: 1, fields: ["id", "text"])]
    var line = 2
    for row in 1...300 {
      let text = String(repeating: "word\(row) ", count: row % 17) + "\n, \"quoted\" end"
      input += "\(row),\"\(text.replacingOccurrences(of: "\"", with: "\"\""))\"\r\n"
      expected.append(ParsedRecord(line: line, fields: ["\(row)", text]))
      line += 2
    }
    for chunk in Self.chunkSizes {
      #expect(try parse(Array(input.utf8), chunk: chunk) == expected)
    }
  }

  @Test func tabDelimiterKeepsEmptyFields() throws {
    let records = try parse(Array("a\t\tc\n\t\t\n".utf8), chunk: nil, delimiter: 0x09)
    #expect(records.map(\.fields) == [["a", "", "c"], ["", "", ""]])
  }

  @Test func rawTextQuotesWhatNeedsQuoting() throws {
    var reader = try CSVReader(delimiter: 0x3B)
    var raw: [String] = []
    let input = Array("1;\"a;b\";\"say \"\"hi\"\"\";plain\n".utf8)
    try input.withUnsafeBytes { bytes in
      try reader.parse(bytes) { raw.append(String(decoding: $0.raw(), as: UTF8.self)) }
    }
    #expect(raw == ["1;\"a;b\";\"say \"\"hi\"\"\";plain"])
  }
}

struct CSVReaderLFModeTests {
  @Test(arguments: CSVReaderTests.chunkSizes)
  func bareCarriageReturnsInsideFieldsAreData(chunk: Int?) throws {
    let input = Array("id,text\r\n1,say \r\rhi\r\n2,\"quoted\"\r\n3,\"a\rb\"\n".utf8)
    let records = try parse(input, chunk: chunk, rowEnds: .lf)
    #expect(
      records == [
        ParsedRecord(line: 1, fields: ["id", "text"]),
        ParsedRecord(line: 2, fields: ["1", "say \r\rhi"]),
        ParsedRecord(line: 3, fields: ["2", "quoted"]),
        ParsedRecord(line: 4, fields: ["3", "a\rb"]),
      ])
  }
}
