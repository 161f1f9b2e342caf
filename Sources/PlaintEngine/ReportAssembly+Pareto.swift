import PlaintCore
import PlaintReport

/// The Pareto tables of the window, by category, cell, issue, product line and customer, from the
/// report's summary.
extension ReportAssembly {
  /// The Pareto tables of the window, and by issue for the window before it (for comparison).
  /// The table by customer comes from the report's customer tally, which counted the window and
  /// sorted it.
  func paretoTables(_ counts: CubeCounts, customers: CustomerTally, window: [Period])
    -> ReportModel.ParetoTables
  {
    let length = configuration.pareto.windowPeriods
    let current = Set(window.suffix(length))
    let before = Set(window.dropLast(length).suffix(length))
    var tables = pareto(counts, current)
    tables.byCustomer = customers.byCustomer
    let previous = pareto(counts, before)
    tables.previousByIssue = previous.byIssue
    tables.previousPeriods = before.sorted().map(\.description)
    return tables
  }

  /// The tables of `periods` from the summary's issue counts, all but the one by customer.
  func pareto(_ counts: CubeCounts, _ periods: Set<Period>) -> ReportModel.ParetoTables {
    let threshold = configuration.pareto.threshold
    let names = Set(periods.map(\.description))
    func table(_ counts: [String: Int]) -> [ReportModel.ParetoRow] {
      Pareto.table(counts.map { (key: $0.key, count: $0.value) }, threshold: threshold).map {
        ReportModel.ParetoRow(
          key: $0.key, count: $0.count, share: $0.share, cumulative: $0.cumulative,
          vital: $0.vital)
      }
    }
    func issues(_ key: (ReportCube.IssueFields) -> String) -> [String: Int] {
      counts.sum(.issue, names) { key(ReportCube.IssueFields($0)) }
    }
    return ReportModel.ParetoTables(
      threshold: threshold,
      byCategory: table(issues(\.category)),
      byCell: table(issues(\.cell)),
      byIssue: table(issues(\.issueKey)),
      byProductLine: table(issues(\.productLine)))
  }
}
