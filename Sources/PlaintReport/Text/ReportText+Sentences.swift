import PlaintCore

/// The report's longer sentences, built from the model's fields in the reader's language.
///
/// The engine writes the English of the same functions into `report.json` (`description`,
/// `text`), so the JSON and an English page always say the same.
extension ReportText {
  /// What judged the report, in one paragraph: the method, baselines, flagging rules, exposure
  /// and the charts the cells got this period.
  public func methodDescription(_ report: ReportModel) -> String {
    let method = report.method
    let series = report.cells + report.rollups
    let frozen = series.compactMap { $0.baseline?.kind == "frozen" ? $0.baseline : nil }
    let rolling = self(
      .methodRollingBaseline, count(method.baselinePeriods), count(method.minBaselinePeriods))
    var baseline: String
    if let sample = frozen.first {
      baseline = self(
        .methodFrozenBaselines, period(sample.through ?? ""), count(frozen.count),
        count(series.count))
      if frozen.count < series.count {
        baseline += self(.methodFrozenRest, count(series.count - frozen.count), rolling)
      }
    } else {
      baseline = rolling
    }
    let fdr = method.fdr.map { self(.methodFDR, plain($0)) } ?? self[.methodNoFDR]
    let exposure =
      method.exposure == ReportModel.Method.countExposure
      ? self[.methodCountExposure] : self[.methodSalesExposure]
    let short = report.cells.filter {
      $0.series.last { $0.period == report.period }?.status == .insufficientHistory
    }.count
    return self(
      .methodDescription, method.name, plain(method.sigma), baseline, count(method.minCount),
      fdr, exposure)
      + " " + self[.methodCoverage] + " " + procedureSentence(method) + " "
      + chartSentence(method.charts, tested: method.cellsTested, short: short)
      + appearedMethod(report)
  }

  /// The procedure that turns signals into anomalies, and what the harness measured for it.
  func procedureSentence(_ method: ReportModel.Method) -> String {
    var sentence = method.fdr.map { self(.procedureFDR, plain($0)) } ?? self[.procedureNoFDR]
    if method.fdr != nil, method.smallCountWeight != 1 {
      sentence += self(.procedureWeighted, plain(method.smallCountWeight))
    }
    sentence += self[method.runRules == "watch" ? .procedureWatch : .procedureRunRules]
    if let run = DetectorSettings.shiftRunLength(
      rebaselineAfter: method.rebaselineAfter, minBaselinePeriods: method.minBaselinePeriods)
    {
      sentence += " " + self(.procedureRebaseline, count(run))
    }
    guard method.simulatedAtDefaults else { return sentence + " " + self[.procedureNotSimulated] }
    let figures = SimulatedPerformance.defaults
    return sentence + " "
      + self(
        .procedureSimulated, count(figures.histories), percent(figures.size),
        percent(figures.stepTwiceAt20), percent(figures.stepTwiceAt100), percent(figures.spike),
        percent(figures.trendAt100), percent(figures.trendAt20))
  }

  /// Which chart each cell got this period and why, and how many cells the FDR family held.
  func chartSentence(_ charts: [String: Int], tested: Int, short: Int) -> String {
    let reasons: [(String, ReportPhrase)] = [
      ("u", .chartsU), ("laney", .chartsLaney), ("poisson", .chartsPoisson), ("p", .chartsP),
      ("laney_p", .chartsLaneyP),
    ]
    let parts = reasons.compactMap { chart, why in charts[chart].map { self(why, count($0)) } }
    let charted = charts.values.reduce(0, +)
    var sentence = self(.chartsCharted, count(charted))
    if !parts.isEmpty { sentence += self(.chartsList, parts.joined(separator: ", ")) }
    sentence += self(.chartsTested, count(tested))
    if short > 0 { sentence += self(.chartsShort, count(short)) }
    return sentence + self[.sentenceEnd]
  }

  /// "45 % of 2026-10's service / Robot Vacuums / consumer complaints (59 of 131) arrived
  /// 09–10h; baseline 6 %."
  public func concentration(_ item: ReportModel.Concentration, period: String) -> String {
    let what: String
    switch item.dimension {
    case .hour:
      let hour = Int(item.value) ?? 0
      let next = (hour + 1) % 24
      what = self(.concentrationHour, item.value, OutputNumber.twoDigits(next))
    case .weekday: what = self(.concentrationWeekday, weekday(item.value))
    case .agent: what = self(.concentrationAgent, item.value)
    case .channel: what = self(.concentrationChannel, item.value)
    case .slice(let name): what = self(.concentrationSlice, name, item.value)
    }
    return self(
      .concentration, wholePercent(item.share), self.period(period),
      cell(item.category, item.productLine, item.tier), count(item.count), count(item.total),
      what, wholePercent(item.baselineShare))
  }

  /// What a release did to its product line's complaint rate, in one sentence.
  public func release(_ item: ReportModel.ReleaseEffect, perUnits: Bool) -> String {
    let subject = self(.releaseSubject, productLine(item.productLine), category(item.category))
    let name = "\(item.name) (\(date(item.date)))"
    guard item.verdict != .notEnoughData else {
      return self(.releaseNotEnoughData, subject, name)
    }
    func rate(_ value: Double?) -> String {
      guard let value else { return "–" }
      return ungrouped(perUnits ? value * 1000 : value, decimals: 2)
    }
    let change = item.ratio.map { "×" + ungrouped($0, decimals: 2) } ?? "–"
    let p =
      item.pValue.map {
        $0 < 0.0001
          ? "p < " + ungrouped(0.0001, decimals: 4) : "p = " + ungrouped($0, decimals: 4)
      } ?? ""
    let verdict: ReportPhrase =
      switch item.verdict {
      case .up: .releaseRose
      case .down: .releaseFell
      case .noChange, .notEnoughData: .releaseSame
      }
    return self(
      verdict, subject, name, rate(item.rateBefore), rate(item.rateAfter),
      perUnits ? self[.unitPerThousandUnits] : self[.unitPerPeriod],
      count(item.periodsBefore.count), count(item.periodsAfter.count), change, p)
  }
}
