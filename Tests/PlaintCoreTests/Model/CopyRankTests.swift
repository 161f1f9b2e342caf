import Foundation
import PlaintCore
import PlaintTestSupport
import Testing

/// "The latest update wins": which copy of a re-exported ticket is kept, for random copies drawn
/// from few values so that ties on every key but the last come up often.
@Suite struct CopyRankTests {
  static func copy(_ random: inout SplitMix64) -> (ticket: Ticket, sha256: String) {
    let times: [Double] = [1_700_000_000, 1_700_003_600, 1_700_086_400]
    let created = times[random.next(below: 3)]
    let later = { (random: inout SplitMix64) -> Date? in
      let pick = random.next(below: 4)
      return pick == 3 ? nil : Date(timeIntervalSince1970: max(created, times[pick]))
    }
    let ticket = Ticket(
      system: "zendesk", id: "7", created: Date(timeIntervalSince1970: created),
      updated: later(&random), resolved: later(&random), text: "",
      location: SourceLocation(file: "export.csv", line: 2 + random.next(below: 3)))
    return (ticket, ["", "3f", "a0"][random.next(below: 3)])
  }

  static func rank(_ random: inout SplitMix64) -> CopyRank {
    let copy = copy(&random)
    return copy.ticket.copyRank(sha256: copy.sha256, offset: [0, 4096][random.next(below: 2)])
  }

  @Test(arguments: 0..<200 as Range<UInt64>)
  func copiesAreInOneOrderSoTheKeptCopyDoesNotDependOnArrival(seed: UInt64) {
    var random = SplitMix64(seed: seed)
    let (a, b, c) = (Self.rank(&random), Self.rank(&random), Self.rank(&random))
    // Exactly one of: a replaces b, b replaces a, or they tie (and the one read first stays).
    #expect([a.supersedes(b), b.supersedes(a), a == b].filter { $0 }.count == 1)
    if a.supersedes(b) && b.supersedes(c) { #expect(a.supersedes(c)) }
    // Whichever of the three arrives first, keeping the higher one leaves the same copy.
    let kept = { (copies: [CopyRank]) in
      copies.dropFirst().reduce(copies[0]) { $1.supersedes($0) ? $1 : $0 }
    }
    #expect(kept([a, b, c]) == kept([c, a, b]) && kept([a, b, c]) == kept([b, c, a]))
  }

  @Test(arguments: 0..<200 as Range<UInt64>)
  func aLaterUpdateWinsWhateverElseTheCopiesSay(seed: UInt64) {
    var random = SplitMix64(seed: seed)
    let (a, b) = (Self.copy(&random), Self.copy(&random))
    let (rankA, rankB) = (a.ticket.copyRank(sha256: a.sha256), b.ticket.copyRank(sha256: b.sha256))
    // A copy without an update time counts as updated when it was created.
    let (updatedA, updatedB) = (
      a.ticket.updated ?? a.ticket.created, b.ticket.updated ?? b.ticket.created
    )
    if updatedA != updatedB {
      #expect(rankA.supersedes(rankB) == (updatedA > updatedB))
    } else if (a.ticket.resolved == nil) != (b.ticket.resolved == nil) {
      // At the same update time, a resolved copy replaces an unresolved one.
      #expect(rankA.supersedes(rankB) == (a.ticket.resolved != nil))
    }
  }
}
