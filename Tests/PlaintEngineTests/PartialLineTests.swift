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

  /// The ticket line as it was written before lines were encoded into one buffer: each field an
  /// escaped `String`, joined by tabs.
  static func stringEncoding(_ t: TicketPartial) -> String {
    let ticket = t.ticket.ticket
    let occurrences = t.occurrences.keys.sorted().map { "\($0):\(t.occurrences[$0] ?? 0)" }
      .joined(separator: ",")
    let text =
      t.textLeftOut ? nil : t.ticket.isClassified ? String(ticket.text.prefix(200)) : ticket.text
    let fields: [String] = [
      "T", ticket.system, ticket.id, occurrences, t.first.text, t.winner.text,
      "\(ticket.created.timeIntervalSince1970)",
      ticket.updated.map { "\($0.timeIntervalSince1970)" } ?? "",
      ticket.resolved.map { "\($0.timeIntervalSince1970)" } ?? "", t.ticket.period.description,
      t.ticket.cell.category.rawValue, t.ticket.issue, t.ticket.cell.productLine,
      t.ticket.cell.tier.rawValue, ticket.customer ?? "", ticket.customerName ?? "",
      ticket.product ?? "", ticket.channel ?? "", ticket.agent ?? "",
      ticket.sourceCategory ?? "", ticket.tags.joined(separator: ","), t.ticket.rule,
      text ?? "\u{0}", ticket.location.file, String(ticket.location.line),
      ticket.encodedSlices ?? "",
    ]
    return fields.map(PartialLine.escape).joined(separator: "\t")
      .replacingOccurrences(of: "\u{0}", with: "\\-")
  }

  /// Texts around the 200 characters a classified ticket keeps: ASCII, CRLF pairs straddling
  /// the cut, combining marks right after it, multi-byte letters and emoji.
  static func longText(_ random: inout SplitMix64) -> String {
    let pieces = ["a", "b ", "\r\n", "\n", "\t", "e\u{301}", "\u{301}", "é", "配", "🙂", "\\"]
    var text = String(repeating: "x", count: 150 + random.next(below: 60))
    for _ in 0..<random.next(below: 80) { text += pieces[random.next(below: pieces.count)] }
    return text
  }

  @Test("a ticket line's bytes are those of its fields escaped and joined", arguments: 0..<30)
  func ticketBytesMatchTheFieldByFieldEncoding(seed: Int) throws {
    var random = SplitMix64(seed: UInt64(seed) &* 31 &+ 17)
    for round in 0..<40 {
      var partial = Self.ticket(&random)
      if round % 2 == 0 { partial.ticket.ticket.text = Self.longText(&random) }
      if round % 3 == 0 { partial.ticket.issue = ClassifiedTicket.unclassified }
      if round % 5 == 0 { partial.occurrences[7] = 2 }
      partial.textLeftOut = round % 7 == 0
      let line = PartialLine.ticket(partial)
      #expect(line.encoded() == Self.stringEncoding(partial))
      let back = try Self.roundTrip(line)
      guard case .ticket(let read) = back else {
        Issue.record("not a ticket line")
        continue
      }
      #expect(read.textLeftOut == partial.textLeftOut)
      let expected =
        partial.textLeftOut
        ? ""
        : partial.ticket.isClassified
          ? String(partial.ticket.ticket.text.prefix(200)) : partial.ticket.ticket.text
      #expect(read.ticket.ticket.text == expected)
    }
  }

  @Test("the excerpt is the text's first 200 characters", arguments: 0..<20)
  func excerptIsThePrefix(seed: Int) {
    var random = SplitMix64(seed: UInt64(seed) &+ 4_242)
    for _ in 0..<100 {
      let text = Self.longText(&random)
      #expect(PartialLine.excerpt(text) == text.prefix(200), "\(text.debugDescription)")
    }
  }

  /// A text that reads like the mark is escaped like any other and stays text.
  @Test func aTextLikeTheMarkIsText() throws {
    var random = SplitMix64(seed: 3)
    var partial = Self.ticket(&random)
    partial.ticket.ticket.text = "\\-"
    guard case .ticket(let read) = try Self.roundTrip(.ticket(partial)) else {
      Issue.record("not a ticket line")
      return
    }
    #expect(!read.textLeftOut && read.ticket.ticket.text == "\\-")
  }

  /// The merged ticket carries the kept copy's text, or its mark: whichever copy wins.
  @Test func theKeptCopyDecidesWhetherTextWasLeftOut() {
    var random = SplitMix64(seed: 11)
    var early = Self.ticket(&random)
    early.ticket.ticket.updated = nil
    early.textLeftOut = true
    var late = early
    late.ticket.ticket.updated = early.ticket.ticket.created.addingTimeInterval(86_400)
    late.textLeftOut = false
    late.winner.file = early.winner.file + 1
    late.occurrences = [late.winner.file: 1]
    #expect(!early.merged(with: late).textLeftOut)
    #expect(!late.merged(with: early).textLeftOut)
    late.textLeftOut = true
    early.textLeftOut = false
    #expect(early.merged(with: late).textLeftOut)
  }

  @Test(
    "a copy's order reads back, and anything else is refused",
    arguments: [
      ("3:0:12", CopyOrder(file: 3, range: 0, line: 12)),
      ("0:67109179:5:ab12", CopyOrder(file: 0, range: 67_109_179, line: 5, sha256: "ab12")),
      ("3:0", nil), ("3::12", nil), ("3:0:12:", nil), ("a:0:1", nil), ("1:2:3:ab:cd", nil),
      ("", nil), ("-1:0:2", nil),
    ] as [(String, CopyOrder?)])
  func copyOrders(text: String, order: CopyOrder?) {
    let read = CopyOrder(Substring(text))
    #expect(read == order)
    #expect(read.map { $0.sha256 } == order.map { $0.sha256 })
    if let order { #expect(CopyOrder(Substring(order.text)) == order) }
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
