import PlaintCore
import PlaintReport
import PlaintStore

/// The test complaints sent on purpose: found, and where they landed, or missing.
extension ReportAssembly {
  /// The canaries of the reported period and every expected one, found or missing, from every
  /// stored ticket the canary rules match (`stored`).
  func canaries(_ stored: [ClassifiedTicket]) -> ReportModel.Canaries {
    let settings = configuration.canaries
    guard !settings.isEmpty else { return ReportModel.Canaries() }
    let expected = Set(settings.expected)
    let byTag = TicketExclusion(tags: settings.tags)
    let byID = TicketExclusion(idPatterns: settings.ids)
    let found = stored.filter { $0.period == period || expected.contains($0.ticket.id) }
      .map { item in
        let matchedBy =
          byTag.matches(item.ticket) ? "tag" : byID.matches(item.ticket) ? "id" : "expected"
        return ReportModel.Canary(
          system: item.ticket.system, id: item.ticket.id, period: item.period.description,
          category: item.cell.category.rawValue, productLine: item.cell.productLine,
          tier: .only(item.cell.tier), issue: item.issue, matchedBy: matchedBy,
          expected: expected.contains(item.ticket.id))
      }
      .sorted { ($0.period, $0.system, $0.id) < ($1.period, $1.system, $1.id) }
    let seen = Set(stored.map(\.ticket.id))
    return ReportModel.Canaries(
      found: found, missing: settings.expected.filter { !seen.contains($0) })
  }
}
