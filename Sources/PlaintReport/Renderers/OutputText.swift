import Foundation

/// The renderers' number and text conventions, for the engine's small tools (`plaint chart`,
/// `plaint pareto`), so their output reads like the report's.
public enum OutputText {
  /// `value` rounded as every rendered number is (ten significant digits); nil when not finite.
  public static func rounded(_ value: Double) -> Double? { OutputNumber.rounded(value) }

  /// Text from input escaped so it reads literally in Markdown, table cells included.
  public static func markdown(_ text: String) -> String { MarkdownRenderer.escape(text) }

  /// A count with "," between thousands: "12,345".
  public static func count(_ value: Int) -> String { OutputNumber.count(value) }

  /// A share of 0...1 as a percentage with one decimal: "81.3%"; "–" for nil.
  public static func percent(_ share: Double?) -> String { OutputNumber.percent(share) }

  /// `value` with up to `decimals` decimals, trailing zeros dropped; "–" for nil.
  public static func short(_ value: Double?, decimals: Int = 2) -> String {
    OutputNumber.short(value, decimals: decimals)
  }

  /// A plain decimal (never an exponent) with `digits` significant digits, trailing zeros
  /// dropped: "0.0001235", "19.85", "1,200"; "–" for nil or a value that is not finite.
  public static func significant(_ value: Double?, digits: Int = 4) -> String {
    guard let value, value.isFinite else { return "–" }
    if value == 0 { return "0" }
    let magnitude = Int(log10(abs(value)).rounded(.down))
    return OutputNumber.short(value, decimals: min(max(digits - 1 - magnitude, 0), 30))
  }
}
