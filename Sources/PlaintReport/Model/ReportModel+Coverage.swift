extension ReportModel {
  /// What the exports cover. A period no export covers is a gap, never zero complaints; a period
  /// an export starts or ends inside is partial: its counts are shown and nothing is judged.
  public struct Coverage: Codable, Sendable, Equatable {
    /// The reported period: "whole", "partial", "filling_in" (whole by its days, but at the end
    /// of an export, far below its level, its last days too) or "not_covered".
    public var period: String
    /// The first and last covered day of the reported period (`YYYY-MM-DD`), nil when none is.
    @Nullable public var periodFrom: String?
    @Nullable public var periodThrough: String?
    /// The covered runs of days inside the reported period (more than one where a hole is).
    public var periodCovered: [DaySpan] = []
    /// The latest period the exports cover from its first day to its last.
    @Nullable public var latestWholePeriod: String?
    /// The first and last day any export covers.
    @Nullable public var firstDay: String?
    @Nullable public var lastDay: String?
    public var files: [CoveredFile]
    /// The day of the latest ticket any export holds.
    @Nullable public var lastTicket: String? = nil
    /// Product lines with a history that the exports do not cover whole in the reported period
    /// (their cells are not judged; the roll-ups that hold them are partial).
    public var linesNotCovered: [String] = []
    /// Runs of periods in each product line that exports do not cover, or cover in part.
    public var gaps: [CoverageGap]
    /// The publication-lag rule and the trailing periods it found still filling in; null with
    /// `publication_lag: off`.
    @Nullable public var fillingIn: FillingIn? = nil
    /// Runs of days inside a period judged as whole on which no export has a row, although the
    /// days before predict so many that none at all is implausible: a closure, or rows missing
    /// from the exports. Absent when there is none (and for a period not judged as whole).
    public var emptyStretches: [EmptyStretch]? = nil
    /// True when the reported period is not covered because no export has a row on any of its
    /// days, though the exports reach across it and the days around it predict many (a file
    /// that never landed between two bridged as one export); absent otherwise.
    public var withoutRows: Bool? = nil
    /// Exports that joined a product line's exports mid-history, through the reported period:
    /// the line's counts before are not comparable with those after, so its baseline starts again
    /// in the period of the join. Absent when there is none.
    public var joins: [ExportJoin]? = nil

    public init(
      period: String = "whole", periodFrom: String? = nil, periodThrough: String? = nil,
      latestWholePeriod: String? = nil, firstDay: String? = nil, lastDay: String? = nil,
      files: [CoveredFile] = [], gaps: [CoverageGap] = []
    ) {
      self.period = period
      self.periodFrom = periodFrom
      self.periodThrough = periodThrough
      self.latestWholePeriod = latestWholePeriod
      self.firstDay = firstDay
      self.lastDay = lastDay
      self.files = files
      self.gaps = gaps
    }

    public var isPartial: Bool { period == "partial" }
    public var isCovered: Bool { period != "not_covered" }

    enum CodingKeys: String, CodingKey {
      case period, files, gaps
      case periodFrom = "period_from"
      case periodThrough = "period_through"
      case periodCovered = "period_covered"
      case latestWholePeriod = "latest_whole_period"
      case firstDay = "first_day"
      case lastDay = "last_day"
      case linesNotCovered = "lines_not_covered"
      case lastTicket = "last_ticket"
      case fillingIn = "filling_in"
      case emptyStretches = "empty_stretches"
      case withoutRows = "without_rows"
      case joins
    }

  }

  /// An export that started carrying a product line beside one that went on carrying it, and
  /// lifted the line's rate by a fifth or more: `files` joined `beside` in `period`, and carry
  /// `added` of the line's rate from then on.
  public struct ExportJoin: Codable, Sendable, Equatable {
    public var productLine: String
    public var period: String
    public var files: [String]
    public var beside: [String]
    @Rounded public var added: Double

    public init(
      productLine: String, period: String, files: [String], beside: [String], added: Double
    ) {
      self.productLine = productLine
      self.period = period
      self.files = files
      self.beside = beside
      self.added = added
    }

    enum CodingKeys: String, CodingKey {
      case period, files, beside, added
      case productLine = "product_line"
    }
  }

  /// Days without a row on any export, `YYYY-MM-DD` through `YYYY-MM-DD`, and the rows the 28
  /// days before predict for them (rounded); with `file`, days without a row in that file while
  /// other exports have rows, and the rows its own days before predict.
  public struct EmptyStretch: Codable, Sendable, Equatable {
    public var from: String
    public var through: String
    public var days: Int
    public var expectedRows: Int
    public var file: String?

    public init(from: String, through: String, days: Int, expectedRows: Int, file: String? = nil) {
      self.from = from
      self.through = through
      self.days = days
      self.expectedRows = expectedRows
      self.file = file
    }

    enum CodingKeys: String, CodingKey {
      case from, through, days, file
      case expectedRows = "expected_rows"
    }
  }

  /// A run of covered days, `YYYY-MM-DD` through `YYYY-MM-DD`.
  public struct DaySpan: Codable, Sendable, Equatable {
    public var from: String
    public var through: String

    public init(from: String, through: String) {
      self.from = from
      self.through = through
    }
  }

  /// One export's span of days.
  public struct CoveredFile: Codable, Sendable, Equatable {
    public var path: String
    @Nullable public var from: String?
    @Nullable public var through: String?
    /// "tickets" (its first and last dated row) or "covers" (the source's `covers:`).
    public var basis: String
    public var productLines: [String]
    /// Rows on days far from the rest of the file: counted, not stretching its span.
    public var stragglers: Int = 0

    public init(
      path: String, from: String?, through: String?, basis: String, productLines: [String],
      stragglers: Int = 0
    ) {
      self.stragglers = stragglers
      self.path = path
      self.from = from
      self.through = through
      self.basis = basis
      self.productLines = productLines
    }

    enum CodingKeys: String, CodingKey {
      case path, from, through, basis, stragglers
      case productLines = "product_lines"
    }

  }

  /// Consecutive periods of one product line with the same want of coverage.
  public struct CoverageGap: Codable, Sendable, Hashable {
    public var productLine: String
    /// The first and last period of the run.
    public var from: String
    public var through: String
    public var periods: Int
    /// "not_covered": no export holding the line covers these periods; "no_rows": their spans
    /// reach across them, but not one has a row on any of their days; "partial": exports cover
    /// only some of their days; "filling_in": covered, but still filling in (publication lag);
    /// "before_history": before the line's first complaints in the exports; "empty_stretch": whole by
    /// their days, but with days without a row a report of them says (their own report judges
    /// them; no other reads them in a baseline or a comparison).
    public var reason: String

    public init(productLine: String, from: String, through: String, periods: Int, reason: String) {
      self.productLine = productLine
      self.from = from
      self.through = through
      self.periods = periods
      self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
      case from, through, periods, reason
      case productLine = "product_line"
    }
  }

  /// Counts a reader needs to trust the period's numbers, and warnings where they are high.
  public struct DataQuality: Codable, Sendable, Equatable {
    /// The period's complaints, and how many of them were:
    public var complaints: Int
    /// in no product line (`unassigned`), so outside every cell;
    public var unassigned: Int
    /// in no issue of the taxonomy;
    public var unclassified: Int
    /// without any text to classify;
    public var emptyText: Int
    /// The share without text in the periods before, when it differs so much from this period's
    /// that category verdicts were withheld (`classification_shift`); nil otherwise.
    @Rounded public var emptyTextBefore: Double? = nil
    /// in the cells that were judged this period (a p-value and enough history).
    public var inJudgedCells: Int
    /// Whether a sales file gave exposures (rates), or the cells are count charts.
    public var hasSales: Bool
    /// Whether key accounts were configured (otherwise only the consumer tier is charted).
    public var hasKeyAccounts: Bool
    /// Files resolution is not measured for: their tickets carry no resolution time, too few
    /// (`sparseResolution`), or dates without a time of day (`datesOnly`).
    public var withoutResolution: [String]
    /// Of `withoutResolution`, the files whose tickets old enough to have been resolved carry a
    /// resolution time too rarely for the column to be in use; nil when none.
    public var sparseResolution: [SparseResolution]? = nil
    /// Files that give dates without a time of day: their complaints have no hour of the day and
    /// no resolution time in hours; nil when none.
    public var datesOnly: [String]? = nil
    /// Codes of the warnings raised, in a fixed order: `partial_period`, `not_covered`,
    /// `empty_stretches` (days without a row in a period judged as whole;
    /// `coverage.empty_stretches` names them), `lines_not_covered`, `classification_shift`,
    /// `unassigned`, `unclassified`, `empty_text`, `judged_minority`, `no_resolution`,
    /// `later_filling_in` (newer periods were passed over because they are still filling in;
    /// `coverage.filling_in.periods` names them).
    public var warnings: [String]

    public init(
      complaints: Int = 0, unassigned: Int = 0, unclassified: Int = 0, emptyText: Int = 0,
      inJudgedCells: Int = 0, hasSales: Bool = true, hasKeyAccounts: Bool = true,
      withoutResolution: [String] = [], warnings: [String] = []
    ) {
      self.complaints = complaints
      self.unassigned = unassigned
      self.unclassified = unclassified
      self.emptyText = emptyText
      self.inJudgedCells = inJudgedCells
      self.hasSales = hasSales
      self.hasKeyAccounts = hasKeyAccounts
      self.withoutResolution = withoutResolution
      self.warnings = warnings
    }

    /// Above these shares of the period's complaints, the report and the log warn.
    public static let unassignedLimit = 0.2
    public static let unclassifiedLimit = 0.3
    public static let emptyTextLimit = 0.1
    /// Below this share in judged cells, the verdicts speak for a minority of complaints.
    public static let judgedLimit = 0.5

    /// A file whose resolution column is practically unused.
    public struct SparseResolution: Codable, Sendable, Equatable {
      public var path: String
      /// Its tickets that carry a resolution time, and (about) how many of them were created
      /// `days` days or more before its last row.
      public var resolved: Int
      public var olderTickets: Int
      public var days: Int

      public init(path: String, resolved: Int, olderTickets: Int, days: Int) {
        self.path = path
        self.resolved = resolved
        self.olderTickets = olderTickets
        self.days = days
      }

      enum CodingKeys: String, CodingKey {
        case path, resolved, days
        case olderTickets = "older_tickets"
      }
    }

    enum CodingKeys: String, CodingKey {
      case complaints, unassigned, unclassified, warnings
      case emptyText = "empty_text"
      case inJudgedCells = "in_judged_cells"
      case hasSales = "has_sales"
      case hasKeyAccounts = "has_key_accounts"
      case withoutResolution = "without_resolution"
      case sparseResolution = "sparse_resolution"
      case datesOnly = "dates_only"
      case emptyTextBefore = "empty_text_before"
    }

  }
}

extension ReportModel {
  /// Why the reported period has no verdict, when it has none: the words the command line, the
  /// headline and the anomalies section say instead of "0 anomalies".
  public enum Unjudged: Equatable, Sendable {
    /// An export starts or ends inside the period, or most of its days have no row.
    case partial
    /// Whole by its days, but at the end of an export and far below its level.
    case fillingIn
    /// No export covers it.
    case notCovered
    /// Every complaint of the period is in no product line, so in no cell.
    case unassigned
    /// No cell was judged, and these product lines are not covered whole.
    case linesNotCovered([String])
    /// No cell had enough history, and no issue's share was flagged.
    case history
    /// No cell was judged, and these product lines have no sales units (missing, or 0) in the
    /// period: a rate needs them.
    case noUnits([String])
  }

  /// Why nothing is judged in the reported period; nil when cells were judged (or an issue's
  /// share was flagged), so that "0 anomalies" means cells were judged and none was out of
  /// control.
  public var unjudged: Unjudged? {
    switch coverage.period {
    case "partial": return .partial
    case "filling_in": return .fillingIn
    case "not_covered": return .notCovered
    default:
      guard method.cellsTested == 0, anomalies.isEmpty else { return nil }
      // Lines the exports do not cover first: the gap in the data, before what it causes.
      if !coverage.linesNotCovered.isEmpty { return .linesNotCovered(coverage.linesNotCovered) }
      if dataQuality.complaints > 0, dataQuality.unassigned == dataQuality.complaints {
        return .unassigned
      }
      if shareAnomalies > 0 { return nil }
      // Sales given, and no units for some line: that, not the history, is why nothing was
      // judged (the hostile tester's F-B read "too little history" after 22 months).
      let lines = Set(
        cells.filter {
          [.missing, .noExposure].contains($0.series.last?.status ?? .inControl)
        }.map(\.productLine))
      return dataQuality.hasSales && !lines.isEmpty ? .noUnits(lines.sorted()) : .history
    }
  }
}

extension ReportModel.Coverage {
  /// The product lines `stretch`'s file carries when none of them is covered whole this period
  /// (its lost rows withheld them: `lines_not_covered`), so that the stretch is said as the
  /// reason they are not judged, not as a caveat on their verdicts; nil otherwise.
  public func linesWithheld(by stretch: ReportModel.EmptyStretch) -> [String]? {
    guard let path = stretch.file,
      let lines = files.first(where: { $0.path == path })?.productLines, !lines.isEmpty,
      lines.allSatisfy(linesNotCovered.contains)
    else { return nil }
    return lines
  }
}
