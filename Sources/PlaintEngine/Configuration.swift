import Foundation
import PlaintCore
import PlaintIngest
import PlaintReport

/// Everything `plaint.yml` says, with every default filled in and every path made absolute.
public struct Configuration: Sendable {
  /// The config file as the user named it, for messages.
  public var file: String
  /// The directory relative paths are resolved against.
  public var directory: URL
  public var store: String
  public var granularity: Granularity
  public var timeZone: TimeZone
  public var sources: [Source]
  public var sales: String?
  /// The key-account file (`key_accounts: FILE` or `key_accounts: {path: FILE}`), if any.
  public var keyAccounts: String?
  /// The file's column of ids (`key_accounts: {column: …}`); nil: `key`, else the first column.
  public var keyAccountsColumn: String? = nil
  /// Ids, addresses and `@domain`s written in plaint.yml (`key_accounts: [...]` or `{ids: [...]}`).
  public var keyAccountEntries: [String] = []
  public var taxonomy: String
  public var control: Control
  public var pareto: Pareto
  public var recurrence: Recurrence
  /// The resolution-time target in hours; nil when `sla_hours: off`.
  public var slaHours: Double?
  public var reports: Reports
  /// Which team owns an anomaly (`owners:`); empty when the key is absent.
  public var owners: Owners = Owners()
  /// Test complaints sent on purpose (`canaries:`): listed, never counted.
  public var canaries: Canaries = Canaries()
  /// `releases:`, a CSV of product changes (product_line, component or version, date); nil: none.
  public var releases: String? = nil
  /// `ingest:` — the data-quality limits every export is read under.
  public var ingest: Ingest = Ingest()
  /// `concentrations:` — the family level and the count gate of the concentration tests.
  public var concentrations = Concentration.Settings()
  /// `slices:` — extra columns (or `@system`, `@file`) the report cuts the complaints by.
  public var slices: [Slice] = []
  /// `publication_lag:` — when a trailing period counts as still filling in.
  public var publicationLag = PublicationLag()

  /// `ingest:` — how much bad data a file may hold before the run stops, and what is plausible.
  public struct Ingest: Sendable {
    /// A file whose rejected share of rows (not counting filtered ones) is above this fails (65).
    public var maxRejectShare = Defaults.maxRejectShare
    /// Bytes kept of one field; the rest is cut, counted and logged.
    public var maxFieldBytes = Defaults.maxFieldBytes
    /// Created dates before this are rejected; nil: no lower limit.
    public var earliestDate: Date? = Defaults.earliestDate
    /// Created dates after this are rejected; nil: a day after the file's modification time.
    public var latestDate: Date? = nil

    public init() {}
  }

  /// One `sources:` entry: a glob of exports read the same way.
  public struct Source: Sendable {
    public var path: String
    public var profile: String
    public var system: String?
    public var encoding: TextEncoding
    public var delimiter: String
    public var dateFormats: [String]
    /// Field name → columns (header names, or 1-based numbers when `header: false`).
    public var columns: [(field: TicketField, columns: [String])]
    public var header: Bool
    public var filters: [(column: String, values: [String])]
    /// The days this source's exports cover, when the user says so (`covers:`); otherwise each
    /// file covers the days from its first ticket through its last.
    public var covers: Covers? = nil

    /// A calendar day, `YYYY-MM-DD`, cut in the configured time zone.
    public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
      public var year: Int
      public var month: Int
      public var day: Int

      public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
          let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
          (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let components = DateComponents(year: year, month: month, day: day)
        guard calendar.date(from: components).map({ calendar.component(.day, from: $0) }) == day
        else { return nil }
        (self.year, self.month, self.day) = (year, month, day)
      }

      public var description: String {
        let year =
          String(repeating: "0", count: max(0, 4 - String(self.year).count)) + "\(self.year)"
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
      }

      public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
      }

      /// The day's first instant in `timeZone`.
      public func start(in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: year, month: month, day: day))
          ?? .distantPast
      }
    }

    public struct Covers: Sendable, Hashable {
      public var from: Day
      public var through: Day

      /// The day an edge left out of `covers:` stands for: open, before and after every export.
      static let openFrom = "0001-01-01"
      static let openThrough = "9999-12-31"

      /// The instants from the first day's midnight to the midnight after the last day.
      public func span(in timeZone: TimeZone) -> Range<Date> {
        Coverage.days(
          from: from.start(in: timeZone), through: through.start(in: timeZone), in: timeZone)
      }
    }
  }

  /// The chart `control.method` names for the detector: `auto` or one count chart. (The
  /// proportion charts `p` and `laney_p` are for `plaint chart`.)
  public enum Method: String, Sendable, CaseIterable {
    case auto, u, laney, poisson

    /// The detector's chart method.
    public var chart: ChartMethod {
      switch self {
      case .auto: .auto
      case .u: .u
      case .laney: .laney
      case .poisson: .poisson
      }
    }
  }

  public struct Control: Sendable {
    public var method: Method
    public var sigma: Double
    public var baselinePeriods: Int
    public var minBaselinePeriods: Int
    public var minCount: Int
    public var rules: [RunRule]
    /// nil when `fdr: off`.
    public var fdr: Double?
    /// `watch` or `anomaly`: what a run-rule signal makes of a point.
    public var runRules: RunRulePolicy = Defaults.runRules
    /// The family weight of a cell whose expected count is below 5, against 1 for the others.
    public var smallCountWeight: Double = Defaults.smallCountWeight
    /// After this many judged periods in a row beyond a limit and on that side of the centre,
    /// the baseline starts again at the shift; nil when `rebaseline_after: off`.
    public var rebaselineAfter: Int? = Defaults.rebaselineAfter
  }

  public struct Pareto: Sendable {
    public var threshold: Double
    public var windowPeriods: Int
  }

  public struct Recurrence: Sendable {
    public var repeatCustomerMin: Int
    public var windowPeriods: Int
  }

  /// `owners:` — teams by category and by product line, and a default.
  ///
  /// An anomaly's owner is its category's team when the category is mapped (a service or policy
  /// problem belongs to the team that runs the service or the policy, whatever the product), else
  /// its product line's team, else `default`, else none.
  public struct Owners: Sendable {
    public var categories: [String: String] = [:]
    /// Product line → team, with the line of the config each entry sits on (checked against the
    /// taxonomy once it is loaded).
    public var productLines: [(name: String, team: String, line: Int?)] = []
    public var fallback: String? = nil

    public init() {}

    public var isEmpty: Bool { categories.isEmpty && productLines.isEmpty && fallback == nil }

    /// The team that owns a cell, or nil.
    public func owner(category: String, productLine: String) -> String? {
      if let team = categories[category] { return team }
      if let entry = productLines.first(where: { $0.name == productLine }) { return entry.team }
      return fallback
    }
  }

  /// `canaries:` — how a test complaint is recognised, and which ones must arrive.
  ///
  /// A ticket is a canary when one of its tags is in `tags` or its id matches one of `ids`
  /// (globs: `*` any run of characters, `?` one character; case-sensitive). `expected` lists the
  /// ids that must be in the store (an expected id is a canary too); one that is not is reported
  /// missing.
  public struct Canaries: Sendable {
    public var tags: [String] = []
    public var ids: [String] = []
    public var expected: [String] = []

    public init() {}

    public var isEmpty: Bool { tags.isEmpty && ids.isEmpty && expected.isEmpty }
  }

  public struct Reports: Sendable {
    public var dir: String
    public var formats: [ReportFormat]
    /// Customer display names appear in reports only when this is true.
    public var customerNames: Bool
    /// The language of the fixed text of `index.html` and `summary.md`.
    public var language: ReportLanguage = .english
  }

  /// Resolves a path given on the command line against the current directory, as every command
  /// line tool does (a path in the config resolves against the config's folder instead).
  public static func resolveArgument(_ path: String) -> String {
    if path == ":memory:" || path.hasPrefix("/") { return path }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
      .appendingPathComponent(path).standardizedFileURL.path
  }

  /// The store: `override` (from the command line) or the config's `store`.
  public func storePath(_ override: String?) -> String {
    override.map(Self.resolveArgument) ?? resolve(store)
  }

  /// Resolves a path from the config against the config's directory.
  public func resolve(_ path: String) -> String {
    if path == ":memory:" || path.hasPrefix("/") { return path }
    return directory.appendingPathComponent(path).standardizedFileURL.path
  }
}
