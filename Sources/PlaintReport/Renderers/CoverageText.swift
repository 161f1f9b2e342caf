/// The sentences that tell a reader what the data does not cover or cannot support, shared by
/// the HTML page and summary.md so both say the same. Plain text: renderers escape it.
enum CoverageText {
  /// The caveats for the top of the report, most important first; empty for a whole period of
  /// clean data.
  static func headline(_ report: ReportModel) -> [String] {
    let coverage = report.coverage
    let quality = report.dataQuality
    var linesOut: [String] = []
    for warning in quality.warnings {
      switch warning {
      case "partial_period":
        let days =
          coverage.periodCovered.isEmpty
          ? "part" : list(coverage.periodCovered.map { span($0.from, $0.through) })
        var line = "\(report.period) is a partial period: the exports cover only \(days) of it."
        line += " Its counts are shown; nothing is judged."
        if let whole = coverage.latestWholePeriod {
          line += " The latest whole period is \(whole)."
        }
        linesOut.append(line)
      case "not_covered":
        var line = "No export covers \(report.period): nothing is known about it, which is not"
        line += " zero complaints."
        if let last = coverage.lastTicket ?? coverage.lastDay {
          line += " The latest ticket seen is from \(last)."
        }
        linesOut.append(line)
      case "lines_not_covered":
        let lines = coverage.linesNotCovered
        guard !lines.isEmpty else { continue }
        let one = lines.count == 1
        linesOut.append(
          "\(list(lines)) \(one ? "is" : "are") not covered whole by the exports in "
            + "\(report.period): \(one ? "its" : "their") cells are not judged, and the roll-ups "
            + "holding \(one ? "it" : "them") are partial.")
      case "classification_shift":
        let now = percent(quality.emptyText, of: quality.complaints)
        let before = quality.emptyTextBefore.map { OutputNumber.fixed($0 * 100, decimals: 0) }
        linesOut.append(
          "Category verdicts are withheld: \(now) % of the period's complaints have no text to "
            + "classify\(before.map { " (\($0) % in the periods before)" } ?? ""), so a shift "
            + "between categories would come from the export, not from the complaints.")
      case "unassigned":
        linesOut.append(
          "\(share(quality.unassigned, of: quality.complaints)) of the period's complaints are in"
            + " no product line (unassigned), so outside every cell and every verdict.")
      case "unclassified":
        linesOut.append(
          "\(share(quality.unclassified, of: quality.complaints)) of the period's complaints match"
            + " no issue of the taxonomy.")
      case "empty_text":
        linesOut.append(
          "\(share(quality.emptyText, of: quality.complaints)) of the period's complaints have no"
            + " text to classify.")
      case "judged_minority":
        linesOut.append(
          "The judged cells hold \(share(quality.inJudgedCells, of: quality.complaints)) of the"
            + " period's complaints: the verdicts speak for a minority of them.")
      default:
        continue
      }
    }
    return linesOut
  }

  /// Why the period has no verdict at all (nil when it was judged): "not judged (partial
  /// period)" or "not judged (no data)".
  static func unjudged(_ report: ReportModel) -> String? {
    switch report.coverage.period {
    case "partial": return "not judged (partial period)"
    case "not_covered": return "not judged (no data)"
    default: return nil
    }
  }

  /// Why there is no anomaly where "no cell is out of control" would be wrong: nothing was
  /// judged. nil when cells were judged and none was out of control.
  static func noAnomalies(_ report: ReportModel) -> String? {
    switch report.coverage.period {
    case "partial": return "Nothing is judged in a partial period."
    case "not_covered": return "Nothing is judged: no export covers \(report.period)."
    default:
      if report.method.cellsTested == 0 {
        return "No cell had enough history to be judged in \(report.period)."
      }
      return nil
    }
  }

  /// The complaints card and headline of a period no export covers.
  static func noData(_ report: ReportModel) -> String {
    "no data: no export covers \(report.period)"
  }

  /// The data-gaps line without a sales file.
  static let noSales = "No sales file: complaint counts only, no rates."

  /// The resolution line with `sla_hours: off`.
  static let noSLA = "No SLA target (`sla_hours: off`): no breaches are counted."

  /// "12 complaints had no text to classify."
  static func emptyText(_ count: Int) -> String {
    "\(count) \(count == 1 ? "complaint" : "complaints") had no text to classify."
  }

  /// One coverage gap as a list line: "Coverage, Kettles: 2024-07 to 2025-06 (12 months): …".
  static func gapLine(_ gap: ReportModel.CoverageGap, granularity: String) -> String {
    "Coverage, \(gap.productLine): \(self.gap(gap, granularity: granularity))"
  }

  /// One line per coverage gap: "Kettles: 2024-07 to 2025-06 (12 months) — no export covers".
  static func gap(_ gap: ReportModel.CoverageGap, granularity: String) -> String {
    let unit = granularity == "week" ? "week" : "month"
    let range = gap.from == gap.through ? gap.from : "\(gap.from) to \(gap.through)"
    let count = "\(gap.periods) \(unit)\(gap.periods == 1 ? "" : "s")"
    return "\(range) (\(count)): \(reason(gap.reason))"
  }

  static func reason(_ code: String) -> String {
    switch code {
    case "not_covered": return "no export holding the line covers it; a gap, not zero"
    case "partial": return "exports cover only part of it; shown, not judged"
    case "before_history": return "before the first export that held the line; no history"
    default: return code
    }
  }

  /// The resolution section's word on files without resolution times.
  static func withoutResolution(_ files: [String]) -> String {
    "No resolution times in \(files.joined(separator: ", ")): resolution is not measured for"
      + " their complaints."
  }

  /// One file's span: "2024-01-03 to 2024-06-30 (from its tickets)".
  static func fileSpan(_ file: ReportModel.CoveredFile) -> String {
    let basis = file.basis == "covers" ? "as `covers:` says" : "first to last ticket"
    return "\(span(file.from, file.through)) (\(basis))"
  }

  static func span(_ from: String?, _ through: String?) -> String {
    guard let from, let through else { return "no day" }
    return from == through ? from : "\(from) to \(through)"
  }

  /// "a", "a and b", "a, b and c".
  static func list(_ items: [String]) -> String {
    guard items.count > 1, let last = items.last else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " and " + last
  }

  private static func percent(_ count: Int, of total: Int) -> String {
    guard total > 0 else { return "0" }
    return OutputNumber.fixed(Double(count) * 100 / Double(total), decimals: 0)
  }

  private static func share(_ count: Int, of total: Int) -> String {
    guard total > 0 else { return "0" }
    let percent = Double(count) * 100 / Double(total)
    return "\(count) of \(total) (\(OutputNumber.fixed(percent, decimals: 0)) %)"
  }
}
