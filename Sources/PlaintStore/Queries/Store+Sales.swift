internal import GRDB
import PlaintCore

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
        .map { row in
          let period = try Self.period(
            row, table: "sales", key: "the sales of \(row["product_line"] as String)")
          let tier: String = row["tier"]
          return SalesVolume(
            period: period, productLine: row["product_line"], tier: Tier(rawValue: tier),
            units: row["units"], revenue: row["revenue"])
        }
    }
  }
}
