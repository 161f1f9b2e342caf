import Foundation
internal import GRDB
import PlaintCore

extension Store {
  /// Ticket counts per product line created in `days` (a stretch of days, usually an export's
  /// last week), without the excluded tickets: the daily rate at the very end of an export.
  public func lineCounts(
    created days: Range<Date>, excluding exclusion: TicketExclusion = .none
  ) throws(StoreError) -> [String: Int] {
    try read("counting the tickets of an export's last days") { db in
      let condition = exclusion.matchCondition
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT product_line, COUNT(*) AS n FROM tickets
          WHERE created >= ? AND created < ?
          \(condition.map { "AND NOT \($0.sql)" } ?? "")
          GROUP BY product_line
          """,
        arguments: StatementArguments(
          [days.lowerBound.timeIntervalSince1970, days.upperBound.timeIntervalSince1970]
            .map { $0 as any DatabaseValueConvertible }
            + (condition?.arguments ?? []).map { $0 as any DatabaseValueConvertible }))
      var counts: [String: Int] = [:]
      for row in rows { counts[row["product_line"], default: 0] += row["n"] }
      return counts
    }
  }
}

extension Store {
  /// The tickets kept from each file (by its path as the tickets record it) created in `days`,
  /// per product line: what tells an export joining a line's exports from a surge in the export
  /// that was there (`DataCoverage.joins`).
  public func lineCountsByFile(created days: Range<Date>) throws(StoreError)
    -> [String: [String: Int]]
  {
    try read("counting the tickets of each file around a file's first day") { db in
      let paths = try Self.filePaths(db)
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT source, product_line, COUNT(*) AS n FROM tickets
          WHERE created >= ? AND created < ? GROUP BY source, product_line
          """,
        arguments: [days.lowerBound.timeIntervalSince1970, days.upperBound.timeIntervalSince1970])
      var counts: [String: [String: Int]] = [:]
      for row in rows {
        let file = try Self.path(of: row["source"], in: paths)
        counts[file, default: [:]][row["product_line"], default: 0] += row["n"] as Int
      }
      return counts
    }
  }
}
