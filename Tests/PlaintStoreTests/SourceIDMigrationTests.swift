import Foundation
import PlaintCore
import PlaintStore
import PlaintTestSupport
import Testing

/// Schema v8 names each ticket's file by a small id instead of carrying the file's path and
/// checksum on every row. A store an older Plaint wrote (rows with both) migrates in place to
/// what the same files give: the same tickets with the same file and line, the same accounting
/// and counts. Afterwards a file read again still replaces exactly its own tickets, and a moved
/// file still gives its tickets its new path.
@Suite(.enabled(if: StoreBeforeSourceIDs.canRun, "no sqlite3 to write the old layout with"))
struct SourceIDMigrationTests {
  typealias Files = StoreAccountingTests

  /// Everything a report or `plaint explain` reads of the tickets and their files.
  struct Reading: Equatable {
    var tickets: [[ClassifiedTicket]]
    var sources: [SourceAccounting]
    var contents: [String: FileContents]
    var fingerprints: [String: String]
    var files: [String: [String: Int]]
  }

  static func reading(_ store: Store) throws -> Reading {
    let base = try store.baseCounts(granularity: .month)
    return Reading(
      tickets: try (0..<30).map { try store.ticket(id: "\($0)", system: "zendesk") },
      sources: try store.sources(), contents: try store.fileContents(),
      fingerprints: base.fingerprints,
      files: base.files.mapValues { $0.mapValues { $0.tickets } })
  }

  static func scratch() -> String {
    FileManager.default.temporaryDirectory
      .appendingPathComponent("plaint-source-ids-\(UUID().uuidString).db").path
  }

  static func remove(_ path: String) {
    for suffix in ["", "-wal", "-shm", "-seal", "-journal"] {
      try? FileManager.default.removeItem(atPath: path + suffix)
    }
  }

  @Test(arguments: 0..<8 as Range<UInt64>)
  func aStoreOfTheOldLayoutMigratesToTheSameTicketsAndAccounting(seed: UInt64) throws {
    var random = SplitMix64(seed: seed)
    let files = Files.files(&random)
    var order = [0, 1, 2]
    order.shuffle(using: &random)
    let path = Self.scratch()
    defer { Self.remove(path) }
    let before: Reading
    do {
      let store = try Store(path: path)
      try Files.ingest(store, files, order: order)
      before = try Self.reading(store)
    }
    #expect(before.tickets.joined().count > 10, "the fixture keeps tickets")
    try StoreBeforeSourceIDs.apply(to: path)
    let columns = try StoreBeforeSourceIDs.sqlite(
      path,
      "SELECT name FROM pragma_table_info('tickets') WHERE name IN ('source', 'source_file', 'source_sha256')"
    )
    #expect(
      columns.split(separator: "\n").sorted() == ["source_file", "source_sha256"])

    let store = try Store(path: path)
    let after = try Self.reading(store)
    #expect(after == before)
    try store.checkAccounting()
    try store.checkAccountingTotals()
    let migrated = try StoreBeforeSourceIDs.sqlite(
      path,
      "SELECT name FROM pragma_table_info('tickets') WHERE name IN ('source', 'source_file', 'source_sha256')"
    )
    #expect(migrated.split(separator: "\n").sorted() == ["source"])

    // A file read again (new settings) replaces only its own tickets, and reading it gives
    // back what the store held.
    let again = order[random.next(below: 3)]
    let removed = try store.forgetSources([Files.shas[again]])
    #expect(removed == before.sources.first { $0.sha256 == Files.shas[again] }?.accepted)
    #expect(try store.ticketCount() == before.tickets.joined().count - removed)
    try store.checkAccounting()
    try Files.ingest(store, files, order: [again])
    try store.checkAccounting()
    #expect(try Self.reading(store).tickets == before.tickets)

    // A file moved (its first configured copy elsewhere): its tickets name the new path.
    let moved = order[random.next(below: 3)]
    try store.rehome(sha256: Files.shas[moved], to: "moved/export-\(moved).csv")
    let kept = try Self.reading(store).tickets.joined()
    #expect(
      kept.filter { $0.ticket.location.file == "moved/export-\(moved).csv" }.count
        == (try store.sources().first { $0.sha256 == Files.shas[moved] }?.accepted))
    #expect(!kept.contains { $0.ticket.location.file == "export-\(moved).csv" })
    try store.checkAccounting()
  }

  /// A row whose file id names no file (a store changed by hand) is damage naming the row, not
  /// a ticket without a file.
  @Test func aFileIDThatNamesNoFileIsDamage() throws {
    var random = SplitMix64(seed: 7)
    let files = Files.files(&random)
    let path = Self.scratch()
    defer { Self.remove(path) }
    let id: String
    do {
      let store = try Store(path: path)
      try Files.ingest(store, files, order: [0, 1, 2])
      id = try #require(files[0].first?.ticket.id)
    }
    try StoreBeforeSourceIDs.sqlite(path, "UPDATE tickets SET source = 999 WHERE id = '\(id)'")
    let store = try Store(path: path)
    let error = #expect(throws: StoreError.self) { try store.ticket(id: id) }
    #expect(error?.kind == .damaged)
    #expect(error?.description.contains("file id 999") == true, "\(String(describing: error))")
    let check = #expect(throws: StoreError.self) { try store.checkAccounting() }
    #expect(check?.kind == .damaged)
  }

  /// A migrated store without its `files` table has lost every ticket's file: damage, said
  /// when the store opens.
  @Test func aStoreThatLostItsFilesTableIsDamage() throws {
    let path = Self.scratch()
    defer { Self.remove(path) }
    do {
      var random = SplitMix64(seed: 3)
      try Files.ingest(try Store(path: path), Files.files(&random), order: [0])
    }
    try StoreBeforeSourceIDs.sqlite(path, "DROP TABLE files")
    let error = #expect(throws: StoreError.self) { try Store(path: path) }
    #expect(error?.kind == .damaged)
    #expect(
      error?.description.contains("its table `files` is missing") == true,
      "\(String(describing: error))")
  }
}
