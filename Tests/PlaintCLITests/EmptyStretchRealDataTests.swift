import Foundation
import Testing

/// The UK Housing Ombudsman export with the findings of 2025-03-10 to 2025-03-19 removed, as a
/// new user who cut it there would have it, run with the configuration `plaint init --from`
/// writes. March 2025 is covered whole by its days (655 findings against about 857 a month; no
/// cell is judged, for init maps no product column), and its report, not only the run's log, says that no export has a row on its 12
/// days from Saturday 2025-03-08 to 2025-03-19. The whole export says nothing of the kind.
@Suite(
  .enabled(if: PlaintBinary.isBuilt, "build plaint first (make test does)"),
  .enabled(if: OmbudsmanFixture.export != nil, "../shared/realdata is not present"))
struct EmptyStretchRealDataTests {
  /// A project made by `plaint init --from` from the export, without the findings of the days
  /// `removed` names (ISO dates, first and last).
  private func project(removing removed: ClosedRange<String>?) throws -> URL {
    let source = try #require(OmbudsmanFixture.export)
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("plaint-realempty-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    // Its lines end in CRLF, one Character in Swift.
    let lines = try String(contentsOf: source, encoding: .utf8).split(
      omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    let iso = try Regex(#",(\d{4}-\d{2}-\d{2}),"#)
    let kept = lines.filter { line in
      guard let removed, let day = line.firstMatch(of: iso)?.output[1].substring else {
        return true
      }
      return !removed.contains(String(day))
    }
    let export = directory.appendingPathComponent("ombudsman.csv")
    try kept.joined(separator: "\n").write(to: export, atomically: true, encoding: .utf8)
    let initialised = try PlaintBinary.run(
      ["init", "--from", export.path, directory.appendingPathComponent("project").path])
    #expect(initialised.status == 0, "\(initialised.stderr)")
    return directory
  }

  @Test func theReportOfAMonthWithTwelveEmptyDaysSaysSo() throws {
    let directory = try project(removing: "2025-03-10"..."2025-03-19")
    defer { try? FileManager.default.removeItem(at: directory) }
    let project = directory.appendingPathComponent("project")
    let run = try PlaintBinary.run(
      ["run", "--config", "plaint.yml", "-q", "--period", "2025-03"], in: project)
    #expect(run.status == 0, "\(run.stdout) \(run.stderr)")
    // init maps no product column: every complaint is in no product line, and the command line
    // says so rather than "0 anomalies".
    #expect(
      run.stdout.hasPrefix(
        "2025-03: 655 complaints, not judged (no complaint is in a product line)"),
      "\(run.stdout)")

    let json = try OmbudsmanFixture.report(project, "2025-03")
    let coverage = json["coverage"] as? [String: Any] ?? [:]
    #expect(coverage["period"] as? String == "whole")
    let stretches = try #require(
      coverage["empty_stretches"] as? [[String: Any]], "\(coverage.keys.sorted())")
    #expect(stretches.count == 1)
    #expect(stretches.first?["from"] as? String == "2025-03-08")
    #expect(stretches.first?["through"] as? String == "2025-03-19")
    #expect(stretches.first?["days"] as? Int == 12)
    let expected = try #require(stretches.first?["expected_rows"] as? Int)
    #expect((250...500).contains(expected), "\(expected)")

    let sentence =
      "2025-03 is judged as covered whole, but no export has a row on the 12 days 2025-03-08 to 2025-03-19, where about \(expected) were expected"
    let folder = project.appendingPathComponent("reports/2025-03")
    let summary = try String(
      contentsOf: folder.appendingPathComponent("summary.md"), encoding: .utf8)
    let html = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(summary.contains(sentence), "\(summary)")
    #expect(html.contains(sentence), "\(html)")
    #expect(run.stderr.contains(sentence), "\(run.stderr)")
    #expect(
      summary.contains(
        "**not judged (no complaint is in a product line)** · **12 days without a row on any export: counts may be too low**"
      ),
      "\(summary)")
  }

  @Test func theWholeExportHasNoEmptyStretchInMarch2025() throws {
    let directory = try project(removing: nil)
    defer { try? FileManager.default.removeItem(at: directory) }
    let project = directory.appendingPathComponent("project")
    let run = try PlaintBinary.run(
      ["run", "--config", "plaint.yml", "-q", "--period", "2025-03"], in: project)
    #expect(run.status == 0, "\(run.stdout) \(run.stderr)")
    let json = try OmbudsmanFixture.report(project, "2025-03")
    let coverage = json["coverage"] as? [String: Any] ?? [:]
    #expect(coverage["period"] as? String == "whole")
    #expect(coverage["empty_stretches"] == nil, "\(coverage["empty_stretches"] ?? "")")
    let warnings = (json["data_quality"] as? [String: Any])?["warnings"] as? [String]
    #expect(warnings?.contains("empty_stretches") == false, "\(warnings ?? [])")
    #expect(!run.stderr.contains("no export has a row"), "\(run.stderr)")
  }
}
