import Foundation
import PlaintCore
import PlaintReport
import PlaintStore

extension ReportAssembly {
  // MARK: - Coverage

  /// The report's account of what the exports cover: the period, each file, each line's gaps.
  func coverageModel(_ grid: GridSeries) -> ReportModel.Coverage {
    let days = coverage.coveredDays(period)
    var model = ReportModel.Coverage(
      period: coverage.isFillingIn(period) ? "filling_in" : coverage.coverage(period).rawValue,
      periodFrom: days.map { coverage.day($0.first) },
      periodThrough: days.map { coverage.day($0.last) },
      latestWholePeriod: coverage.latestWhole(configuration.granularity)?.description,
      firstDay: coverage.all.start.map(coverage.day), lastDay: coverage.lastDay.map(coverage.day))
    model.periodCovered = coverage.coveredSpans(of: period).map {
      ReportModel.DaySpan(
        from: coverage.day($0.lowerBound),
        through: coverage.day($0.upperBound.addingTimeInterval(-1)))
    }
    model.linesNotCovered = linesNotCovered(grid)
    model.emptyStretches = emptyStretches()
    model.withoutRows = coverage.isRowless(period) ? true : nil
    let joins = coverage.joins.values.joined().filter { $0.period <= period }
      .sorted { ($0.period, $0.line) < ($1.period, $1.line) }
      .map {
        ReportModel.ExportJoin(
          productLine: $0.line, period: $0.period.description, files: $0.joining,
          beside: $0.beside, added: $0.added)
      }
    model.joins = joins.isEmpty ? nil : joins
    model.fillingIn = fillingInModel(grid)
    model.lastTicket = coverage.lastTicketDay
    model.files = coverage.files.map { file in
      ReportModel.CoveredFile(
        path: file.path, from: file.span.map { coverage.day($0.lowerBound) },
        through: file.span.map { coverage.day($0.upperBound.addingTimeInterval(-1)) },
        basis: file.fromConfig ? "covers" : "tickets",
        productLines: file.productLines.filter { $0 != Cell.unassigned }.sorted(),
        stragglers: file.stragglers)
    }
    for line in grid.productLines {
      var runs: [ReportModel.CoverageGap] = []
      let started = grid.periods.firstIndex {
        coverage.hasHistory(line) && coverage.coverage(line: line, $0) != .none
      }
      for (index, period) in grid.periods.enumerated() {
        let reason: String
        if let started, index < started {
          reason = "before_history"
        } else {
          switch coverage.coverage(line: line, period) {
          case .whole: continue
          case .partial where coverage.isFillingIn(line: line, period): reason = "filling_in"
          case .partial where coverage.hasEmptyStretch(line: line, period):
            reason = "empty_stretch"
          case .partial: reason = "partial"
          case .none where !coverage.hasHistory(line): reason = "before_history"
          case .none where coverage.isRowless(line: line, period): reason = "no_rows"
          case .none where coverage.isLeftOut(line: line, period): reason = "not_carried"
          case .none: reason = "not_covered"
          }
        }
        if var last = runs.last, last.reason == reason,
          Period(last.through)?.next(in: configuration.timeZone) == period
        {
          last.through = period.description
          last.periods += 1
          runs[runs.count - 1] = last
        } else {
          runs.append(
            ReportModel.CoverageGap(
              productLine: line, from: period.description, through: period.description,
              periods: 1, reason: reason))
        }
      }
      model.gaps += runs
    }
    return model
  }

  /// The days without a row on any export inside a period judged as whole, where the days
  /// before predict so many that none is implausible (`DataCoverage.emptyStretches`), then the
  /// days one file lost while other exports kept logging (`fileEmptyStretches`); nil when
  /// there is none. The one place they are found: the report, the log line and every
  /// renderer read them from the model.
  func emptyStretches() -> [ReportModel.EmptyStretch]? {
    guard coverage.coverage(period) == .whole else { return nil }
    let stretches =
      coverage.emptyStretches(in: period).filter(\.isSaid).map { stretch in
        ReportModel.EmptyStretch(
          from: coverage.day(stretch.from), through: coverage.day(stretch.through),
          days: stretch.days, expectedRows: Int(stretch.expected.rounded()))
      }
      + coverage.fileEmptyStretches(in: period).filter(\.stretch.isSaid).map { path, stretch in
        ReportModel.EmptyStretch(
          from: coverage.day(stretch.from), through: coverage.day(stretch.through),
          days: stretch.days, expectedRows: Int(stretch.expected.rounded()), file: path)
      }
    return stretches.isEmpty ? nil : stretches
  }

  /// The product lines still filling in in the period, and last the complaints in no product
  /// line when an export holding mostly those is (the every-complaint rule, per export; also
  /// in the export's newest period, which it may cover only in part, as no line's days say).
  func fillingInLines(_ grid: GridSeries) -> [String] {
    grid.productLines.filter { coverage.isFillingIn(line: $0, period) }
      + (coverage.lag.isFillingIn(line: Cell.unassigned, period) ? [Cell.unassigned] : [])
  }

  /// Product lines whose history has begun that the exports do not cover whole this period.
  func linesNotCovered(_ grid: GridSeries) -> [String] {
    grid.productLines.filter { line in
      guard let start = coverage.historyStart(line, configuration.granularity), start <= period
      else { return false }
      return coverage.coverage(line: line, period) != .whole
    }
  }

  /// The share of complaints without text in the period and in the baseline periods before it,
  /// when they differ so much that category verdicts are withheld (`TextShift`), from the cube's
  /// counts of every period's tickets and of those without text.
  func textShift(_ grid: GridSeries, cube: ReportCube) -> (now: Double, before: Double)? {
    let window = Array(grid.periods.suffix(configuration.control.baselinePeriods + 1))
    var counts: [Period: (empty: Int, total: Int)] = [:]
    for period in window {
      guard let total = cube[.emptyText][[period.description, "all"]]?.count else { continue }
      counts[period] = (cube[.emptyText][[period.description, "empty"]]?.count ?? 0, total)
    }
    guard let current = counts[period] else { return nil }
    return TextShift.find(current: current, earlier: window.dropLast().compactMap { counts[$0] })
  }

  /// The period's complaints a reader should know about, and the warnings they raise (with
  /// `empty_stretches` when the coverage model found days without a row).
  func dataQuality(
    _ counts: CubeCounts, judged: [SeriesKey: JudgedSeries], grid: GridSeries,
    emptyStretches: Bool
  ) -> ReportModel.DataQuality {
    let complaints = counts.complaints
    var quality = ReportModel.DataQuality(
      complaints: complaints,
      unassigned: counts.current.filter { $0.key.productLine == Cell.unassigned }.values
        .reduce(0, +),
      unclassified: counts.unclassified,
      emptyText: counts.blank,
      hasSales: context.sales != nil, hasKeyAccounts: context.tiers.count > 1)
    var judgedCells = Set<SeriesKey>()
    for (key, series) in judged {
      guard let last = series.points.last, last.point.status == .ok, last.point.pValue != nil,
        !last.insufficientHistory
      else { continue }
      judgedCells.insert(key)
    }
    quality.inJudgedCells = counts.current.filter { judgedCells.contains($0.key) }.values
      .reduce(0, +)
    let resolutionFiles = resolutionFiles
    quality.withoutResolution = resolutionFiles.without
    quality.sparseResolution = resolutionFiles.sparse.isEmpty ? nil : resolutionFiles.sparse
    let datesOnly = coverage.files.filter { $0.tickets > 0 && $0.datesOnly }.map(\.path)
    quality.datesOnly = datesOnly.isEmpty ? nil : datesOnly

    let total = Double(max(1, complaints))
    var warnings: [String] = []
    switch coverage.coverage(period) {
    case .partial: warnings.append(coverage.isFillingIn(period) ? "filling_in" : "partial_period")
    case .none: warnings.append("not_covered")
    case .whole: if emptyStretches { warnings.append("empty_stretches") }
    }
    if Double(quality.unassigned) / total > ReportModel.DataQuality.unassignedLimit {
      warnings.append("unassigned")
    }
    if Double(quality.unclassified) / total > ReportModel.DataQuality.unclassifiedLimit {
      warnings.append("unclassified")
    }
    if Double(quality.emptyText) / total > ReportModel.DataQuality.emptyTextLimit {
      warnings.append("empty_text")
    }
    if coverage.coverage(period) == .whole
      && !(linesNotCovered(grid) + fillingInLines(grid)).isEmpty
    {
      warnings.append("lines_not_covered")
    }
    // When no cell was judged the headline says why; "the verdicts speak for a minority" would
    // speak of verdicts there are none of.
    if complaints > 0, coverage.coverage(period) == .whole, !judgedCells.isEmpty,
      Double(quality.inJudgedCells) / total < ReportModel.DataQuality.judgedLimit
    {
      warnings.append("judged_minority")
    }
    // An export joined a line's exports inside the baseline's reach: its baseline starts again.
    let reach = Set(grid.periods.suffix(max(1, configuration.control.baselinePeriods)))
    if coverage.joins.values.joined().contains(where: { reach.contains($0.period) }) {
      warnings.append("export_joined")
    }
    if !quality.withoutResolution.isEmpty { warnings.append("no_resolution") }
    // Newer periods the report passed over because they are still filling in.
    if !coverage.fillingIn(after: period).isEmpty { warnings.append("later_filling_in") }
    quality.warnings = warnings
    return quality
  }

  /// The publication-lag rule and what it found; the evidence when the reported period is one
  /// of the periods still filling in. nil with `publication_lag: off`.
  func fillingInModel(_ grid: GridSeries) -> ReportModel.FillingIn? {
    let settings = configuration.publicationLag
    guard let level = settings.level else { return nil }
    var model = ReportModel.FillingIn(
      level: level, maxPeriods: settings.maxPeriods(configuration.granularity))
    model.blockPeriods = PublicationLag.blockPeriods(configuration.granularity)
    // With the newest period when it lacks only its last days in a lag (`endsLag`).
    let newest = coverage.fillingIn(after: period).filter { coverage.lag.periods[$0] == nil }
    model.periods = (coverage.lag.periods.keys.sorted() + newest).map(\.description)
    model.lines = fillingInLines(grid)
    if coverage.lag.countsEveryComplaint { model.counts = "every_complaint" }
    if coverage.isFillingIn(period), let found = coverage.lag.periods[period] {
      model.complaints = found.count
      model.expected = found.expected
      model.lowerLimit = found.lowerLimit
      model.previous = found.previous
      model.baselinePeriods = found.baselineCount
      if let sum = found.runComplaints {
        model.runFrom = coverage.lag.periods.keys.min()?.description
        model.runPeriods = coverage.lag.periods.count
        model.runComplaints = sum
      }
    }
    return model
  }

  /// A point's status, `filling_in` where its period is partial only because it is still
  /// filling in (for `line`, or for the exports as a whole in a roll-up over every line).
  func status(_ point: JudgedPoint, line: String, _ period: Period) -> ReportModel.PointStatus {
    let status = status(point)
    guard status == .partial else { return status }
    let filling =
      line == Rollup<Category>.allRawValue
      ? coverage.isFillingIn(period) : coverage.isFillingIn(line: line, period)
    return filling ? .fillingIn : status
  }
}
