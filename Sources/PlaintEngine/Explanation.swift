import Foundation
import PlaintCore
import PlaintStore

/// Why a stored ticket landed in its cell: the folded text, every rule that matched, the winner.
public struct Explanation: Sendable {
  public var ticket: ClassifiedTicket
  public var trace: MatchTrace
  public var tierReason: String
  /// Whether the store holds a different placement (the taxonomy changed since the last run).
  public var storedCellDiffers: Bool

  /// Explains every stored ticket with this id (one per system that has it).
  public static func explain(id: String, configurationPath: String) throws(PlaintError)
    -> [Explanation]
  {
    try Failure.converting { try explaining(id: id, configurationPath: configurationPath) }
  }

  private static func explaining(id: String, configurationPath: String) throws -> [Explanation] {
    let configuration = try Configuration.load(path: configurationPath)
    let storePath = configuration.resolve(configuration.store)
    let session = try StoreSession(
      unlocked: configuration, path: storePath, checkingColumns: true)
    let context = session.context
    let found = try session.store.ticket(id: id)
    guard !found.isEmpty else {
      throw PlaintError(.noInput, "ticket \(id): not in the store \(storePath)")
    }
    return found.map { stored in
      let ticket = stored.ticket
      let (_, trace) = context.placement.classifier.explain(
        text: ticket.text, product: ticket.product, sourceCategory: ticket.sourceCategory)
      let placed = context.placement.place(ticket)
      let tier = placed.cell.tier
      let tierReason =
        tier == .keyAccount
        ? "customer \(ticket.customer ?? "") is a key account (key_accounts)"
        : "customer \(ticket.customer.map { $0.isEmpty ? "(none)" : $0 } ?? "(none)") is not a key account"
      return Explanation(
        ticket: placed, trace: trace, tierReason: tierReason,
        storedCellDiffers: placed.cell != stored.cell || placed.issue != stored.issue)
    }
  }

  /// The explanation as plain text for the terminal.
  public var text: String {
    let ticket = self.ticket.ticket
    var lines = [
      "ticket \(ticket.system):\(ticket.id)  (\(ticket.location))",
      "period   \(self.ticket.period)",
      "cell     \(self.ticket.cell.category.rawValue) / \(self.ticket.cell.productLine) / \(self.ticket.cell.tier.rawValue)",
      "issue    \(self.ticket.issueKey)",
      "",
      "folded text:",
      "  \(trace.folded)",
    ]
    if !trace.foldedProduct.isEmpty { lines.append("folded product: \(trace.foldedProduct)") }
    if !trace.foldedSourceCategory.isEmpty {
      lines.append("folded help-desk category: \(trace.foldedSourceCategory)")
    }
    lines.append("")
    lines.append(trace.matches.isEmpty ? "no rule matched" : "rules that matched:")
    lines += trace.matches.map { "  \($0)" }
    lines += [
      "",
      "issue: \(trace.winner) — \(trace.reason)",
      "product line: \(trace.productLine) — \(trace.productLineReason)",
      "tier: \(tierReason)",
    ]
    if storedCellDiffers {
      lines.append(
        "note: the store still holds the earlier placement; the next run reclassifies it")
    }
    return lines.joined(separator: "\n")
  }
}
