import Foundation
import PlaintCore
import PlaintTestSupport
import Testing

@testable import PlaintEngine

/// The hour and weekday a concentration counts a complaint under come from the zone's offset,
/// looked up once per quarter hour: they must be the Gregorian calendar's, in every zone, on
/// both sides of every clock change, whether tickets come in order or not.
@Suite struct LocalClockTests {
  static let zones = [
    "UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Asia/Kathmandu",
    "Australia/Lord_Howe", "America/St_Johns", "Pacific/Chatham", "Pacific/Apia",
  ]

  /// Instants from 1990 to 2040, and some around each clock change of the zone in 2024–2026.
  static func instants(_ zone: TimeZone, _ random: inout SplitMix64) -> [Date] {
    var dates = (0..<2_000).map { _ in
      Date(timeIntervalSince1970: 631_152_000 + Double(random.next(below: 1_577_000_000)))
    }
    var after = Date(timeIntervalSince1970: 1_704_067_200)
    while let change = zone.nextDaylightSavingTimeTransition(after: after),
      change.timeIntervalSince1970 < 1_798_761_600
    {
      for _ in 0..<200 {
        dates.append(change.addingTimeInterval(Double(random.next(below: 14_400)) - 7_200))
      }
      after = change
    }
    return dates
  }

  @Test("hour and weekday match the calendar's", arguments: zones)
  func matchesCalendar(name: String) throws {
    let zone = try #require(TimeZone(identifier: name))
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    var random = SplitMix64(seed: name.utf8.reduce(UInt64(7)) { $0 &* 31 &+ UInt64($1) })
    let dates = Self.instants(zone, &random)
    let dimensions = ConcentrationDimension.standard(timeZone: zone)
    let hour = try #require(dimensions.first { $0.name == .hour })
    let weekday = try #require(dimensions.first { $0.name == .weekday })
    let names = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    // In order (as the report reads tickets) and shuffled.
    for order in [dates.sorted(), dates] {
      for date in order {
        let ticket = ClassifiedTicket(
          ticket: Ticket(
            system: "s", id: "1", created: date, text: "",
            location: SourceLocation(file: "f", line: 1)),
          period: Period(containing: date, in: zone, granularity: .month),
          cell: Cell(category: .product, productLine: "Kettles", tier: .consumer), issue: "i",
          rule: "r")
        let expectedHour = calendar.component(.hour, from: date)
        #expect(hour.value(ticket) == (expectedHour < 10 ? "0\(expectedHour)" : "\(expectedHour)"))
        #expect(weekday.value(ticket) == names[calendar.component(.weekday, from: date) - 1])
      }
    }
  }

  @Test(
    "a value is trimmed of spaces and tabs, and nothing else",
    arguments: [
      ("email", "email"), (" email", "email"), ("email\t", "email"), ("\u{00A0}web\u{3000}", "web"),
      ("  ", nil), ("", nil), ("é", "é"), ("a b", "a b"), ("\nx\n", "\nx\n"),
    ] as [(String, String?)])
  func trimsLikeFoundation(value: String, expected: String?) {
    #expect(ConcentrationDimension.text(value) == expected)
  }
}
