import PlaintCore

extension ReportModel {
  /// A cell judged out of control in the reported period (or an improvement, below the LCL).
  public struct Anomaly: Codable, Sendable, Equatable {
    /// Stable id, e.g. "2025-10/product/Air Fryers/consumer" (`id(period:category:productLine:tier:)`).
    public var id: String

    /// The id of the anomaly of a cell in a period.
    public static func id(period: String, category: String, productLine: String, tier: String)
      -> String
    {
      "\(period)/\(category)/\(productLine)/\(tier)"
    }
    public var category: String
    public var productLine: String
    public var tier: Rollup<Tier>
    public var period: String
    public var count: Int
    /// ū·nᵢ, the count the baseline expects.
    @Rounded public var expected: Double?
    @Rounded public var ucl: Double?
    @Rounded public var rate: Double?
    public var chart: ChartMethod
    public var rules: [String]
    @Rounded public var pValue: Double?
    @Rounded public var qValue: Double?
    /// "new", "continuing" or "resolved".
    public var status: AnomalyStatus
    public var streak: Int
    public var topIssues: [KeyCount]
    public var ticketIDs: [String]
    /// The team `owners:` names for the cell; nil when none does.
    @Nullable public var owner: String? = nil
    /// For a watch on a series silent for its whole baseline (rule `appeared`): how many
    /// baseline periods held no complaint. Absent otherwise.
    public var baselinePeriods: Int? = nil

    public init(
      id: String, category: String, productLine: String, tier: Rollup<Tier>, period: String,
      count: Int, expected: Double?, ucl: Double?, rate: Double?, chart: ChartMethod,
      rules: [String],
      pValue: Double?, qValue: Double?, status: AnomalyStatus, streak: Int,
      topIssues: [KeyCount] = [],
      ticketIDs: [String] = []
    ) {
      self.id = id
      self.category = category
      self.productLine = productLine
      self.tier = tier
      self.period = period
      self.count = count
      self.expected = expected
      self.ucl = ucl
      self.rate = rate
      self.chart = chart
      self.rules = rules
      self.pValue = pValue
      self.qValue = qValue
      self.status = status
      self.streak = streak
      self.topIssues = topIssues
      self.ticketIDs = ticketIDs
    }

    enum CodingKeys: String, CodingKey {
      case id, category, tier, period, count, expected, ucl, rate, chart, rules, status, streak
      case productLine = "product_line"
      case pValue = "p_value"
      case qValue = "q_value"
      case topIssues = "top_issues"
      case ticketIDs = "ticket_ids"
      case owner
      case baselinePeriods = "baseline_periods"
    }

    /// "category / product line / tier", for people.
    public var label: String { "\(category) / \(productLine) / \(tier)" }
  }

  /// A key and how often it occurred.
  public struct KeyCount: Codable, Sendable, Equatable {
    public var key: String
    public var count: Int

    public init(key: String, count: Int) {
      self.key = key
      self.count = count
    }
  }
}
