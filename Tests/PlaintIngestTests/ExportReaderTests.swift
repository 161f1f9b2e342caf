import Foundation
import PlaintCore
import Testing

@testable import PlaintIngest

struct ExportReaderTests {
  @Test func zendeskExport() throws {
    let result = try Fixture.read("zendesk.csv", profile: "zendesk")
    #expect(result.rejects.isEmpty)
    #expect(result.accounting.rowsRead == 3)
    #expect(result.accounting.accepted == 3)
    let first = try #require(result.tickets.first)
    #expect(first.system == "zendesk")
    #expect(first.id == "101")
    #expect(first.created == utc(2025, 10, 3, 14, 22))
    #expect(first.updated == utc(2025, 10, 4, 9))
    #expect(first.resolved == utc(2025, 10, 5, 10, 30))
    #expect(
      first.text
        == "Fryer stopped working\nIt stopped after two days.\r\nPlease help, I want a \"refund\".")
    #expect(first.customer == "ana@example.com")
    #expect(first.customerName == "Ana Díaz")
    #expect(first.product == "AF-200")
    #expect(first.channel == "email")
    #expect(first.agent == "Kim")
    #expect(first.sourceCategory == "Hardware fault")
    #expect(first.tags == ["refund", "urgent"])
    #expect(first.location == SourceLocation(file: "Fixtures/zendesk.csv", line: 2))
    // The quoted description spans two lines, so the next record starts on line 4.
    let second = result.tickets[1]
    #expect(second.location.line == 4)
    #expect(second.created == utc(2025, 10, 4, 6, 15))
    #expect(second.text == "Rude agent")
    #expect(second.updated == nil)
    #expect(second.sourceCategory == nil)
    #expect(result.tickets[2].created == utc(2025, 10, 5))
    #expect(result.tickets[2].customer == nil)
  }

  @Test func localTimesAreInTheConfiguredZone() throws {
    let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
    let result = try Fixture.read("zendesk.csv", profile: "zendesk") { $0.timeZone = berlin }
    #expect(result.tickets[0].created == utc(2025, 10, 3, 12, 22))  // CEST, UTC+2
    #expect(result.tickets[1].created == utc(2025, 10, 4, 6, 15))  // its own offset wins
  }

  @Test func gzipIsReadLikeThePlainFile() throws {
    let plain = try Fixture.read("zendesk.csv", profile: "zendesk")
    let zipped = try Fixture.read("zendesk.csv.gz", profile: "zendesk")
    #expect(zipped.tickets.map(\.text) == plain.tickets.map(\.text))
    #expect(zipped.accounting == plain.accounting)
  }

  @Test func genericSemicolonGermanDatesAndWhere() throws {
    let result = try Fixture.read("generic-semicolon.csv", profile: "generic") {
      $0.system = "legacy"
      $0.dateFormats = ["dd.MM.yyyy HH:mm"]
      $0.columns = [
        .id: [.header("Fall-Nr")], .created: [.header("Eröffnet")],
        .text: [.header("Betreff"), .header("Details")], .customer: [.header("Kunde")],
        .product: [.header("Modell")],
      ]
      $0.filters = ["Typ": ["Beschwerde", "Problem"]]
    }
    // Two title lines before the header are not rows.
    #expect(result.accounting.rowsRead == 3)
    #expect(result.accounting.filtered == 1)
    #expect(result.accounting.accepted == 2)
    #expect(result.tickets.map(\.id) == ["L-1", "L-3"])
    #expect(result.tickets.map(\.system) == ["legacy", "legacy"])
    #expect(result.tickets[0].created == utc(2025, 10, 3, 14, 22))
    #expect(result.tickets[0].text == "Gerät defekt\nFunktioniert nicht mehr")
    #expect(result.tickets[1].text == "Rückerstattung\nBitte; sofort")
    #expect(result.tickets[1].location.line == 6)
  }

  @Test func rejectsNameFileLineAndReason() throws {
    let result = try Fixture.read("rejects.csv", profile: "zendesk")
    let rejects = result.rejects.map { "\($0.file):\($0.line): \($0.reason)" }
    #expect(
      rejects == [
        "Fixtures/rejects.csv:3: empty id",
        "Fixtures/rejects.csv:4: unparseable date in column Created at",
        "Fixtures/rejects.csv:5: too few fields",
        "Fixtures/rejects.csv:6: empty date in column Created at",
        "Fixtures/rejects.csv:9: broken quote",
      ])
    #expect(result.tickets.map(\.id) == ["1", "6"])
    #expect(result.tickets[1].location.line == 7)
    #expect(result.rejects[1].raw == "3,yesterday,bad date,")
    #expect(result.rejects[4].raw.hasPrefix("7,2025-10-03 09:00,cut,\"this quote never\ncloses"))
    let accounting = result.accounting
    #expect(accounting.rowsRead == 7)
    #expect(accounting.rowsRead == accounting.accepted + accounting.rejected + accounting.filtered)
    #expect(accounting.reasons["broken quote"] == 1)
    #expect(accounting.reasons.values.reduce(0, +) == accounting.rejected)
  }

  @Test func windows1252IsDetectedAndDecoded() throws {
    let result = try Fixture.read("windows-1252.csv", profile: "zendesk")
    #expect(result.tickets.first?.text == "Kühlschrank kaputt\nPreis 120 € – zurück")
    #expect(result.accounting.replacedBytes == 0)
  }

  @Test func invalidUTF8BecomesReplacementCharactersAndIsCounted() throws {
    let result = try Fixture.read("invalid-utf8.csv", profile: "zendesk") { $0.encoding = .utf8 }
    #expect(result.accounting.accepted == 2)
    #expect(result.tickets.first?.text == "Café \u{FFFD}\u{FFFD} broken\nok \u{FFFD}")
    #expect(result.accounting.replacedBytes == 3)
  }

  @Test func utf16WithBOM() throws {
    let result = try Fixture.read("utf16le-bom.csv", profile: "zendesk")
    #expect(result.tickets.first?.text == "Gerät 😀\ndéjà vu")
    #expect(result.tickets.first?.id == "1")
  }

  @Test func gb18030() throws {
    let result = try Fixture.read("gb18030.csv", profile: "zendesk") { $0.encoding = .gb18030 }
    #expect(result.tickets.first?.text == "空气炸锅坏了\n退款")
  }

  @Test func headerlessTabFileByColumnNumbers() throws {
    let result = try Fixture.read("headerless.tsv", profile: "generic") {
      $0.header = false
      $0.delimiter = 0x09
      $0.columns = [
        .id: [.number(1)], .product: [.number(2)], .created: [.number(3)], .text: [.number(4)],
      ]
    }
    #expect(result.tickets.map(\.product) == ["AF-200", nil])
    #expect(result.tickets.map(\.text) == ["broken lid", "noisy fan"])
    #expect(result.tickets.map(\.location.line) == [1, 2])
  }

  @Test func autoProfileFindsZendesk() throws {
    let result = try Fixture.read("zendesk.csv", profile: "auto")
    #expect(result.accounting.accepted == 3)
    #expect(result.tickets.first?.system == "zendesk")
  }

  @Test func missingRequiredColumnNamesFileAndHeader() throws {
    let reader = try ExportReader(
      settings: Fixture.settings("missing-created.csv", profile: "zendesk"))
    #expect(throws: IngestError.self) { try reader.checkColumns() }
    do throws(IngestError) {
      _ = try reader.read(onTicket: { _ in }, onReject: { _ in })
      Issue.record("expected missingColumns")
    } catch {
      guard case .missingColumns(let path, let wanted) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(path == "Fixtures/missing-created.csv")
      #expect(wanted.first == "created: \"Created at\"")
      #expect(error.description.contains("Fixtures/missing-created.csv"))
      #expect(error.description.contains("\"Created at\""))
      #expect(error.description.contains("(line 1) has \"Id\", \"Created\", \"Subject\""))
    }
  }

  @Test func checkColumnsPassesOnAGoodFile() throws {
    try ExportReader(settings: Fixture.settings("zendesk.csv", profile: "zendesk")).checkColumns()
  }

  @Test(arguments: [
    ("nope.csv", IngestError.fileMissing("Fixtures/nope.csv")),
    ("binary.xlsx", IngestError.notText("Fixtures/binary.xlsx")),
  ])
  func unreadableFiles(name: String, expected: IngestError) throws {
    let reader = try ExportReader(settings: Fixture.settings(name, profile: "zendesk"))
    #expect(throws: expected) { try reader.read(onTicket: { _ in }, onReject: { _ in }) }
  }

  @Test func emptyFile() throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("plaint-empty-\(getpid()).csv").path
    FileManager.default.createFile(atPath: path, contents: Data())
    defer { try? FileManager.default.removeItem(atPath: path) }
    let reader = try ExportReader(
      settings: SourceSettings(path: path, displayPath: "empty.csv", profile: "zendesk"))
    #expect(throws: IngestError.empty("empty.csv")) {
      try reader.read(onTicket: { _ in }, onReject: { _ in })
    }
  }

  @Test func mappingProblemsAreCaughtBeforeReading() throws {
    #expect(throws: IngestError.unknownProfile("jura")) {
      try ExportReader(settings: SourceSettings(path: "/x", displayPath: "x.csv", profile: "jura"))
    }
    var generic = SourceSettings(path: "/x", displayPath: "x.csv", profile: "generic")
    generic.columns = [.id: [.header("No")], .text: [.header("Body")]]
    #expect(
      throws: IngestError.badMapping(
        "x.csv", "profile generic needs `columns` for id, created and text; missing created")
    ) {
      try ExportReader(settings: generic)
    }
    generic.columns[.created] = [.header("Opened")]
    generic.dateFormats = ["dd.QQ.yyyy"]
    #expect(throws: IngestError.self) { try ExportReader(settings: generic) }
  }

  @Test func rowsOfEmptyFieldsAreBlankLinesButAnOpenQuoteIsNot() throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("plaint-blank-\(getpid()).csv").path
    let text =
      "Id,Created at,Subject,Description\n1,2025-10-01,a,b\n,,,\n , ,,\n2,2025-10-02,c,d\n,,\""
    FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let result = try Fixture.read(
      SourceSettings(path: path, displayPath: "blank.csv", profile: "zendesk"))
    #expect(result.accounting.rowsRead == 3)
    #expect(result.tickets.map(\.id) == ["1", "2"])
    #expect(result.rejects.map(\.line) == [6])
    #expect(result.rejects.map(\.reason) == ["broken quote"])
  }
}
