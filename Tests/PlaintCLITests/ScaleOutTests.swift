import Foundation
import Testing

/// `plaint shard | plaint map | LC_ALL=C sort | plaint reduce | plaint report --from-partials` must give
/// the bytes `plaint run` gives (all but the manifest), however the work is split.
@Suite(.enabled(if: PlaintBinary.isBuilt, "build plaint first (make test does)"))
struct ScaleOutTests {
  /// How the partials reach the report.
  enum Mode: CaseIterable, Sendable {
    /// Map, reduce in two stages, the report from every reduced ticket.
    case reduced
    /// As plaint_spark.py without --period: two summarize processes over halves of the reduced
    /// lines, their summary lines sorted and reduced, the plan, two select processes, and the
    /// report from the summary and the selected tickets only.
    case planned
    /// As plaint_spark.py with --period: map with the period (the other periods' tickets carry
    /// no text), two summarize processes straight over the sorted map lines of their keys (no
    /// reduce), writing the summary lines and the window's tickets; the summary lines sorted and
    /// reduced; the report from those only.
    case windowed
  }

  /// Runs the scale-out pipeline the way a cluster would: one map process per task, then
  /// `mode`'s steps and the report.
  static func scaleOut(
    config: String, in directory: URL, period: String, reports: String, rangeSize: Int? = nil,
    mappers: Int = 4, mode: Mode = .reduced, mapForPeriod: Bool? = nil
  ) throws -> (result: PlaintBinary.Result, tasks: [String]) {
    let mapForPeriod = mapForPeriod ?? (mode == .windowed)
    let work = directory.appendingPathComponent("scale-out")
    try FileManager.default.createDirectory(
      at: work.appendingPathComponent("partials"), withIntermediateDirectories: true)
    let shard = try PlaintBinary.run(
      ["shard", "--config", config] + (rangeSize.map { ["--range-size", "\($0)"] } ?? []),
      in: directory)
    #expect(shard.status == 0, "shard: \(shard.stderr)")
    let tasks = shard.stdout.split(separator: "\n").map(String.init)
    // Tasks dealt round-robin to separate map processes, as executors would get them.
    var mapped: [String] = []
    for mapper in 0..<mappers {
      let mine = tasks.enumerated().filter { $0.offset % mappers == mapper }.map(\.element)
      guard !mine.isEmpty else { continue }
      let taskFile = work.appendingPathComponent("tasks-\(mapper).jsonl")
      try Data((mine.joined(separator: "\n") + "\n").utf8).write(to: taskFile)
      let map = try PlaintBinary.run(
        ["map", "--config", config, "-q"] + (mapForPeriod ? ["--period", period] : []),
        in: directory, input: taskFile)
      #expect(map.status == 0, "map: \(map.stderr)")
      mapped += map.stdout.split(separator: "\n").map(String.init)
    }
    if mode == .windowed {
      let taskFile = work.appendingPathComponent("tasks.jsonl")
      try Data(shard.stdout.utf8).write(to: taskFile)
      try summarizeWindow(
        mapped, config: config, in: directory, work: work, period: period, tasks: taskFile)
    } else {
      try reduce(mapped, config: config, in: directory, work: work, period: period, mode: mode)
    }
    let result = try PlaintBinary.run(
      [
        "report", "--config", config, "--from-partials",
        work.appendingPathComponent("partials").path,
        "--reports-dir", reports, "--period", period, "-q",
      ], in: directory)
    return (result, tasks)
  }

  /// Two reduce stages over interleaved halves of the map lines, then, for `.planned`, the
  /// summary, the plan and the selected tickets; into `work/partials`.
  static func reduce(
    _ mapped: [String], config: String, in directory: URL, work: URL, period: String, mode: Mode
  ) throws {
    // Two first-stage reducers over interleaved halves, then one over their outputs.
    var stage: [URL] = []
    for half in 0..<2 {
      let part = work.appendingPathComponent("map-\(half).tsv")
      // Sorted by their bytes, as `LC_ALL=C sort` or Spark's sort within partitions leaves them.
      let lines = mapped.enumerated().filter { $0.offset % 2 == half }.map(\.element)
        .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: part)
      let reduced = try PlaintBinary.run(["reduce", part.path])
      #expect(reduced.status == 0, "reduce: \(reduced.stderr)")
      let out = work.appendingPathComponent("reduced-\(half).tsv")
      try Data(reduced.stdout.utf8).write(to: out)
      stage.append(out)
    }
    let final = try PlaintBinary.run(["reduce"] + stage.map(\.path))
    #expect(final.status == 0, "reduce: \(final.stderr)")
    if mode == .planned {
      try summarize(
        final.stdout, config: config, in: directory, work: work, period: period)
    } else {
      try Data(final.stdout.utf8).write(to: work.appendingPathComponent("partials/part-0.tsv"))
    }
  }

  /// What a partial line is partitioned by (plaint_spark.py's `partial_key`).
  static func partitionKey(_ line: String) -> String {
    let fields = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false)
    return fields.prefix(line.hasPrefix("T\t") ? 3 : 2).joined(separator: "\t")
  }

  /// The map lines cut into two partitions by key (each sorted), summarized with the tasks and
  /// the window's tickets; the summary lines sorted and reduced into `partials/summary`, the
  /// tickets into `partials/tickets`.
  static func summarizeWindow(
    _ mapped: [String], config: String, in directory: URL, work: URL, period: String,
    tasks: URL
  ) throws {
    let partials = work.appendingPathComponent("partials")
    for folder in ["summary", "tickets"] {
      try FileManager.default.createDirectory(
        at: partials.appendingPathComponent(folder), withIntermediateDirectories: true)
    }
    var summaries: [String] = []
    for half in 0..<2 {
      // A key's lines meet in one partition, as Spark's partitioner sends them.
      let mine = mapped.filter {
        Self.partitionKey($0).utf8.reduce(0) { $0 &+ Int($1) } % 2 == half
      }
      .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      let part = work.appendingPathComponent("sorted-\(half).tsv")
      try Data((mine.joined(separator: "\n") + "\n").utf8).write(to: part)
      let summary = try PlaintBinary.run(
        [
          "summarize", "--config", config, "--tasks", tasks.path, "--period", period,
          "--window-tickets", "-q",
        ], in: directory, input: part)
      #expect(summary.status == 0, "summarize: \(summary.stderr)")
      let lines = summary.stdout.split(separator: "\n").map(String.init)
      summaries += lines.filter { !$0.hasPrefix("T\t") }
      try Data(lines.filter { $0.hasPrefix("T\t") }.map { $0 + "\n" }.joined().utf8).write(
        to: partials.appendingPathComponent("tickets/part-\(half)"))
    }
    let sorted = work.appendingPathComponent("summaries.tsv")
    try Data(
      (summaries.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.joined(separator: "\n")
        + "\n").utf8
    ).write(to: sorted)
    let merged = try PlaintBinary.run(["reduce", sorted.path])
    #expect(merged.status == 0, "reduce: \(merged.stderr)")
    try Data(merged.stdout.utf8).write(to: partials.appendingPathComponent("summary/part-0"))
  }

  /// The cluster's summary steps over reduced text, into `work/partials/{summary,tickets}`.
  static func summarize(
    _ reduced: String, config: String, in directory: URL, work: URL, period: String,
    summarizedFor: String? = nil
  ) throws {
    let lines = reduced.split(separator: "\n").map(String.init)
    let accounting = work.appendingPathComponent("accounting.tsv")
    try Data((lines.filter { $0.hasPrefix("A\t") }.joined(separator: "\n") + "\n").utf8)
      .write(to: accounting)
    var halves: [URL] = []
    for half in 0..<2 {
      let part = work.appendingPathComponent("reduced-\(half).tsv")
      let mine = lines.enumerated().filter { $0.offset % 2 == half }.map(\.element)
      try Data((mine.joined(separator: "\n") + "\n").utf8).write(to: part)
      halves.append(part)
    }
    var summaries: [String] = []
    for half in halves {
      // As plaint_spark.py runs it with --period: the period's own kinds for it alone.
      let summary = try PlaintBinary.run(
        [
          "summarize", "--config", config, "--accounting", accounting.path, "--period",
          summarizedFor ?? period, "-q",
        ], in: directory, input: half)
      #expect(summary.status == 0, "summarize: \(summary.stderr)")
      summaries += summary.stdout.split(separator: "\n").map(String.init)
    }
    let sorted = work.appendingPathComponent("summaries.tsv")
    try Data(
      (summaries.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.joined(separator: "\n")
        + "\n").utf8
    ).write(to: sorted)
    let merged = try PlaintBinary.run(["reduce", sorted.path])
    #expect(merged.status == 0, "reduce: \(merged.stderr)")
    let partials = work.appendingPathComponent("partials")
    for folder in ["summary", "tickets"] {
      try FileManager.default.createDirectory(
        at: partials.appendingPathComponent(folder), withIntermediateDirectories: true)
    }
    try Data(merged.stdout.utf8).write(to: partials.appendingPathComponent("summary/part-0"))
    let plan = work.appendingPathComponent("plan.json")
    let planned = try PlaintBinary.run(
      [
        "report", "--config", config, "--from-partials", partials.path, "--plan", plan.path,
        "--period", period, "-q",
      ], in: directory)
    guard planned.status == 0 else {
      try Data(planned.stderr.utf8).write(to: work.appendingPathComponent("plan.stderr"))
      return
    }
    for (index, half) in halves.enumerated() {
      let selected = try PlaintBinary.run(
        [
          "select", "--config", config, "--plan", plan.path, "--accounting", accounting.path,
          "-q",
        ], in: directory, input: half)
      #expect(selected.status == 0, "select: \(selected.stderr)")
      try Data(selected.stdout.utf8).write(
        to: partials.appendingPathComponent("tickets/part-\(index)"))
    }
  }

  static func expectSameReports(_ a: URL, _ b: URL) throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: a.path).sorted()
    #expect(try FileManager.default.contentsOfDirectory(atPath: b.path).sorted() == names)
    for name in names where name != "manifest.json" {
      let left = try Data(contentsOf: a.appendingPathComponent(name))
      let right = try Data(contentsOf: b.appendingPathComponent(name))
      #expect(left == right, "\(name) differs between run and the scale-out pipeline")
    }
  }

  /// Exports that stress the split: CRLF, a BOM, multi-line quoted fields, windows-1252, a broken
  /// row, the same ticket re-exported later in another file, and one file exported twice.
  static func adversarialCopy() throws -> URL {
    let directory = try PlaintBinary.copyFixture("small")
    let exports = directory.appendingPathComponent("exports")
    let header =
      "Id,Subject,Description,Via,Requester email,Product,Created at,Updated at,Solved at"
    let first = [
      header,
      "5001,Kettle leaks,\"It leaks\r\nfrom the base,\r\n\"\"badly\"\"\",email,a@x.example,KT-100,2026-02-03 10:00,2026-02-03 10:00,",
      "5002,Blender stopped working,Motor dead,web,b@x.example,BL-200,2026-02-04 11:00,2026-02-04 11:00,2026-02-05 09:00",
      "1290,The kettle stopped working after a week,re-exported with a later update,email,c@x.example,KT-100,2026-01-25 08:15,2026-02-20 09:15,",
      "5003,Broken,\"never closed",
    ].joined(separator: "\r\n")
    try (Data([0xEF, 0xBB, 0xBF]) + Data(first.utf8)).write(
      to: exports.appendingPathComponent("extra-a.csv"))
    try (Data([0xEF, 0xBB, 0xBF]) + Data(first.utf8)).write(
      to: exports.appendingPathComponent("extra-c.csv"))
    let second =
      [
        header,
        "5001,Kettle leaks,It leaks from the base and the lid: caf\u{E9} everywhere,email,a@x.example,KT-100,2026-02-03 10:00,2026-02-10 10:00,2026-02-11 10:00",
        "5004,D\u{E9}faut,La bouilloire ne fonctionne plus,phone,d@x.example,KT-100,2026-02-12 10:00,2026-02-12 10:00,",
      ].joined(separator: "\n") + "\n"
    try #require(second.data(using: .windowsCP1252)).write(
      to: exports.appendingPathComponent("extra-b.csv"))
    let config = directory.appendingPathComponent("plaint.yml")
    let yaml = try String(contentsOf: config, encoding: .utf8).replacingOccurrences(
      of: "    profile: zendesk\n",
      with: "    profile: zendesk\n  - path: exports/extra-*.csv\n    profile: zendesk\n")
    // One broken row of four is a quarter of a file: above the default reject-share gate.
    try (yaml + "ingest:\n  max_reject_share: 0.3\n").write(
      to: config, atomically: true, encoding: .utf8)
    return directory
  }

  /// The reject-share gate stops `plaint report --from-partials` as it stops `plaint run`.
  @Test func theRejectShareGateStopsThePipelineAsItStopsRun() throws {
    let directory = try Self.adversarialCopy()
    defer { try? FileManager.default.removeItem(at: directory) }
    let config = directory.appendingPathComponent("plaint.yml")
    let yaml = try String(contentsOf: config, encoding: .utf8).replacingOccurrences(
      of: "  max_reject_share: 0.3\n", with: "  max_reject_share: 0.05\n")
    try yaml.write(to: config, atomically: true, encoding: .utf8)
    let run = try PlaintBinary.run(
      [
        "run", "--config", "plaint.yml", "--store", ":memory:", "--reports-dir", "by-run",
        "--period", "2026-02", "-q",
      ], in: directory)
    #expect(run.status == 65)
    #expect(run.stderr.contains("1 of 4 rows rejected (25 %)"), "\(run.stderr)")
    let split = try Self.scaleOut(
      config: "plaint.yml", in: directory, period: "2026-02", reports: "by-partials")
    #expect(split.result.status == 65)
    #expect(split.result.stderr.contains("1 of 4 rows rejected (25 %)"), "\(split.result.stderr)")
  }

  @Test(arguments: Mode.allCases)
  func adversarialExportsGiveTheSameReport(mode: Mode) throws {
    let directory = try Self.adversarialCopy()
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try PlaintBinary.run(
      [
        "run", "--config", "plaint.yml", "--store", ":memory:", "--reports-dir", "by-run",
        "--period", "2026-02", "-q",
      ], in: directory)
    #expect(run.status == 0, "run: \(run.stderr)")
    // Ranges of 120 bytes: cuts land next to the quoted line breaks, the BOM and the CRLFs.
    let split = try Self.scaleOut(
      config: "plaint.yml", in: directory, period: "2026-02", reports: "by-partials",
      rangeSize: 120, mode: mode)
    #expect(split.result.status == 0, "report: \(split.result.stderr)")
    let rangesOfA = split.tasks.filter { $0.contains("extra-a.csv") && $0.contains("\"start\"") }
    #expect(rangesOfA.count >= 2, "extra-a.csv was not split: \(split.tasks)")
    let rangesOfB = split.tasks.filter { $0.contains("extra-b.csv") && $0.contains("\"start\"") }
    #expect(rangesOfB.count >= 2, "extra-b.csv (windows-1252) was not split")
    try Self.expectSameReports(
      directory.appendingPathComponent("by-run/2026-02"),
      directory.appendingPathComponent("by-partials/2026-02"))

    // And the accounting still adds up, duplicates included.
    let data = try Data(
      contentsOf: directory.appendingPathComponent("by-partials/2026-02/report.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let inputs = try #require(json["inputs"] as? [[String: Any]])
    #expect(inputs.count == 4)
    for input in inputs {
      let read = input["rows_read"] as? Int ?? -1
      let parts = ["accepted", "rejected", "duplicates", "filtered"].map { input[$0] as? Int ?? 0 }
      #expect(read == parts.reduce(0, +), "\(input)")
    }
    // The kept copy's file counts it accepted: extra-b's later update of 5001 wins, so the
    // duplicate is extra-a's copy (and extra-a's later update of 1290 wins over zendesk.csv's).
    let extraB = try #require(
      inputs.first { ($0["path"] as? String)?.hasSuffix("extra-b.csv") == true })
    #expect(extraB["duplicates"] as? Int == 0)
    let extraA = try #require(
      inputs.first { ($0["path"] as? String)?.hasSuffix("extra-a.csv") == true })
    #expect(extraA["duplicates"] as? Int == 1)
    #expect(extraA["rejected"] as? Int == 1)
  }

  @Test(
    .enabled(if: FileManager.default.fileExists(atPath: DemoReportTests.demoConfig.path)),
    arguments: Mode.allCases)
  func theDemoGivesTheSameReport(mode: Mode) throws {
    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("plaint-scaleout-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let config = DemoReportTests.demoConfig.path
    let split = try Self.scaleOut(
      config: config, in: scratch, period: "2026-10",
      reports: scratch.appendingPathComponent("r").path, rangeSize: 1 << 20,
      mode: mode)
    #expect(split.result.status == 0, "report: \(split.result.stderr)")
    #expect(split.tasks.count > 5, "the demo's exports were not split into ranges")
    // The committed demo report is `plaint run`'s (DemoReportTests keeps it current).
    try Self.expectSameReports(
      PlaintBinary.repositoryRoot.appendingPathComponent("reports/demo"),
      scratch.appendingPathComponent("r/2026-10"))
    guard mode == .windowed else { return }
    // The window's partial is small: the period's complaints and a few more, not the history.
    let partials = scratch.appendingPathComponent("scale-out/partials")
    func lines(_ folder: String) throws -> [Substring] {
      let url = partials.appendingPathComponent(folder)
      return try FileManager.default.contentsOfDirectory(atPath: url.path).flatMap {
        try String(contentsOf: url.appendingPathComponent($0), encoding: .utf8)
          .split(separator: "\n")
      }
    }
    let tickets = try lines("tickets").count
    let accepted = try lines("summary").filter {
      $0.hasPrefix("S\tN\t") && $0.contains("\taccepted\t")
    }
    .compactMap { Int($0.split(separator: "\t", omittingEmptySubsequences: false)[4]) }
    .reduce(0, +)
    #expect(tickets >= 1_008, "the period's 1,008 complaints are in the window's partial")
    #expect(tickets * 5 < accepted, "\(tickets) window tickets of \(accepted)")
  }

  /// Anomalies, a returning one, a concentration on one agent at 9 o'clock, a repeat customer,
  /// canaries (found and missing), a release and the SLA: everything the summary counts and
  /// every ticket the report shows whole.
  @Test(arguments: Mode.allCases)
  func thePlantedFixtureGivesTheSameReport(mode: Mode) throws {
    let directory = try RecurrenceReportTests.fixture(planted: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try PlaintBinary.run(
      ["run", "--config", "plaint.yml", "--reports-dir", "by-run", "--period", "2026-02", "-q"],
      in: directory)
    #expect(run.status == 0, "run: \(run.stderr)")
    let split = try Self.scaleOut(
      config: "plaint.yml", in: directory, period: "2026-02", reports: "by-partials",
      rangeSize: 512, mode: mode)
    #expect(split.result.status == 0, "report: \(split.result.stderr)")
    try Self.expectSameReports(
      directory.appendingPathComponent("by-run/2026-02"),
      directory.appendingPathComponent("by-partials/2026-02"))
    // The plants are there to be compared.
    let data = try Data(
      contentsOf: directory.appendingPathComponent("by-partials/2026-02/report.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let recurrence = try #require(json["recurrence"] as? [String: Any])
    #expect((recurrence["concentrations"] as? [Any])?.isEmpty == false)
    #expect((recurrence["repeat_customers"] as? [Any])?.isEmpty == false)
    #expect((recurrence["releases"] as? [Any])?.isEmpty == false)
    #expect((json["anomalies"] as? [Any])?.isEmpty == false)
  }

  /// Slices (a column, `@system`, `@file`) and an agent's pile-up in a quiet cell: the summary's
  /// slice and dimension counts give the slice sections and the concentrations `run` gives.
  @Test(arguments: Mode.allCases)
  func aSlicedConfigGivesTheSameReport(mode: Mode) throws {
    let directory = try EveryCellConcentrationTests.fixture(
      planted: true, config: SliceReportTests.slices)
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try PlaintBinary.run(
      ["run", "--config", "plaint.yml", "--reports-dir", "by-run", "--period", "2026-02", "-q"],
      in: directory)
    #expect(run.status == 0, "run: \(run.stderr)")
    let split = try Self.scaleOut(
      config: "plaint.yml", in: directory, period: "2026-02", reports: "by-partials",
      rangeSize: 4096, mode: mode)
    #expect(split.result.status == 0, "report: \(split.result.stderr)")
    #expect(split.tasks.count > 5, "the export was not split into ranges")
    try Self.expectSameReports(
      directory.appendingPathComponent("by-run/2026-02"),
      directory.appendingPathComponent("by-partials/2026-02"))
    let data = try Data(
      contentsOf: directory.appendingPathComponent("by-partials/2026-02/report.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let slices = try #require(json["slices"] as? [[String: Any]])
    #expect(slices.compactMap { $0["name"] as? String } == ["priority", "source", "file"])
    let recurrence = try #require(json["recurrence"] as? [String: Any])
    #expect((recurrence["concentrations"] as? [Any])?.isEmpty == false)
  }

  /// A summary counted for one period alone cannot make another period's report: it says so.
  @Test func aSummaryForAnotherPeriodIsRefused() throws {
    let directory = try RecurrenceReportTests.fixture(planted: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let shard = try PlaintBinary.run(["shard", "--config", "plaint.yml"], in: directory)
    let tasks = directory.appendingPathComponent("tasks.jsonl")
    try Data(shard.stdout.utf8).write(to: tasks)
    let map = try PlaintBinary.run(
      ["map", "--config", "plaint.yml", "-q"], in: directory, input: tasks)
    let sorted = directory.appendingPathComponent("mapped.tsv")
    try Data(
      (map.stdout.split(separator: "\n").map(String.init)
        .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.joined(separator: "\n") + "\n")
        .utf8
    ).write(to: sorted)
    let reduced = try PlaintBinary.run(["reduce", sorted.path])
    let work = directory.appendingPathComponent("work")
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    try Self.summarize(
      reduced.stdout, config: "plaint.yml", in: directory, work: work, period: "2026-02",
      summarizedFor: "2026-01")
    let stderr = try String(
      contentsOf: work.appendingPathComponent("plan.stderr"), encoding: .utf8)
    #expect(stderr.contains("the summary was built for 2026-01 alone"), "\(stderr)")
  }

  /// Map lines written for one period (`map --period`) leave out the other periods' texts with
  /// a mark, and reduced and reported as they are they still give `run`'s report.
  @Test func linesMappedForThePeriodGiveTheSameReportThroughReduce() throws {
    let directory = try Self.adversarialCopy()
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try PlaintBinary.run(
      [
        "run", "--config", "plaint.yml", "--store", ":memory:", "--reports-dir", "by-run",
        "--period", "2026-02", "-q",
      ], in: directory)
    #expect(run.status == 0, "run: \(run.stderr)")
    let split = try Self.scaleOut(
      config: "plaint.yml", in: directory, period: "2026-02", reports: "by-partials",
      rangeSize: 120, mode: .reduced, mapForPeriod: true)
    #expect(split.result.status == 0, "report: \(split.result.stderr)")
    try Self.expectSameReports(
      directory.appendingPathComponent("by-run/2026-02"),
      directory.appendingPathComponent("by-partials/2026-02"))
    // The reduced tickets of other periods carry the mark, those of the period their text.
    let reduced = try String(
      contentsOf: directory.appendingPathComponent("scale-out/partials/part-0.tsv"),
      encoding: .utf8)
    let tickets = reduced.split(separator: "\n").filter { $0.hasPrefix("T\t") }
      .map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
    let other = tickets.filter { $0[9] != "2026-02" }
    let reported = tickets.filter { $0[9] == "2026-02" }
    #expect(!other.isEmpty && !reported.isEmpty)
    #expect(other.allSatisfy { $0[22] == "\\-" || $0[22].allSatisfy { $0 == " " } })
    #expect(reported.allSatisfy { $0[22] != "\\-" })
  }

  /// A step that needs the texts of a period whose map lines left them out stops with one line
  /// saying so, never a report without them.
  @Test(arguments: ["report", "summarize"])
  func linesMappedForAnotherPeriodAreRefused(step: String) throws {
    let directory = try Self.adversarialCopy()
    defer { try? FileManager.default.removeItem(at: directory) }
    let shard = try PlaintBinary.run(["shard", "--config", "plaint.yml"], in: directory)
    let tasks = directory.appendingPathComponent("tasks.jsonl")
    try Data(shard.stdout.utf8).write(to: tasks)
    let map = try PlaintBinary.run(
      ["map", "--config", "plaint.yml", "--period", "2026-01", "-q"], in: directory,
      input: tasks)
    #expect(map.status == 0, "map: \(map.stderr)")
    let sorted = directory.appendingPathComponent("partials/mapped.tsv")
    try FileManager.default.createDirectory(
      at: sorted.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(
      (map.stdout.split(separator: "\n").map(String.init)
        .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.joined(separator: "\n") + "\n")
        .utf8
    ).write(to: sorted)
    let result =
      step == "report"
      ? try PlaintBinary.run(
        [
          "report", "--config", "plaint.yml", "--from-partials", "partials", "--reports-dir",
          "out", "--period", "2026-02", "-q",
        ], in: directory)
      : try PlaintBinary.run(
        [
          "summarize", "--config", "plaint.yml", "--tasks", tasks.path, "--period", "2026-02",
          "-q",
        ], in: directory, input: sorted)
    #expect(result.status == 64, "\(result.stderr)")
    #expect(
      result.stderr.contains("its text was left out by plaint map --period"), "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out").path))
  }

  @Test func aBrokenPartialLineIsOneClearError() throws {
    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("plaint-partial-\(UUID().uuidString).tsv")
    try Data("T\tzendesk\t1\tnot enough fields\n".utf8).write(to: scratch)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let reduced = try PlaintBinary.run(["reduce", scratch.path])
    #expect(reduced.status == 65)
    #expect(reduced.stderr.contains("\(scratch.path):1: not a plaint partial line"))
  }

  @Test(arguments: [
    (["--window-tickets"], 64, "--window-tickets needs --period"),
    (["--tasks", "no-such-tasks.jsonl"], 66, "no-such-tasks.jsonl: file not found"),
    (["--tasks", "plaint.yml"], 65, "plaint.yml:1: not a task line of plaint shard"),
  ])
  func summarizeNamesWhatIsWrongInOneLine(options: [String], status: Int32, message: String)
    throws
  {
    let directory = try RecurrenceReportTests.fixture(planted: false)
    defer { try? FileManager.default.removeItem(at: directory) }
    let empty = directory.appendingPathComponent("empty.tsv")
    try Data().write(to: empty)
    let result = try PlaintBinary.run(
      ["summarize", "--config", "plaint.yml", "-q"] + options, in: directory, input: empty)
    #expect(result.status == status, "\(result.stderr)")
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
  }

  @Test func reduceRefusesUnsortedInputNamingTheLine() throws {
    let directory = try Self.adversarialCopy()
    defer { try? FileManager.default.removeItem(at: directory) }
    let shard = try PlaintBinary.run(["shard", "--config", "plaint.yml"], in: directory)
    let tasks = directory.appendingPathComponent("tasks.jsonl")
    try Data(shard.stdout.utf8).write(to: tasks)
    let map = try PlaintBinary.run(
      ["map", "--config", "plaint.yml", "-q"], in: directory, input: tasks)
    #expect(map.status == 0, "map: \(map.stderr)")
    let lines = map.stdout.split(separator: "\n").map(String.init)
      .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    let unsorted = directory.appendingPathComponent("unsorted.tsv")
    try Data((lines.reversed().joined(separator: "\n") + "\n").utf8).write(to: unsorted)
    let reduced = try PlaintBinary.run(["reduce", unsorted.path])
    #expect(reduced.status == 65)
    #expect(
      reduced.stderr.contains("\(unsorted.path):")
        && reduced.stderr.contains(": partial lines are not sorted by key"),
      "\(reduced.stderr)")
  }
}
