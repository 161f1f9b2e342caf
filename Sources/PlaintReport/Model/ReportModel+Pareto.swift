extension ReportModel {
  /// One row of a Pareto table.
  public struct ParetoRow: Codable, Sendable, Equatable {
    public var key: String
    public var count: Int
    @Rounded public var share: Double
    @Rounded public var cumulative: Double
    public var vital: Bool

    public init(key: String, count: Int, share: Double, cumulative: Double, vital: Bool) {
      self.key = key
      self.count = count
      self.share = share
      self.cumulative = cumulative
      self.vital = vital
    }
  }

  /// The five Pareto tables over the Pareto window.
  public struct ParetoTables: Codable, Sendable, Equatable {
    /// The cumulative share that ends the vital few.
    @Rounded public var threshold: Double
    public var byCategory: [ParetoRow]
    public var byCell: [ParetoRow]
    public var byIssue: [ParetoRow]
    public var byProductLine: [ParetoRow]
    /// One row per customer: read back from a scratch file when there are many
    /// (`CustomerRows`).
    public var byCustomer: CustomerRows<ParetoRow>
    /// By issue over the window just before this one, for "this period beside the previous".
    public var previousByIssue: [ParetoRow] = []
    /// The periods of that earlier window; empty when the data starts inside it.
    public var previousPeriods: [String] = []
    /// The product lines the exports do not cover whole in some period of the window, with
    /// those periods; nil when every line is covered whole.
    public var linesNotCovered: [WindowLine]?

    public init(
      threshold: Double = 0.8, byCategory: [ParetoRow] = [], byCell: [ParetoRow] = [],
      byIssue: [ParetoRow] = [], byProductLine: [ParetoRow] = [], byCustomer: [ParetoRow] = []
    ) {
      self.threshold = threshold
      self.byCategory = byCategory
      self.byCell = byCell
      self.byIssue = byIssue
      self.byProductLine = byProductLine
      self.byCustomer = CustomerRows(byCustomer)
    }

    enum CodingKeys: String, CodingKey {
      case threshold
      case byCategory = "by_category"
      case byCell = "by_cell"
      case byIssue = "by_issue"
      case byProductLine = "by_product_line"
      case byCustomer = "by_customer"
      case previousByIssue = "previous_by_issue"
      case previousPeriods = "previous_periods"
      case linesNotCovered = "lines_not_covered"
    }

    /// The tables with their JSON and CSV names, in a fixed order.
    public var named: [(name: String, rows: CustomerRows<ParetoRow>)] {
      [
        ("by_category", CustomerRows(byCategory)), ("by_cell", CustomerRows(byCell)),
        ("by_issue", CustomerRows(byIssue)), ("by_product_line", CustomerRows(byProductLine)),
        ("by_customer", byCustomer),
      ]
    }
  }
}

extension ReportModel {
  /// A product line and the periods of a window the exports do not cover whole for it.
  public struct WindowLine: Codable, Sendable, Equatable {
    public var productLine: String
    public var periods: [String]

    public init(productLine: String, periods: [String]) {
      self.productLine = productLine
      self.periods = periods
    }

    enum CodingKeys: String, CodingKey {
      case periods
      case productLine = "product_line"
    }
  }
}
