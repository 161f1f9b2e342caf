import Foundation
internal import GRDB
import PlaintCore

/// The aggregate queries a report's cube is built from (PlaintEngine's ReportCube).
extension Store {
  /// How many tickets of every period have no text (empty or only spaces), and how many there
  /// are, by the period as stored.
  public func emptyTextCounts() throws(StoreError) -> [String: (empty: Int, total: Int)] {
    try read("counting tickets without text") { db in
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT period, SUM(text_block IS NULL AND trim(text) = '') AS empty, COUNT(*) AS n
          FROM tickets GROUP BY period
          """)
      var counts: [String: (empty: Int, total: Int)] = [:]
      for row in rows { counts[row["period"]] = (row["empty"], row["n"]) }
      return counts
    }
  }

  /// Calls `body` with each ticket created in `periods`, oldest first, without the excluded
  /// tickets and holding one at a time; tickets of periods other than `textPeriod` come without
  /// their text ("").
  public func forEachTicket(
    in periods: [Period], excluding exclusion: TicketExclusion = .none,
    textOnlyIn textPeriod: Period,
    _ body: (ClassifiedTicket) -> Void
  ) throws(StoreError) {
    guard !periods.isEmpty else { return }
    try read("reading tickets") { db in
      let marks = Array(repeating: "?", count: periods.count).joined(separator: ",")
      let condition = exclusion.matchCondition
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT \(Self.ticketColumns(
            text: "CASE WHEN period = ?1 THEN text ELSE '' END",
            block: "CASE WHEN period = ?1 THEN text_block END"))
          FROM tickets WHERE period IN (\(marks))
          \(condition.map { "AND NOT \($0.sql)" } ?? "") ORDER BY created, system, id
          """,
        arguments: StatementArguments(
          [textPeriod.description] + periods.map(\.description) + (condition?.arguments ?? [])))
      var narratives = NarrativeReader()
      while let row = try rows.next() {
        var ticket = try Self.classifiedTicket(row)
        if let ref = try NarrativeRef(row, key: Self.ticketKey(row)) {
          ticket.ticket.text = try narratives.text(db, ref, key: Self.ticketKey(row))
        }
        body(ticket)
      }
    }
  }
}

extension Store {
  /// What the tickets kept from each file hold, per product line: how many there are and how
  /// many carry a resolution time (keyed by the file's path as the tickets record it).
  public func fileContentsByLine() throws(StoreError)
    -> [String: [String: (tickets: Int, resolved: Int)]]
  {
    try read("summarising the tickets of each file") { db in
      var contents: [String: [String: (tickets: Int, resolved: Int)]] = [:]
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT source_file, product_line, COUNT(*) AS n, COUNT(resolved) AS r FROM tickets
          GROUP BY source_file, product_line
          """)
      for row in rows {
        contents[row["source_file"], default: [:]][row["product_line"]] = (row["n"], row["r"])
      }
      return contents
    }
  }
}
