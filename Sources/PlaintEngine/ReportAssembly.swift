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

  func build() throws(PlaintError) -> ReportBundle {
    let exclusion = configuration.canaryExclusion
    let grid = try GridSeries.load(
      store: store, context: context, coverage: coverage, through: period)
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
    // Only the judged period's narratives are read (excerpts, unclassified terms); the rest of the
    // window needs cells, customers and times, and would otherwise hold every text in memory.
    let recent = try Failure.store { () throws(StoreError) in
      try store.tickets(in: window, excluding: exclusion, textOnlyIn: period)
    }
    let current = recent.filter { $0.period == period }
    let byCell = Dictionary(grouping: current) { SeriesKey($0.cell) }

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
    let shift = try textShift(grid)
    var watches: [ReportModel.Anomaly] = []
    for key in grid.cells.keys.sorted() {
      guard let judged = judgedCells[key], let last = judged.points.last else { continue }
      let tickets = byCell[key] ?? []
      if shift != nil {
        // Categories come from the text: with the text gone, a cell's change is the export's.
      } else if last.isAnomaly {
        let found = anomaly(key, judged, last, tickets)
        anomalies.append(found)
        anomalyTickets += tickets.map { anomalyTicket(found.id, $0, timestamps) }
      } else if last.isImprovement {
        improvements.append(anomaly(key, judged, last, tickets))
      }
      if last.status == .resolved { resolved.append(anomaly(key, judged, last, tickets)) }
      if last.isWatch {
        var watch = anomaly(key, judged, last, tickets)
        watch.rules = last.watchRules.map(\.rawValue)
        watch.status = "watch"
        watches.append(watch)
      }
    }

    let paretoTables = paretoTables(recent, window: window)
    var recurrence = recurrence(recent, window: window)
    recurrence.returning = try returning(anomalies, judged: judgedCells, periods: grid.periods)
    let topCells = Dictionary(grouping: current) { SeriesKey($0.cell) }
      .map { ($0.key, $0.value.count) }
      .sorted { ($0.1, $1.0) > ($1.1, $0.0) }
    var concentrationCells: [SeriesKey] = anomalies.map {
      SeriesKey(category: $0.category, productLine: $0.productLine, tier: $0.tier)
    }
    for (key, _) in topCells.prefix(Self.concentrationParetoCells)
    where !concentrationCells.contains(key) {
      concentrationCells.append(key)
    }
    // The concentration baseline reaches back as far as the control baseline does, over the
    // periods the exports cover whole, for the examined cells only and without text. A partial
    // period, or fewer whole periods before it than a control baseline needs, supports no claim
    // about when or how complaints came in ("65 % on a Wednesday; baseline 25 %" from one month).
    let whole = grid.periods.dropLast().filter { coverage.coverage($0) == .whole }
    let earlier = Array(whole.suffix(configuration.control.baselinePeriods))
    if coverage.coverage(period) != .whole
      || earlier.count < configuration.control.minBaselinePeriods
    {
      concentrationCells = []
    }
    let examined = concentrationCells.compactMap { key -> Cell? in
      guard let category = Category(rawValue: key.category), let tier = Tier(rawValue: key.tier)
      else { return nil }
      return Cell(category: category, productLine: key.productLine, tier: tier)
    }
    let baselineTickets = try Failure.store { () throws(StoreError) in
      try store.tickets(in: earlier, excluding: exclusion, textOnlyIn: period, cells: examined)
    }
    recurrence.concentrations = concentrations(
      cells: concentrationCells, current: current, baseline: baselineTickets)
    recurrence.releases = releaseEffects(grid)
    let measured = Set(coverage.files.filter { $0.resolved > 0 }.map(\.path))
    var resolution = resolution(current.filter { measured.contains($0.ticket.location.file) })
    resolution.openPastSLA = openPastSLA(
      recent.filter { measured.contains($0.ticket.location.file) }, timestamps: timestamps)

    let totalKey = SeriesKey(category: "*", productLine: "*", tier: "*")
    let totalPoint = judgedRollups[totalKey]?.points.last?.point
    let classified = current.filter(\.isClassified).count
    var report = ReportModel(
      period: period.description, granularity: configuration.granularity.rawValue,
      method: method(latest: judgedCells.values.compactMap(\.points.last)),
      totals: ReportModel.Totals(
        complaints: current.count, units: context.sales == nil ? nil : totalPoint?.units,
        rate: context.sales == nil ? nil : totalPoint?.rate,
        classifiedShare: current.isEmpty ? nil : Double(classified) / Double(current.count)),
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
      unclassifiedTerms: UnclassifiedTerms.top(
        current.filter { !$0.isClassified }.map(\.ticket.text), limit: 20))
    report.canaries = try canaries()
    report.watches = watches
    report.coverage = coverageModel(grid)
    report.dataQuality = dataQuality(current, judged: judgedCells, grid: grid)
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
    // Short histories, shares without sales, and what drives each line (ReportAssembly+Charts).
    report.runCharts = shift == nil ? runCharts(report.cells) : []
    report.shares = try shares(grid, withheld: shift != nil)
    report.drivers = drivers(recent, periods: window, anomalies: anomalies)
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
    _ key: SeriesKey, _ judged: JudgedSeries, _ last: JudgedPoint, _ tickets: [ClassifiedTicket]
  ) -> ReportModel.Anomaly {
    let point = last.point
    let expected = point.center.flatMap { center in point.units.map { center * $0 } }
    let issues = Dictionary(grouping: tickets, by: \.issueKey).map {
      ReportModel.KeyCount(key: $0.key, count: $0.value.count)
    }
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
  private func paretoTables(_ recent: [ClassifiedTicket], window: [Period])
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

  private func pareto(_ tickets: [ClassifiedTicket]) -> ReportModel.ParetoTables {
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

  private func recurrence(_ tickets: [ClassifiedTicket], window: [Period])
    -> ReportModel.Recurrence
  {
    let settings = configuration.recurrence
    let inWindow = Set(window.suffix(settings.windowPeriods))
    var byCustomer: [String: [ClassifiedTicket]] = [:]
    for ticket in tickets where inWindow.contains(ticket.period) {
      guard let customer = ticket.ticket.customer, !customer.isEmpty else { continue }
      byCustomer[customer, default: []].append(ticket)
    }
    let repeats = byCustomer.filter { $0.value.count >= settings.repeatCustomerMin }
      .map { customer, tickets in
        ReportModel.RepeatCustomer(
          customer: customer, count: tickets.count,
          keyAccount: tickets.contains { $0.cell.tier == .keyAccount },
          issues: Array(Set(tickets.map(\.issueKey))).sorted())
      }
      .sorted { ($0.count, $1.customer) > ($1.count, $0.customer) }

    // An issue in the vital few of at least two of the last three periods.
    var vitalPeriods: [String: [String]] = [:]
    for recentPeriod in window.suffix(3) {
      var counts: [String: Int] = [:]
      for ticket in tickets where ticket.period == recentPeriod {
        counts[ticket.issueKey, default: 0] += 1
      }
      let rows = Pareto.table(
        counts.map { (key: $0.key, count: $0.value) }, threshold: configuration.pareto.threshold)
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
  /// times are measured; without `sla_hours` there are no breaches to count.
  private func resolution(_ tickets: [ClassifiedTicket]) -> ReportModel.Resolution {
    let sla = configuration.slaHours ?? .infinity
    let periodEnd = period.next(in: configuration.timeZone).start(in: configuration.timeZone)
    func row(_ key: String, _ group: [ClassifiedTicket]) -> ReportModel.ResolutionRow {
      let hours = group.compactMap { ticket in
        ticket.ticket.resolved.map { $0.timeIntervalSince(ticket.ticket.created) / 3600 }
      }.filter { $0 >= 0 }.sorted()
      var breaches = 0
      var openPast = 0
      for ticket in group {
        if let resolved = ticket.ticket.resolved {
          if resolved.timeIntervalSince(ticket.ticket.created) / 3600 > sla { breaches += 1 }
          if resolved >= periodEnd,
            periodEnd.timeIntervalSince(ticket.ticket.created) / 3600 > sla
          {
            openPast += 1
          }
        } else if periodEnd.timeIntervalSince(ticket.ticket.created) / 3600 > sla {
          breaches += 1
          openPast += 1
        }
      }
      return ReportModel.ResolutionRow(
        key: key, medianHours: quantile(hours, 0.5), p90Hours: quantile(hours, 0.9),
        slaBreachShare: configuration.slaHours == nil
          ? nil : Double(breaches) / Double(group.count), complaints: group.count,
        resolved: hours.count, openPastSLA: openPast)
    }
    let byCategory = Category.allCases.compactMap { category -> ReportModel.ResolutionRow? in
      let inCategory = tickets.filter { $0.cell.category == category }
      return inCategory.isEmpty ? nil : row(category.rawValue, inCategory)
    }
    let byCell = Dictionary(grouping: tickets) { $0.cell }
      .sorted { SeriesKey($0.key) < SeriesKey($1.key) }
      .map { row($0.key.description, $0.value) }
    return ReportModel.Resolution(
      byCategory: byCategory, byCell: byCell, slaHours: configuration.slaHours)
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
