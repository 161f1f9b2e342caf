/// One part of a charted series' key as reports write it: a single value (a tier, a category),
/// or every value rolled up, written "*".
///
/// It reads and writes as its raw string, so a report keeps its wire format, and it interpolates
/// as that string too ("key_account", never the case name).
public enum Rollup<Value>: RawRepresentable, Hashable, Sendable, Codable, Comparable,
  CustomStringConvertible
where Value: RawRepresentable & Hashable & Sendable, Value.RawValue == String {
  /// Every value.
  case all
  /// One value.
  case only(Value)

  /// What a roll-up over every value is written as.
  public static var allRawValue: String { "*" }

  public init?(rawValue: String) {
    if rawValue == Self.allRawValue {
      self = .all
    } else if let value = Value(rawValue: rawValue) {
      self = .only(value)
    } else {
      return nil
    }
  }

  /// `.only(value)`, or `.all` for nil.
  public init(_ value: Value?) {
    self = value.map(Self.only) ?? .all
  }

  public var rawValue: String {
    switch self {
    case .all: Self.allRawValue
    case .only(let value): value.rawValue
    }
  }

  /// The single value; nil for a roll-up.
  public var value: Value? {
    switch self {
    case .all: nil
    case .only(let value): value
    }
  }

  public var description: String { rawValue }

  /// By the written value, the order reports have always listed series in.
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
