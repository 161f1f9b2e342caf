import PlaintCore

extension ReportModel {
  /// Resolution times.
  public struct Resolution: Codable, Sendable, Equatable {
    public var byCategory: [ResolutionRow]
    /// The same per base cell ("category/product line/tier").
    public var byCell: [ResolutionRow] = []
    /// The target the breach shares are measured against.
    @Rounded public var slaHours: Double? = nil
    /// Complaints of the window not resolved by the end of the period and older than the SLA then,
    /// longest open first.
    public var openPastSLA: [OpenComplaint] = []

    public init(
      byCategory: [ResolutionRow] = [], byCell: [ResolutionRow] = [], slaHours: Double? = nil,
      openPastSLA: [OpenComplaint] = []
    ) {
      self.byCategory = byCategory
      self.byCell = byCell
      self.slaHours = slaHours
      self.openPastSLA = openPastSLA
    }

    enum CodingKeys: String, CodingKey {
      case byCategory = "by_category"
      case byCell = "by_cell"
      case slaHours = "sla_hours"
      case openPastSLA = "open_past_sla"
    }
  }

  /// A complaint still open past the SLA at the end of the reported period.
  public struct OpenComplaint: Codable, Sendable, Equatable {
    public var system: String
    public var id: String
    /// Creation time, ISO 8601.
    public var created: String
    public var category: String
    public var productLine: String
    public var tier: Rollup<Tier>
    public var issue: String
    /// Hours from creation to the end of the period.
    @Rounded public var hoursOpen: Double
    @Nullable public var owner: String?

    public init(
      system: String, id: String, created: String, category: String, productLine: String,
      tier: Rollup<Tier>, issue: String, hoursOpen: Double, owner: String?
    ) {
      self.system = system
      self.id = id
      self.created = created
      self.category = category
      self.productLine = productLine
      self.tier = tier
      self.issue = issue
      self.hoursOpen = hoursOpen
      self.owner = owner
    }

    enum CodingKeys: String, CodingKey {
      case system, id, created, category, tier, issue, owner
      case productLine = "product_line"
      case hoursOpen = "hours_open"
    }
  }

  /// Resolution times of one key; nil where no ticket was resolved.
  public struct ResolutionRow: Codable, Sendable, Equatable {
    public var key: String
    @Rounded public var medianHours: Double?
    @Rounded public var p90Hours: Double?
    @Rounded public var slaBreachShare: Double?
    /// Complaints of the period, those resolved by now, and those open at the end of the period
    /// for longer than the SLA.
    public var complaints: Int = 0
    public var resolved: Int = 0
    public var openPastSLA: Int = 0

    public init(
      key: String, medianHours: Double?, p90Hours: Double?, slaBreachShare: Double?,
      complaints: Int = 0, resolved: Int = 0, openPastSLA: Int = 0
    ) {
      self.key = key
      self.medianHours = medianHours
      self.p90Hours = p90Hours
      self.slaBreachShare = slaBreachShare
      self.complaints = complaints
      self.resolved = resolved
      self.openPastSLA = openPastSLA
    }

    enum CodingKeys: String, CodingKey {
      case key, complaints, resolved
      case medianHours = "median_hours"
      case p90Hours = "p90_hours"
      case slaBreachShare = "sla_breach_share"
      case openPastSLA = "open_past_sla"
    }
  }
}
