import Foundation
import PlaintCore
import PlaintStore
import PlaintTestSupport
import Testing

@testable import PlaintEngine

/// "The latest update wins" is one rule (`CopyRank`) followed twice: in SQL by the store as
/// `run` writes, in Swift by `plaint reduce` as it merges partials. Random copies of one ticket,
/// spread over a few files and read in random orders, must leave the same copy both ways, the
/// one the rule ranks highest, and count it as accepted in its own file.
@Suite struct CopyRankPathsTests {
  struct Copy {
    var ticket: Ticket
    var file: Int
    var sha256: String
    var rank: CopyRank { ticket.copyRank(sha256: sha256) }
  }

  static func copies(_ random: inout SplitMix64) -> [Copy] {
    let times: [Double] = [1_700_000_000, 1_700_003_600, 1_700_086_400]
    let shas = ["3f" + String(repeating: "0", count: 62), "a0" + String(repeating: "0", count: 62)]
    var lines = [2, 2]
    return (0..<(2 + random.next(below: 3))).map { number in
      let file = random.next(below: 2)
      lines[file] += 1 + random.next(below: 3)
      let created = times[random.next(below: 3)]
      let later = { (random: inout SplitMix64) -> Date? in
        let pick = random.next(below: 4)
        return pick == 3 ? nil : Date(timeIntervalSince1970: max(created, times[pick]))
      }
      let ticket = Ticket(
        system: "zendesk", id: "7", created: Date(timeIntervalSince1970: created),
        updated: later(&random), resolved: later(&random), text: "copy \(number)",
        location: SourceLocation(file: "export-\(file).csv", line: lines[file]))
      return Copy(ticket: ticket, file: file, sha256: shas[file])
    }
  }

  static func placed(_ ticket: Ticket) -> ClassifiedTicket {
    ClassifiedTicket(
      ticket: ticket, period: .month(2023, 11),
      cell: Cell(category: .product, productLine: "kettles", tier: .consumer), issue: "defect",
      rule: "defect")
  }

  /// The copies through the store, one transaction per file, the files in `order`.
  static func stored(_ copies: [Copy], order: [Int]) throws -> (text: String?, accepted: [Int]) {
    let store = try Store(path: ":memory:")
    var accepted = [0, 0]
    for file in order {
      let mine = copies.filter { $0.file == file }
      guard let first = mine.first else { continue }
      let identity = SourceAccounting(
        path: first.ticket.location.file, sha256: first.sha256, system: "zendesk")
      _ = try store.ingest(identity, now: Date(timeIntervalSince1970: 1_800_000_000)) { sink in
        for copy in mine { try sink.add(placed(copy.ticket)) }
        return identity
      }
    }
    for source in try store.sources() {
      accepted[source.sha256.hasPrefix("3f") ? 0 : 1] = source.accepted
    }
    return (try store.ticket(id: "7").first?.ticket.text, accepted)
  }

  /// The copies through `plaint reduce`'s merge, in `order`.
  static func merged(_ copies: [Copy], order: [Int]) -> String? {
    let partials = order.map { index in
      let copy = copies[index]
      let place = CopyOrder(
        file: copy.file, range: 0, line: copy.ticket.location.line, sha256: copy.sha256)
      return TicketPartial(
        occurrences: [copy.file: 1], first: place, winner: place, ticket: placed(copy.ticket))
    }
    return partials.dropFirst().reduce(partials[0]) { $0.merged(with: $1) }.ticket.ticket.text
  }

  @Test(arguments: 0..<150 as Range<UInt64>)
  func theStoreAndReduceKeepTheCopyTheRuleRanksHighest(seed: UInt64) throws {
    var random = SplitMix64(seed: seed)
    let copies = Self.copies(&random)
    let best = copies.dropFirst().reduce(copies[0]) { $1.rank.supersedes($0.rank) ? $1 : $0 }
    for files in [[0, 1], [1, 0]] {
      let stored = try Self.stored(copies, order: files)
      #expect(stored.text == best.ticket.text, "seed \(seed), files in order \(files)")
      // The kept copy's file counts it as accepted; every other copy is a duplicate.
      #expect(stored.accepted[best.file] == 1 && stored.accepted.reduce(0, +) == 1)
    }
    var order = Array(copies.indices)
    order.shuffle(using: &random)
    #expect(Self.merged(copies, order: order) == best.ticket.text, "seed \(seed), order \(order)")
  }
}
