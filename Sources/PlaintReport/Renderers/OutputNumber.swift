import Foundation

/// Locale-independent number text: the one number format behind every renderer, every report
/// sentence (through `ReportText`, which swaps in a language's separators) and the engine's small
/// tools (`plaint chart`, `plaint pareto`), so the same model gives the same bytes on every machine.
///
/// Rates, limits and p-values are results of floating-point arithmetic whose last bits can differ
/// with summation order or a libm update. Every number is rounded to `significantDigits`
/// significant digits before it is written, which keeps such noise out of the output while
/// losing nothing a reader could use. Thousands separators and decimal points are written here,
/// never taken from a locale.
public enum OutputNumber {
  public static let significantDigits = Rounding.significantDigits

  /// `value` rounded as `report.json` rounds it (`Rounding`); nil when it is not finite.
  public static func rounded(_ value: Double) -> Double? { Rounding.rounded(value) }

  /// A plain decimal (never an exponent), as short as the rounded value allows: "0.00125", "-0.5",
  /// "1200"; empty for nil or a value that is not finite.
  public static func plain(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "" }
    // Most numbers are written from their rounded decimal's digits, without `printf`; the rest
    // as before.
    if let decimal = RoundedDecimal(value) {
      let rounded = decimal.double
      if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
      if let text = decimal.fractionText { return text }
    }
    return printfPlain(value)
  }

  /// `plain` through `printf`: the rounded value written with as many decimals as its ten
  /// significant digits need, trailing zeros dropped.
  static func printfPlain(_ value: Double) -> String {
    guard let rounded = Rounding.printfRounded(value) else { return "" }
    if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
    let magnitude = Int(log10(abs(rounded)).rounded(.down))
    let decimals = min(max(significantDigits - 1 - magnitude, 0), 30)
    var text = PrintfNumber.fixed(rounded, digits: decimals)
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text == "-0" ? "0" : text
  }

  /// A p- or q-value as report.json rounds it: a plain decimal from 1e-4 up ("0.0123"), in
  /// scientific notation below ("3.16e-34", never "0"); empty for nil or a value that is not
  /// finite.
  public static func exactProbability(_ value: Double?) -> String {
    guard let value, let rounded = rounded(value) else { return "" }
    guard rounded != 0, abs(rounded) < 1e-4 else { return plain(rounded) }
    let text = PrintfNumber.scientific(rounded, digits: significantDigits - 1)
    let parts = text.split(separator: "e", maxSplits: 1)
    guard parts.count == 2, let exponent = Int(parts[1]) else { return text }
    var mantissa = String(parts[0])
    while mantissa.hasSuffix("0") { mantissa.removeLast() }
    if mantissa.hasSuffix(".") { mantissa.removeLast() }
    return mantissa + "e" + String(exponent)
  }

  /// `value` with exactly `decimals` decimals and "," between thousands: "12,345.68".
  public static func fixed(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return "–" }
    let text = PrintfNumber.fixed(value, digits: max(decimals, 0))
    let negative = text.hasPrefix("-")
    let unsigned = negative ? String(text.dropFirst()) : text
    let parts = unsigned.split(separator: ".", maxSplits: 1)
    var result = grouped(String(parts.first ?? "0"))
    if parts.count == 2 { result += "." + parts[1] }
    let isZero = !result.contains { $0 != "0" && $0 != "." && $0 != "," }
    return negative && !isZero ? "-" + result : result
  }

  /// `value` with exactly `decimals` decimals and no grouping: "12345.68".
  public static func ungrouped(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return "–" }
    return fixed(value, decimals: decimals).replacingOccurrences(of: ",", with: "")
  }

  /// `value` rounded to a whole number (halves away from zero), never grouped: "45".
  public static func whole(_ value: Double) -> String { "\(Int(value.rounded()))" }

  /// A whole number without grouping: "1234".
  public static func ungrouped(_ value: Int) -> String { String(value) }

  /// A whole number of at least two digits, as clocks write hours: "09", "23".
  public static func twoDigits(_ value: Int) -> String {
    (0..<10).contains(value) ? "0\(value)" : String(value)
  }

  /// A count with "," between thousands: "12,345".
  public static func count(_ value: Int) -> String {
    let text = grouped(String(value.magnitude))
    return value < 0 ? "-" + text : text
  }

  /// A rate per unit shown per 1,000 units, with decimals that suit its size; "–" for nil.
  public static func perThousand(_ rate: Double?) -> String {
    guard let rate, rate.isFinite else { return "–" }
    let value = rate * 1000
    let decimals = abs(value) >= 100 ? 1 : abs(value) >= 1 ? 2 : 3
    return fixed(value, decimals: decimals)
  }

  /// A share of 0...1 as a percentage with one decimal: "81.3%"; "–" for nil.
  public static func percent(_ share: Double?) -> String {
    guard let share, share.isFinite else { return "–" }
    return fixed(share * 100, decimals: 1) + "%"
  }

  /// A number for people with up to `decimals` decimals, trailing zeros dropped; "–" for nil.
  public static func short(_ value: Double?, decimals: Int = 2) -> String {
    guard let value, value.isFinite else { return "–" }
    var text = fixed(value, decimals: decimals)
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text == "-0" ? "0" : text
  }

  /// A plain decimal (never an exponent) with `digits` significant digits, trailing zeros
  /// dropped: "0.0001235", "19.85", "1,200"; "–" for nil or a value that is not finite.
  public static func significant(_ value: Double?, digits: Int = 4) -> String {
    guard let value, value.isFinite else { return "–" }
    if value == 0 { return "0" }
    let magnitude = Int(log10(abs(value)).rounded(.down))
    return short(value, decimals: min(max(digits - 1 - magnitude, 0), 30))
  }

  /// A p- or q-value: three significant digits, "< 0.0001" below that.
  public static func probability(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "–" }
    if value < 0.0001 { return "< 0.0001" }
    return short(value, decimals: 4)
  }

  private static func grouped(_ digits: String) -> String {
    var result = ""
    for (index, digit) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
      result.append(digit)
    }
    return result
  }
}

/// How renderers show a rate: per 1,000 sales units, or per period on a count chart without sales.
struct RateScale: Sendable {
  /// What a rate is multiplied by before it is shown.
  var factor: Double
  /// The unit after a shown rate: "per 1,000 units" or "per period".
  var unit: String
  /// A column suffix: "per 1,000" or "per period".
  var shortUnit: String
  /// An axis heading: "rate per 1,000 units" or "complaints per period".
  var heading: String
  /// The language the numbers are written in.
  var text: ReportText

  static let perThousandUnits = RateScale(perThousandUnits: true, .english)
  static let perPeriod = RateScale(perThousandUnits: false, .english)

  /// The scale a report's exposure calls for, in `text`'s language.
  init(_ method: ReportModel.Method, _ text: ReportText) {
    self.init(perThousandUnits: method.exposure != ReportModel.Method.countExposure, text)
  }

  init(perThousandUnits: Bool, _ text: ReportText) {
    factor = perThousandUnits ? 1000 : 1
    unit = text[perThousandUnits ? .unitPerThousandUnits : .unitPerPeriod]
    shortUnit = text[perThousandUnits ? .unitPerThousandShort : .unitPerPeriod]
    heading = text[perThousandUnits ? .headingRatePerThousand : .headingComplaintsPerPeriod]
    self.text = text
  }

  /// A shown rate with decimals that suit its size; "–" for nil.
  func format(_ rate: Double?) -> String {
    guard let rate else { return "–" }
    return text.localized(OutputNumber.perThousand(rate * factor / 1000))
  }

  /// A chart point's tooltip: "2026-10: 0.53 per 1,000 units, 53 complaints" on a rate or share
  /// chart; on a count chart (one unit per period) the rate is the count, so only the count, as
  /// a whole number ("2026-10: 53 complaints", not "53.00 per period").
  func pointTooltip(_ point: ReportModel.Point, rate: Double) -> String {
    guard factor != 1 else {
      return text(.chartCountTooltip, text.period(point.period), text.count(point.count))
    }
    return text(
      .chartPointTooltip, text.period(point.period), format(rate), unit, text.count(point.count))
  }
}
