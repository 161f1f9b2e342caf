import PlaintCore
import PlaintReport
import PlaintStore

/// The report's charts beyond the control charts: run charts for short histories, share charts
/// without sales, and the vital few issues inside each product line and anomaly cell.
extension ReportAssembly {
  // MARK: - Run charts

  /// A run chart for every cell whose reported period is judged "insufficient history": its
  /// whole periods about their median, by Anhøj's rules. Cells without a complaint in any whole
  /// period have nothing to chart and are left out.
  func runCharts(_ cells: [ReportModel.CellSeries]) -> [ReportModel.RunChart] {
    cells.compactMap { cell in
      guard let last = cell.series.last, last.period == period.description,
        last.status == .insufficientHistory
      else { return nil }
      // A rate exists only for a whole period with exposure: partial and uncovered periods
      // stay gaps, never points.
      let whole = cell.series.filter { $0.rate != nil }
      guard whole.contains(where: { $0.count > 0 }) else { return nil }
      let analysis = RunChart.analyse(cell.series.map(\.rate))
      var chart = ReportModel.RunChart(
        category: cell.category, productLine: cell.productLine, tier: cell.tier,
        periods: whole.count, median: analysis.median, useful: analysis.useful,
        longestRun: analysis.longestRun,
        longestRunLimit: analysis.enough ? analysis.longestRunLimit : nil,
        crossings: analysis.crossings,
        crossingsLimit: analysis.enough ? analysis.crossingsLimit : nil,
        rules: analysis.rules)
      chart.judged = analysis.judged && analysis.enough
      return chart
    }
  }

  // MARK: - Shares

  /// Each issue's share of all charted complaints, judged as one family on p or Laney p′
  /// charts; nil when sales give rates. Unassigned complaints are outside every cell and so
  /// outside the total; unclassified ones are charted in the total but get no share chart of
  /// their own (a change in what the taxonomy matches says nothing about a defect). With
  /// `withheld` (the text shifted, so issues come from the export), the charts are drawn and
  /// nothing is flagged.
  func shares(_ grid: GridSeries, counts: CubeCounts, withheld: Bool) -> ReportModel.Shares? {
    guard context.sales == nil, let totals = grid.rollups[SeriesKey.total] else { return nil }
    let index = Dictionary(
      uniqueKeysWithValues: grid.periods.enumerated().map { ($1.description, $0) })
    let tiers = Set(context.tiers.map(\.rawValue))
    let young = linesLeftOutOfShares(grid)
    let leftOut = Set(young.map(\.productLine))
    var byIssue: [String: [Int]] = [:]
    // period, category, product line, tier, issue → complaints
    for (key, value) in counts.cube[.issue]
    where key[2] != Cell.unassigned && !leftOut.contains(key[2]) && tiers.contains(key[3])
      && key[4] != ClassifiedTicket.unclassified
    {
      guard let at = index[key[0]], Category(rawValue: key[1]) != nil else { continue }
      byIssue[
        ReportCube.IssueFields(key).issueKey,
        default: Array(repeating: 0, count: grid.periods.count)][at] += value.count
    }
    // A share is comparable only across periods with the same lines in the total. A period
    // enters the charts and the baseline when every line whose history has begun by then is
    // covered whole in it, as a roll-up does: a month before a line's export starts misses
    // nothing (the hostile tester's F-G, whose every period before a new line was "partial").
    // A line whose history began inside the baseline before the reported period is left out
    // of the shares, count and total, until its history is as long as the baseline: its mix
    // would be in the recent periods and not in the baseline, and a launch would read as a
    // moved mix (issue 15's false alarm).
    var comparableTotals = totals
    let lineTotals = leftOut.compactMap {
      grid.rollups[SeriesKey(category: .all, productLine: $0, tier: .all)]
    }
    let counted = grid.productLines.filter { !leftOut.contains($0) }
    let starts = counted.compactMap { line in
      coverage.historyStart(line, configuration.granularity).map { (line, $0) }
    }
    for at in comparableTotals.indices where !starts.isEmpty {
      let parts = starts.filter { $0.1 <= grid.periods[at] }.map {
        coverage.coverage(line: $0.0, grid.periods[at])
      }
      comparableTotals[at].count -= lineTotals.reduce(0) { $0 + $1[at].count }
      comparableTotals[at].coverage = parts.isEmpty ? .none : PeriodCoverage.combined(parts)
    }
    let observations = ShareChart.observations(counts: byIssue, totals: comparableTotals)
    let judged = AnomalyDetector.judge(
      observations, settings: ShareChart.settings(DetectorSettings(configuration.control)))
    var shares = ReportModel.Shares()
    shares.linesLeftOut = young.isEmpty ? nil : young
    for issue in observations.keys.sorted() {
      guard let series = judged[issue] else { continue }
      var points = series.points.enumerated().map { at, point in
        ReportModel.Point(
          period: grid.periods[at].description, status: status(point), count: point.point.count,
          units: point.point.units, rate: point.point.rate, center: point.point.center,
          ucl: point.point.ucl, lcl: point.point.lcl)
      }
      // As for the cells: with the text shifted, the period's verdict is the export's.
      if withheld, let last = points.indices.last,
        [.anomaly, .improvement, .watch].contains(points[last].status)
      {
        points[last].status = .withheld
      }
      shares.issues.append(
        ReportModel.ShareSeries(
          issue: issue, chart: series.method, phi: series.phi, series: points))
      guard !withheld, let last = series.points.last, last.isAnomaly || last.isWatch else {
        continue
      }
      let chart = last.point
      shares.flagged.append(
        ReportModel.ShareFinding(
          issue: issue, period: period.description, kind: last.isAnomaly ? .anomaly : .watch,
          count: chart.count, total: Int(chart.units ?? 0), share: chart.rate,
          center: chart.center, ucl: chart.ucl, chart: chart.method ?? series.method,
          rules: (last.isAnomaly ? last.anomalyRules : last.watchRules).map(\.rawValue),
          pValue: chart.pValue, qValue: last.qValue))
    }
    shares.flagged.sort {
      ($0.kind.rawValue, $0.qValue ?? 1, $0.issue) < ($1.kind.rawValue, $1.qValue ?? 1, $1.issue)
    }
    return shares
  }

  /// The product lines whose history began after the first line's and fewer than
  /// `baseline_periods` periods before the reported one: left out of the share charts, with
  /// the first period whose report counts them.
  func linesLeftOutOfShares(_ grid: GridSeries) -> [ReportModel.LineLeftOut] {
    let starts = grid.productLines.compactMap { line in
      coverage.historyStart(line, configuration.granularity).map { (line: line, start: $0) }
    }
    guard let first = starts.map(\.start).min() else { return [] }
    let length = configuration.control.baselinePeriods
    return starts.compactMap { line, start in
      var joins = start
      for _ in 0..<length { joins = joins.next(in: configuration.timeZone) }
      guard start > first, start <= period, joins > period else { return nil }
      return ReportModel.LineLeftOut(
        productLine: line, from: start.description, joins: joins.description)
    }
  }

  // MARK: - Drivers

  /// The vital few issues of each product line and of each anomaly's cell over the Pareto
  /// window, against the window of the same length before it. The change is given only where
  /// the exports cover every period of both windows whole for the line: a window cut short by
  /// an export's edge would show a fall that is only missing data.
  func drivers(
    _ counts: CubeCounts, periods: [Period], anomalies: [ReportModel.Anomaly]
  ) -> ReportModel.Drivers {
    let length = configuration.pareto.windowPeriods
    let current = Array(periods.suffix(length))
    let before = Array(periods.dropLast(length).suffix(length))
    let now = Set(current.map(\.description))
    let then = Set(before.map(\.description))
    func comparable(_ line: String) -> Bool {
      before.count == length
        && (current + before).allSatisfy { coverage.coverage(line: line, $0) == .whole }
    }
    // Cube issue entries: period, category, product line, tier, issue → complaints.
    typealias Entries = [(key: [String], value: ReportCube.Value)]
    func table(
      _ entries: Entries, anomalyID: String?, category: String, line: String,
      tier: Rollup<Tier>
    ) -> ReportModel.DriverTable {
      var counts: [String: Int] = [:]
      var previous: [String: Int] = [:]
      for (key, value) in entries {
        let issue = ReportCube.IssueFields(key).issueKey
        if now.contains(key[0]) { counts[issue, default: 0] += value.count }
        if then.contains(key[0]) { previous[issue, default: 0] += value.count }
      }
      let same = comparable(line)
      let rows = Drivers.table(
        current: counts, previous: same ? previous : nil,
        threshold: configuration.pareto.threshold
      ).map { row in
        ReportModel.DriverRow(
          issue: row.pareto.key, count: row.pareto.count, share: row.pareto.share,
          cumulative: row.pareto.cumulative, vital: row.pareto.vital,
          previousCount: row.previousCount, change: row.change)
      }
      var driverTable = ReportModel.DriverTable(
        anomalyID: anomalyID, category: category, productLine: line, tier: tier,
        complaints: counts.values.reduce(0, +),
        previousComplaints: same ? previous.values.reduce(0, +) : nil,
        comparable: same, rows: rows)
      // The window itself short of the line's data is said, not only "not comparable".
      let notWhole = periodsNotCovered(line, in: current)
      driverTable.periodsNotCovered = notWhole.isEmpty ? nil : notWhole
      return driverTable
    }
    let inWindows = counts.cube[.issue].filter {
      $0.key[2] != Cell.unassigned && (now.contains($0.key[0]) || then.contains($0.key[0]))
        && Category(rawValue: $0.key[1]) != nil && Tier(rawValue: $0.key[3]) != nil
    }
    let byLine = Dictionary(grouping: inWindows.map { (key: $0.key, value: $0.value) }) {
      $0.key[2]
    }
    var drivers = ReportModel.Drivers(
      threshold: configuration.pareto.threshold, periods: current.map(\.description),
      previousPeriods: before.map(\.description))
    drivers.productLines = byLine.keys.sorted().map { line in
      table(byLine[line] ?? [], anomalyID: nil, category: "*", line: line, tier: .all)
    }
    drivers.anomalies = anomalies.map { anomaly in
      let entries = (byLine[anomaly.productLine] ?? []).filter {
        $0.key[1] == anomaly.category && Tier(rawValue: $0.key[3]).map { .only($0) } == anomaly.tier
      }
      return table(
        entries, anomalyID: anomaly.id, category: anomaly.category, line: anomaly.productLine,
        tier: anomaly.tier)
    }
    return drivers
  }
}
