extension HTMLRenderer {
  /// One section per slice: the flagged values in sentences, the Pareto of the window, and the
  /// count chart of each charted value. Nothing when no slice is configured.
  func slices(_ report: ReportModel) -> String {
    var html = ""
    for section in report.slices ?? [] {
      html += "<section id=\"slice-\(e(section.name))\" class=\"slice\">\n"
      html += "<h2>\(e(text(.headingSlice, section.name)))</h2>\n"
      html += "<p class=\"note\">\(e(text.sliceNote(section)))</p>\n"
      for verdict in text.sliceVerdicts(
        section, period: report.period, minBaselinePeriods: report.method.minBaselinePeriods)
      {
        html += "<p>\(e(verdict))</p>\n"
      }
      if !section.signals.isEmpty {
        html += "<ul>\n"
        for signal in section.signals {
          html += "<li>\(e(text.sliceSignal(signal, slice: section.name, period: report.period)))"
          html += " <span class=\"note\">p \(e(text.probability(signal.pValue))), q "
          html += "\(e(text.probability(signal.qValue)))</span></li>\n"
        }
        html += "</ul>\n"
      }
      let rows = section.values.map {
        ReportModel.ParetoRow(
          key: $0.value, count: $0.count, share: $0.share, cumulative: $0.cumulative,
          vital: $0.vital)
      }
      if !rows.isEmpty {
        var chart = ParetoChartSVG(
          rows: rows, threshold: report.pareto.threshold,
          title: text(.headingSlice, section.name))
        chart.text = text
        html += "<figure>\n\(chart.render())\n</figure>\n"
        html += "<table>\n<tr><th class=\"num\">#</th><th>\(text[.columnValue])</th>"
        html += "<th class=\"num\">\(text[.columnCount])</th>"
        html += "<th class=\"num\">\(text[.columnShare])</th>"
        html += "<th class=\"num\">\(text[.columnCumulative])</th>"
        html += "<th>\(text[.columnVital])</th><th>\(text[.columnStatus])</th></tr>\n"
        for (index, row) in section.values.prefix(listLimit).enumerated() {
          html += "<tr>" + num(text.count(index + 1)) + "<td>\(e(row.value))</td>"
          html += num(text.count(row.count)) + num(text.percent(row.share))
          html += num(text.percent(row.cumulative))
          html += "<td>\(row.vital ? text[.vitalMark] : "")</td>"
          html += "<td>\(e(text.status(row.status)))</td></tr>\n"
        }
        html += "</table>\n"
        if section.values.count > listLimit {
          html += moreIn(section.values.count - listLimit, "slice-\(section.name).csv")
        }
      }
      if section.withoutValue > 0 {
        html += "<p class=\"note\">"
        html += "\(e(text(.sliceWithout, text.count(section.withoutValue), section.name)))</p>\n"
      }
      for series in section.series {
        var chart = ControlChartSVG(
          points: series.series, title: "\(section.name) \(series.value)",
          perThousandUnits: false)
        chart.text = text
        html += "<figure>\n\(chart.render())\n<figcaption class=\"note\">"
        html += e(text(.sliceFigure, section.name, series.value)) + " "
        html += text(.figChart, e(series.chart))
        if let phi = series.phi { html += ", φ = \(text.short(phi))" }
        html += text[.figLegend]
        html += "\(text[.sentenceEnd])</figcaption>\n</figure>\n"
      }
      html += "</section>\n"
    }
    return html
  }
}
