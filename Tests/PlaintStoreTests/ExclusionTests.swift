import Foundation
import PlaintCore
import Testing

@testable import PlaintStore

@Suite struct ExclusionTests {
  @Test func canaryGlobsMatchLikeSQLite() {
    #expect(TicketExclusion.glob("TEST-*", "TEST-0001"))
    #expect(TicketExclusion.glob("T?ST-*", "TEST-"))
    #expect(!TicketExclusion.glob("TEST-*", "test-1"))
    #expect(!TicketExclusion.glob("TEST-*", "XTEST-1"))
  }

  @Test func tagsMatchWholeTagsOnlyAndLikeWildcardsAreLiteral() {
    let exclusion = TicketExclusion(tags: ["plaint_canary"])
    func ticket(_ tags: [String]) -> Ticket {
      Ticket(
        system: "z", id: "1", created: Date(timeIntervalSince1970: 0), text: "x", tags: tags,
        location: SourceLocation(file: "f", line: 1))
    }
    #expect(exclusion.matches(ticket(["urgent", "plaint_canary"])))
    #expect(!exclusion.matches(ticket(["plaint_canary_old"])))
    #expect(!exclusion.matches(ticket(["plaintXcanary"])))
  }
}
