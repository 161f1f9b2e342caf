import Foundation
internal import GRDB

/// The rows a run loaded into an empty store, grouped as `Store.baseCounts` groups them, so that
/// the report of that run does not scan back what it has just written (README.md, Performance).
///
/// Kept while every change this `Store` made to the tickets table was a new row of a file whose
/// transaction committed: the first file finds the table empty, and no row of any file replaced
/// a stored copy. Anything else that writes tickets (a copy that wins, forgetting or renaming
/// files, reclassifying, restoring) stops the count for good, and `baseCounts` scans as before.
/// The count also stops when the table holds another number of rows than it counted, which no
/// path above allows.
final class LoadCounts: @unchecked Sendable {
  private enum State {
    /// No file loaded yet through this `Store`.
    case unknown
    /// Every row so far counted: the groups and how many rows they hold.
    case counting(ByteGroups, rows: Int)
    case stopped
  }

  private let lock = NSLock()
  private var state = State.unknown

  /// Whether the rows of the file about to load are to be counted, given whether the tickets
  /// table is empty before it.
  func begin(empty: Bool) -> Bool {
    lock.withLock {
      switch state {
      case .unknown:
        state = empty ? .counting(ByteGroups(columns: 6, paths: [:]), rows: 0) : .stopped
        return empty
      case .counting: return true
      case .stopped: return false
      }
    }
  }

  /// Adds a committed file's rows; nil when the file's rows were not all new (a copy replaced a
  /// stored one), which stops the count.
  func add(_ file: ByteGroups?, rows: Int) {
    lock.withLock {
      guard case .counting(var groups, let total) = state else { return }
      guard let file else {
        state = .stopped
        return
      }
      groups.merge(file)
      state = .counting(groups, rows: total + rows)
    }
  }

  /// Stops the count: the tickets table changed otherwise than by new rows.
  func stop() {
    lock.withLock { state = .stopped }
  }

  /// The groups and their rows, while counting.
  var counted: (groups: ByteGroups, rows: Int)? {
    lock.withLock {
      guard case .counting(let groups, let rows) = state else { return nil }
      return (groups, rows)
    }
  }
}

extension Store {
  /// The groups of the rows this `Store` loaded into an empty table, when they are still the
  /// table's (`LoadCounts`); nil otherwise.
  func groupsCountedAtLoad() throws -> ByteGroups? {
    guard let counted = loadCounts.counted else { return nil }
    let rows = try writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tickets") }
    guard rows == counted.rows else {
      loadCounts.stop()
      return nil
    }
    return counted.groups
  }
}
