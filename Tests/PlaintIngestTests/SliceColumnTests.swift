import Foundation
import PlaintCore
import Testing

@testable import PlaintIngest

/// `slices:` columns: each ticket keeps the value of each, by header or by number; an empty
/// field is no value; a column the export lacks is one error naming the slice.
struct SliceColumnTests {
  @Test func slicesAreReadByHeaderNameInAnyCase() throws {
    let result = try Fixture.read("zendesk.csv", profile: "zendesk") {
      $0.slices = [
        SliceColumn(name: "agent_name", column: .header("assignee")),
        SliceColumn(name: "desk", column: .header("Category")),
      ]
    }
    #expect(result.tickets.map { $0.slices["agent_name"] } == ["Kim", "Lee", nil])
    #expect(result.tickets.first?.slices == ["agent_name": "Kim", "desk": "Hardware fault"])
    // The second ticket has no category: the slice is absent, not an empty value.
    #expect(result.tickets[1].slices["desk"] == nil)
  }

  @Test func slicesAreReadByNumberWithoutAHeader() throws {
    let result = try Fixture.read("headerless.tsv", profile: "generic") {
      $0.header = false
      $0.delimiter = 0x09
      $0.columns = [.id: [.number(1)], .created: [.number(3)], .text: [.number(4)]]
      $0.slices = [SliceColumn(name: "sku", column: .number(2))]
    }
    #expect(result.tickets.map { $0.slices["sku"] } == ["AF-200", nil])
  }

  @Test(arguments: [ColumnRef.header("Company"), .number(99)])
  func aColumnTheExportLacksNamesTheSlice(column: ColumnRef) {
    #expect {
      try Fixture.read("zendesk.csv", profile: "zendesk") {
        $0.slices = [SliceColumn(name: "company", column: column)]
      }
    } throws: { error in
      guard case .unknownSliceColumn(_, let slice, _) = error as? IngestError else { return false }
      return slice == "company" && "\(error)".contains("`slices.company`")
    }
  }
}
