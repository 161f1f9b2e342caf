import Foundation

/// Renders `summary.md`: one page for e-mail and wikis with the headline numbers, the anomalies,
/// the vital few, data quality and the method.
public struct MarkdownRenderer: Sendable {
  /// How many rows of each vital-few list to show.
  var vitalLimit = 10

  public init() {}

  public func render(_ bundle: ReportBundle) -> String {
    let report = bundle.report
    var lines: [String] = []
    lines.append("# Complaints \(Self.escape(report.period))")
    lines.append("")
    lines.append(contentsOf: headline(report))
    lines.append("")
    lines.append(contentsOf: anomalies(report))
    lines.append("")
    lines.append(contentsOf: vitalFew(report))
    lines.append("")
    lines.append(contentsOf: recurrence(report))
    lines.append("")
    lines.append(contentsOf: resolution(report))
    lines.append("")
    if let canaries = canaries(report) {
      lines.append(contentsOf: canaries)
      lines.append("")
    }
    lines.append(contentsOf: dataQuality(bundle))
    lines.append("")
    lines.append("## Method")
    lines.append("")
    lines.append(Self.escape(report.method.description))
    lines.append("")
    lines.append(
      "Method `\(Self.code(report.method.name))`, k = \(OutputNumber.short(report.method.sigma)), "
        + "baseline \(report.method.baselinePeriods) periods "
        + "(at least \(report.method.minBaselinePeriods)), min count \(report.method.minCount), "
        + "FDR \(report.method.fdr.map { OutputNumber.short($0, decimals: 4) } ?? "off"), "
        + "rules: \(report.method.rules.map(Self.escape).joined(separator: ", ")) "
        + (report.method.runRules == "watch" ? "(run rules as watches)" : "(run rules flag)")
        + ", small-cell weight \(OutputNumber.short(report.method.smallCountWeight, decimals: 2)); "
        + "exposure: \(Self.escape(report.method.exposure)).")
    lines.append("")
    lines.append(
      "_\(Self.escape(bundle.generatedBy)) · schema \(Self.escape(report.schema)) · "
        + "taxonomy \(Self.escape(report.taxonomyHash))_")
    return lines.joined(separator: "\n") + "\n"
  }

  private func headline(_ report: ReportModel) -> [String] {
    let scale = RateScale(report.method)
    var parts = ["**\(OutputNumber.count(report.totals.complaints)) complaints**"]
    if let rate = report.totals.rate {
      var text = "**\(scale.format(rate)) \(scale.unit)**"
      if let center = report.baselineCenter {
        text += " (baseline centre \(scale.format(center))"
        if center > 0 {
          let change = (rate / center - 1) * 100
          text += ", \(change >= 0 ? "+" : "")\(OutputNumber.fixed(change, decimals: 1))%"
        }
        text += ")"
      }
      parts.append(text)
    } else {
      parts.append("no sales exposure (count chart)")
    }
    parts.append("**\(OutputNumber.percent(report.totals.classifiedShare)) classified**")
    let anomalyCount = report.anomalies.count
    parts.append("**\(anomalyCount) \(anomalyCount == 1 ? "anomaly" : "anomalies")**")
    return [parts.joined(separator: " · ")]
  }

  private func anomalies(_ report: ReportModel) -> [String] {
    let scale = RateScale(report.method)
    var lines = ["## Anomalies", ""]
    guard !report.anomalies.isEmpty else {
      lines.append("No cell is out of control in \(Self.escape(report.period)).")
      return lines + watches(report, scale) + improvements(report, scale) + resolved(report)
    }
    lines.append(
      "| Cell | Count | Expected | UCL \(scale.shortUnit) | Rate \(scale.shortUnit) | Rules "
        + "| Status | q | Owner |")
    lines.append("|---|---:|---:|---:|---:|---|---|---:|---|")
    for anomaly in report.anomalies {
      let status =
        anomaly.status == "continuing"
        ? "continuing (\(anomaly.streak))" : Self.escape(anomaly.status)
      let cells = [
        Self.escape(anomaly.label), OutputNumber.count(anomaly.count),
        OutputNumber.short(anomaly.expected, decimals: 1), scale.format(anomaly.ucl),
        scale.format(anomaly.rate),
        anomaly.rules.map(Self.escape).joined(separator: ", "), status,
        OutputNumber.probability(anomaly.qValue), Self.escape(anomaly.owner ?? "–"),
      ]
      lines.append("| " + cells.joined(separator: " | ") + " |")
    }
    return lines + watches(report, scale) + improvements(report, scale) + resolved(report)
  }

  private func watches(_ report: ReportModel, _ scale: RateScale) -> [String] {
    guard !report.watches.isEmpty else { return [] }
    let cells = report.watches.map {
      "\(Self.escape($0.label)) (\(OutputNumber.count($0.count)) against "
        + "\(OutputNumber.short($0.expected, decimals: 1)) expected; "
        + "\($0.rules.map(Self.escape).joined(separator: ", ")))"
    }
    return [
      "",
      "Watch (a signal that did not pass as an anomaly; look again next period): "
        + cells.joined(separator: "; ") + ".",
    ]
  }

  private func improvements(_ report: ReportModel, _ scale: RateScale) -> [String] {
    guard !report.improvements.isEmpty else { return [] }
    let cells = report.improvements.map {
      "\(Self.escape($0.label)) (\(scale.format($0.rate)) \(scale.unit))"
    }
    return ["", "Improvements (below the lower limit): " + cells.joined(separator: "; ") + "."]
  }

  private func resolved(_ report: ReportModel) -> [String] {
    guard !report.resolved.isEmpty else { return [] }
    let cells = report.resolved.map { Self.escape($0.label) }
    return [
      "", "Resolved (flagged last period, in control now): " + cells.joined(separator: "; ") + ".",
    ]
  }

  private func vitalFew(_ report: ReportModel) -> [String] {
    let threshold = OutputNumber.percent(report.pareto.threshold)
    var lines = ["## The vital few", ""]
    for (title, rows) in [
      ("By issue", report.pareto.byIssue), ("By cell", report.pareto.byCell),
    ] {
      let vital = rows.filter(\.vital)
      guard !vital.isEmpty else {
        lines.append("- **\(title):** no complaints.")
        continue
      }
      let shown = vital.prefix(vitalLimit).map {
        "\(Self.escape($0.key)) (\(OutputNumber.count($0.count)), \(OutputNumber.percent($0.share)))"
      }
      let more = vital.count > vitalLimit ? " and \(vital.count - vitalLimit) more" : ""
      let share = OutputNumber.percent(vital.last?.cumulative)
      lines.append(
        "- **\(title)** (\(vital.count) of \(rows.count) make \(share), threshold \(threshold)): "
          + shown.joined(separator: "; ") + more)
    }
    return lines
  }

  private func recurrence(_ report: ReportModel) -> [String] {
    let recurrence = report.recurrence
    var lines = ["## Recurrence", ""]
    if recurrence.concentrations.isEmpty {
      lines.append("- **Concentrations:** none.")
    } else {
      lines.append("- **Concentrations:**")
      for item in recurrence.concentrations {
        lines.append(
          "  - \(Self.escape(item.text)) (p \(OutputNumber.probability(item.pValue)), "
            + "h = \(OutputNumber.short(item.effectSize)))")
      }
    }
    if !recurrence.returning.isEmpty {
      let cells = recurrence.returning.map {
        "\(Self.escape("\($0.category) / \($0.productLine) / \($0.tier)")) (flagged "
          + "\(Self.escape($0.previousPeriod)), resolved \(Self.escape($0.resolvedPeriod)), "
          + "now \(Self.escape($0.issue ?? "–")))"
      }
      lines.append("- **Returning anomalies:** " + cells.joined(separator: "; ") + ".")
    }
    if !recurrence.recurringIssues.isEmpty {
      let issues = recurrence.recurringIssues.map {
        "\(Self.escape($0.issue)) (\($0.periods.map(Self.escape).joined(separator: ", ")))"
      }
      lines.append(
        "- **Recurring issues** (vital few in ≥ 2 of the last 3 periods): "
          + issues.joined(separator: "; ") + ".")
    }
    let repeats = recurrence.repeatCustomers
    if repeats.isEmpty {
      lines.append("- **Repeat complainants:** none.")
    } else {
      let keyAccounts = repeats.filter(\.keyAccount).count
      let shown = repeats.filter { !$0.keyAccount }.prefix(vitalLimit).map {
        "\(Self.escape($0.customer)) (\($0.count): \($0.issues.map(Self.escape).joined(separator: ", ")))"
      }
      var line =
        "- **Repeat complainants:** \(repeats.count) (\(keyAccounts) key accounts; all in "
        + "repeat-customers.csv)"
      if !shown.isEmpty { line += ". Consumers: " + shown.joined(separator: "; ") }
      lines.append(line + ".")
    }
    for release in recurrence.releases {
      lines.append("- **Release:** \(Self.escape(release.text))")
    }
    return lines
  }

  private func resolution(_ report: ReportModel) -> [String] {
    let resolution = report.resolution
    var lines = ["## Resolution", ""]
    guard !resolution.byCategory.isEmpty else {
      return lines + ["No complaints to time in \(Self.escape(report.period))."]
    }
    lines.append(
      "| Category | Complaints | Median h | 90th pct h | SLA breached | Open past SLA |")
    lines.append("|---|---:|---:|---:|---:|---:|")
    for row in resolution.byCategory {
      let cells = [
        Self.escape(row.key), OutputNumber.count(row.complaints),
        OutputNumber.short(row.medianHours, decimals: 1),
        OutputNumber.short(row.p90Hours, decimals: 1), OutputNumber.percent(row.slaBreachShare),
        OutputNumber.count(row.openPastSLA),
      ]
      lines.append("| " + cells.joined(separator: " | ") + " |")
    }
    lines.append("")
    let sla = resolution.slaHours.map { OutputNumber.short($0) } ?? "–"
    lines.append(
      "SLA \(sla) hours; \(OutputNumber.count(resolution.openPastSLA.count)) complaints of the "
        + "window were still open past it at the end of the period (open-past-sla.csv).")
    return lines
  }

  private func canaries(_ report: ReportModel) -> [String]? {
    let canaries = report.canaries
    guard !canaries.found.isEmpty || !canaries.missing.isEmpty else { return nil }
    var lines = ["## Canary complaints", ""]
    for item in canaries.found {
      lines.append(
        "- Found \(Self.escape("\(item.system):\(item.id)")) (\(Self.escape(item.period))) in "
          + "\(Self.escape("\(item.category) / \(item.productLine) / \(item.tier)")), "
          + "\(Self.escape(item.issue))")
    }
    for id in canaries.missing {
      lines.append("- **Missing** \(Self.escape(id)): expected, never arrived")
    }
    lines.append("")
    lines.append("Canaries are left out of every other number in this report.")
    return lines
  }

  private func dataQuality(_ bundle: ReportBundle) -> [String] {
    let report = bundle.report
    var lines = ["## Data quality", ""]
    let gaps = report.dataGaps.count
    lines.append(
      "- Data gaps: \(gaps) \(gaps == 1 ? "period" : "periods") of a product line without sales "
        + "units (not charted).")
    let unclassified = report.totals.classifiedShare.map { 1 - $0 }
    lines.append("- Unclassified: \(OutputNumber.percent(unclassified)) of complaints.")
    if report.reclassified > 0 {
      lines.append("- Reclassified after a taxonomy change: \(report.reclassified) tickets.")
    }
    lines.append("- Rejected rows: \(OutputNumber.count(bundle.rejects.count)) (see rejects.csv).")
    guard !report.inputs.isEmpty else { return lines }
    lines.append("")
    lines.append("| Input | Rows read | Accepted | Rejected | Duplicates | Filtered |")
    lines.append("|---|---:|---:|---:|---:|---:|")
    for input in report.inputs {
      let cells = [
        Self.escape(input.path), OutputNumber.count(input.rowsRead),
        OutputNumber.count(input.accepted), OutputNumber.count(input.rejected),
        OutputNumber.count(input.duplicates), OutputNumber.count(input.filtered),
      ]
      lines.append("| " + cells.joined(separator: " | ") + " |")
    }
    return lines
  }

  /// Escapes text from input so it reads literally in Markdown, tables and lists included.
  ///
  /// Line breaks become spaces (a table row is one line); characters that start emphasis, code,
  /// links, HTML, entities or table cells are backslash-escaped, as are the characters that make
  /// a block (heading, list, quote) when they lead the text, and "://" so no autolink forms.
  static func escape(_ text: String) -> String {
    var result = ""
    for (index, character) in text.enumerated() {
      if character.isNewline {
        result.append(" ")
        continue
      }
      let always: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&", "!"]
      let leading: Set<Character> = ["#", "+", "-", "=", ">"]
      if always.contains(character) || (index == 0 && leading.contains(character)) {
        result.append("\\")
      }
      result.append(character)
    }
    result = result.replacingOccurrences(of: "://", with: "\\://")
    if let dot = orderedListMarker(result) {
      result.insert("\\", at: dot)
    }
    return result
  }

  /// Text for inside a code span: backticks dropped, line breaks flattened.
  static func code(_ text: String) -> String {
    String(text.map { $0 == "`" || $0.isNewline ? " " : $0 })
  }

  /// The index of the "." or ")" after leading digits, which would start an ordered list.
  private static func orderedListMarker(_ text: String) -> String.Index? {
    guard let marker = text.firstIndex(where: { !$0.isASCII || !$0.isNumber }),
      marker != text.startIndex, text[marker] == "." || text[marker] == ")"
    else { return nil }
    return marker
  }
}
