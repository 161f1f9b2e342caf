import PlaintCore

extension ReportModel {
  /// Test complaints: the ones found, where each landed, and the expected ones never seen.
  public struct Canaries: Codable, Sendable, Equatable {
    public var found: [Canary]
    /// Expected ids (`canaries.expected`) that no stored ticket has.
    public var missing: [String]

    public init(found: [Canary] = [], missing: [String] = []) {
      self.found = found
      self.missing = missing
    }
  }

  /// A canary ticket and the cell it landed in.
  public struct Canary: Codable, Sendable, Equatable {
    public var system: String
    public var id: String
    public var period: String
    public var category: String
    public var productLine: String
    public var tier: Rollup<Tier>
    public var issue: String
    /// "tag", "id" or "expected": what made it a canary.
    public var matchedBy: String
    /// Whether `canaries.expected` lists it.
    public var expected: Bool

    public init(
      system: String, id: String, period: String, category: String, productLine: String,
      tier: Rollup<Tier>, issue: String, matchedBy: String, expected: Bool
    ) {
      self.system = system
      self.id = id
      self.period = period
      self.category = category
      self.productLine = productLine
      self.tier = tier
      self.issue = issue
      self.matchedBy = matchedBy
      self.expected = expected
    }

    enum CodingKeys: String, CodingKey {
      case system, id, period, category, tier, issue, expected
      case productLine = "product_line"
      case matchedBy = "matched_by"
    }
  }
}
