import Foundation

/// A time as `ISO8601DateFormatter` with `.withInternetDateTime` writes it in a time zone
/// ("2026-11-03T14:22:05+01:00", "Z" at offset zero), computed from the zone's offset and the
/// civil calendar instead of through ICU.
///
/// A report writes one per ticket behind an anomaly, up to every ticket of the month; through
/// the formatter they were a tenth of the report's assembly. From 1970 on, a fraction of a second
/// is dropped, as the formatter drops it; a time before 1970 (where the formatter's rounding of a
/// fraction differs) goes to the formatter. The bytes are the same (`InternetTimestampTests`).
struct InternetTimestamp {
  let timeZone: TimeZone
  private let formatter: ISO8601DateFormatter

  init(timeZone: TimeZone) {
    self.timeZone = timeZone
    formatter = ISO8601DateFormatter()
    formatter.timeZone = timeZone
    formatter.formatOptions = [.withInternetDateTime]
  }

  func string(from date: Date) -> String {
    guard date.timeIntervalSince1970 >= 0 else { return formatter.string(from: date) }
    let offset = timeZone.secondsFromGMT(for: date)
    let local = Int64((date.timeIntervalSince1970).rounded(.down)) + Int64(offset)
    let days = Self.floorDivide(local, 86_400)
    let seconds = Int(local - days * 86_400)
    let (year, month, day) = Self.civil(days)
    var text = Self.padded(year, 4) + "-" + Self.padded(month, 2) + "-" + Self.padded(day, 2)
    text += "T" + Self.padded(seconds / 3_600, 2) + ":" + Self.padded(seconds / 60 % 60, 2)
    text += ":" + Self.padded(seconds % 60, 2)
    guard offset != 0 else { return text + "Z" }
    let magnitude = abs(offset)
    text += (offset < 0 ? "-" : "+") + Self.padded(magnitude / 3_600, 2) + ":"
    text += Self.padded(magnitude / 60 % 60, 2)
    if magnitude % 60 != 0 { text += ":" + Self.padded(magnitude % 60, 2) }
    return text
  }

  private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
    let quotient = a / b
    return a % b < 0 ? quotient - 1 : quotient
  }

  /// Year, month and day of a day count since 1970-01-01 in the proleptic Gregorian calendar
  /// (Howard Hinnant's `civil_from_days`).
  private static func civil(_ days: Int64) -> (Int, Int, Int) {
    let z = days + 719_468
    let era = floorDivide(z, 146_097)
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return (Int(year), Int(month), Int(day))
  }

  private static func padded(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    guard digits.count < width else { return digits }
    return String(repeating: "0", count: width - digits.count) + digits
  }
}
