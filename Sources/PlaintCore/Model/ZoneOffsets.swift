import Foundation

/// A time zone's offset from GMT, looked up once per quarter hour of instants instead of once per
/// instant.
///
/// `TimeZone.secondsFromGMT(for:)` takes a lock and asks ICU; a million tickets asked it a
/// million times. A quarter hour whose start and end have the same offset keeps it throughout
/// (no zone changes its clock twice within 15 minutes); one with a change inside is looked up
/// instant by instant. The quarter hours looked up are kept in 4,096 slots, each quarter in the
/// slot its number picks (42 days of them): instants out of order, or from two places of a file
/// read by two threads at once, still find their quarter, where a cache of the last quarter
/// alone missed at almost every ticket. One value per thread.
public struct ZoneOffsets {
  public let timeZone: TimeZone
  /// Slot `s`: the quarter hour's number at `2s` (`Int.min` while empty), its offset at `2s + 1`.
  private var slots = [Int](
    unsafeUninitializedCapacity: 2 * ZoneOffsets.slotCount,
    initializingWith: { buffer, count in
      for index in 0..<buffer.count { buffer[index] = index.isMultiple(of: 2) ? .min : 0 }
      count = buffer.count
    })

  static let slotCount = 4_096

  public init(timeZone: TimeZone) {
    self.timeZone = timeZone
  }

  /// The zone's offset from GMT at `date`, in seconds, as `TimeZone.secondsFromGMT(for:)`.
  public mutating func secondsFromGMT(for date: Date) -> Int {
    let seconds = date.timeIntervalSince1970
    // Far outside any export (or not a number): ask the zone.
    guard seconds.magnitude < 1e13 else { return timeZone.secondsFromGMT(for: date) }
    let quarter = Int((seconds / 900).rounded(.down))
    let slot = 2 * (quarter & (Self.slotCount - 1))
    if slots[slot] == quarter { return slots[slot + 1] }
    let start = Date(timeIntervalSince1970: Double(quarter) * 900)
    let first = timeZone.secondsFromGMT(for: start)
    let last = timeZone.secondsFromGMT(for: start.addingTimeInterval(899.999))
    guard first == last else { return timeZone.secondsFromGMT(for: date) }
    slots[slot] = quarter
    slots[slot + 1] = first
    return first
  }
}
