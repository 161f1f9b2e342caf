import PlaintReport

extension ReportAssembly {
  /// Writes the model's sentences (`method.description`, each concentration's and release's
  /// `text`) in English with ids, from the same functions the renderers use in the reader's
  /// language, so `report.json` and an English page always agree.
  static func writeSentences(_ report: inout ReportModel) {
    let english = ReportText.english
    report.method.description = english.methodDescription(report)
    for index in report.recurrence.concentrations.indices {
      report.recurrence.concentrations[index].text = english.concentration(
        report.recurrence.concentrations[index], period: report.period)
    }
    for section in report.slices?.indices ?? 0..<0 {
      for index in report.slices?[section].signals.indices ?? 0..<0 {
        guard let slice = report.slices?[section] else { continue }
        report.slices?[section].signals[index].text = english.sliceSignal(
          slice.signals[index], slice: slice.name, period: report.period)
      }
    }
    let perUnits = report.method.exposure != ReportModel.Method.countExposure
    for index in report.recurrence.releases.indices {
      report.recurrence.releases[index].text = english.release(
        report.recurrence.releases[index], perUnits: perUnits)
    }
  }
}
