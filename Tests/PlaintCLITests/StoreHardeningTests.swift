import Foundation
import Testing
import PlaintTestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// Issue 20's store, config, lock and tool cases, and issue 14's "settings are part of
/// identity": each either gives the right data or stops with its exit code and one line.
@Suite(.enabled(if: PlaintBinary.isBuilt, "build plaint first (make test does)"))
struct StoreHardeningTests {
  static let header = "Id,Created,Updated,Text,Customer,Product"

  /// A project as a new user makes one: one generic source over `exports/*.csv`, the small
  /// fixture's taxonomy, a store on disk.
  static func project(_ exports: [String: String] = [:], config: String? = nil) throws -> URL {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("plaint-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: directory.appendingPathComponent("exports"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: PlaintBinary.fixtures.appendingPathComponent("small/taxonomy.yml"),
      to: directory.appendingPathComponent("taxonomy.yml"))
    let yaml =
      config ?? """
        timezone: UTC
        sources:
          - {path: exports/*.csv, system: t, columns: {id: Id, created: Created, updated: Updated, text: [Text], customer: Customer, product: Product},
             covers: {from: 2025-11-01, through: 2025-12-31}}
        """
    try yaml.write(
      to: directory.appendingPathComponent("plaint.yml"), atomically: true, encoding: .utf8)
    for (name, text) in exports {
      try text.write(
        to: directory.appendingPathComponent("exports/\(name)"), atomically: true,
        encoding: .utf8)
    }
    return directory
  }

  static let oneRow = header + "\nT1,2025-12-05 10:00,2025-12-05 10:00,kettle broke,c1,KT-1\n"

  /// Exports that re-export the same tickets with the same update time and other contents, as
  /// two help-desk exports taken the same day do.
  static func overlappingExports(seed: UInt64, files: Int = 3) -> [String: String] {
    var random = SplitMix64(seed: seed)
    let texts = [
      "the kettle stopped working", "refund please, the kettle leaks", "blender is rude noise",
      "kettle defective", "return window passed",
    ]
    var exports: [String: String] = [:]
    for file in 0..<files {
      var rows = [header]
      for _ in 0..<40 {
        let id = random.next(below: 50)
        let day = 1 + random.next(below: 27)
        let update = random.next(below: 3) == 0 ? "2025-11-28 10:00" : "2025-12-01 10:00"
        let text = texts[random.next(below: texts.count)]
        let product = random.next(below: 2) == 0 ? "KT-1" : "BL-2"
        rows.append(
          "T\(id),2025-11-\(String(format: "%02d", day)) 09:00,\(update),\(text) \(file),c\(random.next(below: 6)),\(product)"
        )
      }
      exports["e\(file).csv"] = rows.joined(separator: "\n") + "\n"
    }
    return exports
  }

  /// The report's files but the manifest (which records the run's time).
  static func reportFiles(_ folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path)
    where name != "manifest.json" {
      files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
    }
    return files
  }

  static func run(_ directory: URL, _ extra: [String] = []) throws -> PlaintBinary.Result {
    try PlaintBinary.run(["run", "--config", "plaint.yml", "-q"] + extra, in: directory)
  }

  // MARK: Case 4: the same inputs give the same bytes, whatever order or runs they came in.

  @Test(arguments: [1, 2, 3] as [UInt64])
  func anyArrivalOrderGivesTheSameReportBytes(seed: UInt64) throws {
    let exports = Self.overlappingExports(seed: seed)
    let names = exports.keys.sorted()
    // All at once.
    let once = try Self.project(exports)
    defer { try? FileManager.default.removeItem(at: once) }
    let first = try Self.run(once, ["--period", "2025-11"])
    #expect(first.status == 0, "\(first.stderr)")
    let expected = try Self.reportFiles(once.appendingPathComponent("reports/2025-11"))
    #expect(expected.count > 5)

    // One file per run, in a random order, then a run with nothing new.
    var random = SplitMix64(seed: seed &* 7919)
    let order = names.shuffled(using: &random)
    let piecemeal = try Self.project()
    defer { try? FileManager.default.removeItem(at: piecemeal) }
    for name in order {
      try exports[name]?.write(
        to: piecemeal.appendingPathComponent("exports/\(name)"), atomically: true,
        encoding: .utf8)
      let result = try Self.run(piecemeal, ["--period", "2025-11"])
      #expect(result.status == 0, "\(result.stderr)")
    }
    _ = try Self.run(piecemeal, ["--period", "2025-11"])
    let got = try Self.reportFiles(piecemeal.appendingPathComponent("reports/2025-11"))
    for name in expected.keys.sorted() {
      #expect(got[name] == expected[name], "\(name) differs when files arrive as \(order)")
    }
  }

  /// Byte-identical files under two names: named by the first in the configuration, and the
  /// later copy's rows counted as duplicates, however the files arrived.
  @Test func byteIdenticalCopiesGiveTheSameBytesInAnyArrivalOrder() throws {
    let exports = Self.overlappingExports(seed: 5, files: 2)
    let copy = try #require(exports["e0.csv"])
    let both = try Self.project(["a.csv": copy, "b.csv": copy, "e1.csv": exports["e1.csv"] ?? ""])
    defer { try? FileManager.default.removeItem(at: both) }
    #expect(try Self.run(both, ["--period", "2025-11"]).status == 0)
    let expected = try Self.reportFiles(both.appendingPathComponent("reports/2025-11"))

    let later = try Self.project(["b.csv": copy, "e1.csv": exports["e1.csv"] ?? ""])
    defer { try? FileManager.default.removeItem(at: later) }
    #expect(try Self.run(later, ["--period", "2025-11"]).status == 0)
    try copy.write(
      to: later.appendingPathComponent("exports/a.csv"), atomically: true, encoding: .utf8)
    #expect(try Self.run(later, ["--period", "2025-11"]).status == 0)
    let got = try Self.reportFiles(later.appendingPathComponent("reports/2025-11"))
    for name in expected.keys.sorted() {
      #expect(got[name] == expected[name], "\(name) differs when b.csv arrives before a.csv")
    }
    let json = try JSONSerialization.jsonObject(with: expected["report.json"] ?? Data())
    let inputs = (json as? [String: Any])?["inputs"] as? [[String: Any]] ?? []
    let accepted = inputs.reduce(0) { $0 + ($1["accepted"] as? Int ?? 0) }
    // Every ticket is from November: the month's complaints are the store's tickets.
    let totals = (json as? [String: Any])?["totals"] as? [String: Any]
    #expect(accepted == totals?["complaints"] as? Int, "the copy is not accepted twice")
  }

  @Test func theKeptCopyAndItsAccountingDoNotDependOnFileNames() throws {
    let exports = Self.overlappingExports(seed: 11)
    func accounting(renaming rename: [String: String]) throws -> (
      byContent: [String: [Int]], grid: Data
    ) {
      var renamed: [String: String] = [:]
      for (name, text) in exports { renamed[rename[name] ?? name] = text }
      let directory = try Self.project(renamed)
      defer { try? FileManager.default.removeItem(at: directory) }
      let result = try Self.run(directory, ["--period", "2025-11"])
      #expect(result.status == 0, "\(result.stderr)")
      let report = directory.appendingPathComponent("reports/2025-11")
      let json = try JSONSerialization.jsonObject(
        with: Data(contentsOf: report.appendingPathComponent("report.json")))
      let inputs = (json as? [String: Any])?["inputs"] as? [[String: Any]] ?? []
      // By content (the checksum), not by name.
      var byContent: [String: [Int]] = [:]
      for input in inputs {
        byContent[input["sha256"] as? String ?? ""] = [
          input["accepted"] as? Int ?? -1, input["duplicates"] as? Int ?? -1,
        ]
      }
      return (byContent, try Data(contentsOf: report.appendingPathComponent("grid.csv")))
    }
    let plain = try accounting(renaming: [:])
    let renamed = try accounting(renaming: ["e0.csv": "z.csv", "e2.csv": "a.csv"])
    #expect(plain.byContent.count == 3)
    #expect(plain.byContent.values.contains { $0[1] > 0 }, "the fixture has duplicates")
    #expect(plain.byContent == renamed.byContent)
    #expect(plain.grid == renamed.grid)
  }

  // MARK: Issue 14, item 7: a source's settings are part of "already ingested".

  @Test func aChangedMappingReadsTheFileAgainAndSaysSo() throws {
    let rows = Self.header + "\nT1,2025-12-05 10:00,2025-12-05 10:00,kettle broke,c1,BL-2\n"
    let directory = try Self.project(["x.csv": rows])
    defer { try? FileManager.default.removeItem(at: directory) }
    #expect(try Self.run(directory).status == 0)
    let csv = directory.appendingPathComponent("reports/2025-12/grid.csv")
    #expect(try Self.linesWithComplaints(csv) == ["Blenders"])

    // Map `product` to nothing: the product line now comes from the text ("kettle").
    let config = directory.appendingPathComponent("plaint.yml")
    let yaml = try String(contentsOf: config, encoding: .utf8)
      .replacingOccurrences(of: ", product: Product", with: "")
    try yaml.write(to: config, atomically: true, encoding: .utf8)
    let again = try PlaintBinary.run(["run", "--config", "plaint.yml"], in: directory)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(again.stderr.contains("settings changed"), "\(again.stderr)")
    #expect(again.stderr.contains("exports/x.csv"))
    #expect(try Self.linesWithComplaints(csv) == ["Kettles"])

    // Unchanged settings: the file is not read a third time.
    let third = try PlaintBinary.run(["run", "--config", "plaint.yml"], in: directory)
    #expect(third.stderr.contains("already ingested"))
    #expect(!third.stderr.contains("settings changed"))
  }

  /// The product lines of grid.csv's cells that hold a complaint.
  static func linesWithComplaints(_ grid: URL) throws -> Set<String> {
    let rows = try String(contentsOf: grid, encoding: .utf8).split(separator: "\n").dropFirst()
    let cells = rows.map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    // A period the exports do not cover has an empty count (unknown), not 0: not complaints.
    return Set(
      cells.filter { $0.count > 4 && $0[4] != "0" && !$0[4].isEmpty }.map { String($0[2]) })
  }

  /// Every setting that decides what rows become, not only the mapping: a dry run sees the file
  /// as new, and a run reads it again.
  @Test(arguments: [
    ("date format", ", date_format: [\"yyyy-MM-dd HH:mm\"]"),
    ("where", ", where: {Customer: [c1]}"),
    ("encoding", ", encoding: windows-1252"),
    ("time zone", ""),
  ])
  func anyChangedSettingReadsTheFileAgain(setting: String, entry: String) throws {
    let rows =
      Self.header
      + "\nT1,2025-12-05 10:00,,kettle broke,c1,KT-1\nT2,2025-12-06 10:00,,kettle broke,c2,KT-1\n"
    let directory = try Self.project(["x.csv": rows])
    defer { try? FileManager.default.removeItem(at: directory) }
    #expect(try Self.run(directory).status == 0)
    let config = directory.appendingPathComponent("plaint.yml")
    var yaml = try String(contentsOf: config, encoding: .utf8)
    yaml =
      entry.isEmpty
      ? yaml.replacingOccurrences(of: "timezone: UTC", with: "timezone: Europe/Berlin")
      : yaml.replacingOccurrences(of: "product: Product}", with: "product: Product}\(entry)")
    try yaml.write(to: config, atomically: true, encoding: .utf8)

    let dry = try PlaintBinary.run(
      ["validate", "--config", "plaint.yml", "--format", "json", "-q"], in: directory)
    #expect(dry.status == 0, "\(setting): \(dry.stderr)")
    #expect(dry.stdout.contains("\"already_ingested\" : false"), "\(setting): \(dry.stdout)")
    let again = try PlaintBinary.run(["run", "--config", "plaint.yml"], in: directory)
    #expect(again.status == 0, "\(setting): \(again.stderr)")
    #expect(again.stderr.contains("settings changed"), "\(setting): \(again.stderr)")
    if setting == "where" {
      let report = try Data(
        contentsOf: directory.appendingPathComponent("reports/2025-12/report.json"))
      let json = try JSONSerialization.jsonObject(with: report) as? [String: Any]
      let input = (json?["inputs"] as? [[String: Any]])?.first
      #expect(input?["accepted"] as? Int == 1 && input?["filtered"] as? Int == 1, "\(input ?? [:])")
    }
  }

  // MARK: Case 5: output lost on stdout is an error.

  @Test(arguments: [["validate"], ["run"]])
  func aFullDiskOnStandardOutputExitsSeventyThree(command: [String]) throws {
    let directory = try Self.project(["x.csv": Self.oneRow])
    defer { try? FileManager.default.removeItem(at: directory) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: PlaintBinary.path)
    process.arguments = command + ["--config", "plaint.yml", "-q"]
    process.currentDirectoryURL = directory
    process.standardOutput = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    let errors = directory.appendingPathComponent("stderr")
    FileManager.default.createFile(atPath: errors.path, contents: nil)
    process.standardError = try FileHandle(forWritingTo: errors)
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 73)
    let stderr = try String(contentsOf: errors, encoding: .utf8)
    #expect(stderr.contains("standard output"), "\(stderr)")
    #expect(stderr.split(separator: "\n").count == 1)
  }

  // MARK: Case 11 and "Also": sources and the config file itself.

  @Test func aRepeatedSourceIsRefusedNamingBothEntries() throws {
    let entry =
      "  - {path: exports/*.csv, system: t, columns: {id: Id, created: Created, text: [Text]}}"
    let directory = try Self.project(
      ["x.csv": Self.oneRow], config: "sources:\n\(entry)\n\(entry)\n")
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try PlaintBinary.run(["validate", "--config", "plaint.yml", "-q"], in: directory)
    #expect(result.status == 78)
    #expect(result.stderr.contains("`sources.1.path`") && result.stderr.contains("sources.0"))
  }

  @Test(arguments: [".", "/dev/null"])
  func aConfigThatIsNotAFileIsOneClearLine(config: String) throws {
    let directory = try Self.project(["x.csv": Self.oneRow])
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try PlaintBinary.run(["run", "--config", config, "-q"], in: directory)
    #expect(result.status == 78)
    #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    #expect(!result.stderr.contains("NSCocoaErrorDomain"))
    #expect(result.stderr.contains(config == "." ? "is a directory" : "not a regular file"))
  }

  @Test func storeAndReportsDirOnTheCommandLineAreFromTheCurrentDirectory() throws {
    let directory = try Self.project(["x.csv": Self.oneRow])
    defer { try? FileManager.default.removeItem(at: directory) }
    let work = directory.appendingPathComponent("work")
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    let result = try PlaintBinary.run(
      ["run", "--config", "../plaint.yml", "--store", "mine.db", "--reports-dir", "out", "-q"],
      in: work)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("mine.db").path))
    #expect(
      FileManager.default.fileExists(
        atPath: work.appendingPathComponent("out/2025-12/index.html").path))
    #expect(
      !FileManager.default.fileExists(atPath: directory.appendingPathComponent("mine.db").path))
  }

  // MARK: Case 12: damaged, foreign and newer stores.

  struct Damage: CustomTestStringConvertible, Sendable {
    var name: String
    var status: Int32
    var says: String
    var apply: @Sendable (String) throws -> Void
    var testDescription: String { name }
  }

  static let damages: [Damage] = [
    Damage(name: "flipped header", status: 65, says: "--rebuild") { path in
      try patch(path, at: 0, with: Array("XXXX".utf8))
    },
    Damage(name: "truncated", status: 65, says: "--rebuild") { path in
      let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
      #expect(truncate(path, off_t(size / 3)) == 0)
    },
    Damage(name: "bytes flipped mid-file", status: 65, says: "--rebuild") { path in
      let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
      for offset in stride(from: size / 3, to: size / 3 + 3 * 4096, by: 97) {
        try patch(path, at: offset, with: [0xFF, 0x00, 0x13])
      }
    },
  ]

  static func patch(_ path: String, at offset: Int, with bytes: [UInt8]) throws {
    let handle = try #require(FileHandle(forUpdatingAtPath: path))
    try handle.seek(toOffset: UInt64(offset))
    try handle.write(contentsOf: Data(bytes))
    try handle.close()
  }

  /// A store big enough to have pages in the middle, checkpointed into the main file.
  static func storedProject() throws -> URL {
    var rows = [header]
    for index in 0..<3000 {
      let month = 1 + index % 12
      rows.append(
        "T\(index),2025-\(String(format: "%02d", month))-10 10:00,,kettle stopped working \(String(repeating: "x", count: index % 150)),c\(index % 40),KT-1"
      )
    }
    let directory = try project(["x.csv": rows.joined(separator: "\n") + "\n"])
    let result = try run(directory, ["--period", "2025-12"])
    #expect(result.status == 0, "\(result.stderr)")
    return directory
  }

  @Test(arguments: damages)
  func aDamagedStoreIsDiagnosedAndRebuilt(damage: Damage) throws {
    let directory = try Self.storedProject()
    defer { try? FileManager.default.removeItem(at: directory) }
    let expected = try Self.reportFiles(directory.appendingPathComponent("reports/2025-12"))
    try damage.apply(directory.appendingPathComponent("plaint.db").path)

    for command in [["run"], ["validate"], ["report"]] {
      let result = try PlaintBinary.run(
        command + ["--config", "plaint.yml", "-q"], in: directory)
      #expect(result.status == damage.status, "\(command): \(result.stderr)")
      let lines = result.stderr.split(separator: "\n")
      #expect(lines.count == 1, "\(result.stderr)")
      #expect(result.stderr.contains("damaged") && result.stderr.contains(damage.says))
    }
    let rebuilt = try Self.run(directory, ["--rebuild", "--period", "2025-12"])
    #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
    #expect(try Self.reportFiles(directory.appendingPathComponent("reports/2025-12")) == expected)
    let kept = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    #expect(kept.contains { $0.hasPrefix("plaint.db.before-rebuild-") }, "\(kept)")
  }

  @Test func aForeignOrNewerStoreIsRefusedWithSeventyEight() throws {
    let directory = try Self.storedProject()
    defer { try? FileManager.default.removeItem(at: directory) }
    let store = directory.appendingPathComponent("plaint.db").path
    let sqlite = "/usr/bin/sqlite3"
    guard FileManager.default.isExecutableFile(atPath: sqlite) else { return }
    _ = try PlaintBinary.run(
      executable: sqlite, [store, "INSERT INTO grdb_migrations VALUES ('v99')"])
    let newer = try Self.run(directory)
    #expect(newer.status == 78)
    #expect(newer.stderr.contains("newer Plaint"), "\(newer.stderr)")

    let foreign = directory.appendingPathComponent("other.db").path
    _ = try PlaintBinary.run(
      executable: sqlite, [foreign, "CREATE TABLE invoices (n); INSERT INTO invoices VALUES (1)"])
    let wrong = try Self.run(directory, ["--store", "other.db"])
    #expect(wrong.status == 78)
    #expect(wrong.stderr.contains("not a Plaint store") && wrong.stderr.contains("invoices"))
    #expect(wrong.stderr.split(separator: "\n").count == 1)
  }

  // MARK: Case 13: a deleted lock file does not let a second run in.

  @Test func aDeletedLockFileStillStopsASecondRun() throws {
    let directory = try Self.project(["x.csv": Self.oneRow])
    defer { try? FileManager.default.removeItem(at: directory) }
    #expect(try Self.run(directory).status == 0)
    // A run in flight holds the store file; its lock file has been deleted.
    let store = open(directory.appendingPathComponent("plaint.db").path, O_RDWR)
    #expect(store >= 0)
    defer { close(store) }
    #expect(flock(store, LOCK_EX | LOCK_NB) == 0)
    try? FileManager.default.removeItem(at: directory.appendingPathComponent("plaint.db.lock"))
    let second = try Self.run(directory)
    #expect(second.status == 75, "\(second.stderr)")
    #expect(second.stderr.contains("pid \(getpid())"), "\(second.stderr)")
    #expect(second.stderr.split(separator: "\n").count == 1)
    flock(store, LOCK_UN)
    #expect(try Self.run(directory).status == 0)
  }

  // MARK: Case 14: a report left aside by a killed swap is put back.

  @Test func aStrandedOldReportIsRestoredAtTheNextStart() throws {
    let exports = [
      "x.csv": Self.header
        + "\nT1,2025-11-05 10:00,,kettle broke,c1,KT-1\nT2,2025-12-05 10:00,,kettle broke,c1,KT-1\n"
    ]
    let directory = try Self.project(exports)
    defer { try? FileManager.default.removeItem(at: directory) }
    #expect(try Self.run(directory, ["--period", "2025-12"]).status == 0)
    let reports = directory.appendingPathComponent("reports")
    let expected = try Self.reportFiles(reports.appendingPathComponent("2025-12"))
    // A writer that died between its renames: the old report aside, none in place.
    let dead = Process()
    dead.executableURL = URL(fileURLWithPath: "/bin/true")
    try dead.run()
    dead.waitUntilExit()
    let aside = reports.appendingPathComponent(".2025-12.old-\(dead.processIdentifier)")
    try FileManager.default.moveItem(at: reports.appendingPathComponent("2025-12"), to: aside)
    // Any later run, even of another period, puts it back first.
    #expect(try Self.run(directory, ["--period", "2025-11"]).status == 0)
    #expect(try Self.reportFiles(reports.appendingPathComponent("2025-12")) == expected)
    #expect(!FileManager.default.fileExists(atPath: aside.path))

    // Replacing a report in one step leaves nothing behind.
    #expect(try Self.run(directory, ["--period", "2025-12"]).status == 0)
    let hidden = try FileManager.default.contentsOfDirectory(atPath: reports.path)
      .filter { $0.hasPrefix(".") }
    #expect(hidden.isEmpty, "\(hidden)")
  }

  // MARK: Case 15: a dry run against a store in a read-only folder.

  @Test func validateReadsAStoreInAReadOnlyFolder() throws {
    let directory = try Self.project(["x.csv": Self.oneRow])
    defer {
      chmod(directory.appendingPathComponent("locked").path, 0o755)
      try? FileManager.default.removeItem(at: directory)
    }
    #expect(try Self.run(directory).status == 0)
    let locked = directory.appendingPathComponent("locked")
    try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: directory.appendingPathComponent("plaint.db"),
      to: locked.appendingPathComponent("plaint.db"))
    #expect(chmod(locked.path, 0o555) == 0)
    let arguments = [
      "validate", "--config", "plaint.yml", "--store", "locked/plaint.db", "--format", "json",
      "-q",
    ]
    // Root writes anywhere: run as nobody, so the folder really is read-only.
    let result =
      getuid() == 0
      ? try PlaintBinary.run(
        executable: "/usr/bin/setpriv",
        ["--reuid=65534", "--regid=65534", "--clear-groups", PlaintBinary.path] + arguments,
        in: directory)
      : try PlaintBinary.run(arguments, in: directory)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("\"already_ingested\" : true"), "\(result.stdout)")
    let left = try FileManager.default.contentsOfDirectory(atPath: locked.path)
    #expect(left == ["plaint.db"])
  }

  // MARK: Case 16: a taxonomy that would classify nothing.

  @Test(arguments: [
    ("", "defines no issue"),
    ("categories:\n  policy:\n    issues:\n      refund: {phrases: [refund, null]}\n", "null"),
  ])
  func aTaxonomyThatClassifiesNothingIsRefused(taxonomy: String, says: String) throws {
    let directory = try Self.project(["x.csv": Self.oneRow])
    defer { try? FileManager.default.removeItem(at: directory) }
    try taxonomy.write(
      to: directory.appendingPathComponent("taxonomy.yml"), atomically: true, encoding: .utf8)
    let result = try Self.run(directory)
    #expect(result.status == 78)
    #expect(result.stderr.contains("taxonomy.yml") && result.stderr.contains(says))
    #expect(result.stderr.split(separator: "\n").count == 1)
  }

  // MARK: Case 6: random configs with extreme numbers never crash.

  static let numericKeys: [(section: String?, key: String)] = [
    ("control", "sigma"), ("control", "baseline_periods"), ("control", "min_baseline_periods"),
    ("control", "min_count"), ("control", "fdr"), ("pareto", "threshold"),
    ("pareto", "window_periods"), ("recurrence", "repeat_customer_min"),
    ("recurrence", "window_periods"), (nil, "sla_hours"),
  ]
  static let extremes = [
    "0", "-1", "1", "2", "1e19", "9223372036854775807", "-9223372036854775808",
    "1000000", "260", "261", "10", "0.5", "1e-300", ".inf", "-.inf", ".nan", "1e308", "abc",
  ]

  @Test func randomConfigsWithExtremeNumbersNeverCrash() throws {
    let directory = try Self.project(["x.csv": Self.oneRow])
    defer { try? FileManager.default.removeItem(at: directory) }
    let base = try String(
      contentsOf: directory.appendingPathComponent("plaint.yml"), encoding: .utf8)
    var random = SplitMix64(seed: 20)
    var outcomes: Set<Int32> = []
    for _ in 0..<12 {
      var sections: [String: [String]] = [:]
      var top: [String] = []
      for (section, key) in Self.numericKeys where random.next(below: 3) == 0 {
        let value = Self.extremes[random.next(below: Self.extremes.count)]
        if let section {
          sections[section, default: []].append("\(key): \(value)")
        } else {
          top.append("\(key): \(value)")
        }
      }
      let yaml =
        base + top.map { $0 + "\n" }.joined()
        + sections.sorted { $0.key < $1.key }.map {
          "\($0.key): {\($0.value.joined(separator: ", "))}\n"
        }
        .joined()
      try yaml.write(
        to: directory.appendingPathComponent("plaint.yml"), atomically: true, encoding: .utf8)
      let started = Date()
      let result = try Self.run(directory, ["--store", ":memory:"])
      outcomes.insert(result.status)
      #expect([0, 78].contains(result.status), "\(yaml)\n\(result.stderr)")
      #expect(Date().timeIntervalSince(started) < 30, "\(yaml)")
      if result.status == 78 {
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("plaint.yml:"), "\(result.stderr)")
      }
    }
    #expect(outcomes.contains(78))
  }

  // MARK: Case 7: the tools on huge counts.

  @Test func paretoOnCountsNearIntMaxIsOneLineNotACrash() throws {
    let directory = try Self.project()
    defer { try? FileManager.default.removeItem(at: directory) }
    let input = directory.appendingPathComponent("items.csv")
    try "key,count\na,9223372036854775807\nb,9223372036854775807\n".write(
      to: input, atomically: true, encoding: .utf8)
    let huge = try PlaintBinary.run(["pareto", "--input", input.path])
    #expect(huge.status == 65)
    #expect(huge.stderr.contains("items.csv:2") && huge.stderr.contains("10^15"))
    try "key,count\na,1000000000000000\nb,1000000000000000\nc,3\n".write(
      to: input, atomically: true, encoding: .utf8)
    let largest = try PlaintBinary.run(["pareto", "--input", input.path])
    #expect(largest.status == 0, "\(largest.stderr)")
    #expect(largest.stdout.contains("\"vital_few\" : 2"), "\(largest.stdout)")
  }

  @Test func poissonChartOnCountsOfATrillionAnswersAtOnce() throws {
    let directory = try Self.project()
    defer { try? FileManager.default.removeItem(at: directory) }
    let input = directory.appendingPathComponent("counts.csv")
    var rows = ["period,count,units"]
    for index in 0..<24 {
      let count = 1_000_000_000_000 + (index * 7919) % 1_000_003 + (index == 23 ? 50_000_000 : 0)
      rows.append("\(2023 + index / 12)-\(String(format: "%02d", index % 12 + 1)),\(count),1")
    }
    try rows.joined(separator: "\n").write(to: input, atomically: true, encoding: .utf8)
    let started = Date()
    let result = try PlaintBinary.run(["chart", "--input", input.path, "--method", "poisson"])
    #expect(Date().timeIntervalSince(started) < 10)
    #expect(result.status == 0, "\(result.stderr)")
    // The last period, 50 million (50 σ) above the rest, is beyond the upper limit.
    let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    let points = (json as? [String: Any])?["points"] as? [[String: Any]] ?? []
    #expect(points.count == 24)
    let beyond = points.enumerated()
      .filter { point in
        let signals = point.element["signals"] as? [[String: Any]] ?? []
        return signals.contains { $0["rule"] as? String == "beyond_limit" }
      }
      .map(\.offset)
    #expect(beyond == [23], "\(points.last ?? [:])")
  }
}
