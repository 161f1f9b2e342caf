/// One cell of the grid: category × product line × tier.
public struct Cell: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
  /// The product line of tickets whose product could not be determined; never charted.
  public static let unassigned = "unassigned"

  public var category: Category
  public var productLine: String
  public var tier: Tier

  public init(category: Category, productLine: String, tier: Tier) {
    self.category = category
    self.productLine = productLine
    self.tier = tier
  }

  public var description: String { "\(category.rawValue)/\(productLine)/\(tier.rawValue)" }

  public static func < (lhs: Cell, rhs: Cell) -> Bool {
    (lhs.category, lhs.productLine, lhs.tier) < (rhs.category, rhs.productLine, rhs.tier)
  }
}

private func < (lhs: (Category, String, Tier), rhs: (Category, String, Tier)) -> Bool {
  if lhs.0 != rhs.0 { return lhs.0 < rhs.0 }
  if lhs.1 != rhs.1 { return lhs.1 < rhs.1 }
  return lhs.2 < rhs.2
}
