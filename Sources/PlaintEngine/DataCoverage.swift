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
    var productLines: Set<String>
    var tickets: Int
    var resolved: Int
  }

  let timeZone: TimeZone
  let files: [File]
  /// Every file's span together.
  let all: Coverage
  private let lines: [String: Coverage]

  init(
    sources: [SourceAccounting], contents: [String: FileContents],
    covers: [String: Configuration.Source.Covers], timeZone: TimeZone
  ) {
    self.timeZone = timeZone
    var seen = Set<String>()
    var files: [File] = []
    for source in sources where seen.insert(source.path).inserted {
      let held = contents[source.path] ?? FileContents()
      var span: Range<Date>?
      if let first = source.firstCreated, let last = source.lastCreated {
        span = Coverage.days(from: first, through: last, in: timeZone)
      }
      let configured = covers[source.path]
      if let configured { span = configured.span(in: timeZone) }
      files.append(
        File(
          path: source.path, span: span, fromConfig: configured != nil,
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
      sources: sources, contents: contents, covers: covers, timeZone: configuration.timeZone)
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
