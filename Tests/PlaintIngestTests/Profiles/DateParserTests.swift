import Foundation
import Testing

@testable import PlaintIngest

struct DateParserTests {
  static func parse(_ text: String, formats: [String] = [], zone: TimeZone = .gmt) throws -> Date? {
    var parser = try DateParser(formats: formats, timeZone: zone)
    return Array(text.utf8).withUnsafeBufferPointer { parser.parse($0) }
  }

  @Test(arguments: [
    ("2025-10-03", utc(2025, 10, 3)),
    ("2025-10-03 14:22", utc(2025, 10, 3, 14, 22)),
    ("2025-10-03T14:22:10", utc(2025, 10, 3, 14, 22, 10)),
    ("2025-10-03T14:22:10Z", utc(2025, 10, 3, 14, 22, 10)),
    ("2025-10-03T14:22:10+02:00", utc(2025, 10, 3, 12, 22, 10)),
    ("2025-10-03 14:22:10 -0500", utc(2025, 10, 3, 19, 22, 10)),
    ("  2025-10-03T14:22:10.5Z ", utc(2025, 10, 3, 14, 22, 10).addingTimeInterval(0.5)),
    ("45933", utc(2025, 10, 3)),
    ("45933.5", utc(2025, 10, 3, 12)),
  ])
  func iso8601AndExcelAreAlwaysAccepted(text: String, expected: Date) throws {
    #expect(try Self.parse(text) == expected)
  }

  @Test(arguments: [
    ("dd.MM.yyyy HH:mm", "03.10.2025 14:22", utc(2025, 10, 3, 14, 22)),
    ("d.M.yyyy", "3.10.2025", utc(2025, 10, 3)),
    ("M/d/yy", "3/18/20", utc(2020, 3, 18)),
    ("MM/dd/yyyy hh:mm a", "10/03/2025 02:22 PM", utc(2025, 10, 3, 14, 22)),
    ("MM/dd/yyyy h:mm a", "10/03/2025 12:05 am", utc(2025, 10, 3, 0, 5)),
    ("dd/MMM/yy h:mm a", "03/Oct/25 2:22 PM", utc(2025, 10, 3, 14, 22)),
    ("EEE MMM dd HH:mm:ss Z yyyy", "Tue Oct 31 22:10:47 +0000 2017", utc(2017, 10, 31, 22, 10, 47)),
    ("yyyyMMdd", "20251003", utc(2025, 10, 3)),
    ("d 'de' MMMM 'de' yyyy", "3 de october de 2025", utc(2025, 10, 3)),
  ])
  func configuredPatterns(format: String, text: String, expected: Date) throws {
    #expect(try Self.parse(text, formats: [format]) == expected)
  }

  @Test(arguments: [
    "yesterday", "2025-13-01", "2025-02-30", "31.02.2025 10:00", "2025-10-03 25:00", "0",
  ])
  func nonsenseIsNil(text: String) throws {
    #expect(try Self.parse(text, formats: ["dd.MM.yyyy HH:mm"]) == nil)
  }

  @Test func localTimesFollowDaylightSaving() throws {
    let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
    #expect(try Self.parse("2025-01-15 12:00", zone: berlin) == utc(2025, 1, 15, 11))
    #expect(try Self.parse("2025-07-15 12:00", zone: berlin) == utc(2025, 7, 15, 10))
    #expect(try Self.parse("2025-07-15T12:00:00Z", zone: berlin) == utc(2025, 7, 15, 12))
  }

  @Test(arguments: ["dd.QQ.yyyy", "'unclosed", "HH:mm"])
  func badPatternsAreRefused(format: String) {
    #expect(throws: DatePatternError.self) { try DateParser(formats: [format], timeZone: .gmt) }
  }
}
