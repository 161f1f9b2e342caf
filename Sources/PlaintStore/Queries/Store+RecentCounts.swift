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
