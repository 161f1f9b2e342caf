import Foundation

/// Renders `index.html`: one self-contained page (inline CSS and SVG, no script, no external
/// resource) that answers at the top how many complaints came in, the rate against its baseline,
/// the anomalies and the vital few, then shows the detail behind each.
///
/// Every string from the model is HTML-escaped; words, numbers and dates come from the model's
/// language (`ReportText`), never from the machine's locale, so the page is byte-identical for the
/// same model on every machine.
public struct HTMLRenderer: Sendable {
  /// How many rows of the Pareto, ticket and gap lists to show before summarising.
  var listLimit = 20

  public init() {}

  /// The language of the page; `render` sets it from the model.
  var text = ReportText.english

  public func render(_ bundle: ReportBundle) -> String {
    var renderer = self
    renderer.text = ReportText(bundle.report)
    return renderer.page(bundle)
  }

  private func page(_ bundle: ReportBundle) -> String {
    let report = bundle.report
    var html = """
      <!DOCTYPE html>
      <html lang="\(text.language.rawValue)">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(text(.pageTitle, e(text.period(report.period)))) · Plaint</title>
      <style>
      \(HTMLStyle.page)
      \(HTMLStyle.chart)
      \(SmallChartSVG.style)
      </style>
      </head>
      <body>

      """
    html += header(report)
    html += notices(report)
    html += summary(report)
    html += anomalyDetails(report)
    let sections = ChartSectionsHTML(text: text)
    // A period with no data has no vital few, drivers, repeat customers or resolution times
    // (they would speak of zero complaints); its charts show it as a gap.
    let known = report.coverage.isCovered
    html += sections.runCharts(report)
    html += sections.shares(report)
    if known {
      html += pareto(report)
      html += sections.drivers(report)
    }
    html += heatmap(bundle)
    html += sections.allCells(report)
    if known {
      html += recurrence(report)
      html += slices(report)
      html += resolution(report)
      html += canaries(report)
    }
    html += dataQuality(bundle)
    html += methodology(report)
    html += "<footer>"
    html += text(.footer, e(bundle.generatedBy), e(report.schema), e(report.taxonomyHash))
    html += " · \(e(text.granularity(report.granularity))) \(e(text.period(report.period)))"
    html += "</footer>\n"
    html += "</body>\n</html>\n"
    return html
  }

  // MARK: - Top of the page

  private func header(_ report: ReportModel) -> String {
    var html = "<header>\n<h1>\(text(.pageHeading, e(text.period(report.period))))</h1>\n"
    // One line here; the whole method, for an auditor, closes the page.
    let method = report.method
    let fdr =
      method.fdr.map { text(.headerFDR, text.short($0, decimals: 2)) } ?? text[.headerNoFDR]
    let line = text(
      .headerMethodLine, method.name, text.short(method.sigma, decimals: 2),
      text.count(method.cellsTested), fdr, text.exposure(method.exposure))
    html += "<p class=\"sub\">\(e(line)) · <a href=\"#method\">\(text[.howJudged])</a></p>\n"
    html += "</header>\n"
    return html
  }

  /// What the reader must know before trusting the numbers below: a partial or uncovered period,
  /// and high shares of unassigned, unclassified or empty complaints.
  private func notices(_ report: ReportModel) -> String {
    let lines = text.coverageNotices(report)
    guard !lines.isEmpty else { return "" }
    var html = "<section id=\"notices\" class=\"notices\">\n"
    for line in lines { html += "<p class=\"bad\">\(e(line))</p>\n" }
    return html + "</section>\n"
  }

  private func summary(_ report: ReportModel) -> String {
    let scale = RateScale(report.method, text)
    var html = "<section id=\"summary\">\n<div class=\"cards\">\n"
    if report.coverage.isCovered {
      html += card(text.count(report.totals.complaints), text[.cardComplaints])
    } else {
      html += card("–", e(text.noData(report)))
    }
    if let rate = report.totals.rate {
      var label = text(.cardRate, scale.unit)
      if let center = report.baselineCenter {
        label += text(.cardBaselineCentre, scale.format(center))
        if center > 0 {
          let change = (rate / center - 1) * 100
          let tone = change > 0 ? "bad" : "ok"
          label += " <span class=\"\(tone)\">(\(text.signedPercent(change)))</span>"
        }
      }
      html += card(scale.format(rate), label)
    } else {
      html += card("–", text[.cardNoRate])
    }
    let newCount = report.anomalies.filter { $0.status == .new }.count
    if let unjudged = text.unjudged(report) {
      html += card("–", e(unjudged))
    } else {
      html += card(
        text.count(report.anomalies.count),
        text.plural(
          report.anomalies.count, .cardAnomalyOne, .cardAnomalyOther, text.count(newCount)),
        alert: !report.anomalies.isEmpty)
      let shares = report.shareAnomalies
      if shares > 0 {
        html += card(
          text.count(shares),
          text.plural(shares, .cardShareAnomalyOne, .cardShareAnomalyOther), alert: true)
      }
    }
    // Days without a row: the count of anomalies may rest on counts that are too low.
    if let days = text.emptyDays(report) {
      html += card(
        text.count(days), text[days == 1 ? .cardEmptyDayOne : .cardEmptyDays], alert: true)
    }
    html += card(text.percent(report.totals.classifiedShare), text[.cardClassified])
    html += "</div>\n"

    html += "<h2>\(text[.headingAnomalies])</h2>\n"
    if report.anomalies.isEmpty {
      if let why = text.nothingJudged(report) {
        html += "<p>\(e(why))</p>\n"
      } else {
        html += "<p>\(text(.noAnomalies, e(text.period(report.period))))</p>\n"
      }
    } else {
      html += anomalyTable(report.anomalies, scale: scale, linked: true)
    }
    if let silent = text.silentCells(report) { html += "<p>\(e(silent))</p>\n" }
    if let shifts = text.levelShifts(report) {
      html += "<p>\(e(shifts.intro))</p>\n<ul class=\"shifts\">\n"
      html += shifts.items.map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
    }
    html += ChartSectionsHTML(text: text).sharesMoved(report)

    html += "<h2>\(text[.headingVitalFew])</h2>\n<div class=\"vital-few\">\n"
    html += vitalList(
      .vitalByIssue, report.pareto.byIssue, threshold: report.pareto.threshold, label: text.issue)
    html += vitalList(
      .vitalByCell, report.pareto.byCell, threshold: report.pareto.threshold,
      label: text.cellKey, notWhole: { text.isNotWhole(cellKey: $0, report) })
    html += "</div>\n"
    if let note = text.vitalNotWhole(report) { html += "<p class=\"note\">\(e(note))</p>\n" }
    html += "</section>\n"
    return html
  }

  private func card(_ value: String, _ labelHTML: String, alert: Bool = false) -> String {
    "<div class=\"card\(alert ? " alert" : "")\"><div class=\"value\">\(e(value))</div>"
      + "<div class=\"label\">\(labelHTML)</div></div>\n"
  }

  private func cellLabel(_ anomaly: ReportModel.Anomaly) -> String {
    text.cell(anomaly.category, anomaly.productLine, anomaly.tier)
  }

  private func anomalyTable(_ anomalies: [ReportModel.Anomaly], scale: RateScale, linked: Bool)
    -> String
  {
    var html = "<table>\n<tr><th>\(text[.columnCell])</th>"
    html += "<th class=\"num\">\(text[.columnCount])</th>"
    html += "<th class=\"num\">\(text[.columnExpected])</th>"
    html += "<th class=\"num\">\(text(.columnUCL, scale.shortUnit))</th>"
    html += "<th class=\"num\">\(text(.columnRate, scale.shortUnit))</th>"
    html += "<th>\(text[.columnRules])</th><th>\(text[.columnStatus])</th>"
    html += "<th class=\"num\">q</th></tr>\n"
    for (index, anomaly) in anomalies.enumerated() {
      let label = e(cellLabel(anomaly))
      let cell = linked ? "<a href=\"#anomaly-\(index + 1)\">\(label)</a>" : label
      html += "<tr><td>\(cell)</td>"
      html += num(text.count(anomaly.count))
      html += num(text.short(anomaly.expected, decimals: 1))
      html += num(scale.format(anomaly.ucl)) + num(scale.format(anomaly.rate))
      html += "<td>\(e(text.watchReasons(anomaly)))</td>"
      html += "<td>\(status(anomaly))</td>"
      html += num(text.probability(anomaly.qValue)) + "</tr>\n"
    }
    return html + "</table>\n"
  }

  private func rules(_ rules: [String]) -> String {
    e(rules.map(text.rule).joined(separator: ", "))
  }

  private func status(_ anomaly: ReportModel.Anomaly) -> String {
    anomaly.status == .continuing
      ? text(.continuingFor, text.count(anomaly.streak)) : e(text.status(anomaly.status))
  }

  private func vitalList(
    _ title: ReportPhrase, _ rows: [ReportModel.ParetoRow], threshold: Double,
    label: (String) -> String, notWhole: (String) -> Bool = { _ in false }
  ) -> String {
    let vital = rows.filter(\.vital)
    var html = "<div>\n<h3>\(text[title])</h3>\n"
    guard !vital.isEmpty else { return html + "<p>\(text[.noComplaintsSentence])</p>\n</div>\n" }
    html += "<p class=\"note\">"
    html += text(
      .htmlVitalSummary, text.count(vital.count), text.count(rows.count),
      text.percent(vital.last?.cumulative), text.percent(threshold))
    html += "</p>\n<ol>\n"
    for row in vital.prefix(listLimit) {
      html += "<li>\(e(label(row.key))) — \(text.count(row.count)) "
      let mark = notWhole(row.key) ? ", " + e(text[.vitalNotWholeMark]) : ""
      html += "(\(text.percent(row.share))\(mark))</li>\n"
    }
    html += "</ol>\n"
    if vital.count > listLimit {
      html += "<p class=\"note\">\(text(.andMoreNote, text.count(vital.count - listLimit)))</p>\n"
    }
    return html + "</div>\n"
  }

  // MARK: - Anomalies

  private func anomalyDetails(_ report: ReportModel) -> String {
    let scale = RateScale(report.method, text)
    var html = ""
    if !report.anomalies.isEmpty {
      html += "<section id=\"anomalies\">\n<h2>\(text[.headingAnomalyDetails])</h2>\n"
      for (index, anomaly) in report.anomalies.enumerated() {
        html += anomalyArticle(
          anomaly, id: "anomaly-\(index + 1)", report: report, scale: scale)
      }
      html += "</section>\n"
    }
    if !report.watches.isEmpty {
      html += "<section id=\"watches\">\n<h2>\(text[.headingWatch])</h2>\n"
      html += "<p class=\"note\">\(text[.watchNote])</p>\n"
      html += anomalyTable(report.watches, scale: scale, linked: false)
      html += "</section>\n"
    }
    if !report.improvements.isEmpty {
      html += "<section id=\"improvements\">\n<h2>\(text[.headingImprovements])</h2>\n"
      html += "<p class=\"note\">\(text[.improvementsNote])</p>\n"
      html += anomalyTable(report.improvements, scale: scale, linked: false)
      html += "</section>\n"
    }
    if !report.resolved.isEmpty {
      html += "<section id=\"resolved\">\n<h2>\(text[.headingResolved])</h2>\n"
      html += "<p class=\"note\">\(text[.resolvedNote])</p>\n"
      html += anomalyTable(report.resolved, scale: scale, linked: false)
      html += "</section>\n"
    }
    return html
  }

  private func anomalyArticle(
    _ anomaly: ReportModel.Anomaly, id: String, report: ReportModel, scale: RateScale
  ) -> String {
    var html = "<article class=\"anomaly\" id=\"\(id)\">\n<h3>\(e(cellLabel(anomaly)))</h3>\n"
    html += "<dl class=\"facts\">\n"
    var facts: [(String, String)] = [
      (text[.columnStatus], status(anomaly)),
      (text[.columnOwner], anomaly.owner.map(e) ?? text[.ownerNone]),
      (
        text[.columnComplaints],
        text(
          .factComplaintsValue, text.count(anomaly.count),
          text.short(anomaly.expected, decimals: 1))
      ),
      (
        text[.factRate],
        text(.factRateValue, scale.format(anomaly.rate), scale.unit, scale.format(anomaly.ucl))
      ),
      (text[.factChart], e(anomaly.chart.rawValue)),
      (text[.columnRules], rules(anomaly.rules)),
      (
        "p / q",
        e("\(text.probability(anomaly.pValue)) / " + text.probability(anomaly.qValue))
      ),
    ]
    if !anomaly.topIssues.isEmpty {
      let issues = anomaly.topIssues.map {
        "\(e(text.issue($0.key))) (\(text.count($0.count)))"
      }
      facts.append((text[.factTopIssues], issues.joined(separator: ", ")))
    }
    for (term, value) in facts { html += "<dt>\(term)</dt><dd>\(value)</dd>\n" }
    html += "</dl>\n"
    let cell = report.cells.first {
      $0.category == anomaly.category && $0.productLine == anomaly.productLine
        && $0.tier == anomaly.tier
    }
    if let cell {
      var chart = ControlChartSVG(
        points: cell.series, title: text.cell(cell.category, cell.productLine, cell.tier),
        perThousandUnits: scale.factor == RateScale.perThousandUnits.factor)
      chart.text = text
      chart.markers = report.releaseMarkers(productLine: cell.productLine)
      html += "<figure>\n\(chart.render())\n<figcaption class=\"note\">"
      // Without sales the chart is of counts (one unit per period), and a grey band can only be
      // a period the exports do not cover whole: there is no exposure to be missing.
      let counts = !report.dataQuality.hasSales
      html += text(counts ? .figCountChart : .figChart, e(cell.chart.rawValue))
      if let phi = cell.phi { html += ", φ = \(text.short(phi))" }
      html += text[counts ? .figLegendCounts : .figLegend]
      if !chart.markers.isEmpty { html += text[.figReleases] }
      html += "\(text[.sentenceEnd])</figcaption>\n"
      html += "</figure>\n"
    }
    let gathered = report.recurrence.concentrations.filter {
      $0.category == anomaly.category && $0.productLine == anomaly.productLine
        && $0.tier == anomaly.tier
    }
    for item in gathered {
      html += "<p class=\"concentration\">"
      html += "\(e(text.concentration(item, period: report.period)))</p>\n"
    }
    html += ChartSectionsHTML(text: text).anomalyDrivers(anomaly, report)
    if !anomaly.ticketIDs.isEmpty {
      let shown = anomaly.ticketIDs.prefix(listLimit).map(e).joined(separator: ", ")
      let more =
        anomaly.ticketIDs.count > listLimit
        ? text(.ticketsMore, text.count(anomaly.ticketIDs.count - listLimit)) : ""
      html += "<p class=\"tickets\">\(text(.ticketsLine, shown + more))</p>\n"
    }
    return html + "</article>\n"
  }

  // MARK: - Pareto

  private func pareto(_ report: ReportModel) -> String {
    let rows = report.pareto.byIssue.map(labelled)
    var html = "<section id=\"pareto\">\n<h2>\(text[.headingPareto])</h2>\n"
    guard !rows.isEmpty else {
      return html + "<p>\(text[.noParetoComplaints])</p>\n</section>\n"
    }
    var chart = ParetoChartSVG(
      rows: rows, threshold: report.pareto.threshold, title: text[.paretoTitle])
    chart.text = text
    let previous = report.pareto.previousByIssue.map(labelled)
    if previous.isEmpty {
      html += "<figure>\n\(chart.render())\n</figure>\n"
    } else {
      // This window beside the one before it, so a new leader stands out.
      var before = ParetoChartSVG(
        rows: previous, threshold: report.pareto.threshold, title: text[.paretoTitlePrevious])
      before.text = text
      let periods = report.pareto.previousPeriods.map(text.period)
      let label =
        periods.count == 1 ? periods[0] : "\(periods.first ?? "")–\(periods.last ?? "")"
      html += "<div class=\"pair\">\n"
      html += "<figure>\n\(chart.render())\n<figcaption>"
      html += "\(e(text.period(report.period)))</figcaption>\n</figure>\n"
      html += "<figure>\n\(before.render())\n<figcaption>\(e(label))</figcaption>\n</figure>\n"
      html += "</div>\n"
    }
    html += "<table>\n<tr><th class=\"num\">#</th><th>\(text[.columnIssue])</th>"
    html += "<th class=\"num\">\(text[.columnCount])</th>"
    html += "<th class=\"num\">\(text[.columnShare])</th>"
    html += "<th class=\"num\">\(text[.columnCumulative])</th>"
    html += "<th>\(text[.columnVital])</th></tr>\n"
    for (index, row) in rows.prefix(listLimit).enumerated() {
      html += "<tr>" + num(text.count(index + 1)) + "<td>\(e(row.key))</td>"
      html += num(text.count(row.count)) + num(text.percent(row.share))
      html += num(text.percent(row.cumulative))
      html += "<td>\(row.vital ? text[.vitalMark] : "")</td></tr>\n"
    }
    html += "</table>\n"
    if rows.count > listLimit {
      html += moreIn(rows.count - listLimit, "pareto.csv")
    }
    if let note = text.vitalNotWhole(report) { html += "<p class=\"note\">\(e(note))</p>\n" }
    return html + "</section>\n"
  }

  /// A Pareto row by issue with the issue's label as its key.
  private func labelled(_ row: ReportModel.ParetoRow) -> ReportModel.ParetoRow {
    var row = row
    row.key = text.issue(row.key)
    return row
  }

  func moreIn(_ count: Int, _ file: String) -> String {
    "<p class=\"note\">\(text(.moreInFile, text.count(count), file))</p>\n"
  }

  // MARK: - Heatmap

  private func heatmap(_ bundle: ReportBundle) -> String {
    let report = bundle.report
    let scale = RateScale(report.method, text)
    let rows = bundle.grid.filter { $0.period == report.period }
    var html =
      "<section id=\"heatmap\">\n<h2>\(text(.headingGrid, e(text.period(report.period))))</h2>\n"
    guard !rows.isEmpty else { return html + "<p>\(text[.noChartedCells])</p>\n</section>\n" }
    html += "<p class=\"note legend\">\(text[.heatLegend]) "
    for (className, label) in [
      ("h0", "< \(text.short(0.75))×"), ("h1", "< \(text.short(0.95))×"), ("h2", "≈ 1×"),
      ("h3", "≥ \(text.short(1.05))×"), ("h4", "≥ \(text.short(1.25))×"),
      ("h5", "≥ \(text.short(1.5))×"), ("na", text[.heatNoRate]), ("flag", text[.heatAnomaly]),
    ] {
      html += "<span class=\"\(className)\">\(e(label))</span>"
    }
    html += "</p>\n"
    let lines = Set(rows.map(\.productLine)).sorted()
    let categories = ordered(
      Set(rows.map(\.category)), first: ["product", "policy", "service", "other"])
    let tiers = ordered(Set(rows.map(\.tier.rawValue)), first: ["key_account", "consumer"])
    var byKey: [String: ReportBundle.GridRow] = [:]
    for row in rows { byKey["\(row.category)\u{0}\(row.productLine)\u{0}\(row.tier)"] = row }
    for tier in tiers {
      html += "<h3>\(e(text.tier(tier).replacingOccurrences(of: "_", with: " ")))</h3>\n"
      html += "<table class=\"heat\">\n<tr><th>\(text[.columnCategory])</th>"
      for line in lines { html += "<th>\(e(text.productLine(line)))</th>" }
      html += "</tr>\n"
      for category in categories {
        html += "<tr><th>\(e(text.category(category)))</th>"
        for line in lines {
          guard let row = byKey["\(category)\u{0}\(line)\u{0}\(tier)"] else {
            html += "<td class=\"na\">–</td>"
            continue
          }
          var classes = heatClass(row)
          if row.status == .anomaly { classes += " flag" }
          let tooltip =
            text.cell(row.category, row.productLine, row.tier) + ": " + text.status(row.status)
          html += "<td class=\"\(classes)\" title=\"\(e(tooltip))\">"
          if row.status == .notCovered {
            html += "\(text[.heatNoData])</td>"
            continue
          }
          html +=
            "\(text.count(row.count))<br><small>\(scale.format(row.rate))</small></td>"
        }
        html += "</tr>\n"
      }
      html += "</table>\n"
    }
    html += "<p class=\"note\">\(text(.heatNote, scale.heading))</p>\n"
    return html + "</section>\n"
  }

  private func heatClass(_ row: ReportBundle.GridRow) -> String {
    guard let rate = row.rate, let center = row.center else { return "na" }
    if center <= 0 { return rate > 0 ? "h5" : "h2" }
    let ratio = rate / center
    switch ratio {
    case ..<0.75: return "h0"
    case ..<0.95: return "h1"
    case ..<1.05: return "h2"
    case ..<1.25: return "h3"
    case ..<1.5: return "h4"
    default: return "h5"
    }
  }

  private func ordered(_ values: Set<String>, first: [String]) -> [String] {
    first.filter(values.contains) + values.subtracting(first).sorted()
  }

  // MARK: - Recurrence and resolution

  private func recurrence(_ report: ReportModel) -> String {
    let recurrence = report.recurrence
    var html = "<section id=\"recurrence\">\n<h2>\(text[.headingRecurrence])</h2>\n"
    if recurrence.repeatCustomers.isEmpty && recurrence.recurringIssues.isEmpty
      && recurrence.concentrations.isEmpty && recurrence.returning.isEmpty
      && recurrence.releases.isEmpty
    {
      html += "<p>\(text[.noRecurrence])</p>\n"
      if recurrence.customersNamed == false {
        html += "<p>\(text[.labelRepeatComplainants]): \(e(text[.customersNotNamed]))</p>\n"
      }
      if let method = report.method.concentrations {
        html += "<p class=\"note\">\(e(text.concentrationsNote(method)))</p>\n"
      }
      return html + "</section>\n"
    }
    if !recurrence.concentrations.isEmpty {
      html += "<h3>\(text[.labelConcentrations])</h3>\n"
      if let method = report.method.concentrations {
        html += "<p class=\"note\">\(e(text.concentrationsNote(method)))</p>\n"
      }
      html += "<ul>\n"
      for item in recurrence.concentrations {
        html +=
          "<li>\(e(text.concentration(item, period: report.period))) <span class=\"note\">p "
        html += "\(e(text.probability(item.pValue))), q "
        html += "\(e(text.probability(item.qValue))), h = "
        html += "\(e(text.short(item.effectSize)))</span></li>\n"
      }
      html += "</ul>\n"
    } else if let method = report.method.concentrations {
      html += "<h3>\(text[.labelConcentrations])</h3>\n"
      html += "<p>\(text[.noneFound]) <span class=\"note\">"
      html += "\(e(text.concentrationsNote(method)))</span></p>\n"
    }
    if !recurrence.returning.isEmpty {
      html += "<h3>\(text[.labelReturning])</h3>\n<table>\n<tr><th>\(text[.columnCell])</th>"
      html += "<th>\(text[.columnIssueNow])</th><th>\(text[.columnFlaggedBefore])</th>"
      html += "<th>\(text[.columnResolvedPeriod])</th><th>\(text[.columnIssuesThen])</th>"
      html += "<th>\(text[.columnOwner])</th></tr>\n"
      for item in recurrence.returning {
        let cell = text.cell(item.category, item.productLine, item.tier)
        html += "<tr><td>\(e(cell))</td><td>\(e(item.issue.map(text.issue) ?? "–"))</td>"
        html += "<td>\(e(text.period(item.previousPeriod)))</td>"
        html += "<td>\(e(text.period(item.resolvedPeriod)))</td>"
        html += "<td>\(e(item.previousIssues.map(text.issue).joined(separator: ", ")))</td>"
        html += "<td>\(e(item.owner ?? ""))</td></tr>\n"
      }
      html += "</table>\n"
    }
    if !recurrence.recurringIssues.isEmpty {
      html += "<h3>\(text[.labelRecurringIssues])</h3>\n<table>\n"
      html += "<tr><th>\(text[.columnIssue])</th><th>\(text[.columnVitalIn])</th></tr>\n"
      for issue in recurrence.recurringIssues {
        let periods = issue.periods.map(text.period).joined(separator: ", ")
        html += "<tr><td>\(e(text.issue(issue.issue)))</td><td>\(e(periods))</td></tr>\n"
      }
      html += "</table>\n"
    }
    if recurrence.customersNamed == false {
      html += "<h3>\(text[.labelRepeatComplainants])</h3>\n"
      html += "<p>\(e(text[.customersNotNamed]))</p>\n"
    }
    if !recurrence.repeatCustomers.isEmpty {
      html += "<h3>\(text[.labelRepeatComplainants])</h3>\n<table>\n"
      html += "<tr><th>\(text[.columnCustomer])</th>"
      html += "<th class=\"num\">\(text[.columnComplaints])</th>"
      html += "<th>\(text[.columnKeyAccount])</th><th>\(text[.columnIssues])</th></tr>\n"
      for customer in recurrence.repeatCustomers.prefix(listLimit) {
        html += "<tr><td>\(e(customer.customer))</td>" + num(text.count(customer.count))
        html += "<td>\(customer.keyAccount ? text[.yes] : "")</td>"
        html += "<td>\(e(customer.issues.map(text.issue).joined(separator: ", ")))</td></tr>\n"
      }
      html += "</table>\n"
      if recurrence.repeatCustomers.count > listLimit {
        html += moreIn(recurrence.repeatCustomers.count - listLimit, "repeat-customers.csv")
      }
    }
    html += releases(report)
    return html + "</section>\n"
  }

  private func releases(_ report: ReportModel) -> String {
    let releases = report.recurrence.releases
    guard !releases.isEmpty else { return "" }
    let scale = RateScale(report.method, text)
    let perUnits = scale.factor == RateScale.perThousandUnits.factor
    var html = "<h3>\(text[.headingReleases])</h3>\n"
    html += "<p class=\"note\">\(text[.releasesNote])</p>\n<ul>\n"
    for release in releases {
      html +=
        "<li class=\"release \(e(release.verdict.rawValue.replacingOccurrences(of: " ", with: "-")))\">"
      html += "\(e(text.release(release, perUnits: perUnits)))</li>\n"
    }
    html += "</ul>\n"
    var lines: [String] = []
    for release in releases where !lines.contains(release.productLine) {
      lines.append(release.productLine)
    }
    for line in lines {
      guard
        let series = report.rollups.first(where: {
          $0.category == "*" && $0.productLine == line && $0.tier == .all
        })
      else { continue }
      var chart = ControlChartSVG(
        points: series.series,
        title: text.cell(series.category, series.productLine, series.tier),
        perThousandUnits: perUnits)
      chart.text = text
      chart.markers = report.releaseMarkers(productLine: line)
      html += "<figure>\n\(chart.render())\n<figcaption class=\"note\">"
      html += "\(text(.releaseFigure, e(text.productLine(line))))</figcaption>\n</figure>\n"
    }
    return html
  }

  private func resolution(_ report: ReportModel) -> String {
    let resolution = report.resolution
    let without = report.dataQuality.withoutResolution
    guard !resolution.byCategory.isEmpty || !resolution.openPastSLA.isEmpty || !without.isEmpty
    else { return "" }
    var html = "<section id=\"resolution\">\n<h2>\(text[.headingResolutionTimes])</h2>\n"
    for note in text.resolutionNotes(report.dataQuality) {
      html += "<p class=\"note\">\(e(note))</p>\n"
    }
    guard !resolution.byCategory.isEmpty || !resolution.openPastSLA.isEmpty else {
      return html + "</section>\n"
    }
    if let sla = resolution.slaHours {
      html += "<p class=\"note\">\(text(.slaNote, e(text.short(sla))))</p>\n"
    }
    func table(
      _ heading: ReportPhrase, _ rows: [ReportModel.ResolutionRow], _ label: (String) -> String
    ) -> String {
      var html = "<table>\n<tr><th>\(text[heading])</th>"
      html += "<th class=\"num\">\(text[.columnComplaints])</th>"
      html += "<th class=\"num\">\(text[.columnMedianHours])</th>"
      html += "<th class=\"num\">\(text[.columnP90Hours])</th>"
      html += "<th class=\"num\">\(text[.columnSLABreached])</th>"
      html += "<th class=\"num\">\(text[.columnOpenPastSLA])</th></tr>\n"
      for row in rows {
        html += "<tr><td>\(e(label(row.key)))</td>" + num(text.count(row.complaints))
        html += num(text.short(row.medianHours, decimals: 1))
        html += num(text.short(row.p90Hours, decimals: 1))
        html += num(text.percent(row.slaBreachShare))
        html += num(text.count(row.openPastSLA)) + "</tr>\n"
      }
      return html + "</table>\n"
    }
    html += table(.columnCategory, resolution.byCategory, text.category)
    if !resolution.byCell.isEmpty {
      let worst = resolution.byCell.sorted {
        ($0.slaBreachShare ?? 0, $1.key) > ($1.slaBreachShare ?? 0, $0.key)
      }
      html += "<h3>\(text[.headingCellsBySLA])</h3>\n"
      html += table(.columnCell, Array(worst.prefix(listLimit)), text.cellKey)
      if worst.count > listLimit {
        html += moreIn(worst.count - listLimit, "resolution.csv")
      }
    }
    let open = resolution.openPastSLA
    html += "<h3>\(text[.headingOpenPastSLA])</h3>\n"
    if open.isEmpty {
      html += "<p>\(text[.noOpenPastSLA])</p>\n"
    } else {
      html += "<p>\(text(.openPastSLASummary, text.count(open.count)))</p>\n<table>\n"
      html += "<tr><th>\(text[.columnTicket])</th><th>\(text[.columnCreated])</th>"
      html += "<th>\(text[.columnCell])</th><th>\(text[.columnIssue])</th>"
      html += "<th class=\"num\">\(text[.columnHoursOpen])</th>"
      html += "<th>\(text[.columnOwner])</th></tr>\n"
      for item in open.prefix(listLimit) {
        let cell = text.cell(item.category, item.productLine, item.tier)
        html += "<tr><td>\(e(item.system)):\(e(item.id))</td>"
        html += "<td>\(e(text.date(item.created)))</td>"
        html += "<td>\(e(cell))</td><td>\(e(text.issue(item.issue, in: item.category)))</td>"
        html += num(text.short(item.hoursOpen, decimals: 0))
        html += "<td>\(e(item.owner ?? ""))</td></tr>\n"
      }
      html += "</table>\n"
      if open.count > listLimit {
        html += moreIn(open.count - listLimit, "open-past-sla.csv")
      }
    }
    return html + "</section>\n"
  }

  private func canaries(_ report: ReportModel) -> String {
    let canaries = report.canaries
    guard !canaries.found.isEmpty || !canaries.missing.isEmpty else { return "" }
    var html = "<section id=\"canaries\">\n<h2>\(text[.headingCanaries])</h2>\n"
    html += "<p class=\"note\">\(text[.canariesNote])</p>\n"
    if !canaries.missing.isEmpty {
      html += "<p class=\"bad\">"
      html += text(.canariesMissing, canaries.missing.map(e).joined(separator: ", "))
      html += "</p>\n"
    }
    if !canaries.found.isEmpty {
      html += "<table>\n<tr><th>\(text[.columnTicket])</th><th>\(text[.columnPeriod])</th>"
      html += "<th>\(text[.columnLandedIn])</th><th>\(text[.columnIssue])</th>"
      html += "<th>\(text[.columnMatchedBy])</th></tr>\n"
      for item in canaries.found {
        let cell = text.cell(item.category, item.productLine, item.tier)
        html += "<tr><td>\(e(item.system)):\(e(item.id))</td>"
        html += "<td>\(e(text.period(item.period)))</td>"
        html += "<td>\(e(cell))</td><td>\(e(text.issue(item.issue, in: item.category)))</td>"
        html += "<td>\(e(text.matchedBy(item.matchedBy)))</td></tr>\n"
      }
      html += "</table>\n"
    }
    return html + "</section>\n"
  }

  // MARK: - Data quality and method

  private func dataQuality(_ bundle: ReportBundle) -> String {
    let report = bundle.report
    var html = "<section id=\"quality\">\n<h2>\(text[.headingDataQuality])</h2>\n"
    html += "<h3>\(text[.headingInputs])</h3>\n"
    if report.inputs.isEmpty {
      html += "<p>\(text[.noInputs])</p>\n"
    } else {
      html += "<table>\n<tr><th>\(text[.columnFile])</th>"
      html += "<th class=\"num\">\(text[.columnRowsRead])</th>"
      html += "<th class=\"num\">\(text[.columnAccepted])</th>"
      html += "<th class=\"num\">\(text[.columnRejected])</th>"
      html += "<th class=\"num\">\(text[.columnDuplicates])</th>"
      html += "<th class=\"num\">\(text[.columnFiltered])</th>"
      html += "<th class=\"num\">\(text[.columnBytesReplaced])</th></tr>\n"
      for input in report.inputs {
        html += "<tr><td>\(e(input.path))</td>" + num(text.count(input.rowsRead))
        html += num(text.count(input.accepted)) + num(text.count(input.rejected))
        html += num(text.count(input.duplicates)) + num(text.count(input.filtered))
        html += num(text.count(input.replacedBytes)) + "</tr>\n"
      }
      html += "</table>\n"
    }

    html += "<h3>\(text[.headingRejectedRows])</h3>\n"
    if bundle.rejects.isEmpty {
      html += "<p>\(text[.noRejects])</p>\n"
    } else {
      var reasons: [String: Int] = [:]
      for reject in bundle.rejects { reasons[reject.reason, default: 0] += 1 }
      let sorted = reasons.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
      html += "<table>\n<tr><th>\(text[.columnReason])</th>"
      html += "<th class=\"num\">\(text[.columnRows])</th></tr>\n"
      for (reason, count) in sorted {
        html += "<tr><td>\(e(reason))</td>" + num(text.count(count)) + "</tr>\n"
      }
      html += "</table>\n<p class=\"note\">\(text[.rejectsNote])</p>\n"
    }

    html += "<h3>\(text[.headingClassification])</h3>\n<p>"
    html += text(.unclassifiedShare, text.percent(report.totals.classifiedShare.map { 1 - $0 }))
    if report.dataQuality.emptyText > 0 {
      html += " " + e(text.emptyText(report.dataQuality.emptyText))
    }
    if report.reclassified > 0 {
      html += " " + text(.htmlReclassified, text.count(report.reclassified))
    }
    html += "</p>\n"
    if !report.unclassifiedTerms.isEmpty {
      let terms = report.unclassifiedTerms.prefix(listLimit).map {
        "\(e($0.term)) (\(text.count($0.count)))"
      }
      html += "<p class=\"note\">"
      html += text(.unclassifiedTerms, terms.joined(separator: ", ")) + "</p>\n"
    }

    html += coverage(report)
    html += "<h3>\(text[.headingDataGaps])</h3>\n"
    if report.dataGaps.isEmpty {
      html +=
        report.dataQuality.hasSales
        ? "<p>\(text[.noDataGaps])</p>\n" : "<p>\(text[.noSales])</p>\n"
    } else {
      html += "<p>\(text(.dataGapsSummary, text.count(report.dataGaps.count)))</p>\n<table>\n"
      html += "<tr><th>\(text[.columnPeriod])</th><th>\(text[.columnProductLine])</th>"
      html += "<th>\(text[.columnTier])</th><th>\(text[.columnReason])</th></tr>\n"
      for gap in report.dataGaps.prefix(listLimit) {
        html += "<tr><td>\(e(text.period(gap.period)))</td>"
        html += "<td>\(e(text.productLine(gap.productLine)))</td>"
        html += "<td>\(e(text.tier(gap.tier)))</td><td>\(e(text.status(gap.reason)))</td></tr>\n"
      }
      html += "</table>\n"
      if report.dataGaps.count > listLimit {
        html += moreIn(report.dataGaps.count - listLimit, "report.json")
      }
    }
    return html + "</section>\n"
  }

  /// Each export's span of days, and the runs of periods each line's exports do not cover.
  private func coverage(_ report: ReportModel) -> String {
    let coverage = report.coverage
    var html = "<h3>\(text[.headingCoverage])</h3>\n"
    guard !coverage.files.isEmpty else { return html + "<p>\(text[.noCoveredFiles])</p>\n" }
    html += "<table>\n<tr><th>\(text[.columnExport])</th><th>\(text[.columnCovers])</th>"
    html += "<th>\(text[.columnProductLines])</th></tr>\n"
    for file in coverage.files.prefix(listLimit) {
      let lines = file.productLines.map(text.productLine).joined(separator: text[.listSeparator])
      html += "<tr><td>\(e(file.path))</td><td>\(e(text.fileSpan(file)))</td>"
      html += "<td>\(e(lines))</td></tr>\n"
    }
    html += "</table>\n"
    if coverage.files.count > listLimit {
      html += moreInReport(coverage.files.count - listLimit)
    }
    if coverage.gaps.isEmpty {
      html += "<p>\(text[.coverageWhole])</p>\n"
      return html
    }
    html += "<p>\(text[.coverageGapsNote])</p>\n"
    html +=
      "<table>\n<tr><th>\(text[.columnProductLine])</th><th>\(text[.columnPeriods])</th></tr>\n"
    for gap in coverage.gaps.prefix(listLimit) {
      html += "<tr><td>\(e(text.productLine(gap.productLine)))</td>"
      html += "<td>\(e(text.gap(gap, granularity: report.granularity)))</td></tr>\n"
    }
    html += "</table>\n"
    if coverage.gaps.count > listLimit {
      html += moreInReport(coverage.gaps.count - listLimit)
    }
    return html
  }

  /// "12 more in report.json." under a cut coverage table.
  private func moreInReport(_ count: Int) -> String {
    "<p class=\"note\">\(text(.moreInFile, text.sentenceCount(count), "report.json"))</p>\n"
  }

  private func methodology(_ report: ReportModel) -> String {
    let method = report.method
    var html = "<section id=\"method\">\n<h2>\(text[.headingMethod])</h2>\n"
    html += "<p>\(e(text.methodDescription(report)))</p>\n"
    html += "<dl class=\"facts\">\n"
    let facts: [(ReportPhrase, String)] = [
      (.factMethod, e(method.name)),
      (.factLimits, "k = \(text.short(method.sigma))"),
      (
        .factBaseline,
        text(
          .factBaselineValue, text.count(method.baselinePeriods),
          text.count(method.minBaselinePeriods))
      ),
      (.factMinimumCount, text.count(method.minCount)),
      (.factFDR, method.fdr.map { text.short($0, decimals: 4) } ?? text[.fdrOff]),
      (.columnRules, rules(method.rules)),
      (.factExposure, e(text.exposure(method.exposure))),
      (.factRates, text(.factRatesValue, RateScale(method, text).unit)),
      (
        .factRunRules,
        text[method.runRules == "watch" ? .factRunRulesWatch : .factRunRulesAnomaly]
      ),
      (.factSmallCountWeight, text.short(method.smallCountWeight, decimals: 2)),
    ]
    for (term, value) in facts { html += "<dt>\(text[term])</dt><dd>\(value)</dd>\n" }
    return html + "</dl>\n</section>\n"
  }

  // MARK: - Helpers

  func e(_ value: String) -> String { HTML.escape(value) }

  /// A right-aligned table cell; the text is escaped ("< 0.0001" is a p-value, not markup).
  func num(_ value: String) -> String { "<td class=\"num\">\(e(value))</td>" }
}
