import Foundation
import PlaintCore
import PlaintReport
import PlaintStore

extension Configuration {
  /// The periods, up to the reported one, a report reads closer than the grid: enough for the
  /// Pareto window and the one before it, and for recurrence.
  var reportWindowLength: Int {
    max(2 * pareto.windowPeriods, recurrence.windowPeriods, 3)
  }
}

/// Builds the period's report model from its summary (ReportCube: counts from the store or from
/// partials) and the few tickets it shows whole: judges the grid, runs the analysis of
/// PlaintCore (the detector, Pareto, recurrence, resolution, release effects) and maps its values
/// onto the model, one file per section (+Anomalies, +Pareto, +Recurrence, +Resolution,
/// +Canaries, +Coverage, +Concentration, +Slices, +Charts). Every renderer reads the model this
/// returns; the sentences come from PlaintReport (`ReportModel.writeSentences`), nothing here
/// writes words.
struct ReportAssembly {
  let configuration: Configuration
  let context: RunContext
  let store: Store
  let period: Period
  let inputs: [SourceAccounting]
  let reclassified: Int
  let coverage: DataCoverage

  /// A period's report, and its anomalies as the run records them.
  struct Assembled {
    var bundle: ReportBundle
    /// One per anomaly of the report, by cell, in the report's order.
    var anomalies: [AnomalyRecord]
  }

  /// The cube's counts over every period (`ReportFeed.baseCube`).
  let base: ReportCube
  /// Where the scope's counts and tickets come from.
  let feed: any ReportFeed

  /// The period's report.
  func build() throws -> ReportBundle { try assemble().bundle }

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

  func judgement() throws -> Judgement {
    let grid = GridSeries.load(cube: base, context: context, coverage: coverage, through: period)
    let settings = DetectorSettings(configuration.control)
    let stored = try store.baselines()
    var frozen: [SeriesKey: StoredBaseline] = [:]
    for baseline in stored {
      guard
        let key = SeriesKey(
          category: baseline.category, productLine: baseline.productLine, tier: baseline.tier)
      else { continue }
      frozen[key] = baseline
    }
    let estimates = frozen.mapValues(\.baseline)
    let judgedCells = AnomalyDetector.judge(grid.cells, settings: settings, frozen: estimates)
    let judgedRollups = AnomalyDetector.judge(grid.rollups, settings: settings, frozen: estimates)

    let window = Array(grid.periods.suffix(configuration.reportWindowLength))
    // The concentration baseline reaches back as far as the control baseline does, over the
    // periods the exports cover whole. A partial period, or fewer whole periods before it than a
    // control baseline needs, supports no claim about when or how complaints came in ("65 % on
    // a Wednesday; baseline 25 %" from one month).
    let whole = grid.periods.dropLast().filter { coverage.coverage($0) == .whole }
    let earlier = Array(whole.suffix(configuration.control.baselinePeriods))
    let concentrating =
      coverage.coverage(period) == .whole
      && earlier.count >= configuration.control.minBaselinePeriods
    let measured = resolutionFiles.measured
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
      measuredFiles: configuration.slaHours == nil ? nil : measured,
      datesOnlyFiles: Set(coverage.files.filter(\.datesOnly).map(\.path)),
      paretoWindow: Set(window.suffix(configuration.pareto.windowPeriods)),
      recurrenceWindow: Set(window.suffix(configuration.recurrence.windowPeriods)))
    return Judgement(
      grid: grid, frozen: frozen, cells: judgedCells, rollups: judgedRollups, window: window,
      earlier: earlier, concentrating: concentrating, measured: measured, scope: scope)
  }

  /// The period's report and the run's anomaly records.
  func assemble() throws -> Assembled {
    let judgement = try judgement()
    let (grid, frozen) = (judgement.grid, judgement.frozen)
    let (judgedCells, judgedRollups) = (judgement.cells, judgement.rollups)
    let (window, earlier) = (judgement.window, judgement.earlier)
    let fed = try feed.window(judgement.scope)
    var cube = base
    cube.merge(fed.cube)
    let counts = CubeCounts(cube: cube, period: period)
    // Positions in the listed tickets, not copies of them (100,000 tickets in a month added).
    let byCell = Dictionary(grouping: fed.listed.indices) { SeriesKey(fed.listed[$0].cell) }

    let cells = grid.cells.keys.sorted().map { key in
      series(key, judgedCells[key], frozen[key], grid.periods)
    }
    let rollups = grid.rollups.keys.sorted().map { key in
      series(key, judgedRollups[key], frozen[key], grid.periods)
    }
    let timestamps = InternetTimestamp(timeZone: configuration.timeZone)
    var anomalies: [ReportModel.Anomaly] = []
    var anomalyKeys: [SeriesKey] = []
    // Each anomaly's id and the positions of its tickets, made into rows after the loop.
    var anomalyRows: [(id: String, positions: [Int])] = []
    var improvements: [ReportModel.Anomaly] = []
    var resolved: [ReportModel.Anomaly] = []
    let shift = textShift(grid, cube: cube)
    var watches: [ReportModel.Anomaly] = []
    for key in grid.cells.keys.sorted() {
      guard let judged = judgedCells[key], let last = judged.points.last else { continue }
      // "system:id" of each: made once, and only for a cell that is listed.
      lazy var ticketIDs = (byCell[key] ?? []).map {
        fed.listed[$0].ticket.system + ":" + fed.listed[$0].ticket.id
      }
      let issues = counts.issues(period, cell: key)
      if shift != nil {
        // Categories come from the text: with the text gone, a cell's change is the export's.
      } else if last.isAnomaly {
        let found = anomaly(key, judged, last, issues, ticketIDs)
        anomalies.append(found)
        anomalyKeys.append(key)
        anomalyRows.append((found.id, byCell[key] ?? []))
      } else if last.isImprovement {
        improvements.append(anomaly(key, judged, last, issues, ticketIDs))
      }
      // With the text gone, no verdict of a category stands: none resolved, none watched (the
      // hostile tester's F-K: "other" listed as a watch, "appeared" from the shift itself).
      if shift == nil, last.status == .resolved {
        resolved.append(anomaly(key, judged, last, issues, ticketIDs))
      }
      if shift == nil, last.isWatch {
        var watch = anomaly(key, judged, last, issues, ticketIDs)
        watch.rules = last.watchReasons
        watch.status = .watch
        if last.appeared { watch.baselinePeriods = last.baselineCount }
        watches.append(watch)
      }
    }

    // Made on other threads while the rest is assembled on this one: every ticket of a month
    // can be behind an anomaly (the bench's month: 0.1 s on two cores, while the assembly's
    // tables that follow kept one core busy and the other idle).
    nonisolated(unsafe) let assembly = self
    let anomalyTickets = MadeAside { [listed = fed.listed] in
      assembly.anomalyTickets(anomalyRows, listed: listed)
    }
    let paretoTables = paretoTables(
      counts, customers: fed.customers, window: window, lines: grid.productLines)
    var recurrence = recurrence(counts, customers: fed.customers, window: window)
    recurrence.returning = returning(
      zip(anomalyKeys, anomalies), judged: judgedCells, periods: grid.periods, counts: counts)
    var concentrationsTested: Int? = nil
    let dimensions = configuration.concentrationDimensions.map(\.name)
    if judgement.concentrating {
      let found = concentrations(
        grid: grid, counts: counts, baseline: earlier, dimensions: dimensions)
      recurrence.concentrations = found.found
      concentrationsTested = found.tested
    }
    recurrence.releases = releaseEffects(grid)
    var resolution = resolution(counts, measured: judgement.measured)
    resolution.openPastSLA = openPastSLA(fed.open, timestamps: timestamps)

    let totalPoint = judgedRollups[SeriesKey.total]?.points.last?.point
    let complaints = counts.complaints
    let classified = complaints - counts.unclassified
    var report = ReportModel(
      period: period.description, granularity: configuration.granularity.rawValue,
      method: method(latest: judgedCells.values.compactMap(\.points.last)),
      totals: ReportModel.Totals(
        complaints: complaints, units: context.sales == nil ? nil : totalPoint?.units,
        rate: context.sales == nil ? nil : totalPoint?.rate,
        classifiedShare: complaints == 0 ? nil : Double(classified) / Double(complaints)),
      inputs: Self.inputsInOrder(inputs),
      cells: cells, rollups: rollups, anomalies: anomalies, improvements: improvements,
      resolved: resolved,
      dataGaps: dataGaps(grid, judgedCells),
      pareto: paretoTables,
      recurrence: recurrence,
      resolution: resolution,
      taxonomyHash: context.taxonomyHash, reclassified: reclassified,
      unclassifiedTerms: UnclassifiedTerms.top(counts: counts.terms, limit: 20))
    report.canaries = canaries(fed.canaries)
    report.slices = sliceSections(grid, counts: counts)
    report.method.concentrations = concentrationMethod(
      tested: concentrationsTested, dimensions: dimensions)
    report.watches = watches
    report.coverage = coverageModel(grid)
    // A period the exports do not cover has no count: null, not 0 (the hostile tester's F-J).
    report.totals.known = report.coverage.isCovered
    report.dataQuality = dataQuality(
      counts, judged: judgedCells, grid: grid,
      emptyStretches: report.coverage.emptyStretches != nil)
    if let shift {
      report.dataQuality.emptyTextBefore = shift.before
      report.dataQuality.warnings.insert(
        "classification_shift",
        at: report.dataQuality.warnings.firstIndex {
          ![
            "partial_period", "filling_in", "not_covered", "empty_stretches", "lines_not_covered",
          ].contains($0)
        } ?? report.dataQuality.warnings.count)
      // Every verdict of the period is withheld, in the cells and the roll-ups alike: "in
      // control" on a count of 0, or a roll-up's "improvement", is the export's change too.
      let judged: Set<ReportModel.PointStatus> = [
        .anomaly, .improvement, .watch, .inControl, .silentBaseline,
      ]
      for index in report.cells.indices {
        guard let last = report.cells[index].series.indices.last,
          judged.contains(report.cells[index].series[last].status)
        else { continue }
        report.cells[index].series[last].status = .withheld
      }
      for index in report.rollups.indices {
        guard let last = report.rollups[index].series.indices.last,
          judged.contains(report.rollups[index].series[last].status)
        else { continue }
        report.rollups[index].series[last].status = .withheld
      }
    }
    // Short histories, shares without sales, and what drives each line (ReportAssembly+Charts).
    report.runCharts = shift == nil ? runCharts(report.cells) : []
    report.shares = shares(grid, counts: counts, withheld: shift != nil)
    report.drivers = drivers(counts, periods: window, anomalies: anomalies)
    report.language =
      configuration.reports.language == .english
      ? nil : configuration.reports.language.rawValue
    let labels = context.labels.resolved(for: configuration.reports.language)
    report.labels = labels.isEmpty ? nil : labels
    report.writeSentences()

    let rejects = try store.rejects()
    let inputPaths = Set(inputs.map(\.path))
    let records = zip(anomalyKeys, report.anomalies).compactMap { key, anomaly in
      key.cell.map {
        AnomalyRecord(
          period: period, cell: $0, status: anomaly.status.rawValue, streak: anomaly.streak,
          count: anomaly.count, expected: anomaly.expected)
      }
    }
    let bundle = ReportBundle(
      report: report,
      anomalyTickets: anomalyTickets.wait(),
      rejects: rejects.filter { inputPaths.contains($0.file) },
      grid: gridRows(report.cells),
      generatedBy: "plaint \(PlaintVersion.current)")
    // What was read is freed on another thread, not this one: every ticket of the bench's
    // month is listed, and freeing them took 0.05 s here, before the writers could start.
    // This thread holds nothing of it after the hand-off.
    FreedAside.free(consume fed)
    return Assembled(bundle: bundle, anomalies: records)
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
  /// (`ReportModel.writeSentences`), since it names the baselines of every series.
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
      $0.point.pValue != nil && !$0.insufficientHistory && !$0.silentBaseline
        && !($0.point.count == 0 && $0.point.center == 0)
    }.count
    var result = ReportModel.Method(
      name: control.method.rawValue, sigma: control.sigma, baselinePeriods: control.baselinePeriods,
      minBaselinePeriods: control.minBaselinePeriods, minCount: control.minCount,
      fdr: control.fdr, rules: control.rules.map(\.rawValue), exposure: exposure, description: "")
    result.runRules = control.runRules.rawValue
    result.smallCountWeight = control.smallCountWeight
    result.rebaselineAfter = control.rebaselineAfter
    result.simulatedAtDefaults = SimulatedPerformance.measured(at: DetectorSettings(control))
    result.charts = charts
    result.cellsTested = tested
    return result
  }
}

extension ReportAssembly {
  /// The inputs as the report lists them: by path (its bytes), then checksum, so the same
  /// files listed in another order in the configuration give the same bytes (the hostile
  /// tester's det_order, whose two orders differed in this table alone).
  static func inputsInOrder(_ inputs: [SourceAccounting]) -> [ReportModel.Input] {
    inputs.sorted {
      $0.path != $1.path
        ? $0.path.utf8.lexicographicallyPrecedes($1.path.utf8)
        : $0.sha256.utf8.lexicographicallyPrecedes($1.sha256.utf8)
    }.map { ReportModel.Input(path: $0.path, sha256: $0.sha256, rows: $0.rows) }
  }
}
