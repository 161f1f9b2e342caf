import Foundation
import PlaintCore

/// What one export held, over every row it gave (accepted or duplicate): tickets per calendar
/// day and per product line. Coverage reads it to find a file's true span (stragglers far from
/// the rest do not stretch it) and the product lines the file carries.
public struct SourceProfile: Sendable, Hashable, Codable {
  /// Rows per day, keyed by the day's number since 1970-01-01 in the configured time zone.
  public var days: [String: Int] = [:]
  /// Rows per product line.
  public var lines: [String: Int] = [:]

  public init(days: [String: Int] = [:], lines: [String: Int] = [:]) {
    self.days = days
    self.lines = lines
  }

  public var isEmpty: Bool { days.isEmpty && lines.isEmpty }

  /// The day number of `date` in `timeZone`.
  public static func day(_ date: Date, in timeZone: TimeZone) -> Int {
    let local = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
    return Int((local / 86_400).rounded(.down))
  }

  public mutating func add(_ created: Date, line: String, timeZone: TimeZone) {
    days[String(Self.day(created, in: timeZone)), default: 0] += 1
    lines[line, default: 0] += 1
  }

  /// Both profiles together (a file read in several ranges).
  public func merged(with other: SourceProfile) -> SourceProfile {
    var result = self
    for (day, count) in other.days { result.days[day, default: 0] += count }
    for (line, count) in other.lines { result.lines[line, default: 0] += count }
    return result
  }

  /// The profile as compact JSON with sorted keys (stored and passed between processes).
  public var encoded: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
  }

  public init?(encoded text: String) {
    guard let value = try? JSONDecoder().decode(SourceProfile.self, from: Data(text.utf8))
    else { return nil }
    self = value
  }
}
