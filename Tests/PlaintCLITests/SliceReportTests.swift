import Foundation
import Testing

/// Slices beyond the grid: the report's section per slice in every output, the checks on
/// `slices:`, and the same report from the scale-out pipeline.
@Suite(.enabled(if: PlaintBinary.isBuilt, "build plaint first (make test does)"))
struct SliceReportTests {
  static let slices = "slices: {priority: Priority, source: \"@system\", file: \"@file\"}\n"

  @Test func eachSliceHasItsSectionInEveryOutput() throws {
    let folder = try EveryCellConcentrationTests.fixture(planted: true, config: Self.slices)
    defer { try? FileManager.default.removeItem(at: folder) }
    let json = try EveryCellConcentrationTests.report(folder)
    let sections = try #require(json["slices"] as? [[String: Any]])
    #expect(sections.compactMap { $0["name"] as? String } == ["priority", "source", "file"])
    let priority = try #require(sections.first)
    let values = try #require(priority["values"] as? [[String: Any]])
    // 270 complaints a month, priorities in turn: three values, none flagged.
    #expect(Set(values.compactMap { $0["value"] as? String }) == ["low", "normal", "high"])
    #expect(values.compactMap { $0["count"] as? Int }.reduce(0, +) == 270)
    #expect((priority["signals"] as? [Any])?.isEmpty == true)
    #expect(priority["values_tested"] as? Int == 3)
    let file = try #require(sections.last?["values"] as? [[String: Any]])
    #expect(file.compactMap { $0["value"] as? String } == ["exports/zendesk.csv"])
    // The slices read from a column are concentration dimensions too; which system or file a
    // complaint came from is not (it says when it was exported, not where a problem sits).
    let method = try #require(
      (json["method"] as? [String: Any])?["concentrations"] as? [String: Any])
    #expect(
      method["dimensions"] as? [String] == ["channel", "hour", "weekday", "agent", "priority"])

    let reports = folder.appendingPathComponent("reports/2026-02")
    let csv = try String(
      contentsOf: reports.appendingPathComponent("slice-priority.csv"), encoding: .utf8)
    #expect(
      csv.hasPrefix(
        "value,count,share,cumulative,vital,period_count,center,ucl,status,chart,p_value,q_value\n")
    )
    #expect(csv.split(separator: "\n").count == 4)
    let html = try String(
      contentsOf: reports.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(html.contains("<section id=\"slice-priority\" class=\"slice\">"))
    #expect(html.contains("<h2>By priority</h2>"))
    #expect(html.contains("No value of priority is out of control in 2026-02."))
    let summary = try String(
      contentsOf: reports.appendingPathComponent("summary.md"), encoding: .utf8)
    #expect(summary.contains("## By priority"))
    #expect(
      summary.contains(
        "Benjamini–Hochberg at 0.03 over the values with a complaint this period and enough history: 3."
      ))
  }

  @Test func withoutSlicesThereIsNoSection() throws {
    let folder = try EveryCellConcentrationTests.fixture(planted: false)
    defer { try? FileManager.default.removeItem(at: folder) }
    let json = try EveryCellConcentrationTests.report(folder)
    #expect(json["slices"] == nil)
    let reports = folder.appendingPathComponent("reports/2026-02")
    let names = try FileManager.default.contentsOfDirectory(atPath: reports.path)
    #expect(!names.contains { $0.hasPrefix("slice-") })
    let html = try String(
      contentsOf: reports.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(!html.contains("class=\"slice\""))
  }

  @Test(arguments: [
    (
      "slices: {company: Company}\n",
      "exports/zendesk.csv: `slices.company` names column \"Company\", which this export does not have"
    ),
    ("slices: {Company: Company}\n", "slice name \"Company\" must be lower-case"),
    ("slices: {agent: Assignee}\n", "slice name \"agent\" is taken by a concentration dimension"),
    ("slices: {grid: Priority}\n", "slice name \"grid\" is taken by a report output or section"),
    (
      "slices: {concentrations: Via}\n",
      "slice name \"concentrations\" is taken by a report output or section"
    ),
    (
      "slices: {prio: Priority, urgency: Priority}\n",
      "slices \"prio\" and \"urgency\" both name Priority; keep one of them"
    ),
    (
      "slices: {source: \"@sytem\"}\n",
      "unknown \"@sytem\"; expected a column name, @system or @file"
    ),
  ])
  func aBadSliceIsOneLineAndExit78(config: String, message: String) throws {
    let folder = try EveryCellConcentrationTests.fixture(planted: false, config: config)
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try PlaintBinary.run(
      ["run", "--config", "plaint.yml", "--period", "2026-02", "--quiet"], in: folder)
    #expect(result.status == 78)
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
  }

  /// The ticket lines of `plaint map` carry each ticket's slices: split into 120-byte ranges,
  /// the exports give the same report, slice sections included, from the reduced tickets and
  /// from the summary.
  @Test(arguments: ScaleOutTests.Mode.allCases)
  func theScaleOutPipelineCarriesTheSlices(mode: ScaleOutTests.Mode) throws {
    let directory = try ScaleOutTests.adversarialCopy()
    defer { try? FileManager.default.removeItem(at: directory) }
    let config = directory.appendingPathComponent("plaint.yml")
    let yaml = try String(contentsOf: config, encoding: .utf8)
    try (yaml + "slices: {via: Via, source: \"@system\", file: \"@file\"}\n").write(
      to: config, atomically: true, encoding: .utf8)
    let run = try PlaintBinary.run(
      [
        "run", "--config", "plaint.yml", "--store", ":memory:", "--reports-dir", "by-run",
        "--period", "2026-02", "-q",
      ], in: directory)
    #expect(run.status == 0, "run: \(run.stderr)")
    let split = try ScaleOutTests.scaleOut(
      config: "plaint.yml", in: directory, period: "2026-02", reports: "by-partials",
      rangeSize: 120, mode: mode)
    #expect(split.result.status == 0, "report: \(split.result.stderr)")
    let byRun = directory.appendingPathComponent("by-run/2026-02")
    try ScaleOutTests.expectSameReports(
      byRun, directory.appendingPathComponent("by-partials/2026-02"))
    let via = try String(contentsOf: byRun.appendingPathComponent("slice-via.csv"), encoding: .utf8)
    #expect(via.contains("\nemail,"), "\(via)")
  }

  /// Slice values are export text like any other: escaped in the page, inert in the CSV, and the
  /// report with slices validates against the schema.
  @Test func hostileSliceValuesAreInertAndTheReportValidates() throws {
    let directory = try ReportOutputTests.hostileCopy(customerNames: false)
    defer { try? FileManager.default.removeItem(at: directory) }
    let config = directory.appendingPathComponent("plaint.yml")
    let yaml = try String(contentsOf: config, encoding: .utf8)
    try (yaml + "slices: {assignee: Assignee, subject: Subject}\n").write(
      to: config, atomically: true, encoding: .utf8)
    let run = try PlaintBinary.run(["run", "--config", "plaint.yml", "-q"], in: directory)
    #expect(run.status == 0, "stderr: \(run.stderr)")
    let folder = directory.appendingPathComponent("reports/2026-02")
    let violations = try ReportOutputTests.schemaViolations([
      folder.appendingPathComponent("report.json")
    ])
    #expect(violations.isEmpty, "\(violations.prefix(10).joined(separator: "\n"))")
    let html = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(html.contains("<section id=\"slice-subject\" class=\"slice\">"))
    #expect(!html.lowercased().contains("<script"))
    for name in ["slice-assignee.csv", "slice-subject.csv"] {
      let csv = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
      for cell in ReportOutputTests.cells(csv) {
        guard let first = cell.first else { continue }
        #expect(Double(cell) != nil || !"=+-@\t\r".contains(first), "\(name): formula cell \(cell)")
      }
    }
    let assignees = try String(
      contentsOf: folder.appendingPathComponent("slice-assignee.csv"), encoding: .utf8)
    #expect(assignees.contains("'@SUM(A1:A9)"))
  }
}
