import Foundation
import PlaintCore

/// Puts a ticket into the grid: its period, cell, issue and matched rule.
public struct Placement: Sendable {
  public let classifier: Classifier
  public let keyAccounts: KeyAccounts
  public let timeZone: TimeZone
  public let granularity: Granularity

  public func place(_ ticket: Ticket) -> ClassifiedTicket {
    let match = classifier.classify(
      text: ticket.text, product: ticket.product, sourceCategory: ticket.sourceCategory)
    let cell = Cell(
      category: match.category, productLine: match.productLine,
      tier: keyAccounts.tier(of: ticket.customer))
    let period = Period(containing: ticket.created, in: timeZone, granularity: granularity)
    return ClassifiedTicket(
      ticket: ticket, period: period, cell: cell, issue: match.issue, rule: match.rule)
  }
}
