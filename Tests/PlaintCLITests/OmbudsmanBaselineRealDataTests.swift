import Foundation
import Testing

/// Two honest answers on the Housing Ombudsman export: its caseload rose about fourfold from
/// 2023, and a report in 2026 no longer calls that rise an anomaly against 2022's level; by
/// weeks, its thinning tail of twelve weeks is still filling in, not given an all-clear.
@Suite(
  .enabled(if: PlaintBinary.isBuilt, "build plaint first (make test does)"),
  .enabled(if: OmbudsmanFixture.export != nil, "../shared/realdata is not present"))
struct OmbudsmanBaselineRealDataTests {
  /// The export in a project folder; `dropping` months (YYYY-MM) are cut out of it, a gap
  /// between exports as a new user makes one.
  private func project(period: String, dropping months: [String] = []) throws -> URL {
    let source = try #require(OmbudsmanFixture.export)
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("plaint-realshift-\(UUID().uuidString)")
    let exports = directory.appendingPathComponent("exports")
    try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)
    let copy = exports.appendingPathComponent("OmbudsmanFixture.export.csv")
    if months.isEmpty {
      try FileManager.default.copyItem(at: source, to: copy)
    } else {
      // One record a line: the decision date is the only ISO date in a row. Lines end in CRLF,
      // which Swift reads as one Character, so they are cut by bytes.
      let lines = try Data(contentsOf: source).split(
        separator: 0x0A, omittingEmptySubsequences: false)
      let cuts = months.map { Data(",\($0)-".utf8) }
      let kept = lines.filter { line in !cuts.contains { line.range(of: $0) != nil } }
      #expect(kept.count < lines.count && kept.count > lines.count / 2)
      try Data(kept.joined(separator: [0x0A])).write(to: copy)
    }
    try """
    store: ":memory:"
    period: \(period)
    timezone: Europe/London
    sources:
      - path: exports/*.csv
        profile: generic
        columns: {id: id, created: decision_date_iso, text: [category, complaint], product: landlord_type}
    taxonomy: taxonomy.yml
    reports: {dir: reports}
    """.write(
      to: directory.appendingPathComponent("plaint.yml"), atomically: true, encoding: .utf8)
    try OmbudsmanFixture.writeTaxonomy(in: directory)
    return directory
  }

  /// A level shift confirmed right before a gap is judged against its new level from the first
  /// whole month with data after the gap, not from a month no export covers. The councils'
  /// service cell shifts up from 2024-08 and is confirmed in 2025-03; with 2025-04 and 2025-05
  /// cut out (and June partial, its rows resuming after its first day), the new level is judged
  /// from 2025-07. (The councils' product cell once showed this with June and July cut; since
  /// Christmas weeks without a row keep Decembers out of its run, that shift is not confirmed.)
  @Test func aShiftConfirmedBeforeAGapIsJudgedFromTheNextMonthWithData() throws {
    let directory = try project(period: "month", dropping: ["2025-04", "2025-05"])
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try PlaintBinary.run(
      ["run", "--config", "plaint.yml", "-q", "--period", "2026-02"], in: directory)
    #expect(run.status == 0, "\(run.stderr)")
    let json = try OmbudsmanFixture.report(directory, "2026-02")
    let cells = try #require(json["cells"] as? [[String: Any]])
    let councils = try #require(
      cells.first {
        $0["category"] as? String == "service" && $0["product_line"] as? String == "Councils"
      })
    let shift = try #require((councils["baseline"] as? [String: Any])?["shift"] as? [String: Any])
    #expect(shift["confirmed"] as? String == "2025-03", "\(shift)")
    #expect(shift["judged_from"] as? String == "2025-07", "\(shift)")
    let summary = try String(
      contentsOf: directory.appendingPathComponent("reports/2026-02/summary.md"), encoding: .utf8)
    #expect(summary.contains("service / Councils / consumer: level shift since 2024-08"))
    #expect(summary.contains("judged against the new level since 2025-07"), "\(summary)")
    #expect(
      !summary.contains("since 2025-04") && !summary.contains("since 2025-05")
        && !summary.contains("since 2025-06"))
  }

  /// Before the rule, 2026-02 had four anomalies "continuing" for 20 to 34 months, the housing
  /// associations' product cell at 83 against 18.4 expected, and the cells' centres summed to
  /// about 312 a month against the export's level of about 857. Now no cell is judged against
  /// a level years old: each baseline window ends after 2025-07 and starts no earlier than
  /// 2024-06, and the centres sum to within a tenth of the level the lag rule measures. The
  /// Decembers and 2026-01 lost their Christmas weeks (a fifth to a third of their rows), so no
  /// baseline holds them.
  @Test func noCellIsJudgedAgainstALevelYearsOld() throws {
    let directory = try project(period: "month")
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try PlaintBinary.run(["run", "--config", "plaint.yml", "-q"], in: directory)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.hasPrefix("2026-02:"), "\(run.stdout)")
    let json = try OmbudsmanFixture.report(directory, "2026-02")
    let anomalies = json["anomalies"] as? [[String: Any]] ?? []
    #expect(!anomalies.contains { ($0["streak"] as? Int ?? 0) > 6 }, "\(anomalies)")
    let cells = try #require(json["cells"] as? [[String: Any]])
    var centres = 0.0
    for cell in cells {
      let baseline = try #require(cell["baseline"] as? [String: Any])
      let window = try #require(baseline["window"] as? [String])
      #expect((window.last ?? "") >= "2025-08", "\(cell["category"] ?? "") \(window)")
      #expect((window.first ?? "") >= "2024-06", "\(cell["category"] ?? "") \(window)")
      let last = try #require((cell["series"] as? [[String: Any]])?.last)
      centres += last["center"] as? Double ?? 0
    }
    let gaps = (json["coverage"] as? [String: Any])?["gaps"] as? [[String: Any]] ?? []
    let holed = Set(
      gaps.filter { $0["reason"] as? String == "empty_stretch" }.compactMap {
        $0["from"] as? String
      })
    #expect(holed == ["2020-12", "2022-12", "2023-12", "2024-12", "2025-12"], "\(holed)")
    let shifted = cells.filter { ($0["baseline"] as? [String: Any])?["shift"] != nil }
    #expect(!shifted.isEmpty)
    // The lag rule's level for the months after 2026-02: about 857 a month.
    let april = try PlaintBinary.run(
      ["run", "--config", "plaint.yml", "-q", "--period", "2026-04"], in: directory)
    #expect(april.status == 0, "\(april.stderr)")
    let coverage = try #require(
      try OmbudsmanFixture.report(directory, "2026-04")["coverage"] as? [String: Any])
    let level = try #require((coverage["filling_in"] as? [String: Any])?["expected"] as? Double)
    #expect(abs(centres - level) < level / 10, "centres \(centres) against level \(level)")
  }

  /// By weeks the export thins over twelve weeks, W10 to W21 (141 complaints against about
  /// 2,000): W21 (5 complaints) was judged "0 anomalies" before; now the whole tail is still
  /// filling in, and the latest settled week is reported.
  @Test func theWeeklyTailIsStillFillingIn() throws {
    let directory = try project(period: "week")
    defer { try? FileManager.default.removeItem(at: directory) }
    let latest = try PlaintBinary.run(["run", "--config", "plaint.yml", "-q"], in: directory)
    #expect(latest.status == 0, "\(latest.stderr)")
    #expect(latest.stdout.hasPrefix("2026-W09:"), "\(latest.stdout)")
    let last = try PlaintBinary.run(
      ["run", "--config", "plaint.yml", "-q", "--period", "2026-W21"], in: directory)
    #expect(last.status == 0, "\(last.stderr)")
    #expect(last.stdout.contains("not judged (still filling in)"), "\(last.stdout)")
    let coverage = try #require(
      try OmbudsmanFixture.report(directory, "2026-W21")["coverage"] as? [String: Any])
    #expect(coverage["period"] as? String == "filling_in")
    let filling = try #require(coverage["filling_in"] as? [String: Any])
    #expect(filling["run_from"] as? String == "2026-W10")
    #expect(filling["run_periods"] as? Int == 12)
    #expect(filling["block_periods"] as? Int == 4)
    #expect(filling["max_periods"] as? Int == 13)
    let summary = try String(
      contentsOf: directory.appendingPathComponent("reports/2026-W21/summary.md"),
      encoding: .utf8)
    #expect(summary.contains("the 12 periods from 2026-W10 hold"), "\(summary.prefix(600))")
  }
}
