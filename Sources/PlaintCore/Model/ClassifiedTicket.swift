/// A ticket with its place in the grid: period, cell, issue and the rule that put it there.
public struct ClassifiedTicket: Hashable, Sendable {
  public var ticket: Ticket
  public var period: Period
  public var cell: Cell
  public var issue: String
  /// The matched rule, readable ("" when unclassified).
  public var rule: String

  public init(ticket: Ticket, period: Period, cell: Cell, issue: String, rule: String) {
    self.ticket = ticket
    self.period = period
    self.cell = cell
    self.issue = issue
    self.rule = rule
  }

  /// The issue key used in Pareto tables: "category.issue".
  public var issueKey: String { "\(cell.category.rawValue).\(issue)" }
}

extension ClassifiedTicket {
  /// The issue of a ticket no taxonomy rule matched (category `other`).
  public static let unclassified = "unclassified"

  /// Whether a taxonomy rule placed this ticket.
  public var isClassified: Bool { issue != Self.unclassified }
}
