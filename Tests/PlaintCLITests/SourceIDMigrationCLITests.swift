import Foundation
import PlaintTestSupport
import Testing

/// A store an older Plaint wrote (each ticket row with its file's path and checksum) is migrated
/// by the next run to the store of file ids, and gives the same report, byte for byte, the same
/// `plaint explain` and a clean `plaint validate`; a moved export then names its new path.
@Suite(
  .enabled(if: PlaintBinary.isBuilt, "build plaint first (make test does)"),
  .enabled(if: StoreBeforeSourceIDs.canRun, "no sqlite3 to write the old layout with"))
struct SourceIDMigrationCLITests {
  /// Every report file but the manifest (which holds times and paths), by name.
  static func report(_ directory: URL) throws -> [String: Data] {
    let folder = directory.appendingPathComponent("reports/2026-02")
    var files: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path)
    where name != "manifest.json" {
      let url = folder.appendingPathComponent(name)
      var isFolder: ObjCBool = false
      FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
      if !isFolder.boolValue { files[name] = try Data(contentsOf: url) }
    }
    return files
  }

  @Test func anOldStoreMigratesToTheSameReportExplainAndAccounting() throws {
    let directory = try PlaintBinary.copyFixture("small")
    defer { try? FileManager.default.removeItem(at: directory) }
    let config = directory.appendingPathComponent("plaint.yml")
    try String(contentsOf: config, encoding: .utf8)
      .replacingOccurrences(of: "store: \":memory:\"", with: "store: plaint.db")
      .write(to: config, atomically: true, encoding: .utf8)
    let run = try PlaintBinary.run(["run", "--config", "plaint.yml", "-q"], in: directory)
    #expect(run.status == 0, "stderr: \(run.stderr)")
    let before = try Self.report(directory)
    #expect(before.keys.contains("index.html") && before.count > 3, "\(before.keys.sorted())")
    let explainBefore = try PlaintBinary.run(
      ["explain", "--config", "plaint.yml", "1001"], in: directory)
    #expect(explainBefore.status == 0, "\(explainBefore.stderr)")
    #expect(explainBefore.stdout.contains("exports/zendesk.csv"), "\(explainBefore.stdout)")

    let store = directory.appendingPathComponent("plaint.db").path
    try StoreBeforeSourceIDs.apply(to: store)
    try FileManager.default.removeItem(at: directory.appendingPathComponent("reports"))
    let migrated = try PlaintBinary.run(
      ["report", "--config", "plaint.yml", "-q"], in: directory)
    #expect(migrated.status == 0, "stderr: \(migrated.stderr)")
    let after = try Self.report(directory)
    #expect(after.keys.sorted() == before.keys.sorted())
    for (name, data) in before.sorted(by: { $0.key < $1.key }) {
      #expect(after[name] == data, "\(name) differs after the migration")
    }
    let explainAfter = try PlaintBinary.run(
      ["explain", "--config", "plaint.yml", "1001"], in: directory)
    #expect(explainAfter.stdout == explainBefore.stdout)
    let validate = try PlaintBinary.run(
      ["validate", "--config", "plaint.yml", "-q"], in: directory)
    #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
    let columns = try StoreBeforeSourceIDs.sqlite(
      store,
      "SELECT name FROM pragma_table_info('tickets') WHERE name IN ('source', 'source_file', 'source_sha256')"
    )
    #expect(columns.split(separator: "\n").sorted() == ["source"])

    // The export moves: the next run recognises it by its checksum and its tickets take the
    // new path.
    try FileManager.default.createDirectory(
      at: directory.appendingPathComponent("moved"), withIntermediateDirectories: true)
    try FileManager.default.moveItem(
      at: directory.appendingPathComponent("exports/zendesk.csv"),
      to: directory.appendingPathComponent("moved/zendesk.csv"))
    try String(contentsOf: config, encoding: .utf8)
      .replacingOccurrences(of: "path: exports/zendesk.csv", with: "path: moved/zendesk.csv")
      .write(to: config, atomically: true, encoding: .utf8)
    let moved = try PlaintBinary.run(["run", "--config", "plaint.yml"], in: directory)
    #expect(moved.status == 0, "stderr: \(moved.stderr)")
    #expect(moved.stderr.contains("already ingested"), "\(moved.stderr)")
    let explainMoved = try PlaintBinary.run(
      ["explain", "--config", "plaint.yml", "1001"], in: directory)
    #expect(explainMoved.stdout.contains("moved/zendesk.csv"), "\(explainMoved.stdout)")
    #expect(!explainMoved.stdout.contains("exports/zendesk.csv"), "\(explainMoved.stdout)")
  }
}
