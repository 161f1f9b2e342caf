import Foundation
import PlaintCore
import Testing

@testable import PlaintIngest

/// Real public exports from ../shared/realdata (skipped when that folder is absent).
@Suite(.enabled(if: sharedFolder != nil, "../shared is not present"))
struct RealDataTests {
  static func settings(_ relative: String, profile: String = "cfpb") throws -> SourceSettings {
    let folder = try #require(sharedFolder)
    return SourceSettings(
      path: folder.appendingPathComponent("realdata/\(relative)").path, displayPath: relative,
      profile: profile)
  }

  @Test func cfpbSampleWithJunkBeforeTheHeader() throws {
    let result = try Fixture.read(try Self.settings("cfpb-sample/complaints_sample_tgschwartz.csv"))
    let accounting = result.accounting
    #expect(accounting.rowsRead == 6_623)
    #expect(accounting.rowsRead == accounting.accepted + accounting.rejected + accounting.filtered)
    #expect(accounting.accepted == 6_623)
    // The unzip banner takes lines 1-2 and the header line 3.
    #expect(result.tickets.first?.location.line == 4)
    #expect(result.tickets.first?.id == "3571115")
    #expect(result.tickets.first?.created == utc(2020, 3, 18))
    #expect(result.tickets.first?.customer == nil)
    // The second complaint's narrative holds a line break, so the third starts two lines later.
    #expect(result.tickets[1].text.contains("transworld systems inc. \nis trying to collect"))
    #expect(result.tickets[2].location.line == 7)
  }

  @Test func cfpbSpreadsheetCopyGivesTheSameComplaints() throws {
    let original = try Fixture.read(
      try Self.settings("cfpb-sample/complaints_sample_tgschwartz.csv"))
    let resaved = try Fixture.read(try Self.settings("cfpb-sample/complaints_small_dng04.csv"))
    #expect(resaved.accounting.accepted == 6_623)
    #expect(resaved.tickets.map(\.id) == original.tickets.map(\.id))
    #expect(resaved.tickets.map(\.created) == original.tickets.map(\.created))
  }

  @Test func cfpbCutOffMidRecord() throws {
    let result = try Fixture.read(try Self.settings("cfpb-2023-truncated/complaints.csv"))
    #expect(result.accounting.accepted == 2_067)
    #expect(result.accounting.rejected == 1)
    #expect(result.rejects.first?.reason == "broken quote")
    // Narratives hold line breaks: the cut-off record starts on physical line 3,302 (counted
    // independently by searching the file).
    #expect(result.rejects.first?.line == 3_302)
    #expect(result.accounting.rowsRead == 2_068)
  }

  @Test func twitterCorpusWithBareCarriageReturnsInsideFields() throws {
    var settings = try Self.settings("twcs-sample/twcs_first5000.csv", profile: "generic")
    settings.columns = [
      .id: [.header("tweet_id")], .created: [.header("created_at")], .text: [.header("text")],
      .customer: [.header("author_id")],
    ]
    settings.dateFormats = ["EEE MMM dd HH:mm:ss Z yyyy"]
    let result = try Fixture.read(settings)
    #expect(result.accounting.rowsRead == 5_000)
    #expect(result.accounting.accepted == 5_000)
    #expect(result.tickets.first?.created == utc(2017, 10, 31, 22, 10, 47))
    #expect(result.tickets.contains { $0.text.contains("@AskPayPal \r\rI just love") })
  }

  @Test func chineseCarComplaintsWithBOM() throws {
    var settings = try Self.settings(
      "cn-car-complaints-2024/car_complaints_20240429.csv", profile: "generic")
    settings.columns = [
      .id: [.header("投诉编号")], .created: [.header("投诉日期")], .text: [.header("投诉简述")],
      .product: [.header("投诉车系")], .category: [.header("问题类型")],
    ]
    let result = try Fixture.read(settings)
    #expect(result.accounting.rowsRead == 4_671)
    #expect(result.accounting.accepted == 4_671)
    #expect(result.tickets.filter(\.text.isEmpty).count == 32)
    #expect(result.tickets.first?.product == "深蓝S7")
  }

  @Test func housingOmbudsmanRowsWithoutADateAreRejected() throws {
    var settings = try Self.settings(
      "uk-housing-ombudsman/ombudsman_complaints_findings.csv", profile: "generic")
    settings.columns = [
      .id: [.header("id")], .created: [.header("decision_date_iso")], .text: [.header("complaint")],
      .customer: [.header("landlord")], .category: [.header("category")],
    ]
    let result = try Fixture.read(settings)
    let accounting = result.accounting
    #expect(accounting.rowsRead == 33_096)
    #expect(accounting.rejected == 109)
    #expect(accounting.accepted + accounting.rejected == accounting.rowsRead)
  }
}
