import Foundation
import PlaintCore
import PlaintStore

/// What the exports cover: each file's span of days, the product lines it carries, and what that
/// makes of every period — whole, partial or not covered. No data is not zero: a period no
/// export covers is a gap, never a count of 0.
///
/// A file covers the days of its rows (accepted or duplicate) from first to last, except for
/// stragglers: a run of days holding under 2 % of the file's rows, cut off from the rest by a
/// gap of more than 14 days (or ten times the file's usual gap between days), is counted but
/// does not stretch the span; a gap that long between two larger runs is a hole in the file.
/// The source's `covers:` stretches the span to the edges it names, within the periods the rows
/// reach and by at most a week (or three of the file's usual gaps between days). A file carries a
/// product line unless it holds implausibly few of the line's rows both for its span and for its
/// own rows: under a tenth of what the line's rate per day, and then its share of the rows in
/// product lines, over the files that hold it predicts, and fewer than chance allows (Poisson,
/// p < 0.001). One company's export with three stray rows of another company's line does not
/// cover that line; a month with no complaint about a small line in a help desk's export does,
/// and so does the thin newest month of a late-publishing source in a file of its own. A product
/// line is covered where a file that carries it is, and over a cut between two such files unless
/// the rows on either side, read as one series, leave a hole there (`bridges`): the same rows cut
/// into files are covered as the one file is. Its history starts with the first such file.
struct DataCoverage {
  struct File: Sendable {
    var path: String
    /// The days covered; nil when the file had no dated row.
    var span: Range<Date>? {
      spans.isEmpty ? nil : spans[0].lowerBound..<spans[spans.count - 1].upperBound
    }
    /// The covered runs of days (more than one where the file has a hole).
    var spans: [Range<Date>]
    /// Whether the span was stretched by the source's `covers:`.
    var fromConfig: Bool
    /// Whether some of the file's tickets lie outside its source's `covers:` (the data
    /// contradicts the configuration, which then cannot shrink the span).
    var outsideCovers: Bool = false
    /// An open-ended `covers:` that would have stretched the span past the last row over days
    /// the file's rhythm expects rows on: the span ends at the last row instead.
    var refusedStretch: RefusedStretch? = nil
    /// The midnight after the last row's day, before any `covers:` stretch; the latest day
    /// `covers:` may stretch the span to; the source's `covers:`; and, with `covers:`, the days
    /// from the last row to the end of its period with the rows the file's rhythm expects on
    /// them. What `--period last` says of a period covered in part (`partialHint`).
    var lastRow: Date? = nil
    var coversLimit: Date? = nil
    var declared: Configuration.Source.Covers? = nil
    var silence: RefusedStretch? = nil
    /// Rows on days far from the rest of the file: counted, not stretching its span.
    var stragglers: Int = 0
    /// The product lines the file carries (see the type's comment).
    var productLines: Set<String>
    var tickets: Int
    var resolved: Int
    /// The file's rows (accepted or duplicate) per period, and of them the rows in no product
    /// line: its own series for the publication-lag rule, read per export (`PublicationLag`).
    var periodRows: [Period: Int] = [:]
    var unassignedRows: Int = 0
    /// The file's rows on its final stretch of days (`TrailingThinning.finalStretchDays` before
    /// the end of its span).
    var finalStretchRows: Int = 0
    /// Whether the file gives dates without a time of day (`SourceProfile.carriesDatesOnly`).
    var datesOnly = false
    /// The file's rows per day (day number, rows; stragglers included), in day order.
    var dayRows: [(day: Int, rows: Int)] = []

    /// The file's tickets created `days` days or more before the day of its last row: its rows
    /// on those days, scaled to the tickets kept from it (a re-export's rows that another file
    /// keeps are not its tickets).
    func tickets(olderThan days: Int) -> Double {
      guard let last = dayRows.last?.day else { return 0 }
      let rows = dayRows.reduce(0) { $0 + $1.rows }
      let older = dayRows.prefix { $0.day <= last - days }.reduce(0) { $0 + $1.rows }
      return rows == 0 ? 0 : Double(older) * Double(tickets) / Double(rows)
    }
  }

  /// The days after a file's last row an open-ended `covers:` was not allowed to claim: the end
  /// of the rows, how many days, and how many rows the file's rhythm expects on them.
  struct RefusedStretch: Sendable {
    var through: Date
    var expected: Double
    var days: Int
  }

  /// An open-ended `covers:` does not stretch over days whose silence is this unlikely at the
  /// file's rate for their weekdays (Poisson, P(0 rows) below it: about 7 rows expected).
  static let silentLevel = 0.001

  /// A day number's weekday, 0...6 (0 is a Thursday, as 1 January 1970 was).
  static func weekday(_ day: Int) -> Int { (day % 7 + 7) % 7 }

  /// The rows `rates` (per weekday) expect on the days numbered `days`.
  static func expectedRows(_ rates: [Double], on days: Range<Int>) -> Double {
    days.reduce(0) { $0 + rates[weekday($1)] }
  }

  /// Rows per day for each weekday (`weekday(_:)`) over the file's days from its first row
  /// to its last.
  static func weekdayRates(_ days: [(Int, Int)], from first: Int, through last: Int) -> [Double] {
    var rows = Array(repeating: 0.0, count: 7)
    var count = Array(repeating: 0.0, count: 7)
    for (day, n) in days { rows[weekday(day)] += Double(n) }
    for day in first...last { count[weekday(day)] += 1 }
    return (0..<7).map { count[$0] > 0 ? rows[$0] / count[$0] : 0 }
  }

  /// Below this share of a file's rows, a run of days cut off from the rest is a straggler.
  static let stragglerShare = 0.02
  /// The shortest gap between days that cuts a file into runs.
  static let minimumGapDays = 14
  /// How far `covers:` may stretch a file's span beyond its first or last row (or three of the
  /// file's usual gaps between days, when longer).
  static let coversReachDays = 7
  /// Fewer days with rows than this, and a file's rhythm is unknown (see `coversReachDays`).
  static let rhythmDays = 7
  /// A file carries a line when it holds at least this share of the rows the line's rate over
  /// its span predicts (rates move: the Housing Ombudsman's doubled in two years), or a count
  /// that chance allows at `carryLevel`.
  static let carryShare = 0.1
  static let carryLevel = 0.001

  let timeZone: TimeZone
  let files: [File]
  /// Every file's span together.
  let all: Coverage
  private let lines: [String: Coverage]
  /// The days each product line's exports cover (the lines some export held).
  var lineCoverage: [String: Coverage] { lines }
  /// Trailing periods still filling in (`PublicationLag`): whole by their days, too thin to
  /// judge, so they count as partial everywhere a period's coverage is read.
  var lag = PublicationLag()
  /// Every export's rows per day together (day number, rows), outside stragglers, in day order:
  /// where `emptyStretches` looks for days no export has a row on.
  private var rowSeries: [(day: Int, rows: Int)] = []
  /// Each file's own rows per day, outside its stragglers, in day order: where
  /// `fileEmptyStretches` looks for days one export lost while others kept theirs.
  private var fileSeries: [String: [(day: Int, rows: Int)]] = [:]
  /// Each file's system (`SourceAccounting.system`): ids are unique within one.
  private var fileSystems: [String: String] = [:]
  /// Each file's rows that were copies of a ticket another row or file keeps, or that another
  /// file's copy replaced (`RowAccounting.duplicates`): exports that share no ticket have none.
  private var fileDuplicates: [String: Int] = [:]
  /// The periods `isMostlyEmpty` holds, found once at the end of `init`.
  private var mostlyEmpty: Set<Period> = []
  /// The mostly empty periods on none of whose days any export has a row (`isRowless`).
  private var rowless: Set<Period> = []
  /// Per product line, the periods of `linesMostlyEmpty` on none of whose days its exports
  /// have a row.
  private var linesRowless: [String: Set<Period>] = [:]
  /// Per product line, the periods its exports' rows together leave mostly empty while other
  /// exports have rows (`mostlyEmptyPeriods` of its carriers' rows): not covered whole.
  private var linesMostlyEmpty: [String: Set<Period>] = [:]

  /// The latest ticket of any export (never a `covers:` day).
  let lastTicket: Date?

  /// The periods judged whole by their days that hold an empty stretch a report of them would
  /// say (`emptyStretches`, `fileEmptyStretches`): in `all` for every line, in `lines` for the
  /// product lines of the file that lost the days. nil until `reporting` finds them.
  private var holes: (all: Set<Period>, lines: [String: Set<Period>])?
  /// The period the run reports, judged whole with its empty stretches said; nil when no period
  /// is (`reporting(nil, _:)`).
  private var reported: Period?
  /// Exports that joined a line's exports mid-history (`Join`), by line.
  private(set) var joins: [String: [Join]] = [:]

  /// An export that starts carrying a line beside those that carried it, and lifts the line's
  /// rows per day by `joinStep` or more: a second shop, a help desk added beside the old one, a
  /// dense export starting inside a thin sample's span. The line's counts before are not
  /// comparable with those after, so its baseline starts again in `period` (the hostile tester's
  /// N-6: a large shop's export joining a small one's made "4 anomalies", 73 against 1.33).
  /// Files of one export cut into months follow one another: none goes on beside the next.
  struct Join: Sendable, Equatable {
    var line: String
    var period: Period
    /// The files whose first day starts the join, and those that carried the line the day
    /// before.
    var joining: [String]
    var beside: [String]
    /// The joining files' share of the line's rows per day over the `joinDays` from the join.
    var added: Double
  }

  /// How much a joining export must lift a line's rows per day for a join: a fifth.
  static let joinStep = 0.2
  /// The share of a line's (or a roll-up's) count after a join that its new rows hold at that
  /// step: a sixth.
  static var joinShare: Double { joinStep / (1 + joinStep) }

  init(
    sources: [SourceAccounting], fallback: [String: SourceProfile] = [:],
    contents: [String: FileContents], covers: [String: Configuration.Source.Covers],
    timeZone: TimeZone, granularity: Granularity, firstRows: [String: Period] = [:],
    keptByFile: ((Range<Date>) -> [String: [String: Int]]?)? = nil
  ) {
    self.timeZone = timeZone
    lastTicket = sources.compactMap(\.lastCreated).max()
    let calendar = Self.calendar(in: timeZone)
    func midnight(_ day: Int) -> Date { Self.midnight(day, in: calendar) }

    var files: [File] = []
    var profiles: [String: SourceProfile] = [:]
    /// Each file's rows per day, sorted, outside its stragglers: what a cut between two files
    /// is read from (`bridges`).
    var rowDays: [String: [(Int, Int)]] = [:]
    for source in Self.versionsJoined(sources) {
      fileSystems[source.path] = source.system
      fileDuplicates[source.path] = source.rows.duplicates
      let held = contents[source.path] ?? FileContents()
      let profile = source.profile ?? fallback[source.path] ?? SourceProfile()
      profiles[source.path] = profile
      var spans: [Range<Date>] = []
      var stragglers = 0
      var usualGap = 1
      let days = profile.days.map { ($0.key, $0.value) }
        .sorted { $0.0 < $1.0 }
      if !days.isEmpty {
        let (runs, usual) = Self.runs(days)
        // Rows on fewer than a week of days tell little of the file's rhythm: `covers:` is then
        // trusted within the periods the rows reach.
        usualGap = days.count < Self.rhythmDays ? 400 : usual
        let total = days.reduce(0) { $0 + $1.1 }
        for run in runs {
          let count = run.reduce(0) { $0 + $1.1 }
          if runs.count > 1, Double(count) < Self.stragglerShare * Double(total) {
            stragglers += count
          } else if let first = run.first?.0, let last = run.last?.0 {
            spans.append(midnight(first)..<midnight(last + 1))
            rowDays[source.path, default: []] += run
          }
        }
      } else if let first = source.firstCreated, let last = source.lastCreated {
        spans = [Coverage.days(from: first, through: last, in: timeZone)]
      }
      var outside = false
      var refused: RefusedStretch? = nil
      var silence: RefusedStretch? = nil
      let lastRow = spans.last?.upperBound
      let configured = covers[source.path]
      if let configured, let lower = spans.first?.lowerBound, let upper = spans.last?.upperBound {
        // `covers:` stretches the span to the edges it names, but only within the periods the
        // rows reach: it never bridges periods without a row, nor hides rows.
        let declared = configured.span(in: timeZone)
        let firstPeriod = Period(containing: lower, in: timeZone, granularity: granularity)
        let lastPeriod = Period(
          containing: upper.addingTimeInterval(-1), in: timeZone, granularity: granularity)
        // … and by no more than a few of the file's usual gaps between days: an export whose rows
        // stop weeks before its declared end does not cover those weeks.
        let reach = Double(max(Self.coversReachDays, 3 * usualGap)) * 86_400
        var from = max(
          declared.lowerBound, firstPeriod.start(in: timeZone), lower.addingTimeInterval(-reach))
        var through = min(
          declared.upperBound, lastPeriod.next(in: timeZone).start(in: timeZone),
          upper.addingTimeInterval(reach))
        // An open-ended `covers:` (one reaching past the periods the rows reach) is a standing
        // claim, not one about these days: it stretches over days the file's rhythm leaves
        // empty (a weekend), never over days on which that rhythm would have logged rows (an
        // export that died on a Tuesday). A `covers:` edge inside those periods names its day,
        // and is trusted.
        if let first = days.first?.0, let last = days.last?.0 {
          let rates = Self.weekdayRates(days, from: first, through: last)
          let daysToEnd = max(
            0,
            Int(
              (lastPeriod.next(in: timeZone).start(in: timeZone).timeIntervalSince(upper) / 86_400)
                .rounded()))
          silence = .init(
            through: upper,
            expected: Self.expectedRows(rates, on: (last + 1)..<(last + 1 + daysToEnd)),
            days: daysToEnd)
          if declared.upperBound > lastPeriod.next(in: timeZone).start(in: timeZone) {
            let stretched = max(0, Int((through.timeIntervalSince(upper) / 86_400).rounded()))
            let expected = Self.expectedRows(rates, on: (last + 1)..<(last + 1 + stretched))
            if exp(-expected) < Self.silentLevel {
              through = upper
              refused = .init(through: upper, expected: expected, days: stretched)
            }
          }
          if declared.lowerBound < firstPeriod.start(in: timeZone) {
            let stretched = max(0, Int((lower.timeIntervalSince(from) / 86_400).rounded()))
            let expected = Self.expectedRows(rates, on: (first - stretched)..<first)
            if exp(-expected) < Self.silentLevel { from = lower }
          }
        }
        spans[0] = min(from, lower)..<spans[0].upperBound
        spans[spans.count - 1] = spans[spans.count - 1].lowerBound..<max(through, upper)
        let tickets = [source.firstCreated, source.lastCreated].compactMap { $0 }
        outside = tickets.contains { $0 < declared.lowerBound || $0 >= declared.upperBound }
      }
      var file = File(
        path: source.path, spans: spans, fromConfig: configured != nil, outsideCovers: outside,
        refusedStretch: refused, lastRow: lastRow,
        coversLimit: lastRow?.addingTimeInterval(
          Double(max(Self.coversReachDays, 3 * usualGap)) * 86_400),
        declared: configured, silence: silence, stragglers: stragglers, productLines: [],
        tickets: held.tickets, resolved: held.resolved)
      let stretchStart = spans.last.map {
        $0.upperBound.addingTimeInterval(-Double(TrailingThinning.finalStretchDays) * 86_400)
      }
      for (day, count) in days {
        let start = midnight(day)
        file.periodRows[
          Period(containing: start, in: timeZone, granularity: granularity), default: 0] += count
        if let stretchStart, start >= stretchStart { file.finalStretchRows += count }
      }
      file.unassignedRows = profile.lines[Cell.unassigned] ?? 0
      file.datesOnly = profile.carriesDatesOnly
      file.dayRows = days.map { (day: $0.0, rows: $0.1) }
      files.append(file)
    }

    // Which lines each file carries: at each line's rate over the files that hold it, a file
    // whose count is implausibly low for its span does not carry the line.
    func days(_ file: File) -> Double {
      file.spans.reduce(0) { $0 + $1.upperBound.timeIntervalSince($1.lowerBound) / 86_400 }
    }
    // … unless the line holds its usual share of the file's own rows in product lines: a file
    // that is thin as a whole (the newest rows of a late-publishing source, cut into a file of
    // their own) still carries the lines its few rows are spread over, where a stray few rows of
    // another company's line are a sliver of a full file, and a file none of whose rows is in a
    // product line carries none of them this way. (Rows in no product line are weighed against
    // every row.)
    func rows(_ file: File, for line: String) -> Int {
      let lines = profiles[file.path]?.lines ?? [:]
      let total = lines.values.reduce(0, +)
      return line == Cell.unassigned ? total : total - (lines[Cell.unassigned] ?? 0)
    }
    func plausible(_ count: Int, _ expected: Double) -> Bool {
      Double(count) >= Self.carryShare * expected
        || PoissonDistribution.cdf(count, mean: expected) >= Self.carryLevel
    }
    var allLines = Set<String>()
    for profile in profiles.values { allLines.formUnion(profile.lines.keys) }
    let dataEnd = files.flatMap { $0.spans.map(\.upperBound) }.max()
    for line in allLines {
      let holders = files.filter { (profiles[$0.path]?.lines[line] ?? 0) > 0 }
      let lineRows = holders.reduce(0) { $0 + (profiles[$1.path]?.lines[line] ?? 0) }
      let exposure = holders.reduce(0) { $0 + days($1) }
      guard exposure > 0 else { continue }
      let rate = Double(lineRows) / exposure
      let heldRows = holders.reduce(0) { $0 + rows($1, for: line) }
      let share = heldRows > 0 ? Double(lineRows) / Double(heldRows) : 0
      // Carried at the line's rate; then, by its share alone, only a file after whose end no
      // file carries the line at its full rate again: a thin file inside the history (a stray
      // re-export over months the main export misses) does not make those months covered.
      var byRate = Set<Int>()
      var atFullRate = Set<Int>()
      var byShare: [Int] = []
      // A file that ends before the first row of any file holding the line does not carry it,
      // however few rows the line's rate predicts there: a line that started late has no
      // history before it (a new user's CFPB Student loan line, first in 2019-06, had the months
      // before as zeros in its baseline once the monthly files before 2019-06 were read as
      // carrying it, each "plausibly" without a row).
      let firstHeld = holders.compactMap { $0.spans.first?.lowerBound }.min()
      for index in files.indices {
        let count = profiles[files[index].path]?.lines[line] ?? 0
        // A file holding the line is weighed against the rate of the other files holding it:
        // a long thin back-file (a sample's 104 rows over three and a half years) would
        // otherwise set the rate it is judged by, and carry the lines until enough dense months
        // outweighed it, when the months already judged against it changed their verdicts (a
        // new user's CFPB cron: 37 anomalies of five published months, later "not judged").
        let others = count > 0 ? exposure - days(files[index]) : exposure
        let expected =
          (count > 0 && others > 0 ? Double(lineRows - count) / others : rate)
          * days(files[index])
        guard expected > 0 || count > 0 else { continue }
        if count == 0, let firstHeld, let end = files[index].spans.last?.upperBound,
          end <= firstHeld
        {
          continue
        }
        let base = rows(files[index], for: line)
        if plausible(count, expected) {
          byRate.insert(index)
          // At the line's own rate, on at least ten rows: a few rows at the data's very end
          // pass `plausible` at a tenth of a small expectation and say nothing of a resumption.
          if count >= 10 && Double(count) >= expected / 2 { atFullRate.insert(index) }
        } else if base > 0 && plausible(count, share * Double(base)) {
          byShare.append(index)
        }
      }
      // … and whose thin files reach the end of the data one after the other: the newest
      // rows of a late-publishing source, not a stray re-export of a line that has stopped.
      for index in byRate { files[index].productLines.insert(line) }
      var thinTail: [Date] = []
      let newestFirst = byShare.compactMap { index in
        files[index].spans.map(\.upperBound).max().map { (index, $0) }
      }.sorted { $0.1 > $1.1 }
      for (index, end) in newestFirst {
        let resumed = atFullRate.contains { other in
          files[other].spans.contains { $0.lowerBound >= end }
        }
        let reach = end.addingTimeInterval(Double(Self.minimumGapDays) * 86_400)
        let reachesEnd = dataEnd.map { reach >= $0 } ?? false
        let followed = thinTail.contains { $0 <= reach }
        guard !resumed, reachesEnd || followed,
          let start = files[index].spans.map(\.lowerBound).min()
        else { continue }
        files[index].productLines.insert(line)
        thinTail.append(start)
      }
    }

    self.files = files.sorted { $0.path < $1.path }
    joins = Self.joins(
      of: self.files, profiles: profiles, duplicates: fileDuplicates, rowDays: rowDays,
      keptByFile: keptByFile, zone: timeZone, granularity: granularity)
    var all = Coverage()
    var lines: [String: Coverage] = [:]
    for file in files {
      for span in file.spans {
        all.insert(span)
        for line in file.productLines { lines[line, default: Coverage()].insert(span) }
      }
    }
    // A cut between two files carrying a line is read as a file's own days are: the days
    // between the last row of one and the first row of the next are covered unless, read as one
    // series, they would be a hole in it. The same rows cut into files are then covered alike.
    for (line, covered) in lines {
      let carriers = files.filter { $0.productLines.contains(line) }
      // A file of the same export (one that carries a line the carriers carry) with rows in
      // the gap but not this line says the line really is missing there: no bridge.
      let siblingLines = Set(carriers.flatMap(\.productLines)).subtracting([line])
      let missing = files.filter {
        !$0.productLines.contains(line) && !$0.productLines.isDisjoint(with: siblingLines)
      }
      for bridge in Self.bridges(covered, carriers, rowDays: rowDays, zone: timeZone)
      where !missing.contains(where: { $0.spans.contains { $0.overlaps(bridge) } }) {
        lines[line]?.insert(bridge)
        all.insert(bridge)
      }
    }
    // A line's history starts at its first complaint, also inside one export: a line launched
    // mid-way through an export that holds every line had the months before its launch as
    // zeros in its baseline, and its first months were anomalies (the hostile tester's N-4: "3
    // anomalies", where the same rows cut into monthly files said "before_history").
    for (line, first) in firstRows {
      lines[line] = lines[line]?.starting(at: first.start(in: timeZone))
    }
    self.all = all
    self.lines = lines
    rowSeries = Self.summed(Array(rowDays.keys), rowDays)
    fileSeries = rowDays.mapValues { $0.map { (day: $0.0, rows: $0.1) } }
    // Found once: `coverage(_:)` and `coverage(line:_:)` ask of every period, many times a run.
    mostlyEmpty = Self.mostlyEmptyPeriods(rowSeries, zone: timeZone, granularity: granularity)
    // Inside the exports' spans only: a period no span reaches is not covered already.
    rowless = Self.withoutRows(mostlyEmpty, in: rowSeries, zone: timeZone)
      .filter { all.coverage(of: $0, in: timeZone) != .none }
    // A line whose exports lost most of a period's rows while other exports kept logging: the
    // days no export has a row on cannot show it (the hostile tester's F3 and G11, the line's
    // cells judged "improvements" over the rows it lost). Read from its carriers' rows
    // together, so that a re-export holding the days keeps the line whole.
    for line in Set(files.flatMap(\.productLines)) where line != Cell.unassigned {
      let carriers = files.filter { $0.productLines.contains(line) }.map(\.path)
      guard carriers.count < rowDays.count else { continue }
      // Gaps of at least `minimumEmptyDays` only: a line's own rows are few and bursty (the
      // Housing Ombudsman's, split by landlord type, have two-day lulls after a quarter's end
      // that a week could not tell from rows lost).
      let empty = Self.mostlyEmptyPeriods(
        Self.summed(carriers, rowDays), zone: timeZone, granularity: granularity,
        minimumDays: Self.minimumEmptyDays)
      if !empty.isEmpty { linesMostlyEmpty[line] = empty }
      let none = Self.withoutRows(empty, in: Self.summed(carriers, rowDays), zone: timeZone)
        .filter { (lines[line] ?? Coverage()).coverage(of: $0, in: timeZone) != .none }
      if !none.isEmpty { linesRowless[line] = none }
    }
  }

  /// Those of `periods` on none of whose days `series` (rows per day, in day order) has a row.
  static func withoutRows(
    _ periods: Set<Period>, in series: [(day: Int, rows: Int)], zone: TimeZone
  ) -> Set<Period> {
    periods.filter { period in
      let days = Self.days(of: period, in: zone)
      return !series.contains { days.contains($0.day) && $0.rows > 0 }
    }
  }

  /// Days no export has a row on, inside the exports' spans, that the rows around them make
  /// implausible.
  struct EmptyStretch: Equatable {
    /// The first and last empty day.
    var from: Date
    var through: Date
    var days: Int
    /// The rows the 28 days before the stretch predict for it.
    var expected: Double
    /// Whether the 28 days after the stretch predict so many rows for all of it too: the rows
    /// came back, so the stretch is not an export thinning out at its end (`isMostlyEmpty`).
    var resumed = false
    /// The rows per weekday `expected` was predicted from.
    var rates: [Double] = []

    /// Its days, numbered as `rowSeries` numbers them.
    func dayNumbers(in zone: TimeZone) -> Range<Int> {
      let first = SourceProfile.day(from, in: zone)
      return first..<(first + days)
    }

    /// Whether its days in the period alone are implausible without a row, so that the report
    /// says them: the weekend a Christmas closure starts on is not said in the week before.
    var isSaid: Bool { expected > -log(DataCoverage.emptyStretchLevel) }
  }

  /// The stretches of at least `minimumEmptyDays` days without a row on any export, with a day
  /// in `period`, where the rows of the 28 days before, weekday by weekday, predict so many that
  /// none at all has a chance under one in a million (Poisson), each cut to its days in
  /// `period` (days and rows expected on them); gaps no longer than the series' own rhythm
  /// (`cadence`) are none. A gap up to `minimumGapDays` is not a hole in a file (a desk may
  /// close for a holiday), so such a period is judged as whole, and this is what the run says
  /// of it, since the rows cannot tell a closure from rows missing; unless the days say that
  /// most of the period's rows are missing (`isMostlyEmpty`).
  func emptyStretches(in period: Period) -> [EmptyStretch] {
    Self.emptyStretches(in: rowSeries, period: period, zone: timeZone)
  }

  /// The stretches of at least `minimumEmptyDays` days on which one file has no row while
  /// another export has rows, with a day in `period`, that the file's own rows before and after
  /// make implausible (`emptyStretches`, `resumed`): a desk's export that lost two weeks, which
  /// the days no export has a row on cannot show when another export keeps logging (the
  /// hostile tester's F3 and F9: every cell of its line an "improvement", or a share anomaly).
  /// By file path, in path order.
  ///
  /// A file's stretch is said without the days no export has a row on that are said as such
  /// (`emptyStretches`), so that no row is expected twice and it does not claim other exports'
  /// rows on those days (the hostile tester's det_two_losses); each run of days left of it is
  /// said, however short: the stretch as a whole was implausible, and the days on either side
  /// of the others' gap are the file's own loss (the hostile tester's c5, whose two 4-day
  /// pieces were once dropped and the line judged over them).
  func fileEmptyStretches(in period: Period) -> [(path: String, stretch: EmptyStretch)] {
    guard fileSeries.count > 1 else { return [] }
    let days = Set(rowSeries.map(\.day))
    let none = Set(
      emptyStretches(in: period).filter(\.isSaid).flatMap { $0.dayNumbers(in: timeZone) })
    let carried = Self.carriedLines(files)
    var result: [(path: String, stretch: EmptyStretch)] = []
    for path in fileSeries.keys.sorted() {
      for stretch in Self.emptyStretches(
        in: fileSeries[path] ?? [], period: period, zone: timeZone)
      where stretch.resumed {
        // Days no export has a row on are said as such (`emptyStretches`).
        let empty = stretch.dayNumbers(in: timeZone)
        guard empty.contains(where: days.contains) else { continue }
        // Another export of the same system (its ids the same tickets') and of a line of this
        // file's, holding about the rows the file lost on those days, is a copy of them: an
        // overlapping re-export's gap is not a loss (the hostile tester's G4, "counts too low"
        // on complete data). Only if the two share tickets, which leaves copies counted as
        // duplicates in one of them, at least half as many as the rows it would stand in for:
        // two shops' exports of one line share a system and no ticket (a generic export's
        // system is its profile's name), and one's lost days are a loss (the hostile tester's
        // generic_same_line, once judged whole). Exports of other lines are not copies,
        // whatever their system.
        let copies = fileSeries.filter { other, _ in
          other != path && fileSystems[other] == fileSystems[path]
            && !(carried[other] ?? []).isDisjoint(with: carried[path] ?? [])
        }.map { other, series in
          let rows = series.filter { empty.contains($0.day) }.reduce(0) { $0 + $1.rows }
          let shared = (fileDuplicates[path] ?? 0) + (fileDuplicates[other] ?? 0)
          return 2 * shared >= rows ? rows : 0
        }.reduce(0, +)
        guard Double(copies) < stretch.expected / 2 else { continue }
        result += Self.pieces(of: stretch, without: none, zone: timeZone).map { (path, $0) }
      }
    }
    return result
  }

  /// `stretch` without the days in `none`: itself when it has none of them, otherwise each run
  /// of its other days, with the rows its rates expect on them.
  static func pieces(of stretch: EmptyStretch, without none: Set<Int>, zone: TimeZone)
    -> [EmptyStretch]
  {
    let days = stretch.dayNumbers(in: zone)
    guard stretch.rates.count == 7, days.contains(where: none.contains) else { return [stretch] }
    let calendar = Self.calendar(in: zone)
    // The runs of the other days.
    return days.split(whereSeparator: none.contains).compactMap { run in
      guard let start = run.first, let end = run.last else { return nil }
      var piece = stretch
      piece.from = Self.midnight(start, in: calendar)
      piece.through = Self.midnight(end, in: calendar)
      piece.days = run.count
      piece.expected = Self.expectedRows(stretch.rates, on: start..<(end + 1))
      return piece
    }
  }

  /// Each file's product lines by its path, without the complaints in no product line: two
  /// exports of other lines that both hold such complaints share no line (the hostile tester's
  /// unassigned_copy, whose lost fortnight was taken for a re-export's gap and never said).
  static func carriedLines(_ files: [File]) -> [String: Set<String>] {
    Dictionary(files.map { ($0.path, $0.productLines.subtracting([Cell.unassigned])) }) {
      first, _ in first
    }
  }

  /// The day numbers (as `rowSeries` counts days) of `period`'s days.
  static func days(of period: Period, in timeZone: TimeZone) -> Range<Int> {
    SourceProfile.day(
      period.start(in: timeZone), in: timeZone)..<SourceProfile.day(
        period.next(in: timeZone).start(in: timeZone), in: timeZone)
  }

  /// `emptyStretches` over `series` (rows per day, in day order), of at least `minimumDays`
  /// days.
  /// With `rates`, every stretch is predicted from them (rows per weekday) instead of from the
  /// 28 days before it.
  static func emptyStretches(
    in rowSeries: [(day: Int, rows: Int)], period: Period, zone timeZone: TimeZone,
    minimumDays: Int = minimumEmptyDays, rates: [Double]? = nil
  ) -> [EmptyStretch] {
    let calendar = Self.calendar(in: timeZone)
    let periodDays = days(of: period, in: timeZone)
    let cadence = cadence(rowSeries.map(\.day))
    var result: [EmptyStretch] = []
    for index in rowSeries.indices.dropFirst() {
      let before = rowSeries[index - 1].day
      let after = rowSeries[index].day
      let days = after - before - 1
      let empty = (before + 1)..<after
      guard days >= minimumDays, after - before >= cadence, periodDays.overlaps(empty)
      else { continue }
      // Rows per weekday over the 28 days before (from the first row when the data starts
      // later), so that days the export never dates rows on (a desk's weekends, a publisher's
      // days between batches) predict none; and over the 28 days after.
      let start = max(before - 27, rowSeries.first?.day ?? before)
      let earlier =
        rates
        ?? Self.weekdayRates(
          rowSeries[..<index].filter { $0.day >= start }.map { ($0.day, $0.rows) },
          from: start, through: before)
      let level = -log(Self.emptyStretchLevel)
      guard Self.expectedRows(earlier, on: empty) > level else { continue }
      // Implausible as a whole, said for the days of it in this period: a stretch across two
      // periods is in both reports, each with its own days and rows.
      let inPeriod = empty.clamped(to: periodDays)
      guard let first = inPeriod.first, let last = inPeriod.last else { continue }
      let end = min(after + 27, rowSeries.last?.day ?? after)
      let later = Self.weekdayRates(
        rowSeries[index...].prefix { $0.day <= end }.map { ($0.day, $0.rows) }, from: after,
        through: end)
      result.append(
        EmptyStretch(
          from: Self.midnight(first, in: calendar), through: Self.midnight(last, in: calendar),
          days: inPeriod.count,
          expected: inPeriod.reduce(0) { $0 + earlier[Self.weekday($1)] },
          resumed: Self.expectedRows(later, on: empty) > level, rates: earlier))
    }
    return result
  }

  static let minimumEmptyDays = 5
  static let emptyStretchLevel = 1e-6

  /// The Gregorian calendar in `zone`, for `midnight`.
  static func calendar(in zone: TimeZone) -> Calendar {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    return calendar
  }

  private static let utc = calendar(in: .gmt)

  /// Local midnight, in `calendar`'s zone, of a day number (days since 1970-01-01).
  static func midnight(_ day: Int, in calendar: Calendar) -> Date {
    let parts = utc.dateComponents(
      [.year, .month, .day], from: Date(timeIntervalSince1970: Double(day) * 86_400))
    return calendar.date(from: parts) ?? Date(timeIntervalSince1970: Double(day) * 86_400)
  }

  /// The gaps in `covered` that lie at a cut between two of `files` and that the files' rows,
  /// read as one series, do not make a hole: at most `minimumGapDays` (or ten of the series'
  /// usual gaps between days) from the last row of the one to the first row of the other, and
  /// no `covers:` edge of theirs inside the gap (a declared end is a real one).
  static func bridges(
    _ covered: Coverage, _ files: [File], rowDays: [String: [(Int, Int)]], zone: TimeZone
  ) -> [Range<Date>] {
    guard covered.spans.count > 1 else { return [] }
    let days = Set(files.flatMap { rowDays[$0.path]?.map(\.0) ?? [] }).sorted()
    let gaps = zip(days.dropFirst(), days).map { $0.0 - $0.1 }.sorted()
    let limit = max(minimumGapDays, 10 * (gaps.isEmpty ? 1 : gaps[gaps.count / 2]))
    var result: [Range<Date>] = []
    for (before, after) in zip(covered.spans, covered.spans.dropFirst()) {
      let gap = before.upperBound..<after.lowerBound
      let left = files.filter { $0.span?.upperBound == gap.lowerBound }
      let right = files.filter { $0.span?.lowerBound == gap.upperBound }
      let bridged = left.contains { left in
        right.contains { right in
          guard left.path != right.path, let last = rowDays[left.path]?.last?.0,
            let first = rowDays[right.path]?.first?.0, first > last
          else { return false }
          if let declared = left.declared?.span(in: zone), declared.upperBound < gap.upperBound {
            return false
          }
          if let declared = right.declared?.span(in: zone), declared.lowerBound > gap.lowerBound {
            return false
          }
          return first - last <= limit
        }
      }
      if bridged { result.append(gap) }
    }
    return result
  }

  /// Consecutive days cut where the gap between two days with rows is longer than the file's
  /// usual gap allows.
  static func runs(_ days: [(Int, Int)]) -> (runs: [[(Int, Int)]], usualGap: Int) {
    let gaps = zip(days.dropFirst(), days).map { $0.0 - $1.0 }.sorted()
    let usual = gaps.isEmpty ? 1 : gaps[gaps.count / 2]
    let limit = max(minimumGapDays, 10 * usual)
    var runs: [[(Int, Int)]] = []
    for day in days {
      if let last = runs.last?.last, day.0 - last.0 <= limit {
        runs[runs.count - 1].append(day)
      } else {
        runs.append([day])
      }
    }
    return (runs, usual)
  }

  /// The shortest gap between days with rows that is not the series' own rhythm but a stretch
  /// without its rows: twice its usual (median) gap. A publisher that dates its rows every
  /// other Monday, or on one day a month, leaves 13 or 30 days without a row every time and
  /// loses nothing (the hostile tester's G1, whose every month went unjudged), while a weekly
  /// publisher whose batch for one Monday never lands leaves a gap of 14 days, twice its
  /// rhythm, and a week without a row (b03, once a week of zeros judged "improvements"); a
  /// file of days keeps its 5-day test.
  static func cadence(_ days: [Int]) -> Int {
    let gaps = zip(days.dropFirst(), days).map { $0.0 - $0.1 }.sorted()
    return 2 * (gaps.isEmpty ? 1 : gaps[gaps.count / 2])
  }

  /// How much of `period` the files holding `line` cover; a line no file held has no history.
  /// Partial too when its exports lost most of the period's rows while other exports kept
  /// logging (`linesMostlyEmpty`), or it is still filling in.
  /// Once `reporting` a period, partial too in any other period with an empty stretch for the
  /// line (`hasEmptyStretch`).
  /// No data in a period its exports' spans reach across without a row on any of its days,
  /// where the days around it predict many (`isRowless`): not zero complaints.
  func coverage(line: String, _ period: Period) -> PeriodCoverage {
    if isRowless(line: line, period) { return .none }
    let found = coverageOfRows(line: line, period)
    return found == .whole && isHoled(line: line, period) ? .partial : found
  }

  /// `coverage(line:_:)` without the empty stretches `reporting` reads.
  private func coverageOfRows(line: String, _ period: Period) -> PeriodCoverage {
    let days = (lines[line] ?? Coverage()).coverage(of: period, in: timeZone)
    guard days == .whole else { return days }
    // A period most of whose rows are missing on every export is partial for each line too: its
    // cells are neither judged nor in a baseline (the hostile tester's F2).
    let lost = isMostlyEmpty(period) || linesMostlyEmpty[line]?.contains(period) ?? false
    return lost || lag.isFillingIn(line: line, period) ? .partial : days
  }

  /// Whether `line` is partial in `period` only for an empty stretch (`reporting`): any period
  /// but the reported one.
  func hasEmptyStretch(line: String, _ period: Period) -> Bool {
    isHoled(line: line, period) && coverageOfRows(line: line, period) == .whole
  }

  private func isHoled(line: String, _ period: Period) -> Bool {
    guard let holes, period != reported else { return false }
    return holes.all.contains(period) || holes.lines[line]?.contains(period) == true
  }

  /// Whether `period` holds an empty stretch for some line that makes it partial for the
  /// exports together (`reporting`).
  func hasEmptyStretch(_ period: Period) -> Bool {
    guard let holes, period != reported else { return false }
    return holes.all.contains(period) || holes.lines.values.contains { $0.contains(period) }
  }

  /// This coverage as a run reporting `period` reads it: every other period judged whole by its
  /// days that holds empty stretches its own report would say (days no export has a row on, or
  /// days one export lost while others kept logging), predicting at least a tenth of the rows it
  /// holds (`holeShare`), is partial, for every line or for the lost file's lines. Such a period is neither in a baseline nor in a comparison (the drivers'
  /// windows, the share charts, the concentrations' baseline): eleven days missing from a
  /// February would make the next report's rises against it. The reported period itself is
  /// judged, its stretches said (`ReportAssembly.emptyStretches`). With nil, no period is
  /// reported and every such period is partial (a frozen baseline).
  func reporting(_ period: Period?, _ granularity: Granularity) -> DataCoverage {
    var copy = self
    copy.reported = period
    copy.holes = holedPeriods(granularity)
    return copy
  }

  /// The periods `reporting` makes partial, found over the periods a run of at least
  /// `minimumEmptyDays` days without a row touches.
  private func holedPeriods(_ granularity: Granularity) -> (
    all: Set<Period>, lines: [String: Set<Period>]
  ) {
    let calendar = Self.calendar(in: timeZone)
    var touched = Set<Period>()
    for series in [rowSeries] + fileSeries.values {
      for (before, after) in zip(series, series.dropFirst())
      where after.day - before.day > Self.minimumEmptyDays {
        for day in (before.day + 1)..<after.day {
          touched.insert(
            Period(
              containing: Self.midnight(day, in: calendar), in: timeZone,
              granularity: granularity))
        }
      }
    }
    let carried = Self.carriedLines(files)
    var all = Set<Period>()
    var holed: [String: Set<Period>] = [:]
    for period in touched {
      let days = Self.days(of: period, in: timeZone)
      func material(_ stretches: [EmptyStretch], of series: [(day: Int, rows: Int)]) -> Bool {
        let missing = stretches.filter(\.isSaid).reduce(0) { $0 + $1.expected }
        let present = series.filter { days.contains($0.day) }.reduce(0) { $0 + $1.rows }
        return missing > 0 && missing >= Self.holeShare * Double(present)
      }
      if material(emptyStretches(in: period), of: rowSeries) { all.insert(period) }
      // A file's lost rows against the rows of every file carrying one of its lines: a small
      // shop's week lost beside a large one's export of the same line is not a tenth of it.
      let lost = Dictionary(grouping: fileEmptyStretches(in: period), by: \.path)
      for (path, found) in lost {
        let lines = carried[path] ?? []
        let carriers = fileSeries.keys.filter { !(carried[$0] ?? []).isDisjoint(with: lines) }
        let series = Self.summed(carriers, fileSeries.mapValues { $0.map { ($0.day, $0.rows) } })
        guard material(found.map(\.stretch), of: series) else { continue }
        for line in lines { holed[line, default: []].insert(period) }
      }
    }
    return (all, holed)
  }

  /// A period's said empty stretches make it partial for later reports (`reporting`) when the
  /// rows they predict are at least this share of the rows it holds (a file's, of the rows of
  /// every file carrying one of its lines): a month whose counts may be a tenth too low or more. New Year's Day closed (3 to 5 % of the Housing Ombudsman's
  /// Januaries) is not; its Christmas week (20 to 35 % of a December) is.
  static let holeShare = 0.1

  /// The first period of `line`'s history: the period its first covering export starts in.
  func historyStart(_ line: String, _ granularity: Granularity) -> Period? {
    lines[line]?.start.map { Period(containing: $0, in: timeZone, granularity: granularity) }
  }

  /// Whether some file holds tickets of `line`.
  func hasHistory(_ line: String) -> Bool { lines[line]?.isEmpty == false }

  /// How much of `period` any export covers; none too where the exports' spans reach across it
  /// without a row on any of its days (`isRowless`).
  func coverage(_ period: Period) -> PeriodCoverage {
    if isRowless(period) { return .none }
    let days = all.coverage(of: period, in: timeZone)
    guard days == .whole else { return days }
    let partial = lag.periods[period] != nil || isMostlyEmpty(period) || hasEmptyStretch(period)
    return partial ? .partial : days
  }

  /// The spans of `period` the exports cover, without the stretches that make it mostly empty
  /// (`isMostlyEmpty`): what a report names as the days its partial period holds.
  func coveredSpans(of period: Period) -> [Range<Date>] {
    guard !isRowless(period) else { return [] }
    var spans = all.clipped(to: period.interval(in: timeZone))
    guard isMostlyEmpty(period) else { return spans }
    for stretch in Self.missingRows(in: rowSeries, period: period, zone: timeZone) {
      let hole = stretch.from..<stretch.through.addingTimeInterval(86_400)
      spans = spans.flatMap { span -> [Range<Date>] in
        guard span.overlaps(hole) else { return [span] }
        return [span.lowerBound..<hole.lowerBound, hole.upperBound..<span.upperBound]
          .filter { !$0.isEmpty }
      }
    }
    return spans
  }

  /// Whether at least half of `period`'s rows are missing: the rows its stretches without a
  /// row predict (`emptyStretches`, weekday by weekday, those after which the rows came back:
  /// `resumed`) at least as many as the period holds. A month with rows on 5 of its 31 days,
  /// each gap shorter than a hole, is not judged as a month (the hostile tester's t_two_holes),
  /// nor a week without a row (t_week); a Christmas week of a publisher that batches is judged
  /// on its working days; an export thinning out at its end (a late publisher's newest months)
  /// is not mostly empty: its rows did not come back.
  func isMostlyEmpty(_ period: Period) -> Bool {
    mostlyEmpty.contains(period)
  }

  /// Whether an export of `line`'s kind spans `period` without carrying the line: a file that
  /// carries lines the line's carriers also carry, with no row of it there or implausibly few
  /// (a line that stopped, or an export that leaves it out). Its period is not covered for the
  /// line, and no export is missing: the export that would hold the line is there.
  func isLeftOut(line: String, _ period: Period) -> Bool {
    let carriers = files.filter { $0.productLines.contains(line) }
    let siblings = Set(carriers.flatMap(\.productLines)).subtracting([line, Cell.unassigned])
    let interval = period.interval(in: timeZone)
    return files.contains { file in
      !file.productLines.contains(line) && !file.productLines.isDisjoint(with: siblings)
        && file.spans.contains { $0.overlaps(interval) }
    }
  }

  /// Whether `period` is mostly empty and not one export has a row on any of its days, though
  /// their spans reach across it (a weekly file that never landed between two a week apart,
  /// bridged as a cut between files is): no data, as a period no export covers is. Its counts
  /// would be zeros that count nothing.
  func isRowless(_ period: Period) -> Bool {
    rowless.contains(period)
  }

  /// The same of `line`'s exports: rowless for every export, or for those carrying the line
  /// while others kept logging.
  func isRowless(line: String, _ period: Period) -> Bool {
    rowless.contains(period) || linesRowless[line]?.contains(period) == true
  }

  /// The periods of `series` (rows per day, in day order) that are mostly empty, as
  /// `isMostlyEmpty` says of the periods of every export's rows together. Every run of days
  /// without a row counts here, however short, when the rows around it make it implausible:
  /// rows missing from four days a week, or from three days in four, leave no stretch of five
  /// days, yet most of the period's rows (the hostile tester's G9 and F11); a bank holiday or
  /// two cannot reach half a period's rows.
  static func mostlyEmptyPeriods(
    _ series: [(day: Int, rows: Int)], zone: TimeZone, granularity: Granularity,
    minimumDays: Int = 1
  ) -> Set<Period> {
    let calendar = Self.calendar(in: zone)
    var touched = Set<Period>()
    for (before, after) in zip(series, series.dropFirst())
    where after.day - before.day > minimumDays {
      for day in (before.day + 1)..<after.day {
        touched.insert(
          Period(
            containing: Self.midnight(day, in: calendar), in: zone, granularity: granularity))
      }
    }
    return touched.filter { period in
      let missing = missingRows(in: series, period: period, zone: zone, minimumDays: minimumDays)
        .reduce(0) { $0 + $1.expected }
      guard missing > 0 else { return false }
      let days = Self.days(of: period, in: zone)
      let present = series.filter { days.contains($0.day) }.reduce(0) { $0 + $1.rows }
      return missing >= Double(present)
    }
  }

  /// The runs of at least `minimumDays` days without a row in `period` that the mostly-empty
  /// test counts: implausible by the weekday rates before the period (`ratesBefore`), and
  /// followed by rows again (`resumed`).
  static func missingRows(
    in series: [(day: Int, rows: Int)], period: Period, zone: TimeZone, minimumDays: Int = 1
  ) -> [EmptyStretch] {
    emptyStretches(
      in: series, period: period, zone: zone, minimumDays: minimumDays,
      rates: ratesBefore(period, in: series, zone: zone)
    ).filter(\.resumed)
  }

  /// The rows per day of the files at `paths` added together, in day order.
  static func summed(_ paths: [String], _ rowDays: [String: [(Int, Int)]]) -> [(
    day: Int, rows: Int
  )] {
    var series: [Int: Int] = [:]
    for path in paths {
      for (day, count) in rowDays[path] ?? [] { series[day, default: 0] += count }
    }
    return series.sorted { $0.key < $1.key }.map { (day: $0.key, rows: $0.value) }
  }

  /// Rows per weekday over the 28 days before `period` (from the first row when the data
  /// starts later), nil when fewer than 7 days of data precede it. A period's gaps are
  /// predicted from them, not each from the days just before it: rows missing on four days of
  /// every week would otherwise teach the weekday rates their own gaps within a month.
  static func ratesBefore(
    _ period: Period, in series: [(day: Int, rows: Int)], zone: TimeZone
  ) -> [Double]? {
    let first = days(of: period, in: zone).lowerBound
    guard let data = series.first?.day, first - data >= 7 else { return nil }
    let start = max(first - 28, data)
    return weekdayRates(
      series.filter { (start..<first).contains($0.day) }.map { ($0.day, $0.rows) }, from: start,
      through: first - 1)
  }
  /// Whether `period` is whole by its days but still filling in (`PublicationLag`).
  func isFillingIn(_ period: Period) -> Bool {
    lag.periods[period] != nil && all.coverage(of: period, in: timeZone) == .whole
  }

  /// Whether `line` is whole by its days in `period` but still filling in.
  func isFillingIn(line: String, _ period: Period) -> Bool {
    lag.isFillingIn(line: line, period)
      && (lines[line] ?? Coverage()).coverage(of: period, in: timeZone) == .whole
  }

  /// The last covered day (the day of the latest ticket, or a `covers.through`).
  var lastDay: Date? {
    all.end.map { $0.addingTimeInterval(-1) }
  }

  /// The day of the latest ticket any export holds.
  var lastTicketDay: String? { lastTicket.map(day) }

  /// The latest period, cut by `granularity`, that exports cover from its first day to its last.
  func latestWhole(_ granularity: Granularity) -> Period? {
    guard let end = all.end, let start = all.start else { return nil }
    var period = Period(
      containing: end.addingTimeInterval(-1), in: timeZone, granularity: granularity)
    let first = Period(containing: start, in: timeZone, granularity: granularity)
    while period >= first {
      if coverage(period) == .whole { return period }
      period = period.previous(in: timeZone)
    }
    return nil
  }

  /// The periods from the first covered one through the last.
  func span(_ granularity: Granularity) -> ClosedRange<Period>? {
    guard let end = all.end, let start = all.start else { return nil }
    return Period(
      containing: start, in: timeZone, granularity: granularity)...Period(
        containing: end.addingTimeInterval(-1), in: timeZone, granularity: granularity)
  }

  /// The covered days of `period`, as "1–24 Oct 2026"-free ISO days: first and last.
  func coveredDays(_ period: Period) -> (first: Date, last: Date)? {
    guard !isRowless(period) else { return nil }
    let parts = all.clipped(to: period.interval(in: timeZone))
    guard let first = parts.first?.lowerBound, let end = parts.last?.upperBound else { return nil }
    return (first, end.addingTimeInterval(-1))
  }

  /// A day in the configured zone, `YYYY-MM-DD`.
  func day(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
  }
}

extension DataCoverage {
  /// One accounting per path, in the order of each path's first version: an export rewritten
  /// under its name (a full dump overwritten every month) is read as a new file each time, and
  /// each version keeps a row of its own. The file covers what any of its versions covered, as
  /// the store holds the tickets of each: its span from the earliest first ticket to the latest
  /// last one, its rows per day and per line the most any version held (`overlaid`). Coverage
  /// once kept the first version alone, so a rewritten export's span stayed that of its first
  /// reading, and the monthly job reported the same month for ever, silently (the hostile
  /// tester's t13). A version with no profile (an older store's) leaves the file without one:
  /// its profile then comes from the tickets.
  static func versionsJoined(_ sources: [SourceAccounting]) -> [SourceAccounting] {
    var order: [String] = []
    var joined: [String: SourceAccounting] = [:]
    for source in sources {
      guard var kept = joined[source.path] else {
        order.append(source.path)
        joined[source.path] = source
        continue
      }
      kept.firstCreated = [kept.firstCreated, source.firstCreated].compactMap { $0 }.min()
      kept.lastCreated = [kept.lastCreated, source.lastCreated].compactMap { $0 }.max()
      kept.rows.duplicates = max(kept.rows.duplicates, source.rows.duplicates)
      kept.profile = kept.profile.flatMap { profile in source.profile.map(profile.overlaid) }
      joined[source.path] = kept
    }
    return order.compactMap { joined[$0] }
  }

  /// The joins (`Join`) of every line's exports (docs/coverage.md, "An export that joins a
  /// line mid-history"): each day more files start carrying the line than stop within
  /// `joinOverlapDays` of it, where the new files and those that follow them carry it over most
  /// of the `joinDays` from that day, and its tickets per day there are at least `1 + joinStep`
  /// times its level over the `3 × joinDays` before, beyond chance (`joinLevel`), the new files
  /// holding at least the share of them that step makes, while the files that were there do not
  /// themselves rise so. A file's tickets of a line are those the store keeps from it
  /// (`keptByFile`); without the store, its rows that day times the line's share of its rows.
  /// Files whose rows are mostly copies of one another's tickets (`duplicates`) are one export.
  static func joins(
    of files: [File], profiles: [String: SourceProfile], duplicates: [String: Int],
    rowDays: [String: [(Int, Int)]],
    keptByFile: ((Range<Date>) -> [String: [String: Int]]?)? = nil, zone: TimeZone,
    granularity: Granularity
  ) -> [String: [Join]] {
    func rows(_ file: File) -> Int {
      (profiles[file.path] ?? SourceProfile()).lines.values.reduce(0, +)
    }
    func active(_ file: File, _ instant: Date) -> Bool {
      file.spans.contains { $0.contains(instant) }
    }
    /// The line's rows per day of `days` in `carriers`, over the days some carrier covers.
    // The tickets each file keeps of each line, per window (the store's, exact); without them,
    // a file's rows of a line on a day are its rows that day times the line's share of its rows.
    let calendar = Self.calendar(in: zone)
    var kept: [Range<Int>: [String: [String: Int]]?] = [:]
    func keptIn(_ days: Range<Int>) -> [String: [String: Int]]? {
      if let known = kept[days] { return known }
      let found = keptByFile?(
        Self.midnight(days.lowerBound, in: calendar)..<Self.midnight(days.upperBound, in: calendar))
      kept[days] = found
      return found
    }
    func level(_ line: String, _ carriers: [File], _ days: Range<Int>) -> (
      rows: Double, days: Int
    )? {
      var total = 0.0
      var covered = Set<Int>()
      let exact = keptIn(days)
      for file in carriers {
        let all = rows(file)
        guard all > 0 else { continue }
        let share = Double(profiles[file.path]?.lines[line] ?? 0) / Double(all)
        for span in file.spans {
          let lower = max(SourceProfile.day(span.lowerBound, in: zone), days.lowerBound)
          let upper = min(SourceProfile.day(span.upperBound, in: zone), days.upperBound)
          if lower < upper { covered.formUnion(lower..<upper) }
        }
        if let exact {
          total += Double(exact[file.path]?[line] ?? 0)
        } else {
          for (day, count) in rowDays[file.path] ?? [] where days.contains(day) {
            total += Double(count) * share
          }
        }
      }
      return covered.isEmpty ? nil : (total, covered.count)
    }
    var joins: [String: [Join]] = [:]
    let lines = Set(files.flatMap(\.productLines)).subtracting([Cell.unassigned])
    for line in lines.sorted() {
      let carriers = files.filter { $0.productLines.contains(line) }
      guard carriers.count > 1 else { continue }
      let starts = Set(carriers.compactMap { $0.spans.first?.lowerBound }).sorted()
      for start in starts {
        // More files start carrying the line that day than stop within a week of it: not the
        // next file of an export cut into pieces, which takes over from one that ends the day
        // before, or a few days after where the files overlap.
        let before = carriers.filter { active($0, start.addingTimeInterval(-1)) }
        let starting = carriers.filter { $0.spans.first?.lowerBound == start }
        let handover = start.addingTimeInterval(Double(joinOverlapDays) * 86_400)
        let ending = before.filter { file in
          !starting.contains { $0.path == file.path }
            && (file.spans.last?.upperBound).map { $0 <= handover } ?? true
        }
        guard !before.isEmpty, starting.count > ending.count else { continue }
        // … the line's rows per day step up by a fifth or more, beyond what chance allows
        // (one-sided Poisson, at `joinLevel`) …
        let day = SourceProfile.day(start, in: zone)
        // The level before over three times as many days: a thin line's month may hold none.
        let (earlier, later) = ((day - 3 * joinDays)..<day, day..<(day + joinDays))
        // The new files, with those that follow them, carry the line over most of the
        // `joinDays` from the start: a week's hotfix of re-keyed rows is no export joining it,
        // and its rows are the detector's to judge; a second export in weekly files is.
        let stream = carriers.filter { file in
          (file.spans.first?.lowerBound).map { later.contains(SourceProfile.day($0, in: zone)) }
            ?? false
        }
        guard let carried = level(line, stream, later), 5 * carried.days >= 4 * joinDays
        else { continue }
        func rose(_ files: [File], by step: Double) -> Bool {
          guard let old = level(line, files, earlier), let new = level(line, files, later)
          else { return false }
          let (rateBefore, rateAfter) = (old.rows / Double(old.days), new.rows / Double(new.days))
          return rateAfter >= (1 + step) * rateBefore
            && PoissonDistribution.cdf(
              Int(new.rows.rounded()) - 1, mean: rateBefore * Double(new.days)) >= 1 - joinLevel
        }
        guard rose(carriers, by: joinStep) else { continue }
        // … and the rise is the new files' rows, not the old ones': a surge in the export that
        // was there before is the detector's to judge, whatever file starts that day (the
        // hostile tester's F1: a second system starting on the day a real surge began swallowed
        // the surge as a join).
        let going = before.filter { file in !ending.contains { $0.path == file.path } }
        guard !rose(going, by: joinStep),
          let all = level(line, carriers, later), all.rows > 0,
          let new = level(line, starting, later),
          new.rows / Double(new.days) >= joinShare * all.rows / Double(all.days)
        else { continue }
        let copies = (starting + before).reduce(0) { $0 + (duplicates[$1.path] ?? 0) }
        guard 2 * copies < starting.reduce(0, { $0 + rows($1) }) else { continue }
        joins[line, default: []].append(
          Join(
            line: line,
            period: Period(containing: start, in: zone, granularity: granularity),
            joining: starting.map(\.path).sorted(),
            beside: before.map(\.path).sorted(),
            added: min(1, (new.rows / Double(new.days)) / (all.rows / Double(all.days)))))
      }
    }
    return joins
  }

  /// The days before and after a file's first day whose rows tell whether it joined a line's
  /// exports (`joins`).
  static let joinDays = 28
  /// The chance of the rows after a file's first day, at the level before it, below which the
  /// step is not chance.
  static let joinLevel = 0.001
  /// A file that stops within this many days of another's first day hands over to it.
  static let joinOverlapDays = 7

  /// Each product line's first period with a complaint.
  static func firstRows(_ counts: [CellCount]) -> [String: Period] {
    var first: [String: Period] = [:]
    for count in counts where count.count > 0 {
      let line = count.cell.productLine
      if first[line].map({ count.period < $0 }) ?? true { first[line] = count.period }
    }
    return first
  }

  /// The coverage of every file the store holds, with the `covers:` of the configured sources;
  /// `contents` (from a report's cube) saves reading what the files' tickets hold.
  /// `counts` (the cube's counts per cell) saves reading them for the publication-lag rule.
  init(
    store: Store, context: RunContext, contents known: [String: FileContents]? = nil,
    counts: [CellCount]? = nil
  ) throws {
    let configuration = context.configuration
    var covers: [String: Configuration.Source.Covers] = [:]
    for file in context.files {
      if let configured = configuration.sources[file.sourceIndex].covers {
        covers[file.settings.displayPath] = configured
      }
    }
    let zone = configuration.timeZone
    let sources = try store.sources()
    let contents = try known ?? store.fileContents()
    var fallback: [String: SourceProfile] = [:]
    if sources.contains(where: { $0.profile == nil }) {
      fallback = try store.profilesFromTickets(timeZone: zone)
    }
    let counts =
      try counts
      ?? store.cellCounts(
        granularity: configuration.granularity, excluding: configuration.canaryExclusion)
    self.init(
      sources: sources, fallback: fallback, contents: contents, covers: covers, timeZone: zone,
      granularity: configuration.granularity, firstRows: Self.firstRows(counts),
      keptByFile: { days in try? store.lineCountsByFile(created: days) })
    lag = try PublicationLag(
      counts: counts,
      coverage: self, settings: configuration.publicationLag, control: configuration.control,
      granularity: configuration.granularity
    ) { days in
      try store.lineCounts(created: days, excluding: configuration.canaryExclusion)
    }
  }
}

extension GridSeries {
  /// The grid of a report's cube through `last`, with its coverage.
  static func load(
    cube: ReportCube, context: RunContext, coverage: DataCoverage, through last: Period
  )
    -> GridSeries
  {
    GridSeries(
      counts: cube.cellCounts(granularity: context.configuration.granularity),
      sales: context.sales, taxonomyLines: context.taxonomy.productLines.map(\.name),
      through: last, tiers: context.tiers, coverage: coverage)
  }

  /// The grid of what the store holds through `last`, with its coverage.
  static func load(store: Store, context: RunContext, coverage: DataCoverage, through last: Period)
    throws -> GridSeries
  {
    let configuration = context.configuration
    let counts = try store.cellCounts(
      granularity: configuration.granularity, excluding: configuration.canaryExclusion)
    return GridSeries(
      counts: counts, sales: context.sales,
      taxonomyLines: context.taxonomy.productLines.map(\.name), through: last,
      tiers: context.tiers, coverage: coverage)
  }
}
