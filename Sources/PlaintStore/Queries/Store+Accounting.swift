import Foundation
internal import GRDB

/// Checks that what the store holds agrees with its own accounting: every file's accepted count
/// is the number of tickets the store keeps from it (`TicketSink` keeps the two in step, moving
/// a ticket's count when a later file's copy displaces it), and a ticket's narrative reference
/// is whole. A row deleted, added or half-cleared by hand breaks one of them, and the report
/// would use the store as it is without a word.
extension Store {
  /// Throws a damaged-store error when the tickets disagree with the sources' accounting in
  /// total: one count over an index and one sum over the small sources table, cheap enough for
  /// every run. On a disagreement, `checkAccounting()` names the file.
  public func checkAccountingTotals() throws(StoreError) {
    let agrees = try read("checking the tickets against the sources' accounting") { db in
      try Bool.fetchOne(
        db,
        sql: """
          SELECT (SELECT COALESCE(SUM(accepted), 0) FROM sources)
            = (SELECT COUNT(*) FROM tickets)
          """) ?? false
    }
    if !agrees { try checkAccounting() }
  }

  /// Throws a damaged-store error naming the first file whose accepted count differs from the
  /// tickets stored from it (both counts), or the first ticket whose narrative has a slot but
  /// no block (its text would read as empty). One pass over the tickets: for `plaint validate`.
  public func checkAccounting() throws(StoreError) {
    try read("checking the tickets against the sources' accounting") { db in
      let files = try Row.fetchAll(
        db,
        sql: """
          SELECT path, sha256, accepted, COALESCE(stored, 0) AS stored FROM sources
          LEFT JOIN (
            SELECT files.sha256 AS file_sha256, SUM(n) AS stored
            FROM (SELECT source, COUNT(*) AS n FROM tickets GROUP BY source)
            JOIN files ON files.id = source GROUP BY files.sha256)
            ON file_sha256 = sha256
          WHERE accepted != COALESCE(stored, 0)
          ORDER BY path, sha256
          """)
      if let first = files.first {
        let path: String = first["path"]
        let accepted: Int = first["accepted"]
        let stored: Int = first["stored"]
        let more = files.count > 1 ? " (and \(files.count - 1) more files)" : ""
        throw UndecodableRow(
          table: "tickets", key: "source \(path)",
          problem:
            "the sources table counts \(accepted) accepted rows, the store holds \(stored) tickets from it\(more)"
        )
      }
      let orphans = try Row.fetchOne(
        db,
        sql: """
          SELECT COUNT(*) AS tickets, MIN(files.path) AS file
          FROM tickets LEFT JOIN files ON files.id = tickets.source
          WHERE files.id IS NULL
            OR (files.sha256 IS NOT NULL AND files.sha256 NOT IN (SELECT sha256 FROM sources))
          """)
      if let orphans, let count = orphans["tickets"] as Int?, count > 0 {
        let file: String = orphans["file"] ?? "?"
        throw UndecodableRow(
          table: "tickets", key: "source \(file)",
          problem: "\(count) tickets name a file the sources table does not hold")
      }
    }
    try read("checking the tickets' narrative references") { db in
      if let row = try Row.fetchOne(
        db,
        sql: """
          SELECT system, id, text_slot FROM tickets
          WHERE text_block IS NULL AND text_slot IS NOT NULL LIMIT 1
          """)
      {
        let system: String = row["system"]
        let id: String = row["id"]
        let slot: Int = row["text_slot"]
        throw UndecodableRow(
          table: "tickets", key: "ticket \"\(id)\" of \(system)",
          problem: "text_slot \(slot) comes without a text_block, so its text would read as empty"
        )
      }
    }
  }
}
