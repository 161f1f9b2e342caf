import Foundation
import Testing

/// A second run does not hash an export the store recorded and that looks the same; `--rehash`
/// hashes it, and the report is the same either way. The log line of a file already ingested
/// says which (docs/input-rules.md, "Files the store already holds").
@Suite(.enabled(if: PlaintBinary.isBuilt, "build plaint first (make test does)"))
struct RehashTests {
  @Test func aRecordedExportIsTrustedUntilRehashIsAsked() throws {
    let directory = try PlaintBinary.copyFixture("small")
    defer { try? FileManager.default.removeItem(at: directory) }
    // A file changed less than two seconds before a run is hashed again next time: let the
    // copy settle.
    Thread.sleep(forTimeInterval: 2.5)
    let first = try PlaintBinary.run(
      ["run", "--config", "plaint.yml", "--store", "plaint.db"], in: directory)
    #expect(first.status == 0, "stderr: \(first.stderr)")
    let page = directory.appendingPathComponent("reports/2026-02/index.html")
    let firstPage = try Data(contentsOf: page)

    let again = try PlaintBinary.run(
      ["run", "--config", "plaint.yml", "--store", "plaint.db"], in: directory)
    #expect(again.status == 0, "stderr: \(again.stderr)")
    #expect(again.stderr.contains("checksum=recorded"), "stderr: \(again.stderr)")
    #expect(try Data(contentsOf: page) == firstPage)

    let rehashed = try PlaintBinary.run(
      ["run", "--config", "plaint.yml", "--store", "plaint.db", "--rehash"], in: directory)
    #expect(rehashed.status == 0, "stderr: \(rehashed.stderr)")
    #expect(rehashed.stderr.contains("checksum=hashed"), "stderr: \(rehashed.stderr)")
    #expect(!rehashed.stderr.contains("checksum=recorded"))
    #expect(try Data(contentsOf: page) == firstPage)

    let report = try PlaintBinary.run(
      ["report", "--config", "plaint.yml", "--store", "plaint.db", "--rehash", "--quiet"],
      in: directory)
    #expect(report.status == 0, "stderr: \(report.stderr)")
    #expect(try Data(contentsOf: page) == firstPage)
  }
}
