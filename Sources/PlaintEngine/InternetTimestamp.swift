import Foundation
import PlaintCore

/// A time as `ISO8601DateFormatter` with `.withInternetDateTime` writes it in a time zone
/// ("2026-11-03T14:22:05+01:00", "Z" at offset zero), computed from the zone's offset and the
/// civil calendar instead of through ICU.
///
/// A report writes one per ticket behind an anomaly, up to every ticket of the month; through
/// the formatter they were a tenth of the report's assembly. From 1970 on, a fraction of a second
/// is dropped, as the formatter drops it; a time before 1970 (where the formatter's rounding of a
/// fraction differs) goes to the formatter. The bytes are the same (`InternetTimestampTests`).
/// The zone's offsets come from `ZoneOffsets` (asking the zone took a third of the time): one
/// per thread.
final class InternetTimestamp {
  let timeZone: TimeZone
  private let formatter: ISO8601DateFormatter
  private var offsets: ZoneOffsets

  init(timeZone: TimeZone) {
    self.timeZone = timeZone
    offsets = ZoneOffsets(timeZone: timeZone)
    formatter = ISO8601DateFormatter()
    formatter.timeZone = timeZone
    formatter.formatOptions = [.withInternetDateTime]
  }

  func string(from date: Date) -> String {
    guard date.timeIntervalSince1970 >= 0 else { return formatter.string(from: date) }
    let offset = offsets.secondsFromGMT(for: date)
    let local = Int64((date.timeIntervalSince1970).rounded(.down)) + Int64(offset)
    let days = Self.floorDivide(local, 86_400)
    let seconds = Int(local - days * 86_400)
    let (year, month, day) = Self.civil(days)
    // Written as bytes into one buffer: joining a dozen small strings was most of the cost.
    var text: [UInt8] = []
    text.reserveCapacity(32)
    Self.append(year, 4, after: nil, to: &text)
    Self.append(month, 2, after: "-", to: &text)
    Self.append(day, 2, after: "-", to: &text)
    Self.append(seconds / 3_600, 2, after: "T", to: &text)
    Self.append(seconds / 60 % 60, 2, after: ":", to: &text)
    Self.append(seconds % 60, 2, after: ":", to: &text)
    if offset == 0 {
      text.append(UInt8(ascii: "Z"))
    } else {
      let magnitude = abs(offset)
      Self.append(magnitude / 3_600, 2, after: offset < 0 ? "-" : "+", to: &text)
      Self.append(magnitude / 60 % 60, 2, after: ":", to: &text)
      if magnitude % 60 != 0 { Self.append(magnitude % 60, 2, after: ":", to: &text) }
    }
    return String(decoding: text, as: UTF8.self)
  }

  /// Appends `separator`, then `value` (not negative) with zeros before it up to `width` digits.
  private static func append(
    _ value: Int, _ width: Int, after separator: Unicode.Scalar?, to text: inout [UInt8]
  ) {
    if let separator { text.append(UInt8(ascii: separator)) }
    var digits = 1
    var rest = value / 10
    while rest > 0 {
      digits += 1
      rest /= 10
    }
    text.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: max(width, digits)))
    var remaining = value
    var at = text.count - 1
    while remaining > 0 {
      text[at] = UInt8(ascii: "0") + UInt8(remaining % 10)
      remaining /= 10
      at -= 1
    }
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
}
