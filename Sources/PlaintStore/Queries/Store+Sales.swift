internal import GRDB
import PlaintCore

/// Sales units of a product line in a period; `tier` nil when the sales file does not split by tier.
public struct SalesVolume: Sendable, Hashable {
  public var period: Period
  public var productLine: String
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

extension Store {
  /// Replaces the stored sales with `volumes` (the sales file is the whole truth each run).
  public func replaceSales(_ volumes: [SalesVolume]) throws(StoreError) {
    try write("storing sales") { db in
      try db.execute(sql: "DELETE FROM sales")
      let insert = try db.cachedStatement(
        sql: """
          INSERT INTO sales (period, product_line, tier, units, revenue) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT (period, product_line, tier) DO UPDATE SET
            units = units + excluded.units,
            revenue = COALESCE(revenue, 0) + COALESCE(excluded.revenue, 0)
          """)
      for volume in volumes {
        try insert.execute(arguments: [
          volume.period.description, volume.productLine, volume.tier?.rawValue ?? "",
          volume.units, volume.revenue,
        ])
      }
    }
  }

  /// Every stored sales volume, in period, product line and tier order.
  public func sales() throws(StoreError) -> [SalesVolume] {
    try read("reading sales") { db in
      try Row.fetchAll(db, sql: "SELECT * FROM sales ORDER BY period, product_line, tier")
        .compactMap { row in
          guard let period = Period(row["period"]) else { return nil }
          let tier: String = row["tier"]
          return SalesVolume(
            period: period, productLine: row["product_line"], tier: Tier(rawValue: tier),
            units: row["units"], revenue: row["revenue"])
        }
    }
  }
}
