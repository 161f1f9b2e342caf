import Foundation
import PlaintCore
@testable import PlaintStore
import PlaintTestSupport
import Testing

/// Right after a run loads an empty store, the report's counts over every period come from the
/// rows grouped as they were written (`LoadCounts`), not from a scan of the table. They must be
/// the scan's — counts, order and fingerprints — whatever the files hold, and the moment the
/// table changes otherwise than by new rows, the scan must take over.
@Suite struct LoadCountsTests {
  static let periods: [Period] =
    [.month(2025, 9), .month(2025, 10), .month(2025, 11)] + [Period("2025-W40")].compactMap { $0 }

  /// Random tickets of one file: any period, cell, issue, blank or spaces-only text, missing or
  /// empty channel and agent, slices or none, resolved or not, whole-second and fractional times
  /// (the epoch itself among them). With `overlap`, some ids repeat earlier ones.
  static func tickets(
    _ random: inout SplitMix64, file: String, first: Int, count: Int, overlap: Bool
  ) -> [ClassifiedTicket] {
    (0..<count).map { line in
      let number =
        overlap && random.next(below: 4) == 0 ? random.next(below: first + 1) : first + line
      let created =
        random.next(below: 40) == 0
        ? 0 : 1_750_000_000 + Double(random.next(below: 9_000_000)) / [1, 4][random.next(below: 2)]
      var ticket = Ticket(
        system: ["zendesk", "legacy"][random.next(below: 2)], id: "T\(number)",
        created: Date(timeIntervalSince1970: created),
        updated: Date(timeIntervalSince1970: created + Double(random.next(below: 1000))),
        resolved: random.next(below: 3) == 0
          ? nil : Date(timeIntervalSince1970: created + Double(random.next(below: 500_000))),
        text: ["", "  ", "kettle broke", "Wasserkocher defekt", "水壶坏了"][random.next(below: 5)],
        channel: ["email", "", nil][random.next(below: 3)],
        agent: ["Ana", "Zoë", nil][random.next(below: 3)],
        location: PlaintCore.SourceLocation(file: file, line: line + 2))
      if random.next(below: 2) == 0 {
        ticket.slices = ["region": ["EU", "US", ""][random.next(below: 3)]]
      }
      return ClassifiedTicket(
        ticket: ticket, period: periods[random.next(below: periods.count)],
        cell: Cell(
          category: [.product, .service, .other][random.next(below: 3)],
          productLine: ["Kettles", "Blenders", Cell.unassigned][random.next(below: 3)],
          tier: [.consumer, .keyAccount][random.next(below: 2)]),
        issue: ["defect", "late", ClassifiedTicket.unclassified][random.next(below: 3)],
        rule: "rule")
    }
  }

  static func load(_ store: Store, file: String, _ tickets: [ClassifiedTicket]) throws {
    let identity = SourceAccounting(path: file, sha256: file, system: "zendesk")
    _ = try store.ingest(identity, now: .now) { sink in
      for ticket in tickets { try sink.add(ticket) }
      return identity
    }
  }

  /// The counts `baseCounts` gives against those of a scan of the table, field by field.
  static func expectScanned(
    _ store: Store, sourceLocation: Testing.SourceLocation = #_sourceLocation
  )
    throws
  {
    for granularity in [Granularity.month, .week] {
      let given = try store.baseCounts(granularity: granularity)
      let scanned = try store.baseCounts(
        granularity: granularity, excluding: .none, halvedFrom: nil)
      #expect(given.cells == scanned.cells, sourceLocation: sourceLocation)
      #expect(given.issues == scanned.issues, sourceLocation: sourceLocation)
      #expect(
        given.files.mapValues { $0.mapValues { "\($0.tickets)/\($0.resolved)" } }
          == scanned.files.mapValues { $0.mapValues { "\($0.tickets)/\($0.resolved)" } },
        sourceLocation: sourceLocation)
      #expect(
        given.emptyText.mapValues { "\($0.empty)/\($0.total)" }
          == scanned.emptyText.mapValues { "\($0.empty)/\($0.total)" },
        sourceLocation: sourceLocation)
      #expect(given.fingerprints == scanned.fingerprints, sourceLocation: sourceLocation)
    }
  }

  @Test("files loaded into an empty store are counted as a scan counts them", arguments: 0..<16)
  func aLoadCountsWhatAScanCounts(seed: Int) throws {
    var random = SplitMix64(seed: UInt64(seed) &* 2_654_435_761 &+ 1)
    let store = try Store(path: ":memory:")
    var first = 0
    for file in ["a.csv", "b.csv", "dir/c.csv"].prefix(1 + random.next(below: 3)) {
      let count = 1 + random.next(below: 300)
      try Self.load(
        store, file: file,
        Self.tickets(&random, file: file, first: first, count: count, overlap: false))
      first += count
    }
    #expect(store.loadCounts.current != nil)
    try Self.expectScanned(store)
    #expect(!(try store.baseCounts(granularity: .month).cells.isEmpty))
  }

  @Test(
    "a copy that loses to the stored one leaves the count; one that wins stops it", arguments: 0..<8
  )
  func copiesThatWinStopTheCount(seed: Int) throws {
    var random = SplitMix64(seed: UInt64(seed) &* 40_503 &+ 7)
    let store = try Store(path: ":memory:")
    try Self.load(
      store, file: "a.csv",
      Self.tickets(&random, file: "a.csv", first: 0, count: 200, overlap: false))
    // Older copies of stored tickets: duplicates, the table unchanged.
    let older = try store.tickets(in: Self.periods).prefix(20).map { item -> ClassifiedTicket in
      var copy = item
      copy.ticket.updated = Date(timeIntervalSince1970: -1)
      copy.ticket.resolved = nil
      copy.ticket.location = PlaintCore.SourceLocation(file: "old.csv", line: 2)
      return copy
    }
    try Self.load(store, file: "old.csv", older)
    #expect(store.loadCounts.current != nil)
    try Self.expectScanned(store)
    // Newer copies, in other cells: they replace the stored rows.
    try Self.load(
      store, file: "b.csv",
      Self.tickets(&random, file: "b.csv", first: 0, count: 100, overlap: true))
    #expect(store.loadCounts.current == nil)
    try Self.expectScanned(store)
  }

  @Test("forgetting, renaming, reclassifying or restoring stops the count")
  func otherWritesStopTheCount() throws {
    var random = SplitMix64(seed: 99)
    func loaded() throws -> Store {
      let store = try Store(path: ":memory:")
      for (index, file) in ["a.csv", "b.csv"].enumerated() {
        try Self.load(
          store, file: file,
          Self.tickets(&random, file: file, first: index * 1000, count: 150, overlap: false))
      }
      #expect(store.loadCounts.current != nil)
      return store
    }
    let forgotten = try loaded()
    try forgotten.forgetSources(["a.csv"])
    #expect(forgotten.loadCounts.current == nil)
    try Self.expectScanned(forgotten)

    let renamed = try loaded()
    try renamed.rehome(sha256: "b.csv", to: "copy/b.csv")
    #expect(renamed.loadCounts.current == nil)
    try Self.expectScanned(renamed)
    #expect(try renamed.baseCounts(granularity: .month).files["copy/b.csv"] != nil)

    let reclassified = try loaded()
    _ = try reclassified.reclassify { ticket in
      (.month(2025, 9), Cell(category: .policy, productLine: "Kettles", tier: .consumer), "x", "r")
    }
    #expect(reclassified.loadCounts.current == nil)
    try Self.expectScanned(reclassified)
    #expect(
      try reclassified.baseCounts(granularity: .month).cells.map(\.cell.category) == [.policy])
  }

  @Test("a file that fails leaves the count of the files before it")
  func aFailedFileLeavesTheCount() throws {
    var random = SplitMix64(seed: 5)
    let store = try Store(path: ":memory:")
    try Self.load(
      store, file: "a.csv",
      Self.tickets(&random, file: "a.csv", first: 0, count: 120, overlap: false))
    struct Cut: Error {}
    let identity = SourceAccounting(path: "b.csv", sha256: "b.csv", system: "zendesk")
    #expect(throws: Cut.self) {
      _ = try store.ingest(identity, now: .now) { sink in
        for ticket in Self.tickets(&random, file: "b.csv", first: 500, count: 50, overlap: false) {
          try sink.add(ticket)
        }
        throw Cut()
      }
    }
    #expect(store.loadCounts.current?.rows == 120)
    try Self.expectScanned(store)
  }

  @Test("a store that held tickets before the run is scanned")
  func aStoreWithTicketsIsScanned() throws {
    var random = SplitMix64(seed: 17)
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("load-counts-\(UUID().uuidString).db").path
    defer {
      for suffix in ["", "-wal", "-shm", "-seal", "-journal"] {
        try? FileManager.default.removeItem(atPath: path + suffix)
      }
    }
    do {
      let store = try Store(path: path)
      try Self.load(
        store, file: "a.csv",
        Self.tickets(&random, file: "a.csv", first: 0, count: 80, overlap: false))
    }
    let reopened = try Store(path: path)
    try Self.load(
      reopened, file: "b.csv",
      Self.tickets(&random, file: "b.csv", first: 100, count: 80, overlap: false))
    #expect(reopened.loadCounts.current == nil)
    try Self.expectScanned(reopened)
  }

  /// Loads `count` random tickets of a.csv into the store at `path` and counts them as a report
  /// does, which keeps their groups; the store is closed after.
  static func loadAndReport(_ path: String, _ random: inout SplitMix64, count: Int) throws {
    let store = try Store(path: path)
    try load(
      store, file: "a.csv", tickets(&random, file: "a.csv", first: 0, count: count, overlap: false))
    _ = try store.baseCounts(granularity: .month)
  }

  /// A store on disk, removed after `body`.
  static func onDisk(_ body: (String) throws -> Void) throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("ticket-groups-\(UUID().uuidString).db").path
    defer {
      for suffix in ["", "-wal", "-shm", "-seal", "-journal"] {
        try? FileManager.default.removeItem(atPath: path + suffix)
      }
    }
    try body(path)
  }

  @Test(
    "a month added to a store whose last report kept its groups is counted on top of them",
    arguments: 0..<6)
  func aMonthAddedCountsOnTopOfTheKeptGroups(seed: Int) throws {
    var random = SplitMix64(seed: UInt64(seed) &* 97 &+ 13)
    try Self.onDisk { path in
      try Self.loadAndReport(path, &random, count: 200)
      let next = try Store(path: path)
      try Self.load(
        next, file: "b.csv",
        Self.tickets(
          &random, file: "b.csv", first: 1000, count: 1 + random.next(below: 200), overlap: false))
      #expect(next.loadCounts.current != nil)
      try Self.expectScanned(next)
      // A report with nothing new reads the kept groups too.
      let reread = try Store(path: path)
      _ = try reread.baseCounts(granularity: .month)
      #expect(reread.loadCounts.current != nil)
      try Self.expectScanned(reread)
    }
  }

  @Test(
    "groups kept in a form this build cannot read are kept anew, and the next month counts on them",
    .enabled(if: SQLiteShell.isInstalled, "no sqlite3 to change the kept bytes with"))
  func unreadableKeptGroupsAreReplaced() throws {
    var random = SplitMix64(seed: 31)
    try Self.onDisk { path in
      try Self.loadAndReport(path, &random, count: 120)
      // The same rows counted, in bytes of another layout (an older build's).
      #expect(
        try SQLiteShell.run("UPDATE ticket_groups SET groups = X'00' || groups", on: path) == 0)
      let report = try Store(path: path)
      _ = try report.baseCounts(granularity: .month)
      #expect(report.loadCounts.current == nil)
      let next = try Store(path: path)
      try Self.load(
        next, file: "b.csv",
        Self.tickets(&random, file: "b.csv", first: 1000, count: 40, overlap: false))
      #expect(next.loadCounts.current != nil)
      try Self.expectScanned(next)
    }
  }

  @Test(
    "kept groups are not used once another program changed, removed or added a ticket or file",
    .enabled(
      if: SQLiteShell.isInstalled,
      "no sqlite3 to change with"))
  func keptGroupsGoStaleWithAnyOtherChange() throws {
    var random = SplitMix64(seed: 23)
    let changes = [
      "UPDATE tickets SET category = 'policy' WHERE rowid = 3",
      "DELETE FROM tickets WHERE rowid = 5",
      "UPDATE files SET path = 'elsewhere.csv'",
      """
      INSERT INTO tickets (system, id, created, period, category, issue, product_line, tier,
        tags, rule, text, source, source_line)
      SELECT system, 'added', created, period, category, issue, product_line, tier, tags, rule,
        text, source, source_line FROM tickets WHERE rowid = 1
      """,
      // A row replaced: deleted without a trigger, the same number of rows.
      """
      REPLACE INTO tickets (system, id, created, period, category, issue, product_line, tier,
        tags, rule, text, source, source_line)
      SELECT system, id, created, period, 'policy', issue, product_line, tier, tags, rule,
        text, source, source_line FROM tickets WHERE rowid = 2
      """,
      // A file's row replaced under its own id, with another path.
      "REPLACE INTO files (id, sha256, path) SELECT id, sha256, 'moved.csv' FROM files LIMIT 1",
      // The groups of before a change put back by hand, whole or the blob alone after a report
      // kept the groups of the change (the generation is set by hand here, as that report
      // would).
      """
      CREATE TABLE saved AS SELECT kept, rows, last_rowid, groups FROM ticket_groups;
      UPDATE tickets SET category = 'policy' WHERE rowid = 3;
      UPDATE ticket_groups SET kept = (SELECT kept FROM saved), rows = (SELECT rows FROM saved),
        last_rowid = (SELECT last_rowid FROM saved), groups = (SELECT groups FROM saved);
      """,
      """
      CREATE TABLE saved AS SELECT rows, last_rowid, groups FROM ticket_groups;
      UPDATE tickets SET category = 'policy' WHERE rowid = 3;
      UPDATE ticket_groups SET kept = generation, rows = (SELECT rows FROM saved),
        last_rowid = (SELECT last_rowid FROM saved), groups = (SELECT groups FROM saved);
      """,
    ]
    for change in changes {
      try Self.onDisk { path in
        try Self.loadAndReport(path, &random, count: 150)
        #expect(try SQLiteShell.run(change, on: path) == 0)
        let next = try Store(path: path)
        _ = try next.baseCounts(granularity: .month)
        #expect(next.loadCounts.current == nil, "\(change)")
        try Self.expectScanned(next)
      }
    }
  }
}
