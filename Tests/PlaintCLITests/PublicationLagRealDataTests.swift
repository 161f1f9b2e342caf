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
      #expect(filling["periods"] as? [String] == ["2026-03", "2026-04"])
      #expect((json["anomalies"] as? [Any])?.isEmpty == true)
    }
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
