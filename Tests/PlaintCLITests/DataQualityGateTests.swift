import Foundation
import Testing

/// The data-quality gates (issue 14) and the ingest cases of the hostile review (issue 20), as
/// `validate` and `run` show them: the same exit status from both, one line on stderr naming the
/// file, the counts and a sample.
@Suite(.enabled(if: PlaintBinary.isBuilt, "build plaint first (make test does)"))
struct DataQualityGateTests {
  static let header = "Id,Created,Updated,Text,Customer,Product"

  /// A project with one generic source reading `exports/*.csv`, each file given by name.
  static func project(
    _ files: [String: [UInt8]], config extra: String = "", sales: String? = nil
  ) throws -> URL {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("plaint-gates-\(UUID().uuidString)")
    let exports = directory.appendingPathComponent("exports")
    try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: PlaintBinary.fixtures.appendingPathComponent("small/taxonomy.yml"),
      to: directory.appendingPathComponent("taxonomy.yml"))
    for (name, bytes) in files {
      FileManager.default.createFile(
        atPath: exports.appendingPathComponent(name).path, contents: Data(bytes))
    }
    var config = """
      store: plaint.db
      timezone: UTC
      taxonomy: taxonomy.yml
      sources:
        - path: exports/*
          system: t
          columns:
            id: Id
            created: Created
            updated: Updated
            text: [Text]
            customer: Customer
            product: Product

      """
    if let sales {
      try sales.write(
        to: directory.appendingPathComponent("sales.csv"), atomically: true, encoding: .utf8)
      config += "sales: sales.csv\n"
    }
    config += extra
    try config.write(
      to: directory.appendingPathComponent("plaint.yml"), atomically: true, encoding: .utf8)
    return directory
  }

  static func rows(_ dates: [String], text: String = "kettle broke") -> [UInt8] {
    var csv = header + "\n"
    for (index, date) in dates.enumerated() {
      csv += "T\(index),\(date),\(date),\(text),c\(index % 7),KT-1\n"
    }
    return Array(csv.utf8)
  }

  static func validate(_ directory: URL) throws -> PlaintBinary.Result {
    try PlaintBinary.run(["validate", "--config", "plaint.yml", "-q"], in: directory)
  }

  static func run(_ directory: URL) throws -> PlaintBinary.Result {
    try PlaintBinary.run(["run", "--config", "plaint.yml", "-q"], in: directory)
  }

  /// Days of 2025 as US `MM/dd/yyyy HH:mm`.
  static func usDates(_ count: Int) -> [String] {
    (0..<count).map { index in
      let month = index % 12 + 1
      let day = index * 7 % 28 + 1
      return String(format: "%02d/%02d/2025 10:00", month, day)
    }
  }

  // MARK: Issue 14, item 4

  @Test func usDatesReadAsDayFirstFailValidateAndRunAlike() throws {
    let directory = try Self.project(
      ["x.csv": Self.rows(Self.usDates(120))],
      config: "    date_format: \"dd/MM/yyyy HH:mm\"\n")
    defer { try? FileManager.default.removeItem(at: directory) }
    let validate = try Self.validate(directory)
    let run = try Self.run(directory)
    for result in [validate, run] {
      #expect(result.status == 65, "stderr: \(result.stderr)")
      let lines = result.stderr.split(separator: "\n")
      #expect(lines.count == 1, "stderr: \(result.stderr)")
      let line = String(lines.first ?? "")
      #expect(line.contains("exports/x.csv"))
      #expect(line.contains("column \"Created\""))
      #expect(line.contains("set date_format: \"MM/dd/yyyy HH:mm\""))
      #expect(line.contains("reads all 120"))
    }
    #expect(!validate.stdout.contains("ok"))
    // Nothing was stored: the next run meets the same gate instead of skipping the file.
    #expect(try Self.run(directory).status == 65)
  }

  @Test func aRejectShareAboveTheLimitFailsBothNamingCountsReasonsAndSamples() throws {
    var dates = Array(repeating: "2025-12-05 10:00", count: 90)
    dates += Array(repeating: "yesterday", count: 8) + ["0001-01-01 10:00", "0001-01-01 11:00"]
    let directory = try Self.project(["x.csv": Self.rows(dates)])
    defer { try? FileManager.default.removeItem(at: directory) }
    for result in [try Self.validate(directory), try Self.run(directory)] {
      #expect(result.status == 65, "stderr: \(result.stderr)")
      let line = result.stderr.trimmingCharacters(in: .newlines)
      #expect(!line.contains("\n"))
      #expect(line.contains("exports/x.csv: 10 of 100 rows rejected (10 %)"), "\(line)")
      #expect(line.contains("`ingest.max_reject_share` (5 %)"))
      #expect(
        line.contains(
          "8 unparseable date in column Created (line 92: \"yesterday\"; no common pattern reads it"
        ))
      #expect(line.contains("2 date before 1990-01-01 in column Created (line 100:"))
    }
    // Raising the limit lets the same file through, its rejects still counted.
    let config = directory.appendingPathComponent("plaint.yml")
    let text =
      try String(contentsOf: config, encoding: .utf8) + "ingest:\n  max_reject_share: 0.2\n"
    try text.write(to: config, atomically: true, encoding: .utf8)
    let validate = try Self.validate(directory)
    #expect(validate.status == 0, "stderr: \(validate.stderr)")
    #expect(validate.stdout.contains("\"yesterday\""))
    #expect(
      validate.stdout.contains("would read it") || validate.stdout.contains("no common pattern"))
  }

  @Test func everyRowRejectedFailsValidateAsItFailsRun() throws {
    let directory = try Self.project(
      ["x.csv": Self.rows(Array(repeating: "never", count: 5))],
      config: "ingest:\n  max_reject_share: off\n")
    defer { try? FileManager.default.removeItem(at: directory) }
    let validate = try Self.validate(directory)
    let run = try Self.run(directory)
    #expect(validate.status == 65, "stderr: \(validate.stderr)")
    #expect(run.status == 65, "stderr: \(run.stderr)")
    #expect(validate.stderr.contains("no complaints were accepted from any source"))
    #expect(run.stderr.contains("no complaints were accepted from any source"))
  }

  // MARK: Issue 20

  @Test func aBareCarriageReturnLosesNoRow() throws {
    let row = { (id: String) in "\(id),2025-12-05 10:00,2025-12-05 10:00,kettle broke,c1,KT-1" }
    let csv = "\(Self.header)\n\(row("E1"))\n\(row("E2"))\r\(row("E3"))\n"
    let directory = try Self.project(["x.csv": Array(csv.utf8)])
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try PlaintBinary.run(
      ["validate", "--config", "plaint.yml", "--format", "json", "-q"], in: directory)
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.contains("\"rows_read\" : 3"))
    #expect(result.stdout.contains("\"accepted\" : 3"))
  }

  @Test func aFIFOExitsWithOneLine() throws {
    let directory = try Self.project(["a.csv": Self.rows(["2025-12-05 10:00"])])
    defer { try? FileManager.default.removeItem(at: directory) }
    let fifo = directory.appendingPathComponent("exports/b.csv").path
    #expect(mkfifo(fifo, 0o600) == 0)
    for result in [try Self.validate(directory), try Self.run(directory)] {
      #expect(result.status == 65)
      #expect(
        result.stderr.trimmingCharacters(in: .newlines)
          == "plaint: error: exports/b.csv: is a FIFO (named pipe), not a regular file; plaint reads only regular files (or .gz files)"
      )
    }
  }

  @Test func anEmptyFileNamesItsPathOnce() throws {
    let directory = try Self.project(["x.csv": []])
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try Self.validate(directory)
    #expect(result.status == 65)
    #expect(
      result.stderr.trimmingCharacters(in: .newlines)
        == "plaint: error: exports/x.csv: the file is empty")
    #expect(!result.stdout.contains("the file is empty"), "said once, on stderr: \(result.stdout)")
  }

  @Test(arguments: [".", "/dev/null"])
  func aConfigThatIsNoFileSaysWhatItIs(path: String) throws {
    let result = try PlaintBinary.run(["validate", "--config", path, "-q"])
    #expect(result.status == 78)
    let line = result.stderr.trimmingCharacters(in: .newlines)
    #expect(!line.contains("\n") && !line.contains("NSCocoaErrorDomain"))
    #expect(line.contains(path == "." ? "is a directory" : "is not a regular file"), "\(line)")
  }

  @Test func aLinkToAnotherFileShowsOnlyAShortEscapedExcerpt() throws {
    let directory = try Self.project([:])
    defer { try? FileManager.default.removeItem(at: directory) }
    let secret = directory.appendingPathComponent("secret.txt")
    let line = "token=" + String(repeating: "s3cr3t", count: 30)
    try (line + "\nmore\n").write(to: secret, atomically: true, encoding: .utf8)
    try FileManager.default.createSymbolicLink(
      atPath: directory.appendingPathComponent("exports/x.csv").path,
      withDestinationPath: secret.path)
    let result = try Self.validate(directory)
    #expect(result.status == 65)
    #expect(!result.stderr.contains(line))
    #expect(result.stderr.contains("…\""))
  }

  @Test(arguments: [
    (
      "2025-12,Kettles,consumer,100,\n2025-12,Kettles,consumer,120,\n", "sales.csv:3", "given twice"
    ),
    ("2025-12,Kettles,consumer,100.5,\n", "sales.csv:2", "not a whole number"),
    ("2025-12,Toasters,consumer,100,\n", "sales.csv:2", "not a product line of the taxonomy"),
  ])
  func badSalesRowsStopWithTheirLine(rows: String, place: String, words: String) throws {
    let directory = try Self.project(
      ["x.csv": Self.rows(["2025-12-05 10:00"])],
      sales: "period,product_line,tier,units,revenue\n" + rows)
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try Self.validate(directory)
    #expect(result.status == 65, "stderr: \(result.stderr)")
    #expect(result.stderr.contains(place) && result.stderr.contains(words), "\(result.stderr)")
  }

  /// A gzip bomb: 485 KB expanding to a 200 MB field. The field is cut at the cap and the
  /// process stays far below the field's size.
  @Test func aGzipBombStaysBoundedByTheFieldCap() throws {
    let directory = try Self.project([:])
    defer { try? FileManager.default.removeItem(at: directory) }
    let bomb = directory.appendingPathComponent("exports/x.csv.gz").path
    let script = """
      { printf '\(Self.header)\\nT1,2025-12-05 10:00,,'; head -c 200000000 /dev/zero | tr '\\000' a; \
      printf ',c1,KT-1\\nT2,2025-12-05 10:00,,kettle,c1,KT-1\\n'; } | gzip -1 > '\(bomb)'
      """
    let made = try PlaintBinary.run(executable: "/bin/sh", ["-c", script])
    try #require(made.status == 0, "\(made.stderr)")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: PlaintBinary.path)
    process.arguments = ["validate", "--config", "plaint.yml", "--format", "json", "-q"]
    process.currentDirectoryURL = directory
    let output = directory.appendingPathComponent("out.json")
    FileManager.default.createFile(atPath: output.path, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: output)
    process.standardError = FileHandle.nullDevice
    try process.run()
    // The peak resident size, polled from /proc while it runs.
    var peakKB = 0
    while process.isRunning {
      if let status = try? String(
        contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
      {
        peakKB = max(peakKB, Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0)
      }
      usleep(20_000)
    }
    #expect(process.terminationStatus == 0)
    #expect(peakKB < 150_000, "peak \(peakKB) KB")
    let json = try String(contentsOf: output, encoding: .utf8)
    #expect(json.contains("\"accepted\" : 2"))
    #expect(json.contains("1 field was longer than 1048576 bytes"))
  }
}
