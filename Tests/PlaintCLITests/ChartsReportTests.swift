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
}
