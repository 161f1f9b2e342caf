import PlaintCore

/// The sentences of the run charts, share charts and drivers, built from the model.
extension ReportText {
  /// A run chart's facts and verdict, in two sentences.
  func runChartSentence(_ chart: ReportModel.RunChart, scale: RateScale) -> String {
    guard let runLimit = chart.longestRunLimit, let crossingsLimit = chart.crossingsLimit else {
      return self(.runChartTooFew, count(RunChart.minimumUseful), count(chart.useful))
    }
    var sentence = self(
      .runChartFacts, count(chart.periods), scale.format(chart.median), count(chart.longestRun),
      count(runLimit), count(chart.crossings), count(crossingsLimit))
    if !chart.judged {
      sentence += " " + self[.runChartNotJudged]
    } else if chart.rules.isEmpty {
      sentence += " " + self[.runChartNoSignal]
    }
    if chart.rules.contains(.longRun) {
      sentence +=
        " " + self(.runChartLongRun, count(chart.longestRun), count(runLimit))
    }
    if chart.rules.contains(.fewCrossings) {
      sentence +=
        " " + self(.runChartFewCrossings, count(chart.crossings), count(crossingsLimit))
    }
    return sentence
  }

  /// "The mix of complaints moved: …" naming the issues whose share is an anomaly; nil when none.
  func sharesMoved(_ report: ReportModel) -> String? {
    let moved = (report.shares?.flagged ?? []).filter { $0.kind == .anomaly }
    guard !moved.isEmpty else { return nil }
    let names = moved.map { issue($0.issue) }.joined(separator: self[.listSeparator])
    return plural(moved.count, .sharesMovedOne, .sharesMovedOther, names)
  }

  /// The line under the share heading when nothing is flagged: that no share moved, when some
  /// share was judged; otherwise that none was, and why (never an all-clear without judgment).
  /// Issues new in the period are left to `sharesNew`: nil when they are all there is.
  func sharesQuiet(_ report: ReportModel) -> String? {
    let last = (report.shares?.issues ?? []).compactMap(\.series.last).filter {
      !($0.status == .insufficientHistory && $0.center == 0 && $0.count > 0)
    }.map(\.status)
    guard !last.isEmpty else { return nil }
    let judged: Set<ReportModel.PointStatus> = [.inControl, .anomaly, .improvement, .watch]
    if last.contains(where: judged.contains) {
      return self(.sharesNoneFlagged, period(report.period))
    }
    var reasons: [String] = []
    if last.contains(.withheld) { reasons.append(self[.sharesReasonWithheld]) }
    if last.contains(where: { [.partial, .notCovered, .missing, .noExposure].contains($0) }) {
      reasons.append(self[.sharesReasonPartial])
    }
    if last.contains(.insufficientHistory) || reasons.isEmpty {
      reasons.append(self(.sharesReasonHistory, count(report.method.minBaselinePeriods)))
    }
    return self(
      .sharesNotJudged, period(report.period), reasons.joined(separator: self[.listSeparator]))
  }

  /// The issues new in the reported period (a count now, a baseline share of 0): they get no
  /// verdict, and the report names them; nil when there are none.
  func sharesNew(_ report: ReportModel) -> String? {
    let new = (report.shares?.issues ?? []).filter { series in
      guard let last = series.series.last else { return false }
      return last.status == .insufficientHistory && last.center == 0 && last.count > 0
    }
    guard !new.isEmpty else { return nil }
    let names = new.map { issue($0.issue) }.joined(separator: self[.listSeparator])
    return self(.sharesNew, names)
  }

  /// The note above the driver tables: the threshold and the two windows.
  func driversNote(_ drivers: ReportModel.Drivers) -> String {
    let window = span(drivers.periods)
    guard !drivers.previousPeriods.isEmpty else {
      return self(.driversNoPrevious, percent(drivers.threshold), window)
    }
    return self(.driversNote, percent(drivers.threshold), window, span(drivers.previousPeriods))
  }

  /// "2026-10" or "2026-08–2026-10", in the language's period names.
  private func span(_ periods: [String]) -> String {
    guard let first = periods.first, let last = periods.last else { return "–" }
    return first == last ? period(first) : "\(period(first))–\(period(last))"
  }

  /// The vital few of a driver table: "leak: 57 (+31 against 26 before), …".
  func driverList(_ table: ReportModel.DriverTable) -> String {
    table.rows.filter(\.vital).map { row in
      if let previous = row.previousCount, let change = row.change {
        return self(
          .driverItemChange, issue(row.issue), count(row.count), signedCount(change),
          count(previous))
      }
      return self(.driverItem, issue(row.issue), count(row.count))
    }.joined(separator: self[.listSeparator])
  }

  /// A whole number with its sign: "+3", "−2", "0".
  func signedCount(_ value: Int) -> String {
    value > 0 ? "+" + count(value) : value < 0 ? "−" + count(-value) : count(0)
  }
}
