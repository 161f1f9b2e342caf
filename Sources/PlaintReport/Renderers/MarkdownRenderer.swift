import Foundation

/// Renders `summary.md`: one page for e-mail and wikis with the headline numbers, the anomalies,
/// the vital few, data quality and the method.
public struct MarkdownRenderer: Sendable {
  /// How many rows of each vital-few list to show.
  var vitalLimit = 10

  public init() {}

  /// The language of the summary; `render` sets it from the model.
  var text = ReportText.english

  public func render(_ bundle: ReportBundle) -> String {
    var renderer = self
    renderer.text = ReportText(bundle.report)
    return renderer.page(bundle)
  }

  private func page(_ bundle: ReportBundle) -> String {
    let report = bundle.report
    var lines: [String] = []
    lines.append("# " + text(.pageTitle, Self.escape(text.period(report.period))))
    lines.append("")
    lines.append(contentsOf: headline(report))
    lines.append("")
    let notices = text.coverageNotices(report)
    if !notices.isEmpty {
      lines.append(contentsOf: notices.map { "> \(bold(.notePrefix)) \(Self.escape($0))" })
      lines.append("")
    }
    lines.append(contentsOf: anomalies(report))
    lines.append(contentsOf: ChartSectionsMarkdown(text: text).sharesMoved(report))
    lines.append("")
    // A period with no data has no vital few, drivers, repeat customers or resolution times:
    // those sections would speak of zero complaints (the hostile tester's F-J, "Kettles (0
    // complaints, …)" under a note that nothing is known). Its charts show it as a gap.
    let known = report.coverage.isCovered
    if known {
      lines.append(contentsOf: vitalFew(report))
      lines.append("")
    }
    let sections = ChartSectionsMarkdown(text: text)
    lines.append(contentsOf: sections.runCharts(report))
    lines.append(contentsOf: sections.shares(report))
    if known { lines.append(contentsOf: sections.drivers(report)) }
    lines.append(contentsOf: sections.allCells(report))
    if known {
      lines.append(contentsOf: recurrence(report))
      lines.append("")
      for section in report.slices ?? [] {
        lines.append(contentsOf: slice(section, report: report))
        lines.append("")
      }
      lines.append(contentsOf: resolution(report))
      lines.append("")
      if let canaries = canaries(report) {
        lines.append(contentsOf: canaries)
        lines.append("")
      }
    }
    lines.append(contentsOf: dataQuality(bundle))
    lines.append("")
    lines.append("## " + text[.headingMethod])
    lines.append("")
    lines.append(Self.escape(text.methodDescription(report)))
    lines.append("")
    let method = report.method
    lines.append(
      text(
        .mdMethodLine, "`\(Self.code(method.name))`", text.short(method.sigma),
        text.count(method.baselinePeriods), text.count(method.minBaselinePeriods),
        text.count(method.minCount),
        method.fdr.map { text.short($0, decimals: 4) } ?? text[.fdrOff],
        method.rules.map { Self.escape(text.rule($0)) }.joined(separator: ", "),
        Self.escape(text.exposure(method.exposure))))
    lines.append("")
    lines.append(
      text(
        method.runRules == "watch" ? .mdRunRulesWatch : .mdRunRulesAnomaly,
        text.short(method.smallCountWeight, decimals: 2)))
    lines.append("")
    lines.append(
      "_"
        + text(
          .footer, Self.escape(bundle.generatedBy), Self.escape(report.schema),
          Self.escape(report.taxonomyHash)) + "_")
    return lines.joined(separator: "\n") + "\n"
  }

  private func bold(_ label: ReportPhrase) -> String { "**\(text[label]):**" }

  private func headline(_ report: ReportModel) -> [String] {
    let scale = RateScale(report.method, text)
    var parts = [
      "**"
        + (report.coverage.isCovered
          ? text(.headlineComplaints, text.count(report.totals.complaints))
          : Self.escape(text.noData(report))) + "**"
    ]
    if let rate = report.totals.rate {
      var line = "**\(scale.format(rate)) \(scale.unit)**"
      if let center = report.baselineCenter {
        if center > 0 {
          let change = text.signedPercent((rate / center - 1) * 100)
          line += " " + text(.headlineBaselineChange, scale.format(center), change)
        } else {
          line += " " + text(.headlineBaseline, scale.format(center))
        }
      }
      parts.append(line)
    } else {
      parts.append(text[.headlineNoExposure])
    }
    parts.append(
      "**" + text(.headlineClassified, text.percent(report.totals.classifiedShare)) + "**")
    let anomalyCount = report.anomalies.count
    if let unjudged = text.unjudged(report) {
      parts.append("**\(Self.escape(unjudged))**")
    } else {
      parts.append(
        "**" + text.plural(anomalyCount, .headlineAnomalyOne, .headlineAnomalyOther) + "**")
      // The cells' count alone would say "0 anomalies" beside a share flagged further down.
      let shares = report.shareAnomalies
      if shares > 0 {
        parts.append(
          "**" + text.plural(shares, .headlineShareAnomalyOne, .headlineShareAnomalyOther) + "**")
      }
    }
    // Days without a row: the count of anomalies may rest on counts that are too low.
    if let days = text.emptyDays(report) {
      parts.append(
        "**"
          + Self.escape(
            text(days == 1 ? .headlineEmptyDaysOne : .headlineEmptyDays, text.count(days)))
          + "**")
    }
    return [parts.joined(separator: " · ")]
  }

  private func anomalies(_ report: ReportModel) -> [String] {
    let scale = RateScale(report.method, text)
    var lines = ["## " + text[.headingAnomalies], ""]
    guard !report.anomalies.isEmpty else {
      if let why = text.nothingJudged(report) {
        lines.append(Self.escape(why))
      } else {
        lines.append(text(.noAnomalies, Self.escape(text.period(report.period))))
      }
      return lines + watches(report, scale) + silent(report) + shifts(report)
        + improvements(report, scale)
        + resolved(report)
    }
    let headings = [
      text[.columnCell], text[.columnCount], text[.columnExpected],
      text(.columnUCL, scale.shortUnit), text(.columnRate, scale.shortUnit), text[.columnRules],
      text[.columnStatus], "q", text[.columnOwner],
    ]
    lines.append("| " + headings.joined(separator: " | ") + " |")
    lines.append("|---|---:|---:|---:|---:|---|---|---:|---|")
    for anomaly in report.anomalies {
      let status =
        anomaly.status == .continuing
        ? text(.continuingShort, text.count(anomaly.streak))
        : Self.escape(text.status(anomaly.status))
      let cells = [
        Self.escape(cellLabel(anomaly)), text.count(anomaly.count),
        text.short(anomaly.expected, decimals: 1), scale.format(anomaly.ucl),
        scale.format(anomaly.rate),
        anomaly.rules.map { Self.escape(text.rule($0)) }.joined(separator: ", "), status,
        text.probability(anomaly.qValue), Self.escape(anomaly.owner ?? "–"),
      ]
      lines.append("| " + cells.joined(separator: " | ") + " |")
    }
    return lines + watches(report, scale) + silent(report) + shifts(report)
      + improvements(report, scale)
      + resolved(report)
  }

  /// The cells silent for their whole baseline, and why they have no verdict.
  private func silent(_ report: ReportModel) -> [String] {
    text.silentCells(report).map { ["", Self.escape($0)] } ?? []
  }

  /// The cells whose baseline follows a level shift, one line each.
  private func shifts(_ report: ReportModel) -> [String] {
    guard let shifts = text.levelShifts(report) else { return [] }
    return ["", Self.escape(shifts.intro), ""] + shifts.items.map { "- " + Self.escape($0) }
  }

  private func watches(_ report: ReportModel, _ scale: RateScale) -> [String] {
    guard !report.watches.isEmpty else { return [] }
    let cells = report.watches.map { watch in
      // A burst after a silent baseline has no expected count to set it against: its reason
      // says what it is ("appeared: 50 complaints after none in 12 periods (p …)").
      guard watch.baselinePeriods == nil else {
        return "\(Self.escape(cellLabel(watch))) (\(Self.escape(text.watchReasons(watch))))"
      }
      return text(
        .mdWatchCell, Self.escape(cellLabel(watch)), text.count(watch.count),
        text.short(watch.expected, decimals: 1), Self.escape(text.watchReasons(watch)))
    }
    return ["", text(.mdWatches, cells.joined(separator: "; "))]
  }

  private func cellLabel(_ anomaly: ReportModel.Anomaly) -> String {
    text.cell(anomaly.category, anomaly.productLine, anomaly.tier)
  }

  private func improvements(_ report: ReportModel, _ scale: RateScale)
    -> [String]
  {
    guard !report.improvements.isEmpty else { return [] }
    let cells = report.improvements.map {
      "\(Self.escape(cellLabel($0))) (\(scale.format($0.rate)) \(scale.unit))"
    }
    return ["", text(.mdImprovements, cells.joined(separator: "; "))]
  }

  private func resolved(_ report: ReportModel) -> [String] {
    guard !report.resolved.isEmpty else { return [] }
    let cells = report.resolved.map { Self.escape(cellLabel($0)) }
    return ["", text(.mdResolved, cells.joined(separator: "; "))]
  }

  private func vitalFew(_ report: ReportModel) -> [String] {
    let threshold = text.percent(report.pareto.threshold)
    var lines = ["## " + text[.headingVitalFew], ""]
    let tables: [(ReportPhrase, [ReportModel.ParetoRow], (String) -> String)] = [
      (.vitalByIssue, report.pareto.byIssue, text.issue),
      (.vitalByCell, report.pareto.byCell, text.cellKey),
    ]
    for (title, rows, label) in tables {
      let vital = rows.filter(\.vital)
      guard !vital.isEmpty else {
        lines.append("- " + bold(title) + " " + text[.noComplaints])
        continue
      }
      let shown = vital.prefix(vitalLimit).map {
        // A cell of a line the window does not cover whole says so beside its count.
        let mark =
          title == .vitalByCell && text.isNotWhole(cellKey: $0.key, report)
          ? ", " + text[.vitalNotWholeMark] : ""
        return
          "\(Self.escape(label($0.key))) (\(text.count($0.count)), \(text.percent($0.share))\(mark))"
      }
      let more =
        vital.count > vitalLimit ? text(.andMore, text.count(vital.count - vitalLimit)) : ""
      let share = text.percent(vital.last?.cumulative)
      lines.append(
        "- **\(text[title])** "
          + text(
            .mdVitalSummary, text.count(vital.count), text.count(rows.count), share, threshold)
          + ": " + shown.joined(separator: "; ") + more)
    }
    if let note = text.vitalNotWhole(report) { lines += ["", Self.escape(note)] }
    return lines
  }

  private func recurrence(_ report: ReportModel) -> [String] {
    let recurrence = report.recurrence
    var lines = ["## " + text[.headingRecurrence], ""]
    let note = report.method.concentrations.map { " " + Self.escape(text.concentrationsNote($0)) }
    if recurrence.concentrations.isEmpty {
      lines.append("- " + bold(.labelConcentrations) + " " + text[.noneFound] + (note ?? ""))
    } else {
      lines.append("- " + bold(.labelConcentrations) + (note ?? ""))
      for item in recurrence.concentrations {
        lines.append(
          "  - \(Self.escape(text.concentration(item, period: report.period))) "
            + "(p \(text.probability(item.pValue)), q \(text.probability(item.qValue)), "
            + "h = \(text.short(item.effectSize)))")
      }
    }
    if !recurrence.returning.isEmpty {
      let cells = recurrence.returning.map {
        text(
          .mdReturning, Self.escape(text.cell($0.category, $0.productLine, $0.tier)),
          Self.escape(text.period($0.previousPeriod)), Self.escape(text.period($0.resolvedPeriod)),
          Self.escape($0.issue.map(text.issue) ?? "–"))
      }
      lines.append("- " + bold(.labelReturning) + " " + cells.joined(separator: "; ") + ".")
    }
    if !recurrence.recurringIssues.isEmpty {
      let issues = recurrence.recurringIssues.map {
        "\(Self.escape(text.issue($0.issue))) "
          + "(\($0.periods.map { Self.escape(text.period($0)) }.joined(separator: ", ")))"
      }
      lines.append(
        "- **\(text[.labelRecurringIssues])** \(text[.mdRecurringNote]): "
          + issues.joined(separator: "; ") + ".")
    }
    let repeats = recurrence.repeatCustomers
    if recurrence.customersNamed == false {
      lines.append("- " + bold(.labelRepeatComplainants) + " " + text[.customersNotNamed])
    } else if repeats.isEmpty {
      lines.append("- " + bold(.labelRepeatComplainants) + " " + text[.noneFound])
    } else {
      // Read as they come: the rows may be many more than are shown.
      let keyAccounts = repeats.reduce(0) { $0 + ($1.keyAccount ? 1 : 0) }
      let shown = Array(repeats.lazy.filter { !$0.keyAccount }.prefix(vitalLimit)).map {
        "\(Self.escape($0.customer)) (\(text.count($0.count)): "
          + "\($0.issues.map { Self.escape(text.issue($0)) }.joined(separator: ", ")))"
      }
      var line =
        "- " + bold(.labelRepeatComplainants) + " "
        + text(.mdRepeatSummary, text.count(repeats.count), text.count(keyAccounts))
      if !shown.isEmpty { line += text(.mdConsumers, shown.joined(separator: "; ")) }
      lines.append(line + ".")
    }
    let perUnits = report.method.exposure != ReportModel.Method.countExposure
    for release in recurrence.releases {
      lines.append(
        "- " + bold(.labelRelease) + " "
          + Self.escape(text.release(release, perUnits: perUnits)))
    }
    return lines
  }

  private func resolution(_ report: ReportModel) -> [String] {
    let resolution = report.resolution
    var lines = ["## " + text[.headingResolution], ""]
    let without = report.dataQuality.withoutResolution
    for note in text.resolutionNotes(report.dataQuality) {
      lines.append(Self.escape(note))
      lines.append("")
    }
    guard !resolution.byCategory.isEmpty else {
      if !without.isEmpty { return lines }
      return lines + [text(.noResolution, Self.escape(text.period(report.period)))]
    }
    let headings = [
      text[.columnCategory], text[.columnComplaints], text[.columnMedianHoursShort],
      text[.columnP90HoursShort], text[.columnSLABreached], text[.columnOpenPastSLA],
    ]
    lines.append("| " + headings.joined(separator: " | ") + " |")
    lines.append("|---|---:|---:|---:|---:|---:|")
    for row in resolution.byCategory {
      let cells = [
        Self.escape(text.category(row.key)), text.count(row.complaints),
        text.short(row.medianHours, decimals: 1),
        text.short(row.p90Hours, decimals: 1), text.percent(row.slaBreachShare),
        text.count(row.openPastSLA),
      ]
      lines.append("| " + cells.joined(separator: " | ") + " |")
    }
    lines.append("")
    if let sla = resolution.slaHours.map({ text.short($0) }) {
      lines.append(text(.mdSLASentence, sla, text.count(resolution.openPastSLA.count)))
    } else {
      lines.append(Self.escape(text.noSLA))
    }
    return lines
  }

  private func canaries(_ report: ReportModel) -> [String]? {
    let canaries = report.canaries
    guard !canaries.found.isEmpty || !canaries.missing.isEmpty else { return nil }
    var lines = ["## " + text[.headingCanaries], ""]
    for item in canaries.found {
      lines.append(
        "- "
          + text(
            .mdCanaryFound, Self.escape("\(item.system):\(item.id)"),
            Self.escape(text.period(item.period)),
            Self.escape(text.cell(item.category, item.productLine, item.tier)),
            Self.escape(text.issue(item.issue, in: item.category))))
    }
    for id in canaries.missing {
      lines.append("- **\(text[.labelMissing])** " + text(.mdCanaryMissing, Self.escape(id)))
    }
    lines.append("")
    lines.append(text[.mdCanariesNote])
    return lines
  }

  private func dataQuality(_ bundle: ReportBundle) -> [String] {
    let report = bundle.report
    var lines = ["## " + text[.headingDataQuality], ""]
    let gaps = report.dataGaps.count
    if report.dataQuality.hasSales {
      lines.append("- " + text.plural(gaps, .mdDataGapsOne, .mdDataGapsOther))
    } else {
      lines.append("- " + Self.escape(text[.noSales]))
    }
    for gaps in ReportText.sameGaps(report.coverage.gaps) {
      lines.append(
        "- " + Self.escape(text.gapLine(gaps, granularity: report.granularity))
          + text[.sentenceEnd])
    }
    let unclassified = report.totals.classifiedShare.map { 1 - $0 }
    let empty = report.dataQuality.emptyText
    lines.append(
      "- " + text(.unclassifiedShare, text.percent(unclassified))
        + (empty > 0 ? " " + Self.escape(text.emptyText(empty)) : ""))
    if report.reclassified > 0 {
      lines.append("- " + text(.mdReclassified, text.count(report.reclassified)))
    }
    lines.append("- " + text(.mdRejected, text.count(bundle.rejects.count)))
    guard !report.inputs.isEmpty else { return lines }
    lines.append("")
    let headings = [
      text[.columnInput], text[.columnRowsRead], text[.columnAccepted], text[.columnRejected],
      text[.columnDuplicates], text[.columnFiltered],
    ]
    lines.append("| " + headings.joined(separator: " | ") + " |")
    lines.append("|---|---:|---:|---:|---:|---:|")
    for input in report.inputs {
      let cells = [
        Self.escape(input.path), text.count(input.rowsRead),
        text.count(input.accepted), text.count(input.rejected),
        text.count(input.duplicates), text.count(input.filtered),
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
  public static func escape(_ text: String) -> String {
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
