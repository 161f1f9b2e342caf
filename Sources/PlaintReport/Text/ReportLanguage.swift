/// A language the fixed text of `index.html` and `summary.md` can be written in
/// (`reports: {language: …}`); the starter taxonomy's eight.
public enum ReportLanguage: String, CaseIterable, Codable, Sendable {
  case english = "en"
  case german = "de"
  case french = "fr"
  case spanish = "es"
  case polish = "pl"
  case turkish = "tr"
  case greek = "el"
  case chinese = "zh"
}

/// How one language writes numbers, percentages, periods and dates.
///
/// English keeps the report's original forms ("1,234.5", "81.3%", "2026-10", ISO dates), so a
/// report in English is byte-identical to one written before languages existed.
struct ReportLocale: Sendable {
  /// Between the integer part and the decimals.
  var decimalSeparator: String
  /// Between groups of three digits.
  var groupSeparator: String
  /// Integers with fewer digits than this are written without a group separator.
  var minimumGroupingDigits = 4
  /// Where the number goes: "{0}%", "{0} %", "%{0}".
  var percentPattern: String
  /// The month names as a month is named with its year, January first.
  var months: [String]
  /// "{month} {year}"-style pattern with {0} = month name, {1} = year, {2} = month number.
  var monthPattern: String
  /// {0} = year, {1} = week zero-padded, {2} = week.
  var weekPattern: String
  /// {0} = year, {1} = month, {2} = day, all zero-padded.
  var datePattern: String
  /// Weekday names, Sunday first (the order of `Calendar`).
  var weekdays: [String]
}
