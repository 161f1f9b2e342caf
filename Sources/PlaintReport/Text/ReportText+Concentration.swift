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
    if item.status == "watch" {
      return self(.sliceWatch, slice, item.value, count(item.count), self.period(period), expected)
    }
    return self(
      .sliceSignal, slice, item.value, count(item.count), self.period(period), expected,
      short(item.ucl, decimals: 1))
  }

  /// What a slice section counts and how its family is judged, in one sentence.
  public func sliceNote(_ section: ReportModel.SliceSection) -> String {
    self(
      .sliceNote, section.name, section.column, count(section.valuesTested),
      section.fdr.map { short($0, decimals: 4) } ?? self[.fdrOff])
  }
}
