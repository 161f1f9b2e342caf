import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// What a cron job relies on: exit codes that mean something, one line on stderr, a lock, and a
/// store and report that survive `kill -9` at any moment.
@Suite(.enabled(if: PlaintBinary.isBuilt, "build plaint first (make test does)"))
struct UnattendedRunTests {
  /// One row of the exit-code table of docs/cli.md: how to provoke it, and what stderr must name.
  struct ExitCase: CustomTestStringConvertible, Sendable {
    var name: String
    var arguments: [String]
    /// Applied to a fresh copy of the small fixture before the run.
    var prepare: @Sendable (URL) throws -> Void = { _ in }
    var status: Int32
    var names: String

    var testDescription: String { "\(status) \(name)" }
  }

  static let run = ["run", "--config", "plaint.yml"]

  static let exitCases: [ExitCase] = [
    ExitCase(name: "success", arguments: run, status: 0, names: ""),
    ExitCase(
      name: "anomalies with --fail-on-anomaly", arguments: run + ["--fail-on-anomaly"], status: 3,
      names: ""),
    ExitCase(
      name: "bad --period", arguments: run + ["--period", "2026-13"], status: 64,
      names: "--period 2026-13"),
    ExitCase(
      name: "unknown option", arguments: run + ["--perod", "last"], status: 64, names: "--perod"),
    ExitCase(
      name: "export missing a required column", arguments: run,
      prepare: { directory in
        try "Id,Subject,Description\n1,kettle,leaks\n".write(
          to: directory.appendingPathComponent("exports/zendesk.csv"), atomically: true,
          encoding: .utf8)
      }, status: 65, names: "exports/zendesk.csv"),
    ExitCase(
      name: "config file missing", arguments: ["run", "--config", "nope.yml"], status: 66,
      names: "nope.yml"),
    ExitCase(
      name: "export missing", arguments: run,
      prepare: { directory in
        try FileManager.default.removeItem(
          at: directory.appendingPathComponent("exports/zendesk.csv"))
      }, status: 66, names: "sources.0.path"),
    ExitCase(
      name: "reports directory not writable", arguments: run + ["--reports-dir", "plaint.yml/out"],
      status: 73, names: "plaint.yml/out"),
    ExitCase(
      name: "misspelt config key", arguments: run,
      prepare: { directory in
        let config = directory.appendingPathComponent("plaint.yml")
        let text = try String(contentsOf: config, encoding: .utf8)
        try text.replacingOccurrences(of: "control:", with: "contrl:")
          .write(to: config, atomically: true, encoding: .utf8)
      }, status: 78, names: "contrl"),
  ]

  @Test(arguments: exitCases)
  func exitCodeTable(_ exit: ExitCase) throws {
    let directory = try PlaintBinary.copyFixture("small")
    defer { try? FileManager.default.removeItem(at: directory) }
    try exit.prepare(directory)
    let result = try PlaintBinary.run(exit.arguments + ["--quiet"], in: directory)
    #expect(result.status == exit.status, "stderr: \(result.stderr)")
    let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: true)
    if exit.status == 0 || exit.status == 3 {
      #expect(lines.isEmpty, "stderr: \(result.stderr)")
    } else {
      #expect(lines.count == 1, "stderr: \(result.stderr)")
      #expect(lines.first?.hasPrefix("plaint: error:") == true)
      #expect(lines.first?.contains(exit.names) == true, "stderr: \(result.stderr)")
    }
  }

  @Test func aHeldLockExitsSeventyFiveNamingTheHolder() throws {
    let directory = try PlaintBinary.copyFixture("small")
    defer { try? FileManager.default.removeItem(at: directory) }
    let lockPath = directory.appendingPathComponent("plaint.db.lock").path
    let descriptor = open(lockPath, O_RDWR | O_CREAT, 0o644)
    #expect(descriptor >= 0)
    defer { close(descriptor) }
    #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
    let note = Array("pid 4242 since 2026-11-01T03:00:00Z\n".utf8)
    #expect(pwrite(descriptor, note, note.count, 0) == note.count)

    let started = Date()
    let result = try PlaintBinary.run(Self.run + ["--store", "plaint.db", "-q"], in: directory)
    #expect(result.status == 75)
    #expect(result.stderr.contains("pid 4242 since 2026-11-01T03:00:00Z"))
    #expect(Date().timeIntervalSince(started) < 5, "a locked run must give up at once")
    #expect(
      !FileManager.default.fileExists(
        atPath: directory.appendingPathComponent("reports/2026-02").path))

    // Released (as the kernel does when the holder dies), the next run goes ahead.
    flock(descriptor, LOCK_UN)
    let next = try PlaintBinary.run(Self.run + ["--store", "plaint.db", "-q"], in: directory)
    #expect(next.status == 0, "stderr: \(next.stderr)")
  }

  /// The report files but the manifest (which records the run's time), by name.
  private func reportFiles(_ directory: URL) throws -> [String: Data] {
    let folder = directory.appendingPathComponent("reports/2026-02")
    var files: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path)
    where name != "manifest.json" {
      files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
    }
    return files
  }

  @Test func killedAtRandomMomentsThenRerunGivesTheCleanReport() throws {
    let clean = try PlaintBinary.copyFixture("small")
    defer { try? FileManager.default.removeItem(at: clean) }
    let started = Date()
    let reference = try PlaintBinary.run(Self.run + ["--store", "plaint.db", "-q"], in: clean)
    let duration = Date().timeIntervalSince(started)
    #expect(reference.status == 0)
    let expected = try reportFiles(clean)
    #expect(expected.count == 17)

    let directory = try PlaintBinary.copyFixture("small")
    defer { try? FileManager.default.removeItem(at: directory) }
    var random = SystemRandomNumberGenerator()
    for attempt in 0..<12 {
      let delay = Double.random(in: 0...(duration * 1.1), using: &random)
      let process = try PlaintBinary.start(
        Self.run + ["--store", "plaint.db", "-q"], in: directory)
      Thread.sleep(forTimeInterval: delay)
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      // Whatever moment it died at, a report in place is a whole one.
      let folder = directory.appendingPathComponent("reports/2026-02").path
      if FileManager.default.fileExists(atPath: folder) {
        #expect(
          try reportFiles(directory) == expected, "attempt \(attempt), killed after \(delay) s")
      }
    }
    let rerun = try PlaintBinary.run(Self.run + ["--store", "plaint.db", "-q"], in: directory)
    #expect(rerun.status == 0, "stderr: \(rerun.stderr)")
    #expect(try reportFiles(directory) == expected)
    let leftovers = try FileManager.default.contentsOfDirectory(
      atPath: directory.appendingPathComponent("reports").path
    ).filter { $0.hasPrefix(".") }
    #expect(leftovers.isEmpty, "left behind: \(leftovers)")

    // The store counted nothing twice: a dry run sees the export as already ingested.
    let validate = try PlaintBinary.run(
      ["validate", "--config", "plaint.yml", "--store", "plaint.db", "--format", "json", "-q"],
      in: directory)
    let document = try JSONSerialization.jsonObject(with: Data(validate.stdout.utf8))
    let inputs = (document as? [String: Any])?["inputs"] as? [[String: Any]]
    #expect(inputs?.first?["already_ingested"] as? Bool == true)
    #expect(inputs?.first?["accepted"] as? Int == 337)
  }

  @Test func aSecondRunWhileOneIsInFlightStopsAtTheLock() throws {
    // The demo's 27,000 rows keep the first run busy for seconds: long enough to overlap.
    let demo = PlaintBinary.repositoryRoot.appendingPathComponent("datasets/demo")
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("plaint-concurrent-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: demo, to: directory)
    defer { try? FileManager.default.removeItem(at: directory) }
    let arguments = [
      "run", "--config", "plaint.yml", "--store", "plaint.db", "--reports-dir", "reports", "-q",
    ]
    let first = try PlaintBinary.start(arguments, in: directory)
    let lock = directory.appendingPathComponent("plaint.db.lock")
    let holder = "pid \(first.processIdentifier) since"
    let deadline = Date().addingTimeInterval(20)
    while Date() < deadline,
      (try? String(contentsOf: lock, encoding: .utf8))?.contains(holder) != true
    {
      Thread.sleep(forTimeInterval: 0.005)
    }
    let second = try PlaintBinary.run(arguments, in: directory)
    first.waitUntilExit()
    #expect(first.terminationStatus == 0)
    #expect(second.status == 75, "stderr: \(second.stderr)")
    #expect(second.stderr.contains(holder), "stderr: \(second.stderr)")
    #expect(second.stderr.split(separator: "\n").count == 1)
    let validate = try PlaintBinary.run(
      ["validate", "--config", "plaint.yml", "--store", "plaint.db", "--format", "json", "-q"],
      in: directory)
    let document = try JSONSerialization.jsonObject(with: Data(validate.stdout.utf8))
    let inputs = (document as? [String: Any])?["inputs"] as? [[String: Any]]
    #expect(inputs?.allSatisfy { $0["already_ingested"] as? Bool == true } == true)
    #expect(inputs?.map { $0["accepted"] as? Int } == [20_041, 6_729], "counted once")
  }
}
