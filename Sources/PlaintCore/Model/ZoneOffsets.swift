import Foundation

/// A time zone's offset from GMT at instants that come mostly in order, looked up once per
/// quarter hour instead of once per instant.
///
/// `TimeZone.secondsFromGMT(for:)` takes a lock and asks ICU; a million tickets asked it a
/// million times. A quarter hour whose start and end have the same offset keeps it throughout
/// (no zone changes its clock twice within 15 minutes); one with a change inside is looked up
/// instant by instant. One value per thread: it remembers the last quarter hour.
public struct ZoneOffsets {
  public let timeZone: TimeZone
  private var quarter = Int.min
  private var offset = 0

  public init(timeZone: TimeZone) {
    self.timeZone = timeZone
  }

  /// The zone's offset from GMT at `date`, in seconds, as `TimeZone.secondsFromGMT(for:)`.
  public mutating func secondsFromGMT(for date: Date) -> Int {
    let seconds = date.timeIntervalSince1970
    // Far outside any export (or not a number): ask the zone.
    guard seconds.magnitude < 1e13 else { return timeZone.secondsFromGMT(for: date) }
    let quarter = Int((seconds / 900).rounded(.down))
    if quarter == self.quarter { return offset }
    let start = Date(timeIntervalSince1970: Double(quarter) * 900)
    let first = timeZone.secondsFromGMT(for: start)
    let last = timeZone.secondsFromGMT(for: start.addingTimeInterval(899.999))
    guard first == last else { return timeZone.secondsFromGMT(for: date) }
    self.quarter = quarter
    offset = first
    return first
  }
}
