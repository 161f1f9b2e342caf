extension MarkdownRenderer {
  /// A slice's section: what it counts, its flagged values and its vital few.
  func slice(_ section: ReportModel.SliceSection, report: ReportModel) -> [String] {
    var lines = ["## " + Self.escape(text(.headingSlice, section.name)), ""]
    lines.append(Self.escape(text.sliceNote(section)))
    lines.append("")
    for verdict in text.sliceVerdicts(
      section, period: report.period, minBaselinePeriods: report.method.minBaselinePeriods)
    {
      lines.append("- " + Self.escape(verdict))
    }
    for signal in section.signals {
      lines.append(
        "- " + Self.escape(text.sliceSignal(signal, slice: section.name, period: report.period))
          + " (p \(text.probability(signal.pValue)), q \(text.probability(signal.qValue)))")
    }
    let vital = section.values.filter(\.vital).prefix(vitalLimit).map {
      "\(Self.escape($0.value)) \(text.count($0.count)) (\(text.percent($0.share)))"
    }
    if !vital.isEmpty {
      lines.append("- **\(text[.columnVital]):** " + vital.joined(separator: "; "))
    }
    if section.withoutValue > 0 {
      lines.append(
        "- " + Self.escape(text(.sliceWithout, text.count(section.withoutValue), section.name)))
    }
    return lines
  }
}
