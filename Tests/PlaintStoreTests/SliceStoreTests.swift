import Foundation
import PlaintCore
import PlaintStore
import Testing

/// The store keeps each ticket's slices, counts them per period, and opens stores written before
/// slices existed.
@Suite struct SliceStoreTests {
  static func placed(_ id: String, slices: [String: String], file: String = "export.csv")
    -> ClassifiedTicket
  {
    var ticket = Ticket(
      system: "cfpb", id: id, created: Date(timeIntervalSince1970: 1_760_000_000), text: "late",
      location: SourceLocation(file: file, line: 2))
    ticket.slices = slices
    return ClassifiedTicket(
      ticket: ticket, period: .month(2025, 10),
      cell: Cell(category: .product, productLine: "Cards", tier: .consumer), issue: "fees",
      rule: "")
  }

  static func identity(_ sha: String) -> SourceAccounting {
    SourceAccounting(path: "export.csv", sha256: sha, system: "cfpb")
  }

  @Test func slicesAreKeptAndCountedPerPeriod() throws {
    let store = try Store(path: ":memory:")
    _ = try store.ingest(Self.identity("a"), now: .now) { sink in
      try sink.add(Self.placed("1", slices: ["company": "ACME, Inc.", "state": "CA"]))
      try sink.add(Self.placed("2", slices: ["company": "ACME, Inc.", "state": "CA"]))
      try sink.add(Self.placed("3", slices: ["company": "Bank\tof \"X\""]))
      try sink.add(Self.placed("4", slices: [:]))
      return Self.identity("a")
    }
    #expect(
      try store.ticket(id: "1").first?.ticket.slices == ["company": "ACME, Inc.", "state": "CA"])
    #expect(try store.ticket(id: "3").first?.ticket.slices == ["company": "Bank\tof \"X\""])
    #expect(try store.ticket(id: "4").first?.ticket.slices == [:])
    let counts = try store.sliceCounts(granularity: .month)
    #expect(counts.map(\.count).reduce(0, +) == 4)
    let acme = counts.filter { $0.slices["company"] == "ACME, Inc." }
    #expect(acme.map(\.count) == [2])
    #expect(acme.first?.slices["state"] == "CA")
    #expect(counts.allSatisfy { $0.system == "cfpb" && $0.file == "export.csv" })
  }

  /// A store written before slices (no `slices` column, no v5 migration) opens, keeps its
  /// tickets without slices, and takes new tickets with them.
  @Test(
    .enabled(
      if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"), "no python3"))
  func aStoreFromBeforeSlicesKeepsWorking() throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("plaint-old-\(UUID().uuidString).db").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    do {
      let store = try Store(path: path)
      _ = try store.ingest(Self.identity("a"), now: .now) { sink in
        try sink.add(Self.placed("1", slices: [:]))
        return Self.identity("a")
      }
    }
    let python = Process()
    python.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    python.arguments = [
      "-c",
      "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
        + "c.execute('ALTER TABLE tickets DROP COLUMN slices'); "
        + "c.execute(\"DELETE FROM grdb_migrations WHERE identifier = 'v5-slices'\"); c.commit()",
      path,
    ]
    try python.run()
    python.waitUntilExit()
    #expect(python.terminationStatus == 0)
    let store = try Store(path: path)
    #expect(try store.ticket(id: "1").first?.ticket.slices == [:])
    _ = try store.ingest(Self.identity("b"), now: .now) { sink in
      try sink.add(Self.placed("2", slices: ["company": "ACME"]))
      return Self.identity("b")
    }
    #expect(try store.ticket(id: "2").first?.ticket.slices == ["company": "ACME"])
    #expect(try store.sliceCounts(granularity: .month).map(\.count).reduce(0, +) == 2)
  }
}
