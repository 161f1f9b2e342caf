import Foundation
import PlaintCore
import PlaintStore
import PlaintTestSupport
import Testing

private func ticket(_ id: String, updated: TimeInterval? = nil, text: String = "broken") -> Ticket {
  Ticket(
    system: "zendesk", id: id, created: Date(timeIntervalSince1970: 1_760_000_000),
    updated: updated.map(Date.init(timeIntervalSince1970:)), text: text,
    location: SourceLocation(file: "export.csv", line: 2))
}

private func placed(_ ticket: Ticket, line: String = "Kettles", issue: String = "defect")
  -> ClassifiedTicket
{
  ClassifiedTicket(
    ticket: ticket, period: .month(2025, 10),
    cell: Cell(category: .product, productLine: line, tier: .consumer), issue: issue,
    rule: "product.defect \"broken\"")
}

private func identity(_ sha: String) -> SourceAccounting {
  SourceAccounting(path: "export.csv", sha256: sha, system: "zendesk")
}

@Suite struct StoreTests {
  @Test func countsARepeatedIdAsADuplicateAndKeepsTheLatestUpdate() throws {
    let store = try Store(path: ":memory:")
    let result = try store.ingest(identity("a"), now: .now) { sink in
      try sink.add(placed(ticket("1", updated: 100, text: "old text")))
      try sink.add(placed(ticket("1", updated: 200, text: "new text")))
      try sink.add(placed(ticket("1", updated: 150, text: "stale text")))
      try sink.add(placed(ticket("2")))
      return identity("a")
    }
    #expect(result.accepted == 2)
    #expect(result.duplicates == 2)
    let stored = try store.ticket(id: "1")
    #expect(stored.map(\.ticket.text) == ["new text"])
    #expect(try store.ticketCount() == 2)
  }

  /// An id looked up in every system gives its ticket in each system that has it, by system as
  /// bytes, as a scan of every ticket would: systems that sort between others, differ only by
  /// case or accent, or hold the id and others not.
  @Test("an id is found in every system that holds it, by system bytes", arguments: 0..<10)
  func anIdIsFoundInEverySystem(seed: Int) throws {
    var random = SplitMix64(seed: UInt64(seed) &+ 3)
    let systems = ["zendesk", "Zendesk", "jira", "zendésk", "a", "z\u{301}", "freshdesk", "~"]
    let store = try Store(path: ":memory:")
    var held: [(system: String, id: String)] = []
    _ = try store.ingest(identity("a"), now: .now) { sink in
      for system in systems {
        for id in ["1", "2", "3", "10"] where random.next(below: 2) == 0 {
          var made = ticket(id, text: "\(system) \(id)")
          made.system = system
          try sink.add(placed(made))
          held.append((system, id))
        }
      }
      return identity("a")
    }
    for id in ["1", "2", "3", "10", "4"] {
      let expected = held.filter { $0.id == id }.map { Array($0.system.utf8) }
        .sorted { $0.lexicographicallyPrecedes($1) }
      let found = try store.ticket(id: id)
      #expect(found.map { Array($0.ticket.system.utf8) } == expected)
      #expect(found.allSatisfy { $0.ticket.id == id && $0.ticket.text.hasSuffix(" \(id)") })
    }
  }

  /// A run killed while the first migration ran leaves only GRDB's own table: the next run
  /// opens that store as new and migrates it, instead of calling it foreign.
  @Test(
    .enabled(
      if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"), "no python3"))
  func aStoreKilledDuringItsFirstMigrationOpensAsNew() throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("plaint-half-\(UUID().uuidString).db").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let python = Process()
    python.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    python.arguments = [
      "-c",
      "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
        + "c.execute('CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)'); "
        + "c.commit()",
      path,
    ]
    try python.run()
    python.waitUntilExit()
    #expect(python.terminationStatus == 0)
    let store = try Store(path: path)
    #expect(try store.ticketCount() == 0)
  }

  @Test func aFailedIngestLeavesNothingBehind() throws {
    struct Interrupted: Error {}
    let store = try Store(path: ":memory:")
    #expect(throws: Interrupted.self) {
      _ = try store.ingest(identity("b"), now: .now) { sink in
        try sink.add(placed(ticket("1")))
        try sink.reject(Reject(file: "export.csv", line: 3, reason: "empty id", raw: ","))
        throw Interrupted()
      }
    }
    #expect(try store.ticketCount() == 0)
    #expect(try store.rejects().isEmpty)
    #expect(try store.hasSource(sha256: "b") == false)
  }

  @Test func remembersIngestedSourcesWithTheirAccounting() throws {
    let store = try Store(path: ":memory:")
    _ = try store.ingest(identity("c"), now: .now) { sink in
      try sink.add(placed(ticket("9")))
      try sink.reject(Reject(file: "export.csv", line: 4, reason: "empty id", raw: ",x"))
      var accounting = identity("c")
      accounting.rowsRead = 2
      accounting.rejected = 1
      accounting.reasons = ["empty id": 1]
      return accounting
    }
    #expect(try store.hasSource(sha256: "c"))
    let source = try #require(try store.sources().first)
    #expect(
      source.rowsRead == source.accepted + source.rejected + source.duplicates + source.filtered)
    #expect(source.reasons == ["empty id": 1])
    #expect(try store.rejects().map(\.line) == [4])
  }

  @Test func reclassifyMovesTicketsAndCountsThem() throws {
    let store = try Store(path: ":memory:")
    _ = try store.ingest(identity("d"), now: .now) { sink in
      try sink.add(placed(ticket("1")))
      try sink.add(placed(ticket("2"), line: "Blenders"))
      return identity("d")
    }
    let moved = try store.reclassify { ticket in
      let line = ticket.id == "1" ? "Blenders" : "Blenders"
      return (
        .month(2025, 10), Cell(category: .product, productLine: line, tier: .consumer),
        "defect", "product.defect \"broken\""
      )
    }
    #expect(moved == 1)
    let counts = try store.cellCounts(granularity: .month)
    #expect(counts.map(\.count) == [2])
    #expect(counts.first?.cell.productLine == "Blenders")
  }

  @Test func persistsAcrossReopening() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("plaint-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("plaint.db").path
    do {
      let store = try Store(path: path)
      _ = try store.ingest(identity("e"), now: .now) { sink in
        try sink.add(placed(ticket("1")))
        return identity("e")
      }
      try store.setMeta("taxonomy", "abc")
    }
    let reopened = try Store(path: path)
    #expect(try reopened.ticketCount() == 1)
    #expect(try reopened.meta("taxonomy") == "abc")
  }
}

@Suite struct DedupOrderTests {
  /// Two exports of the same tickets, an older and a newer copy of ticket 1, read in either order.
  @Test(arguments: [false, true])
  func theLatestUpdateWinsWhateverTheOrderFilesAreRead(newerFirst: Bool) throws {
    let older = [placed(ticket("1", updated: 100, text: "leaks")), placed(ticket("2"))]
    let newer = [
      placed(ticket("1", updated: 500, text: "leaks, base scorched")), placed(ticket("2")),
    ]
    let store = try Store(path: ":memory:")
    let files: [(sha: String, tickets: [ClassifiedTicket])] =
      newerFirst ? [("new", newer), ("old", older)] : [("old", older), ("new", newer)]
    for file in files {
      _ = try store.ingest(identity(file.sha), now: .now) { sink in
        for item in file.tickets { try sink.add(item) }
        return identity(file.sha)
      }
    }
    // The accounting as it stands once both are read: the kept copy's file accepted it.
    let sources = Dictionary(uniqueKeysWithValues: try store.sources().map { ($0.sha256, $0) })
    #expect(sources.values.map(\.accepted).reduce(0, +) == 2)
    #expect(sources.values.map(\.duplicates).reduce(0, +) == 2)
    // Ticket 1: the newer copy wins; ticket 2 (identical copies): the greater checksum, "old".
    #expect(sources["new"]?.accepted == 1 && sources["old"]?.accepted == 1)
    #expect(try store.ticket(id: "1").map(\.ticket.text) == ["leaks, base scorched"])
    #expect(try store.ticketCount() == 2)
  }
}

@Suite struct BaselineStoreTests {
  @Test func frozenBaselinesRoundTripAndAreReplacedWhole() throws {
    let store = try Store(path: ":memory:")
    #expect(try store.baselines().isEmpty)
    let kettles = StoredBaseline(
      category: "product", productLine: "Kettles", tier: "consumer", through: .month(2025, 12),
      window: Period.month(2025, 1)...Period.month(2025, 12), excluded: [.month(2025, 7)],
      baseline: FrozenBaseline(center: 0.0021, sigmaZ: 1.4, method: .laney, periods: 11),
      frozenAt: "2026-01-05T03:00:00Z", version: "0.1.0")
    var total = kettles
    (total.category, total.productLine, total.tier) = ("*", "*", "*")
    total.baseline = FrozenBaseline(center: 0.003, sigmaZ: nil, method: .u, periods: 12)
    try store.replaceBaselines([kettles, total])
    #expect(try store.baselines() == [total, kettles])
    try store.replaceBaselines([kettles])
    #expect(try store.baselines() == [kettles])
  }
}
