import Foundation
import Testing

/// The UK Housing Ombudsman's findings (../shared/realdata; skipped when absent), cut as real
/// deliveries are cut: two files with eleven months between them, the second starting mid-June
/// and ending mid-March. Every anomaly the cut data raises must also be raised by the uncut data:
/// none may come from the gap or the partial months.
@Suite(
  .enabled(if: PlaintBinary.isBuilt, "build plaint first (make test does)"),
  .enabled(if: OmbudsmanFixture.export != nil, "../shared/realdata is not present"),
  .enabled(
    if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"),
    "no python3 to cut the export"))
struct RealDataCoverageTests {
  /// Writes the rows whose decision date lies in each span (inclusive, ISO days) into one file
  /// per span, with Python's csv module (the export has quoted line breaks and CRLF).
  private func project(_ spans: [(String, String, String)]) throws -> URL {
    let source = try #require(OmbudsmanFixture.export)
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("plaint-realcoverage-\(UUID().uuidString)")
    let exports = directory.appendingPathComponent("exports")
    try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)
    let cuts = spans.map { "('\($0.0)','\($0.1)','\($0.2)')" }.joined(separator: ",")
    let script = """
      import csv, sys
      rows = list(csv.reader(open(sys.argv[1], encoding='utf-8', newline='')))
      header, i = rows[0], rows[0].index('decision_date_iso')
      for name, first, last in [\(cuts)]:
          with open(sys.argv[2] + '/' + name, 'w', encoding='utf-8', newline='') as out:
              writer = csv.writer(out)
              writer.writerow(header)
              writer.writerows(r for r in rows[1:] if first <= r[i] <= last)
      """
    let cut = try PlaintBinary.run(
      executable: "/usr/bin/python3", ["-c", script, source.path, exports.path])
    #expect(cut.status == 0, "\(cut.stderr)")
    try """
    store: ":memory:"
    period: month
    timezone: Europe/London
    sources:
      - path: exports/*.csv
        profile: generic
        system: hos
        columns: {id: id, created: decision_date_iso, text: [category, complaint], product: landlord_type}
    taxonomy: taxonomy.yml
    reports: {dir: reports}
    """.write(
      to: directory.appendingPathComponent("plaint.yml"), atomically: true, encoding: .utf8)
    try OmbudsmanFixture.writeTaxonomy(in: directory)
    return directory
  }

  private func anomalies(_ report: [String: Any]) -> Set<String> {
    Set(
      (report["anomalies"] as? [[String: Any]] ?? []).map {
        "\($0["category"] ?? "")/\($0["product_line"] ?? "")"
      })
  }

  @Test func aGapAndPartialMonthsRaiseNothingTheWholeDataDoesNot() throws {
    let cut = try project([
      ("early.csv", "2021-01-01", "2022-06-30"), ("late.csv", "2023-06-15", "2024-03-17"),
    ])
    let whole = try project([("all.csv", "2021-01-01", "2024-03-17")])
    defer {
      try? FileManager.default.removeItem(at: cut)
      try? FileManager.default.removeItem(at: whole)
    }

    // By default: the latest whole month, not the half-exported March.
    let latest = try PlaintBinary.run(["run", "--config", "plaint.yml", "-q"], in: cut)
    #expect(latest.status == 0, "\(latest.stderr)")
    #expect(latest.stdout.hasPrefix("2024-02:"), "\(latest.stdout)")

    for period in ["2023-07", "2023-08", "2024-02"] {
      for directory in [cut, whole] {
        let run = try PlaintBinary.run(
          ["run", "--config", "plaint.yml", "-q", "--period", period], in: directory)
        #expect(run.status == 0, "\(period): \(run.stderr)")
      }
      guard period != "2024-02" else { continue }
      let raised = anomalies(try OmbudsmanFixture.report(cut, period))
      let real = anomalies(try OmbudsmanFixture.report(whole, period))
      #expect(raised.isSubset(of: real), "\(period): \(raised.subtracting(real)) come from the cut")
    }
    // By 2024-02 the cut has judged six whole months since the gap, and judges against those
    // alone: every cell's baseline window starts after the gap, never in a zero-filled gap. (Its
    // verdicts may differ from the whole data's, which judges against 2023-03 on after a level
    // shift: the caseload doubled in the months the cut leaves out. Before level shifts were
    // followed, the whole data flagged all these cells against 2021-22's level.)
    let february = try OmbudsmanFixture.report(cut, "2024-02")
    for cell in february["cells"] as? [[String: Any]] ?? [] {
      let window = (cell["baseline"] as? [String: Any])?["window"] as? [String] ?? []
      #expect((window.first ?? "2023-07") >= "2023-07", "\(window)")
    }

    let july = try OmbudsmanFixture.report(cut, "2023-07")
    let gaps = (july["coverage"] as? [String: Any])?["gaps"] as? [[String: Any]] ?? []
    for line in ["Councils", "Housing associations"] {
      #expect(
        gaps.contains {
          $0["product_line"] as? String == line && $0["reason"] as? String == "not_covered"
            && $0["from"] as? String == "2022-07" && $0["through"] as? String == "2023-05"
        }, "\(line): \(gaps)")
    }
    let quality = try #require(july["data_quality"] as? [String: Any])
    #expect(
      quality["without_resolution"] as? [String] == ["exports/early.csv", "exports/late.csv"])
    #expect(quality["has_key_accounts"] as? Bool == false)

    // March 2024 is cut on the 15th: shown when named, never judged.
    let march = try PlaintBinary.run(
      ["run", "--config", "plaint.yml", "-q", "--period", "2024-03"], in: cut)
    #expect(march.status == 0, "\(march.stderr)")
    let partial = try OmbudsmanFixture.report(cut, "2024-03")
    #expect((partial["coverage"] as? [String: Any])?["period"] as? String == "partial")
    #expect(anomalies(partial).isEmpty)
    #expect((partial["improvements"] as? [Any])?.isEmpty == true)
  }
}
