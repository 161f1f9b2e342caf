import Foundation
import PlaintCore
import PlaintTestSupport
import Testing

/// The store counts a file's tickets per local day with the zone's offset looked up once per
/// quarter hour (`ZoneOffsets`): it must give `TimeZone`'s offset for every instant, in every
/// zone, on both sides of every clock change, whether instants come in order or not.
@Suite struct ZoneOffsetsTests {
  static let zones = [
    "UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Asia/Kathmandu",
    "Australia/Lord_Howe", "America/St_Johns", "Pacific/Chatham", "Pacific/Apia",
  ]

  /// Instants from 1990 to 2040, and some within two hours of each clock change in 2020–2026.
  static func instants(_ zone: TimeZone, _ random: inout SplitMix64) -> [Date] {
    var dates = (0..<2_000).map { _ in
      Date(timeIntervalSince1970: 631_152_000 + Double(random.next(below: 1_577_000_000)))
    }
    var after = Date(timeIntervalSince1970: 1_577_836_800)
    while let change = zone.nextDaylightSavingTimeTransition(after: after),
      change.timeIntervalSince1970 < 1_798_761_600
    {
      for _ in 0..<100 {
        dates.append(change.addingTimeInterval(Double(random.next(below: 14_400)) - 7_200))
      }
      // The last instant before the change and the change itself.
      dates.append(change.addingTimeInterval(-0.001))
      dates.append(change)
      after = change
    }
    return dates
  }

  @Test("every offset is the zone's", arguments: zones)
  func matchesTimeZone(name: String) throws {
    let zone = try #require(TimeZone(identifier: name))
    var random = SplitMix64(seed: name.utf8.reduce(UInt64(11)) { $0 &* 31 &+ UInt64($1) })
    let dates = Self.instants(zone, &random)
    var offsets = ZoneOffsets(timeZone: zone)
    var differing = 0
    // In order (as exports mostly come) and shuffled.
    for date in dates.sorted() + dates {
      if offsets.secondsFromGMT(for: date) != zone.secondsFromGMT(for: date) { differing += 1 }
    }
    #expect(differing == 0, "\(differing) of \(2 * dates.count) instants in \(name)")
    // Not vacuous: the zones with clock changes had instants on both sides of them.
    let distinct = Set(dates.map { zone.secondsFromGMT(for: $0) })
    #expect(distinct.count >= (name == "UTC" || name.hasPrefix("Asia") ? 1 : 2))
  }

  @Test("instants far outside any export are the zone's too")
  func farInstants() throws {
    let zone = try #require(TimeZone(identifier: "Europe/Berlin"))
    var offsets = ZoneOffsets(timeZone: zone)
    for seconds in [-1e14, -2e9, 0, 4e9, 1e14] {
      let date = Date(timeIntervalSince1970: seconds)
      #expect(offsets.secondsFromGMT(for: date) == zone.secondsFromGMT(for: date))
    }
  }
}
