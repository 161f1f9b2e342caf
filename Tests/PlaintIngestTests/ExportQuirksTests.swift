import Foundation
import PlaintCore
import Testing

@testable import PlaintIngest

/// One small file per way an export arrives in practice (issue #3), read as a user would.
struct ExportQuirksTests {
  @Test func jiraRepeatedLabelsAndComponentsAreGathered() throws {
    let result = try Fixture.read("jira.csv", profile: "auto")
    #expect(result.accounting.accepted == 3)
    let lid = try #require(result.tickets.first)
    #expect(lid.system == "jira")
    #expect(lid.id == "CS-101")
    #expect(lid.created == utc(2025, 11, 12, 15, 4))
    #expect(lid.resolved == utc(2025, 11, 14, 9, 30))
    #expect(lid.tags == ["warranty", "lid"])
    #expect(lid.product == "Kettles")
    #expect(lid.text == "Kettle lid cracked\nLid cracked after two weeks.\r\nCustomer sent photos.")
    let refund = result.tickets[1]
    // The first Component/s is empty: the product is the first that is not.
    #expect(refund.product == "Coffee Machines")
    #expect(refund.tags == ["refund", "billing"])
    #expect(refund.agent == nil)
    #expect(result.tickets[2].sourceCategory == "Question")
  }

  @Test func jiraQuestionsAreFilteredAndCounted() throws {
    let result = try Fixture.read("jira.csv", profile: "jira") {
      $0.filters = ["Issue Type": ["Complaint"]]
    }
    #expect(result.accounting.rowsRead == 3)
    #expect(result.accounting.accepted == 2)
    #expect(result.accounting.filtered == 1)
  }

  @Test func serviceNowIncidents() throws {
    let result = try Fixture.read("servicenow.csv", profile: "auto")
    #expect(result.accounting.accepted == 2)
    let first = try #require(result.tickets.first)
    #expect(first.system == "servicenow")
    #expect(first.id == "INC0010001")
    #expect(first.created == utc(2025, 11, 3, 9, 14))
    #expect(first.product == "Blenders")
    #expect(first.channel == "phone")
    #expect(first.text.hasPrefix("Blender motor smells burnt\nMotor smell"))
    #expect(result.tickets[1].resolved == nil)
  }

  @Test func salesforceCaseReport() throws {
    let result = try Fixture.read("salesforce.csv", profile: "auto")
    #expect(result.accounting.accepted == 2)
    #expect(result.tickets.map(\.system) == ["salesforce", "salesforce"])
    #expect(result.tickets[0].id == "00001026")
    #expect(result.tickets[0].created == utc(2025, 11, 3, 9, 14))
    #expect(result.tickets[1].created == utc(2025, 11, 21, 16, 2))
    #expect(result.tickets[1].customer == "kim@example.com")
    #expect(result.tickets[1].channel == "Email")
    // A day above 12 confirms the month-first order: nothing to warn about.
    #expect(result.accounting.warnings.isEmpty)
  }

  @Test func aDateColumnThatNeverConfirmsDayOrMonthIsAWarning() throws {
    let result = try Fixture.read("ambiguous-dates.csv", profile: "salesforce")
    #expect(result.accounting.accepted == 3)
    #expect(result.tickets[0].created == utc(2025, 3, 4, 9))
    let warning = try #require(result.accounting.warnings.first)
    #expect(result.accounting.warnings.count == 1)
    #expect(warning.contains("column \"Date/Time Opened\""))
    #expect(warning.contains("2 dates"))
    #expect(warning.contains("month first"))
    #expect(warning.contains("\"M/d/yyyy h:mm a\" (the salesforce profile's format)"))
  }

  @Test func aDateFormatFromTheConfigIsNotSecondGuessed() throws {
    let result = try Fixture.read("ambiguous-dates.csv", profile: "salesforce") {
      $0.dateFormats = ["d/M/yyyy h:mm a"]
    }
    #expect(result.tickets[0].created == utc(2025, 4, 3, 9))
    #expect(result.accounting.warnings.isEmpty)
  }

  /// One column read day first in some rows and month first in others has misdated some of
  /// them, and nothing tells which: the file fails, naming both patterns.
  @Test func bothOrdersInOneColumnFailTheFile() throws {
    let path = temporaryFile(
      "mixed-dates.csv",
      "Id,Subject,Created at\n1,a,03/04/2025\n2,b,25/04/2025\n3,c,04/26/2025\n")
    defer { try? FileManager.default.removeItem(atPath: path) }
    var settings = SourceSettings(path: path, displayPath: "mixed-dates.csv", profile: "zendesk")
    settings.dateFormats = ["dd/MM/yyyy", "MM/dd/yyyy"]
    let error = #expect(throws: IngestError.self) { try Fixture.read(settings) }
    let message = error.map { "\($0)" } ?? ""
    #expect(message.contains("dates were read in both orders"))
    #expect(message.contains("day first by \"dd/MM/yyyy\" and month first by \"MM/dd/yyyy\""))
    #expect(message.contains("so some rows are misdated"))
  }

  /// A profile's own fallback pattern must not hide a wrong `date_format`: US dates read as
  /// `d/M/yy` where they can be, and as the profile's `M/d/yy` elsewhere, fail with the one that
  /// a date confirms.
  @Test func aFallbackPatternDoesNotHideAWrongOrder() throws {
    let path = temporaryFile(
      "us-dates.csv", "Id,Subject,Created at\n1,a,3/4/25\n2,b,3/18/25\n3,c,4/5/25\n")
    defer { try? FileManager.default.removeItem(atPath: path) }
    var settings = SourceSettings(path: path, displayPath: "us-dates.csv", profile: "zendesk")
    settings.dateFormats = ["d/M/yy", "M/d/yy"]
    let error = #expect(throws: IngestError.self) { try Fixture.read(settings) }
    #expect("\(error.map { "\($0)" } ?? "")".contains("set date_format: \"M/d/yy\""))
  }

  @Test func excelSeparatorLineNamesTheDelimiterAndIsNotARow() throws {
    let result = try Fixture.read("excel-sep.csv", profile: "auto")
    #expect(result.accounting.rowsRead == 2)
    #expect(result.accounting.accepted == 2)
    #expect(result.tickets[0].system == "freshdesk")
    #expect(
      result.tickets[0].text == "Defekter Wasserkocher\nDeckel schließt nicht; Dampf tritt aus")
    #expect(result.tickets[0].location.line == 3)
  }

  @Test func excelSeparatorLineInAHeaderlessFile() throws {
    let path = temporaryFile("sep-headerless.csv", "sep=|\n9|2025-11-01|kettle leaks\n")
    defer { try? FileManager.default.removeItem(atPath: path) }
    var settings = SourceSettings(path: path, displayPath: "sep-headerless.csv", profile: "generic")
    settings.header = false
    settings.columns = [.id: [.number(1)], .created: [.number(2)], .text: [.number(3)]]
    let result = try Fixture.read(settings)
    #expect(result.accounting.rowsRead == 1)
    #expect(result.tickets.map(\.id) == ["9"])
  }

  @Test func bareCarriageReturnRowEndsWithLineBreaksInsideQuotes() throws {
    let result = try Fixture.read("cr-row-ends.csv", profile: "zendesk")
    #expect(result.accounting.rowsRead == 3)
    #expect(result.tickets.map(\.id) == ["1", "2", "3"])
    #expect(result.tickets[0].text == "Broken handle\nHandle snapped\r\roff")
    #expect(result.tickets[1].text == "No reply\nWaited\r\ntwo weeks")
  }

  @Test func utf16BigEndianWithBOM() throws {
    let result = try Fixture.read("utf16be-bom.csv", profile: "zendesk")
    #expect(result.accounting.accepted == 2)
    #expect(result.accounting.replacedBytes == 0)
    #expect(result.tickets[1].text == "Çaydanlık bozuk\nKapak kırık geldi")
  }

  @Test func linesBeforeTheHeaderAreNotRows() throws {
    let result = try Fixture.read("title-before-header.csv", profile: "auto")
    #expect(result.accounting.rowsRead == 2)
    #expect(result.accounting.accepted == 2)
    #expect(result.tickets[0].location.line == 6)
  }
}

/// A file in the temporary directory holding `text`; the caller removes it.
func temporaryFile(_ name: String, _ text: String) -> String {
  let path = FileManager.default.temporaryDirectory
    .appendingPathComponent("plaint-\(getpid())-\(name)").path
  FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
  return path
}
