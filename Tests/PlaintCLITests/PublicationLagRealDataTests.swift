import Foundation
import Testing

/// The UK Housing Ombudsman publishes its decisions months late: its export holds about 900
/// findings a month, then about 650 (2026-02), 110 (2026-03), 20 (2026-04), and a few of May
/// (through 2026-05-26). The last two whole months are still filling in; February is judged.
@Suite(
  .enabled(if: PlaintBinary.isBuilt, "build plaint first (make test does)"),
  .enabled(if: OmbudsmanFixture.export != nil, "../shared/realdata is not present"))
struct PublicationLagRealDataTests {
  private func project(extra: String = "") throws -> URL {
    let source = try #require(OmbudsmanFixture.export)
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("plaint-reallag-\(UUID().uuidString)")
    let exports = directory.appendingPathComponent("exports")
    try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: source, to: exports.appendingPathComponent("OmbudsmanFixture.export.csv"))
    try """
    store: ":memory:"
    period: month
    timezone: Europe/London
    sources:
      - path: exports/*.csv
        profile: generic
        columns: {id: id, created: decision_date_iso, text: [category, complaint], product: landlord_type}
    taxonomy: taxonomy.yml
    slices: {landlord: landlord}
    reports: {dir: reports}

    """.appending(extra).write(
      to: directory.appendingPathComponent("plaint.yml"), atomically: true, encoding: .utf8)
    try OmbudsmanFixture.writeTaxonomy(in: directory)
    return directory
  }

  @Test func theLatestMonthsAreStillFillingIn() throws {
    let directory = try project()
    defer { try? FileManager.default.removeItem(at: directory) }
    let latest = try PlaintBinary.run(["run", "--config", "plaint.yml", "-q"], in: directory)
    #expect(latest.status == 0, "\(latest.stderr)")
    #expect(latest.stdout.hasPrefix("2026-02:"), "\(latest.stdout)")
    #expect(!latest.stdout.contains("not judged"), "\(latest.stdout)")

    for period in ["2026-04", "2026-03"] {
      let run = try PlaintBinary.run(
        ["run", "--config", "plaint.yml", "-q", "--period", period], in: directory)
      #expect(run.status == 0, "\(run.stderr)")
      #expect(run.stdout.contains("not judged (still filling in)"), "\(run.stdout)")
      let json = try OmbudsmanFixture.report(directory, period)
      let coverage = json["coverage"] as? [String: Any] ?? [:]
      #expect(coverage["period"] as? String == "filling_in")
      let filling = coverage["filling_in"] as? [String: Any] ?? [:]
      // May lacks its last days (rows through 2026-05-26) and has collapsed to a few rows
      // against about 857 a month: the newest part of the lag, named with the months before.
      #expect(filling["periods"] as? [String] == ["2026-03", "2026-04", "2026-05"])
      #expect((json["anomalies"] as? [Any])?.isEmpty == true)
    }
  }

  /// The export as the monthly job sees it: its dates moved on so that its newest month, May
  /// 2026 (rows through the 26th), is the last complete calendar month. With `extraRow`, one
  /// more finding is dated that month's last day, so the month is whole by its days.
  private func shiftedProject(extraRow: Bool) throws -> (URL, (Int) -> String) {
    let directory = try project()
    var utc = Calendar(identifier: .gregorian)
    utc.timeZone = TimeZone(identifier: "UTC") ?? .gmt
    let now = utc.dateComponents([.year, .month], from: Date())
    let months = ((now.year ?? 2026) * 12 + (now.month ?? 6)) - (2026 * 12 + 6)
    func shifted(_ year: Int, _ month: Int, _ day: Int) -> (Int, Int, Int) {
      let index = year * 12 + month - 1 + months
      let (y, m) = (index / 12, index % 12 + 1)
      let days = [31, y % 4 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
      return (y, m, min(day, days))
    }
    let file = directory.appendingPathComponent("exports/OmbudsmanFixture.export.csv")
    let text = try String(contentsOf: file, encoding: .utf8)
    let iso = try Regex(#"(\d{4})-(\d{2})-(\d{2})"#)
    var moved = text.replacing(iso) { match in
      let parts = (1...3).map { Int(match.output[$0].substring ?? "") ?? 0 }
      let (y, m, d) = shifted(parts[0], parts[1], parts[2])
      return String(format: "%04d-%02d-%02d", y, m, d)
    }
    let (y, m, d) = shifted(2026, 5, 31)
    if extraRow {
      moved +=
        String(format: "99999999,1,Extra,1,Housing Association,,%04d-%02d-%02d,", y, m, d)
        + "0,Leaks & Water Ingress,A leak,Reasonable Redress,table,1,99999999\n"
    }
    try moved.write(to: file, atomically: true, encoding: .utf8)
    return (
      directory,
      { back in
        let (y, m, _) = shifted(2026, 6 - back, 1)
        return String(format: "%04d-%02d", y, m)
      }
    )
  }

  /// The job run the day after the export's newest month ends: that month lacks its last days
  /// (12 findings through its 26th, after 113 and 20, against about 857 a month). It is the
  /// deepest part of the lag, not an export cut short: `--period last` reports the month before
  /// the lag and names the three months still filling in, exit 0, where it exited 65 asking
  /// for `covers:`.
  @Test func theMonthlyJobOnTheShiftedExportNamesTheMonthsStillFillingIn() throws {
    let (directory, name) = try shiftedProject(extraRow: false)
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try PlaintBinary.run(
      ["run", "--config", "plaint.yml", "-q", "--period", "last"], in: directory)
    #expect(run.status == 0, "\(run.stdout) \(run.stderr)")
    #expect(run.stdout.hasPrefix("\(name(4)):"), "\(run.stdout)")
    #expect(
      run.stderr.contains("\(name(3)), \(name(2)), \(name(1)) are still filling in"),
      "\(run.stderr)")
    #expect(!run.stderr.contains("covers:"), "\(run.stderr)")
  }

  /// One more finding dated the newest month's last day makes it whole by its days: 13
  /// findings after 113 and 20, against about 857. The last month no longer falls away from
  /// the one before, but all three have collapsed to near zero: still filling in, never "13
  /// complaints, 0 anomalies" with nearly every cell an improvement.
  @Test func aWholeNewestMonthNearZeroIsStillFillingIn() throws {
    let (directory, name) = try shiftedProject(extraRow: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try PlaintBinary.run(
      ["run", "--config", "plaint.yml", "-q", "--period", "last", "--fail-on-anomaly"],
      in: directory)
    #expect(run.status == 0, "\(run.stdout) \(run.stderr)")
    #expect(run.stdout.hasPrefix("\(name(4)):"), "\(run.stdout)")
    let json = try OmbudsmanFixture.report(directory, name(4))
    let filling = (json["coverage"] as? [String: Any])?["filling_in"] as? [String: Any] ?? [:]
    #expect(filling["periods"] as? [String] == [name(3), name(2), name(1)], "\(filling)")
    let named = try PlaintBinary.run(
      ["run", "--config", "plaint.yml", "-q", "--period", name(1)], in: directory)
    #expect(named.stdout.contains("not judged (still filling in)"), "\(named.stdout)")
    let grid = try String(
      contentsOf: directory.appendingPathComponent("reports/\(name(1))/grid.csv"),
      encoding: .utf8)
    let tail = grid.split(separator: "\n").filter { row in
      (1...3).contains { row.hasPrefix("\(name($0)),") }
    }
    #expect(!tail.isEmpty && !tail.contains { $0.contains(",improvement") }, "\(tail)")
  }

  /// The shifted export cut into files, each a source of its own: before each of `cuts` (the
  /// first day of the month `back` months before the current one, or its 15th), with `covers:`
  /// through the newest month's end on the newest file when `covers` is set.
  private func cutProject(_ cuts: [(back: Int, day: Int)], covers: Bool) throws -> (
    URL, (Int) -> String
  ) {
    let (directory, name) = try shiftedProject(extraRow: false)
    let file = directory.appendingPathComponent("exports/OmbudsmanFixture.export.csv")
    // The export's lines end in CR LF, one Character in Swift: split on either.
    let lines = try String(contentsOf: file, encoding: .utf8).split(whereSeparator: \.isNewline)
    try FileManager.default.removeItem(at: file)
    let edges = cuts.map { "\(name($0.back))-" + String(format: "%02d", $0.day) }
    var parts = Array(repeating: [String(lines[0])], count: cuts.count + 1)
    let iso = try Regex(#"\d{4}-\d{2}-\d{2}"#)
    for line in lines.dropFirst() {
      let day = line.firstMatch(of: iso).map { String(line[$0.range]) } ?? ""
      parts[edges.filter { day >= $0 }.count].append(String(line))
    }
    var sources = ""
    for (index, rows) in parts.enumerated() {
      try (rows.joined(separator: "\n") + "\n").write(
        to: directory.appendingPathComponent("exports/part-\(index).csv"), atomically: true,
        encoding: .utf8)
      sources +=
        "  - path: exports/part-\(index).csv\n    profile: generic\n"
        + "    columns: {id: id, created: decision_date_iso, text: [category, complaint], product: landlord_type}\n"
      if covers, index == cuts.count {
        let parts = name(1).split(separator: "-").compactMap { Int($0) }
        let (year, month) = (parts[0], parts[1])
        let days = [31, year % 4 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        sources += "    covers: {through: \(name(1))-\(days)}\n"
      }
    }
    let config = directory.appendingPathComponent("plaint.yml")
    let text = try String(contentsOf: config, encoding: .utf8)
    let start = try #require(text.range(of: "sources:\n"))
    let end = try #require(text.range(of: "taxonomy:"))
    try (text[..<start.upperBound] + sources + text[end.lowerBound...]).write(
      to: config, atomically: true, encoding: .utf8)
    return (directory, name)
  }

  /// The monthly job on the shifted export cut into files says what it says of the one file:
  /// it reports the month before the lag and names the three months still filling in, exit 0.
  /// It once printed "12 complaints, 0 anomalies" for the newest month in a file of its own
  /// with `covers:` (never judged: its cells were not covered), and exited 65 for a cut at the
  /// lag's first month or inside it.
  @Test(arguments: [
    ([(1, 1)], true), ([(1, 1)], false), ([(3, 1)], false), ([(2, 15), (1, 1)], false),
  ])
  func theShiftedExportCutIntoFilesSaysWhatTheOneFileSays(
    _ cuts: [(back: Int, day: Int)], _ covers: Bool
  ) throws {
    let (directory, name) = try cutProject(cuts, covers: covers)
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try PlaintBinary.run(
      ["run", "--config", "plaint.yml", "-q", "--period", "last"], in: directory)
    #expect(run.status == 0, "\(cuts): \(run.stdout) \(run.stderr)")
    #expect(run.stdout.hasPrefix("\(name(4)):"), "\(cuts): \(run.stdout)")
    #expect(
      run.stderr.contains("\(name(3)), \(name(2)), \(name(1)) are still filling in"),
      "\(cuts): \(run.stderr)")
  }

  /// Landlord Warwick: a finding or two most years, none for the twelve months before 2026-04,
  /// then 3. Judged (with the publication-lag rule off), that is no verdict against a centre of
  /// 0, where it was once flagged as an anomaly; the burst is listed as a watch, "appeared",
  /// with the exact test's p-value, and the report says what it is.
  @Test func warwickSilentForAYearIsAWatchNotAnAnomaly() throws {
    let directory = try project(extra: "publication_lag: off\n")
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try PlaintBinary.run(
      ["run", "--config", "plaint.yml", "-q", "--period", "2026-04"], in: directory)
    #expect(run.status == 0, "\(run.stderr)")
    let json = try OmbudsmanFixture.report(directory, "2026-04")
    #expect((json["coverage"] as? [String: Any])?["period"] as? String == "whole")
    let slice = try #require((json["slices"] as? [[String: Any]])?.first)
    let signals = slice["signals"] as? [[String: Any]] ?? []
    let warwick = try #require(signals.first { $0["value"] as? String == "Warwick" })
    #expect(warwick["status"] as? String == "watch")
    #expect(warwick["rules"] as? [String] == ["appeared"])
    #expect(warwick["count"] as? Int == 3)
    #expect(warwick["q_value"] is NSNull)
    #expect(
      (warwick["text"] as? String)?.hasPrefix(
        "Watch: landlord Warwick appeared in 2026-04: 3 complaints after none in") == true,
      "\(warwick)")
    let value = (slice["values"] as? [[String: Any]] ?? []).first {
      $0["value"] as? String == "Warwick"
    }
    #expect(value?["period_count"] as? Int == 3)
    #expect(value?["status"] as? String == "watch")
  }
}
