import PlaintCore
import PlaintReport

/// The Pareto tables of the window, by category, cell, issue, product line and customer.
extension ReportAssembly {
  /// The Pareto tables of the window, and by issue for the window before it (for comparison).
  func paretoTables(_ recent: [ClassifiedTicket], window: [Period])
    -> ReportModel.ParetoTables
  {
    let length = configuration.pareto.windowPeriods
    let current = Set(window.suffix(length))
    let before = Set(window.dropLast(length).suffix(length))
    var tables = pareto(recent.filter { current.contains($0.period) })
    let previous = pareto(recent.filter { before.contains($0.period) })
    tables.previousByIssue = previous.byIssue
    tables.previousPeriods = before.sorted().map(\.description)
    return tables
  }

  func pareto(_ tickets: [ClassifiedTicket]) -> ReportModel.ParetoTables {
    let threshold = configuration.pareto.threshold
    func table(_ key: (ClassifiedTicket) -> String?) -> [ReportModel.ParetoRow] {
      var counts: [String: Int] = [:]
      for ticket in tickets { if let value = key(ticket) { counts[value, default: 0] += 1 } }
      return Pareto.table(counts.map { (key: $0.key, count: $0.value) }, threshold: threshold).map {
        ReportModel.ParetoRow(
          key: $0.key, count: $0.count, share: $0.share, cumulative: $0.cumulative,
          vital: $0.vital)
      }
    }
    return ReportModel.ParetoTables(
      threshold: threshold,
      byCategory: table { $0.cell.category.rawValue },
      byCell: table { $0.cell.description },
      byIssue: table { $0.issueKey },
      byProductLine: table { $0.cell.productLine },
      byCustomer: table { $0.ticket.customer.flatMap { $0.isEmpty ? nil : $0 } })
  }
}
