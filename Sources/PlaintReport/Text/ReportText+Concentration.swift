extension ReportText {
  /// What the concentration family tested and at which level, in one sentence.
  public func concentrationsNote(_ method: ReportModel.ConcentrationMethod) -> String {
    self(
      .concentrationsNote, count(method.minCount), count(method.minBaselineCount),
      count(method.tested), short(method.fdr, decimals: 4))
  }
}
