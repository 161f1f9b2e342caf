import PlaintCore

/// One product change from `releases.csv`: a component or version of a product line, released
/// on a day.
public struct ReleaseRow: Sendable, Hashable {
  public var productLine: String
  public var component: String
  public var version: String
  /// The release day, "YYYY-MM-DD".
  public var date: String
  public var year: Int
  public var month: Int
  public var day: Int
  /// The category whose rate the release is judged by; `product` unless the file says otherwise.
  public var category: Category
  public var line: Int

  public init(
    productLine: String, component: String, version: String, year: Int, month: Int, day: Int,
    category: Category = .product, line: Int = 0
  ) {
    self.productLine = productLine
    self.component = component
    self.version = version
    self.year = year
    self.month = month
    self.day = day
    self.date = Self.dayText(year, month, day)
    self.category = category
    self.line = line
  }

  /// "component version", or whichever of the two is given.
  public var name: String {
    [component, version].filter { !$0.isEmpty }.joined(separator: " ")
  }

  static func dayText(_ year: Int, _ month: Int, _ day: Int) -> String {
    func pad(_ value: Int, _ width: Int) -> String {
      let text = String(value)
      return String(repeating: "0", count: max(0, width - text.count)) + text
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }
}

/// Reads `releases.csv`: `product_line,date` and a `component` or `version` column (or both),
/// optionally `category`.
public enum ReleasesLoader {
  public static func load(path: String, displayPath: String) throws(IngestError) -> [ReleaseRow] {
    let table = try SmallTable(path: path, displayPath: displayPath)
    try table.rejectWideRows()
    let columns = try table.columns(
      required: ["product_line", "date"], optional: ["component", "version", "category"])
    guard columns["component"] != nil || columns["version"] != nil else {
      throw IngestError.missingColumns(displayPath, ["\"component\" or \"version\""])
    }
    return try table.rows.map { row throws(IngestError) in
      func fail(_ column: String, _ problem: String) -> IngestError {
        .badRow(displayPath, line: row.line, column: column, problem)
      }
      let productLine = table.value(row, columns, "product_line")
      guard !productLine.isEmpty else { throw fail("product_line", "empty") }
      let component = table.value(row, columns, "component")
      let version = table.value(row, columns, "version")
      guard !component.isEmpty || !version.isEmpty else {
        throw fail("component", "name the component or the version released")
      }
      let dateText = table.value(row, columns, "date")
      let parts = dateText.split(separator: "-").map { Int($0) }
      guard parts.count == 3, let year = parts[0], let month = parts[1], let day = parts[2],
        (1...12).contains(month), (1...31).contains(day), dateText.count == 10
      else {
        throw fail("date", "\"\(dateText)\" is not a day (YYYY-MM-DD)")
      }
      let categoryText = table.value(row, columns, "category")
      var category = Category.product
      if !categoryText.isEmpty {
        guard let known = Category(rawValue: categoryText.lowercased()) else {
          throw fail("category", "\"\(categoryText)\" is not product, policy, service or other")
        }
        category = known
      }
      return ReleaseRow(
        productLine: productLine, component: component, version: version, year: year,
        month: month, day: day, category: category, line: row.line)
    }
  }
}
