import PlaintCore

extension ReportModel {
  /// Repeat complainants, recurring issues and concentrations.
  public struct Recurrence: Codable, Sendable, Equatable {
    /// Read back from a scratch file when there are many (`CustomerRows`).
    public var repeatCustomers: CustomerRows<RepeatCustomer>
    public var recurringIssues: [RecurringIssue]
    public var concentrations: [Concentration]
    /// Cells flagged again this period after an earlier anomaly of theirs was resolved.
    public var returning: [ReturningAnomaly] = []
    /// Each release of `releases:` up to the period, with the rate before and after it.
    public var releases: [ReleaseEffect] = []
    /// False when no complaint of the window names a customer (an export without a customer
    /// column): repeat customers are not measured, which is not none of them; absent otherwise.
    public var customersNamed: Bool? = nil

    public init(
      repeatCustomers: [RepeatCustomer] = [], recurringIssues: [RecurringIssue] = [],
      concentrations: [Concentration] = [], returning: [ReturningAnomaly] = [],
      releases: [ReleaseEffect] = []
    ) {
      self.repeatCustomers = CustomerRows(repeatCustomers)
      self.recurringIssues = recurringIssues
      self.concentrations = concentrations
      self.returning = returning
      self.releases = releases
    }

    enum CodingKeys: String, CodingKey {
      case repeatCustomers = "repeat_customers"
      case recurringIssues = "recurring_issues"
      case concentrations, returning, releases
      case customersNamed = "customers_named"
    }
  }

  /// A cell anomalous again after an earlier anomaly of it was resolved.
  public struct ReturningAnomaly: Codable, Sendable, Equatable {
    public var category: String
    public var productLine: String
    public var tier: Rollup<Tier>
    /// The top issue of the cell this period, and the top issues of the earlier anomaly.
    @Nullable public var issue: String?
    public var previousIssues: [String]
    /// The last period of the earlier anomaly, the first period in control after it, and the
    /// reported period.
    public var previousPeriod: String
    public var resolvedPeriod: String
    public var period: String
    @Nullable public var owner: String?

    public init(
      category: String, productLine: String, tier: Rollup<Tier>, issue: String?,
      previousIssues: [String], previousPeriod: String, resolvedPeriod: String, period: String,
      owner: String? = nil
    ) {
      self.category = category
      self.productLine = productLine
      self.tier = tier
      self.issue = issue
      self.previousIssues = previousIssues
      self.previousPeriod = previousPeriod
      self.resolvedPeriod = resolvedPeriod
      self.period = period
      self.owner = owner
    }

    enum CodingKeys: String, CodingKey {
      case category, tier, issue, period, owner
      case productLine = "product_line"
      case previousIssues = "previous_issues"
      case previousPeriod = "previous_period"
      case resolvedPeriod = "resolved_period"
    }
  }

  /// A release and the complaint rate of its product line (in one category) before and after it.
  public struct ReleaseEffect: Codable, Sendable, Equatable {
    public var productLine: String
    public var component: String
    public var version: String
    /// The release day, "YYYY-MM-DD", and the period it falls in (where charts mark it).
    public var date: String
    public var period: String
    public var category: String
    /// The whole periods compared on each side (the release's own period belongs to "after" only
    /// when the release is on its first day; otherwise it is left out).
    public var periodsBefore: [String]
    public var periodsAfter: [String]
    public var countBefore: Int
    public var countAfter: Int
    /// Complaints per unit (per period without sales).
    @Rounded public var rateBefore: Double?
    @Rounded public var rateAfter: Double?
    /// rate after / rate before.
    @Rounded public var ratio: Double?
    /// Two-sided exact Poisson rate-ratio test (conditional binomial).
    @Rounded public var pValue: Double?
    /// "up", "down", "no change" or "not enough data".
    public var verdict: PlaintCore.ReleaseEffect.Verdict
    public var text: String

    public init(
      productLine: String, component: String, version: String, date: String, period: String,
      category: String, periodsBefore: [String], periodsAfter: [String], countBefore: Int,
      countAfter: Int,
      rateBefore: Double?, rateAfter: Double?, ratio: Double?, pValue: Double?,
      verdict: PlaintCore.ReleaseEffect.Verdict,
      text: String
    ) {
      self.productLine = productLine
      self.component = component
      self.version = version
      self.date = date
      self.period = period
      self.category = category
      self.periodsBefore = periodsBefore
      self.periodsAfter = periodsAfter
      self.countBefore = countBefore
      self.countAfter = countAfter
      self.rateBefore = rateBefore
      self.rateAfter = rateAfter
      self.ratio = ratio
      self.pValue = pValue
      self.verdict = verdict
      self.text = text
    }

    enum CodingKeys: String, CodingKey {
      case component, version, date, period, category, ratio, verdict, text
      case productLine = "product_line"
      case periodsBefore = "periods_before"
      case periodsAfter = "periods_after"
      case countBefore = "count_before"
      case countAfter = "count_after"
      case rateBefore = "rate_before"
      case rateAfter = "rate_after"
      case pValue = "p_value"
    }
  }

  /// A customer who complained at least `repeat_customer_min` times in the window.
  public struct RepeatCustomer: Codable, Sendable, Equatable {
    /// The customer id (never the display name unless the configuration allows it).
    public var customer: String
    public var count: Int
    public var keyAccount: Bool
    public var issues: [String]

    public init(customer: String, count: Int, keyAccount: Bool, issues: [String]) {
      self.customer = customer
      self.count = count
      self.keyAccount = keyAccount
      self.issues = issues
    }

    enum CodingKeys: String, CodingKey {
      case customer, count, issues
      case keyAccount = "key_account"
    }
  }

  /// An issue in the vital few of at least two of the last three periods.
  public struct RecurringIssue: Codable, Sendable, Equatable {
    public var issue: String
    public var periods: [String]

    public init(issue: String, periods: [String]) {
      self.issue = issue
      self.periods = periods
    }
  }

  /// A cell or roll-up ("*" in the rolled-up fields) whose complaints gather on one channel,
  /// hour, weekday, agent or slice value more than in its baseline.
  public struct Concentration: Codable, Sendable, Equatable {
    public var category: String
    public var productLine: String
    public var tier: Rollup<Tier>
    /// "channel", "hour", "weekday", "agent" or a slice's name.
    public var dimension: PlaintCore.Concentration.Dimension
    /// The channel or agent as exported, the hour as "09" (09:00–09:59), the weekday in English.
    public var value: String
    @Rounded public var share: Double
    @Rounded public var baselineShare: Double?
    /// Fisher's exact one-sided p-value, unadjusted.
    @Rounded public var pValue: Double?
    /// The Benjamini–Hochberg q-value over the report's whole concentration family.
    @Rounded public var qValue: Double? = nil
    /// Complaints of the cell with the value this period, and all of the cell's this period.
    public var count: Int = 0
    public var total: Int = 0
    /// Cohen's h between share and baseline share.
    @Rounded public var effectSize: Double? = nil
    /// The finding in one sentence.
    public var text: String = ""

    public init(
      category: String, productLine: String, tier: Rollup<Tier>,
      dimension: PlaintCore.Concentration.Dimension, value: String,
      share: Double, baselineShare: Double?, pValue: Double?, qValue: Double? = nil,
      count: Int = 0, total: Int = 0, effectSize: Double? = nil, text: String = ""
    ) {
      self.category = category
      self.productLine = productLine
      self.tier = tier
      self.dimension = dimension
      self.value = value
      self.share = share
      self.baselineShare = baselineShare
      self.pValue = pValue
      self.qValue = qValue
      self.count = count
      self.total = total
      self.effectSize = effectSize
      self.text = text
    }

    enum CodingKeys: String, CodingKey {
      case category, tier, dimension, value, share, count, total, text
      case productLine = "product_line"
      case baselineShare = "baseline_share"
      case pValue = "p_value"
      case qValue = "q_value"
      case effectSize = "effect_size"
    }
  }
}

extension ReportModel.ReleaseEffect {
  /// "component version", or whichever of the two is given.
  public var name: String {
    [component, version].filter { !$0.isEmpty }.joined(separator: " ")
  }
}
