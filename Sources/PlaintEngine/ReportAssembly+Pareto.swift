import PlaintCore
import PlaintReport

/// The Pareto tables of the window, by category, cell, issue, product line and customer, from the
/// report's summary.
extension ReportAssembly {
  /// The Pareto tables of the window, and by issue for the window before it (for comparison).
  /// The table by customer comes from the report's customer tally, which counted the window and
  /// sorted it.
  /// Each line the exports do not cover whole in some period of the window is named with those
  /// periods: its counts, and every table holding them, read too low there.
  func paretoTables(
    _ counts: CubeCounts, customers: CustomerTally, window: [Period], lines: [String]
  ) -> ReportModel.ParetoTables {
    let length = configuration.pareto.windowPeriods
    let current = Set(window.suffix(length))
    let before = Set(window.dropLast(length).suffix(length))
    var tables = pareto(counts, current)
    let notWhole = lines.compactMap { line -> ReportModel.WindowLine? in
      let periods = periodsNotCovered(line, in: window.suffix(length))
      return periods.isEmpty ? nil : ReportModel.WindowLine(productLine: line, periods: periods)
    }
    tables.linesNotCovered = notWhole.isEmpty ? nil : notWhole
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

  /// The periods of `window` the exports do not cover whole for `line` (partial, not covered,
  /// still filling in, or days lost), from the start of its history: a Pareto or driver window
  /// holding them counts less of the line than a window covered whole would (the hostile
  /// tester's F-E, a line six weeks short ranked below the others without a word).
  func periodsNotCovered(_ line: String, in window: some Sequence<Period>) -> [String] {
    guard let start = coverage.historyStart(line, configuration.granularity) else { return [] }
    return window.filter { $0 >= start && coverage.coverage(line: line, $0) != .whole }
      .map(\.description)
  }
}
