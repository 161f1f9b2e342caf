import PlaintCore

extension ReportModel {
  /// A cell with too few whole periods for a control chart, judged as a run chart instead:
  /// its whole periods about their median, by Anhøj's rules. The points are the cell's own
  /// series (`cells`); partial and uncovered periods are gaps and never counted.
  public struct RunChart: Codable, Sendable, Equatable {
    public var category: String
    public var productLine: String
    public var tier: Rollup<Tier>
    /// The whole periods charted.
    public var periods: Int
    /// The median of their rates (counts per period without sales).
    @Rounded public var median: Double?
    /// Points not on the median.
    public var useful: Int
    public var longestRun: Int
    /// A run longer than this signals: round(log₂ useful + 3); nil when too few useful points
    /// for either rule to signal.
    @Nullable public var longestRunLimit: Int?
    public var crossings: Int
    /// Fewer crossings than this signal: qbinom(0.05, useful − 1, 0.5); nil as above.
    @Nullable public var crossingsLimit: Int?
    /// The rules that fired (`long_run`, `few_crossings`); empty when none did.
    public var rules: [RunChartRule]
    /// False when over half the periods sit on the median (mostly months without a complaint):
    /// the rules are not applied.
    public var judged: Bool = true

    public init(
      category: String, productLine: String, tier: Rollup<Tier>, periods: Int, median: Double?,
      useful: Int, longestRun: Int, longestRunLimit: Int?, crossings: Int, crossingsLimit: Int?,
      rules: [RunChartRule]
    ) {
      self.category = category
      self.productLine = productLine
      self.tier = tier
      self.periods = periods
      self.median = median
      self.useful = useful
      self.longestRun = longestRun
      self.longestRunLimit = longestRunLimit
      self.crossings = crossings
      self.crossingsLimit = crossingsLimit
      self.rules = rules
    }

    enum CodingKeys: String, CodingKey {
      case category, tier, periods, median, useful, crossings, rules, judged
      case productLine = "product_line"
      case longestRun = "longest_run"
      case longestRunLimit = "longest_run_limit"
      case crossingsLimit = "crossings_limit"
    }
  }

  /// The issues whose share of the reported period's complaints is an anomaly of its share chart
  /// (a watch does not count): said beside the cells' anomalies wherever those are counted.
  public var shareAnomalies: Int {
    shares?.flagged.filter { $0.kind == .anomaly && $0.period == period }.count ?? 0
  }

  /// Each issue's share of all complaints, judged on a p or Laney p′ chart: given only when
  /// there is no sales volume, so no rate to chart.
  public struct Shares: Codable, Sendable, Equatable {
    /// One series per issue: `count` is the issue's complaints, `units` all complaints of the
    /// period, `rate` the share (0...1), `center`/`ucl`/`lcl` the share chart's.
    public var issues: [ShareSeries]
    /// Issues whose share in the reported period is an anomaly or a watch, in the shape of the
    /// share chart's verdict.
    public var flagged: [ShareFinding]
    /// Product lines whose history began too recently to be in the shares' baseline, left out
    /// of every share chart (count and total); nil when none is.
    public var linesLeftOut: [LineLeftOut]?

    public init(issues: [ShareSeries] = [], flagged: [ShareFinding] = []) {
      self.issues = issues
      self.flagged = flagged
    }

    enum CodingKeys: String, CodingKey {
      case issues, flagged
      case linesLeftOut = "lines_left_out"
    }
  }

  /// A product line left out of the share charts until its history is as long as the baseline.
  public struct LineLeftOut: Codable, Sendable, Equatable {
    public var productLine: String
    /// The first period of its history.
    public var from: String
    /// The first period whose report counts it in the shares.
    public var joins: String

    public init(productLine: String, from: String, joins: String) {
      self.productLine = productLine
      self.from = from
      self.joins = joins
    }

    enum CodingKeys: String, CodingKey {
      case from, joins
      case productLine = "product_line"
    }
  }

  /// An issue's share chart.
  public struct ShareSeries: Codable, Sendable, Equatable {
    /// "category.issue".
    public var issue: String
    /// `p` or `laney_p`.
    public var chart: ChartMethod
    @Rounded public var phi: Double?
    public var series: [Point]

    public init(issue: String, chart: ChartMethod, phi: Double?, series: [Point]) {
      self.issue = issue
      self.chart = chart
      self.phi = phi
      self.series = series
    }
  }

  /// An issue whose share moved beyond what its share chart allows.
  public struct ShareFinding: Codable, Sendable, Equatable {
    public var issue: String
    public var period: String
    /// `anomaly` (passed the family adjustment across issues) or `watch`.
    public var kind: PointStatus
    public var count: Int
    /// All complaints of the period.
    public var total: Int
    @Rounded public var share: Double?
    /// The share the baseline expects (the chart's centre line).
    @Rounded public var center: Double?
    @Rounded public var ucl: Double?
    /// `p` or `laney_p`.
    public var chart: ChartMethod
    public var rules: [String]
    @Rounded public var pValue: Double?
    @Rounded public var qValue: Double?

    public init(
      issue: String, period: String, kind: PointStatus, count: Int, total: Int, share: Double?,
      center: Double?, ucl: Double?, chart: ChartMethod, rules: [String], pValue: Double?,
      qValue: Double?
    ) {
      self.issue = issue
      self.period = period
      self.kind = kind
      self.count = count
      self.total = total
      self.share = share
      self.center = center
      self.ucl = ucl
      self.chart = chart
      self.rules = rules
      self.pValue = pValue
      self.qValue = qValue
    }

    enum CodingKeys: String, CodingKey {
      case issue, period, kind, count, total, share, center, ucl, chart, rules
      case pValue = "p_value"
      case qValue = "q_value"
    }
  }

  /// The vital few issues inside each product line and inside each anomaly's cell, against the
  /// window before: what drives a line, for its owner.
  public struct Drivers: Codable, Sendable, Equatable {
    /// The cumulative share that ends the vital few (the Pareto threshold).
    @Rounded public var threshold: Double
    /// The Pareto window, and the window of the same length just before it.
    public var periods: [String]
    public var previousPeriods: [String]
    public var productLines: [DriverTable]
    public var anomalies: [DriverTable]

    public init(
      threshold: Double = 0.8, periods: [String] = [], previousPeriods: [String] = [],
      productLines: [DriverTable] = [], anomalies: [DriverTable] = []
    ) {
      self.threshold = threshold
      self.periods = periods
      self.previousPeriods = previousPeriods
      self.productLines = productLines
      self.anomalies = anomalies
    }

    enum CodingKeys: String, CodingKey {
      case threshold, periods, anomalies
      case previousPeriods = "previous_periods"
      case productLines = "product_lines"
    }
  }

  /// The issues of one product line, or of one anomaly's cell.
  public struct DriverTable: Codable, Sendable, Equatable {
    /// The anomaly's id; nil for a product line's table.
    @Nullable public var anomalyID: String?
    /// The cell's category and tier; "*" for a product line's table.
    public var category: String
    public var productLine: String
    public var tier: Rollup<Tier>
    public var complaints: Int
    /// The complaints of the window before; nil when the windows are not comparable.
    @Nullable public var previousComplaints: Int?
    /// Whether the exports cover every period of both windows whole for this line; without
    /// that, the change against the window before is not given.
    public var comparable: Bool
    /// Every issue of either window, in Pareto order of this window.
    public var rows: [DriverRow]
    /// The periods of this window the exports do not cover whole for the line; nil when none.
    public var periodsNotCovered: [String]?

    public init(
      anomalyID: String?, category: String, productLine: String, tier: Rollup<Tier>,
      complaints: Int,
      previousComplaints: Int?, comparable: Bool, rows: [DriverRow]
    ) {
      self.anomalyID = anomalyID
      self.category = category
      self.productLine = productLine
      self.tier = tier
      self.complaints = complaints
      self.previousComplaints = previousComplaints
      self.comparable = comparable
      self.rows = rows
    }

    enum CodingKeys: String, CodingKey {
      case category, tier, complaints, comparable, rows
      case anomalyID = "anomaly_id"
      case productLine = "product_line"
      case previousComplaints = "previous_complaints"
      case periodsNotCovered = "periods_not_covered"
    }
  }

  /// One issue in a driver table.
  public struct DriverRow: Codable, Sendable, Equatable {
    /// "category.issue".
    public var issue: String
    public var count: Int
    @Rounded public var share: Double
    @Rounded public var cumulative: Double
    public var vital: Bool
    /// The count in the window before; nil when the windows are not comparable.
    @Nullable public var previousCount: Int?
    /// count − previous_count; nil when the windows are not comparable.
    @Nullable public var change: Int?

    public init(
      issue: String, count: Int, share: Double, cumulative: Double, vital: Bool,
      previousCount: Int?, change: Int?
    ) {
      self.issue = issue
      self.count = count
      self.share = share
      self.cumulative = cumulative
      self.vital = vital
      self.previousCount = previousCount
      self.change = change
    }

    enum CodingKeys: String, CodingKey {
      case issue, count, share, cumulative, vital, change
      case previousCount = "previous_count"
    }
  }
}
