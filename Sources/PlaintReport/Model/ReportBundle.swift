import PlaintCore

/// The report model plus the row-level tables that go to CSV but not into `report.json`.
public struct ReportBundle: Sendable, Equatable {
  public var report: ReportModel
  public var anomalyTickets: [AnomalyTicket]
  public var rejects: [Reject]
  public var grid: [GridRow]
  /// The tool and version named in the footer of every rendering, e.g. "plaint 0.1.0".
  public var generatedBy: String

  public init(
    report: ReportModel, anomalyTickets: [AnomalyTicket] = [], rejects: [Reject] = [],
    grid: [GridRow] = [], generatedBy: String
  ) {
    self.report = report
    self.anomalyTickets = anomalyTickets
    self.rejects = rejects
    self.grid = grid
    self.generatedBy = generatedBy
  }
}

extension ReportBundle {
  /// A ticket behind an anomaly, for the people who read the complaints themselves.
  public struct AnomalyTicket: Sendable, Equatable {
    public var anomalyID: String
    public var system: String
    public var ticketID: String
    /// The creation time, ISO 8601.
    public var created: String
    public var category: String
    public var issue: String
    public var productLine: String
    public var tier: Rollup<Tier>
    /// The customer id, "" when unknown.
    public var customer: String
    /// The customer's name: "" unless the configuration allows names (`reports.customer_names`).
    public var customerName: String
    public var channel: String
    public var agent: String
    public var matchedRule: String
    /// Where the ticket was read: "file:line".
    public var source: String
    /// The start of the ticket's text.
    public var excerpt: String

    public init(
      anomalyID: String, system: String, ticketID: String, created: String, category: String,
      issue: String, productLine: String, tier: Rollup<Tier>, customer: String,
      customerName: String = "", channel: String,
      agent: String, matchedRule: String, source: String, excerpt: String
    ) {
      self.anomalyID = anomalyID
      self.system = system
      self.ticketID = ticketID
      self.created = created
      self.category = category
      self.issue = issue
      self.productLine = productLine
      self.tier = tier
      self.customer = customer
      self.customerName = customerName
      self.channel = channel
      self.agent = agent
      self.matchedRule = matchedRule
      self.source = source
      self.excerpt = excerpt
    }
  }

  /// One period of one cell: the flat table behind `grid.csv` and the heatmap.
  public struct GridRow: Sendable, Equatable {
    public var period: String
    public var category: String
    public var productLine: String
    public var tier: Rollup<Tier>
    public var count: Int
    public var units: Double?
    public var rate: Double?
    public var center: Double?
    public var ucl: Double?
    public var lcl: Double?
    public var status: ReportModel.PointStatus
    public var chart: ChartMethod

    public init(
      period: String, category: String, productLine: String, tier: Rollup<Tier>, count: Int,
      units: Double?, rate: Double?, center: Double?, ucl: Double?, lcl: Double?,
      status: ReportModel.PointStatus,
      chart: ChartMethod
    ) {
      self.period = period
      self.category = category
      self.productLine = productLine
      self.tier = tier
      self.count = count
      self.units = units
      self.rate = rate
      self.center = center
      self.ucl = ucl
      self.lcl = lcl
      self.status = status
      self.chart = chart
    }
  }
}
