import Foundation
import PlaintCore
import PlaintReport
import PlaintStore

extension Configuration.Slice {
  /// The slice's value of a count row: its system, its file, or its column's value.
  func value(_ count: SliceCount) -> String? {
    switch column {
    case "@system": count.system
    case "@file": count.file
    default: count.slices[name]
    }
  }

  /// The slice's value of a ticket, as `value(_:)` reads it from counts.
  func value(_ ticket: ClassifiedTicket) -> String? {
    switch column {
    case "@system": ticket.ticket.system
    case "@file": ticket.ticket.location.file
    default: ticket.ticket.slices[name]
    }
  }

  /// The slice as a concentration dimension.
  var dimension: ConcentrationDimension {
    let slice = self
    return ConcentrationDimension(name: .slice(name)) { slice.value($0) }
  }
}

/// Each slice's counts per value and period, from counts (the cube's, `CubeCounts.sliceCounts`);
/// a pure function, so the counts may come from anywhere that sums tickets the same way.
struct SliceTally: Equatable {
  /// Complaints per value, aligned on the report's periods.
  var values: [String: [Int]] = [:]
  /// Complaints without a value, per period.
  var withoutValue: [Int]

  init(_ counts: [SliceCount], slice: Configuration.Slice, periods: [Period]) {
    let index = Dictionary(uniqueKeysWithValues: periods.enumerated().map { ($1, $0) })
    withoutValue = [Int](repeating: 0, count: periods.count)
    for count in counts {
      guard let at = index[count.period] else { continue }
      guard let value = slice.value(count).flatMap(ConcentrationDimension.text) else {
        withoutValue[at] += count.count
        continue
      }
      values[value, default: [Int](repeating: 0, count: periods.count)][at] += count.count
    }
  }
}

extension ReportAssembly {
  /// How many values of a slice are charted besides the flagged ones: the vital few, at most.
  static let slicesCharted = 8

  /// One section per configured slice: its Pareto over the Pareto window and a count chart per
  /// value, judged as the slice's own Benjamini–Hochberg family, from the cube's slice counts.
  ///
  /// No volume is known by slice value (sales come by product line), so every chart counts
  /// complaints; a period is whole where the report's total is.
  func sliceSections(_ grid: GridSeries, counts cube: CubeCounts) -> [ReportModel.SliceSection]? {
    guard !configuration.slices.isEmpty else { return nil }
    let total = grid.rollups[SeriesKey.total] ?? []
    let coverage = grid.periods.indices.map { index in
      index < total.count ? total[index].coverage : .whole
    }
    var settings = DetectorSettings(configuration.control)
    settings.familyNeedsComplaint = true
    let window = grid.periods.suffix(configuration.pareto.windowPeriods)
    let windowIndices = (grid.periods.count - window.count)..<grid.periods.count
    return configuration.slices.map { slice in
      let counts = cube.sliceCounts(slice, granularity: configuration.granularity)
      let tally = SliceTally(counts, slice: slice, periods: grid.periods)
      let spans = sliceSpans(slice, counts)
      var series: [String: [ChartObservation]] = [:]
      for (value, perPeriod) in tally.values {
        let covered = valueCoverage(
          perPeriod, span: spans?[value], base: coverage, periods: grid.periods)
        series[value] = perPeriod.indices.map {
          ChartObservation(count: perPeriod[$0], units: 1, coverage: covered[$0])
        }
      }
      let judged = AnomalyDetector.judge(series, settings: settings)
      return section(
        slice, tally: tally, judged: judged, windowIndices: windowIndices,
        window: Array(window), periods: grid.periods,
        periodCoverage: self.coverage.isFillingIn(period)
          ? "filling_in" : (coverage.last ?? .whole).rawValue)
    }
  }

  /// The days each value of an `@file` or `@system` slice covers: its file's span, or the
  /// union of its system's files; nil for a column slice.
  private func sliceSpans(_ slice: Configuration.Slice, _ counts: [SliceCount])
    -> [String: Coverage]?
  {
    guard slice.column == "@file" || slice.column == "@system" else { return nil }
    var spans: [String: Coverage] = [:]
    for file in self.coverage.files {
      spans[file.path] = Coverage(file.spans)
    }
    var result: [String: Coverage] = [:]
    for count in counts {
      guard let value = slice.value(count).flatMap(ConcentrationDimension.text),
        let span = spans[count.file]
      else { continue }
      result[value] = (result[value] ?? Coverage()).union(span)
    }
    return result
  }

  /// A value's coverage per period: no history before its first complaint (those periods are
  /// not part of its chart, never zeros), and, for a file or a system, only the periods its
  /// exports span; elsewhere the report's own coverage.
  private func valueCoverage(
    _ counts: [Int], span: Coverage?, base: [PeriodCoverage], periods: [Period]
  ) -> [PeriodCoverage] {
    let first = counts.firstIndex { $0 > 0 } ?? counts.count
    return counts.indices.map { index in
      guard index >= first else { return .none }
      guard let span else { return base[index] }
      let own = span.coverage(of: periods[index], in: configuration.timeZone)
      if own == .none || base[index] == .none { return .none }
      return own == .whole && base[index] == .whole ? .whole : .partial
    }
  }

  private func section(
    _ slice: Configuration.Slice, tally: SliceTally, judged: [String: JudgedSeries],
    windowIndices: Range<Int>, window: [Period], periods: [Period], periodCoverage: String
  ) -> ReportModel.SliceSection {
    var inWindow: [(key: String, count: Int)] = []
    for (value, perPeriod) in tally.values {
      let count = windowIndices.reduce(0) { $0 + perPeriod[$1] }
      if count > 0 { inWindow.append((value, count)) }
    }
    let pareto = Pareto.table(inWindow, threshold: configuration.pareto.threshold)
    var values: [ReportModel.SliceValue] = []
    var signals: [ReportModel.SliceSignal] = []
    var charted = Set(pareto.filter(\.vital).prefix(Self.slicesCharted).map(\.key))
    func verdict(_ value: String) -> (JudgedPoint?, JudgedSeries?) {
      (judged[value]?.points.last, judged[value])
    }
    for row in pareto {
      let (last, series) = verdict(row.key)
      values.append(
        ReportModel.SliceValue(
          value: row.key, count: row.count, share: row.share, cumulative: row.cumulative,
          vital: row.vital, periodCount: last?.point.count ?? 0, center: last?.point.center,
          ucl: last?.point.ucl, status: last.map(status) ?? .missing,
          chart: (last?.point.method ?? series?.method ?? .u).rawValue,
          pValue: last?.point.pValue, qValue: last?.qValue))
    }
    for value in judged.keys.sorted() {
      guard let series = judged[value], let last = series.points.last,
        last.isAnomaly || last.isWatch
      else { continue }
      charted.insert(value)
      let point = last.point
      var signal = ReportModel.SliceSignal(
        value: value, status: last.isAnomaly ? "anomaly" : "watch", count: point.count,
        expected: point.center.map { $0 * (point.units ?? 1) }, ucl: point.ucl,
        rules: last.isAnomaly ? last.anomalyRules.map(\.rawValue) : last.watchReasons,
        pValue: point.pValue, qValue: last.qValue)
      if last.appeared { signal.baselinePeriods = last.baselineCount }
      signals.append(signal)
    }
    signals.sort {
      ($0.status == "anomaly" ? 0 : 1, $0.pValue ?? 1, $0.value)
        < ($1.status == "anomaly" ? 0 : 1, $1.pValue ?? 1, $1.value)
    }
    let order = Dictionary(uniqueKeysWithValues: pareto.enumerated().map { ($1.key, $0) })
    let drawn = charted.sorted {
      (order[$0] ?? .max, $0) < (order[$1] ?? .max, $1)
    }
    // The family: values with a complaint this period, a p-value and enough history.
    let latest = judged.values.compactMap(\.points.last)
    let tested = latest.filter {
      $0.point.pValue != nil && !$0.insufficientHistory && !$0.silentBaseline && $0.point.count > 0
    }.count
    let shortHistory = latest.filter {
      $0.insufficientHistory && $0.point.count > 0 && $0.point.status == .ok
    }.count
    return ReportModel.SliceSection(
      name: slice.name, column: slice.column, exposure: ReportModel.Method.countExposure,
      fdr: configuration.control.fdr, valuesTested: tested, shortHistory: shortHistory,
      periodCoverage: periodCoverage,
      withoutValue: windowIndices.reduce(0) { $0 + tally.withoutValue[$1] },
      paretoPeriods: window.map(\.description), values: values,
      series: drawn.compactMap { value in
        guard let series = judged[value] else { return nil }
        return ReportModel.SliceSeries(
          value: value, chart: series.method.rawValue, phi: series.phi,
          series: series.points.enumerated().map { index, judgedPoint in
            let point = judgedPoint.point
            return ReportModel.Point(
              period: periods[index].description,
              status: status(judgedPoint, line: Rollup<Category>.allRawValue, periods[index]),
              count: point.count, units: point.units, rate: point.rate, center: point.center,
              ucl: point.ucl, lcl: point.lcl)
          })
      }, signals: signals)
  }
}
