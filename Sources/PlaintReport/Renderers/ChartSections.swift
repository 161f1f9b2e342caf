import PlaintCore

/// The sections of `index.html` beyond the control charts: run charts of short histories, share
/// charts without sales, what drives each product line, and every cell's chart.
struct ChartSectionsHTML: Sendable {
  var text: ReportText
  /// How many rows of a driver table to show at most (the vital few are usually fewer).
  var listLimit = 20

  private func e(_ value: String) -> String { HTML.escape(value) }
  private func num(_ value: String) -> String { "<td class=\"num\">\(e(value))</td>" }

  // MARK: - Run charts

  func runCharts(_ report: ReportModel) -> String {
    guard !report.runCharts.isEmpty else { return "" }
    let scale = RateScale(report.method, text)
    var html = "<section id=\"run-charts\" class=\"runs\">\n<h2>\(text[.headingRunCharts])</h2>\n"
    html += "<p class=\"note\">"
    html += e(text(.runChartsNote, text.count(report.method.minBaselinePeriods))) + "</p>\n"
    for chart in report.runCharts {
      let title = text.cell(chart.category, chart.productLine, chart.tier)
      let cell = report.cells.first {
        $0.category == chart.category && $0.productLine == chart.productLine
          && $0.tier == chart.tier
      }
      // From the first charted period: the years before a line's history are not the chart.
      let series: [ReportModel.Point] = cell?.series ?? []
      let points = Array(series.drop { $0.rate == nil })
      let svg = SmallChartSVG(
        points: points, title: title, scale: scale, text: text,
        median: chart.median, label: .chartRunLabel, width: 480, height: 150)
      html += "<figure>\n\(svg.render())\n<figcaption class=\"note\">"
      html += e(text.runChartSentence(chart, scale: scale)) + "</figcaption>\n</figure>\n"
    }
    return html + "</section>\n"
  }

  // MARK: - Shares

  func shares(_ report: ReportModel) -> String {
    guard let shares = report.shares, !shares.issues.isEmpty else { return "" }
    var html = "<section id=\"shares\">\n<h2>\(text[.headingShares])</h2>\n"
    html += "<p class=\"note\">\(e(text[.sharesNote]))</p>\n"
    if let leftOut = text.sharesLeftOut(report) { html += "<p>\(e(leftOut))</p>\n" }
    if let new = text.sharesNew(report) { html += "<p>\(e(new))</p>\n" }
    guard !shares.flagged.isEmpty else {
      let quiet = text.sharesQuiet(report).map { "<p>\(e($0))</p>\n" } ?? ""
      return html + quiet + "</section>\n"
    }
    html += "<table>\n<tr><th>\(text[.columnIssue])</th>"
    html += "<th class=\"num\">\(text[.columnCount])</th>"
    html += "<th class=\"num\">\(text[.columnAllComplaints])</th>"
    html += "<th class=\"num\">\(text[.columnShare])</th>"
    html += "<th class=\"num\">\(text[.columnExpectedShare])</th>"
    html += "<th class=\"num\">\(text[.columnUpperLimit])</th>"
    html += "<th>\(text[.factChart])</th><th>\(text[.columnRules])</th>"
    html += "<th>\(text[.columnStatus])</th><th class=\"num\">q</th></tr>\n"
    for finding in shares.flagged {
      html += "<tr><td>\(e(text.issue(finding.issue)))</td>" + num(text.count(finding.count))
      html += num(text.count(finding.total)) + num(text.percent(finding.share))
      html += num(text.percent(finding.center)) + num(text.percent(finding.ucl))
      html += "<td>\(e(finding.chart.rawValue))</td>"
      html += "<td>\(e(finding.rules.map(text.rule).joined(separator: ", ")))</td>"
      html += "<td>\(e(text.status(finding.kind)))</td>"
      html += num(text.probability(finding.qValue)) + "</tr>\n"
    }
    html += "</table>\n"
    for finding in shares.flagged {
      guard let series = shares.issues.first(where: { $0.issue == finding.issue }) else {
        continue
      }
      var chart = ControlChartSVG(points: series.series, title: text.issue(series.issue))
      chart.text = text
      chart.scale = RateScale(sharesIn: text)
      // Beside it, the count chart of the issue's category over every line: a share that steps
      // up while the count stays level is a change in the mix, not in the volume.
      let category = String(series.issue.prefix { $0 != "." })
      let counts = report.rollups.first {
        $0.category == category && $0.productLine == "*" && $0.tier == .all
      }
      html += counts == nil ? "" : "<div class=\"pair\">\n"
      html += "<figure>\n\(chart.render())\n<figcaption class=\"note\">"
      html += e(text(.figShareChart, text.issue(series.issue), series.chart.rawValue))
      html += "</figcaption>\n</figure>\n"
      if let counts {
        var countChart = ControlChartSVG(
          points: counts.series, title: text.cell(counts.category, "*", "*"),
          perThousandUnits: false)
        countChart.text = text
        html += "<figure>\n\(countChart.render())\n<figcaption class=\"note\">"
        html +=
          e(text.cell(counts.category, "*", "*")) + ": "
          + text(.figCountChart, e(counts.chart.rawValue))
        html += text[.figLegendCounts] + text[.sentenceEnd] + "</figcaption>\n</figure>\n</div>\n"
      }
    }
    return html + "</section>\n"
  }

  /// One sentence under the anomalies when an issue's share is an anomaly: the cells may be
  /// quiet while the mix moves.
  func sharesMoved(_ report: ReportModel) -> String {
    guard let line = text.sharesMoved(report) else { return "" }
    return "<p class=\"bad\"><a href=\"#shares\">\(e(line))</a></p>\n"
  }

  // MARK: - Drivers

  func drivers(_ report: ReportModel) -> String {
    let drivers = report.drivers
    guard !drivers.productLines.isEmpty else { return "" }
    var html = "<section id=\"drivers\">\n<h2>\(text[.headingDrivers])</h2>\n"
    html += "<p class=\"note\">\(e(text.driversNote(drivers)))</p>\n"
    html += "<div class=\"vital-few\">\n"
    for table in drivers.productLines {
      html += "<div>\n<h3>\(e(text.productLine(table.productLine)))</h3>\n"
      html += "<p class=\"note\">"
      html += e(text.driverSummary(table))
      html += "</p>\n"
      html += rows(table)
      html += "</div>\n"
    }
    return html + "</div>\n</section>\n"
  }

  /// The vital few of one table, with their count before and the change.
  private func rows(_ table: ReportModel.DriverTable) -> String {
    let vital = table.rows.filter(\.vital)
    guard !vital.isEmpty else { return "<p>\(text[.noComplaintsSentence])</p>\n" }
    var html = "<table>\n<tr><th>\(text[.columnIssue])</th>"
    html += "<th class=\"num\">\(text[.columnCount])</th>"
    html += "<th class=\"num\">\(text[.columnShare])</th>"
    html += "<th class=\"num\">\(text[.columnBefore])</th>"
    html += "<th class=\"num\">\(text[.columnChange])</th></tr>\n"
    for row in vital.prefix(listLimit) {
      html += "<tr><td>\(e(text.issue(row.issue)))</td>" + num(text.count(row.count))
      html += num(text.percent(row.share))
      html += num(row.previousCount.map(text.count) ?? "–")
      html += num(row.change.map(text.signedCount) ?? "–") + "</tr>\n"
    }
    html += "</table>\n"
    if vital.count > listLimit {
      html += "<p class=\"note\">\(text(.andMoreNote, text.count(vital.count - listLimit)))</p>\n"
    }
    return html
  }

  /// The vital few of an anomaly's cell, for its article.
  func anomalyDrivers(_ anomaly: ReportModel.Anomaly, _ report: ReportModel) -> String {
    guard let table = report.drivers.anomalies.first(where: { $0.anomalyID == anomaly.id }),
      table.rows.contains(where: \.vital)
    else { return "" }
    let window = text.driverWindowNotWhole(table).map { " (\(e($0)))" } ?? ""
    return "<p class=\"drivers\">\(text[.factCellDrivers]): "
      + e(text.driverList(table)) + window + "</p>\n"
  }

  // MARK: - Every cell

  /// One small chart per cell over the last `baseline_periods + 1` periods, by tier, category
  /// and product line: what is normal, not only what is flagged.
  func allCells(_ report: ReportModel) -> String {
    guard !report.cells.isEmpty else { return "" }
    let scale = RateScale(report.method, text)
    let window = report.method.baselinePeriods + 1
    // The periods actually drawn: a history shorter than the window is drawn whole.
    let shown = report.cells.map { min(window, $0.series.count) }.max() ?? window
    var html = "<section id=\"cells\">\n<h2>\(text[.headingAllCells])</h2>\n"
    html += "<p class=\"note\">\(e(text(.allCellsNote, text.count(shown), scale.unit)))</p>\n"
    let order: [Rollup<Tier>] = [.only(.keyAccount), .only(.consumer)]
    let tiers =
      order.filter { tier in report.cells.contains { $0.tier == tier } }
      + Set(report.cells.map(\.tier)).subtracting(order).sorted()
    let categories = ["product", "policy", "service", "other"]
    for tier in tiers {
      let heading = text.tier(tier).replacingOccurrences(of: "_", with: " ")
      html += "<h3>\(e(heading))</h3>\n<div class=\"cells\">\n"
      let cells = report.cells.filter { $0.tier == tier }.sorted {
        (categories.firstIndex(of: $0.category) ?? 9, $0.category, $0.productLine)
          < (categories.firstIndex(of: $1.category) ?? 9, $1.category, $1.productLine)
      }
      for cell in cells {
        // A period judged on too short a history has no limits to draw: its centre and limits
        // would be an estimate the verdict itself refused.
        let points = cell.series.suffix(shown).map { point in
          var point = point
          if point.status == .insufficientHistory {
            point.center = nil
            point.ucl = nil
            point.lcl = nil
          }
          return point
        }
        let svg = SmallChartSVG(
          points: points,
          title: "\(text.category(cell.category)) · \(text.productLine(cell.productLine))",
          scale: scale, text: text)
        html += "<figure>\(svg.render())</figure>\n"
      }
      html += "</div>\n"
    }
    return html + "</section>\n"
  }
}

/// The same sections in `summary.md`, as text: Markdown has no charts.
struct ChartSectionsMarkdown: Sendable {
  var text: ReportText

  private func escape(_ value: String) -> String { MarkdownRenderer.escape(value) }

  func runCharts(_ report: ReportModel) -> [String] {
    guard !report.runCharts.isEmpty else { return [] }
    let scale = RateScale(report.method, text)
    var lines = ["## " + text[.headingRunCharts], ""]
    lines.append(escape(text(.runChartsNote, text.count(report.method.minBaselinePeriods))))
    lines.append("")
    for chart in report.runCharts {
      let cell = text.cell(chart.category, chart.productLine, chart.tier)
      lines.append("- **\(escape(cell))**: " + escape(text.runChartSentence(chart, scale: scale)))
    }
    return lines + [""]
  }

  func shares(_ report: ReportModel) -> [String] {
    guard let shares = report.shares, !shares.issues.isEmpty else { return [] }
    var lines = ["## " + text[.headingShares], "", escape(text[.sharesNote]), ""]
    if let leftOut = text.sharesLeftOut(report) { lines += [escape(leftOut), ""] }
    if shares.flagged.isEmpty, let quiet = text.sharesQuiet(report) {
      lines.append(escape(quiet))
    }
    if let new = text.sharesNew(report) { lines += [escape(new), ""] }
    for finding in shares.flagged {
      let line = text(
        .mdShareFinding, text.issue(finding.issue), text.count(finding.count),
        text.count(finding.total), text.percent(finding.share), text.percent(finding.center),
        text.percent(finding.ucl), finding.chart.rawValue, text.status(finding.kind),
        text.probability(finding.qValue))
      lines.append("- " + escape(line))
    }
    return lines + [""]
  }

  func sharesMoved(_ report: ReportModel) -> [String] {
    guard let line = text.sharesMoved(report) else { return [] }
    return ["", escape(line)]
  }

  func drivers(_ report: ReportModel) -> [String] {
    let drivers = report.drivers
    guard !drivers.productLines.isEmpty else { return [] }
    var lines = ["## " + text[.headingDrivers], "", escape(text.driversNote(drivers)), ""]
    for table in drivers.productLines {
      let summary = text.driverSummary(table)
      // A line with no complaint this period has no vital few: no list, no dangling colon.
      let list = text.driverList(table)
      lines.append(
        "- **\(escape(text.productLine(table.productLine)))** (\(escape(summary)))"
          + (list.isEmpty ? "" : ": " + escape(list)))
    }
    for table in drivers.anomalies where table.rows.contains(where: \.vital) {
      let cell = text.cell(table.category, table.productLine, table.tier)
      let window = text.driverWindowNotWhole(table).map { " (\(escape($0)))" } ?? ""
      lines.append(
        "- **\(escape(cell))**, \(text[.factCellDrivers]): " + escape(text.driverList(table))
          + window)
    }
    return lines + [""]
  }

  func allCells(_ report: ReportModel) -> [String] {
    guard !report.cells.isEmpty else { return [] }
    return [escape(text(.mdAllCells, text[.headingAllCells])), ""]
  }
}
