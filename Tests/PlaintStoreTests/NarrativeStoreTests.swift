import Foundation
import PlaintCore
import PlaintStore
import PlaintTestSupport
import Testing

/// Narratives live in compressed blocks apart from the ticket rows: every way the store hands a
/// ticket back gives the text of the copy it kept, whatever the texts hold and however the
/// blocks fall.
@Suite struct NarrativeStoreTests {
  static let periods: [Period] = [.month(2025, 9), .month(2025, 10), .month(2025, 11)]

  /// Empty, spaces only, words, several scripts and lines, and now and then a text bigger than a
  /// block.
  static func text(_ random: inout SplitMix64) -> String {
    let words = ["kettle", "broke", "Wasserkocher", "défaut", "水壶", "坏了", "🙂", "\"quoted\"", "a,b"]
    switch random.next(below: 10) {
    case 0: return ""
    case 1: return String(repeating: " ", count: random.next(below: 4))
    case 2:
      return String(repeating: "x", count: 150_000 + random.next(below: 100_000))
    default:
      let count = 1 + random.next(below: 300)
      return (0..<count).map { index in
        words[random.next(below: words.count)] + (index % 17 == 16 ? "\n" : "")
      }.joined(separator: " ")
    }
  }

  struct Kept {
    var text: String
    var period: Period
    var file: String
  }

  /// Three files whose ids overlap: each later copy is updated later, so it replaces the kept one.
  static func filledStore(seed: UInt64, path: String = ":memory:") throws -> (Store, [String: Kept])
  {
    let store = try Store(path: path)
    var random = SplitMix64(seed: seed)
    var kept: [String: Kept] = [:]
    var updated = 1_760_000_000.0
    for file in ["a", "b", "c"] {
      let identity = SourceAccounting(path: "\(file).csv", sha256: file, system: "zendesk")
      _ = try store.ingest(identity, now: .now) { sink in
        for line in 0..<250 {
          let id = "T\(random.next(below: 400))"
          let text = text(&random)
          let period = periods[random.next(below: periods.count)]
          updated += 1
          let ticket = Ticket(
            system: "zendesk", id: id, created: Date(timeIntervalSince1970: 1_750_000_000),
            updated: Date(timeIntervalSince1970: updated), text: text,
            location: SourceLocation(file: "\(file).csv", line: line + 2))
          try sink.add(
            ClassifiedTicket(
              ticket: ticket, period: period,
              cell: Cell(category: .product, productLine: "Kettles", tier: .consumer),
              issue: "defect", rule: "product.defect"))
          kept[id] = Kept(text: text, period: period, file: file)
        }
        return identity
      }
    }
    return (store, kept)
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func everyReadGivesBackTheKeptCopysText(seed: UInt64) throws {
    let (store, kept) = try Self.filledStore(seed: seed)

    let all = try store.tickets(in: Self.periods)
    #expect(all.count == kept.count)
    for ticket in all { #expect(ticket.ticket.text == kept[ticket.ticket.id]?.text) }

    let texts = try store.ticketTexts()
    #expect(
      Dictionary(uniqueKeysWithValues: texts.map { ($0.id, $0.text) }) == kept.mapValues(\.text))
    #expect(
      texts.map(\.id) == texts.map(\.id).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })

    let one = Self.periods[1]
    for ticket in try store.tickets(in: Self.periods, textOnlyIn: one) {
      let expected = kept[ticket.ticket.id]
      #expect(ticket.ticket.text == (ticket.period == one ? expected?.text : ""))
    }

    for id in kept.keys.sorted().prefix(20) {
      #expect(try store.ticket(id: id).map(\.ticket.text) == [kept[id]?.text])
    }

    var streamed: [String: String] = [:]
    try store.forEachTicket(in: Self.periods, textOnlyIn: one) { ticket in
      streamed[ticket.ticket.id] = ticket.ticket.text
    }
    #expect(streamed == kept.mapValues { $0.period == one ? $0.text : "" })

    let byStoredPeriod = try store.emptyTextCounts()
    let empty = try store.emptyTextCounts(in: Self.periods)
    for period in Self.periods {
      let texts = kept.values.filter { $0.period == period }.map(\.text)
      #expect(empty[period]?.empty == texts.filter { $0.allSatisfy { $0 == " " } }.count)
      #expect(empty[period]?.total == texts.count)
      #expect(byStoredPeriod[period.description]?.empty == empty[period]?.empty)
      #expect(byStoredPeriod[period.description]?.total == texts.count)
    }

    // Last: the closure moves every ticket to one period.
    var seen: [String: String] = [:]
    _ = try store.reclassify { ticket in
      seen[ticket.id] = ticket.text
      return (
        .month(2025, 10), Cell(category: .product, productLine: "Kettles", tier: .consumer),
        "defect", "product.defect"
      )
    }
    #expect(seen == kept.mapValues(\.text))
  }

  @Test func forgettingAFileKeepsTheOtherFilesTexts() throws {
    let (store, kept) = try Self.filledStore(seed: 4)
    try store.forgetSources(["b"])
    let left = kept.filter { $0.value.file != "b" }
    let texts = try store.ticketTexts()
    #expect(
      Dictionary(uniqueKeysWithValues: texts.map { ($0.id, $0.text) }) == left.mapValues(\.text))
  }
}

/// A store written before narratives had blocks keeps its texts in the rows: it opens, migrates,
/// reads them back, and takes new tickets beside them.
@Suite(
  .enabled(
    if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3"),
    "no sqlite3 to make an older store with"
  ))
struct NarrativeMigrationTests {
  @Test func aStoreFromBeforeBlocksReadsItsTextsAndTakesNewOnes() throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("plaint-v5-\(UUID().uuidString).db").path
    defer {
      for suffix in ["", "-wal", "-shm", "-seal"] {
        try? FileManager.default.removeItem(atPath: path + suffix)
      }
    }
    let old = Ticket(
      system: "t", id: "old", created: Date(timeIntervalSince1970: 1_760_000_000),
      text: "placeholder", location: SourceLocation(file: "old.csv", line: 2))
    let cell = Cell(category: .product, productLine: "Kettles", tier: .consumer)
    do {
      let store = try Store(path: path)
      _ = try store.ingest(
        SourceAccounting(path: "old.csv", sha256: "o", system: "t"), now: .now
      ) { sink in
        try sink.add(
          ClassifiedTicket(
            ticket: old, period: .month(2025, 10), cell: cell, issue: "defect", rule: "r"))
        return SourceAccounting(path: "old.csv", sha256: "o", system: "t")
      }
    }
    // The schema as v5-slices left it, the text in its row.
    let sqlite = Process()
    sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    sqlite.arguments = [
      path,
      """
      DROP TABLE narratives; ALTER TABLE tickets DROP COLUMN text_block;
      ALTER TABLE tickets DROP COLUMN text_slot;
      DELETE FROM grdb_migrations WHERE identifier = 'v6-narratives';
      UPDATE tickets SET text = 'kettle leaks since Tuesday';
      """,
    ]
    try sqlite.run()
    sqlite.waitUntilExit()
    #expect(sqlite.terminationStatus == 0)

    let store = try Store(path: path)
    #expect(try store.ticket(id: "old").map(\.ticket.text) == ["kettle leaks since Tuesday"])
    _ = try store.ingest(SourceAccounting(path: "new.csv", sha256: "n", system: "t"), now: .now) {
      sink in
      var new = old
      new.id = "new"
      new.text = "lid cracked"
      try sink.add(
        ClassifiedTicket(
          ticket: new, period: .month(2025, 10), cell: cell, issue: "defect", rule: "r"))
      return SourceAccounting(path: "new.csv", sha256: "n", system: "t")
    }
    let texts = try store.tickets(in: [.month(2025, 10)]).map(\.ticket.text)
    #expect(texts.sorted() == ["kettle leaks since Tuesday", "lid cracked"])
  }
}
