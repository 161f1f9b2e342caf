import Foundation
import PlaintCore
import PlaintTestSupport
import Testing

@testable import PlaintStore

/// A file read while it is still being hashed (`Store.ingest(digest:)`, README.md, Performance):
/// whatever the store writes for it names the checksum the digest gives, never the empty one the
/// load started with, whenever during the load the checksum comes, and a digest that fails leaves
/// nothing behind.
@Suite struct LateDigestTests {
  struct HashFailed: Error {}

  /// Tickets with narratives long enough to fill several narrative blocks, some of them copies
  /// of an earlier ticket (duplicates within the file), and rejects between them.
  static func load(
    _ store: Store, digest: PendingDigest, tickets: [ClassifiedTicket], rejectEvery: Int
  ) throws -> SourceAccounting {
    try store.ingest(
      SourceAccounting(path: "export.csv", sha256: "", system: "zendesk"), now: .now,
      digest: digest
    ) { sink in
      for (index, ticket) in tickets.enumerated() {
        if index % rejectEvery == 0 {
          try sink.reject(
            Reject(file: "export.csv", line: index + 2, reason: "unparseable date", raw: "x"))
        }
        try sink.add(ticket)
      }
      return SourceAccounting(path: "export.csv", sha256: "", system: "zendesk")
    }
  }

  /// A digest ready after `polls` questions (never, with `.max`: only at the load's end).
  static func digest(_ sha: String, readyAfter polls: Int, asked: Counter) -> PendingDigest {
    let polled = Counter()
    return PendingDigest(
      isReady: {
        polled.count += 1
        return polled.count > polls
      },
      wait: {
        asked.count += 1
        return sha
      })
  }

  @Test(
    "the checksum given late names the source, its tickets, narratives and rejects",
    arguments: [(0, 3, 0), (1, 7, 900), (2, 1_000, .max), (3, 2, 40)])
  func settledChecksum(seed: UInt64, rejectEvery: Int, readyAfter: Int) throws {
    let (folder, path) = try BulkLoadTests.scratchStore()
    defer { try? FileManager.default.removeItem(at: folder) }
    var random = SplitMix64(seed: seed)
    let sha = (0..<64).map { _ in String(random.next(below: 16), radix: 16) }.joined()
    var tickets = BulkLoadTests.tickets(1_500 + random.next(below: 1_000), seed: seed)
    tickets += tickets.prefix(random.next(below: 50))
    let asked = Counter()
    let store = try Store(path: path)
    let result = try Self.load(
      store, digest: Self.digest(sha, readyAfter: readyAfter, asked: asked), tickets: tickets,
      rejectEvery: rejectEvery)
    #expect(asked.count == 1)
    #expect(result.sha256 == sha)
    let unique = Set(tickets.map(\.ticket.id)).count
    #expect(result.accepted == unique)
    #expect(result.duplicates == tickets.count - unique)
    #expect(try store.sources().map(\.sha256) == [sha])
    #expect(try store.source(sha256: sha)?.accepted == unique)
    #expect(try store.rejects().count == (tickets.count + rejectEvery - 1) / rejectEvery)
    // The report takes the groups counted as the rows were written, without a scan: nothing
    // the late checksum wrote marked them stale.
    _ = try store.groupsOfEveryTicket()
    #expect(store.loadCounts.current?.rows == unique)
    // The accounting check ties every ticket to a source by its checksum.
    try store.checkAccounting()
    // The narratives, named by the checksum too, read back.
    let back = try BulkLoadTests.stored(store, tickets)
    #expect(back.count == unique)
    let first = Dictionary(tickets.map { ($0.ticket.id, $0) }, uniquingKeysWith: { a, _ in a })
    #expect(back.allSatisfy { $0.ticket.text == first[$0.ticket.id]?.ticket.text })
    // Every narrative block names the file by its checksum, the first ones written too.
    let blocks = try store.narrativeBlocksBySource()
    #expect(blocks.keys.sorted() == [sha] && blocks[sha, default: 0] > 3, "\(blocks)")
    // Forgetting the source by that checksum removes everything the load wrote.
    #expect(try store.forgetSources([sha]) == unique)
    #expect(try store.ticketCount() == 0)
    #expect(try store.rejects().isEmpty)
    #expect(try store.narrativeBlocksBySource().isEmpty)
  }

  @Test("a digest that fails leaves the store as it was, and the next load goes in")
  func failedDigest() throws {
    let (folder, path) = try BulkLoadTests.scratchStore()
    defer { try? FileManager.default.removeItem(at: folder) }
    let tickets = BulkLoadTests.tickets(2_000, seed: 11)
    do {
      let store = try Store(path: path)
      #expect(throws: HashFailed.self) {
        _ = try Self.load(
          store, digest: PendingDigest(isReady: { false }, wait: { throw HashFailed() }),
          tickets: tickets, rejectEvery: 5)
      }
      #expect(try store.ticketCount() == 0)
      #expect(try store.holdsNoSource())
      #expect(try store.rejects().isEmpty)
    }
    #expect(try BulkLoadTests.fileFormat(path) == [2, 2])
    let reopened = try Store(path: path)
    let result = try Self.load(
      reopened, digest: Self.digest("b", readyAfter: 300, asked: Counter()), tickets: tickets,
      rejectEvery: 5)
    #expect(result.accepted == tickets.count)
    #expect(try reopened.holdsNoSource() == false)
  }

  final class Counter: @unchecked Sendable { var count = 0 }

  /// `tickets` as the file at `path`, its checksum `sha` known, or given late by `digest`.
  static func load(
    _ store: Store, path: String, sha: String, digest: PendingDigest?,
    tickets: [ClassifiedTicket]
  ) throws -> SourceAccounting {
    let identity = SourceAccounting(
      path: path, sha256: digest == nil ? sha : "", system: "zendesk")
    return try store.ingest(identity, now: .now, digest: digest) { sink in
      for var ticket in tickets {
        ticket.ticket.location.file = path
        try sink.add(ticket)
      }
      return identity
    }
  }

  @Test(
    "into a store of other files, copies tied on time are ranked by the late checksum",
    arguments: [String(repeating: "0", count: 64), String(repeating: "f", count: 64)])
  func tiesAmongOtherFiles(second: String) throws {
    let first = String(repeating: "8", count: 64)
    let tickets = BulkLoadTests.tickets(600, seed: 5)
    // The second file: new tickets, and copies of 200 of the first's with the same times.
    let copies = tickets.prefix(200)
    let more = BulkLoadTests.tickets(700, seed: 6).suffix(100)
    var kept: [[String]] = []
    for late in [true, false] {
      let (folder, path) = try BulkLoadTests.scratchStore()
      defer { try? FileManager.default.removeItem(at: folder) }
      let store = try Store(path: path)
      _ = try Self.load(store, path: "first.csv", sha: first, digest: nil, tickets: tickets)
      // Late: never ready before the load asks for it.
      let digest = late ? PendingDigest(isReady: { false }, wait: { second }) : nil
      let result = try Self.load(
        store, path: "second.csv", sha: second, digest: digest, tickets: Array(copies + more))
      #expect(result.sha256 == second)
      try store.checkAccounting()
      kept.append(
        try copies.map { copy in
          try store.ticket(id: copy.ticket.id, system: copy.ticket.system)
            .map(\.ticket.location.file).joined()
        })
    }
    #expect(kept[0] == kept[1])
    // The larger checksum's copies win the ties.
    let winner = second > first ? "second.csv" : "first.csv"
    #expect(kept[0].allSatisfy { $0 == winner }, "\(Set(kept[0]))")
  }

  @Test("a late checksum that names a file the store holds keeps nothing of the load")
  func heldFileKeepsNothing() throws {
    let (folder, path) = try BulkLoadTests.scratchStore()
    defer { try? FileManager.default.removeItem(at: folder) }
    let sha = String(repeating: "a", count: 64)
    let tickets = BulkLoadTests.tickets(800, seed: 9)
    let store = try Store(path: path)
    let first = try Self.load(store, path: "first.csv", sha: sha, digest: nil, tickets: tickets)
    let count = try store.ticketCount()
    #expect(throws: HeldSource.self) {
      _ = try Self.load(
        store, path: "renamed.csv", sha: sha,
        digest: PendingDigest(isReady: { false }, wait: { sha }), tickets: tickets)
    }
    #expect(try store.ticketCount() == count)
    #expect(try store.sources() == [first])
    #expect(try store.narrativeBlocksBySource().keys.sorted() == [sha])
    try store.checkAccounting()
    #expect(
      try tickets.prefix(50).allSatisfy {
        try store.ticket(id: $0.ticket.id, system: $0.ticket.system).first?.ticket.location.file
          == "first.csv"
      })
  }
}
