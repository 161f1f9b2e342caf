import Foundation
import Testing

/// A lasting step up, shaped like the Housing Ombudsman's caseload: a report does not cry wolf
/// about it for years. Its first months are flagged; once it has held for `rebaseline_after`
/// periods the baseline follows it, and the report says so in words and in report.json.
@Suite(.enabled(if: PlaintBinary.isBuilt, "build plaint first (make test does)"))
struct LevelShiftReportTests {
  /// Four years of monthly decisions from 2021-01: housing associations' repair complaints at
  /// about 18 a month until 2023-06, then about 80 from 2023-07 on; councils' at about 10 and
  /// handling complaints at about 30 throughout. A few rows of 2025-01 make 2024-12 whole.
  static func fixture(control: String = "") throws -> URL {
    let fixture = try FixtureFolder("plaint-shift")
    let folder = fixture.url
    let write = fixture.write
    try write(
      "taxonomy.yml",
      """
      categories:
        product:
          issues:
            repairs: {phrases: [repair]}
        service:
          issues:
            handling: {phrases: [complaint handling]}
        other: {}
      product_lines:
        Housing associations: {products: ["Housing Association*"]}
        Councils: {products: ["Local Authority*"]}
      """)
    try write(
      "plaint.yml",
      """
      store: ":memory:"
      timezone: UTC
      sources:
        - path: exports/*.csv
          profile: generic
          columns: {id: id, created: created, text: text, product: landlord_type}
      taxonomy: taxonomy.yml
      reports: {dir: reports}
      \(control)
      """)
    var id = 0
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    func rows(_ count: Int, _ text: String, _ type: String, _ year: Int, _ month: Int) -> [String] {
      (0..<count).map { k in
        id += 1
        let day = 1 + (k * 27) / max(1, count - 1)
        return "\(id),\(year)-\(two(month))-\(two(day)),\(text),\(type)"
      }
    }
    let wobble = [0, 3, -2, 4, -3, 1, -1, 2, -4, 3, 0, -2]
    var lines = ["id,created,text,landlord_type"]
    for index in 0..<48 {
      let (year, month) = (2021 + index / 12, index % 12 + 1)
      let repairs = index < 30 ? 18 + wobble[index % 12] : 80 + 2 * wobble[(index + 3) % 12]
      lines += rows(repairs, "Repair not done", "Housing Association", year, month)
      lines += rows(
        10 + wobble[(index + 5) % 12] / 2, "Repair late", "Local Authority", year, month)
      lines += rows(
        30 + wobble[(index + 7) % 12], "Poor complaint handling", "Housing Association", year,
        month)
    }
    lines += rows(3, "Repair not done", "Housing Association", 2025, 1)
    lines += rows(2, "Repair late", "Local Authority", 2025, 1)
    try write("exports/decisions.csv", lines.joined(separator: "\n") + "\n")
    return folder
  }

  static func report(_ folder: URL, _ period: String) throws -> (
    json: [String: Any], summary: String, html: String, csv: String
  ) {
    let directory = folder.appendingPathComponent("reports/\(period)")
    let data = try Data(contentsOf: directory.appendingPathComponent("report.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    func text(_ name: String) throws -> String {
      try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }
    return (json, try text("summary.md"), try text("index.html"), try text("anomalies.csv"))
  }

  /// The housing associations' repair cell in report.json.
  static func repairs(_ json: [String: Any]) throws -> [String: Any] {
    let cells = try #require(json["cells"] as? [[String: Any]])
    return try #require(
      cells.first {
        $0["category"] as? String == "product"
          && $0["product_line"] as? String == "Housing associations"
      })
  }

  static func anomalies(_ json: [String: Any]) -> [[String: Any]] {
    json["anomalies"] as? [[String: Any]] ?? []
  }

  /// The step's first months are anomalies, as they were before the rule.
  @Test func theFirstMonthsOfTheStepAreFlagged() throws {
    let folder = try Self.fixture()
    defer { try? FileManager.default.removeItem(at: folder) }
    for (period, status) in [("2023-07", "new"), ("2023-09", "continuing")] {
      let result = try PlaintBinary.run(
        ["run", "--config", "plaint.yml", "--quiet", "--period", period], in: folder)
      #expect(result.status == 0, "\(result.stderr)")
      let (json, _, _, _) = try Self.report(folder, period)
      let flagged = Self.anomalies(json).first {
        $0["category"] as? String == "product"
          && $0["product_line"] as? String == "Housing associations"
      }
      #expect(flagged?["status"] as? String == status, "\(period)")
    }
  }

  /// The seventh month of the step (six after the one that opened it) is still flagged and names the shift it confirms; later
  /// months are judged against the new level and say so, in every format.
  @Test func theShiftIsConfirmedNamedAndFollowed() throws {
    let folder = try Self.fixture()
    defer { try? FileManager.default.removeItem(at: folder) }
    var result = try PlaintBinary.run(
      ["run", "--config", "plaint.yml", "--quiet", "--period", "2024-01"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    var report = try Self.report(folder, "2024-01")
    #expect(Self.anomalies(report.json).contains { $0["status"] as? String == "continuing" })
    #expect(report.summary.contains("level shift since 2023-07, new level about "))
    #expect(
      report.summary.contains("confirmed in 2024-01; judged against the new level from 2024-02"))

    result = try PlaintBinary.run(
      ["run", "--config", "plaint.yml", "--quiet", "--period", "2024-03"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    report = try Self.report(folder, "2024-03")
    let cell = try Self.repairs(report.json)
    #expect(Self.anomalies(report.json).isEmpty, "\(Self.anomalies(report.json))")
    let baseline = try #require(cell["baseline"] as? [String: Any])
    #expect(baseline["kind"] as? String == "rolling")
    #expect(baseline["window"] as? [String] == ["2023-08", "2024-02"])
    #expect(baseline["periods"] as? Int == 7)
    let shift = try #require(baseline["shift"] as? [String: Any])
    #expect(shift["since"] as? String == "2023-07")
    #expect(shift["confirmed"] as? String == "2024-01")
    #expect(shift["judged_from"] as? String == "2024-02")
    #expect(shift["direction"] as? String == "up")
    let level = try #require(shift["level"] as? Double)
    let before = try #require(shift["level_before"] as? Double)
    #expect(abs(level - 80) < 5 && abs(before - 18) < 3, "\(level) against \(before)")
    for text in [report.summary, report.html] {
      #expect(text.contains("level shift since 2023-07"))
      #expect(text.contains("judged against the new level since 2024-02"))
    }
    #expect(!report.summary.contains("continuing"))
  }

  /// Years after the step, the report is quiet about it: no "continuing (18)" against the
  /// level of 2022; anomalies.csv names each row's baseline window.
  @Test func yearsLaterTheStepIsNotAnAnomaly() throws {
    let folder = try Self.fixture()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try PlaintBinary.run(["run", "--config", "plaint.yml", "--quiet"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("2024-12"), "\(result.stdout)")
    let report = try Self.report(folder, "2024-12")
    #expect(Self.anomalies(report.json).isEmpty, "\(Self.anomalies(report.json))")
    let baseline = try #require(try Self.repairs(report.json)["baseline"] as? [String: Any])
    #expect(baseline["window"] as? [String] == ["2023-12", "2024-11"])
    #expect(baseline["shift"] == nil)
    #expect(report.csv.hasPrefix("kind,id,"))
    #expect(
      report.csv.split(separator: "\n").first?.hasSuffix(
        "baseline_first,baseline_last,baseline_periods,shift_since") == true)

    // Without the rule the baseline stays at 2023's first half and the step is an anomaly for
    // eighteen months running.
    let off = try Self.fixture(control: "control: {rebaseline_after: off}")
    defer { try? FileManager.default.removeItem(at: off) }
    _ = try PlaintBinary.run(["run", "--config", "plaint.yml", "--quiet"], in: off)
    let old = try Self.report(off, "2024-12")
    let stuck = Self.anomalies(old.json).first {
      $0["category"] as? String == "product"
        && $0["product_line"] as? String == "Housing associations"
    }
    #expect(stuck?["streak"] as? Int == 18)
    let method = try #require(old.json["method"] as? [String: Any])
    #expect(method["rebaseline_after"] is NSNull)
  }

  /// A bad value names the key and what is accepted.
  @Test(arguments: [("1", "1 is out of range"), ("often", "got \"often\"")])
  func aBadValueIsRefused(value: String, words: String) throws {
    let folder = try Self.fixture(control: "control: {rebaseline_after: \(value)}")
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try PlaintBinary.run(["run", "--config", "plaint.yml", "--quiet"], in: folder)
    #expect(result.status == 78)
    #expect(result.stderr.contains("rebaseline_after"), "\(result.stderr)")
    #expect(result.stderr.contains(words), "\(result.stderr)")
    #expect(result.stderr.contains("or off"), "\(result.stderr)")
  }
}

/// Freezing after a level shift freezes the new level, not a mix of the two.
@Suite(.enabled(if: PlaintBinary.isBuilt, "build plaint first (make test does)"))
struct LevelShiftFreezeTests {
  @Test func aBaselineFrozenAfterAShiftHoldsOnlyTheNewLevel() throws {
    let folder = try LevelShiftReportTests.fixture()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = ["--config", "plaint.yml", "--store", "plaint.db", "-q"]
    let run = try PlaintBinary.run(["run"] + store + ["--period", "2024-03"], in: folder)
    #expect(run.status == 0, "\(run.stderr)")
    let freeze = try PlaintBinary.run(
      ["baseline", "freeze", "--through", "2024-03"] + store, in: folder)
    #expect(freeze.status == 0, "\(freeze.stderr)")
    let show = try PlaintBinary.run(["baseline", "show"] + store, in: folder)
    let row = show.stdout.split(separator: "\n").first {
      $0.hasPrefix("product / Housing associations / consumer\t")
    }
    let columns = try #require(row, "\(show.stdout)").split(separator: "\t").map(String.init)
    #expect(columns[1].hasPrefix("2023-08"), "\(columns)")
    #expect(columns[2] == "8", "\(columns)")
  }
}
