import Foundation
import PlaintCore
import PlaintStore

/// What the exports cover: each file's span of days, the product lines it held, and what that
/// makes of every period — whole, partial or not covered. No data is not zero: a period no
/// export covers is a gap, never a count of 0.
///
/// A file covers the days from its first dated row through its last (accepted or duplicate), or
/// its source's `covers:`. A product line is covered where a file that held one of its tickets
/// is; its history starts with the first such file.
struct DataCoverage {
  struct File: Sendable {
    var path: String
    /// The days covered; nil when the file had no dated row.
    var span: Range<Date>?
    /// Whether `span` comes from the source's `covers:`.
    var fromConfig: Bool
    /// Whether some of the file's tickets lie outside its source's `covers:` (the data
    /// contradicts the configuration, which then cannot shrink the span).
    var outsideCovers: Bool = false
    var productLines: Set<String>
    var tickets: Int
    var resolved: Int
  }

  let timeZone: TimeZone
  let files: [File]
  /// Every file's span together.
  let all: Coverage
  private let lines: [String: Coverage]

  /// The latest ticket of any export (never a `covers:` day).
  let lastTicket: Date?

  init(
    sources: [SourceAccounting], contents: [String: FileContents],
    covers: [String: Configuration.Source.Covers], timeZone: TimeZone, granularity: Granularity
  ) {
    self.timeZone = timeZone
    lastTicket = sources.compactMap(\.lastCreated).max()
    var seen = Set<String>()
    var files: [File] = []
    for source in sources where seen.insert(source.path).inserted {
      let held = contents[source.path] ?? FileContents()
      var span: Range<Date>?
      var outside = false
      let configured = covers[source.path]
      if let first = source.firstCreated, let last = source.lastCreated {
        let tickets = Coverage.days(from: first, through: last, in: timeZone)
        span = tickets
        if let configured {
          // `covers:` stretches the span to the edges it names, but only within the periods the
          // tickets reach: it never bridges periods without a ticket, nor hides tickets.
          let declared = configured.span(in: timeZone)
          let firstPeriod = Period(containing: first, in: timeZone, granularity: granularity)
          let lastPeriod = Period(containing: last, in: timeZone, granularity: granularity)
          let lower = max(declared.lowerBound, firstPeriod.start(in: timeZone))
          let upper = min(declared.upperBound, lastPeriod.next(in: timeZone).start(in: timeZone))
          span = min(lower, tickets.lowerBound)..<max(upper, tickets.upperBound)
          outside =
            tickets.lowerBound < declared.lowerBound || tickets.upperBound > declared.upperBound
        }
      }
      files.append(
        File(
          path: source.path, span: span, fromConfig: configured != nil, outsideCovers: outside,
          productLines: held.productLines, tickets: held.tickets, resolved: held.resolved))
    }
    self.files = files.sorted { $0.path < $1.path }
    var all = Coverage()
    var lines: [String: Coverage] = [:]
    for file in files {
      guard let span = file.span else { continue }
      all.insert(span)
      for line in file.productLines { lines[line, default: Coverage()].insert(span) }
    }
    self.all = all
    self.lines = lines
  }

  /// How much of `period` the files holding `line` cover; a line no file held has no history.
  func coverage(line: String, _ period: Period) -> PeriodCoverage {
    (lines[line] ?? Coverage()).coverage(of: period, in: timeZone)
  }

  /// The first period of `line`'s history: the period its first covering export starts in.
  func historyStart(_ line: String, _ granularity: Granularity) -> Period? {
    lines[line]?.start.map { Period(containing: $0, in: timeZone, granularity: granularity) }
  }

  /// Whether some file holds tickets of `line`.
  func hasHistory(_ line: String) -> Bool { lines[line]?.isEmpty == false }

  /// How much of `period` any export covers.
  func coverage(_ period: Period) -> PeriodCoverage {
    all.coverage(of: period, in: timeZone)
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
  /// The coverage of every file the store holds, with the `covers:` of the configured sources.
  init(store: Store, context: RunContext) throws(PlaintError) {
    let configuration = context.configuration
    var covers: [String: Configuration.Source.Covers] = [:]
    for file in context.files {
      if let configured = configuration.sources[file.sourceIndex].covers {
        covers[file.settings.displayPath] = configured
      }
    }
    let (sources, contents) = try Failure.store {
      () throws(StoreError) -> ([SourceAccounting], [String: FileContents]) in
      (try store.sources(), try store.fileContents())
    }
    self.init(
      sources: sources, contents: contents, covers: covers, timeZone: configuration.timeZone,
      granularity: configuration.granularity)
  }
}

extension GridSeries {
  /// The grid of what the store holds through `last`, with its coverage.
  static func load(store: Store, context: RunContext, coverage: DataCoverage, through last: Period)
    throws(PlaintError) -> GridSeries
  {
    let configuration = context.configuration
    let counts = try Failure.store { () throws(StoreError) in
      try store.cellCounts(
        granularity: configuration.granularity, excluding: configuration.canaryExclusion)
    }
    return GridSeries(
      counts: counts, sales: context.sales,
      taxonomyLines: context.taxonomy.productLines.map(\.name), through: last,
      tiers: context.tiers, coverage: coverage)
  }
}
