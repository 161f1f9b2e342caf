import Foundation
import PlaintTestSupport
import Testing

@testable import PlaintEngine

/// Creation times of listed tickets are written without ICU (`InternetTimestamp`): over random
/// times from 1900 to 2100, with and without fractions of a second, in zones with half- and
/// quarter-hour offsets and daylight saving on either hemisphere, the text must be the one
/// `ISO8601DateFormatter` with `.withInternetDateTime` writes.
@Suite struct InternetTimestampTests {
  static let zones = [
    "UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe",
    "Pacific/Chatham", "America/St_Johns", "Asia/Kathmandu", "America/Sao_Paulo",
    "Pacific/Kiritimati", "Pacific/Pago_Pago",
  ]

  @Test("the same text as ISO8601DateFormatter", arguments: zones)
  func sameAsFormatter(zone: String) throws {
    let timeZone = try #require(TimeZone(identifier: zone))
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = timeZone
    formatter.formatOptions = [.withInternetDateTime]
    let timestamps = InternetTimestamp(timeZone: timeZone)
    var random = SplitMix64(seed: UInt64(zone.utf8.count) &* 131 &+ 7)
    // 1900-01-01 to 2100-01-01.
    let (first, span) = (-2_208_988_800.0, 6_311_433_600.0)
    for index in 0..<2_000 {
      var seconds = (first + random.unit() * span).rounded(.down)
      if index % 3 == 0 { seconds += random.unit() }
      // Now and then the second a transition or midnight falls on, or just before it.
      if index % 7 == 0 { seconds = (seconds / 3_600).rounded(.down) * 3_600 - Double(index % 2) }
      let date = Date(timeIntervalSince1970: seconds)
      #expect(timestamps.string(from: date) == formatter.string(from: date), "\(seconds)")
    }
  }
}
