import Foundation
internal import GRDB

/// Every ticket grouped as `Store.baseCounts` groups them, known without scanning the table
/// (README.md, Performance), from two sources:
/// - the rows this `Store` loaded into an empty store, grouped as they were written;
/// - the groups the store kept at its last report (`ticket_groups`), when the table has changed
///   since only by new rows, which are grouped as they are written on top (a month added to a
///   long history).
///
/// Kept while every change this `Store` made to the tickets was a new row of a file whose
/// transaction committed. Anything else that writes tickets (a copy that wins, forgetting or
/// renaming files, reclassifying, restoring) stops the count for good, and `baseCounts` scans
/// as before. The store's triggers mark the kept groups stale at any update or deletion of a
/// ticket or file, by any program (`generation`), and the count stops when the table holds
/// another number of rows than it counted, which catches rows added by anything else.
final class LoadCounts: @unchecked Sendable {
  private enum State {
    /// Nothing loaded or read yet through this `Store`.
    case unknown
    /// Every row so far counted: the groups, and the store's `generation` when the count began.
    case counting(ByteGroups, generation: Int64)
    case stopped
  }

  private let lock = NSLock()
  private var state = State.unknown

  /// Whether the rows of the file about to load are to be counted, given whether the tickets
  /// table is empty before it and what the store kept (`kept`, read only when needed).
  func begin(empty: Bool, generation: Int64, kept: () throws -> ByteGroups?) rethrows -> Bool {
    try lock.withLock {
      try settle(generation: generation) {
        empty ? ByteGroups(columns: 6, paths: [:]) : try kept()
      }
      if case .counting = state { return true }
      return false
    }
  }

  /// Adds a committed file's rows; nil when the file's rows were not all new (a copy replaced a
  /// stored one), which stops the count.
  func add(_ file: ByteGroups?) {
    lock.withLock {
      guard case .counting(var groups, let generation) = state else { return }
      state = .stopped
      guard let file else { return }
      groups.merge(file)
      state = .counting(groups, generation: generation)
    }
  }

  /// Stops the count: the tickets changed otherwise than by new rows.
  func stop() {
    lock.withLock { state = .stopped }
  }

  /// The groups and the generation they were counted in, while counting; before anything was
  /// loaded, what `kept` gives (the store's groups), which then counts on.
  func counted(generation: Int64, kept: () throws -> ByteGroups?) rethrows
    -> (groups: ByteGroups, generation: Int64)?
  {
    try lock.withLock {
      try settle(generation: generation, start: kept)
      guard case .counting(let groups, let generation) = state else { return nil }
      return (groups, generation)
    }
  }

  /// Before anything is known, counts on from `start`'s groups, or stops when it has none.
  private func settle(generation: Int64, start: () throws -> ByteGroups?) rethrows {
    guard case .unknown = state else { return }
    state = try start().map { .counting($0, generation: generation) } ?? .stopped
  }

  /// The groups and their rows, while counting (for tests).
  var current: (groups: ByteGroups, rows: Int)? {
    lock.withLock {
      guard case .counting(let groups, _) = state else { return nil }
      return (groups, groups.rows)
    }
  }
}

extension Store {
  /// Every ticket grouped (no exclusion): as counted (`LoadCounts`) when the table still holds
  /// just what was counted, or from a scan. Either way the groups are kept in the store for the
  /// next run.
  func groupsOfEveryTicket() throws -> ByteGroups {
    let (found, generation) = try writer.read { db in
      let generation = try Self.ticketGroupsGeneration(db)
      let counted = try loadCounts.counted(generation: generation) { try Self.keptGroups(db) }
      guard let counted else { return (ByteGroups?.none, generation) }
      let rows = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tickets")
      guard rows == counted.groups.rows, counted.generation == generation else {
        return (ByteGroups?.none, generation)
      }
      return (counted.groups, generation)
    }
    if let found {
      keep(found, generation: generation)
      return found
    }
    loadCounts.stop()
    let scanned = try scannedGroups(excluding: .none, halvedFrom: Self.defaultSplit)
    if scanned.unknownSource == nil { keep(scanned, generation: generation) }
    return scanned
  }

  /// How many times a ticket or file was updated or deleted, as the store's triggers count.
  static func ticketGroupsGeneration(_ db: Database) throws -> Int64 {
    try Int64.fetchOne(db, sql: "SELECT generation FROM ticket_groups WHERE id = 1") ?? 0
  }

  /// The groups the store kept, when no ticket or file was updated or deleted since (the
  /// triggers clear them and move the generation on) and the table holds the rows they counted
  /// up to the same last rowid (a row replaced gets a new one).
  static func keptGroups(_ db: Database) throws -> ByteGroups? {
    guard
      let row = try Row.fetchOne(
        db,
        sql: "SELECT generation, kept, rows, last_rowid, groups FROM ticket_groups WHERE id = 1"),
      let kept = row["kept"] as Int64?, kept == row["generation"] as Int64?,
      let rows = row["rows"] as Int?, let last = row["last_rowid"] as Int64?,
      let data = row["groups"] as Data?,
      try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tickets") == rows,
      try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM tickets") == last,
      let groups = ByteGroups(decoding: [UInt8](data), keptAt: kept), groups.rows == rows
    else { return nil }
    return groups
  }

  /// Keeps `groups` in the store when it still holds what they count: no update or deletion
  /// since `generation`, and as many rows. A store that cannot take them (read-only) stays as
  /// it was: the next run scans.
  private func keep(_ groups: ByteGroups, generation: Int64) {
    let rows = groups.rows
    let data = Data(groups.encoded(keptAt: generation))
    try? writer.write { db in
      guard try Self.ticketGroupsGeneration(db) == generation,
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tickets") == rows
      else { return }
      let last = try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM tickets")
      // Kept already, byte for byte (a second report of the same store). Groups that count the
      // same rows but cannot be read (kept by a build that wrote them otherwise) are replaced,
      // or every later run would scan.
      let kept = try Row.fetchOne(
        db,
        sql: """
          SELECT 1 FROM ticket_groups WHERE id = 1 AND kept = generation AND rows = ?
            AND last_rowid IS ? AND groups = ?
          """, arguments: [rows, last, data])
      guard kept == nil else { return }
      try db.execute(
        sql: """
          UPDATE ticket_groups SET kept = generation, rows = ?, last_rowid = ?, groups = ?
          WHERE id = 1
          """, arguments: [rows, last, data])
    }
  }
}
