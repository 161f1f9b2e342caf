import Foundation
import PlaintCore
import PlaintStore
import PlaintTestSupport
import Testing

/// A stored row no Plaint writes (changed by hand, or by a damaged file) stops the read with a
/// damaged store naming the table and the row; it is never skipped.
@Suite(
  .enabled(
    if: SQLiteShell.isInstalled,
    "no sqlite3 to damage with"
  ))
struct UndecodableStoredRowTests {
  static func damaged(_ sql: String, read: (Store) throws -> Void) throws -> StoreError? {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("plaint-undecodable-\(UUID().uuidString).db").path
    defer {
      for suffix in ["", "-wal", "-shm"] {
        try? FileManager.default.removeItem(atPath: path + suffix)
      }
    }
    let store = try Store(path: path)
    try store.replaceBaselines([
      StoredBaseline(
        category: "product", productLine: "kettles", tier: "consumer", through: .month(2025, 12),
        window: .month(2025, 1)...(.month(2025, 12)), excluded: [.month(2025, 3)],
        baseline: FrozenBaseline(center: 0.002, sigmaZ: 1.4, method: .laney, periods: 12),
        frozenAt: "2026-01-02T03:04:05Z", version: "test")
    ])
    _ = try store.ingest(
      SourceAccounting(path: "x.csv", sha256: "ab", system: "t"),
      now: Date(timeIntervalSince1970: 0)
    ) { sink in
      try sink.add(
        ClassifiedTicket(
          ticket: Ticket(
            system: "t", id: "7", created: Date(timeIntervalSince1970: 1_760_000_000),
            text: "kettle broke", location: SourceLocation(file: "x.csv", line: 2)),
          period: .month(2025, 10),
          cell: Cell(category: .product, productLine: "kettles", tier: .consumer),
          issue: "defect", rule: "defect"))
      return SourceAccounting(path: "x.csv", sha256: "ab", system: "t")
    }
    try read(store)  // reads fine before the damage
    #expect(try SQLiteShell.run(sql, on: path) == 0)
    do {
      try read(store)
      return nil
    } catch let error as StoreError {
      return error
    }
  }

  @Test(arguments: [
    ("UPDATE baselines SET method = 'bogus'", "table `baselines`", "method \"bogus\""),
    ("UPDATE baselines SET excluded = '2025-03 March'", "table `baselines`", "\"March\""),
    ("UPDATE baselines SET window_first = '2025-99'", "table `baselines`", "\"2025-99\""),
    ("UPDATE tickets SET tier = 'vip'", "ticket \"7\" of t", "tier \"vip\""),
    ("UPDATE sources SET reasons = '[1'", "table `sources`", "reasons \"[1\""),
    ("UPDATE narratives SET data = x'0badf00d'", "table `narratives`", "not a zstd block"),
    ("DELETE FROM narratives", "table `narratives`, block 1 (ticket \"7\" of t)", "missing"),
    ("UPDATE tickets SET text_slot = 5", "table `narratives`", "not a slot 5"),
  ])
  func aRowNoPlaintWritesIsDamageNamingTableAndRow(sql: String, table: String, value: String)
    throws
  {
    let error = try #require(
      try Self.damaged(sql) { store in
        _ = try store.baselines()
        _ = try store.ticket(id: "7")
        _ = try store.sources()
      })
    #expect(error.kind == .damaged)
    #expect(error.description.contains(table) && error.description.contains(value), "\(error)")
    #expect(error.description.contains("--rebuild"))
  }

  /// Any one byte of a narrative block changed on disk is damage, never other text: the blocks
  /// carry zstd's content checksum. (The frame of this one text is about 35 bytes.)
  @Test(arguments: 0..<24)
  func aNarrativeBlockWithOneByteChangedIsDamage(offset: Int) throws {
    let changed = "CASE WHEN substr(data, \(offset + 1), 1) = x'00' THEN x'01' ELSE x'00' END"
    let error = try #require(
      try Self.damaged(
        """
        UPDATE narratives SET data = CAST(substr(data, 1, \(offset)) || \(changed) \
        || substr(data, \(offset + 2)) AS BLOB)
        """
      ) { store in
        let texts = try store.ticket(id: "7").map(\.ticket.text)
        #expect(texts == ["kettle broke"])
      }, "byte \(offset) changed and the text still read")
    #expect(error.kind == .damaged)
    #expect(error.description.contains("table `narratives`"), "\(error)")
  }
}
