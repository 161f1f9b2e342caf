import Foundation
import PlaintTestSupport
import Testing

/// When `--period last` meets a newest period the exports cover only in part, the error names
/// the day of the export's last row and what can be done: the `covers:` to write when none is
/// set (and writing it works), the dated `covers:` for a holiday closure an open-ended one will
/// not stretch over (and writing it works), and — when `covers:` is set and the silence is
/// longer than any `covers:` reaches — the rows expected: is the export cut short? A setting
/// already present is never hinted again (new user's F7).
@Suite(.enabled(if: PlaintBinary.isBuilt, "build plaint first (make test does)"))
struct CoversHintTests {
  static var calendar: Calendar {
    var calendar = Calendar(identifier: .iso8601)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? .gmt
    return calendar
  }

  static func day(_ date: Date) -> String {
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
  }

  static func isWeekday(_ date: Date) -> Bool {
    ![1, 7].contains(calendar.component(.weekday, from: date))
  }

  /// A Monday-to-Friday desk from 400 days before `last` through `last` (a weekday, which holds
  /// a row), `rate` rows a weekday, written with `covers` (YAML, or none) and `period`.
  static func desk(
    last: Date, rate: Double, covers: String?, period: String, seed: UInt64
  ) throws -> URL {
    var random = SplitMix64(seed: seed)
    var rows = ["Id,Created,Text,Product"]
    var date = try #require(calendar.date(byAdding: .day, value: -400, to: last))
    while date <= last {
      if isWeekday(date) {
        var count = random.poissonByInversion(rate)
        if date == last { count = max(count, 1) }
        for index in 0..<count {
          rows.append("T\(rows.count),\(day(date)) \(9 + index % 8):00,the kettle broke down,KT-1")
        }
      }
      date = try #require(calendar.date(byAdding: .day, value: 1, to: date))
    }
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("plaint-covers-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: directory.appendingPathComponent("exports"), withIntermediateDirectories: true)
    try (rows.joined(separator: "\n") + "\n").write(
      to: directory.appendingPathComponent("exports/desk.csv"), atomically: true, encoding: .utf8)
    try config(covers: covers, period: period).write(
      to: directory.appendingPathComponent("plaint.yml"), atomically: true, encoding: .utf8)
    try """
    categories:
      product:
        issues:
          defect: {phrases: [broke down]}
    product_lines:
      Kettles: {products: ["KT-*"]}

    """.write(
      to: directory.appendingPathComponent("taxonomy.yml"), atomically: true, encoding: .utf8)
    return directory
  }

  static func config(covers: String?, period: String) -> String {
    """
    store: ":memory:"
    period: \(period)
    timezone: UTC
    sources:
      - path: exports/desk.csv
        profile: generic
        columns: {id: Id, created: Created, text: [Text], product: Product}\(covers.map { "\n    covers: \($0)" } ?? "")
    taxonomy: taxonomy.yml
    reports: {dir: reports}

    """
  }

  static func run(_ directory: URL) throws -> PlaintBinary.Result {
    try PlaintBinary.run(
      ["run", "--config", "plaint.yml", "--period", "last", "--quiet"], in: directory)
  }

  /// The `covers: {…}` the error says to write.
  static func setting(_ stderr: String) -> String? {
    guard let start = stderr.range(of: "write `covers: ") else { return nil }
    let rest = stderr[start.upperBound...]
    return rest.firstIndex(of: "`").map { String(rest[..<$0]) }
  }

  /// The last month's first day and last day.
  static func lastMonth() throws -> (start: Date, end: Date) {
    let thisMonth = try #require(
      calendar.date(from: calendar.dateComponents([.year, .month], from: Date())))
    let start = try #require(calendar.date(byAdding: .month, value: -1, to: thisMonth))
    return (start, try #require(calendar.date(byAdding: .day, value: -1, to: thisMonth)))
  }

  /// F7a: a slow desk with an open-ended `covers:` whose rows stop on a Thursday more than a
  /// week before the month's end: no `covers:` can reach the end, so none is hinted.
  @Test func aSilenceLongerThanCoversReachesAsksIfTheExportIsCutShort() throws {
    let month = try Self.lastMonth()
    var last = try #require(Self.calendar.date(byAdding: .day, value: -11, to: month.end))
    while Self.calendar.component(.weekday, from: last) != 5 {
      last = try #require(Self.calendar.date(byAdding: .day, value: -1, to: last))
    }
    let directory = try Self.desk(
      last: last, rate: 0.8, covers: "{through: 2099-12-31}", period: "month", seed: 7)
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try Self.run(directory)
    #expect(run.status == 65, "\(run.stdout) \(run.stderr)")
    for words in [
      "exports/desk.csv's last row is on \(Self.day(last)) (Thu)",
      "to \(Self.day(month.end)), where about",
      "its `covers:` is set, but stretches a span at most 7 days",
      "is the export cut short?",
    ] {
      #expect(run.stderr.contains(words), "should say \(words): \(run.stderr)")
    }
    #expect(!run.stderr.contains("say so with `covers:`"), "\(run.stderr)")
    #expect(Self.setting(run.stderr) == nil, "\(run.stderr)")
  }

  /// F7b: a weekly desk closed on the Thursday and Friday of the last week: the open-ended
  /// `covers:` does not stretch over two days that usually hold rows, and the error gives the
  /// dated `covers:` that says the desk was closed; written as given, the week is judged.
  @Test func aHolidayClosureGetsTheDatedCoversThatWorks() throws {
    let thisWeek = try #require(
      Self.calendar.dateInterval(of: .weekOfYear, for: Date())?.start)
    let wednesday = try #require(Self.calendar.date(byAdding: .day, value: -5, to: thisWeek))
    let sunday = try #require(Self.calendar.date(byAdding: .day, value: -1, to: thisWeek))
    let directory = try Self.desk(
      last: wednesday, rate: 4, covers: "{from: 2020-01-06, through: 2099-12-31}", period: "week",
      seed: 11)
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try Self.run(directory)
    #expect(run.status == 65, "\(run.stdout) \(run.stderr)")
    for words in [
      "exports/desk.csv's last row is on \(Self.day(wednesday)) (Wed) and none was logged on the 4 days after it",
      "is the export cut short?",
      "If nothing was logged on those days (the desk was closed), write `covers: {from: 2020-01-06, through: \(Self.day(sunday))}`",
    ] {
      #expect(run.stderr.contains(words), "should say \(words): \(run.stderr)")
    }
    let setting = try #require(Self.setting(run.stderr))
    try Self.config(covers: setting, period: "week").write(
      to: directory.appendingPathComponent("plaint.yml"), atomically: true, encoding: .utf8)
    let fixed = try Self.run(directory)
    #expect(fixed.status == 0, "\(setting): \(fixed.stderr)")
    let week = Self.calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: sunday)
    let name = String(format: "%04d-W%02d", week.yearForWeekOfYear ?? 0, week.weekOfYear ?? 0)
    #expect(fixed.stdout.hasPrefix("\(name): "), "\(fixed.stdout)")
  }

  /// Without `covers:`, a desk whose last row is a day or three before the month's end (over a
  /// weekend) is told the open-ended setting to write once; written as given, the month is
  /// judged.
  @Test func withoutCoversTheErrorGivesTheSettingToWrite() throws {
    let month = try Self.lastMonth()
    var last = try #require(Self.calendar.date(byAdding: .day, value: -1, to: month.end))
    while !Self.isWeekday(last) {
      last = try #require(Self.calendar.date(byAdding: .day, value: -1, to: last))
    }
    let directory = try Self.desk(last: last, rate: 0.5, covers: nil, period: "month", seed: 3)
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try Self.run(directory)
    #expect(run.status == 65, "\(run.stdout) \(run.stderr)")
    #expect(
      run.stderr.contains("exports/desk.csv's last row is on \(Self.day(last))"), "\(run.stderr)")
    let setting = try #require(Self.setting(run.stderr), "\(run.stderr)")
    #expect(setting == "{through: 2099-12-31}")
    try Self.config(covers: setting, period: "month").write(
      to: directory.appendingPathComponent("plaint.yml"), atomically: true, encoding: .utf8)
    let fixed = try Self.run(directory)
    #expect(fixed.status == 0, "\(setting): \(fixed.stderr)")
    let parts = Self.calendar.dateComponents([.year, .month], from: month.start)
    #expect(
      fixed.stdout.hasPrefix(String(format: "%04d-%02d: ", parts.year ?? 0, parts.month ?? 0)),
      "\(fixed.stdout)")
  }
}
