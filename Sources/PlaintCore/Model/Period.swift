import Foundation

/// How time is cut into periods.
public enum Granularity: String, Codable, Sendable {
  case month
  case week
}

/// A calendar month ("2025-10") or an ISO week ("2025-W07").
public struct Period: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
  public let granularity: Granularity
  public let year: Int
  /// Month 1...12, or ISO week 1...53.
  public let number: Int

  public init(granularity: Granularity, year: Int, number: Int) {
    self.granularity = granularity
    self.year = year
    self.number = number
  }

  public static func month(_ year: Int, _ month: Int) -> Period {
    Period(granularity: .month, year: year, number: month)
  }

  /// Parses "YYYY-MM" or "YYYY-Www".
  public init?(_ text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]) else { return nil }
    if parts[1].hasPrefix("W") {
      guard let week = Int(parts[1].dropFirst()), (1...53).contains(week) else { return nil }
      self.init(granularity: .week, year: year, number: week)
    } else {
      guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else {
        return nil
      }
      self.init(granularity: .month, year: year, number: month)
    }
  }

  /// The period that contains `date` in `timeZone`.
  public init(containing date: Date, in timeZone: TimeZone, granularity: Granularity) {
    switch granularity {
    case .month:
      // Fast path: the local civil date from the zone's offset, without a Calendar per ticket.
      // Only between 1900 and 2200, well clear of the Julian cutover Calendar applies.
      let seconds = date.timeIntervalSince1970
      if seconds > -2_208_988_800, seconds < 7_258_118_400 {
        let local = Int((seconds + Double(timeZone.secondsFromGMT(for: date))).rounded(.down))
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let (year, month) = Self.civil(days: days)
        self.init(granularity: .month, year: year, number: month)
        return
      }
      var calendar = Calendar(identifier: .gregorian)
      calendar.timeZone = timeZone
      let parts = calendar.dateComponents([.year, .month], from: date)
      self.init(granularity: .month, year: parts.year ?? 1970, number: parts.month ?? 1)
    case .week:
      var calendar = Calendar(identifier: .iso8601)
      calendar.timeZone = timeZone
      let parts = calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: date)
      self.init(
        granularity: .week, year: parts.yearForWeekOfYear ?? 1970, number: parts.weekOfYear ?? 1)
    }
  }

  public var description: String {
    let yyyy = Self.padded(year, 4)
    switch granularity {
    case .month: return "\(yyyy)-\(Self.padded(number, 2))"
    case .week: return "\(yyyy)-W\(Self.padded(number, 2))"
    }
  }

  /// `String(format: "%0*d")` without Foundation's formatter: zeros before the digits, the sign
  /// first.
  private static func padded(_ value: Int, _ width: Int) -> String {
    let digits = String(value.magnitude)
    let zeros = String(repeating: "0", count: max(0, width - (value < 0 ? 1 : 0) - digits.count))
    return (value < 0 ? "-" : "") + zeros + digits
  }

  /// Year and month of a day counted from 1970-01-01 (proleptic Gregorian; H. Hinnant's
  /// `civil_from_days`).
  static func civil(days: Int) -> (year: Int, month: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shifted = (5 * dayOfYear + 2) / 153
    let month = shifted < 10 ? shifted + 3 : shifted - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month)
  }

  /// The first instant of the period in `timeZone`.
  public func start(in timeZone: TimeZone) -> Date {
    switch granularity {
    case .month:
      var calendar = Calendar(identifier: .gregorian)
      calendar.timeZone = timeZone
      return calendar.date(from: DateComponents(year: year, month: number, day: 1)) ?? .distantPast
    case .week:
      var calendar = Calendar(identifier: .iso8601)
      calendar.timeZone = timeZone
      let parts = DateComponents(weekday: 2, weekOfYear: number, yearForWeekOfYear: year)
      return calendar.date(from: parts) ?? .distantPast
    }
  }

  /// The period after this one.
  public func next(in timeZone: TimeZone = .gmt) -> Period {
    switch granularity {
    case .month:
      return number == 12 ? .month(year + 1, 1) : .month(year, number + 1)
    case .week:
      let later = start(in: timeZone).addingTimeInterval(7 * 86_400 + 3_600 * 12)
      return Period(containing: later, in: timeZone, granularity: .week)
    }
  }

  /// The period before this one.
  public func previous(in timeZone: TimeZone = .gmt) -> Period {
    switch granularity {
    case .month:
      return number == 1 ? .month(year - 1, 12) : .month(year, number - 1)
    case .week:
      let earlier = start(in: timeZone).addingTimeInterval(-7 * 86_400 + 3_600 * 12)
      return Period(containing: earlier, in: timeZone, granularity: .week)
    }
  }

  /// Every period from `first` through `last`, in order.
  public static func range(_ first: Period, through last: Period) -> [Period] {
    guard first <= last else { return [] }
    var periods = [first]
    while let current = periods.last, current < last { periods.append(current.next()) }
    return periods
  }

  public static func < (lhs: Period, rhs: Period) -> Bool {
    (lhs.year, lhs.number) < (rhs.year, rhs.number)
  }

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let period = Period(text) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "not a period: \(text)"))
    }
    self = period
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
