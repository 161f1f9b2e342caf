import Foundation
internal import GRDB
import PlaintCore

/// A count of tickets in one period with one system, file and set of slice values.
public struct SliceCount: Sendable, Hashable {
  public var period: Period
  public var system: String
  /// The export file as the tickets record it.
  public var file: String
  /// The configured column slices, by slice name (`Ticket.slices`).
  public var slices: [String: String]
  public var count: Int

  public init(
    period: Period, system: String, file: String, slices: [String: String], count: Int
  ) {
    self.period = period
    self.system = system
    self.file = file
    self.slices = slices
    self.count = count
  }
}

extension Store {
  /// Ticket counts per period, system, file and slice values, `unassigned` included, without
  /// the excluded tickets: everything a report's slice sections count.
  public func sliceCounts(granularity: Granularity, excluding exclusion: TicketExclusion = .none)
    throws(StoreError) -> [SliceCount]
  {
    try read("counting tickets per slice") { db in
      let condition = exclusion.matchCondition
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT period, system, \(Self.sourceFile) AS source_file, slices, COUNT(*) AS n
          FROM tickets
          \(condition.map { "WHERE NOT \($0.sql)" } ?? "")
          GROUP BY period, system, source_file, slices
          """,
        arguments: StatementArguments(condition?.arguments ?? []))
      return try rows.compactMap { row in
        let period = try Self.period(row, key: Self.periodKey(row))
        guard period.granularity == granularity else { return nil }
        return SliceCount(
          period: period, system: row["system"], file: try Self.sourceFile(row),
          slices: Ticket.decodeSlices(row["slices"]), count: row["n"])
      }
    }
  }
}

extension Store {
  /// Calls `body` with each ticket created in `periods`, without its text and without the
  /// excluded tickets, in no promised order: for folding many periods into counts without
  /// holding their tickets.
  public func forEachTicket(
    in periods: [Period], excluding exclusion: TicketExclusion = .none,
    _ body: (ClassifiedTicket) -> Void
  ) throws(StoreError) {
    guard !periods.isEmpty else { return }
    try read("reading tickets") { db in
      let marks = Array(repeating: "?", count: periods.count).joined(separator: ",")
      let condition = exclusion.matchCondition
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT \(Self.ticketColumns(text: "''"))
          FROM tickets WHERE period IN (\(marks))
          \(condition.map { "AND NOT \($0.sql)" } ?? "")
          """,
        arguments: StatementArguments(
          periods.map(\.description) + (condition?.arguments ?? [])))
      while let row = try rows.next() {
        body(try Self.classifiedTicket(row))
      }
    }
  }
}
