/// The sentences that tell a reader what the data does not cover or cannot support, shared by
/// the HTML page and summary.md so both say the same, in the reader's language. Plain text:
/// renderers escape it.
extension ReportText {
  /// The caveats for the top of the report, most important first; empty for a whole period of
  /// clean data.
  func coverageNotices(_ report: ReportModel) -> [String] {
    let coverage = report.coverage
    let quality = report.dataQuality
    let period = self.period(report.period)
    var notices: [String] = []
    for warning in quality.warnings {
      switch warning {
      case "partial_period":
        var line =
          coverage.periodCovered.isEmpty
          ? self(.noticePartialUnknown, period)
          : self(
            .noticePartial, period, list(coverage.periodCovered.map { span($0.from, $0.through) }))
        if let whole = coverage.latestWholePeriod {
          line += self(.noticeLatestWhole, self.period(whole))
        }
        notices.append(line)
      case "filling_in":
        notices.append(fillingInNotice(report))
      case "not_covered":
        var line = self(coverage.withoutRows == true ? .noticeNoRows : .noticeNotCovered, period)
        if let last = coverage.lastTicket ?? coverage.lastDay {
          line += self(.noticeLatestTicket, date(last))
        }
        notices.append(line)
      case "empty_stretches":
        notices += (coverage.emptyStretches ?? []).map { emptyStretchNotice($0, in: report) }
      case "lines_not_covered":
        if let line = linesFillingIn(report) { notices.append(line) }
        if let line = linesNotCoveredNotice(report) { notices.append(line) }
      case "classification_shift":
        let now = wholePercent(number: percentNumber(quality.emptyText, of: quality.complaints))
        let before = quality.emptyTextBefore.map {
          self(.noticeShareBefore, wholePercent(number: fixed($0 * 100, decimals: 0)))
        }
        notices.append(self(.noticeClassificationShift, now, before ?? ""))
      case "export_joined":
        notices += exportJoinedNotices(report)
      case "unassigned":
        notices.append(self(.noticeUnassigned, share(quality.unassigned, of: quality.complaints)))
      case "unclassified":
        notices.append(
          self(.noticeUnclassified, share(quality.unclassified, of: quality.complaints)))
      case "empty_text":
        notices.append(self(.noticeEmptyText, share(quality.emptyText, of: quality.complaints)))
      case "judged_minority":
        notices.append(
          self(.noticeJudgedMinority, share(quality.inJudgedCells, of: quality.complaints)))
      case "later_filling_in":
        let later = (coverage.fillingIn?.periods ?? []).filter { $0 > report.period }
        guard !later.isEmpty else { continue }
        // Some lines of the reported period are still filling in (named above): it is the
        // newest period that can be judged, not one settled through and through.
        let partly = !(coverage.fillingIn?.lines ?? []).isEmpty && coverage.period == "whole"
        notices.append(
          self(
            partly ? .noticeLaterFillingInLines : .noticeLaterFillingIn,
            list(later.map(self.period)),
            // The newest settled period, which is the reported one only for `--period last`.
            coverage.latestWholePeriod.map(self.period) ?? period))
      default:
        continue
      }
    }
    return notices
  }

  /// The sentence that names the product lines the exports do not cover whole in the reported
  /// period, other than those still filling in: their cells are not judged. nil when there is
  /// none. The notes and the run's log both say it this way.
  public func linesNotCoveredNotice(_ report: ReportModel) -> String? {
    let filling = Set(report.coverage.fillingIn?.lines ?? [])
    let lines = report.coverage.linesNotCovered.filter { !filling.contains($0) }
    guard !lines.isEmpty else { return nil }
    let phrase: ReportPhrase = lines.count == 1 ? .noticeLineNotCovered : .noticeLinesNotCovered
    let said = self(phrase, list(lines.map(productLine)), period(report.period))
    // Lines the period's exports cover without a row of them (or with implausibly few): the
    // export is there, and no one should go looking for another (a new user's CFPB lines that
    // thinned out to none, called "not covered" as if a file were missing).
    let leftOut = lines.filter { line in
      report.coverage.gaps.contains {
        $0.productLine == line && $0.reason == "not_carried" && $0.from <= report.period
          && report.period <= $0.through
      }
    }
    guard !leftOut.isEmpty else { return said }
    return said + " "
      + self(.noticeLinesLeftOut, list(leftOut.map(productLine)), period(report.period))
  }

  /// The sentence that says `stretch` of `report`: days without a row on any export, or days one
  /// file lost (as the reason its lines are not judged when none of them is covered whole); a
  /// single day as that day. The notes and the run's log both say it this way.
  public func emptyStretchNotice(_ stretch: ReportModel.EmptyStretch, in report: ReportModel)
    -> String
  {
    let (period, one) = (self.period(report.period), stretch.days == 1)
    let (days, span) = (sentenceCount(stretch.days), span(stretch.from, stretch.through))
    let expected = sentenceCount(stretch.expectedRows)
    guard let file = stretch.file else {
      return self(
        one ? .noticeEmptyStretchOne : .noticeEmptyStretch, period, days, span, expected)
    }
    guard let withheld = report.coverage.linesWithheld(by: stretch) else {
      return self(
        one ? .noticeFileEmptyStretchOne : .noticeFileEmptyStretch, period, file, days, span,
        expected)
    }
    return self(
      one ? .noticeFileEmptyStretchWithheldOne : .noticeFileEmptyStretchWithheld, period, file,
      days, span, expected, list(withheld.map(productLine)))
  }

  /// The days without a row on any export in a period judged as whole, all stretches together:
  /// what the headline and the cards set beside the count of anomalies. nil when there is none.
  func emptyDays(_ report: ReportModel) -> Int? {
    // Days without a row on any export: a file's own stretch is said in the notes alone.
    let days = (report.coverage.emptyStretches ?? []).filter { $0.file == nil }
      .reduce(0) { $0 + $1.days }
    return days > 0 ? days : nil
  }

  /// Why the period has no verdict at all (nil when it was judged): "not judged (partial
  /// period)", "not judged (no complaint is in a product line)", ….
  func unjudged(_ report: ReportModel) -> String? {
    switch report.unjudged {
    case .partial: self[.unjudgedPartial]
    case .fillingIn: self[.unjudgedFillingIn]
    case .notCovered: self[.unjudgedNoData]
    case .unassigned: self[.unjudgedUnassigned]
    case .linesNotCovered: self[.unjudgedLines]
    case .history: self[.unjudgedHistory]
    case .noUnits: self[.unjudgedNoUnits]
    case nil: nil
    }
  }

  /// Why there is no anomaly where "no cell is out of control" would be wrong: nothing was
  /// judged. nil when cells were judged and none was out of control.
  func nothingJudged(_ report: ReportModel) -> String? {
    switch report.unjudged {
    case .partial: self[.nothingJudgedPartial]
    case .fillingIn: self[.nothingJudgedFillingIn]
    case .notCovered:
      self(
        report.coverage.withoutRows == true ? .nothingJudgedNoRows : .nothingJudgedNotCovered,
        period(report.period))
    case .unassigned: self(.nothingJudgedUnassigned, period(report.period))
    case .linesNotCovered(let lines):
      self(
        .nothingJudgedLines, period(report.period),
        lines.map(productLine).joined(separator: self[.listSeparator]))
    case .history: self(.nothingJudgedHistory, period(report.period))
    case .noUnits(let lines):
      self(.nothingJudgedNoUnits, period(report.period), list(lines.map(productLine)))
    case nil:
      // Cells judged none, yet an issue's share was flagged: the section lists the shares.
      report.method.cellsTested == 0 ? self(.nothingJudgedHistory, period(report.period)) : nil
    }
  }

  /// The complaints card and headline of a period no export covers.
  func noData(_ report: ReportModel) -> String {
    self(report.coverage.withoutRows == true ? .noDataNoRows : .noData, period(report.period))
  }

  /// The resolution line with `sla_hours: off`.
  var noSLA: String { self(.noSLA, "`sla_hours: off`") }

  /// "12 complaints had no text to classify."
  func emptyText(_ count: Int) -> String {
    self(count == 1 ? .emptyTextOne : .emptyTextOther, sentenceCount(count))
  }

  /// The resolution section's word on files without resolution times.
  func withoutResolution(_ files: [String]) -> String {
    self(.withoutResolution, files.joined(separator: self[.listSeparator]))
  }

  /// The resolution section's words on every file resolution is not measured for: those
  /// without resolution times, those whose column is practically unused, and those of dates
  /// without a time of day, each with its reason.
  func resolutionNotes(_ quality: ReportModel.DataQuality) -> [String] {
    let sparse = quality.sparseResolution ?? []
    let datesOnly = quality.datesOnly ?? []
    let none = quality.withoutResolution.filter { path in
      !sparse.contains { $0.path == path } && !datesOnly.contains(path)
    }
    var notes = none.isEmpty ? [] : [withoutResolution(none)]
    for file in sparse {
      notes.append(
        self(
          .sparseResolution, file.path, count(file.resolved), count(file.olderTickets),
          count(file.days)))
    }
    for path in datesOnly where quality.withoutResolution.contains(path) {
      notes.append(self(.datesOnlyResolution, path))
    }
    return notes
  }

  /// Coverage gaps that differ only in their product line as one list line: "Coverage,
  /// Kettles and Toasters: 2024-07 to 2025-06 (12 months): …". One line per line repeated each
  /// fact (the Housing Ombudsman's two lines: ten lines for five facts).
  func gapLine(_ gaps: [ReportModel.CoverageGap], granularity: String) -> String {
    guard let first = gaps.first else { return "" }
    return self(
      .gapLine, list(gaps.map { productLine($0.productLine) }),
      gap(first, granularity: granularity))
  }

  /// `gaps` in groups that differ only in their product line, in the order each group first
  /// appears (`gapLine`).
  static func sameGaps(_ gaps: [ReportModel.CoverageGap]) -> [[ReportModel.CoverageGap]] {
    var groups: [[ReportModel.CoverageGap]] = []
    var at: [ReportModel.CoverageGap: Int] = [:]
    for gap in gaps {
      var key = gap
      key.productLine = ""
      if let index = at[key] {
        groups[index].append(gap)
      } else {
        at[key] = groups.count
        groups.append([gap])
      }
    }
    return groups
  }

  /// One line per coverage gap: "2024-07 to 2025-06 (12 months): no export holding the line
  /// covers it; a gap, not zero".
  func gap(_ gap: ReportModel.CoverageGap, granularity: String) -> String {
    let range =
      gap.from == gap.through
      ? period(gap.from) : self(.periodRange, period(gap.from), period(gap.through))
    let one = gap.periods == 1
    let unit: ReportPhrase =
      granularity == "week"
      ? (one ? .gapWeekOne : .gapWeekOther) : (one ? .gapMonthOne : .gapMonthOther)
    return self(.gapRun, range, self(unit, sentenceCount(gap.periods)), gapReason(gap.reason))
  }

  func gapReason(_ code: String) -> String {
    switch code {
    case "not_covered": self[.gapNotCovered]
    case "not_carried": self[.gapNotCarried]
    case "no_rows": self[.gapNoRows]
    case "partial": self[.gapPartial]
    case "filling_in": self[.gapFillingIn]
    case "before_history": self[.gapBeforeHistory]
    case "empty_stretch": self[.gapEmptyStretch]
    default: code
    }
  }

  /// One file's span: "2024-01-03 to 2024-06-30 (first to last ticket)".
  func fileSpan(_ file: ReportModel.CoveredFile) -> String {
    self(file.basis == "covers" ? .fileSpanCovers : .fileSpanTickets, span(file.from, file.through))
  }

  /// A run of days: one date, "from to through", or "no day".
  func span(_ from: String?, _ through: String?) -> String {
    guard let from, let through else { return self[.spanNone] }
    return from == through ? date(from) : self(.spanRange, date(from), date(through))
  }

  /// "a", "a and b", "a, b and c".
  func list(_ items: [String]) -> String {
    guard items.count > 1, let last = items.last else { return items.first ?? "" }
    return self(.listAnd, items.dropLast().joined(separator: self[.listSeparator]), last)
  }

  /// The whole percentage `count` is of `total`, as a number ("45"); "0" for no total.
  private func percentNumber(_ count: Int, of total: Int) -> String {
    guard total > 0 else { return "0" }
    return fixed(Double(count) * 100 / Double(total), decimals: 0)
  }

  /// "12 of 100 (12 %)"; "0" for no total. The log states a data-quality share in these words
  /// too, so that it rounds as the report does.
  public func share(_ count: Int, of total: Int) -> String {
    guard total > 0 else { return "0" }
    return self(
      .shareOfTotal, sentenceCount(count), sentenceCount(total),
      wholePercent(number: percentNumber(count, of: total)))
  }
}
