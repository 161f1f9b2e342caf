import PlaintCore

extension ReportModel {
  /// How concentrations were looked for: one Benjamini–Hochberg family over every test of the
  /// period, with the gates a unit and a value must pass.
  public struct ConcentrationMethod: Codable, Sendable, Equatable {
    /// "fisher_exact_bh": Fisher's exact one-sided test per value, Benjamini–Hochberg over all.
    public var name: String
    /// The Benjamini–Hochberg level.
    @Rounded public var fdr: Double
    /// Tests in the family.
    public var tested: Int
    /// Complaints a unit needs this period, and in its baseline periods, to be tested.
    public var minCount: Int
    public var minBaselineCount: Int
    /// Complaints a value needs this period to be reported.
    public var minValueCount: Int
    /// The share must be at least this multiple of the baseline share, and this far above it.
    @Rounded public var minRatio: Double
    @Rounded public var minDifference: Double
    /// "channel", "hour", "weekday", "agent", then the slices.
    public var dimensions: [PlaintCore.Concentration.Dimension]

    public init(
      name: String, fdr: Double, tested: Int, minCount: Int, minBaselineCount: Int,
      minValueCount: Int, minRatio: Double, minDifference: Double,
      dimensions: [PlaintCore.Concentration.Dimension]
    ) {
      self.name = name
      self.fdr = fdr
      self.tested = tested
      self.minCount = minCount
      self.minBaselineCount = minBaselineCount
      self.minValueCount = minValueCount
      self.minRatio = minRatio
      self.minDifference = minDifference
      self.dimensions = dimensions
    }

    enum CodingKeys: String, CodingKey {
      case name, fdr, tested, dimensions
      case minCount = "min_count"
      case minBaselineCount = "min_baseline_count"
      case minValueCount = "min_value_count"
      case minRatio = "min_ratio"
      case minDifference = "min_difference"
    }
  }
}
