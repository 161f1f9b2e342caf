import Foundation
import PlaintCore

/// What one export held, over every row it gave (accepted or duplicate): tickets per calendar
/// day and per product line. Coverage reads it to find a file's true span (stragglers far from
/// the rest do not stretch it) and the product lines the file carries.
public struct SourceProfile: Sendable, Hashable, Codable {
  /// Rows per day, keyed by the day's number since 1970-01-01 in the configured time zone.
  public var days: [Int: Int] = [:]
  /// Rows per product line.
  public var lines: [String: Int] = [:]
  /// Rows created at midnight to the second in the configured time zone: where a date was read
  /// without a time of day (`carriesDatesOnly`).
  public var midnights = 0

  public init(days: [Int: Int] = [:], lines: [String: Int] = [:]) {
    self.days = days
    self.lines = lines
  }

  // Day numbers are written as the keys of a JSON object (`{"20424": 3}`), as text keys must be;
  // they are kept as integers so that adding a ticket builds no string.
  enum CodingKeys: String, CodingKey { case days, lines, midnights }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let days = try container.decode([String: Int].self, forKey: .days)
    self.days = Dictionary(
      days.compactMap { key, count in Int(key).map { ($0, count) } }, uniquingKeysWith: +)
    lines = try container.decode([String: Int].self, forKey: .lines)
    // Profiles stored before the count was kept have none: their files read as timed.
    midnights = try container.decodeIfPresent(Int.self, forKey: .midnights) ?? 0
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(
      Dictionary(uniqueKeysWithValues: days.map { (String($0.key), $0.value) }), forKey: .days)
    try container.encode(lines, forKey: .lines)
    if midnights > 0 { try container.encode(midnights, forKey: .midnights) }
  }

  public var isEmpty: Bool { days.isEmpty && lines.isEmpty }

  /// The day number of `date` in `timeZone`.
  public static func day(_ date: Date, in timeZone: TimeZone) -> Int {
    let local = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
    return Int((local / 86_400).rounded(.down))
  }

  public mutating func add(_ created: Date, line: String, timeZone: TimeZone) {
    let local = created.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: created))
    add(local: local, line: line)
  }

  /// As `add(_:line:timeZone:)`, with the zone's offsets looked up once per quarter hour.
  public mutating func add(_ created: Date, line: String, offsets: inout ZoneOffsets) {
    let local = created.timeIntervalSince1970 + Double(offsets.secondsFromGMT(for: created))
    add(local: local, line: line)
  }

  /// Counts a row created at `local` seconds since 1970 on the local clock.
  private mutating func add(local: Double, line: String) {
    let day = (local / 86_400).rounded(.down)
    days[Int(day), default: 0] += 1
    lines[line, default: 0] += 1
    if local == day * 86_400 { midnights += 1 }
  }

  /// Most rows are created at midnight to the second (nine in ten or more, of 5 rows or more):
  /// the export gives dates without a time of day, read as each day's start. A timed export
  /// has a row at 00:00:00 now and then (2 of the demo's 20,041), never most of them.
  public var carriesDatesOnly: Bool {
    let rows = days.values.reduce(0, +)
    return rows >= 5 && Double(midnights) >= 0.9 * Double(rows)
  }

  /// Both profiles together (a file read in several ranges).
  public func merged(with other: SourceProfile) -> SourceProfile {
    combined(with: other, by: +)
  }

  /// Two versions of one file together (an export rewritten under its name): on each day and
  /// each line, the rows of the version that held the most. A later full dump holds the
  /// earlier one's tickets again, which are not more rows.
  public func overlaid(with other: SourceProfile) -> SourceProfile {
    combined(with: other, by: max)
  }

  /// Both profiles' rows, each day's and each line's put together by `rows`.
  private func combined(with other: SourceProfile, by rows: (Int, Int) -> Int) -> SourceProfile {
    var result = self
    result.days.merge(other.days, uniquingKeysWith: rows)
    result.lines.merge(other.lines, uniquingKeysWith: rows)
    result.midnights = rows(midnights, other.midnights)
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
