import Foundation
import Testing

/// `plaint init` gives a folder that runs as soon as an export is dropped in.
@Suite(.enabled(if: PlaintBinary.isBuilt, "build plaint first (make test does)"))
struct InitCommandTests {
  @Test func aStarterFolderRunsOnAZendeskExport() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("plaint-init-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let created = try PlaintBinary.run(["init", directory.path])
    #expect(created.status == 0, "stderr: \(created.stderr)")
    #expect(created.stdout.contains("wrote \(directory.path)/plaint.yml"))
    // The next step it prints works from where init was run, not only from inside the folder.
    #expect(
      created.stdout.contains("then run plaint validate --config \(directory.path)/plaint.yml"),
      "\(created.stdout)")

    let empty = try PlaintBinary.run(["validate", "-q"], in: directory)
    #expect(empty.status == 66)
    #expect(empty.stderr.contains("exports/*.csv"))

    try FileManager.default.copyItem(
      at: PlaintBinary.fixtures.appendingPathComponent("small/exports/zendesk.csv"),
      to: directory.appendingPathComponent("exports/zendesk.csv"))
    let run = try PlaintBinary.run(["run", "--store", ":memory:", "-q"], in: directory)
    #expect(run.status == 0, "stderr: \(run.stderr)")
    // The export's last ticket is from 27 February, so the latest whole month is January.
    #expect(run.stdout.hasPrefix("2026-01:"), "stdout: \(run.stdout)")
    let report = try Data(
      contentsOf: directory.appendingPathComponent("reports/2026-01/report.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: report) as? [String: Any])
    let totals = try #require(json["totals"] as? [String: Any])
    #expect((totals["classified_share"] as? Double ?? 0) > 0.5)

    let again = try PlaintBinary.run(["init", directory.path])
    #expect(again.status == 73)
    #expect(again.stderr.contains("plaint.yml exists"))
  }
}
