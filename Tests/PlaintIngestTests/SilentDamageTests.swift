import Foundation
import PlaintCore
import Testing

@testable import PlaintIngest
import PlaintTestSupport

/// Input that used to be read wrong without a word (issue 20): bare CRs, bad UTF-8, NUL bytes,
/// implausible dates, huge fields and special files. Each is read right, or counted and named.
struct SilentDamageTests {
  static let header = "Id,Created,Updated,Text,Customer,Product"

  /// Writes `bytes` to a fresh temporary file; the caller removes it.
  static func file(_ bytes: [UInt8], name: String = "x.csv") -> String {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("plaint-silent-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let path = directory.appendingPathComponent(name).path
    FileManager.default.createFile(atPath: path, contents: Data(bytes))
    return path
  }

  static func settings(_ path: String, _ configure: (inout SourceSettings) -> Void = { _ in })
    -> SourceSettings
  {
    var settings = SourceSettings(path: path, displayPath: "exports/x.csv", profile: "generic")
    settings.columns = [
      .id: [.header("Id")], .created: [.header("Created")], .updated: [.header("Updated")],
      .text: [.header("Text")], .customer: [.header("Customer")], .product: [.header("Product")],
    ]
    configure(&settings)
    return settings
  }

  static func read(
    _ bytes: [UInt8], _ configure: (inout SourceSettings) -> Void = { _ in }
  ) throws -> ReadResult {
    let path = file(bytes)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try Fixture.read(settings(path, configure))
  }

  static func row(_ id: String, text: String = "kettle broke", product: String = "KT-1") -> String {
    "\(id),2025-12-05 10:00,2025-12-05 10:00,\(text),c1,\(product)"
  }

  // MARK: 1. Row ends

  @Test func aBareCarriageReturnEndsAFullRowInAnLFFile() throws {
    let text = "\(Self.header)\n\(Self.row("E1"))\n\(Self.row("E2"))\r\(Self.row("E3"))\n"
    let result = try Self.read(Array(text.utf8))
    #expect(result.tickets.map(\.id) == ["E1", "E2", "E3"])
    #expect(result.tickets.map(\.product) == ["KT-1", "KT-1", "KT-1"])
    #expect(result.accounting.rowsRead == 3)
    #expect(result.accounting.warnings.isEmpty)
  }

  @Test func aBareCarriageReturnInsideTextStaysText() throws {
    // The Twitter corpus: CRs inside an unquoted field that is not the row's last.
    let text = "\(Self.header)\n\(Self.row("E1", text: "first\r\rsecond"))\n\(Self.row("E2"))\n"
    let result = try Self.read(Array(text.utf8))
    #expect(result.tickets.map(\.id) == ["E1", "E2"])
    #expect(result.tickets.first?.text == "first\r\rsecond")
  }

  @Test func aRowWithMoreFieldsThanTheHeaderIsCountedAndNamed() throws {
    let text =
      "\(Self.header)\n\(Self.row("E1"))\n\(Self.row("E2")),extra,more\n\(Self.row("E3"))\n"
    let result = try Self.read(Array(text.utf8))
    #expect(result.accounting.wideRows == 1)
    let warning = try #require(result.accounting.warnings.first)
    #expect(warning.contains("1 row has more fields than the header's 6"))
    #expect(warning.contains("line 3"))
    // Empty trailing fields, as spreadsheets leave them, are not extra data.
    let padded = "\(Self.header)\n\(Self.row("E1")),,\n"
    #expect(try Self.read(Array(padded.utf8)).accounting.wideRows == 0)
  }

  /// Random rows (some quoted, with delimiters, quotes and line breaks inside) ended by random
  /// LF, CRLF and CR: every row is read, in order, whatever the mix and the chunking.
  @Test(arguments: 0..<40)
  func randomRowEndMixesNeverLoseARow(seed: Int) throws {
    var random = SplitMix64(seed: UInt64(seed) &* 7919 &+ 17)
    let rows = Int.random(in: 1...60, using: &random)
    var text = Self.header + (["\n", "\r\n", "\r"].randomElement(using: &random) ?? "\n")
    var expected: [(id: String, text: String)] = []
    for index in 0..<rows {
      let body = Self.randomText(&random)
      let quoted =
        body.contains(",") || body.contains("\"") || body.contains("\n")
        || body.contains("\r") || Bool.random(using: &random)
      let field = quoted ? "\"" + body.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : body
      text += Self.row("R\(index)", text: field)
      if index < rows - 1 || Bool.random(using: &random) {
        text += (["\n", "\r\n", "\r"].randomElement(using: &random) ?? "\n")
      }
      expected.append(("R\(index)", body.trimmingCharacters(in: .whitespacesAndNewlines)))
    }
    let result = try Self.read(Array(text.utf8))
    let context = Comment(rawValue: "seed \(seed): \(text.debugDescription.prefix(400))")
    #expect(result.tickets.map(\.id) == expected.map(\.id), context)
    #expect(result.tickets.map(\.text) == expected.map(\.text), context)
    #expect(result.accounting.rowsRead == rows, context)

    // The same through the CSV reader fed in small chunks.
    let bytes = Array(text.utf8)
    for chunk in [1, 2, 3, 7, 4096] {
      var reader = try CSVReader(rowEnds: .lf, width: 6)
      var ids: [String] = []
      let take: (CSVRecord) -> Void = { record in
        ids.append(String(decoding: record[0], as: UTF8.self))
      }
      var start = 0
      while start < bytes.count {
        let end = min(start + chunk, bytes.count)
        try bytes[start..<end].withUnsafeBytes { try reader.parse($0, take) }
        start = end
      }
      try reader.finish(take)
      #expect(ids.filter { $0 != "" } == ["Id"] + expected.map(\.id), context)
    }
  }

  static func randomText(_ random: inout SplitMix64) -> String {
    let pieces = ["kettle", "broke", "a,b", "say \"hi\"", "line\nbreak", "ümlaut", "电水壶", " "]
    return (0..<Int.random(in: 1...4, using: &random))
      .map { _ in pieces.randomElement(using: &random) ?? "" }.joined(separator: " ")
  }

  // MARK: 2. Encoding

  @Test func utf8WithAFewBadBytesStaysUTF8() throws {
    var bytes = Array("\(Self.header)\n".utf8)
    bytes += Array(Self.row("A1", text: "Grüße 电水壶坏了").utf8) + [0x0A]
    bytes += Array("A2,2025-12-05 10:00,2025-12-05 10:00,bad ".utf8) + [0xFF]
    bytes += Array(" byte,c1,KT-1\n".utf8)
    let result = try Self.read(bytes)
    #expect(result.tickets.first?.text == "Grüße 电水壶坏了")
    #expect(result.tickets.last?.text == "bad \u{FFFD} byte")
    #expect(result.accounting.replacedBytes == 1)
    #expect(!result.accounting.warnings.contains { $0.contains("windows-1252") })
  }

  @Test func windows1252IsChosenOnlyWithoutUTF8AndSaysSo() throws {
    var bytes = Array("\(Self.header)\n".utf8)
    bytes += Array("A1,2025-12-05 10:00,2025-12-05 10:00,Gr".utf8) + [0xFC, 0xDF, 0x65]
    bytes += Array(",c1,KT-1\n".utf8)
    let result = try Self.read(bytes)
    #expect(result.tickets.first?.text == "Grüße")
    #expect(result.accounting.warnings.contains { $0.contains("read as windows-1252") })
  }

  /// Invalid bytes scattered over a UTF-8 file's first 64 KB change nothing after it.
  @Test(arguments: 0..<12)
  func byteDamageInTheFirst64KBNeverChangesTheRest(seed: Int) throws {
    var random = SplitMix64(seed: UInt64(seed) &+ 1000)
    var text = "\(Self.header)\n"
    var index = 0
    while text.utf8.count < 200_000 {
      text += Self.row("D\(index)", text: "Grüße \(index) 电水壶坏了 kettle") + "\n"
      index += 1
    }
    let clean = Array(text.utf8)
    var damaged = clean
    let limit = ExportReader.sampleSize
    for _ in 0..<Int.random(in: 1...60, using: &random) {
      // Damage to the text, not the layout: a delimiter, quote or line break stays, and the
      // bytes put in are never one, so only the decoding can change.
      let at = Int.random(in: 0..<limit, using: &random)
      guard ![0x0A, 0x0D, 0x2C, 0x22].contains(damaged[at]) else { continue }
      damaged[at] = UInt8.random(in: 0x80...0xFF, using: &random)
    }
    let before = try Self.read(clean)
    let after = try Self.read(damaged)
    // Lines that start after the first 64 KB.
    let firstAfter = clean[..<limit].count { $0 == 0x0A } + 2
    let tail = { (result: ReadResult) in
      result.tickets.filter { $0.location.line >= firstAfter }
        .map { "\($0.location.line)|\($0.id)|\($0.text)|\($0.customer ?? "")" }
    }
    let (expected, got) = (tail(before), tail(after))
    #expect(expected.count > 1000)
    #expect(got.count == expected.count, "seed \(seed)")
    let difference = zip(expected, got).first { $0 != $1 }
    #expect(difference == nil, "seed \(seed): a row after the first 64 KB changed")
    #expect(after.accounting.rowsRead == before.accounting.rowsRead)
    #expect(!after.accounting.warnings.contains { $0.contains("windows-1252") })
  }

  // MARK: 3. NUL

  @Test func nulBytesAreReplacedAndCountedNeverCut() throws {
    // Later in the file: a NUL within the first 8 KB marks a binary file, not an export.
    var bytes = Array("\(Self.header)\n".utf8)
    for index in 0..<200 { bytes += Array("\(Self.row("P\(index)"))\n".utf8) }
    bytes += Array("A".utf8) + [0] + Array("2,2025-12-05 10:00,,kettle".utf8) + [0]
    bytes += Array(" broke,c".utf8) + [0] + Array("1,KT-1\n".utf8)
    let result = try Self.read(bytes)
    let ticket = try #require(result.tickets.last)
    #expect(ticket.id == "A\u{FFFD}2")
    #expect(ticket.text == "kettle\u{FFFD} broke")
    #expect(ticket.customer == "c\u{FFFD}1")
    #expect(result.accounting.replacedBytes == 3)
  }

  // MARK: 8. Dates far from the data

  @Test func datesOutsideThePlausibleWindowAreRejectedWithTheReason() throws {
    let text = """
      \(Self.header)
      A1,2025-12-05 10:00,,kettle,c1,KT-1
      A2,0001-01-01 10:00,,kettle,c1,KT-1
      A3,2099-01-01 10:00,,kettle,c1,KT-1
      A4,1989-12-31 23:59,,kettle,c1,KT-1

      """
    let result = try Self.read(Array(text.utf8))
    #expect(result.tickets.map(\.id) == ["A1"])
    #expect(result.accounting.reasons["date before 1990-01-01 in column Created"] == 2)
    let after = try #require(result.accounting.reasons.first { $0.key.hasPrefix("date after") })
    #expect(after.value == 1)
    #expect(after.key.contains("a day after the file was written"))
    #expect(result.accounting.samples[after.key]?.value == "\"2099-01-01 10:00\"")
    // Configurable: an explicit window reads them.
    let open = try Self.read(Array(text.utf8)) {
      $0.earliestDate = nil
      $0.latestDate = .distantFuture
    }
    #expect(open.tickets.count == 4)
  }

  @Test func anUnreadableDateShowsTheValueAndAPatternThatReadsIt() throws {
    let text = "\(Self.header)\nA1,25.12.2025 10:00,,kettle,c1,KT-1\n\(Self.row("A2"))\n"
    let result = try Self.read(Array(text.utf8))
    let warning = try #require(result.accounting.warnings.first { $0.contains("unparseable") })
    #expect(warning.contains("1 row, first at line 2: \"25.12.2025 10:00\""))
    #expect(warning.contains("line 2"))
    #expect(warning.contains("date_format \"dd.MM.yyyy HH:mm\" would read it"))
  }

  /// US dates read with `dd/MM/yyyy`: the rows with a day above 12 fail the pattern and read
  /// only month first, and no date confirms day first; the read fails naming all of it.
  @Test func usDatesReadDayFirstFail() throws {
    var text = "\(Self.header)\n"
    for (index, date) in ["12/05/2025", "12/25/2025", "01/02/2025", "03/30/2025", "11/11/2025"]
      .enumerated()
    {
      text += "U\(index),\(date) 10:00,,kettle,c1,KT-1\n"
    }
    #expect {
      try Self.read(Array(text.utf8)) { $0.dateFormats = ["dd/MM/yyyy HH:mm"] }
    } throws: { error in
      let message = "\(error)"
      return message.contains("exports/x.csv") && message.contains("column \"Created\"")
        && message.contains("\"12/25/2025 10:00\"") && message.contains("line 3")
        && message.contains("set date_format: \"MM/dd/yyyy HH:mm\"")
        && message.contains("reads all 5") && !message.contains("\n")
    }
    // Day-first dates with a day above 12 confirm the pattern: no failure.
    let european =
      "\(Self.header)\nE1,25/12/2025 10:00,,kettle,c1,KT-1\nE2,12/25/2025 10:00,,k,c1,KT-1\n"
    let result = try Self.read(Array(european.utf8)) { $0.dateFormats = ["dd/MM/yyyy HH:mm"] }
    #expect(result.tickets.map(\.id) == ["E1"])
  }

  /// A piece of the real CFPB re-save (US `3/18/20` dates) read as `d/M/yy` fails the same way.
  @Test(.enabled(if: sharedFolder != nil, "../shared/realdata is absent"))
  func realUSDatesReadDayFirstFail() throws {
    let path = try #require(sharedFolder).appendingPathComponent(
      "realdata/cfpb-sample/complaints_small_dng04.csv"
    ).path
    let whole = try #require(FileManager.default.contents(atPath: path))
    // The header and the rows of the first 200 KB, cut at a row end.
    var piece = Array(whole.prefix(200_000))
    while let last = piece.last, last != 0x0A { piece.removeLast() }
    let cut = Self.file(piece, name: "cfpb-piece.csv")
    defer { try? FileManager.default.removeItem(atPath: cut) }
    var settings = SourceSettings(path: cut, displayPath: "cfpb-piece.csv", profile: "generic")
    settings.columns = [
      .id: [.header("Complaint ID")], .created: [.header("Date received")],
      .text: [.header("Issue")],
    ]
    settings.dateFormats = ["d/M/yy"]
    #expect {
      try Fixture.read(settings)
    } throws: { error in
      let message = "\(error)"
      return message.contains("set date_format: \"M/d/yy\"") && message.contains("cfpb-piece.csv")
    }
  }

  // MARK: 9. Field cap

  @Test func aFieldLongerThanTheCapIsCutCountedAndNamed() throws {
    let long = String(repeating: "x", count: 3_000_000)
    let quotedLong = "\"" + String(repeating: "y,\n", count: 400_000) + "\""
    let text =
      "\(Self.header)\n\(Self.row("A1", text: long))\n\(Self.row("A2", text: quotedLong))\n"
      + "\(Self.row("A3"))\n"
    let result = try Self.read(Array(text.utf8)) { $0.maxFieldBytes = 1 << 20 }
    #expect(result.tickets.map(\.id) == ["A1", "A2", "A3"])
    #expect(result.tickets[0].text.utf8.count == 1 << 20)
    #expect(result.tickets[1].text.utf8.count <= 1 << 20)
    #expect(result.tickets[1].text.hasPrefix("y,\ny,\n"))
    #expect(result.tickets[2].text == "kettle broke")
    #expect(result.accounting.truncatedFields == 2)
    #expect(
      result.accounting.warnings.contains {
        $0.contains("2 fields were longer than 1048576 bytes") && $0.contains("line 2")
      })
  }

  // MARK: 10. Special files

  @Test func aFIFOIsRefusedAtOnce() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("plaint-fifo-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("x.csv").path
    #expect(mkfifo(path, 0o600) == 0)
    #expect(throws: IngestError.notRegularFile("exports/x.csv", "a FIFO (named pipe)")) {
      try Fixture.read(Self.settings(path))
    }
  }

  // MARK: Messages

  @Test func aFileThatIsNoExportIsQuotedOnlyInShortEscapedExcerpts() throws {
    let secret =
      "root:x:0:0:root:/root:/bin/bash-and-a-long-secret-line-that-goes-on-and-on\u{1B}[31m"
    let result = Result { try Self.read(Array("\(secret)\nsecond\n".utf8)) }
    guard case .failure(let error) = result else {
      Issue.record("read a file without the mapped columns")
      return
    }
    let message = "\(error)"
    #expect(!message.contains(secret))
    #expect(!message.contains("\u{1B}"))
    #expect(message.contains("\"root:x:0:0:root:/root:/bin/bash-and-a-lo…\""))
  }

  // MARK: Fuzzing

  /// A seeded mutation loop over the fixtures: each mutant (of a fixture or of an earlier
  /// mutant) is read; none may crash, and each either fails with one line naming the file or
  /// accounts for every row. `PLAINT_FUZZ_RUNS` sets the number of executions.
  @Test func mutatedInputsNeverCrashAndAlwaysAddUp() throws {
    let runs = Int(ProcessInfo.processInfo.environment["PLAINT_FUZZ_RUNS"] ?? "") ?? 1500
    var random = SplitMix64(seed: 20)
    var corpus = DamagedInputTests.fixtures.compactMap {
      FileManager.default.contents(atPath: Fixture.path($0)).map { Array($0.prefix(4096)) }
    }
    let tokens: [[UInt8]] = [
      [0x22], [0x0D], [0x0A], [0x0D, 0x0A], [0], [0x2C], [0x3B], [0x09], [0xFF], [0xC3],
      [0xE2, 0x82], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], Array("sep=;\n".utf8),
      Array("0001-01-01".utf8), Array("12/25/2025".utf8), Array("\"\"".utf8),
    ]
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("plaint-fuzz-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("fuzz.csv").path
    var clean = 0
    for run in 0..<runs {
      var bytes = corpus.randomElement(using: &random) ?? []
      for _ in 0..<Int.random(in: 1...6, using: &random) {
        let at = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &random)
        switch Int.random(in: 0..<5, using: &random) {
        case 0: bytes.insert(contentsOf: tokens.randomElement(using: &random) ?? [], at: at)
        case 1: if at < bytes.count { bytes[at] = UInt8.random(in: 0...255, using: &random) }
        case 2:
          bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...64, using: &random)))
        case 3:
          let from = Int.random(in: 0...bytes.count, using: &random)
          let piece = bytes[from..<min(bytes.count, from + Int.random(in: 1...200, using: &random))]
          bytes.insert(contentsOf: Array(piece), at: at)
        default: bytes = Array(bytes.prefix(at))
        }
      }
      FileManager.default.createFile(atPath: path, contents: Data(bytes))
      var settings = SourceSettings(path: path, displayPath: "fuzz.csv", profile: "auto")
      settings.maxFieldBytes = 1024
      var tickets = 0
      var rejects = 0
      let context = Comment(rawValue: "run \(run): \(bytes.prefix(300))")
      do throws(IngestError) {
        let accounting = try ExportReader(settings: settings).read(
          onTicket: { _ in tickets += 1 }, onReject: { _ in rejects += 1 })
        #expect(
          accounting.rowsRead == accounting.accepted + accounting.rejected + accounting.filtered,
          context)
        #expect(tickets == accounting.accepted && rejects == accounting.rejected, context)
        if accounting.accepted > 0 && corpus.count < 400 { corpus.append(bytes) }
        clean += 1
      } catch {
        #expect(error.description.contains("fuzz.csv"), context)
        #expect(!error.description.contains("\n"), context)
        clean += 1
      }
    }
    #expect(clean == runs)
  }
}

/// The parallel reader agrees with the sequential one on this input too: bare CR row ends,
/// wide rows, cut fields, NUL bytes, implausible dates and the samples of each, in any part size.
extension ParallelReadTests {
  @Test func silentDamageReadsTheSameInParts() throws {
    var text = SilentDamageTests.header + "\n"
    for index in 0..<300 {
      let row = SilentDamageTests.row("P\(index)", text: "kettle \(index)")
      switch index % 23 {
      case 3: text += row + "\r"
      case 7: text += row + ",extra\n"
      case 11:
        text += SilentDamageTests.row("P\(index)", text: String(repeating: "x", count: 3000)) + "\n"
      case 13: text += "P\(index),0001-01-01 10:00,,kettle,c1,KT-1\n"
      case 17: text += "P\(index),12/25/2025,,kettle,c1,KT-1\n"
      case 19 where index > 200:
        // Past the first 8 KB, where a NUL would mark a binary file.
        text += SilentDamageTests.row("P\(index)", text: "nul\u{0}here") + "\r\n"
      default: text += row + "\n"
      }
    }
    let path = Self.temporaryFile("silent-damage.csv", Array(text.utf8))
    defer { try? FileManager.default.removeItem(atPath: path) }
    var settings = SilentDamageTests.settings(path)
    settings.maxFieldBytes = 1024
    let outcome = Self.sequential(settings)
    #expect(outcome.accounting?.wideRows ?? 0 > 0 && outcome.accounting?.truncatedFields ?? 0 > 0)
    #expect(outcome.tickets.count + (outcome.accounting?.rejected ?? 0) == 300)
    Self.expectSame(settings, "silent damage")
  }
}
