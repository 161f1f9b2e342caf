import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A load runs with a rollback journal instead of the write-ahead log (README.md, Performance),
/// the first into an empty store as a month added to a filled one. Killed in the middle of
/// that load, the store must come back as it was before the load, and the next run must give
/// the report a run never killed gives.
@Suite(.enabled(if: PlaintBinary.isBuilt, "build plaint first (make test does)"))
struct BulkLoadCrashTests {
  static let arguments = [
    "run", "--config", "plaint.yml", "--store", "plaint.db", "--reports-dir", "reports", "-q",
  ]

  /// A copy of the demo (27,000 rows in two exports: loading the first takes long enough).
  static func demoCopy() throws -> URL {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("plaint-bulk-\(UUID().uuidString)")
    try FileManager.default.copyItem(
      at: PlaintBinary.repositoryRoot.appendingPathComponent("datasets/demo"), to: directory)
    // A store or reports left in the checkout by a demo run are not part of the copy.
    for name in try FileManager.default.contentsOfDirectory(atPath: directory.path)
    where name.hasPrefix("plaint.db") || name == "reports" {
      try FileManager.default.removeItem(at: directory.appendingPathComponent(name))
    }
    return directory
  }

  /// Every report file but the manifest (which names times and paths), by name.
  static func reports(_ directory: URL) throws -> [String: Data] {
    let root = directory.appendingPathComponent("reports")
    var files: [String: Data] = [:]
    for period in try FileManager.default.contentsOfDirectory(atPath: root.path)
    where !period.hasPrefix(".") {
      let folder = root.appendingPathComponent(period)
      for name in try FileManager.default.contentsOfDirectory(atPath: folder.path)
      where name != "manifest.json" {
        files["\(period)/\(name)"] = try Data(contentsOf: folder.appendingPathComponent(name))
      }
    }
    return files
  }

  /// Bytes 18 and 19 of a SQLite file: 2 and 2 in WAL mode, 1 and 1 with a rollback journal.
  static func fileFormat(_ path: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: path))[18..<20])
  }

  @Test func killedWhileLoadingTheFirstExportThenRerunGivesTheCleanReport() throws {
    let clean = try Self.demoCopy()
    defer { try? FileManager.default.removeItem(at: clean) }
    let reference = try PlaintBinary.run(Self.arguments, in: clean)
    #expect(reference.status == 0, "stderr: \(reference.stderr)")
    let expected = try Self.reports(clean)
    #expect(!expected.isEmpty)
    // Back in WAL mode once the load is done.
    #expect(try Self.fileFormat(clean.appendingPathComponent("plaint.db").path) == [2, 2])

    let directory = try Self.demoCopy()
    defer { try? FileManager.default.removeItem(at: directory) }
    let journal = directory.appendingPathComponent("plaint.db-journal").path
    // The rollback journal exists only while the load's transaction is open.
    let sawJournal = try Self.killWhileLoading(directory)
    #expect(sawJournal, "the first load did not run with a rollback journal")
    let written = try? FileManager.default.contentsOfDirectory(
      atPath: directory.appendingPathComponent("reports").path)
    #expect((written ?? []).filter { !$0.hasPrefix(".") }.isEmpty, "killed after the load")

    let rerun = try PlaintBinary.run(Self.arguments, in: directory)
    #expect(rerun.status == 0, "stderr: \(rerun.stderr)")
    #expect(try Self.reports(directory) == expected)
    #expect(!FileManager.default.fileExists(atPath: journal))
    #expect(try Self.fileFormat(directory.appendingPathComponent("plaint.db").path) == [2, 2])
    // Every row counted once: the killed load left nothing the rerun counted again.
    let validate = try PlaintBinary.run(
      ["validate", "--config", "plaint.yml", "--store", "plaint.db", "--format", "json", "-q"],
      in: directory)
    let document = try JSONSerialization.jsonObject(with: Data(validate.stdout.utf8))
    let inputs = (document as? [String: Any])?["inputs"] as? [[String: Any]]
    #expect(inputs?.map { $0["accepted"] as? Int } == [20_041, 6_729])
  }

  /// Kills a run of `directory` while its load's rollback journal exists; whether it was seen.
  static func killWhileLoading(_ directory: URL) throws -> Bool {
    let journal = directory.appendingPathComponent("plaint.db-journal").path
    let process = try PlaintBinary.start(Self.arguments, in: directory)
    let deadline = Date().addingTimeInterval(60)
    var sawJournal = false
    while Date() < deadline && process.isRunning {
      if FileManager.default.fileExists(atPath: journal) {
        sawJournal = true
        break
      }
      usleep(200)
    }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    return sawJournal
  }

  /// The monthly case: the store already holds the help desk's export, and the run loads the
  /// shop's. Killed in that load, the store holds the first export alone again.
  @Test func killedWhileAddingAnExportToAFilledStoreThenRerunGivesTheCleanReport() throws {
    let clean = try Self.demoCopy()
    defer { try? FileManager.default.removeItem(at: clean) }
    let reference = try PlaintBinary.run(Self.arguments, in: clean)
    #expect(reference.status == 0, "stderr: \(reference.stderr)")
    let expected = try Self.reports(clean)

    let directory = try Self.demoCopy()
    defer { try? FileManager.default.removeItem(at: directory) }
    // The help desk's export alone first: the configuration without the shop's source.
    let configuration = try String(
      contentsOf: directory.appendingPathComponent("plaint.yml"), encoding: .utf8)
    let shop = try #require(configuration.range(of: "  # The old shop system"))
    let next = try #require(configuration.range(of: "\nsales:"))
    try configuration.replacingCharacters(in: shop.lowerBound..<next.lowerBound, with: "")
      .write(to: directory.appendingPathComponent("first.yml"), atomically: true, encoding: .utf8)
    let first = try PlaintBinary.run(
      ["run", "--config", "first.yml", "--store", "plaint.db", "--reports-dir", "first", "-q"],
      in: directory)
    #expect(first.status == 0, "stderr: \(first.stderr)")

    #expect(try Self.killWhileLoading(directory), "the shop's load did not run with a journal")
    let rerun = try PlaintBinary.run(Self.arguments, in: directory)
    #expect(rerun.status == 0, "stderr: \(rerun.stderr)")
    #expect(try Self.reports(directory) == expected)
    #expect(
      !FileManager.default.fileExists(
        atPath: directory.appendingPathComponent("plaint.db-journal").path))
    #expect(try Self.fileFormat(directory.appendingPathComponent("plaint.db").path) == [2, 2])
    let validate = try PlaintBinary.run(
      ["validate", "--config", "plaint.yml", "--store", "plaint.db", "--format", "json", "-q"],
      in: directory)
    let document = try JSONSerialization.jsonObject(with: Data(validate.stdout.utf8))
    let inputs = (document as? [String: Any])?["inputs"] as? [[String: Any]]
    #expect(inputs?.map { $0["accepted"] as? Int } == [20_041, 6_729])
  }
}
