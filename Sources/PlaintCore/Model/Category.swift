/// The four fixed complaint categories of the grid.
public enum Category: String, CaseIterable, Codable, Sendable, Comparable {
  case product
  case policy
  case service
  case other

  /// A label for people: "product quality", "policy", "service quality", "other".
  public var title: String {
    switch self {
    case .product: "product quality"
    case .policy: "policy"
    case .service: "service quality"
    case .other: "other"
    }
  }

  public static func < (lhs: Category, rhs: Category) -> Bool {
    lhs.order < rhs.order
  }

  private var order: Int {
    switch self {
    case .product: 0
    case .policy: 1
    case .service: 2
    case .other: 3
    }
  }
}

/// The customer tier of a complaint: a key account or everybody else.
public enum Tier: String, CaseIterable, Codable, Sendable, Comparable {
  case keyAccount = "key_account"
  case consumer

  public static func < (lhs: Tier, rhs: Tier) -> Bool {
    lhs == .keyAccount && rhs == .consumer
  }
}
