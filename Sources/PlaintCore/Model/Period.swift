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
    let yyyy = String(format: "%04d", year)
    switch granularity {
    case .month: return "\(yyyy)-\(String(format: "%02d", number))"
    case .week: return "\(yyyy)-W\(String(format: "%02d", number))"
    }
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
