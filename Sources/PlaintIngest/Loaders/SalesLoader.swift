import PlaintCore

/// Sales units of a product line (and tier) in a period, as the sales file states them.
public struct SalesRow: Sendable, Hashable {
  public var period: Period
  public var productLine: String
  public var tier: Tier?
  public var units: Double
  public var revenue: Double?
}

/// Reads `sales.csv`: `period,product_line[,tier],units[,revenue]`.
public enum SalesLoader {
  public static func load(path: String, displayPath: String, granularity: Granularity) throws
    -> [SalesRow]
  {
    let table = try CSVTable.read(path: path, displayPath: displayPath)
    guard let periodColumn = table.index(of: "period"),
      let lineColumn = table.index(of: "product_line"), let unitsColumn = table.index(of: "units")
    else {
      throw IngestError.missingColumns(displayPath, ["period", "product_line", "units"])
    }
    let tierColumn = table.index(of: "tier")
    let revenueColumn = table.index(of: "revenue")
    return try table.rows.map { line, fields in
      func field(_ index: Int?) -> String? {
        guard let index, index < fields.count else { return nil }
        let value = fields[index].trimmingCharacters(in: .whitespaces)
        return value.isEmpty ? nil : value
      }
      guard let periodText = field(periodColumn), let period = Period(periodText),
        period.granularity == granularity
      else {
        let example = granularity == .month ? "2025-10" : "2025-W07"
        throw IngestError.badRow(
          displayPath, line,
          "column period holds \"\(field(periodColumn) ?? "")\", expected a \(granularity.rawValue) like \(example)")
      }
      guard let productLine = field(lineColumn) else {
        throw IngestError.badRow(displayPath, line, "column product_line is empty")
      }
      guard let unitsText = field(unitsColumn), let units = Double(unitsText), units >= 0 else {
        throw IngestError.badRow(
          displayPath, line,
          "column units holds \"\(field(unitsColumn) ?? "")\", expected a number of units sold (0 or more)")
      }
      var tier: Tier?
      if let tierText = field(tierColumn) {
        guard let parsed = Tier(rawValue: tierText) else {
          throw IngestError.badRow(
            displayPath, line, "column tier holds \"\(tierText)\", expected key_account or consumer")
        }
        tier = parsed
      }
      var revenue: Double?
      if let revenueText = field(revenueColumn) {
        guard let parsed = Double(revenueText) else {
          throw IngestError.badRow(
            displayPath, line, "column revenue holds \"\(revenueText)\", expected a number")
        }
        revenue = parsed
      }
      return SalesRow(
        period: period, productLine: productLine, tier: tier, units: units, revenue: revenue)
    }
  }
}
