import Foundation
import PlaintCore
import Testing

@testable import PlaintIngest
import PlaintTestSupport

/// The parallel reader (a file cut into parts parsed on two threads, README.md, Performance) gives exactly
/// what the sequential reader gives: the same tickets in the same order, the same rejects with the
/// same line numbers, the same accounting and warnings, or the same error. Tiny part sizes put
/// part boundaries everywhere, inside quoted multi-line fields, CRLFs and damaged rows.
struct ParallelReadTests {
  static let partSizes = [16, 37, 64, 101, 256, 4096]

  /// Everything one read produced, or the error it ended with.
  struct Outcome: Equatable {
    var tickets: [Ticket] = []
    var rejects: [Reject] = []
    var accounting: FileAccounting?
    var error: String?
  }

  static func sequential(_ settings: SourceSettings) -> Outcome {
    var outcome = Outcome()
    do {
      outcome.accounting = try ExportReader(settings: settings).read(
        onTicket: { outcome.tickets.append($0) }, onReject: { outcome.rejects.append($0) })
    } catch {
      outcome.error = "\(error)"
    }
    return outcome
  }

  static func parallel(_ settings: SourceSettings, partSize: Int) -> Outcome {
    var outcome = Outcome()
    do {
      outcome.accounting = try ExportReader(settings: settings).read(
        threads: 2, partSize: partSize, transform: { $0 },
        relocate: { $0.location.line += $1 }, onItem: { outcome.tickets.append($0) },
        onReject: { outcome.rejects.append($0) })
    } catch {
      outcome.error = "\(error)"
    }
    return outcome
  }

  static func expectSame(_ settings: SourceSettings, _ context: String) {
    let expected = sequential(settings)
    for partSize in partSizes {
      let got = parallel(settings, partSize: partSize)
      let comment = Comment(rawValue: "\(context), parts of \(partSize) bytes")
      #expect(got.tickets == expected.tickets, comment)
      #expect(got.rejects == expected.rejects, comment)
      #expect(got.accounting == expected.accounting, comment)
      #expect(got.error == expected.error, comment)
    }
  }

  static func temporaryFile(_ name: String, _ bytes: [UInt8]) -> String {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("plaint-\(getpid())-parallel-\(name)").path
    FileManager.default.createFile(atPath: path, contents: Data(bytes))
    return path
  }

  @Test(arguments: DamagedInputTests.fixtures)
  func fixturesReadTheSameInParts(fixture: String) {
    Self.expectSame(Fixture.settings(fixture, profile: "auto"), fixture)
  }

  @Test(arguments: DamagedInputTests.fixtures)
  func damagedCopiesReadTheSameInParts(fixture: String) throws {
    let original = try #require(FileManager.default.contents(atPath: Fixture.path(fixture)))
    var random = SplitMix64(seed: UInt64(truncatingIfNeeded: fixture.utf8.count &* 7919))
    for variant in 0..<12 {
      let damage = DamagedInputTests.Damage.allCases[variant % 6]
      let bytes = DamagedInputTests.damage(Array(original), damage, &random)
      let name = "\(variant)-\(fixture)"
      let path = Self.temporaryFile(name, bytes)
      defer { try? FileManager.default.removeItem(atPath: path) }
      Self.expectSame(
        SourceSettings(path: path, displayPath: name, profile: "auto"),
        "\(damage) variant \(variant) of \(fixture)")
    }
  }

  /// Hundreds of rows with long multi-line quoted narratives, escaped quotes, CRLF and LF row
  /// ends, blank lines, and rows a quote-parity guess gets wrong (an inch mark `27"` before a
  /// comma in an unquoted field), plus rows rejected for too few fields, an empty id or a bad date.
  static func longExport(crlf: Bool) -> [UInt8] {
    var random = SplitMix64(seed: crlf ? 11 : 12)
    var text = "Id,Created at,Subject,Description,Product,Tags\n"
    for row in 0..<400 {
      let end = crlf && row % 3 == 0 ? "\r\n" : "\n"
      let paragraphs = Int.random(in: 1...4, using: &random)
      var narrative = ""
      for paragraph in 0..<paragraphs {
        if paragraph > 0 { narrative += Bool.random(using: &random) ? "\n\n" : "\r\n" }
        narrative += "Paragraph \(paragraph) of ticket \(row): it said \"\"broke\"\", then,\n"
        narrative += String(
          repeating: "stopped working ", count: Int.random(in: 1...6, using: &random))
      }
      switch row % 37 {
      case 5: text += "\(row),2025-10-03 14:22,short row\(end)"
      case 9: text += ",2025-10-03 14:22,no id,\"\(narrative)\",AF-1,x\(end)"
      case 13: text += "\(row),not a date,bad date,\"\(narrative)\",AF-1,x\(end)"
      case 17: text += "\(end)"
      case 21: text += "\(row),2025-10-03 14:22,Monitor 27\",unquoted 24\" text,KT-9,\"a,b\"\(end)"
      default:
        text += "\(row),2025-10-\(String(format: "%02d", row % 28 + 1)) 09:\(row % 50 + 10),"
        text += "Subject \(row),\"\(narrative)\",AF-\(row % 7),\"refund, urgent\"\(end)"
      }
    }
    text += "999,2025-10-31 10:00,last,\"cut off in a quote\nstill open"
    return Array(text.utf8)
  }

  @Test(arguments: [false, true])
  func longMultilineExportReadsTheSameInParts(crlf: Bool) {
    let name = "long-\(crlf ? "crlf" : "lf").csv"
    let path = Self.temporaryFile(name, Self.longExport(crlf: crlf))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let settings = SourceSettings(path: path, displayPath: name, profile: "zendesk")
    let expected = Self.sequential(settings)
    #expect(expected.tickets.count > 300)
    #expect(expected.rejects.count > 20)
    #expect(expected.rejects.contains { $0.reason == "broken quote" })
    for partSize in [50, 200, 333, 1000, 5000, 20_000] {
      let got = Self.parallel(settings, partSize: partSize)
      let comment = Comment(rawValue: "\(name), parts of \(partSize) bytes")
      #expect(got.tickets == expected.tickets, comment)
      #expect(got.rejects == expected.rejects, comment)
      #expect(got.accounting == expected.accounting, comment)
      #expect(got.error == expected.error, comment)
    }
  }

  /// The real exports in ../shared/realdata (junk before the header, a BOM, bare CRs inside
  /// fields, a cut-off last record, rejected rows), in parts of 64 KiB and 1 MiB.
  @Test(.enabled(if: sharedFolder != nil, "../shared is not present"))
  func realExportsReadTheSameInParts() throws {
    var all: [SourceSettings] = []
    for file in [
      "cfpb-sample/complaints_sample_tgschwartz.csv", "cfpb-sample/complaints_small_dng04.csv",
      "cfpb-2023-truncated/complaints.csv",
    ] {
      all.append(try RealDataTests.settings(file))
    }
    var twitter = try RealDataTests.settings("twcs-sample/twcs_first5000.csv", profile: "generic")
    twitter.columns = [
      .id: [.header("tweet_id")], .created: [.header("created_at")], .text: [.header("text")],
      .customer: [.header("author_id")],
    ]
    twitter.dateFormats = ["EEE MMM dd HH:mm:ss Z yyyy"]
    var cars = try RealDataTests.settings(
      "cn-car-complaints-2024/car_complaints_20240429.csv", profile: "generic")
    cars.columns = [
      .id: [.header("投诉编号")], .created: [.header("投诉日期")], .text: [.header("投诉简述")],
      .product: [.header("投诉车系")], .category: [.header("问题类型")],
    ]
    var housing = try RealDataTests.settings(
      "uk-housing-ombudsman/ombudsman_complaints_findings.csv", profile: "generic")
    housing.columns = [
      .id: [.header("id")], .created: [.header("decision_date_iso")], .text: [.header("complaint")],
      .customer: [.header("landlord")], .category: [.header("category")],
    ]
    all += [twitter, cars, housing]
    for settings in all {
      let expected = Self.sequential(settings)
      for partSize in [64 << 10, 1 << 20] {
        let got = Self.parallel(settings, partSize: partSize)
        let comment = Comment(rawValue: "\(settings.displayPath), parts of \(partSize) bytes")
        #expect(got.tickets == expected.tickets, comment)
        #expect(got.rejects == expected.rejects, comment)
        #expect(got.accounting == expected.accounting, comment)
        #expect(got.error == expected.error, comment)
      }
    }
  }

  /// The record-start guess is only a guess: wherever it lands, the parts parse as the whole.
  @Test func recordStartGuessesLandAfterALineBreak() throws {
    let bytes = Self.longExport(crlf: false)
    let path = Self.temporaryFile("guess.csv", bytes)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let file = open(path, O_RDONLY)
    defer { close(file) }
    var found = 0
    for guess in stride(from: 1, to: bytes.count - 1, by: 97) {
      guard
        let start = ExportReader.recordStart(
          near: guess, file: file, size: bytes.count, delimiter: 0x2C)
      else { continue }
      found += 1
      #expect(start > guess && bytes[start - 1] == 0x0A)
    }
    #expect(found > 0)
  }
}
