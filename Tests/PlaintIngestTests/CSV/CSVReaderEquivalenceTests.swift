import PlaintTestSupport
import Testing

@testable import PlaintIngest

/// The reader without libcsv's per-byte space and row-end functions reads every input as the
/// reader with them did: same fields, lines, cut-off and truncation marks, in any chunking. The
/// reader with them is libcsv alone; the one without reads plain records on its fast path
/// (`FieldBatch.appendPlainRecords`), so these tests also hold the fast path to libcsv.
struct CSVReaderEquivalenceTests {
  /// Bytes that steer libcsv: blanks, row ends, quotes, both delimiters, and some text.
  private static let alphabet: [[UInt8]] = [
    [0x61], [0x62], [0x20], [0x09], [0x0D], [0x0A], [0x0D, 0x0A], [0x22], [0x2C], [0x3B],
    Array("é".utf8), Array("中".utf8),
  ]

  /// What a reader made of an input, copied out of its buffers.
  private struct Outcome: Equatable, CustomStringConvertible {
    var records: [String] = []
    var line = 0
    var atRecordStart: [Bool] = []
    /// Fields holding a CR, which only the reader's own CR handling puts there in `.lf` mode.
    var fieldsWithCR = 0
    /// Records read on the fast path (not compared: libcsv alone reads none there).
    var plainRecords = 0

    static func == (lhs: Outcome, rhs: Outcome) -> Bool {
      (lhs.records, lhs.line, lhs.atRecordStart, lhs.fieldsWithCR)
        == (rhs.records, rhs.line, rhs.atRecordStart, rhs.fieldsWithCR)
    }

    var description: String { "\(records) line \(line) starts \(atRecordStart)" }
  }

  private struct Setup: CustomStringConvertible {
    var delimiter: UInt8
    var rowEnds: RowEnds
    var width: Int?
    var fieldLimit: Int
    var chunk: Int

    var description: String {
      "delimiter \(delimiter) \(rowEnds) width \(width.map(String.init) ?? "nil") "
        + "limit \(fieldLimit) chunk \(chunk)"
    }
  }

  private static func read(_ input: [UInt8], _ setup: Setup, byteCallbacks: Bool) throws
    -> Outcome
  {
    var reader = try CSVReader(
      delimiter: setup.delimiter, rowEnds: setup.rowEnds, width: setup.width,
      fieldLimit: setup.fieldLimit, byteCallbacks: byteCallbacks)
    var outcome = Outcome()
    let collect: (CSVRecord) -> Void = { record in
      let fields = (0..<record.fieldCount).map { Array(record[$0]) }
      outcome.fieldsWithCR += fields.count { $0.contains(0x0D) }
      outcome.records.append(
        "\(record.line)\(record.isCutOff ? "!" : "") t\(record.truncatedFields) \(fields)")
    }
    var offset = 0
    while offset < input.count {
      let end = min(offset + setup.chunk, input.count)
      try input[offset..<end].withUnsafeBytes { try reader.parse($0, collect) }
      outcome.atRecordStart.append(reader.isAtRecordStart)
      offset = end
    }
    try reader.finish(collect)
    outcome.line = reader.line
    outcome.plainRecords = reader.plainRecordCount
    return outcome
  }

  /// What the reader without per-byte functions made of `input`, when it is what libcsv alone
  /// made of it; nil (and a failed expectation) when not.
  private static func agreeing(_ input: [UInt8], _ setup: Setup) throws -> Outcome? {
    let expected = try read(input, setup, byteCallbacks: true)
    let actual = try read(input, setup, byteCallbacks: false)
    #expect(actual == expected, "\(setup) input \(String(decoding: input, as: UTF8.self))")
    return actual == expected ? actual : nil
  }

  @Test("Random inputs read the same with and without per-byte functions")
  func randomInputsAgree() throws {
    var random = SplitMix64(seed: 0x5EED_C5F)
    var records = 0
    var plainRecords = 0
    var returnsInFields = 0
    for round in 0..<4_000 {
      var input: [UInt8] = []
      for _ in 0..<random.next(below: 60) {
        input += Self.alphabet[random.next(below: Self.alphabet.count)]
      }
      let setup = Setup(
        delimiter: round % 3 == 0 ? 0x09 : round % 3 == 1 ? 0x2C : 0x3B,
        rowEnds: round % 4 == 0 ? .crOrLF : .lf,
        width: [nil, 1, 2, 3][random.next(below: 4)],
        fieldLimit: [3, 8, .max][random.next(below: 3)],
        chunk: [1, 2, 3, 7, 4096][random.next(below: 5)])
      guard let outcome = try Self.agreeing(input, setup) else { return }
      records += outcome.records.count
      plainRecords += outcome.plainRecords
      returnsInFields += setup.rowEnds == .lf ? outcome.fieldsWithCR : 0
    }
    // The alphabet reaches the cases that matter: many records, CRs kept inside fields, and
    // records on both paths.
    #expect(records > 10_000, "\(records)")
    #expect(plainRecords > 500 && plainRecords < records / 2, "\(plainRecords) of \(records)")
    #expect(returnsInFields > 500, "\(returnsInFields)")
  }

  /// Fields as exports write them, and as they break: quoted narratives with escaped quotes and
  /// line breaks, blanks around fields, a quote inside an unquoted field, text after a closing
  /// quote, stray CRs, long fields.
  private static func field(_ random: inout SplitMix64, delimiter: UInt8) -> [UInt8] {
    let words: [[UInt8]] = [
      Array("pump".utf8), Array("Zählerstand".utf8), Array("a b".utf8), [delimiter], [0x22],
      [0x0A], [0x0D, 0x0A], [0x0D], [0x20], [0x09], Array(repeating: 0x78, count: 9),
    ]
    var text: [UInt8] = []
    for _ in 0..<random.next(below: 5) { text += words[random.next(below: words.count)] }
    switch random.next(below: 8) {
    case 0: return []
    case 1, 2, 3:
      return [0x22] + text.flatMap { $0 == 0x22 ? [0x22, 0x22] : [$0] } + [0x22]
    case 4: return [0x20] + [0x22] + text.filter { $0 != 0x22 } + [0x22] + [0x20]
    case 5: return [0x22] + text.filter { $0 != 0x22 } + [0x22] + Array("x".utf8)
    default: return text
    }
  }

  @Test("Exports' own records read the same on the fast path as through libcsv")
  func exportLikeRecordsAgree() throws {
    var random = SplitMix64(seed: 0xFA57)
    var records = 0
    var plainRecords = 0
    let rowEnds: [[UInt8]] = [[0x0A], [0x0A], [0x0D, 0x0A], [0x0D], [0x0A, 0x0A], []]
    for round in 0..<1_500 {
      let delimiter: UInt8 = round % 3 == 0 ? 0x09 : round % 3 == 1 ? 0x2C : 0x3B
      var input: [UInt8] = []
      for _ in 0..<random.next(below: 12) {
        let width = 1 + random.next(below: 4)
        for index in 0..<width {
          if index > 0 { input.append(delimiter) }
          input += Self.field(&random, delimiter: delimiter)
        }
        input += rowEnds[random.next(below: rowEnds.count)]
      }
      let setup = Setup(
        delimiter: delimiter, rowEnds: round % 4 == 0 ? .crOrLF : .lf,
        width: [nil, 2, 3][random.next(below: 3)],
        fieldLimit: [12, 40, .max][random.next(below: 3)],
        chunk: [1, 7, 64, 4096, 4096][random.next(below: 5)])
      guard let outcome = try Self.agreeing(input, setup) else { return }
      records += outcome.records.count
      plainRecords += outcome.plainRecords
    }
    #expect(records > 5_000, "\(records)")
    #expect(plainRecords > 500 && plainRecords < records / 2, "\(plainRecords) of \(records)")
  }

  @Test("Runs of odd records, which send the rest of a chunk to libcsv, read the same")
  func runsOfOddRecordsAgree() throws {
    var random = SplitMix64(seed: 0x0DD)
    var plainRecords = 0
    let odd = [" a,b\n", "a ,\"b\"\r\n", "5\" tube,x\n", "\"a\"b,c\n"].map { Array($0.utf8) }
    let plain = ["a,\"b\nc\"\n", "x,y\r\n", "\"q\"\"\",\n", "\n"].map { Array($0.utf8) }
    for round in 0..<300 {
      var input: [UInt8] = []
      for _ in 0..<random.next(below: 4) {
        // A run of records the fast path does not take (blanks around a field, a quote inside
        // one), long enough to pass `missesBeforeLibcsv`, then plain ones.
        for _ in 0..<random.next(below: 2 * CSVReader.missesBeforeLibcsv + 2) {
          input += odd[random.next(below: odd.count)]
        }
        for _ in 0..<random.next(below: 6) {
          input += plain[random.next(below: plain.count)]
        }
      }
      let setup = Setup(
        delimiter: 0x2C, rowEnds: round % 4 == 0 ? .crOrLF : .lf,
        width: [nil, 2][random.next(below: 2)], fieldLimit: .max,
        chunk: [5, 64, 4096][random.next(below: 3)])
      guard let outcome = try Self.agreeing(input, setup) else { return }
      plainRecords += outcome.plainRecords
    }
    #expect(plainRecords > 300, "\(plainRecords)")
  }

  @Test("A field cut at the limit is cut the same way wherever the chunks end")
  func cutFieldsDoNotDependOnChunking() throws {
    var random = SplitMix64(seed: 0xC07)
    var cut = 0
    for round in 0..<3_000 {
      var input: [UInt8] = []
      for _ in 0..<random.next(below: 60) {
        input += Self.alphabet[random.next(below: Self.alphabet.count)]
      }
      var setup = Setup(
        delimiter: round % 2 == 0 ? 0x2C : 0x09, rowEnds: round % 3 == 0 ? .crOrLF : .lf,
        width: [nil, 2][random.next(below: 2)], fieldLimit: [2, 5, 8][random.next(below: 3)],
        chunk: 4096)
      let whole = try Self.read(input, setup, byteCallbacks: false)
      setup.chunk = [1, 2, 3][random.next(below: 3)]
      let chunked = try Self.read(input, setup, byteCallbacks: false)
      #expect(chunked.records == whole.records, "\(setup) input \(input)")
      #expect(chunked.line == whole.line, "\(setup) input \(input)")
      if chunked.records != whole.records { return }
      cut += whole.records.count { !$0.contains(" t0 ") }
    }
    #expect(cut > 1_000, "\(cut)")
  }
}
