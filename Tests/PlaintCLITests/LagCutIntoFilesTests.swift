import Foundation
import PlaintTestSupport
import Testing

/// A late-publishing export cut into files: the monthly job (`--period last`) says what it says
/// of the one file, whatever the cut, where it once printed "12 complaints, 0 anomalies" over
/// cells it never judged (the newest month in a file of its own, with `covers:`) or exited 65
/// (a cut at the lag's first month, or inside it).
@Suite(.enabled(if: PlaintBinary.isBuilt, "build plaint first (make test does)"))
struct LagCutIntoFilesTests {
  /// The months counted back from the current one: 1 is the last complete month.
  static func month(_ back: Int) -> (year: Int, month: Int) {
    var utc = Calendar(identifier: .gregorian)
    utc.timeZone = TimeZone(identifier: "UTC") ?? .gmt
    let now = utc.dateComponents([.year, .month], from: Date())
    let index = (now.year ?? 2026) * 12 + (now.month ?? 1) - 1 - back
    return (index / 12, index % 12 + 1)
  }

  static func name(_ back: Int) -> String {
    let (year, month) = month(back)
    return String(format: "%04d-%02d", year, month)
  }

  /// The number of days in the month `back` months ago.
  static func length(_ back: Int) -> Int {
    let (year, month) = month(back)
    return month == 2 && year % 4 == 0
      ? 29 : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
  }

  static func date(_ back: Int, _ day: Int) -> String {
    "\(name(back))-" + String(format: "%02d", day)
  }

  /// About 10 complaints a day (7 kettles, 3 toasters) for two years, then the three newest
  /// months thinning as a late-publishing source's do: 1 or 2 a day, 2 on five days, 2 on four
  /// days through the 26th. Rows per day as (day, kettles, toasters).
  static let days: [(date: String, kettles: Int, toasters: Int)] = {
    var random = SplitMix64(seed: 2_026_112)
    var days: [(date: String, kettles: Int, toasters: Int)] = []
    for back in stride(from: 27, through: 4, by: -1) {
      for day in 1...length(back) {
        let drawn = random.poissonByInversion(10)
        var kettles = 0
        for _ in 0..<drawn where random.unit() < 0.7 { kettles += 1 }
        days.append((date(back, day), kettles, drawn - kettles))
      }
    }
    for day in 1...28 where day % 7 != 0 { days.append((date(3, day), 1, day % 3 == 0 ? 1 : 0)) }
    for day in [3, 9, 16, 22, 29] { days.append((date(2, day), 1, 1)) }
    for day in [5, 12, 19, 26] { days.append((date(1, day), 1, 1)) }
    return days
  }()

  /// The project, its rows cut before each of `cuts` (dates) into files of one source per file,
  /// with `covers: {through: …}` on the newest file through the last complete month's end when
  /// `covers` is set.
  static func project(
    cuts: [String], covers: Bool = false, newestProduct: String? = nil,
    days: [(date: String, kettles: Int, toasters: Int)] = days, language: String? = nil
  ) throws -> URL {
    let fixture = try FixtureFolder("plaint-lagcut")
    try fixture.write(
      "taxonomy.yml",
      """
      categories:
        product:
          issues:
            defect: {phrases: [stopped working]}
        other: {}
      product_lines:
        Kettles: {products: ["KT-*"]}
        Toasters: {products: ["TS-*"]}
      """)
    var files = Array(repeating: ["id,created,text,product"], count: cuts.count + 1)
    var id = 0
    for day in days {
      let file = cuts.filter { day.date >= $0 }.count
      for (product, count) in [("KT-1", day.kettles), ("TS-1", day.toasters)] {
        for _ in 0..<count {
          id += 1
          let product = file == cuts.count ? newestProduct ?? product : product
          files[file].append("\(id),\(day.date),Kettle stopped working,\(product)")
        }
      }
    }
    var sources = ""
    for (index, rows) in files.enumerated() {
      try fixture.write("exports/part-\(index).csv", rows.joined(separator: "\n") + "\n")
      sources += """
          - path: exports/part-\(index).csv
            profile: generic
            columns: {id: id, created: created, text: text, product: product}

        """
      if covers, index == cuts.count {
        sources += "    covers: {through: \(date(1, length(1)))}\n"
      }
    }
    try fixture.write(
      "plaint.yml",
      """
      store: ":memory:"
      timezone: UTC
      sources:
      \(sources)taxonomy: taxonomy.yml
      reports: {dir: reports\(language.map { ", language: \($0)" } ?? "")}
      """)
    return fixture.url
  }

  /// (label, cuts as (months back, day), `covers:` on the newest file)
  static let cases: [(String, [(Int, Int)], Bool)] = [
    ("one file", [], false),
    ("the newest month alone, with covers:", [(1, 1)], true),
    ("the newest month alone", [(1, 1)], false),
    ("cut at the lag's first month", [(3, 1)], false),
    ("cut inside the lag", [(2, 15), (1, 1)], false),
    ("cut inside the lag, covers: on the newest", [(2, 15), (1, 1)], true),
  ]

  @Test(arguments: cases.indices)
  func theMonthlyJobSaysWhatItSaysOfTheOneFile(_ index: Int) throws {
    let (label, cuts, covers) = Self.cases[index]
    let directory = try Self.project(
      cuts: cuts.map { Self.date($0.0, $0.1) }, covers: covers)
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try PlaintBinary.run(
      ["run", "--config", "plaint.yml", "-q", "--period", "last"], in: directory)
    #expect(run.status == 0, "\(label): \(run.stdout) \(run.stderr)")
    #expect(run.stdout.hasPrefix("\(Self.name(4)):"), "\(label): \(run.stdout)")
    #expect(
      run.stderr.contains(
        "\(Self.name(3)), \(Self.name(2)), \(Self.name(1)) are still filling in"),
      "\(label): \(run.stderr)")
    #expect(!run.stdout.contains("\(Self.name(1)):"), "\(label): \(run.stdout)")
  }

  /// The newest month in a file of its own whose rows are in no product line (another system's
  /// export, its product column matching no line): the month is covered by its days, but neither
  /// line is. The command line says it is not judged, never "0 anomalies".
  @Test func aMonthNoLineCoversIsNotJudgedOnTheCommandLine() throws {
    let directory = try Self.project(
      cuts: [Self.date(1, 1)], covers: true, newestProduct: "ZZ-1")
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try PlaintBinary.run(
      ["run", "--config", "plaint.yml", "-q", "--period", "last"], in: directory)
    #expect(run.status == 0, "\(run.stdout) \(run.stderr)")
    #expect(
      run.stdout.hasPrefix(
        "\(Self.name(1)): 8 complaints, not judged (Kettles, Toasters not covered whole by the exports)"
      ), "\(run.stdout)")
  }
  /// Ten days without a row in a busy month (about 100 expected), whether inside one file or
  /// at a cut between two: shorter than the two weeks a desk may close for, so the month is
  /// judged as whole, but the run says which days hold no row and how many were expected, in
  /// the line `--quiet` does not hide, and so does the report a reader opens next month
  /// (report.json, summary.md beside its count of anomalies, index.html). The same month
  /// without the hole says nothing of it.
  @Test(arguments: [false, true])
  func daysWithoutARowInAWholeMonthAreSaid(cutInTheHole: Bool) throws {
    let hole = (Self.date(6, 10)...Self.date(6, 19))
    let days = Self.days.filter { !hole.contains($0.date) }
    let cuts = cutInTheHole ? [Self.date(6, 15)] : []
    for (rows, expectsWarning) in [(days, true), (Self.days, false)] {
      let directory = try Self.project(cuts: cuts, days: rows)
      defer { try? FileManager.default.removeItem(at: directory) }
      let run = try PlaintBinary.run(
        ["run", "--config", "plaint.yml", "-q", "--period", Self.name(6)], in: directory)
      #expect(run.status == 0, "\(run.stdout) \(run.stderr)")
      #expect(run.stdout.hasPrefix("\(Self.name(6)):"), "\(run.stdout)")
      let said = run.stderr.contains(
        "\(Self.name(6)) is judged as covered whole, but no export has a row on the 10 days \(Self.date(6, 10)) to \(Self.date(6, 19)), where about "
      )
      #expect(said == expectsWarning, "\(run.stderr)")
      #expect(!run.stderr.contains("judged as covered whole") || expectsWarning, "\(run.stderr)")
      // A caveat, not a verdict: the line on stdout is the usual one.
      #expect(run.stdout.contains(" complaints, "), "\(run.stdout)")
      #expect(!run.stdout.contains("not judged"), "\(run.stdout)")

      let report = try Self.report(directory, Self.name(6))
      let stretches = report.coverage["empty_stretches"] as? [[String: Any]]
      let warnings = report.json["data_quality"].flatMap { $0 as? [String: Any] }?["warnings"]
      #expect((warnings as? [String])?.contains("empty_stretches") == expectsWarning)
      guard expectsWarning else {
        #expect(report.coverage.keys.contains("empty_stretches") == false, "\(report.coverage)")
        for page in [report.summary, report.html] {
          #expect(!page.contains("no export has a row"))
          #expect(!page.contains("without a row"))
        }
        continue
      }
      let stretch = try #require(stretches?.first, "\(report.coverage)")
      #expect(stretches?.count == 1)
      #expect(stretch["from"] as? String == Self.date(6, 10))
      #expect(stretch["through"] as? String == Self.date(6, 19))
      #expect(stretch["days"] as? Int == 10)
      // The log line is written from the report's own stretch.
      let expected = try #require(stretch["expected_rows"] as? Int)
      #expect((60...160).contains(expected), "\(expected)")
      let sentence =
        "\(Self.name(6)) is judged as covered whole, but no export has a row on the 10 days \(Self.date(6, 10)) to \(Self.date(6, 19)), where about \(expected) were expected: a closure, or rows missing from the exports? If rows are missing, this period's counts and verdicts are too low"
      #expect(run.stderr.contains(sentence), "\(run.stderr)")
      #expect(report.summary.contains("> **Note:** \(sentence)."), "\(report.summary)")
      let headline = report.summary.split(separator: "\n").first { $0.hasPrefix("**") }
      #expect(
        headline?.contains(" anomal") == true
          && headline?.hasSuffix(
            " · **10 days without a row on any export: counts may be too low**") == true,
        "\(headline ?? "")")
      #expect(
        report.html.contains(sentence.replacingOccurrences(of: "'", with: "&#39;") + "."),
        "\(report.html)")
      #expect(
        report.html.contains(
          "<div class=\"card alert\"><div class=\"value\">10</div><div class=\"label\">days without a row on any export: counts may be too low</div></div>"
        ))
      let violations = try ReportOutputTests.schemaViolations([
        directory.appendingPathComponent("reports/\(Self.name(6))/report.json")
      ])
      #expect(violations.isEmpty, "\(violations)")
    }
  }

  /// A report of an older month names the newest settled month, not itself, as the newest the
  /// exports cover whole and settled (a new user's run on the Housing Ombudsman export).
  @Test func anOlderMonthNamesTheNewestSettledOne() throws {
    let directory = try Self.project(cuts: [])
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try PlaintBinary.run(
      ["run", "--config", "plaint.yml", "-q", "--period", Self.name(6)], in: directory)
    #expect(run.status == 0, "\(run.stdout) \(run.stderr)")
    let summary = try Self.report(directory, Self.name(6)).summary
    #expect(
      summary.contains("\(Self.name(4)) is the newest period the exports cover whole and settled"),
      "\(summary)")
    #expect(!summary.contains("\(Self.name(6)) is the newest period"), "\(summary)")
  }

  /// The same caveat in a German report: translated, dates in the language's order, nothing
  /// left in English; report.json keeps its ISO dates.
  @Test func daysWithoutARowAreSaidInTheReportsLanguage() throws {
    let hole = (Self.date(6, 10)...Self.date(6, 19))
    let directory = try Self.project(
      cuts: [], days: Self.days.filter { !hole.contains($0.date) }, language: "de")
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try PlaintBinary.run(
      ["run", "--config", "plaint.yml", "-q", "--period", Self.name(6)], in: directory)
    #expect(run.status == 0, "\(run.stdout) \(run.stderr)")
    let report = try Self.report(directory, Self.name(6))
    let stretch = try #require(
      (report.coverage["empty_stretches"] as? [[String: Any]])?.first, "\(report.coverage)")
    #expect(stretch["from"] as? String == Self.date(6, 10))
    let expected = try #require(stretch["expected_rows"] as? Int)
    let (year, month) = Self.month(6)
    let from = String(format: "10.%02d.%04d", month, year)
    let through = String(format: "19.%02d.%04d", month, year)
    for page in [report.summary, report.html] {
      #expect(
        page.contains(
          "kein Export hat eine Zeile an den 10 Tagen vom \(from) bis \(through), an denen etwa \(expected) erwartet wurden"
        ), "\(page)")
      #expect(!page.contains("no export has a row"))
      #expect(!page.contains("without a row"))
    }
    #expect(
      report.summary.contains(
        " · **10 Tage ohne eine Zeile in irgendeinem Export: Die Zahlen können zu niedrig sein**"),
      "\(report.summary)")
  }

  /// report.json (whole, and its coverage section), summary.md and index.html of `period`.
  static func report(_ directory: URL, _ period: String) throws -> (
    json: [String: Any], coverage: [String: Any], summary: String, html: String
  ) {
    let folder = directory.appendingPathComponent("reports/\(period)")
    let json = try #require(
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: folder.appendingPathComponent("report.json"))) as? [String: Any])
    return (
      json, json["coverage"] as? [String: Any] ?? [:],
      try String(contentsOf: folder.appendingPathComponent("summary.md"), encoding: .utf8),
      try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
    )
  }
}
