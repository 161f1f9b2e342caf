import Foundation
import Testing

/// A period at the end of an export whose rows are published late is "still filling in": shown,
/// never judged, said in words; a genuine drop is still judged and flagged, a period that fills
/// in later is judged, and a series silent for its whole baseline gets no verdict against 0.
@Suite(.enabled(if: PlaintBinary.isBuilt, "build plaint first (make test does)"))
struct PublicationLagTests {
  /// Two years of kettle and toaster complaints, 60 and 40 a month (varying a little), then
  /// `tail`: each further month's (kettles, toasters). A few rows of the month after the tail, on
  /// its first ten days, make the last tail month whole by its days, as a real export that runs
  /// on into the next month does. `late` rows go to a second export, as published later.
  static func fixture(
    tail: [(Int, Int)], late: [(Int, Int)] = [], store: String = ":memory:",
    extraRows: [String] = []
  ) throws -> URL {
    let fixture = try FixtureFolder("plaint-lag")
    let folder = fixture.url
    let write = fixture.write
    try write(
      "taxonomy.yml",
      """
      categories:
        product:
          issues:
            defect: {phrases: [stopped working]}
        policy:
          issues:
            refund: {phrases: [refund refused]}
        other: {}
      product_lines:
        Kettles: {products: ["KT-*"]}
        Toasters: {products: ["TS-*"]}
      """)
    try write(
      "plaint.yml",
      """
      store: "\(store)"
      timezone: UTC
      sources:
        - path: exports/*.csv
          profile: generic
          columns: {id: id, created: created, text: text, product: product}
      taxonomy: taxonomy.yml
      slices: {landlord: landlord}
      reports: {dir: reports}
      """)
    var id = 0
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    func rows(_ count: Int, _ product: String, _ year: Int, _ month: Int, days: Int = 28)
      -> [String]
    {
      (0..<count).map { k in
        id += 1
        let day = count > 1 ? 1 + k * (days - 1) / (count - 1) : 1 + id % days
        return "\(id),\(year)-\(two(month))-\(two(day)),Kettle stopped working,\(product),Acme"
      }
    }
    let wobble = [0, 3, -2, 4, -3, 1, -1, 2, -4, 3, 0, -2]
    var main = ["id,created,text,product,landlord"]
    for index in 0..<24 {
      let (year, month) = (2024 + index / 12, index % 12 + 1)
      main += rows(60 + wobble[index % 12], "KT-1", year, month)
      main += rows(40 - wobble[(index + 5) % 12], "TS-1", year, month)
    }
    for (offset, (kettles, toasters)) in tail.enumerated() {
      let (year, month) = (2026 + offset / 12, offset % 12 + 1)
      main += rows(kettles, "KT-1", year, month)
      main += rows(toasters, "TS-1", year, month)
    }
    let after = tail.count
    main += rows(2, "KT-1", 2026 + after / 12, after % 12 + 1, days: 10)
    main += rows(2, "TS-1", 2026 + after / 12, after % 12 + 1, days: 10)
    main += extraRows
    try write("exports/a.csv", main.joined(separator: "\n") + "\n")
    if !late.isEmpty {
      var later = ["id,created,text,product,landlord"]
      id = 100_000
      for (offset, (kettles, toasters)) in late.enumerated() {
        let (year, month) = (2026 + offset / 12, offset % 12 + 1)
        later += rows(kettles, "KT-1", year, month)
        later += rows(toasters, "TS-1", year, month)
      }
      try write("exports/late.csv", later.joined(separator: "\n") + "\n")
    }
    return folder
  }

  static func run(_ folder: URL, _ arguments: [String] = []) throws -> (
    status: Int32, stdout: String, stderr: String
  ) {
    let result = try PlaintBinary.run(
      ["run", "--config", "plaint.yml", "--quiet"] + arguments, in: folder)
    return (result.status, result.stdout, result.stderr)
  }

  static func report(_ folder: URL, _ period: String) throws -> (
    json: [String: Any], summary: String, html: String
  ) {
    let directory = folder.appendingPathComponent("reports/\(period)")
    let data = try Data(contentsOf: directory.appendingPathComponent("report.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let summary = try String(
      contentsOf: directory.appendingPathComponent("summary.md"), encoding: .utf8)
    let html = try String(
      contentsOf: directory.appendingPathComponent("index.html"), encoding: .utf8)
    return (json, summary, html)
  }

  static func coverage(_ json: [String: Any]) -> [String: Any] {
    json["coverage"] as? [String: Any] ?? [:]
  }

  static func warnings(_ json: [String: Any]) -> [String] {
    (json["data_quality"] as? [String: Any])?["warnings"] as? [String] ?? []
  }

  /// The export thins out at its end (30 %, then 6 % of its level): the two months are still
  /// filling in. By default the report is the latest settled month, and the run and the report
  /// both name the newer months passed over (a quiet run included); named, a month still
  /// filling in is shown, not judged, and says so everywhere.
  @Test func aThinningEndIsStillFillingIn() throws {
    let folder = try Self.fixture(tail: [(18, 12), (4, 2)])
    defer { try? FileManager.default.removeItem(at: folder) }

    let latest = try Self.run(folder)
    #expect(latest.status == 0, "\(latest.stderr)")
    #expect(latest.stdout.hasPrefix("2025-12:"), "\(latest.stdout)")
    #expect(!latest.stdout.contains("not judged"), "\(latest.stdout)")
    let passedOver = latest.stderr.split(separator: "\n").filter { $0.contains("2026-01, 2026-02") }
    #expect(passedOver.count == 1, "one line names both months, under --quiet: \(latest.stderr)")
    #expect(
      passedOver.first?.contains(
        "reporting 2025-12, the newest month that can be judged; 2026-01, 2026-02 are still filling in (2026-01: 30 complaints in product lines"
      ) == true, "\(latest.stderr)")
    #expect(!latest.stderr.contains("only partly covered"), "\(latest.stderr)")
    let settled = try Self.report(folder, "2025-12")
    #expect(Self.warnings(settled.json).contains("later_filling_in"))
    for text in [settled.summary, settled.html] {
      #expect(
        text.contains(
          "Newer periods are in the data but still filling in, and are not judged in this report: 2026-01 and 2026-02."
        ), "\(text.prefix(3000))")
    }

    for (period, complaints) in [("2026-02", 6), ("2026-01", 30)] {
      let run = try Self.run(folder, ["--period", period])
      #expect(run.status == 0, "\(run.stderr)")
      #expect(run.stdout.contains("not judged (still filling in)"), "\(run.stdout)")
      let (json, summary, html) = try Self.report(folder, period)
      let coverage = Self.coverage(json)
      #expect(coverage["period"] as? String == "filling_in")
      let filling = try #require(coverage["filling_in"] as? [String: Any])
      #expect(filling["periods"] as? [String] == ["2026-01", "2026-02"])
      #expect(filling["complaints"] as? Int == complaints)
      #expect(filling["lines"] as? [String] == ["Kettles", "Toasters"])
      #expect(Self.warnings(json).first == "filling_in")
      #expect((json["anomalies"] as? [Any])?.isEmpty == true)
      #expect((json["improvements"] as? [Any])?.isEmpty == true)
      let gaps = coverage["gaps"] as? [[String: Any]] ?? []
      #expect(
        gaps.contains {
          $0["reason"] as? String == "filling_in" && $0["from"] as? String == "2026-01"
            && $0["through"] as? String == period
        }, "\(gaps)")
      #expect(
        summary.contains(
          "\(period) is still filling in: its \(complaints) complaints in product lines"))
      #expect(summary.contains("not judged (still filling in)"))
      #expect(html.contains("is still filling in"))
      let slice = (json["slices"] as? [[String: Any]])?.first
      #expect(slice?["period_coverage"] as? String == "filling_in")
      // Every cell and roll-up names its period as filling in, in report.json and grid.csv.
      for series in (json["cells"] as? [[String: Any]] ?? [])
        + (json["rollups"] as? [[String: Any]] ?? [])
      {
        let last = (series["series"] as? [[String: Any]])?.last
        #expect(last?["status"] as? String == "filling_in", "\(series["product_line"] ?? "")")
      }
      let grid = try String(
        contentsOf: folder.appendingPathComponent("reports/\(period)/grid.csv"), encoding: .utf8)
      let rows = grid.split(separator: "\n").filter { $0.hasPrefix(period) }
      #expect(!rows.isEmpty && rows.allSatisfy { $0.contains(",filling_in,") }, "\(rows)")
    }
  }

  /// A steady export ending in the same month as a lagging one does not hide the lag: each
  /// export's lines are tested on their own. Irons (a second export, 400 a month, steady) would
  /// dilute the kettles' and toasters' thin tail to a sum that is not far below its level, and
  /// every kettle and toaster cell would read as a fall. Instead those two lines are still
  /// filling in, their cells unjudged and named, while the irons are judged in the same month.
  @Test func aSteadyExportEndingTogetherDoesNotHideTheLag() throws {
    let folder = try Self.fixture(tail: [(18, 12), (4, 2)])
    defer { try? FileManager.default.removeItem(at: folder) }
    let taxonomy = folder.appendingPathComponent("taxonomy.yml")
    let lines = try String(contentsOf: taxonomy, encoding: .utf8)
    try (lines + "\n  Irons: {products: [\"IR-*\"]}\n").write(
      to: taxonomy, atomically: true, encoding: .utf8)
    var irons = ["id,created,text,product,landlord"]
    for month in 0..<26 {
      let (year, number) = (2024 + month / 12, month % 12 + 1)
      let name = number < 10 ? "0\(number)" : "\(number)"
      irons += (0..<400).map { k in
        let day = 1 + k * 27 / 399
        return "\(500_000 + month * 1_000 + k),\(year)-\(name)-\(day < 10 ? "0" : "")\(day),"
          + "Iron stopped working,IR-1,Acme"
      }
    }
    // The irons' export runs on into March as the kettles' does, to the same tenth day.
    irons += ["01", "04", "07", "10"].enumerated().map {
      "\(590_000 + $0),2026-03-\($1),Iron stopped working,IR-1,Acme"
    }
    try (irons.joined(separator: "\n") + "\n").write(
      to: folder.appendingPathComponent("exports/irons.csv"), atomically: true, encoding: .utf8)

    let run = try Self.run(folder)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.hasPrefix("2026-02:"), "\(run.stdout)")
    let (json, summary, _) = try Self.report(folder, "2026-02")
    let coverage = Self.coverage(json)
    #expect(coverage["period"] as? String == "whole")
    let filling = try #require(coverage["filling_in"] as? [String: Any])
    #expect(filling["lines"] as? [String] == ["Kettles", "Toasters"], "\(filling)")
    #expect(
      summary.contains("Still filling in in 2026-02") && summary.contains("Kettles and Toasters"),
      "\(summary.prefix(2000))")
    let improved = (json["improvements"] as? [[String: Any]] ?? []).compactMap {
      $0["product_line"] as? String
    }
    #expect(!improved.contains("Kettles") && !improved.contains("Toasters"), "\(improved)")
    let grid = try String(
      contentsOf: folder.appendingPathComponent("reports/2026-02/grid.csv"), encoding: .utf8)
    let rows = grid.split(separator: "\n").filter { $0.hasPrefix("2026-02,") }
    let lagging = rows.filter { $0.contains(",Kettles,") || $0.contains(",Toasters,") }
    #expect(!lagging.isEmpty && lagging.allSatisfy { $0.contains(",filling_in,") }, "\(lagging)")
    let steady = rows.filter { $0.contains(",product,Irons,") }
    #expect(!steady.isEmpty && steady.allSatisfy { !$0.contains("filling_in") }, "\(steady)")
  }

  /// An export that maps no product column (the Housing Ombudsman's, as `plaint init` maps it)
  /// puts every complaint in no product line. The lag is then tested on every complaint, and
  /// the words say so: the rule is not silently off because there is no line to test.
  @Test func anExportWithNoProductLineIsTestedOnEveryComplaint() throws {
    let folder = try Self.fixture(tail: [(18, 12), (4, 2)])
    defer { try? FileManager.default.removeItem(at: folder) }
    let config = folder.appendingPathComponent("plaint.yml")
    let mapped = try String(contentsOf: config, encoding: .utf8)
    try mapped.replacingOccurrences(of: ", product: product}", with: "}").write(
      to: config, atomically: true, encoding: .utf8)

    let latest = try Self.run(folder)
    #expect(latest.status == 0, "\(latest.stderr)")
    #expect(latest.stdout.hasPrefix("2025-12:"), "\(latest.stdout)")
    #expect(
      latest.stderr.contains(
        "2026-01, 2026-02 are still filling in (2026-01: 30 complaints (most are in no product line, so every complaint counts)"
      ), "\(latest.stderr)")
    let run = try Self.run(folder, ["--period", "2026-02"])
    #expect(run.stdout.contains("not judged (still filling in)"), "\(run.stdout)")
    let (json, summary, _) = try Self.report(folder, "2026-02")
    let filling = try #require(Self.coverage(json)["filling_in"] as? [String: Any])
    #expect(filling["counts"] as? String == "every_complaint")
    #expect(filling["complaints"] as? Int == 6)
    #expect(
      summary.contains(
        "2026-02 is still filling in: its 6 complaints (most are in no product line, so every complaint counts) are far below"
      ), "\(summary.prefix(2000))")
  }

  /// The rule counts the complaints of the product lines it tests; the headline counts every
  /// complaint. With two complaints in no product line the two differ, and each says what it
  /// counts: the report's note and the log line say "in product lines".
  @Test func theLagCountsSayWhatTheyCount() throws {
    let unassigned = ["2026-02-10", "2026-02-11"].enumerated().map { index, day in
      "\(800_000 + index),\(day),Blender stopped working,BL-1,Acme"
    }
    let folder = try Self.fixture(tail: [(18, 12), (4, 2)], extraRows: unassigned)
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try PlaintBinary.run(
      ["run", "--config", "plaint.yml", "--period", "2026-02"], in: folder)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.hasPrefix("2026-02: 8 complaints, not judged"), "\(run.stdout)")
    #expect(
      run.stderr.contains("evidence=6 complaints in product lines against about"), "\(run.stderr)")
    #expect(run.stderr.contains("30 in those lines in the period before"), "\(run.stderr)")
    let (json, summary, _) = try Self.report(folder, "2026-02")
    #expect((json["totals"] as? [String: Any])?["complaints"] as? Int == 8)
    #expect(
      Self.coverage(json)["filling_in"].flatMap { $0 as? [String: Any] }?["complaints"] as? Int == 6
    )
    #expect(summary.contains("**8 complaints**"), "\(summary)")
    #expect(summary.contains("its 6 complaints in product lines are far below"), "\(summary)")
  }

  /// The scale-out pipeline, which reads reduced partials and no tickets, finds the same
  /// months still filling in and writes the same bytes as `plaint run`, reduced or summarized
  /// (planned, or with the window's tickets).
  @Test(arguments: ScaleOutTests.Mode.allCases)
  func theScaleOutPipelineAgrees(mode: ScaleOutTests.Mode) throws {
    let folder = try Self.fixture(tail: [(18, 12), (4, 2)])
    defer { try? FileManager.default.removeItem(at: folder) }
    for period in ["2026-02", "2025-12"] {
      let run = try Self.run(folder, ["--period", period, "--reports-dir", "by-run"])
      #expect(run.status == 0, "\(run.stderr)")
      let split = try ScaleOutTests.scaleOut(
        config: "plaint.yml", in: folder, period: period,
        reports: folder.appendingPathComponent("by-partials").path, mode: mode)
      #expect(split.result.status == 0, "\(split.result.stderr)")
      #expect(split.result.stdout.contains(period == "2026-02" ? "still filling in" : "anomal"))
      try ScaleOutTests.expectSameReports(
        folder.appendingPathComponent("by-run/\(period)"),
        folder.appendingPathComponent("by-partials/\(period)"))
      try? FileManager.default.removeItem(at: folder.appendingPathComponent("scale-out"))
    }
  }

  /// A genuine drop is judged and flagged: toasters fall to a tenth while kettles hold their
  /// level (the mix moves, which publication lag does not do), and a drop of the whole export
  /// that holds for a second month is a step, not a ramp.
  @Test(arguments: [
    ("one line", [(60, 40), (60, 4)]),
    ("the whole export, held", [(24, 16), (24, 16)]),
  ])
  func aGenuineDropIsStillFlagged(_ name: String, _ tail: [(Int, Int)]) throws {
    let folder = try Self.fixture(tail: tail)
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try Self.run(folder)
    #expect(run.status == 0, "\(name): \(run.stderr)")
    #expect(run.stdout.hasPrefix("2026-02:"), "\(name): \(run.stdout)")
    #expect(!run.stdout.contains("not judged"), "\(name): \(run.stdout)")
    let (json, _, _) = try Self.report(folder, "2026-02")
    #expect(Self.coverage(json)["period"] as? String == "whole")
    #expect(!Self.warnings(json).contains("filling_in"))
    let improved = (json["improvements"] as? [[String: Any]] ?? []).compactMap {
      $0["product_line"] as? String
    }
    #expect(improved.contains("Toasters"), "\(name): \(improved)")
  }

  /// Reversible: the months that were filling in are judged once the late rows arrive.
  @Test func aMonthIsJudgedOnceItFillsIn() throws {
    let folder = try Self.fixture(tail: [(18, 12), (4, 2)], store: "plaint.db")
    defer { try? FileManager.default.removeItem(at: folder) }
    let before = try Self.run(folder, ["--period", "2026-02"])
    #expect(before.stdout.contains("not judged (still filling in)"), "\(before.stdout)")

    // The late rows: the rest of January's and February's complaints, in a second export.
    let later = try Self.fixture(tail: [(18, 12), (4, 2)], late: [(42, 28), (57, 39)])
    defer { try? FileManager.default.removeItem(at: later) }
    try FileManager.default.copyItem(
      at: later.appendingPathComponent("exports/late.csv"),
      to: folder.appendingPathComponent("exports/late.csv"))
    let after = try Self.run(folder)
    #expect(after.status == 0, "\(after.stderr)")
    #expect(after.stdout.hasPrefix("2026-02: 102 complaints, 0 anomalies"), "\(after.stdout)")
    let (json, summary, _) = try Self.report(folder, "2026-02")
    #expect(Self.coverage(json)["period"] as? String == "whole")
    let filling = Self.coverage(json)["filling_in"] as? [String: Any]
    #expect((filling?["periods"] as? [String])?.isEmpty == true)
    #expect(!summary.contains("filling in"))
  }

  /// Series silent for their whole baseline get no verdict against a centre of 0, but a burst
  /// must not vanish: at `min_count` (3) or more it is a watch, "appeared", with the exact test's
  /// p-value, in every output; below it, it is named as silent. A landlord silent for over a
  /// year is back with 3 complaints (Warwick) and another with 2 (Hollis); a cell that never
  /// had a complaint has 3 (policy / Toasters), another 2 (policy / Kettles).
  @Test func aSeriesSilentForItsWholeBaselineIsAWatchOnlyWhenItBursts() throws {
    var extra: [String] = []
    for (index, day) in ["2024-02-05", "2024-02-06"].enumerated() {
      extra.append("\(900_000 + index),\(day),Kettle stopped working,KT-1,Warwick")
      extra.append("\(900_050 + index),\(day),Kettle stopped working,KT-1,Hollis")
    }
    for (index, day) in ["2026-01-05", "2026-01-12", "2026-01-19"].enumerated() {
      extra.append("\(900_100 + index),\(day),Kettle stopped working,KT-1,Warwick")
      extra.append("\(900_200 + index),\(day),Toaster refund refused,TS-1,Acme")
    }
    for (index, day) in ["2026-01-07", "2026-01-21"].enumerated() {
      extra.append("\(900_300 + index),\(day),Kettle stopped working,KT-1,Hollis")
      extra.append("\(900_400 + index),\(day),Kettle refund refused,KT-1,Acme")
    }
    let folder = try Self.fixture(tail: [(60, 40)], extraRows: extra)
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try Self.run(folder, ["--period", "2026-01", "--fail-on-anomaly"])
    #expect(run.status == 0, "a watch is not an anomaly: \(run.stderr)")
    #expect(run.stdout.hasPrefix("2026-01: 110 complaints, 0 anomalies"), "\(run.stdout)")
    let (json, summary, html) = try Self.report(folder, "2026-01")

    // The cells: 3 after none is a watch with its p-value, outside the family (no q).
    let cells = json["cells"] as? [[String: Any]] ?? []
    func last(_ category: String, _ line: String) -> [String: Any]? {
      let cell = cells.first {
        $0["category"] as? String == category && $0["product_line"] as? String == line
      }
      return (cell?["series"] as? [[String: Any]])?.last
    }
    #expect(last("policy", "Toasters")?["status"] as? String == "watch")
    #expect(last("policy", "Kettles")?["status"] as? String == "silent_baseline")
    #expect(last("policy", "Kettles")?["count"] as? Int == 2)
    let watches = json["watches"] as? [[String: Any]] ?? []
    let toasters = try #require(watches.first { $0["product_line"] as? String == "Toasters" })
    #expect(toasters["rules"] as? [String] == ["appeared"])
    #expect(toasters["count"] as? Int == 3)
    #expect(toasters["q_value"] is NSNull)
    let periods = try #require(toasters["baseline_periods"] as? Int)
    let p = try #require(toasters["p_value"] as? Double)
    #expect(periods == 12)
    #expect(p > 0 && p < 0.001, "\(p)")
    let sentence = "appeared: 3 complaints after none in 12 periods (p "
    #expect(summary.contains("policy / Toasters / consumer (\(sentence)"))
    #expect(html.contains(sentence), "the watch table names the test")
    let method = "complaints now it is tested exactly against the baseline"
    #expect(summary.contains(method) && html.contains(method), "the method is stated")
    #expect(summary.contains("policy / Kettles / consumer (2)"), "\(summary)")
    #expect(!summary.contains("policy / Toasters / consumer (3)"), "a watch is not also silent")
    let csv = try String(
      contentsOf: folder.appendingPathComponent("reports/2026-01/anomalies.csv"), encoding: .utf8)
    #expect(
      csv.split(separator: "\n").contains {
        $0.hasPrefix("watch,") && $0.contains(",Toasters,") && $0.contains(",appeared,")
      }, "\(csv)")

    // The slice: Warwick's 3 is a watch that says what it is, Hollis's 2 is silent.
    let slice = try #require((json["slices"] as? [[String: Any]])?.first)
    let signals = slice["signals"] as? [[String: Any]] ?? []
    let warwick = try #require(signals.first { $0["value"] as? String == "Warwick" })
    #expect(warwick["status"] as? String == "watch")
    #expect(warwick["rules"] as? [String] == ["appeared"])
    #expect((warwick["baseline_periods"] as? Int ?? 0) >= 12)
    #expect(!signals.contains { $0["value"] as? String == "Hollis" }, "\(signals)")
    let words = "Watch: landlord Warwick appeared in 2026-01: 3 complaints after none in"
    #expect((warwick["text"] as? String)?.hasPrefix(words) == true, "\(warwick)")
    #expect(summary.contains(words), "\(summary)")
    #expect(html.contains(words))
    let values = slice["values"] as? [[String: Any]] ?? []
    let hollis = values.first { $0["value"] as? String == "Hollis" }
    #expect(hollis?["status"] as? String == "silent_baseline")
    #expect(
      summary.contains(
        "Values of landlord with complaints in 2026-01 after none in any period of their baseline, so no verdict against a centre of 0: Hollis."
      ), "\(summary)")
  }

  /// `--period last` on exports whose last months are still filling in — a source that always
  /// publishes late, every month — reports the newest month that can be judged, says in one
  /// line which months it passed over and why (even with `--quiet`), and exits as any written
  /// report does (0, or 3 with anomalies and `--fail-on-anomaly`); it never judges a month
  /// partly in.
  @Test func theLastCompletePeriodStillFillingInFallsBackToTheLatestJudgeable() throws {
    let folder = try Self.fixture(tail: [])
    defer { try? FileManager.default.removeItem(at: folder) }
    let name = try Self.writeMonthsToLastComplete(folder) { back in
      back == 2 ? 30 : back == 1 ? 6 : 100 + (back % 3) * 2
    }
    let (last, before, reported) = (name(1), name(2), name(3))

    let run = try Self.run(folder, ["--period", "last", "--fail-on-anomaly"])
    #expect(run.status == 0, "\(run.stdout) \(run.stderr)")
    #expect(run.stdout.hasPrefix("\(reported): "), "\(run.stdout)")
    #expect(!run.stdout.contains("not judged"), "\(run.stdout)")
    let lines = run.stderr.split(separator: "\n")
    #expect(lines.count == 1, "one line, even with --quiet: \(run.stderr)")
    let line = String(lines.first ?? "")
    for words in [
      "--period last: reporting \(reported), the newest month that can be judged",
      "\(before), \(last) are still filling in",
      "\(last): 6 complaints in product lines against about",
    ] {
      #expect(line.contains(words), "should say \(words): \(line)")
    }
    let (json, _, _) = try Self.report(folder, reported)
    #expect(Self.coverage(json)["period"] as? String == "whole")

    // With JSON logs (the systemd unit's), the same line is one JSON object at level warning.
    let logged = try Self.run(folder, ["--period", "last", "--log-format", "json"])
    #expect(logged.status == 0, "\(logged.stderr)")
    let objects = logged.stderr.split(separator: "\n")
    #expect(objects.count == 1, "\(logged.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data((objects.first ?? "").utf8))
    let entry = try #require(object as? [String: Any])
    #expect(entry["level"] as? String == "warning")
    #expect(
      (entry["message"] as? String)?.hasPrefix("--period last: reporting \(reported)") == true,
      "\(entry)")

    // Named, the last month is still shown, unjudged.
    let named = try Self.run(folder, ["--period", last])
    #expect(named.status == 0, "\(named.stderr)")
    #expect(named.stdout.contains("not judged (still filling in)"), "\(named.stdout)")
  }

  /// Writes 26 months ending with the calendar's last complete one (UTC) as the only export,
  /// `total(back)` rows in the month `back` months ago, spread from its first day to its last
  /// (to `lastDay` of the last month, when given); returns the name of the month `back` ago.
  static func writeMonthsToLastComplete(
    _ folder: URL, lastDay: Int? = nil, total: (Int) -> Int
  ) throws -> (Int) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? .gmt
    let thisMonth = try #require(
      calendar.date(from: calendar.dateComponents([.year, .month], from: Date())))
    var rows = ["id,created,text,product,landlord"]
    var names: [Int: String] = [:]
    for back in (1...26).reversed() {
      let start = try #require(calendar.date(byAdding: .month, value: -back, to: thisMonth))
      let parts = calendar.dateComponents([.year, .month], from: start)
      names[back] = String(format: "%04d-%02d", parts.year ?? 0, parts.month ?? 0)
      let monthDays = try #require(calendar.range(of: .day, in: .month, for: start)).count
      let days = back == 1 ? lastDay ?? monthDays : monthDays
      let count = total(back)
      for k in 0..<count {
        let day = try #require(
          calendar.date(byAdding: .day, value: k * (days - 1) / max(1, count - 1), to: start))
        let parts = calendar.dateComponents([.year, .month, .day], from: day)
        let created = String(
          format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        let product = k % 5 < 3 ? "KT-1" : "TS-1"
        rows.append("\(back * 1000 + k),\(created),Kettle stopped working,\(product),Acme")
      }
    }
    try (rows.joined(separator: "\n") + "\n").write(
      to: folder.appendingPathComponent("exports/a.csv"), atomically: true, encoding: .utf8)
    return { names[$0] ?? "" }
  }

  /// The newest month of a late-publishing source can lack its last days altogether (no late
  /// row for them yet): after months still filling in, and thinner still, `--period last` falls
  /// back to the newest month that can be judged and names it, on stderr and in the report. An
  /// export cut short is another matter, after months at their level ("steady") or after a drop
  /// that holds its rate up to the cut ("cut after a drop", no thinning): that month is partial,
  /// `--period last` exits 65, and the error says how to declare a source complete through days
  /// it logs nothing on.
  /// A late source whose newest month has no row at all yet still fails (an export that stopped
  /// looks the same), and the error names the months still filling in before it.
  /// The lag goes on when the newest month is no thicker per day than the month before and still
  /// far below the level, though not significantly thinner ("lag, not significantly thinner":
  /// 10 in 20 days after 24, against about 100 a month).
  @Test(arguments: [
    "lag", "lag, not significantly thinner", "steady", "cut after a drop", "lag, no row yet",
  ])
  func theLastMonthLacksItsLastDays(_ shape: String) throws {
    let folder = try Self.fixture(tail: [])
    defer { try? FileManager.default.removeItem(at: folder) }
    let name = try Self.writeMonthsToLastComplete(folder, lastDay: 20) { back in
      switch (shape, back) {
      case ("lag", 2): 30
      case ("lag", 1): 6
      case ("lag, not significantly thinner", 2): 24
      case ("lag, not significantly thinner", 1): 10
      case ("cut after a drop", 2): 40
      // The drop's rate held over the first 20 days: at least the month before's rate per day
      // whatever its length (40 in 28 to 31 days is 25.8 to 28.6 in 20).
      case ("cut after a drop", 1): 29
      // Collapsed (under a tenth of the level): its rows spread evenly over its days, so its
      // last week is at its own rate, and only the collapse says lag (a flat 20 % is judged).
      case ("lag, no row yet", 2): 8
      case ("lag, no row yet", 1): 0
      default: 100 + (back % 3) * 2
      }
    }
    let run = try Self.run(folder, ["--period", "last"])
    if shape.hasPrefix("lag") && shape != "lag, no row yet" {
      #expect(run.status == 0, "\(shape): \(run.stdout) \(run.stderr)")
      #expect(run.stdout.hasPrefix("\(name(3)): "), "\(run.stdout)")
      let line = run.stderr.split(separator: "\n").first.map(String.init) ?? ""
      for words in [
        "--period last: reporting \(name(3)), the newest month that can be judged",
        "\(name(2)), \(name(1)) are still filling in",
        "\(name(1)): covered only through \(name(1))-20, after periods still filling in",
      ] {
        #expect(line.contains(words), "should say \(words): \(line)")
      }
      let report = try Self.report(folder, name(3))
      let filling = Self.coverage(report.json)["filling_in"] as? [String: Any]
      #expect(filling?["periods"] as? [String] == [name(2), name(1)])
      #expect(
        report.summary.contains("not judged in this report: \(name(2)) and \(name(1))."),
        "\(report.summary.prefix(2000))")
    } else if shape == "lag, no row yet" {
      #expect(run.status == 65, "\(run.stdout) \(run.stderr)")
      #expect(run.stderr.contains("\(name(1)): no export covers this month"), "\(run.stderr)")
      #expect(
        run.stderr.contains("the months before it, \(name(2)), are still filling in"),
        "\(run.stderr)")
    } else {
      #expect(run.status == 65, "\(shape): \(run.stdout) \(run.stderr)")
      #expect(run.stderr.contains("the exports cover this month only through \(name(1))-20"))
      // The 20th is too far from the month's end for any `covers:` to reach: the error names
      // the last row and asks whether the export is cut short, with no setting to write.
      #expect(run.stderr.contains("last row is on \(name(1))-20"), "\(run.stderr)")
      #expect(run.stderr.contains("no `covers:` reaches"), "\(run.stderr)")
      #expect(run.stderr.contains("is the export cut short?"), "\(run.stderr)")
    }
  }

  /// `publication_lag: off` restores judging every whole period; a bad setting is one line.
  @Test func theRuleHasAKnob() throws {
    let folder = try Self.fixture(tail: [(18, 12), (4, 2)])
    defer { try? FileManager.default.removeItem(at: folder) }
    let config = folder.appendingPathComponent("plaint.yml")
    let text = try String(contentsOf: config, encoding: .utf8)
    try (text + "\npublication_lag: off\n").write(to: config, atomically: true, encoding: .utf8)
    let off = try Self.run(folder)
    #expect(off.stdout.hasPrefix("2026-02:"), "\(off.stdout)")
    #expect(!off.stdout.contains("not judged"), "\(off.stdout)")

    try (text + "\npublication_lag: {level: 2}\n").write(
      to: config, atomically: true, encoding: .utf8)
    let bad = try Self.run(folder)
    #expect(bad.status == 78, "\(bad.stderr)")
    #expect(bad.stderr.contains("publication_lag.level"), "\(bad.stderr)")

    // The rule is on by default; the one word the key takes is `off`, and the error says so.
    for word in ["on", "yes", "true"] {
      try (text + "\npublication_lag: \(word)\n").write(
        to: config, atomically: true, encoding: .utf8)
      let wrong = try Self.run(folder)
      #expect(wrong.status == 78, "\(word): \(wrong.stderr)")
      #expect(wrong.stderr.split(separator: "\n").count == 1, "\(wrong.stderr)")
      for words in ["`publication_lag`", "expected off", "got \"\(word)\""] {
        #expect(wrong.stderr.contains(words), "\(word) should say \(words): \(wrong.stderr)")
      }
    }
  }
}
