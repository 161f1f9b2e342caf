import PlaintCore

extension ReportModel {
  /// One charted cell or roll-up and its whole series up to the reported period.
  public struct CellSeries: Codable, Sendable, Equatable {
    /// A category, or "*" in a roll-up over categories.
    public var category: String
    public var productLine: String
    public var tier: Rollup<Tier>
    /// The chart actually used: "u", "laney", "poisson", ….
    public var chart: ChartMethod
    /// Pearson dispersion ratio over the baseline; nil when it could not be estimated.
    @Rounded public var phi: Double?
    /// Which baseline judged the series: the rolling one, or one frozen by `plaint baseline`.
    public var baseline: Baseline?
    public var series: [Point]

    public init(
      category: String, productLine: String, tier: Rollup<Tier>, chart: ChartMethod, phi: Double?,
      baseline: Baseline? = nil, series: [Point]
    ) {
      self.category = category
      self.productLine = productLine
      self.tier = tier
      self.chart = chart
      self.phi = phi
      self.baseline = baseline
      self.series = series
    }

    enum CodingKeys: String, CodingKey {
      case category, tier, chart, phi, baseline, series
      case productLine = "product_line"
    }

    /// "category / product line / tier", for people.
    public var label: String { "\(category) / \(productLine) / \(tier)" }
  }

  /// The baseline a series was judged against.
  public struct Baseline: Codable, Sendable, Equatable {
    /// "rolling" (the last in-control periods before each period) or "frozen".
    public var kind: String
    /// Frozen: the `--through` period, the estimation window, the anomalies left out of it.
    public var through: String?
    /// The first and last period of the baseline: frozen, the estimation window; rolling, the
    /// periods the reported period was judged against.
    public var window: [String]?
    public var excluded: [String]?
    public var frozenAt: String?
    public var version: String?
    /// Rolling: how many usable periods inside `window` the reported period's baseline held
    /// (periods beyond a limit, partial or not covered stay out).
    public var periods: Int?
    /// Rolling: the sustained level shift the baseline follows, while its window starts at the
    /// shift or when the reported period confirmed it.
    public var shift: Shift?

    public static let rolling = Baseline(kind: "rolling")

    public init(
      kind: String, through: String? = nil, window: [String]? = nil, excluded: [String]? = nil,
      frozenAt: String? = nil, version: String? = nil
    ) {
      self.kind = kind
      self.through = through
      self.window = window
      self.excluded = excluded
      self.frozenAt = frozenAt
      self.version = version
    }

    enum CodingKeys: String, CodingKey {
      case kind, through, window, excluded, version, periods, shift
      case frozenAt = "frozen_at"
    }
  }

  /// A sustained shift of a series' level that its rolling baseline now follows: a run of
  /// `method.rebaseline_after` judged periods that began beyond a limit and stayed on that side.
  public struct Shift: Codable, Sendable, Equatable {
    /// "up" or "down".
    public var direction: String
    /// The run's first period: where the new level begins and the baseline now starts.
    public var since: String
    /// The period that completed the run.
    public var confirmed: String
    /// The first period judged against the new level (the one after `confirmed`).
    public var judgedFrom: String
    /// The count the new level expects in the reported period (the baseline's centre there, or
    /// the run's own level in the period that confirmed it).
    @Rounded public var level: Double?
    /// The count the level before the shift would expect in the reported period.
    @Rounded public var levelBefore: Double?

    public init(
      direction: String, since: String, confirmed: String, judgedFrom: String, level: Double?,
      levelBefore: Double?
    ) {
      self.direction = direction
      self.since = since
      self.confirmed = confirmed
      self.judgedFrom = judgedFrom
      self.level = level
      self.levelBefore = levelBefore
    }

    enum CodingKeys: String, CodingKey {
      case direction, since, confirmed, level
      case judgedFrom = "judged_from"
      case levelBefore = "level_before"
    }
  }

  /// One period of a chart.
  public struct Point: Codable, Sendable, Equatable {
    public var period: String
    public var status: PointStatus
    public var count: Int
    @Rounded public var units: Double?
    @Rounded public var rate: Double?
    @Rounded public var center: Double?
    @Rounded public var ucl: Double?
    @Rounded public var lcl: Double?
    public var signals: [Signal]

    public init(
      period: String, status: PointStatus, count: Int, units: Double?, rate: Double?,
      center: Double?,
      ucl: Double?, lcl: Double?, signals: [Signal] = []
    ) {
      self.period = period
      self.status = status
      self.count = count
      self.units = units
      self.rate = rate
      self.center = center
      self.ucl = ucl
      self.lcl = lcl
      self.signals = signals
    }

    enum CodingKeys: String, CodingKey {
      case period, status, count, units, rate, center, ucl, lcl, signals
    }

    /// A period the exports do not cover has no count: `null`, never 0.
    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(period, forKey: .period)
      try container.encode(status, forKey: .status)
      try container.encode(status == .notCovered ? nil : count, forKey: .count)
      try container.encode(_units, forKey: .units)
      try container.encode(_rate, forKey: .rate)
      try container.encode(_center, forKey: .center)
      try container.encode(_ucl, forKey: .ucl)
      try container.encode(_lcl, forKey: .lcl)
      try container.encode(signals, forKey: .signals)
    }

    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      period = try container.decode(String.self, forKey: .period)
      status = try container.decode(PointStatus.self, forKey: .status)
      count = try container.decodeIfPresent(Int.self, forKey: .count) ?? 0
      _units = try container.decode(Rounded<Double?>.self, forKey: .units)
      _rate = try container.decode(Rounded<Double?>.self, forKey: .rate)
      _center = try container.decode(Rounded<Double?>.self, forKey: .center)
      _ucl = try container.decode(Rounded<Double?>.self, forKey: .ucl)
      _lcl = try container.decode(Rounded<Double?>.self, forKey: .lcl)
      signals = try container.decode([Signal].self, forKey: .signals)
    }
  }

  /// A run-rule signal: the rule and the periods where its run began, fired and ended.
  public struct Signal: Codable, Sendable, Equatable {
    public var rule: String
    public var first: String
    public var trigger: String
    public var last: String

    public init(rule: String, first: String, trigger: String, last: String) {
      self.rule = rule
      self.first = first
      self.trigger = trigger
      self.last = last
    }
  }

  /// A period of a product line (and tier) that could not be charted.
  public struct DataGap: Codable, Sendable, Equatable {
    public var productLine: String
    public var tier: Rollup<Tier>
    public var period: String
    /// "no_exposure" or "missing".
    public var reason: String

    public init(productLine: String, tier: Rollup<Tier>, period: String, reason: String) {
      self.productLine = productLine
      self.tier = tier
      self.period = period
      self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
      case tier, period, reason
      case productLine = "product_line"
    }
  }
}

extension ReportModel {
  /// What one period of a charted series is: judged (in control, an anomaly, an improvement, a
  /// watch), not judged and why, or withheld because the categories shifted with the export.
  public enum PointStatus: String, Codable, Sendable, CaseIterable {
    case inControl = "in_control"
    case anomaly
    case improvement
    case watch
    case insufficientHistory = "insufficient_history"
    case noExposure = "no_exposure"
    case missing
    case notCovered = "not_covered"
    case partial
    case withheld
    /// Complaints now after none in a whole baseline: no level to judge against, no verdict.
    case silentBaseline = "silent_baseline"
    /// Whole by its days, but still filling in at the end of its export: shown, not judged.
    case fillingIn = "filling_in"
  }

  /// Where a listed anomaly stands: flagged for the first time or again, back in control, or a
  /// signal that did not pass (a watch).
  public enum AnomalyStatus: String, Codable, Sendable, CaseIterable {
    case new
    case continuing
    case resolved
    case watch

    /// The status the detector gave the point.
    public init(_ status: PlaintCore.AnomalyStatus) {
      switch status {
      case .new: self = .new
      case .continuing: self = .continuing
      case .resolved: self = .resolved
      }
    }
  }
}
