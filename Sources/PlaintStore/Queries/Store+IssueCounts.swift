internal import GRDB
import PlaintCore

/// A count of tickets with one issue in one cell in one period.
public struct IssueCount: Sendable, Hashable {
  public var period: Period
  public var cell: Cell
  /// "category.issue", as the Pareto tables key issues.
  public var issueKey: String
  public var count: Int
}

extension Store {
  /// Ticket counts per period, cell and issue, `unassigned` included, without the excluded
  /// tickets: the series behind the share charts.
  public func issueCounts(granularity: Granularity, excluding exclusion: TicketExclusion = .none)
    throws(StoreError) -> [IssueCount]
  {
    try read("counting tickets per issue") { db in
      let condition = exclusion.matchCondition
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT period, category, product_line, tier, issue, COUNT(*) AS n FROM tickets
          \(condition.map { "WHERE NOT \($0.sql)" } ?? "")
          GROUP BY period, category, product_line, tier, issue
          """,
        arguments: StatementArguments(condition?.arguments ?? []))
      return rows.compactMap { row in
        guard let period = Period(row["period"]), period.granularity == granularity,
          let cell = Self.cell(row)
        else { return nil }
        let issue: String = row["issue"]
        return IssueCount(
          period: period, cell: cell, issueKey: "\(cell.category.rawValue).\(issue)",
          count: row["n"])
      }
    }
  }
}
