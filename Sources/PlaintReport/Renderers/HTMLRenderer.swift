import Foundation

/// Renders `index.html`: one self-contained page (inline CSS and SVG, no script, no external
/// resource) that answers at the top how many complaints came in, the rate against its baseline,
/// the anomalies and the vital few, then shows the detail behind each.
///
/// Every string from the model is HTML-escaped; numbers come from `OutputNumber`, so the page is
/// byte-identical for the same model on every machine.
public struct HTMLRenderer: Sendable {
  /// How many rows of the Pareto, ticket and gap lists to show before summarising.
  var listLimit = 20

  public init() {}

  public func render(_ bundle: ReportBundle) -> String {
    let report = bundle.report
    var html = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>Complaints \(e(report.period)) · Plaint</title>
      <style>
      \(HTMLStyle.page)
      \(HTMLStyle.chart)
      </style>
      </head>
      <body>

      """
    html += header(report)
    html += summary(report)
    html += anomalyDetails(report)
    html += pareto(report)
    html += heatmap(bundle)
    html += recurrence(report)
    html += resolution(report)
    html += canaries(report)
    html += dataQuality(bundle)
    html += methodology(report)
    html += "<footer>\(e(bundle.generatedBy)) · schema \(e(report.schema)) · taxonomy "
    html += "\(e(report.taxonomyHash)) · \(e(report.granularity)) \(e(report.period))</footer>\n"
    html += "</body>\n</html>\n"
    return html
  }

  // MARK: - Top of the page

  private func header(_ report: ReportModel) -> String {
    var html = "<header>\n<h1>Complaints · \(e(report.period))</h1>\n"
    // One line here; the whole method, for an auditor, closes the page.
    let method = report.method
    let fdr = method.fdr.map { "FDR q ≤ \(OutputNumber.short($0, decimals: 2))" } ?? "no FDR"
    let line =
      "Control method \(method.name), k = \(OutputNumber.short(method.sigma, decimals: 2)), "
      + "\(method.cellsTested) cells tested, \(fdr), exposure: \(method.exposure)"
    html += "<p class=\"sub\">\(e(line)) · <a href=\"#method\">how this was judged</a></p>\n"
    html += "</header>\n"
    return html
  }

  private func summary(_ report: ReportModel) -> String {
    let scale = RateScale(report.method)
    var html = "<section id=\"summary\">\n<div class=\"cards\">\n"
    html += card(OutputNumber.count(report.totals.complaints), "complaints")
    if let rate = report.totals.rate {
      var label = "complaints \(scale.unit)"
      if let center = report.baselineCenter {
        label += " · baseline centre \(scale.format(center))"
        if center > 0 {
          let change = (rate / center - 1) * 100
          let sign = change >= 0 ? "+" : ""
          let tone = change > 0 ? "bad" : "ok"
          label +=
            " <span class=\"\(tone)\">(\(sign)\(OutputNumber.fixed(change, decimals: 1))%)</span>"
        }
      }
      html += card(scale.format(rate), label)
    } else {
      html += card("–", "rate: no sales exposure, count chart")
    }
    let newCount = report.anomalies.filter { $0.status == "new" }.count
    let noun = report.anomalies.count == 1 ? "anomaly" : "anomalies"
    html += card(
      "\(report.anomalies.count)", "\(noun) (\(newCount) new)", alert: !report.anomalies.isEmpty)
    html += card(OutputNumber.percent(report.totals.classifiedShare), "classified by the taxonomy")
    html += "</div>\n"

    html += "<h2>Anomalies</h2>\n"
    if report.anomalies.isEmpty {
      html += "<p>No cell is out of control in \(e(report.period)).</p>\n"
    } else {
      html += anomalyTable(report.anomalies, scale: scale, linked: true)
    }

    html += "<h2>The vital few</h2>\n<div class=\"vital-few\">\n"
    html += vitalList("By issue", report.pareto.byIssue, threshold: report.pareto.threshold)
    html += vitalList("By cell", report.pareto.byCell, threshold: report.pareto.threshold)
    html += "</div>\n</section>\n"
    return html
  }

  private func card(_ value: String, _ labelHTML: String, alert: Bool = false) -> String {
    "<div class=\"card\(alert ? " alert" : "")\"><div class=\"value\">\(e(value))</div>"
      + "<div class=\"label\">\(labelHTML)</div></div>\n"
  }

  private func anomalyTable(_ anomalies: [ReportModel.Anomaly], scale: RateScale, linked: Bool)
    -> String
  {
    var html = "<table>\n<tr><th>Cell</th><th class=\"num\">Count</th>"
    html += "<th class=\"num\">Expected</th><th class=\"num\">UCL \(scale.shortUnit)</th>"
    html += "<th class=\"num\">Rate \(scale.shortUnit)</th><th>Rules</th><th>Status</th>"
    html += "<th class=\"num\">q</th></tr>\n"
    for (index, anomaly) in anomalies.enumerated() {
      let label = e(anomaly.label)
      let cell = linked ? "<a href=\"#anomaly-\(index + 1)\">\(label)</a>" : label
      html += "<tr><td>\(cell)</td>"
      html += num(OutputNumber.count(anomaly.count))
      html += num(OutputNumber.short(anomaly.expected, decimals: 1))
      html += num(scale.format(anomaly.ucl)) + num(scale.format(anomaly.rate))
      html += "<td>\(e(anomaly.rules.joined(separator: ", ")))</td>"
      html += "<td>\(status(anomaly))</td>"
      html += num(OutputNumber.probability(anomaly.qValue)) + "</tr>\n"
    }
    return html + "</table>\n"
  }

  private func status(_ anomaly: ReportModel.Anomaly) -> String {
    anomaly.status == "continuing"
      ? "continuing (\(anomaly.streak) periods)" : e(anomaly.status)
  }

  private func vitalList(_ title: String, _ rows: [ReportModel.ParetoRow], threshold: Double)
    -> String
  {
    let vital = rows.filter(\.vital)
    var html = "<div>\n<h3>\(title)</h3>\n"
    guard !vital.isEmpty else { return html + "<p>No complaints.</p>\n</div>\n" }
    html += "<p class=\"note\">\(vital.count) of \(rows.count) make "
    html += "\(OutputNumber.percent(vital.last?.cumulative)) of complaints "
    html += "(threshold \(OutputNumber.percent(threshold))).</p>\n<ol>\n"
    for row in vital.prefix(listLimit) {
      html += "<li>\(e(row.key)) — \(OutputNumber.count(row.count)) "
      html += "(\(OutputNumber.percent(row.share)))</li>\n"
    }
    html += "</ol>\n"
    if vital.count > listLimit {
      html += "<p class=\"note\">and \(vital.count - listLimit) more</p>\n"
    }
    return html + "</div>\n"
  }

  // MARK: - Anomalies

  private func anomalyDetails(_ report: ReportModel) -> String {
    let scale = RateScale(report.method)
    var html = ""
    if !report.anomalies.isEmpty {
      html += "<section id=\"anomalies\">\n<h2>Anomalies in detail</h2>\n"
      for (index, anomaly) in report.anomalies.enumerated() {
        html += anomalyArticle(anomaly, id: "anomaly-\(index + 1)", report: report, scale: scale)
      }
      html += "</section>\n"
    }
    if !report.watches.isEmpty {
      html += "<section id=\"watches\">\n<h2>Watch</h2>\n"
      html += "<p class=\"note\">Signals that did not pass as anomalies: a point above its UCL "
      html +=
        "that failed the adjustment across cells, or a run rule. Look again next period.</p>\n"
      html += anomalyTable(report.watches, scale: scale, linked: false)
      html += "</section>\n"
    }
    if !report.improvements.isEmpty {
      html += "<section id=\"improvements\">\n<h2>Improvements</h2>\n"
      html += "<p class=\"note\">Cells below their lower control limit.</p>\n"
      html += anomalyTable(report.improvements, scale: scale, linked: false)
      html += "</section>\n"
    }
    if !report.resolved.isEmpty {
      html += "<section id=\"resolved\">\n<h2>Resolved</h2>\n"
      html += "<p class=\"note\">Cells flagged in the previous period and in control now.</p>\n"
      html += anomalyTable(report.resolved, scale: scale, linked: false)
      html += "</section>\n"
    }
    return html
  }

  private func anomalyArticle(
    _ anomaly: ReportModel.Anomaly, id: String, report: ReportModel, scale: RateScale
  ) -> String {
    var html = "<article class=\"anomaly\" id=\"\(id)\">\n<h3>\(e(anomaly.label))</h3>\n"
    html += "<dl class=\"facts\">\n"
    var facts: [(String, String)] = [
      ("Status", status(anomaly)),
      ("Owner", anomaly.owner.map(e) ?? "none named in the configuration"),
      (
        "Complaints",
        "\(OutputNumber.count(anomaly.count)), expected "
          + OutputNumber.short(anomaly.expected, decimals: 1)
      ),
      ("Rate", "\(scale.format(anomaly.rate)) \(scale.unit), UCL \(scale.format(anomaly.ucl))"),
      ("Chart", e(anomaly.chart)),
      ("Rules", e(anomaly.rules.joined(separator: ", "))),
      (
        "p / q",
        e(
          "\(OutputNumber.probability(anomaly.pValue)) / "
            + OutputNumber.probability(anomaly.qValue))
      ),
    ]
    if !anomaly.topIssues.isEmpty {
      let issues = anomaly.topIssues.map { "\(e($0.key)) (\(OutputNumber.count($0.count)))" }
      facts.append(("Top issues", issues.joined(separator: ", ")))
    }
    for (term, value) in facts { html += "<dt>\(term)</dt><dd>\(value)</dd>\n" }
    html += "</dl>\n"
    let cell = report.cells.first {
      $0.category == anomaly.category && $0.productLine == anomaly.productLine
        && $0.tier == anomaly.tier
    }
    if let cell {
      var chart = ControlChartSVG(
        points: cell.series, title: cell.label, perThousandUnits: scale == .perThousandUnits)
      chart.markers = report.releaseMarkers(productLine: cell.productLine)
      html += "<figure>\n\(chart.render())\n<figcaption class=\"note\">"
      html += "\(e(cell.chart)) chart"
      if let phi = cell.phi { html += ", φ = \(OutputNumber.short(phi))" }
      html += "; red points signal, grey bands are periods without exposure"
      if !chart.markers.isEmpty { html += ", dashed purple lines are releases" }
      html += ".</figcaption>\n"
      html += "</figure>\n"
    }
    let gathered = report.recurrence.concentrations.filter {
      $0.category == anomaly.category && $0.productLine == anomaly.productLine
        && $0.tier == anomaly.tier
    }
    for item in gathered { html += "<p class=\"concentration\">\(e(item.text))</p>\n" }
    if !anomaly.ticketIDs.isEmpty {
      let shown = anomaly.ticketIDs.prefix(listLimit).map(e).joined(separator: ", ")
      let more =
        anomaly.ticketIDs.count > listLimit
        ? " and \(anomaly.ticketIDs.count - listLimit) more (anomaly-tickets.csv)" : ""
      html += "<p class=\"tickets\">Tickets: \(shown)\(more)</p>\n"
    }
    return html + "</article>\n"
  }

  // MARK: - Pareto

  private func pareto(_ report: ReportModel) -> String {
    let rows = report.pareto.byIssue
    var html = "<section id=\"pareto\">\n<h2>Pareto by issue</h2>\n"
    guard !rows.isEmpty else { return html + "<p>No complaints in the window.</p>\n</section>\n" }
    let chart = ParetoChartSVG(rows: rows, threshold: report.pareto.threshold, title: "by issue")
    let previous = report.pareto.previousByIssue
    if previous.isEmpty {
      html += "<figure>\n\(chart.render())\n</figure>\n"
    } else {
      // This window beside the one before it, so a new leader stands out.
      let before = ParetoChartSVG(
        rows: previous, threshold: report.pareto.threshold, title: "by issue, previous")
      let periods = report.pareto.previousPeriods
      let label = periods.count == 1 ? periods[0] : "\(periods.first ?? "")–\(periods.last ?? "")"
      html += "<div class=\"pair\">\n"
      html +=
        "<figure>\n\(chart.render())\n<figcaption>\(e(report.period))</figcaption>\n</figure>\n"
      html += "<figure>\n\(before.render())\n<figcaption>\(e(label))</figcaption>\n</figure>\n"
      html += "</div>\n"
    }
    html += "<table>\n<tr><th class=\"num\">#</th><th>Issue</th><th class=\"num\">Count</th>"
    html += "<th class=\"num\">Share</th><th class=\"num\">Cumulative</th><th>Vital</th></tr>\n"
    for (index, row) in rows.prefix(listLimit).enumerated() {
      html += "<tr>" + num("\(index + 1)") + "<td>\(e(row.key))</td>"
      html += num(OutputNumber.count(row.count)) + num(OutputNumber.percent(row.share))
      html += num(OutputNumber.percent(row.cumulative))
      html += "<td>\(row.vital ? "vital" : "")</td></tr>\n"
    }
    html += "</table>\n"
    if rows.count > listLimit {
      html += "<p class=\"note\">\(rows.count - listLimit) more in pareto.csv.</p>\n"
    }
    return html + "</section>\n"
  }

  // MARK: - Heatmap

  private func heatmap(_ bundle: ReportBundle) -> String {
    let report = bundle.report
    let scale = RateScale(report.method)
    let rows = bundle.grid.filter { $0.period == report.period }
    var html = "<section id=\"heatmap\">\n<h2>Grid \(e(report.period))</h2>\n"
    guard !rows.isEmpty else { return html + "<p>No charted cells.</p>\n</section>\n" }
    html += "<p class=\"note legend\">Colour: rate against the cell's baseline centre. "
    for (className, text) in [
      ("h0", "< 0.75×"), ("h1", "< 0.95×"), ("h2", "≈ 1×"), ("h3", "≥ 1.05×"), ("h4", "≥ 1.25×"),
      ("h5", "≥ 1.5×"), ("na", "no rate"), ("flag", "anomaly"),
    ] {
      html += "<span class=\"\(className)\">\(e(text))</span>"
    }
    html += "</p>\n"
    let lines = Set(rows.map(\.productLine)).sorted()
    let categories = ordered(
      Set(rows.map(\.category)), first: ["product", "policy", "service", "other"])
    let tiers = ordered(Set(rows.map(\.tier)), first: ["key_account", "consumer"])
    var byKey: [String: ReportBundle.GridRow] = [:]
    for row in rows { byKey["\(row.category)\u{0}\(row.productLine)\u{0}\(row.tier)"] = row }
    for tier in tiers {
      html += "<h3>\(e(tier.replacingOccurrences(of: "_", with: " ")))</h3>\n"
      html += "<table class=\"heat\">\n<tr><th>Category</th>"
      for line in lines { html += "<th>\(e(line))</th>" }
      html += "</tr>\n"
      for category in categories {
        html += "<tr><th>\(e(category))</th>"
        for line in lines {
          guard let row = byKey["\(category)\u{0}\(line)\u{0}\(tier)"] else {
            html += "<td class=\"na\">–</td>"
            continue
          }
          var classes = heatClass(row)
          if row.status == "anomaly" { classes += " flag" }
          let tooltip = "\(row.category) / \(row.productLine) / \(row.tier): \(row.status)"
          html += "<td class=\"\(classes)\" title=\"\(e(tooltip))\">"
          html +=
            "\(OutputNumber.count(row.count))<br><small>\(scale.format(row.rate))</small></td>"
        }
        html += "</tr>\n"
      }
      html += "</table>\n"
    }
    html += "<p class=\"note\">Each cell: complaints, then \(scale.heading).</p>\n"
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
    var html = "<section id=\"recurrence\">\n<h2>Recurrence</h2>\n"
    if recurrence.repeatCustomers.isEmpty && recurrence.recurringIssues.isEmpty
      && recurrence.concentrations.isEmpty && recurrence.returning.isEmpty
      && recurrence.releases.isEmpty
    {
      return html
        + "<p>No repeat complainants, recurring issues or concentrations.</p>\n</section>\n"
    }
    if !recurrence.concentrations.isEmpty {
      html += "<h3>Concentrations</h3>\n<p class=\"note\">Anomalous cells and the largest cells "
      html += "of the period, against the same cell's baseline periods (Fisher's exact test, "
      html += "Bonferroni over the values of each dimension; effect size Cohen's h).</p>\n<ul>\n"
      for item in recurrence.concentrations {
        html += "<li>\(e(item.text)) <span class=\"note\">p "
        html += "\(e(OutputNumber.probability(item.pValue))), h = "
        html += "\(e(OutputNumber.short(item.effectSize)))</span></li>\n"
      }
      html += "</ul>\n"
    }
    if !recurrence.returning.isEmpty {
      html += "<h3>Returning anomalies</h3>\n<table>\n<tr><th>Cell</th><th>Issue now</th>"
      html += "<th>Flagged before</th><th>Resolved</th><th>Issues then</th><th>Owner</th></tr>\n"
      for item in recurrence.returning {
        let cell = "\(item.category) / \(item.productLine) / \(item.tier)"
        html += "<tr><td>\(e(cell))</td><td>\(e(item.issue ?? "–"))</td>"
        html += "<td>\(e(item.previousPeriod))</td><td>\(e(item.resolvedPeriod))</td>"
        html += "<td>\(e(item.previousIssues.joined(separator: ", ")))</td>"
        html += "<td>\(e(item.owner ?? ""))</td></tr>\n"
      }
      html += "</table>\n"
    }
    if !recurrence.recurringIssues.isEmpty {
      html += "<h3>Recurring issues</h3>\n<table>\n<tr><th>Issue</th><th>Vital in</th></tr>\n"
      for issue in recurrence.recurringIssues {
        html +=
          "<tr><td>\(e(issue.issue))</td><td>\(e(issue.periods.joined(separator: ", ")))</td></tr>\n"
      }
      html += "</table>\n"
    }
    if !recurrence.repeatCustomers.isEmpty {
      html += "<h3>Repeat complainants</h3>\n<table>\n<tr><th>Customer</th>"
      html += "<th class=\"num\">Complaints</th><th>Key account</th><th>Issues</th></tr>\n"
      for customer in recurrence.repeatCustomers.prefix(listLimit) {
        html += "<tr><td>\(e(customer.customer))</td>" + num(OutputNumber.count(customer.count))
        html += "<td>\(customer.keyAccount ? "yes" : "")</td>"
        html += "<td>\(e(customer.issues.joined(separator: ", ")))</td></tr>\n"
      }
      html += "</table>\n"
      if recurrence.repeatCustomers.count > listLimit {
        let more = recurrence.repeatCustomers.count - listLimit
        html += "<p class=\"note\">\(more) more in repeat-customers.csv.</p>\n"
      }
    }
    html += releases(report)
    return html + "</section>\n"
  }

  private func releases(_ report: ReportModel) -> String {
    let releases = report.recurrence.releases
    guard !releases.isEmpty else { return "" }
    let scale = RateScale(report.method)
    var html = "<h3>Releases</h3>\n<p class=\"note\">The rate over up to six whole periods "
    html += "before and after each release (exact Poisson rate-ratio test, conditional binomial; "
    html += "a change at p ≤ 0.01).</p>\n<ul>\n"
    for release in releases {
      html +=
        "<li class=\"release \(e(release.verdict.replacingOccurrences(of: " ", with: "-")))\">"
      html += "\(e(release.text))</li>\n"
    }
    html += "</ul>\n"
    var lines: [String] = []
    for release in releases where !lines.contains(release.productLine) {
      lines.append(release.productLine)
    }
    for line in lines {
      guard
        let series = report.rollups.first(where: {
          $0.category == "*" && $0.productLine == line && $0.tier == "*"
        })
      else { continue }
      var chart = ControlChartSVG(
        points: series.series, title: series.label, perThousandUnits: scale == .perThousandUnits)
      chart.markers = report.releaseMarkers(productLine: line)
      html += "<figure>\n\(chart.render())\n<figcaption class=\"note\">\(e(line)), all "
      html += "categories and tiers; dashed purple lines are releases.</figcaption>\n</figure>\n"
    }
    return html
  }

  private func resolution(_ report: ReportModel) -> String {
    let resolution = report.resolution
    guard !resolution.byCategory.isEmpty || !resolution.openPastSLA.isEmpty else { return "" }
    var html = "<section id=\"resolution\">\n<h2>Resolution times</h2>\n"
    if let sla = resolution.slaHours {
      html += "<p class=\"note\">SLA \(e(OutputNumber.short(sla))) hours. Breached: resolved "
      html += "later than that, or still open and older than that at the end of the period.</p>\n"
    }
    func table(_ heading: String, _ rows: [ReportModel.ResolutionRow]) -> String {
      var html = "<table>\n<tr><th>\(heading)</th><th class=\"num\">Complaints</th>"
      html += "<th class=\"num\">Median hours</th><th class=\"num\">90th percentile hours</th>"
      html += "<th class=\"num\">SLA breached</th><th class=\"num\">Open past SLA</th></tr>\n"
      for row in rows {
        html += "<tr><td>\(e(row.key))</td>" + num(OutputNumber.count(row.complaints))
        html += num(OutputNumber.short(row.medianHours, decimals: 1))
        html += num(OutputNumber.short(row.p90Hours, decimals: 1))
        html += num(OutputNumber.percent(row.slaBreachShare))
        html += num(OutputNumber.count(row.openPastSLA)) + "</tr>\n"
      }
      return html + "</table>\n"
    }
    html += table("Category", resolution.byCategory)
    if !resolution.byCell.isEmpty {
      let worst = resolution.byCell.sorted {
        ($0.slaBreachShare ?? 0, $1.key) > ($1.slaBreachShare ?? 0, $0.key)
      }
      html += "<h3>Cells by SLA breach share</h3>\n"
      html += table("Cell", Array(worst.prefix(listLimit)))
      if worst.count > listLimit {
        html += "<p class=\"note\">\(worst.count - listLimit) more in resolution.csv.</p>\n"
      }
    }
    let open = resolution.openPastSLA
    html += "<h3>Open past the SLA</h3>\n"
    if open.isEmpty {
      html += "<p>No complaint of the window was open past the SLA at the end of the period.</p>\n"
    } else {
      html += "<p>\(OutputNumber.count(open.count)) complaints were still open past the SLA at "
      html += "the end of the period, longest first.</p>\n<table>\n<tr><th>Ticket</th>"
      html += "<th>Created</th><th>Cell</th><th>Issue</th><th class=\"num\">Hours open</th>"
      html += "<th>Owner</th></tr>\n"
      for item in open.prefix(listLimit) {
        let cell = "\(item.category) / \(item.productLine) / \(item.tier)"
        html += "<tr><td>\(e(item.system)):\(e(item.id))</td><td>\(e(item.created))</td>"
        html += "<td>\(e(cell))</td><td>\(e(item.issue))</td>"
        html += num(OutputNumber.short(item.hoursOpen, decimals: 0))
        html += "<td>\(e(item.owner ?? ""))</td></tr>\n"
      }
      html += "</table>\n"
      if open.count > listLimit {
        html += "<p class=\"note\">\(open.count - listLimit) more in open-past-sla.csv.</p>\n"
      }
    }
    return html + "</section>\n"
  }

  private func canaries(_ report: ReportModel) -> String {
    let canaries = report.canaries
    guard !canaries.found.isEmpty || !canaries.missing.isEmpty else { return "" }
    var html = "<section id=\"canaries\">\n<h2>Canary complaints</h2>\n"
    html += "<p class=\"note\">Test complaints sent on purpose; left out of every other number "
    html += "in this report.</p>\n"
    if !canaries.missing.isEmpty {
      html += "<p class=\"bad\">Missing (expected, never arrived): "
      html += canaries.missing.map(e).joined(separator: ", ") + "</p>\n"
    }
    if !canaries.found.isEmpty {
      html += "<table>\n<tr><th>Ticket</th><th>Period</th><th>Landed in</th><th>Issue</th>"
      html += "<th>Matched by</th></tr>\n"
      for item in canaries.found {
        let cell = "\(item.category) / \(item.productLine) / \(item.tier)"
        html += "<tr><td>\(e(item.system)):\(e(item.id))</td><td>\(e(item.period))</td>"
        html += "<td>\(e(cell))</td><td>\(e(item.issue))</td><td>\(e(item.matchedBy))</td></tr>\n"
      }
      html += "</table>\n"
    }
    return html + "</section>\n"
  }

  // MARK: - Data quality and method

  private func dataQuality(_ bundle: ReportBundle) -> String {
    let report = bundle.report
    var html = "<section id=\"quality\">\n<h2>Data quality</h2>\n"
    html += "<h3>Inputs</h3>\n"
    if report.inputs.isEmpty {
      html += "<p>No input files were read in this run.</p>\n"
    } else {
      html += "<table>\n<tr><th>File</th><th class=\"num\">Rows read</th>"
      html += "<th class=\"num\">Accepted</th><th class=\"num\">Rejected</th>"
      html += "<th class=\"num\">Duplicates</th><th class=\"num\">Filtered</th>"
      html += "<th class=\"num\">Bytes replaced</th></tr>\n"
      for input in report.inputs {
        html += "<tr><td>\(e(input.path))</td>" + num(OutputNumber.count(input.rowsRead))
        html += num(OutputNumber.count(input.accepted)) + num(OutputNumber.count(input.rejected))
        html += num(OutputNumber.count(input.duplicates)) + num(OutputNumber.count(input.filtered))
        html += num(OutputNumber.count(input.replacedBytes)) + "</tr>\n"
      }
      html += "</table>\n"
    }

    html += "<h3>Rejected rows</h3>\n"
    if bundle.rejects.isEmpty {
      html += "<p>No rows were rejected.</p>\n"
    } else {
      var reasons: [String: Int] = [:]
      for reject in bundle.rejects { reasons[reject.reason, default: 0] += 1 }
      let sorted = reasons.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
      html += "<table>\n<tr><th>Reason</th><th class=\"num\">Rows</th></tr>\n"
      for (reason, count) in sorted {
        html += "<tr><td>\(e(reason))</td>" + num(OutputNumber.count(count)) + "</tr>\n"
      }
      html += "</table>\n<p class=\"note\">Every rejected row, with its file, line and raw text, "
      html += "is in rejects.csv.</p>\n"
    }

    html += "<h3>Classification</h3>\n<p>Unclassified: "
    html += "\(OutputNumber.percent(report.totals.classifiedShare.map { 1 - $0 })) of complaints."
    if report.reclassified > 0 {
      html += " \(OutputNumber.count(report.reclassified)) stored tickets were reclassified after "
      html += "a taxonomy change."
    }
    html += "</p>\n"
    if !report.unclassifiedTerms.isEmpty {
      let terms = report.unclassifiedTerms.prefix(listLimit).map {
        "\(e($0.term)) (\(OutputNumber.count($0.count)))"
      }
      html += "<p class=\"note\">Frequent words in unclassified complaints: "
      html += terms.joined(separator: ", ") + ".</p>\n"
    }

    html += "<h3>Data gaps</h3>\n"
    if report.dataGaps.isEmpty {
      html += "<p>Every product line had sales units in every period.</p>\n"
    } else {
      html += "<p>\(OutputNumber.count(report.dataGaps.count)) periods of a product line had no "
      html += "sales units and were not charted.</p>\n<table>\n<tr><th>Period</th>"
      html += "<th>Product line</th><th>Tier</th><th>Reason</th></tr>\n"
      for gap in report.dataGaps.prefix(listLimit) {
        html += "<tr><td>\(e(gap.period))</td><td>\(e(gap.productLine))</td>"
        html += "<td>\(e(gap.tier))</td><td>\(e(gap.reason))</td></tr>\n"
      }
      html += "</table>\n"
      if report.dataGaps.count > listLimit {
        html += "<p class=\"note\">\(report.dataGaps.count - listLimit) more in report.json.</p>\n"
      }
    }
    return html + "</section>\n"
  }

  private func methodology(_ report: ReportModel) -> String {
    let method = report.method
    var html = "<section id=\"method\">\n<h2>Method</h2>\n<p>\(e(method.description))</p>\n"
    html += "<dl class=\"facts\">\n"
    let facts: [(String, String)] = [
      ("Method", e(method.name)),
      ("Limits", "k = \(OutputNumber.short(method.sigma))"),
      ("Baseline", "last \(method.baselinePeriods) periods, at least \(method.minBaselinePeriods)"),
      ("Minimum count", "\(method.minCount)"),
      ("False discovery rate", method.fdr.map { OutputNumber.short($0, decimals: 4) } ?? "off"),
      ("Rules", e(method.rules.joined(separator: ", "))),
      (
        "Run rules",
        method.runRules == "watch" ? "watches, not anomalies" : "anomalies, unadjusted"
      ),
      ("Small-cell weight", OutputNumber.short(method.smallCountWeight, decimals: 2)),
      ("Exposure", e(method.exposure)),
      ("Rates", "shown \(RateScale(method).unit)"),
    ]
    for (term, value) in facts { html += "<dt>\(term)</dt><dd>\(value)</dd>\n" }
    return html + "</dl>\n</section>\n"
  }

  // MARK: - Helpers

  private func e(_ text: String) -> String { HTML.escape(text) }

  /// A right-aligned table cell; the text is escaped ("< 0.0001" is a p-value, not markup).
  private func num(_ text: String) -> String { "<td class=\"num\">\(e(text))</td>" }
}
