/// Units sold (and revenue) of one product line, tier and period: the exposure of the charts.
///
/// The sales loader reads it, the store keeps it and the grid divides complaints by it.
public struct SalesVolume: Sendable, Hashable {
  public var period: Period
  public var productLine: String
  /// nil: the row covers both tiers (the sales file does not split by tier).
  public var tier: Tier?
  public var units: Double
  public var revenue: Double?

  public init(period: Period, productLine: String, tier: Tier?, units: Double, revenue: Double?) {
    self.period = period
    self.productLine = productLine
    self.tier = tier
    self.units = units
    self.revenue = revenue
  }
}
