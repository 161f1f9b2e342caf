extension ReportModel {
  /// Writes the model's sentences (`method.description`, each concentration's, slice signal's and
  /// release's `text`) in English, from the same functions the renderers use in the reader's language, so
  /// `report.json` and an English page always agree. Call it once the model is whole: the method
  /// sentence names the baselines of every series.
  public mutating func writeSentences() {
    let english = ReportText.english
    method.description = english.methodDescription(self)
    for index in recurrence.concentrations.indices {
      recurrence.concentrations[index].text = english.concentration(
        recurrence.concentrations[index], period: period)
    }
    for section in slices?.indices ?? 0..<0 {
      for index in slices?[section].signals.indices ?? 0..<0 {
        guard let slice = slices?[section] else { continue }
        slices?[section].signals[index].text = english.sliceSignal(
          slice.signals[index], slice: slice.name, period: period)
      }
    }
    let perUnits = method.exposure != Method.countExposure
    for index in recurrence.releases.indices {
      recurrence.releases[index].text = english.release(
        recurrence.releases[index], perUnits: perUnits)
    }
  }
}
