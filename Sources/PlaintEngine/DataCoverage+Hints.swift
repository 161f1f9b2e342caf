import Foundation
import PlaintCore

extension DataCoverage {
  /// What `--period last` says of `period`, the newest, when the exports cover it only in part:
  /// the export whose rows reach furthest, the day of its last row, and either the `covers:`
  /// to write (none is set, or a dated one ends early) or, when `covers:` is set and cannot
  /// stretch to the period's end, the rows its rhythm expected on the silent days: is the
  /// export cut short? Never a setting already present (docs/coverage.md).
  func partialHint(_ period: Period) -> String {
    let files = self.files.filter { $0.lastRow != nil }
    guard
      let file = files.max(by: {
        ($0.span?.upperBound ?? .distantPast, $1.path) < (
          $1.span?.upperBound ?? .distantPast, $0.path
        )
      }),
      let lastRow = file.lastRow
    else {
      return
        "if the exports are complete through its end, say so with `covers:` on the source (docs/coverage.md)"
    }
    let end = period.next(in: timeZone).start(in: timeZone)
    let endDay = day(end.addingTimeInterval(-1))
    let rowDay = day(lastRow.addingTimeInterval(-1))
    let last =
      "\(file.path)'s last row is on \(rowDay) (\(weekdayName(lastRow.addingTimeInterval(-1))))"
    let reachable = (file.coversLimit ?? .distantPast) >= end
    let reach =
      "`covers:` stretches a span at most \(Self.coversReachDays) days (or three of a file's usual gaps between days) past its last row"
    if let refused = file.refusedStretch {
      let silent =
        "\(last) and none was logged on the \(refused.days) days after it, where about \(Int(refused.expected.rounded())) were expected at the export's usual rate for those weekdays, so its open-ended `covers:` does not stretch over them: is the export cut short?"
      guard reachable else { return "\(silent) (\(reach); docs/coverage.md)" }
      return
        "\(silent) If nothing was logged on those days (the desk was closed), write \(setting(file.declared, through: endDay)) on the source of \(file.path) for this run, and its open-ended `through:` back before the next: a dated edge is trusted, an open-ended one stretches only over days the export usually leaves empty (docs/coverage.md)"
    }
    if let declared = file.declared {
      if declared.through.description < endDay {
        let cut = "`covers:` on the source of \(file.path) ends on \(declared.through); \(last)"
        guard reachable else {
          return "\(cut), and \(reach): is the export cut short? (docs/coverage.md)"
        }
        return
          "\(cut); if nothing was logged after it, write \(setting(declared, through: "2099-12-31")) (open-ended: over days the export usually leaves empty, such as weekends) or \(setting(declared, through: endDay)) for this \(period.granularity.rawValue) alone (docs/coverage.md)"
      }
      let expected = file.silence.map {
        ", and none was logged on the \($0.days) days after it to \(endDay), where about \(Int($0.expected.rounded())) were expected at the export's usual rate for those weekdays"
      }
      let limit = file.span.map { " (to \(day($0.upperBound.addingTimeInterval(-1))))" } ?? ""
      return
        "\(last)\(expected ?? ""); its `covers:` is set, but stretches a span at most \(Self.coversReachDays) days (or three of the file's usual gaps between days) past its last row\(limit): is the export cut short? (docs/coverage.md)"
    }
    guard reachable else {
      return
        "\(last), and no `covers:` reaches \(endDay): \(reach); is the export cut short? (docs/coverage.md)"
    }
    return
      "\(last); if nothing was logged after it, say so with `covers:` on the source of \(file.path): write \(setting(nil, through: "2099-12-31")) once, which stretches every period's end over days the export usually leaves empty (a desk closed at weekends), or \(setting(nil, through: endDay)) for this \(period.granularity.rawValue)'s end alone (docs/coverage.md)"
  }

  /// `periods` (sorted), gaps in the exports, in the words of the report's coverage: each with
  /// the days it names as covered (`coveredSpans`), and runs of periods no export's span reaches
  /// as one ("2025-10 (no export covers it), 2025-11 (the exports cover only 2025-11-03 to
  /// 2025-11-30)", "2026-01 to 2026-10 (no export covers them)").
  func gapWords(_ periods: [Period]) -> String {
    var said: [String] = []
    var empty: [Period] = []
    func sayEmpty() {
      guard !empty.isEmpty else { return }
      said.append(
        "\(Pipeline.spoken(empty, in: timeZone)) (no export covers \(empty.count == 1 ? "it" : "them"))"
      )
      empty = []
    }
    for gap in periods {
      let spans = coveredSpans(of: gap)
      if all.coverage(of: gap, in: timeZone) == .none {
        if let last = empty.last, last.next(in: timeZone) != gap { sayEmpty() }
        empty.append(gap)
        continue
      }
      sayEmpty()
      // A week between two exports, shorter than a hole, lies inside their spans bridged: its
      // days are covered, and not one of them has a row (a new user's weekly file that never
      // landed, once called "no export covers it" beside a report calling it partial).
      let covered =
        spans.isEmpty
        ? "no export has a row on any of its days"
        : spans == [gap.interval(in: timeZone)]
          ? "days without a row inside its exports"
          : "the exports cover only "
            + spans.map { "\(day($0.lowerBound)) to \(day($0.upperBound.addingTimeInterval(-1)))" }
            .joined(separator: ", ")
      said.append("\(gap) (\(covered))")
    }
    sayEmpty()
    return said.joined(separator: ", ")
  }

  /// `covers: {from: …, through: …}` as the config would hold it, `from` only when set.
  private func setting(_ declared: Configuration.Source.Covers?, through: String) -> String {
    guard let from = declared?.from,
      from != Configuration.Source.Day(Configuration.Source.Covers.openFrom)
    else { return "`covers: {through: \(through)}`" }
    return "`covers: {from: \(from), through: \(through)}`"
  }

  /// "Mon" … "Sun" for the day of `date` in the configured zone.
  private func weekdayName(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let names = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    return names[(calendar.component(.weekday, from: date) - 1) % 7]
  }
}
