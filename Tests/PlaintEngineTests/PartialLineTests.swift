import Foundation
import PlaintCore
import PlaintStore
import PlaintTestSupport
import Testing

@testable import PlaintEngine

/// The lines `plaint map` writes and `plaint reduce` reads: whatever map writes, reduce must read
/// back unchanged, and merging accounting in any grouping or order must give the same totals.
@Suite("Partial lines")
struct PartialLineTests {
  /// Text with every character the format escapes, plus non-ASCII.
  static func awkwardText(_ random: inout SplitMix64) -> String {
    let pieces = ["late", "\t", "\n", "\r", "\\", "\\t", "café", "配送", " ", "a,b", "\"", "🙂"]
    return (0..<(1 + random.next(below: 8))).map { _ in
      pieces[random.next(below: pieces.count)]
    }.joined()
  }

  static let utc = TimeZone(secondsFromGMT: 0) ?? .current

  static func date(_ random: inout SplitMix64) -> Date {
    Date(timeIntervalSince1970: 1_700_000_000 + Double(random.next(below: 40_000_000)) + 0.25)
  }

  static func ticket(_ random: inout SplitMix64) -> TicketPartial {
    let created = date(&random)
    let updated: Date? = random.next(below: 2) == 0 ? nil : created.addingTimeInterval(3_600)
    var ticket = Ticket(
      system: "zendesk", id: "T-\(random.next(below: 1_000))", created: created, updated: updated,
      text: awkwardText(&random), customer: random.next(below: 2) == 0 ? nil : "C\tcorp",
      product: "SKU-\(random.next(below: 9))",
      tags: random.next(below: 2) == 0 ? [] : ["vip", "eu"],
      location: SourceLocation(file: "in/export \(random.next(below: 3)).csv", line: 2))
    // Slices, when configured, travel with the ticket: none, one, or two with awkward values.
    for name in ["company", "state"].prefix(random.next(below: 3)) {
      ticket.slices[name] = awkwardText(&random)
    }
    let order = CopyOrder(
      file: random.next(below: 4), range: 0, line: 1 + random.next(below: 50),
      sha256: String(repeating: "ab", count: 32))
    return TicketPartial(
      occurrences: [order.file: 1 + random.next(below: 3)], first: order, winner: order,
      ticket: ClassifiedTicket(
        ticket: ticket, period: Period(granularity: .month, year: 2026, number: 10),
        cell: Cell(category: .service, productLine: "kettles", tier: .consumer),
        issue: "late delivery", rule: "late"))
  }

  static func accounting(_ random: inout SplitMix64, file: Int) -> AccountingPartial {
    var partial = AccountingPartial(
      file: file, range: 0, lines: random.next(below: 100), path: "in/\(file).csv",
      sha256: String(repeating: "cd", count: 32), system: "zendesk",
      rowsRead: random.next(below: 500), readOK: random.next(below: 500),
      rejected: random.next(below: 20), filtered: random.next(below: 20),
      replacedBytes: random.next(below: 5))
    for _ in 0..<random.next(below: 3) {
      partial.reasons[["bad date", "no id", "short row"][random.next(below: 3)], default: 0] +=
        1 + random.next(below: 4)
    }
    for _ in 0..<random.next(below: 4) {
      let created = date(&random)
      partial.profile.add(created, line: "kettles", timeZone: Self.utc)
      partial.firstCreated = [partial.firstCreated, created].compactMap { $0 }.min()
      partial.lastCreated = [partial.lastCreated, created].compactMap { $0 }.max()
    }
    return partial
  }

  static func roundTrip(_ line: PartialLine) throws -> PartialLine {
    let text = line.encoded()
    #expect(!text.contains("\n") && !text.contains("\r"), "one physical line: \(text)")
    return try PartialLine.decode(Substring(text), source: "part.tsv", number: 1)
  }

  @Test("every kind of line reads back as written", arguments: 0..<40)
  func roundTrips(seed: Int) throws {
    var random = SplitMix64(seed: UInt64(seed) &* 7919 &+ 3)
    let ticket = PartialLine.ticket(Self.ticket(&random))
    #expect(try Self.roundTrip(ticket) == ticket)
    let accounting = PartialLine.accounting(Self.accounting(&random, file: 2))
    #expect(try Self.roundTrip(accounting) == accounting)
    let reject = PartialLine.reject(
      RejectPartial(
        file: 1, range: 4_096,
        reject: Reject(
          file: "", line: 7, reason: Self.awkwardText(&random), raw: Self.awkwardText(&random))))
    #expect(try Self.roundTrip(reject) == reject)
  }

  @Test("a line that is not a partial line names its source and line")
  func rejectsForeignLines() {
    for text in ["X\tnothing", "A\tnot-a-number", "T\tzendesk\t1", "id,created,text"] {
      #expect {
        try PartialLine.decode(Substring(text), source: "part-3.tsv", number: 12)
      } throws: { error in
        "\(error)".hasPrefix("part-3.tsv:12: not a plaint partial line")
      }
    }
  }

  @Test("accounting merges the same in any grouping and order", arguments: 0..<40)
  func accountingMergeIsAssociativeAndCommutative(seed: Int) {
    var random = SplitMix64(seed: UInt64(seed) &+ 101)
    let (a, b, c) = (
      Self.accounting(&random, file: 0), Self.accounting(&random, file: 0),
      Self.accounting(&random, file: 0)
    )
    let left = a.merged(with: b).merged(with: c)
    let right = a.merged(with: b.merged(with: c))
    #expect(left == right)
    // Order only changes which range's own fields (path, lines) lead; the totals must agree.
    let swapped = c.merged(with: a).merged(with: b)
    #expect(swapped.rowsRead == left.rowsRead && swapped.readOK == left.readOK)
    #expect(swapped.rejected == left.rejected && swapped.filtered == left.filtered)
    #expect(swapped.reasons == left.reasons && swapped.profile == left.profile)
    #expect(swapped.firstCreated == left.firstCreated && swapped.lastCreated == left.lastCreated)
    // And they are the sums of the parts.
    let parts = [a, b, c]
    #expect(left.rowsRead == parts.map(\.rowsRead).reduce(0, +))
    #expect(left.readOK == parts.map(\.readOK).reduce(0, +))
    #expect(left.rejected == parts.map(\.rejected).reduce(0, +))
    #expect(left.filtered == parts.map(\.filtered).reduce(0, +))
    #expect(left.replacedBytes == parts.map(\.replacedBytes).reduce(0, +))
    let reasonsEach: [Int] = parts.map { $0.reasons.values.reduce(0, +) }
    let reasonsMerged: Int = left.reasons.values.reduce(0, +)
    #expect(reasonsMerged == reasonsEach.reduce(0, +))
  }

  @Test("merging copies of one ticket keeps the same copy in any order", arguments: 0..<40)
  func ticketMergeIsOrderFree(seed: Int) {
    var random = SplitMix64(seed: UInt64(seed) &+ 555)
    var copies = (0..<3).map { _ in Self.ticket(&random) }
    for index in copies.indices {
      // One ticket key, read from three different files.
      copies[index].ticket.ticket.id = "T-1"
      copies[index].first.file = index
      copies[index].winner.file = index
      copies[index].occurrences = [index: 1]
    }
    let (a, b, c) = (copies[0], copies[1], copies[2])
    let left = a.merged(with: b).merged(with: c)
    #expect(left == a.merged(with: b.merged(with: c)))
    #expect(left == c.merged(with: b).merged(with: a))
    #expect(left.occurrences == [0: 1, 1: 1, 2: 1])
    #expect(left.first.file == 0)
  }

  /// Unescaping works on bytes; it must read every field as the scalar-by-scalar reading it
  /// replaced did, escaped or not: any escape, a backslash before a multi-byte character, a lone
  /// one at the end.
  @Test("unescaping bytes reads fields as unescaping scalars did", arguments: 0..<20)
  func unescapeMatchesTheScalarReading(seed: Int) {
    func scalarReading(_ field: Substring) -> String {
      var out = ""
      var escaping = false
      for scalar in field.unicodeScalars {
        if escaping {
          switch scalar {
          case "t": out += "\t"
          case "n": out += "\n"
          case "r": out += "\r"
          default: out.unicodeScalars.append(scalar)
          }
          escaping = false
        } else if scalar == "\\" {
          escaping = true
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
      return out
    }
    var random = SplitMix64(seed: UInt64(seed) &+ 901)
    let pieces = [
      "\\", "\\t", "\\n", "\\r", "\\\\", "\\x", "\\é", "\\配", "t", "n", "é", "🙂", "a b",
    ]
    for _ in 0..<200 {
      let field = (0..<random.next(below: 12)).map { _ in pieces[random.next(below: pieces.count)] }
        .joined()
      #expect(PartialLine.unescape(Substring(field)) == scalarReading(Substring(field)), "\(field)")
      let text = Self.awkwardText(&random)
      #expect(PartialLine.unescape(Substring(PartialLine.escape(text))) == text)
    }
  }
}
