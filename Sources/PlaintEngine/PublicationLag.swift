import Foundation
import PlaintCore
import PlaintStore

/// The trailing periods that are still filling in: whole by their days, but at the end of an
/// export whose source publishes its rows late (the Housing Ombudsman publishes decisions months
/// after they are made), so they hold only what has been published so far.
///
/// Product lines are grouped by the export they end in: the lines whose coverage ends in the same
/// period, in the same file or files, are tested as one series, their sum (`TrailingThinning`).
/// Publication lag thins a whole export at once, while a genuine drop sits in part of it, so a
/// single line that falls away at the end of an export whose other lines hold their level is
/// judged, not hidden; and a steady export ending in the same month as a lagging one does not
/// dilute the lagging one's thin tail. A period still filling in is treated like a partial one:
/// shown, never judged, named as such. It is reversible: when later exports fill the period in,
/// its count is no longer far below its level, and it is judged.
struct PublicationLag: Sendable {
  /// Per product line, its periods still filling in and the evidence of its group.
  private(set) var lines: [String: [Period: TrailingThinning.Thin]] = [:]
  /// The periods still filling in for the exports that reach the end of the data, with the
  /// evidence: the report's own period is "filling in" when it is one of these.
  private(set) var periods: [Period: TrailingThinning.Thin] = [:]
  /// Complaints in product lines per period, over every line: what a period the exports cover
  /// only to a day before its end is compared with (`DataCoverage.endsLag`).
  private(set) var totals: [Period: Int] = [:]
  /// At most this many trailing periods are passed over as still filling in (0: the rule is off).
  private(set) var maxPeriods = 0
  /// The one-sided level of "far below" (`publication_lag.level`).
  private(set) var level = 0.0
  /// How many periods were tested together for "far below" (4 for weeks).
  private(set) var blockPeriods = 1
  /// Whether the rule counted every complaint: most complaints are in no product line, so the
  /// product lines do not stand for the exports (the Housing Ombudsman's export as `plaint init`
  /// maps it, with no product column).
  private(set) var countsEveryComplaint = false

  init() {}

  /// How many periods are tested together for "far below": about a month's worth.
  static func blockPeriods(_ granularity: Granularity) -> Int { granularity == .week ? 4 : 1 }

  /// Whether `line` is still filling in in `period`.
  func isFillingIn(line: String, _ period: Period) -> Bool { lines[line]?[period] != nil }

  /// Finds the trailing periods still filling in, from the store's counts per product line;
  /// `lastDays` counts each line's tickets created in a stretch of days (an export's last week).
  init(
    counts: [CellCount], coverage: DataCoverage, settings: Configuration.PublicationLag,
    control: Configuration.Control, granularity: Granularity,
    lastDays: (Range<Date>) throws -> [String: Int]
  ) rethrows {
    guard let level = settings.level, let span = coverage.span(granularity) else { return }
    maxPeriods = settings.maxPeriods(granularity)
    self.level = level
    var rule = TrailingThinning.Settings(
      level: level, maxPeriods: settings.maxPeriods(granularity),
      baselinePeriods: control.baselinePeriods,
      minBaselinePeriods: control.minBaselinePeriods)
    // Lag runs in time: a weekly export is tested in blocks of about a month (4 weeks), since no
    // single week of its thin tail need be far below a level that varies 0 to 570 around 200.
    rule.blockPeriods = Self.blockPeriods(granularity)
    blockPeriods = rule.blockPeriods
    let zone = coverage.timeZone
    var perLine: [String: [Period: Int]] = [:]
    var unassigned: [Period: Int] = [:]
    for count in counts {
      guard count.cell.productLine != Cell.unassigned else {
        unassigned[count.period, default: 0] += count.count
        continue
      }
      perLine[count.cell.productLine, default: [:]][count.period, default: 0] += count.count
      totals[count.period, default: 0] += count.count
    }
    let assignedTotal = totals.values.reduce(0, +)
    if unassigned.values.reduce(0, +) > assignedTotal {
      // Most complaints are in no product line (an export that maps no product column, with
      // at most a few tickets matched by a line's phrases): the product lines do not stand for
      // the export, so the lag is tested on every complaint, or it would never be seen.
      perLine[Cell.unassigned] = unassigned
      for (period, count) in unassigned { totals[period, default: 0] += count }
      countsEveryComplaint = true
    }
    // Lines grouped by the export they end in: the period their coverage ends in, and the files
    // carrying them whose days reach that end.
    var groups: [Group: [String]] = [:]
    var ends: [Group: Date] = [:]
    for (line, covered) in coverage.lineCoverage {
      guard let end = covered.end else { continue }
      let last = Period(containing: end.addingTimeInterval(-1), in: zone, granularity: granularity)
      let files = coverage.files.filter {
        $0.productLines.contains(line) && $0.span?.upperBound == end
      }
      let group = Group(end: last, files: files.map(\.path))
      groups[group, default: []].append(line)
      ends[group] = max(ends[group] ?? end, end)
    }
    // Each export (file) tested on its own rows, every complaint in it: a line carried by a
    // lagging export and a steady one is grouped with the steady one (it reaches the line's
    // end), and the pooled counts hide the lagging one's thinning contribution.
    let exports = Self.exports(coverage: coverage, span: span, rule: rule, granularity: granularity)
    let latest = groups.keys.map(\.end).max()
    // The whole report's period is filling in only where every export reaching the end of the data
    // is: a steady export there is judged, its lagging neighbour's lines are filling in on their own.
    var latestThin: [Period: [TrailingThinning.Thin]] = [:]
    let latestGroups = groups.keys.filter { $0.end == latest }.count
    for (group, members) in groups.sorted(by: { $0.key < $1.key }) {
      let end = group.end
      let lines = members.sorted()
      let starts = lines.map { coverage.historyStart($0, granularity) ?? end }
      var counts: [[Int]?] = []
      let periods = Period.range(span.lowerBound, through: end)
      for period in periods {
        var parts = Array(repeating: 0, count: lines.count)
        var whole = true
        var begun = false
        for (slot, (line, start)) in zip(lines, starts).enumerated() where start <= period {
          begun = true
          guard coverage.coverage(line: line, period) == .whole else {
            whole = false
            break
          }
          parts[slot] = perLine[line]?[period] ?? 0
        }
        counts.append(whole && begun ? parts : nil)
      }
      // The run ends at the group's last whole period (a partial last period is unjudged anyway).
      while counts.last == .some(nil) { counts.removeLast() }
      var thin = TrailingThinning.find(counts, settings: rule)
      if !thin.isEmpty, let last = ends[group] {
        // Lag thins the most recent days most: the export's last week must be thin too.
        let days = TrailingThinning.finalStretchDays
        let stretch = last.addingTimeInterval(-Double(days) * 86_400)..<last
        let recent = try lastDays(stretch)
        let periodDays = granularity == .week ? 7 : 365.2425 / 12
        thin = TrailingThinning.find(
          counts, settings: rule,
          finalStretch: .init(
            count: lines.reduce(0) { $0 + (recent[$1] ?? 0) },
            periods: Double(days) / periodDays, inLastPeriod: counts.count == periods.count))
      }
      for found in thin {
        let period = periods[found.index]
        // The lines' sums are thin, but a file of the group tested on its own rows holds its
        // level: the thinning is another export's contribution to a shared line (marked below,
        // line by line), not this export's lag.
        if group.files.contains(where: { exports[$0]?.holds(period) == true }) { continue }
        for line in lines { self.lines[line, default: [:]][period] = found }
        if end == latest { latestThin[period, default: []].append(found) }
      }
    }
    for (period, found) in latestThin where found.count == latestGroups {
      // Several exports reaching the end, all thin: their evidence added up.
      periods[period] = TrailingThinning.Thin.combined(
        found.sorted { $0.expected > $1.expected }, level: level)
    }
    // A lagging export's thin periods hold back every line it carries, even where another,
    // steady export carries the line too (its counts there are not whole), and its complaints in
    // no product line when most of its complaints are (the every-complaint rule, per export).
    // A line whose group holds this export was tested with it (and a drop in one of its lines
    // judged, the mix having moved); only the lines grouped with other exports are marked here.
    var grouped: [String: Set<String>] = [:]
    for (group, members) in groups {
      for line in members { grouped[line, default: []].formUnion(group.files) }
    }
    // Only an export that ends in the period its line ends in: an older export whose later
    // rows a newer one holds (a snapshot kept from last month) says nothing of the line now,
    // and the periods it saw thin are judged once the newer export fills them in.
    func endPeriod(_ end: Date?) -> Period? {
      end.map {
        Period(containing: $0.addingTimeInterval(-1), in: zone, granularity: granularity)
      }
    }
    for file in coverage.files {
      guard let tested = exports[file.path], !tested.thin.isEmpty,
        let fileEnd = endPeriod(file.span?.upperBound)
      else { continue }
      var held = file.productLines.filter {
        $0 != Cell.unassigned && grouped[$0]?.contains(file.path) != true
      }
      let rows = file.periodRows.values.reduce(0, +)
      if 2 * file.unassignedRows > rows { held.insert(Cell.unassigned) }
      for line in held where endPeriod(coverage.lineCoverage[line]?.end) == fileEnd {
        for (period, found) in tested.thin.merging(
          tested.partialTail, uniquingKeysWith: { a, _ in a })
        where self.lines[line]?[period] == nil {
          self.lines[line, default: [:]][period] = found
        }
      }
    }
  }

  /// One export's own series tested for lag: its thin periods, and the whole periods it was
  /// tested on with enough history before them to say that they hold their level.
  struct Export {
    var thin: [Period: TrailingThinning.Thin] = [:]
    var tested: Set<Period> = []
    /// The periods after the last thin one that the export covers only in part (it ends in
    /// them), with the evidence of its last thin period: the newest, deepest part of its lag,
    /// which holds back a line another export covers whole in them.
    var partialTail: [Period: TrailingThinning.Thin] = [:]

    /// Whether the export holds its level in `period` (tested and not thin).
    func holds(_ period: Period) -> Bool { tested.contains(period) && thin[period] == nil }
  }

  /// Every export's rows per period, tested on their own (`TrailingThinning`, one part: the
  /// mix test is the line groups' business), with the export's own final stretch.
  static func exports(
    coverage: DataCoverage, span: ClosedRange<Period>, rule: TrailingThinning.Settings,
    granularity: Granularity
  ) -> [String: Export] {
    var result: [String: Export] = [:]
    let zone = coverage.timeZone
    let periodDays = granularity == .week ? 7 : 365.2425 / 12
    for file in coverage.files {
      guard let fileSpan = file.span else { continue }
      var days = Coverage()
      for part in file.spans { days.insert(part) }
      let last = Period(
        containing: fileSpan.upperBound.addingTimeInterval(-1), in: zone,
        granularity: granularity)
      let periods = Period.range(span.lowerBound, through: last)
      var counts: [Int?] = periods.map {
        days.coverage(of: $0, in: zone) == .whole ? file.periodRows[$0] ?? 0 : nil
      }
      while counts.last == .some(nil) { counts.removeLast() }
      guard !counts.isEmpty else { continue }
      var export = Export()
      // The trailing periods tested: those of the longest run `TrailingThinning` tries, when
      // that run has enough whole periods before it. An export too short for the longest run
      // (the newest half year of a lagging source, cut into a file of its own) stops at the
      // shorter runs, whose baselines hold its own thin periods: it says nothing of the
      // periods it holds, and does not overrule the lines it carries.
      let runStart = max(0, counts.count - rule.maxPeriods)
      if counts[..<runStart].compactMap({ $0 }).count >= rule.minBaselinePeriods {
        for index in runStart..<counts.count where counts[index] != nil {
          export.tested.insert(periods[index])
        }
      }
      let thin = TrailingThinning.find(
        counts, settings: rule,
        finalStretch: .init(
          count: file.finalStretchRows,
          periods: Double(TrailingThinning.finalStretchDays) / periodDays,
          inLastPeriod: counts.count == periods.count))
      for found in thin { export.thin[periods[found.index]] = found }
      if let newest = thin.last, newest.index == counts.count - 1 {
        for period in Period.range(periods[newest.index], through: last).dropFirst() {
          export.partialTail[period] = newest
        }
      }
      result[file.path] = export
    }
    return result
  }

  /// The lines of one export: the period their coverage ends in and the files reaching that end.
  private struct Group: Hashable, Comparable {
    var end: Period
    var files: [String]

    static func < (lhs: Group, rhs: Group) -> Bool {
      (lhs.end, lhs.files.joined(separator: "\n")) < (rhs.end, rhs.files.joined(separator: "\n"))
    }
  }
}

extension Configuration {
  /// `publication_lag:` — when a trailing period counts as still filling in.
  public struct PublicationLag: Sendable, Hashable {
    /// The one-sided level of the "far below" tests; nil when `publication_lag: off`.
    public var level: Double? = Defaults.publicationLagLevel
    /// At most this many trailing periods are treated as filling in; nil: a quarter of a year
    /// in the report's periods (`maxPeriods(_:)`).
    public var maxPeriods: Int? = nil

    public init() {}

    /// The look-back in the report's periods: `max_periods` when set, else a quarter of a year,
    /// 3 months or 13 weeks. Publication lag runs in time, not in periods: the Ombudsman's
    /// export thins over about three months, which is 12 weekly periods.
    public func maxPeriods(_ granularity: Granularity) -> Int {
      maxPeriods
        ?? (granularity == .week ? Defaults.publicationLagWeeks : Defaults.publicationLagMonths)
    }
  }
}

extension Defaults {
  /// One in a thousand per test: a steady export's last period is called "filling in" by chance
  /// in 0.2–0.35 % of reports (TrailingThinningTests measures it).
  static let publicationLagLevel: Double? = 0.001
  /// A quarter of a year, in months and in weeks: longer lags are gaps to name with `covers:`.
  static let publicationLagMonths = 3
  static let publicationLagWeeks = 13
}

extension Ranges {
  /// `publication_lag.level`: a probability.
  static let publicationLagLevel = Real(
    lower: 0, upper: 0.5, includesLower: false, includesUpper: false)
  /// `publication_lag.max_periods`.
  static let publicationLagMaxPeriods = 1...52
}

extension Configuration {
  /// `publication_lag: off`, or `{level: 0.001, max_periods: 3}`.
  static func publicationLag(_ node: YAMLNode?) throws(ConfigError) -> PublicationLag {
    var settings = PublicationLag()
    guard let node else { return settings }
    if !node.isMapping {
      guard (try? node.string())?.lowercased() == "off" else {
        // The rule is on unless turned off: the only word the key takes is `off`.
        let given = (try? node.string()).map { "\"\($0)\"" } ?? "a list"
        throw node.error(
          "expected off, or a mapping such as {level: 0.001, max_periods: 3}, got \(given) (the rule is on by default: leave the key out to keep it)"
        )
      }
      settings.level = nil
      return settings
    }
    _ = try node.mapping(allowed: ["level", "max_periods"])
    if let levelNode = node["level"] {
      if (try? levelNode.string())?.lowercased() == "off" {
        settings.level = nil
      } else {
        settings.level = try bounded(levelNode, Ranges.publicationLagLevel)
      }
    }
    settings.maxPeriods =
      try bounded(node["max_periods"], Ranges.publicationLagMaxPeriods) ?? settings.maxPeriods
    return settings
  }
}

extension DataCoverage {
  /// "20 complaints in product lines against about 857 in each of the 12 whole periods before
  /// (fewer than 455 is far below), 111 in those lines in the period before": the counts of the
  /// lines tested, which leave out complaints in no product line, so they can fall short of the
  /// report's headline count.
  func fillingInEvidence(_ period: Period) -> String {
    guard let found = lag.periods[period] else {
      if endsLag(period), let through = coveredDays(period)?.last {
        return "covered only through \(day(through)), after periods still filling in"
      }
      return "far fewer rows than before"
    }
    let expected = Int(found.expected.rounded())
    let counted =
      lag.countsEveryComplaint
      ? "complaints (most are in no product line, so every complaint counts)"
      : "complaints in product lines"
    // Tested in blocks (weeks), no single period need be below one period's limit: the limit
    // quoted is the block's, not a per-period one that a week far above it would contradict.
    let limit =
      lag.blockPeriods > 1
      ? "each stretch of \(lag.blockPeriods) periods of the run far below that level"
      : "fewer than \(found.lowerLimit) is far below"
    var text =
      "\(found.count) \(counted) against about \(expected) in each of the \(found.baselineCount) whole periods before (\(limit))"
    if let previous = found.previous {
      text +=
        ", \(previous) \(lag.countsEveryComplaint ? "" : "in those lines ")in the period before"
    }
    if let stretch = found.finalStretch, let expected = found.finalStretchExpected {
      text +=
        ", \(stretch) in the export's last \(TrailingThinning.finalStretchDays) days against about \(Int(expected.rounded())) at that level"
    }
    return text
  }

  /// Whether `period` is the exports' last, covered from its first day to a day before its
  /// last, and continues a lag: a late-publishing source whose newest days have no row yet, not
  /// an export cut short. All of these must hold:
  /// - one run of covered days from the period's first day, ending at the latest ticket (not
  ///   at a day `covers:` stretched the span to);
  /// - the period before is still filling in, and with the ones before it the run stays within
  ///   `publication_lag.max_periods`;
  /// - its covered days are thinner still than the period before, far below that period's rate
  ///   per day (one-sided Poisson, p < `endsLagLevel`), or have collapsed to near zero (under
  ///   `TrailingThinning.collapseShare` of the level for as many days): a lag thins toward its
  ///   end, while an export cut off after a drop holds the drop's rate up to the cut.
  func endsLag(_ period: Period) -> Bool {
    let zone = timeZone
    let previous = period.previous(in: zone)
    guard let lastDay, let lastTicket, let days = coveredDays(period),
      days.first == period.start(in: zone), days.last == lastDay,
      day(lastTicket) == day(lastDay), all.clipped(to: period.interval(in: zone)).count == 1,
      isFillingIn(previous), let before = lag.periods[previous]
    else { return false }
    var run = 1
    var earlier = previous
    while isFillingIn(earlier) {
      run += 1
      earlier = earlier.previous(in: zone)
    }
    guard run <= lag.maxPeriods else { return false }
    let interval = previous.interval(in: zone)
    let perDay =
      Double(before.count) / interval.upperBound.timeIntervalSince(interval.lowerBound) * 86_400
    let coveredDays = (lastDay.timeIntervalSince(days.first) + 1) / 86_400
    let expected = perDay * coveredDays.rounded(.up)
    let count = lag.totals[period] ?? 0
    // Collapsed to near zero against the level (the deepest part of a lag, where the period
    // before holds too few rows for "thinner still" to be significant: the Ombudsman's 12 in
    // 26 days after 20 in October, against about 857 a month).
    let wholeDays =
      period.interval(in: zone).upperBound.timeIntervalSince(period.start(in: zone)) / 86_400
    let level = before.expected * coveredDays.rounded(.up) / wholeDays
    if PoissonDistribution.cdf(count, mean: expected) < Self.endsLagLevel
      || Double(count) < TrailingThinning.collapseShare * level
    {
      return true
    }
    // Still far below the level over its covered days (the test that found the period before
    // filling in, scaled to them) and no thicker per day than the period before: the lag goes
    // on (t7's 10 in 22 days after 24 in October, against about 96 a month). A period back
    // above the period before's rate is a return toward the level, and an export cut there is
    // cut short, as is one that holds a drop's rate up to the cut.
    let share = coveredDays.rounded(.up) / wholeDays
    let farBelow =
      TrailingThinning.lowerTail(count, mean: level, shape: before.shape.map { $0 * share })
      < lag.level
    return farBelow && Double(count) <= expected
  }

  /// How far below the period before a period lacking its last days must be to continue a lag.
  static let endsLagLevel = 0.01

  /// The periods after `reported` the exports hold that are still filling in, oldest first; the
  /// newest among them may lack its last days (`endsLag`).
  func fillingIn(after reported: Period) -> [Period] {
    var found = lag.periods.keys.sorted().filter { $0 > reported && isFillingIn($0) }
    if let lastDay {
      let newest = Period(containing: lastDay, in: timeZone, granularity: reported.granularity)
      if newest > reported && !found.contains(newest) && endsLag(newest) { found.append(newest) }
    }
    return found
  }

  /// "2026-03, 2026-04 are still filling in (2026-03: …; 2026-04: …) and will be judged once
  /// later exports fill them in (--period 2026-03 shows its counts, unjudged)": the periods a
  /// report passed over, oldest first, with the evidence for each.
  func passedOver(_ periods: [Period]) -> String {
    let reasons = periods.map { "\($0): \(fillingInEvidence($0))" }
    let names = periods.map(\.description).joined(separator: ", ")
    let one = periods.count == 1
    return
      "\(names) \(one ? "is" : "are") still filling in (\(reasons.joined(separator: "; "))) and will be judged once later exports fill \(one ? "it" : "them") in (--period \(periods.last.map(\.description) ?? "") shows its counts, unjudged)"
  }
}
