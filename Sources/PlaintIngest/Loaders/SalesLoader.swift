import PlaintCore

/// Reads `sales.csv`: `period,product_line[,tier],units[,revenue]`.
public enum SalesLoader {
  /// Every row of the file in file order; the first bad row throws `IngestError.badRow`: a
  /// period, line and tier given twice (the later would silently win or double the units),
  /// fractional units (units count items), or a line not in `productLines` (its units would match
  /// no complaint), when given.
  public static func load(
    path: String, displayPath: String, granularity: Granularity,
    productLines: Set<String>? = nil
  ) throws(IngestError) -> [SalesVolume] {
    let table = try SmallTable(path: path, displayPath: displayPath)
    try table.rejectWideRows()
    let columns = try table.columns(
      required: ["period", "product_line", "units"], optional: ["tier", "revenue"])
    var seen: [SalesKey: Int] = [:]
    return try table.rows.map { row throws(IngestError) in
      func fail(_ column: String, _ problem: String) -> IngestError {
        .badRow(displayPath, line: row.line, column: column, problem)
      }
      let periodText = table.value(row, columns, "period")
      guard let period = Period(periodText) else {
        throw fail("period", "\(excerpt(periodText)) is not a period (YYYY-MM or YYYY-Www)")
      }
      guard period.granularity == granularity else {
        throw fail(
          "period",
          "\(excerpt(periodText)) is a \(period.granularity.rawValue); this run counts by \(granularity.rawValue)"
        )
      }
      let productLine = table.value(row, columns, "product_line")
      guard !productLine.isEmpty else { throw fail("product_line", "empty") }
      if let productLines, !productLines.contains(productLine) {
        let known = productLines.sorted().prefix(8).map { "\"\($0)\"" }.joined(separator: ", ")
        throw fail(
          "product_line",
          "\(excerpt(productLine)) is not a product line of the taxonomy (\(known)\(productLines.count > 8 ? ", …" : "")); its units would match no complaint"
        )
      }
      let tierText = table.value(row, columns, "tier")
      var tier: Tier?
      if !tierText.isEmpty {
        guard let known = Tier(rawValue: tierText.lowercased()) else {
          throw fail("tier", "\(excerpt(tierText)) is neither key_account nor consumer")
        }
        tier = known
      }
      let unitsText = table.value(row, columns, "units")
      guard let units = Double(unitsText), units.isFinite, units >= 0 else {
        throw fail("units", "\(excerpt(unitsText)) is not a number of units")
      }
      guard units == units.rounded() else {
        throw fail("units", "\(excerpt(unitsText)) is not a whole number of units sold")
      }
      let revenueText = table.value(row, columns, "revenue")
      var revenue: Double?
      if !revenueText.isEmpty {
        guard let value = Double(revenueText), value.isFinite else {
          throw fail("revenue", "\(excerpt(revenueText)) is not a number")
        }
        revenue = value
      }
      let key = SalesKey(period: period, productLine: productLine, tier: tier)
      if let earlier = seen[key] {
        throw fail(
          "period",
          "\(periodText), \(productLine)\(tier.map { ", \($0.rawValue)" } ?? "") is given twice (first at line \(earlier))"
        )
      }
      seen[key] = row.line
      return SalesVolume(
        period: period, productLine: productLine, tier: tier, units: units, revenue: revenue)
    }
  }
}

/// What one sales row is about; a second row about the same is a mistake.
private struct SalesKey: Hashable {
  var period: Period
  var productLine: String
  var tier: Tier?
}
