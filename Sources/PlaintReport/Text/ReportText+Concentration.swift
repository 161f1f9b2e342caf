extension ReportText {
  /// What the concentration family tested and at which level, in one sentence.
  public func concentrationsNote(_ method: ReportModel.ConcentrationMethod) -> String {
    self(
      .concentrationsNote, count(method.minCount), count(method.minBaselineCount),
      count(method.tested), short(method.fdr, decimals: 4))
  }
}

extension ReportText {
  /// "company ACME: 38 complaints in 2019-W08 against 2.1 expected (upper limit 7.4)."
  public func sliceSignal(_ item: ReportModel.SliceSignal, slice: String, period: String)
    -> String
  {
    let expected = short(item.expected, decimals: 1)
    if let appeared = sliceAppeared(item, slice: slice, period: period) { return appeared }
    if item.status == "watch" {
      return self(.sliceWatch, slice, item.value, count(item.count), self.period(period), expected)
    }
    return self(
      .sliceSignal, slice, item.value, count(item.count), self.period(period), expected,
      short(item.ucl, decimals: 1))
  }

  /// What a slice section counts and how its family is judged, in one sentence.
  public func sliceNote(_ section: ReportModel.SliceSection) -> String {
    let column =
      switch section.column {
      case "@system": self[.sliceBySystem]
      case "@file": self[.sliceByFile]
      default: self(.sliceColumn, section.column)
      }
    return self(
      .sliceNote, section.name, column, count(section.valuesTested),
      section.fdr.map { short($0, decimals: 4) } ?? self[.fdrOff])
  }

  /// What the section says when no value is flagged: that none is out of control, or that the
  /// values were not judged and why (a period the exports do not wholly cover, nothing to test);
  /// then the values with complaints whose history is too short for a verdict.
  public func sliceVerdicts(
    _ section: ReportModel.SliceSection, period: String, minBaselinePeriods: Int
  ) -> [String] {
    var lines: [String] = []
    let when = self.period(period)
    switch section.periodCoverage {
    case "partial": lines.append(self(.sliceNotJudgedPartial, section.name, when))
    case "filling_in": lines.append(self(.sliceNotJudgedFillingIn, section.name, when))
    case "not_covered": lines.append(self(.sliceNotJudgedGap, section.name, when))
    default:
      if section.signals.isEmpty {
        lines.append(
          self(section.valuesTested == 0 ? .sliceNoneTested : .sliceNone, section.name, when))
      }
    }
    if section.periodCoverage == "whole", let silent = sliceSilent(section, period: period) {
      lines.append(silent)
    }
    let short = section.values.filter { $0.status == .insufficientHistory && $0.periodCount > 0 }
    if section.periodCoverage == "whole", !short.isEmpty {
      lines.append(
        self(
          .sliceShortHistory, section.name, when, count(minBaselinePeriods),
          list(short.prefix(10).map(\.value))
            + (short.count > 10 ? " (+\(count(short.count - 10)))" : "")))
    }
    return lines
  }
}
