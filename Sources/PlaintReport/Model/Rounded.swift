import Foundation

/// How the report writes a number: rounded to `significantDigits` significant digits.
///
/// Rates, limits and p-values are results of floating-point arithmetic whose last bits can differ
/// with summation order or a libm update; rounding keeps that noise out of `report.json` (and out
/// of every renderer, which rounds through the same rule) while losing nothing a reader could use.
enum Rounding {
  static let significantDigits = 10

  /// `value` rounded to `significantDigits` significant digits; nil when it is not finite.
  static func rounded(_ value: Double) -> Double? {
    guard value.isFinite else { return nil }
    if value == 0 { return 0 }
    if let decimal = RoundedDecimal(value) { return decimal.double }
    return printfRounded(value)
  }

  /// The same through `printf`'s `%.9e` and back, for the few numbers `RoundedDecimal` cannot
  /// round (and for tests to compare it with).
  static func printfRounded(_ value: Double) -> Double? {
    guard value.isFinite else { return nil }
    if value == 0 { return 0 }
    let text = PrintfNumber.scientific(value, digits: significantDigits - 1)
    return Double(text) ?? value
  }
}

/// A number of the report: `Double`, or `Double?` where a value may be missing.
public protocol RoundedNumber: Codable, Sendable, Equatable {
  /// The value to write; nil for a missing one.
  var number: Double? { get }
}

extension Double: RoundedNumber {
  public var number: Double? { self }
}

extension Optional: RoundedNumber where Wrapped == Double {
  public var number: Double? { self }
}

/// A number encoded rounded (`Rounding`), and as `null` when it is missing or not finite, so the
/// model's `Codable` conformance can be synthesised. Decodes as the plain number it wraps.
@propertyWrapper
public struct Rounded<Value: RoundedNumber>: Codable, Sendable, Equatable {
  public var wrappedValue: Value

  public init(wrappedValue: Value) {
    self.wrappedValue = wrappedValue
  }

  public init(from decoder: any Decoder) throws {
    wrappedValue = try Value(from: decoder)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    if let value = wrappedValue.number, let rounded = Rounding.rounded(value) {
      try container.encode(rounded)
    } else {
      try container.encodeNil()
    }
  }
}

/// An optional value encoded as `null` when it is nil, where a synthesised `Codable` would leave
/// the key out: every key of the report is always present.
@propertyWrapper
public struct Nullable<Wrapped: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
  public var wrappedValue: Wrapped?

  public init(wrappedValue: Wrapped?) {
    self.wrappedValue = wrappedValue
  }

  public init(from decoder: any Decoder) throws {
    wrappedValue = try Wrapped?(from: decoder)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    if let wrappedValue {
      try container.encode(wrappedValue)
    } else {
      try container.encodeNil()
    }
  }
}

extension KeyedDecodingContainer {
  /// A missing key decodes as nil, as it does for a plain optional.
  public func decode(_ type: Rounded<Double?>.Type, forKey key: Key) throws -> Rounded<Double?> {
    try decodeIfPresent(type, forKey: key) ?? Rounded(wrappedValue: nil)
  }

  /// A missing key decodes as nil, as it does for a plain optional.
  public func decode<Wrapped>(_ type: Nullable<Wrapped>.Type, forKey key: Key) throws
    -> Nullable<Wrapped>
  {
    try decodeIfPresent(type, forKey: key) ?? Nullable(wrappedValue: nil)
  }
}
