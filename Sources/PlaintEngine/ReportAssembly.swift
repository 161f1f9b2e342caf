import Foundation
import PlaintCore
import PlaintReport
import PlaintStore

/// Builds the period's report model from the store: charts every cell and roll-up, flags
/// anomalies, and computes the Pareto, recurrence and resolution tables. Every renderer reads the
/// model this returns; nothing here formats text for people.
struct ReportAssembly {
  let configuration: Configuration
  let context: RunContext
  let store: Store
  let period: Period
  let inputs: [SourceAccounting]
  let reclassified: Int
  let coverage: DataCoverage

  /// The cube's counts over every period (`ReportFeed.baseCube`).
  let base: ReportCube
  /// Where the scope's counts and tickets come from.
  let feed: any ReportFeed

  /// The grid judged from the cube's counts, and what the report reads closer (its scope).
  struct Judgement {
    var grid: GridSeries
    var frozen: [SeriesKey: StoredBaseline]
    var cells: [SeriesKey: JudgedSeries]
    var rollups: [SeriesKey: JudgedSeries]
    /// The Pareto and recurrence window.
    var window: [Period]
    /// The concentration baseline's periods, and whether concentrations are looked for.
    var earlier: [Period]
    var concentrating: Bool
    /// Files that carry resolution times.
    var measured: Set<String>
    var scope: CubeScope
  }

  func judgement() throws(PlaintError) -> Judgement {
    let grid = GridSeries.load(cube: base, context: context, coverage: coverage, through: period)
    let settings = DetectorSettings(configuration.control)
    let stored = try Failure.store { () throws(StoreError) in try store.baselines() }
    var frozen: [SeriesKey: StoredBaseline] = [:]
    for baseline in stored {
      frozen[
        SeriesKey(
          category: baseline.category, productLine: baseline.productLine, tier: baseline.tier)] =
        baseline
    }
    let estimates = frozen.mapValues(\.baseline)
    let judgedCells = AnomalyDetector.judge(grid.cells, settings: settings, frozen: estimates)
    let judgedRollups = AnomalyDetector.judge(grid.rollups, settings: settings, frozen: estimates)

    // Enough periods for the Pareto window and the one before it, and for recurrence.
    let windowLength = max(
      2 * configuration.pareto.windowPeriods, configuration.recurrence.windowPeriods, 3)
    let window = Array(grid.periods.suffix(windowLength))
    // The concentration baseline reaches back as far as the control baseline does, over the
    // periods the exports cover whole. A partial period, or fewer whole periods before it than a
    // control baseline needs, supports no claim about when or how complaints came in ("65 % on
    // a Wednesday; baseline 25 %" from one month).
    let whole = grid.periods.dropLast().filter { coverage.coverage($0) == .whole }
    let earlier = Array(whole.suffix(configuration.control.baselinePeriods))
    let concentrating =
      coverage.coverage(period) == .whole
      && earlier.count >= configuration.control.minBaselinePeriods
    let measured = Set(coverage.files.filter { $0.resolved > 0 }.map(\.path))
    // Only the cells whose complaints the report lists need their tickets whole.
    var listedCells = Set<SeriesKey>()
    for (key, judged) in judgedCells {
      guard let last = judged.points.last else { continue }
      if last.isAnomaly || last.isImprovement || last.status == .resolved || last.isWatch {
        listedCells.insert(key)
      }
    }
    let scope = CubeScope(
      period: period, window: Set(window),
      dimensionPeriods: concentrating ? Set(earlier + [period]) : [],
      listedCells: listedCells,
      measuredFiles: configuration.slaHours == nil ? nil : measured)
    return Judgement(
      grid: grid, frozen: frozen, cells: judgedCells, rollups: judgedRollups, window: window,
      earlier: earlier, concentrating: concentrating, measured: measured, scope: scope)
  }

  func build() throws(PlaintError) -> ReportBundle {
    let judgement = try judgement()
    let (grid, frozen) = (judgement.grid, judgement.frozen)
    let (judgedCells, judgedRollups) = (judgement.cells, judgement.rollups)
    let (window, earlier) = (judgement.window, judgement.earlier)
    let (concentrating, measured, scope) = (
      judgement.concentrating, judgement.measured, judgement.scope
    )
    let fed = try feed.window(scope)
    var cube = base
    cube.merge(fed.cube)
    let counts = CubeCounts(cube: cube, period: period)
    let byCell = Dictionary(grouping: fed.listed) { SeriesKey($0.cell) }

    let cells = grid.cells.keys.sorted().map { key in
      series(key, judgedCells[key], frozen[key], grid.periods)
    }
    let rollups = grid.rollups.keys.sorted().map { key in
      series(key, judgedRollups[key], frozen[key], grid.periods)
    }
    let timestamps = ISO8601DateFormatter()
    timestamps.timeZone = configuration.timeZone
    timestamps.formatOptions = [.withInternetDateTime]
    var anomalies: [ReportModel.Anomaly] = []
    var anomalyTickets: [ReportBundle.AnomalyTicket] = []
    var improvements: [ReportModel.Anomaly] = []
    var resolved: [ReportModel.Anomaly] = []
    let shift = textShift(grid, cube: cube)
    var watches: [ReportModel.Anomaly] = []
    for key in grid.cells.keys.sorted() {
      guard let judged = judgedCells[key], let last = judged.points.last else { continue }
      let tickets = byCell[key] ?? []
      let issues = counts.issues(period, cell: key)
      if shift != nil {
        // Categories come from the text: with the text gone, a cell's change is the export's.
      } else if last.isAnomaly {
        let found = anomaly(key, judged, last, issues, tickets)
        anomalies.append(found)
        anomalyTickets += tickets.map { anomalyTicket(found.id, $0, timestamps) }
      } else if last.isImprovement {
        improvements.append(anomaly(key, judged, last, issues, tickets))
      }
      if last.status == .resolved { resolved.append(anomaly(key, judged, last, issues, tickets)) }
      if last.isWatch {
        var watch = anomaly(key, judged, last, issues, tickets)
        watch.rules = last.watchRules.map(\.rawValue)
        watch.status = "watch"
        watches.append(watch)
      }
    }

    let paretoTables = paretoTables(counts, window: window)
    var recurrence = recurrence(counts, window: window)
    recurrence.returning = returning(
      anomalies, judged: judgedCells, periods: grid.periods, counts: counts)
    let topCells = counts.cells(period)
      .map { ($0.key, $0.value) }
      .sorted { ($0.1, $1.0) > ($1.1, $0.0) }
    var concentrationCells: [SeriesKey] = anomalies.map {
      SeriesKey(category: $0.category, productLine: $0.productLine, tier: $0.tier)
    }
    for (key, _) in topCells.prefix(Self.concentrationParetoCells)
    where !concentrationCells.contains(key) {
      concentrationCells.append(key)
    }
    if !concentrating { concentrationCells = [] }
    recurrence.concentrations = concentrations(
      cells: concentrationCells, counts: counts, baseline: earlier)
    recurrence.releases = releaseEffects(grid)
    var resolution = resolution(counts, measured: measured)
    resolution.openPastSLA = openPastSLA(fed.open, timestamps: timestamps)

    let totalKey = SeriesKey(category: "*", productLine: "*", tier: "*")
    let totalPoint = judgedRollups[totalKey]?.points.last?.point
    let complaints = counts.complaints
    let classified = complaints - counts.unclassified
    var report = ReportModel(
      period: period.description, granularity: configuration.granularity.rawValue,
      method: method(latest: judgedCells.values.compactMap(\.points.last)),
      totals: ReportModel.Totals(
        complaints: complaints, units: context.sales == nil ? nil : totalPoint?.units,
        rate: context.sales == nil ? nil : totalPoint?.rate,
        classifiedShare: complaints == 0 ? nil : Double(classified) / Double(complaints)),
      inputs: inputs.map {
        ReportModel.Input(
          path: $0.path, sha256: $0.sha256, rowsRead: $0.rowsRead, accepted: $0.accepted,
          rejected: $0.rejected, duplicates: $0.duplicates, filtered: $0.filtered,
          replacedBytes: $0.replacedBytes)
      },
      cells: cells, rollups: rollups, anomalies: anomalies, improvements: improvements,
      resolved: resolved,
      dataGaps: dataGaps(grid, judgedCells),
      pareto: paretoTables,
      recurrence: recurrence,
      resolution: resolution,
      taxonomyHash: context.taxonomyHash, reclassified: reclassified,
      unclassifiedTerms: UnclassifiedTerms.top(counts: counts.terms, limit: 20))
    report.canaries = canaries(fed.canaries)
    report.watches = watches
    report.coverage = coverageModel(grid)
    report.dataQuality = dataQuality(counts, judged: judgedCells, grid: grid)
    if let shift {
      report.dataQuality.emptyTextBefore = shift.before
      report.dataQuality.warnings.insert(
        "classification_shift",
        at: report.dataQuality.warnings.firstIndex {
          !["partial_period", "not_covered", "lines_not_covered"].contains($0)
        } ?? report.dataQuality.warnings.count)
      for index in report.cells.indices {
        guard let last = report.cells[index].series.indices.last,
          ["anomaly", "improvement"].contains(report.cells[index].series[last].status)
        else { continue }
        report.cells[index].series[last].status = "withheld"
      }
    }
    report.language =
      configuration.reports.language == .english
      ? nil : configuration.reports.language.rawValue
    let labels = context.labels.resolved(for: configuration.reports.language)
    report.labels = labels.isEmpty ? nil : labels
    Self.writeSentences(&report)

    let rejects = try Failure.store { () throws(StoreError) in try store.rejects() }
    let inputPaths = Set(inputs.map(\.path))
    return ReportBundle(
      report: report,
      anomalyTickets: anomalyTickets,
      rejects: rejects.filter { inputPaths.contains($0.file) },
      grid: gridRows(report.cells),
      generatedBy: "plaint \(PlaintVersion.current)")
  }

  // MARK: - Charts

  static func baseline(_ stored: StoredBaseline) -> ReportModel.Baseline {
    ReportModel.Baseline(
      kind: "frozen", through: stored.through.description,
      window: [stored.window.lowerBound.description, stored.window.upperBound.description],
      excluded: stored.excluded.map(\.description), frozenAt: stored.frozenAt,
      version: stored.version)
  }

  /// The settings the report was judged with; its sentence is written once the model is whole
  /// (`writeSentences`), since it names the baselines of every series.
  private func method(latest: [JudgedPoint]) -> ReportModel.Method {
    let control = configuration.control
    let exposure =
      context.sales == nil
      ? ReportModel.Method.countExposure : ReportModel.Method.salesExposure
    var charts: [String: Int] = [:]
    for point in latest {
      if let chart = point.point.method { charts[chart.rawValue, default: 0] += 1 }
    }
    let tested = latest.filter {
      $0.point.pValue != nil && !$0.insufficientHistory
        && !($0.point.count == 0 && $0.point.center == 0)
    }.count
    var result = ReportModel.Method(
      name: control.method, sigma: control.sigma, baselinePeriods: control.baselinePeriods,
      minBaselinePeriods: control.minBaselinePeriods, minCount: control.minCount,
      fdr: control.fdr, rules: control.rules, exposure: exposure, description: "")
    result.runRules = control.runRules
    result.smallCountWeight = control.smallCountWeight
    result.simulatedAtDefaults = SimulatedPerformance.measured(at: DetectorSettings(control))
    result.charts = charts
    result.cellsTested = tested
    return result
  }

  private func series(
    _ key: SeriesKey, _ judged: JudgedSeries?, _ frozen: StoredBaseline?, _ periods: [Period]
  ) -> ReportModel.CellSeries {
    let points = (judged?.points ?? []).enumerated().map { index, judgedPoint in
      let point = judgedPoint.point
      return ReportModel.Point(
        period: periods[index].description, status: status(judgedPoint), count: point.count,
        units: point.units, rate: point.rate, center: point.center, ucl: point.ucl,
        lcl: point.lcl,
        signals: point.signals.map {
          ReportModel.Signal(
            rule: $0.rule.rawValue, first: periods[$0.first].description,
            trigger: periods[$0.trigger].description, last: periods[$0.last].description)
        })
    }
    return ReportModel.CellSeries(
      category: key.category, productLine: key.productLine, tier: key.tier,
      chart: judged?.method.rawValue ?? ChartMethod.u.rawValue, phi: judged?.phi,
      baseline: frozen.map(Self.baseline) ?? .rolling, series: points)
  }

  private func status(_ point: JudgedPoint) -> String {
    switch point.point.status {
    case .noExposure: return "no_exposure"
    case .missing: return "missing"
    case .notCovered: return "not_covered"
    case .partial: return "partial"
    case .ok:
      if point.isAnomaly { return "anomaly" }
      if point.isImprovement { return "improvement" }
      if point.isWatch { return "watch" }
      if point.insufficientHistory { return "insufficient_history" }
      return "in_control"
    }
  }

  private func anomaly(
    _ key: SeriesKey, _ judged: JudgedSeries, _ last: JudgedPoint, _ issueCounts: [String: Int],
    _ tickets: [ClassifiedTicket]
  ) -> ReportModel.Anomaly {
    let point = last.point
    let expected = point.center.flatMap { center in point.units.map { center * $0 } }
    let issues = issueCounts.map { ReportModel.KeyCount(key: $0.key, count: $0.value) }
      .sorted { ($0.count, $1.key) > ($1.count, $0.key) }
    var anomaly = ReportModel.Anomaly(
      id: "\(period)/\(key.category)/\(key.productLine)/\(key.tier)", category: key.category,
      productLine: key.productLine, tier: key.tier, period: period.description,
      count: point.count, expected: expected, ucl: point.ucl, rate: point.rate,
      chart: (point.method ?? judged.method).rawValue,
      rules: last.anomalyRules.map(\.rawValue), pValue: point.pValue, qValue: last.qValue,
      status: last.status?.rawValue ?? "new", streak: last.streak,
      topIssues: Array(issues.prefix(5)),
      ticketIDs: tickets.map { "\($0.ticket.system):\($0.ticket.id)" })
    anomaly.owner = configuration.owners.owner(
      category: key.category, productLine: key.productLine)
    return anomaly
  }

  private func dataGaps(_ grid: GridSeries, _ judged: [SeriesKey: JudgedSeries])
    -> [ReportModel.DataGap]
  {
    var seen = Set<String>()
    var gaps: [ReportModel.DataGap] = []
    for key in grid.cells.keys.sorted() {
      for (index, point) in (judged[key]?.points ?? []).enumerated() {
        let reason: String
        switch point.point.status {
        case .noExposure: reason = "no_exposure"
        case .missing: reason = "missing"
        case .ok, .notCovered, .partial: continue
        }
        let period = grid.periods[index].description
        guard seen.insert("\(key.productLine)|\(key.tier)|\(period)").inserted else { continue }
        gaps.append(
          ReportModel.DataGap(
            productLine: key.productLine, tier: key.tier, period: period, reason: reason))
      }
    }
    return gaps.sorted {
      ($0.period, $0.productLine, $0.tier) < ($1.period, $1.productLine, $1.tier)
    }
  }

  private func gridRows(_ cells: [ReportModel.CellSeries]) -> [ReportBundle.GridRow] {
    cells.flatMap { cell in
      cell.series.map { point in
        ReportBundle.GridRow(
          period: point.period, category: cell.category, productLine: cell.productLine,
          tier: cell.tier, count: point.count, units: point.units, rate: point.rate,
          center: point.center, ucl: point.ucl, lcl: point.lcl, status: point.status,
          chart: cell.chart)
      }
    }
  }

  // MARK: - Tables

  /// The Pareto tables of the window, and by issue for the window before it (for comparison).
  private func paretoTables(_ counts: CubeCounts, window: [Period]) -> ReportModel.ParetoTables {
    let length = configuration.pareto.windowPeriods
    let current = Set(window.suffix(length))
    let before = Set(window.dropLast(length).suffix(length))
    var tables = pareto(counts, current)
    let previous = pareto(counts, before)
    tables.previousByIssue = previous.byIssue
    tables.previousPeriods = before.sorted().map(\.description)
    return tables
  }

  private func pareto(_ counts: CubeCounts, _ periods: Set<Period>) -> ReportModel.ParetoTables {
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
      byProductLine: table(issues(\.productLine)),
      byCustomer: table(counts.sum(.customer, names) { $0[1] }))
  }

  private func recurrence(_ counts: CubeCounts, window: [Period]) -> ReportModel.Recurrence {
    let settings = configuration.recurrence
    let inWindow = Set(window.suffix(settings.windowPeriods).map(\.description))
    // period, customer, category, issue, tier → complaints
    var byCustomer: [String: (count: Int, keyAccount: Bool, issues: Set<String>)] = [:]
    for (key, value) in counts.cube[.customer] where inWindow.contains(key[0]) {
      var entry = byCustomer[key[1]] ?? (0, false, [])
      entry.count += value.count
      entry.keyAccount = entry.keyAccount || key[4] == Tier.keyAccount.rawValue
      entry.issues.insert("\(key[2]).\(key[3])")
      byCustomer[key[1]] = entry
    }
    let repeats = byCustomer.filter { $0.value.count >= settings.repeatCustomerMin }
      .map { customer, entry in
        ReportModel.RepeatCustomer(
          customer: customer, count: entry.count, keyAccount: entry.keyAccount,
          issues: entry.issues.sorted())
      }
      .sorted { ($0.count, $1.customer) > ($1.count, $0.customer) }

    // An issue in the vital few of at least two of the last three periods.
    var vitalPeriods: [String: [String]] = [:]
    for recentPeriod in window.suffix(3) {
      let issues = counts.sum(.issue, [recentPeriod.description]) {
        ReportCube.IssueFields($0).issueKey
      }
      let rows = Pareto.table(
        issues.map { (key: $0.key, count: $0.value) }, threshold: configuration.pareto.threshold)
      for row in rows where row.vital {
        vitalPeriods[row.key, default: []].append(recentPeriod.description)
      }
    }
    let recurring = vitalPeriods.filter { $0.value.count >= 2 }
      .map { ReportModel.RecurringIssue(issue: $0.key, periods: $0.value) }
      .sorted { $0.issue < $1.issue }
    return ReportModel.Recurrence(
      repeatCustomers: repeats, recurringIssues: recurring, concentrations: [])
  }

  /// Resolution times of the period's complaints per category and per cell. A complaint breaches
  /// the SLA when it was resolved later than `sla_hours` after creation, or is still unresolved
  /// and older than that at the end of the period. Only tickets from files that carry resolution
  /// times are measured; without `sla_hours` there are no breaches to count. The quantiles are
  /// exact: the cube keeps the period's resolution times themselves.
  private func resolution(_ counts: CubeCounts, measured: Set<String>) -> ReportModel.Resolution {
    struct Group {
      var complaints = 0
      var breaches = 0
      var openPast = 0
      var hours: [Double] = []
    }
    // period, category, line, tier, file (, measure)
    var byCell: [SeriesKey: Group] = [:]
    let name = period.description
    for (key, value) in counts.cube[.resolution] where key[0] == name && measured.contains(key[4]) {
      let cell = SeriesKey(category: key[1], productLine: key[2], tier: key[3])
      switch key[5] {
      case "complaints": byCell[cell, default: Group()].complaints += value.count
      case "breaches": byCell[cell, default: Group()].breaches += value.count
      default: byCell[cell, default: Group()].openPast += value.count
      }
    }
    for (key, value) in counts.cube[.hours] where key[0] == name && measured.contains(key[4]) {
      let cell = SeriesKey(category: key[1], productLine: key[2], tier: key[3])
      byCell[cell, default: Group()].hours = ReportCube.Value.mergeSorted(
        byCell[cell]?.hours ?? [], value.values)
    }
    func row(_ key: String, _ group: Group) -> ReportModel.ResolutionRow {
      ReportModel.ResolutionRow(
        key: key, medianHours: quantile(group.hours, 0.5), p90Hours: quantile(group.hours, 0.9),
        slaBreachShare: configuration.slaHours == nil
          ? nil : Double(group.breaches) / Double(group.complaints),
        complaints: group.complaints, resolved: group.hours.count, openPastSLA: group.openPast)
    }
    let byCategory = Category.allCases.compactMap { category -> ReportModel.ResolutionRow? in
      var total = Group()
      for (cell, group) in byCell where cell.category == category.rawValue {
        total.complaints += group.complaints
        total.breaches += group.breaches
        total.openPast += group.openPast
        total.hours = ReportCube.Value.mergeSorted(total.hours, group.hours)
      }
      return total.complaints == 0 ? nil : row(category.rawValue, total)
    }
    let cells = byCell.filter { $0.value.complaints > 0 }.sorted { $0.key < $1.key }
      .map { row("\($0.key.category)/\($0.key.productLine)/\($0.key.tier)", $0.value) }
    return ReportModel.Resolution(
      byCategory: byCategory, byCell: cells, slaHours: configuration.slaHours)
  }

  private func anomalyTicket(
    _ id: String, _ item: ClassifiedTicket, _ timestamps: ISO8601DateFormatter
  ) -> ReportBundle.AnomalyTicket {
    let ticket = item.ticket
    return ReportBundle.AnomalyTicket(
      anomalyID: id, system: ticket.system, ticketID: ticket.id,
      created: timestamps.string(from: ticket.created),
      category: item.cell.category.rawValue, issue: item.issue,
      productLine: item.cell.productLine, tier: item.cell.tier.rawValue,
      customer: ticket.customer ?? "",
      customerName: configuration.reports.customerNames ? ticket.customerName ?? "" : "",
      channel: ticket.channel ?? "", agent: ticket.agent ?? "",
      matchedRule: item.rule, source: ticket.location.description,
      excerpt: String(ticket.text.prefix(200)))
  }
}

/// The q-quantile of sorted values, by linear interpolation; nil when empty.
func quantile(_ sorted: [Double], _ q: Double) -> Double? {
  guard !sorted.isEmpty else { return nil }
  let position = q * Double(sorted.count - 1)
  let lower = Int(position.rounded(.down))
  let upper = min(lower + 1, sorted.count - 1)
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
}
