extension ReportModel {
  /// A cut of the complaints by a column beyond the grid (a company, a state, the export's
  /// system): a Pareto of its values over the Pareto window, and a control chart per value.
  public struct SliceSection: Codable, Sendable, Equatable {
    /// The slice's name in plaint.yml ("company").
    public var name: String
    /// The column it reads, or "@system" / "@file".
    public var column: String
    /// What the charts count: always "none: count chart, one unit per period" today, since no
    /// volume is known by slice value.
    public var exposure: String
    /// The Benjamini–Hochberg level of the slice's own family; nil when `control.fdr` is off.
    @Rounded public var fdr: Double?
    /// Values in the slice's family this period (a p-value and enough history).
    public var valuesTested: Int
    /// Values with complaints this period whose history is too short to judge (fewer whole
    /// periods than `min_baseline_periods`): no verdict, never an anomaly against 0.
    public var shortHistory: Int
    /// How much of this period the exports cover ("whole", "partial", "not_covered"); values
    /// are judged only in a whole period.
    public var periodCoverage: String
    /// Complaints of the Pareto window with no value in the column (missing, not zero).
    public var withoutValue: Int
    /// The periods the Pareto counts.
    public var paretoPeriods: [String]
    /// Every value of the window, most complaints first, with its verdict this period.
    public var values: [SliceValue]
    /// The charted values: the vital few of the window and every flagged value.
    public var series: [SliceSeries]
    /// The values flagged this period: anomalies, then watches.
    public var signals: [SliceSignal]

    public init(
      name: String, column: String, exposure: String, fdr: Double?, valuesTested: Int,
      shortHistory: Int = 0, periodCoverage: String = "whole", withoutValue: Int,
      paretoPeriods: [String], values: [SliceValue], series: [SliceSeries],
      signals: [SliceSignal]
    ) {
      self.name = name
      self.column = column
      self.exposure = exposure
      self.fdr = fdr
      self.valuesTested = valuesTested
      self.shortHistory = shortHistory
      self.periodCoverage = periodCoverage
      self.withoutValue = withoutValue
      self.paretoPeriods = paretoPeriods
      self.values = values
      self.series = series
      self.signals = signals
    }

    enum CodingKeys: String, CodingKey {
      case name, column, exposure, fdr, values, series, signals
      case valuesTested = "values_tested"
      case shortHistory = "short_history"
      case periodCoverage = "period_coverage"
      case withoutValue = "without_value"
      case paretoPeriods = "pareto_periods"
    }
  }

  /// One value of a slice: its Pareto row over the window and its chart's verdict this period.
  public struct SliceValue: Codable, Sendable, Equatable {
    public var value: String
    public var count: Int
    @Rounded public var share: Double
    @Rounded public var cumulative: Double
    public var vital: Bool
    /// Complaints this period, the chart's centre and upper limit, and its status.
    public var periodCount: Int
    @Rounded public var center: Double?
    @Rounded public var ucl: Double?
    public var status: PointStatus
    public var chart: String
    @Rounded public var pValue: Double?
    @Rounded public var qValue: Double?

    public init(
      value: String, count: Int, share: Double, cumulative: Double, vital: Bool,
      periodCount: Int, center: Double?, ucl: Double?, status: PointStatus, chart: String,
      pValue: Double?, qValue: Double?
    ) {
      self.value = value
      self.count = count
      self.share = share
      self.cumulative = cumulative
      self.vital = vital
      self.periodCount = periodCount
      self.center = center
      self.ucl = ucl
      self.status = status
      self.chart = chart
      self.pValue = pValue
      self.qValue = qValue
    }

    enum CodingKeys: String, CodingKey {
      case value, count, share, cumulative, vital, center, ucl, status, chart
      case periodCount = "period_count"
      case pValue = "p_value"
      case qValue = "q_value"
    }
  }

  /// One value's control chart over the report's periods.
  public struct SliceSeries: Codable, Sendable, Equatable {
    public var value: String
    /// "u" (with one unit per period: a c chart), "poisson" or "laney".
    public var chart: String
    @Rounded public var phi: Double?
    public var series: [Point]

    public init(value: String, chart: String, phi: Double?, series: [Point]) {
      self.value = value
      self.chart = chart
      self.phi = phi
      self.series = series
    }
  }

  /// A value flagged this period.
  public struct SliceSignal: Codable, Sendable, Equatable {
    public var value: String
    /// "anomaly" or "watch".
    public var status: String
    public var count: Int
    @Rounded public var expected: Double?
    @Rounded public var ucl: Double?
    public var rules: [String]
    @Rounded public var pValue: Double?
    @Rounded public var qValue: Double?
    /// The finding in one sentence.
    public var text: String = ""
    /// For a value silent for its whole baseline (rule `appeared`): how many baseline periods
    /// held no complaint. Absent otherwise.
    public var baselinePeriods: Int? = nil

    public init(
      value: String, status: String, count: Int, expected: Double?, ucl: Double?,
      rules: [String], pValue: Double?, qValue: Double?, text: String = ""
    ) {
      self.value = value
      self.status = status
      self.count = count
      self.expected = expected
      self.ucl = ucl
      self.rules = rules
      self.pValue = pValue
      self.qValue = qValue
      self.text = text
    }

    enum CodingKeys: String, CodingKey {
      case value, status, count, expected, ucl, rules, text
      case pValue = "p_value"
      case qValue = "q_value"
      case baselinePeriods = "baseline_periods"
    }
  }
}
