import Foundation
import Testing

/// The run charts and share charts through `plaint run`: a report without sales whose history is
/// shorter than the configured baseline draws both, says so, and still validates.
@Suite(.enabled(if: PlaintBinary.isBuilt, "build plaint first (make test does)"))
struct ChartsReportTests {
  @Test func withoutSalesAndWithAShortHistoryTheReportDrawsRunAndShareCharts() throws {
    let directory = try PlaintBinary.copyFixture("small")
    defer { try? FileManager.default.removeItem(at: directory) }
    let config = directory.appendingPathComponent("plaint.yml")
    // No sales file, and a baseline longer than the fourteen months the export holds.
    let yaml = try String(contentsOf: config, encoding: .utf8)
      .replacingOccurrences(of: "sales: sales.csv\n", with: "")
      .replacingOccurrences(
        of: "  min_baseline_periods: 6",
        with: "  baseline_periods: 24\n  min_baseline_periods: 20")
    try yaml.write(to: config, atomically: true, encoding: .utf8)

    let run = try PlaintBinary.run(["run", "--config", "plaint.yml", "-q"], in: directory)
    #expect(run.status == 0, "stderr: \(run.stderr)")
    let folder = directory.appendingPathComponent("reports/2026-02")
    let json = try Data(contentsOf: folder.appendingPathComponent("report.json"))
    let report = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
    let runCharts = try #require(report["run_charts"] as? [[String: Any]])
    #expect(!runCharts.isEmpty)
    #expect(runCharts.allSatisfy { ($0["periods"] as? Int ?? 0) < 20 })
    let shares = try #require(report["shares"] as? [String: Any])
    #expect(!((shares["issues"] as? [Any]) ?? []).isEmpty)
    // A short history gives no share chart a baseline either: drawn, never judged.
    #expect(((shares["flagged"] as? [Any]) ?? []).isEmpty)
    #expect(
      try ReportOutputTests.schemaViolations([folder.appendingPathComponent("report.json")]).isEmpty
    )

    let html = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(html.contains("Short histories: run charts"))
    #expect(html.contains("Shares of all complaints"))
    let runCSV = try String(
      contentsOf: folder.appendingPathComponent("run-charts.csv"), encoding: .utf8)
    #expect(runCSV.split(separator: "\n").count == runCharts.count + 1)
    #expect(runCSV.contains(",run chart (Anhøj)\n"))
    let sharesCSV = try String(
      contentsOf: folder.appendingPathComponent("shares.csv"), encoding: .utf8)
    #expect(sharesCSV.hasPrefix("period,issue,count,total,share,center,ucl,lcl,status,chart\n"))
    #expect(sharesCSV.contains(",insufficient_history,p\n"))
  }

  /// An issue whose share of all complaints jumps while its cell holds its count (the defects
  /// double as the damage reports vanish, both product quality) is a share anomaly and no cell
  /// anomaly. The headline, the cards and the run's line say both counts, never a bare
  /// "0 anomalies" above a share flagged further down.
  @Test func aShareAnomalyIsCountedBesideTheCells() throws {
    let fixture = try FixtureFolder("plaint-share")
    defer { try? FileManager.default.removeItem(at: fixture.url) }
    try fixture.write(
      "taxonomy.yml",
      """
      categories:
        product:
          issues:
            defect: {phrases: [stopped working]}
            damage: {phrases: [arrived damaged]}
        policy:
          issues:
            refund: {phrases: [refund refused]}
        other: {}
      product_lines:
        Kettles: {products: ["KT-*"]}
      """)
    try fixture.write(
      "plaint.yml",
      """
      store: ":memory:"
      timezone: UTC
      sources:
        - path: exports/*.csv
          profile: generic
          columns: {id: id, created: created, text: text, product: product}
      taxonomy: taxonomy.yml
      reports: {dir: reports}
      """)
    var rows = ["id,created,text,product"]
    let wobble = [0, 2, -1, 3, -2, 1, -3, 2, 0, -1, 1, -2]
    for month in 0..<19 {
      let (year, number) = (2025 + month / 12, month % 12 + 1)
      let last = month == 18
      let counts = [
        ("Kettle stopped working", last ? 42 : 20 + wobble[month % 12]),
        ("Kettle arrived damaged", last ? 0 : 20 - wobble[(month + 4) % 12]),
        ("Refund refused for kettle", 20 + wobble[(month + 7) % 12]),
        ("Question about descaling", 140 + wobble[(month + 2) % 12]),
      ]
      for (text, count) in counts {
        for k in 0..<count {
          let day = 1 + k * 27 / max(count - 1, 1)
          let date = "\(year)-\(number < 10 ? "0" : "")\(number)-\(day < 10 ? "0" : "")\(day)"
          rows.append("\(rows.count),\(date),\(text),KT-1")
        }
      }
    }
    rows.append("\(rows.count),2026-08-02,Question about descaling,KT-1")
    try fixture.write("exports/tickets.csv", rows.joined(separator: "\n") + "\n")

    let run = try PlaintBinary.run(["run", "--config", "plaint.yml", "-q"], in: fixture.url)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      run.stdout.hasPrefix("2026-07: 204 complaints, 0 anomalies, 1 share anomaly;"),
      "\(run.stdout)")
    let folder = fixture.url.appendingPathComponent("reports/2026-07")
    let summary = try String(
      contentsOf: folder.appendingPathComponent("summary.md"), encoding: .utf8)
    #expect(summary.contains("**0 anomalies** · **1 share anomaly**"), "\(summary.prefix(800))")
    #expect(summary.contains("product.defect: 42 of 204 complaints"), "\(summary)")
    let html = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(
      html.contains(
        "<div class=\"card alert\"><div class=\"value\">1</div><div class=\"label\">share anomaly</div>"
      ))
  }
}
