import Foundation
import Testing

/// Missing data is never zero for a slice value: a value's history starts at its first
/// complaint, a file's or a system's at the span its exports cover; the family holds only the
/// values that can signal; a period the exports do not wholly cover is not judged.
@Suite(.enabled(if: PlaintBinary.isBuilt, "build plaint first (make test does)"))
struct SliceHistoryTests {
  /// Two exports: a.csv from January 2025 with priorities low and normal every month and
  /// "legacy" for its first eight months only; b.csv in the last month only, every row "urgent".
  /// With `throughMarch`, a.csv also holds 1–10 March 2026 (a partial period).
  static func fixture(
    throughMarch: Bool = false, store: String = ":memory:", extra: String = "",
    slices: String = "slices: {priority: Priority, file: \"@file\"}\n"
  ) throws -> URL {
    let fixture = try FixtureFolder("plaint-slice-history")
    let folder = fixture.url
    let write = fixture.write
    try write(
      "taxonomy.yml",
      """
      categories:
        product:
          issues:
            defect: {phrases: [stopped working]}
        other: {}
      product_lines:
        Kettles: {products: ["KT-*"]}
      """)
    try write(
      "plaint.yml",
      """
      store: "\(store)"
      timezone: UTC
      sources:
        - path: exports/a.csv
          profile: zendesk
        - path: exports/b.csv
          profile: zendesk
      taxonomy: taxonomy.yml
      reports: {dir: reports}

      """ + slices + extra)
    let header =
      "Id,Subject,Description,Status,Priority,Via,Requester,Requester email,Assignee,Category,Product,Tags,Created at,Updated at,Solved at"
    var id = 1000
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    func rows(_ count: Int, _ priority: String, _ year: Int, _ month: Int, days: Int = 28)
      -> [String]
    {
      (0..<count).map { k in
        id += 1
        let day = count > 1 ? 1 + k * (days - 1) / (count - 1) : 1
        let created = "\(year)-\(two(month))-\(two(day)) 10:00"
        return
          "\(id),Kettle stopped working,Kettle stopped working,solved,\(priority),email,P,p\(id)@mail.example,Ann,,KT-1,,\(created),\(created),"
      }
    }
    var a = [header]
    for index in 0..<14 {
      let (year, month) = (2025 + (index >= 12 ? 1 : 0), index % 12 + 1)
      a += rows(28, "low", year, month)
      a += rows(28, "normal", year, month)
      if index < 8 { a += rows(5, "legacy", year, month) }
    }
    if throughMarch {
      a += rows(10, "low", 2026, 3, days: 10)
      a += rows(10, "normal", 2026, 3, days: 10)
    }
    try write("exports/a.csv", a.joined(separator: "\n") + "\n")
    try write(
      "exports/b.csv", ([header] + rows(15, "urgent", 2026, 2)).joined(separator: "\n") + "\n")
    return folder
  }

  static func run(_ folder: URL, period: String) throws -> (json: [String: Any], summary: String) {
    let result = try PlaintBinary.run(
      ["run", "--config", "plaint.yml", "--period", period, "--quiet"], in: folder)
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let reports = folder.appendingPathComponent("reports/\(period)")
    let data = try Data(contentsOf: reports.appendingPathComponent("report.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let summary = try String(
      contentsOf: reports.appendingPathComponent("summary.md"), encoding: .utf8)
    return (json, summary)
  }

  static func section(_ json: [String: Any], _ name: String) throws -> [String: Any] {
    let sections = try #require(json["slices"] as? [[String: Any]])
    return try #require(sections.first { $0["name"] as? String == name })
  }

  static func status(_ section: [String: Any], _ value: String) -> String? {
    let values = section["values"] as? [[String: Any]] ?? []
    return values.first { $0["value"] as? String == value }?["status"] as? String
  }

  /// A value first seen this period, and a file that covers this period only, have no history
  /// to judge against: no verdict ("history too short"), never an anomaly against 0.
  @Test func aNewValueOrFileHasNoVerdictNotAnAnomalyAgainstZero() throws {
    let folder = try Self.fixture()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (json, summary) = try Self.run(folder, period: "2026-02")
    let priority = try Self.section(json, "priority")
    #expect((priority["signals"] as? [Any])?.isEmpty == true, "\(priority["signals"] ?? "")")
    #expect(Self.status(priority, "urgent") == "insufficient_history")
    #expect(priority["short_history"] as? Int == 1)
    let file = try Self.section(json, "file")
    let fileSignals = file["signals"] as? [[String: Any]] ?? []
    #expect(!fileSignals.contains { $0["value"] as? String == "exports/b.csv" }, "\(fileSignals)")
    #expect(Self.status(file, "exports/b.csv") == "insufficient_history")
    #expect(!summary.contains("against 0 expected"), "\(summary)")
    // b.csv holds a fifth of February's kettle complaints and none before: that is when it was
    // exported, not where a problem sits, so it is no concentration.
    #expect(!summary.contains("had file"), "\(summary)")
    #expect(
      summary.contains(
        "Values of priority with complaints in 2026-02 but a history too short to judge (fewer than 6 whole periods), so no verdict: urgent."
      ), "\(summary)")
  }

  /// The family holds only the values with a complaint this period: "legacy", quiet for months,
  /// and "urgent", too new, are not tested; the note says so in words that agree with 1 or many.
  @Test func theFamilyCountsOnlyValuesThatCanSignal() throws {
    let folder = try Self.fixture()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (json, summary) = try Self.run(folder, period: "2026-02")
    #expect(try Self.section(json, "priority")["values_tested"] as? Int == 2)
    #expect(try Self.section(json, "file")["values_tested"] as? Int == 1)
    #expect(
      summary.contains(
        "(column Priority), on a count chart per value, since no volume is known by value; a value's history starts at its first complaint. Benjamini–Hochberg at 0.03 over the values with a complaint this period and enough history: 2."
      ), "\(summary)")
    #expect(summary.contains("Complaints per period for each value of file (the export file)"))
    #expect(!summary.contains("over the 1 values"))
    #expect(summary.contains("No value of priority is out of control in 2026-02."))
  }

  /// A period the exports cover in part is not judged: the section says so, not "no value is
  /// out of control".
  @Test func aPartialPeriodIsNotJudged() throws {
    let folder = try Self.fixture(throughMarch: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let (json, summary) = try Self.run(folder, period: "2026-03")
    #expect(try Self.section(json, "priority")["period_coverage"] as? String == "partial")
    #expect(!summary.contains("No value of priority is out of control"), "\(summary)")
    #expect(
      summary.contains(
        "The values of priority were not judged in 2026-03: the exports cover only part of the period."
      ), "\(summary)")
  }

  /// A slice added to plaint.yml after the exports were read has no value in the store:
  /// `plaint report` (which reads no export) fails with one line naming the slice and telling
  /// the user to run `plaint run`, instead of reporting every complaint as without a value.
  @Test func aSliceAddedAfterIngestFailsPlaintReport() throws {
    let folder = try Self.fixture(store: "plaint.db", slices: "")
    defer { try? FileManager.default.removeItem(at: folder) }
    let first = try PlaintBinary.run(
      ["run", "--config", "plaint.yml", "--period", "2026-02", "--quiet"], in: folder)
    #expect(first.status == 0, "stderr: \(first.stderr)")
    let config = folder.appendingPathComponent("plaint.yml")
    let yaml = try String(contentsOf: config, encoding: .utf8)
    try (yaml + "slices: {priority: Priority}\n").write(
      to: config, atomically: true, encoding: .utf8)
    let report = try PlaintBinary.run(
      ["report", "--config", "plaint.yml", "--period", "2026-02", "--quiet"], in: folder)
    #expect(report.status == 78, "stderr: \(report.stderr)")
    #expect(report.stderr.split(separator: "\n").count == 1, "\(report.stderr)")
    #expect(
      report.stderr.contains(
        "exports/a.csv: `slices.priority` was set after this export was read, so the store holds no value of it; run `plaint run` to read the exports again"
      ), "\(report.stderr)")
    // `plaint run` reads the exports again and the slice has its values.
    let (json, _) = try Self.run(folder, period: "2026-02")
    #expect(try Self.section(json, "priority")["without_value"] as? Int == 0)
  }
}
