import Foundation
import PlaintCore
import PlaintReport
import PlaintStore
import PlaintTestSupport
import Testing

@testable import PlaintEngine

/// A Zendesk export of kettle complaints without sales: per month, how many tickets of each
/// issue, spread over every day of the month so each month is covered whole.
enum KettleExport {
  /// The phrase each issue's tickets say.
  static let texts = [
    "product.defect": "The kettle stopped working",
    "product.leak": "The kettle is leaking water",
    "product.noise": "The kettle is noisy",
    "service.slow_reply": "Nobody answered about my kettle",
  ]

  /// A project folder holding plaint.yml (with `control` appended), taxonomy.yml and the export.
  static func project(months: [(month: String, counts: [String: Int])], control: String = "")
    throws -> Scratch
  {
    let scratch = try Scratch()
    _ = try scratch.file(
      "plaint.yml",
      """
      store: ":memory:"
      period: month
      timezone: UTC
      sources:
        - path: zendesk.csv
          profile: zendesk
      taxonomy: taxonomy.yml
      reports:
        dir: reports
      \(control)
      """)
    _ = try scratch.file(
      "taxonomy.yml",
      """
      categories:
        product:
          issues:
            defect: {phrases: [stopped working]}
            leak: {phrases: [leaking]}
            noise: {phrases: [noisy]}
        service:
          issues:
            slow_reply: {phrases: [nobody answered]}
      product_lines:
        Kettles: {phrases: [kettle]}

      """)
    var rows = [
      "Id,Subject,Description,Status,Priority,Via,Requester,Requester email,Assignee,Category,"
        + "Product,Tags,Created at,Updated at,Solved at"
    ]
    var id = 1000
    for (month, counts) in months {
      let start = try #require(Period(month))
      let utc = TimeZone(identifier: "UTC") ?? .gmt
      let days = Int(
        (start.next(in: utc).start(in: utc).timeIntervalSince(start.start(in: utc)) / 86_400)
          .rounded())
      // Issues in a fixed order, interleaved over the days, so every day has tickets.
      var tickets: [String] = []
      for issue in counts.keys.sorted() {
        tickets += Array(repeating: issue, count: counts[issue] ?? 0)
      }
      var random = SplitMix64(seed: UInt64(bitPattern: Int64(id)))
      tickets.shuffle(using: &random)
      for (index, issue) in tickets.enumerated() {
        id += 1
        let day = 1 + index % days
        let at = "\(month)-\(day < 10 ? "0" : "")\(day) 09:00"
        let text = texts[issue] ?? "Hello"
        rows.append(
          "\(id),\(text),\(text),solved,normal,email,Person,"
            + "p\(id)@mail.example,Agent,,KT-1,,\(at),\(at),\(at)")
      }
    }
    _ = try scratch.file("zendesk.csv", rows.joined(separator: "\n") + "\n")
    return scratch
  }

  /// The report bundle of `period` for the project.
  static func bundle(_ scratch: Scratch, period: String) throws -> ReportBundle {
    let project = try scratch.ingested()
    let (configuration, context, store) = (project.configuration, project.context, project.store)
    let inputs = project.inputs
    let feed = StoreFeed(store: store, configuration: configuration)
    let base = try feed.baseCube()
    let coverage = try DataCoverage(store: store, context: context, contents: base.fileContents)
    return try ReportAssembly(
      configuration: configuration, context: context, store: store,
      period: try #require(Period(period)), inputs: inputs, reclassified: 0, coverage: coverage,
      base: base, feed: feed
    ).build()
  }

  /// `count` months from `start` ("YYYY-MM"), as "YYYY-MM" strings.
  static func months(from start: String, count: Int) throws -> [String] {
    var period = try #require(Period(start))
    var result: [String] = []
    for _ in 0..<count {
      result.append(period.description)
      period = period.next()
    }
    return result
  }
}

@Suite("Report charts: run charts, shares, drivers, every cell")
struct ReportChartsTests {
  @Test("a 4-period history gets a run chart, named as one, that says it is too short to judge")
  func fourPeriodHistoryGetsARunChart() throws {
    let months = try KettleExport.months(from: "2025-06", count: 4)
    let defects = [40, 52, 47, 58]
    let scratch = try KettleExport.project(
      months: months.enumerated().map { ($1, ["product.defect": defects[$0], "product.leak": 10]) }
    )
    defer { scratch.remove() }
    let bundle = try KettleExport.bundle(scratch, period: "2025-09")
    let report = bundle.report

    let cell = try #require(
      report.cells.first { $0.category == "product" && $0.productLine == "Kettles" })
    #expect(cell.series.last?.status == .insufficientHistory)
    let chart = try #require(report.runCharts.first { $0.category == "product" })
    #expect(chart.periods == 4)
    #expect(chart.median == 59.5)
    // Four points off the median: neither rule can fire below six, so no verdict and no limits.
    #expect(!chart.judged && chart.rules.isEmpty)
    #expect(chart.longestRunLimit == nil && chart.crossingsLimit == nil)
    // The service cell had no complaint at all: nothing to chart.
    #expect(!report.runCharts.contains { $0.category == "service" })

    let html = HTMLRenderer().render(bundle)
    #expect(html.contains("<section id=\"run-charts\""))
    #expect(html.contains("Short histories: run charts"))
    #expect(html.contains("Too few periods for a run chart: neither of Anhøj"))
    #expect(
      html.contains("on fewer than 6 periods off the median, and this cell has 4. No verdict."))
    #expect(!html.contains("Run chart of 4 whole periods"))
    #expect(!html.contains("No signal: the points vary about their median as chance would."))
    #expect(html.contains("aria-label=\"Run chart: product / Kettles / consumer\""))
    let markdown = MarkdownRenderer().render(bundle)
    #expect(markdown.contains("## Short histories: run charts"))
    #expect(markdown.contains("Too few periods for a run chart"))
    let csv = CSVRenderer().render(bundle).first { $0.name == "run-charts.csv" }?.contents ?? ""
    #expect(csv.contains("product,Kettles,consumer,4,59.5,4,1,,3,,,false,run chart (Anhøj)\n"))
  }

  @Test("a short history that rises month after month fires the long-run rule, and says so")
  func risingShortHistorySignals() throws {
    // Ten months, each with more defects than the one before; a control chart would need 12.
    let months = try KettleExport.months(from: "2024-06", count: 10)
    let scratch = try KettleExport.project(
      months: months.enumerated().map { ($1, ["product.defect": 35 + 3 * $0]) },
      control: "control: {baseline_periods: 12, min_baseline_periods: 12}")
    defer { scratch.remove() }
    let bundle = try KettleExport.bundle(scratch, period: months[9])
    let chart = try #require(bundle.report.runCharts.first { $0.category == "product" })
    #expect(chart.periods == 10)
    #expect(chart.longestRun == 5 && chart.longestRunLimit == 6)
    // Ten rising points cross their median once; 2 or more are expected by chance.
    #expect(chart.crossings == 1 && chart.crossingsLimit == 2)
    #expect(chart.rules == [.fewCrossings])
    let html = HTMLRenderer().render(bundle)
    #expect(
      html.contains(
        "Signal: too few crossings of the median (1, fewer than 2), so the level has shifted."))
  }

  @Test("without sales, a step in one issue's share of a level total is flagged by its p chart")
  func mixShiftIsFlaggedByTheShareChart() throws {
    // 18 months of 120 kettle complaints: each ticket's issue drawn at 50 % defect, 10 % leak,
    // 20 % noise, 20 % slow reply; in the last month leaks take 30 % and defects 30 %, so the
    // total and the product cell stay level while the mix moves.
    let months = try KettleExport.months(from: "2024-01", count: 18)
    var random = SplitMix64(seed: 15_4)
    var history: [(month: String, counts: [String: Int])] = []
    for (index, month) in months.enumerated() {
      let shifted = index == months.count - 1
      let weights: [(String, Double)] = [
        ("product.defect", shifted ? 0.3 : 0.5), ("product.leak", shifted ? 0.3 : 0.1),
        ("product.noise", 0.2), ("service.slow_reply", 0.2),
      ]
      var counts: [String: Int] = [:]
      for _ in 0..<120 {
        var draw = random.unit()
        for (issue, weight) in weights {
          draw -= weight
          if draw < 0 || issue == "service.slow_reply" {
            counts[issue, default: 0] += 1
            break
          }
        }
      }
      history.append((month, counts))
    }
    let scratch = try KettleExport.project(months: history)
    defer { scratch.remove() }
    let bundle = try KettleExport.bundle(scratch, period: months[17])
    let report = bundle.report

    // The count charts see nothing: the total and the product cell are level.
    #expect(report.method.exposure == ReportModel.Method.countExposure)
    #expect(!report.anomalies.contains { $0.category == "product" })
    let shares = try #require(report.shares)
    #expect(
      shares.issues.map(\.issue) == [
        "product.defect", "product.leak", "product.noise", "service.slow_reply",
      ])
    let leak = try #require(shares.flagged.first { $0.issue == "product.leak" })
    #expect(leak.kind == .anomaly)
    #expect([.p, .laneyP].contains(leak.chart))
    #expect(leak.rules.contains("beyond_limit"))
    #expect((leak.share ?? 0) > (leak.ucl ?? 1))
    #expect(leak.total == 120)
    // Every issue's series is shares of the same total, period by period.
    let last = shares.issues.compactMap { $0.series.last?.rate }.reduce(0, +)
    #expect(abs(last - 1) < 1e-9)

    let html = HTMLRenderer().render(bundle)
    #expect(html.contains("<section id=\"shares\">"))
    #expect(html.contains("Share chart of product.leak on a \(leak.chart.rawValue) chart"))
    // Beside it, the count chart of the product category, level throughout.
    let section = try #require(html.range(of: "<section id=\"shares\">"))
    let shown = html[section.lowerBound...]
    let end = try #require(shown.range(of: "</section>"))
    #expect(shown[..<end.lowerBound].contains("aria-label=\"Control chart: product / * / *\""))
    let markdown = MarkdownRenderer().render(bundle)
    #expect(markdown.contains("## Shares of all complaints"))
    // Under the anomalies, where the quiet cells would otherwise have the last word.
    #expect(
      markdown.contains(
        "The mix of complaints moved: the share of product.leak is above the upper limit of its "
          + "share chart."))
    #expect(markdown.contains("- product.leak: \(leak.count) of 120 complaints"))
    #expect(markdown.contains("\(leak.chart.rawValue) chart; anomaly"))
    let csv = CSVRenderer().render(bundle).first { $0.name == "shares.csv" }?.contents ?? ""
    #expect(csv.contains("\(months[17]),product.leak,\(leak.count),120,"))
  }

  @Test("with sales there are rates, so no share charts: shares is null and nothing is drawn")
  func salesMeanNoShares() throws {
    let months = try KettleExport.months(from: "2024-01", count: 14)
    let scratch = try KettleExport.project(
      months: months.map { ($0, ["product.defect": 40, "product.leak": 12]) })
    defer { scratch.remove() }
    let sales = months.map { "\($0),Kettles,consumer,10000" }
    _ = try scratch.file(
      "sales.csv", (["period,product_line,tier,units"] + sales).joined(separator: "\n") + "\n")
    let config = scratch.folder.appendingPathComponent("plaint.yml")
    let yaml = try String(contentsOf: config, encoding: .utf8)
      .replacingOccurrences(
        of: "taxonomy: taxonomy.yml", with: "taxonomy: taxonomy.yml\nsales: sales.csv")
    try yaml.write(to: config, atomically: true, encoding: .utf8)
    let bundle = try KettleExport.bundle(scratch, period: months[13])
    #expect(bundle.report.method.exposure == ReportModel.Method.salesExposure)
    #expect(bundle.report.shares == nil)
    #expect(!HTMLRenderer().render(bundle).contains("id=\"shares\""))
    let json = String(decoding: try JSONRenderer().render(bundle.report), as: UTF8.self)
    #expect(json.contains("\"shares\" : null"))
    let csv = CSVRenderer().render(bundle).first { $0.name == "shares.csv" }?.contents
    #expect(csv == "period,issue,count,total,share,center,ucl,lcl,status,chart\n")
  }

  @Test("each product line's vital few carry their change against the window before")
  func driversCompareWindows() throws {
    let months = try KettleExport.months(from: "2025-01", count: 8)
    let scratch = try KettleExport.project(
      months: months.enumerated().map { index, month in
        let last = index == months.count - 1
        return (
          month,
          [
            "product.defect": 40, "product.leak": last ? 45 : 15, "product.noise": 5,
            "service.slow_reply": 10,
          ]
        )
      })
    defer { scratch.remove() }
    let bundle = try KettleExport.bundle(scratch, period: months[7])
    let drivers = bundle.report.drivers
    #expect(drivers.periods == [months[7]])
    #expect(drivers.previousPeriods == [months[6]])
    let line = try #require(drivers.productLines.first { $0.productLine == "Kettles" })
    #expect(line.comparable)
    #expect(line.complaints == 100 && line.previousComplaints == 70)
    let leak = try #require(line.rows.first { $0.issue == "product.leak" })
    #expect(leak.vital && leak.count == 45 && leak.previousCount == 15 && leak.change == 30)
    #expect(line.rows.first?.issue == "product.leak")

    let html = HTMLRenderer().render(bundle)
    #expect(html.contains("<section id=\"drivers\">"))
    #expect(html.contains("What drives each product line"))
    let markdown = MarkdownRenderer().render(bundle)
    #expect(markdown.contains("product.leak: 45 (+30 against 15 before)"))
    let csv = CSVRenderer().render(bundle).first { $0.name == "drivers.csv" }?.contents ?? ""
    #expect(csv.contains("product_line,,*,Kettles,*,1,product.leak,45,"))
    #expect(csv.contains(",true,15,30\n"))
  }

  @Test("a window the exports cut short is not compared")
  func driversNotComparableAcrossAPartialWindow() throws {
    // The export starts on 10 February: February is partial, so March's change is not given.
    let scratch = try KettleExport.project(
      months: [("2025-03", ["product.defect": 40])], control: "")
    defer { scratch.remove() }
    let rows = try String(
      contentsOf: scratch.folder.appendingPathComponent("zendesk.csv"), encoding: .utf8)
    let february =
      "999,The kettle stopped working,The kettle stopped working,solved,normal,email,Person,"
      + "p999@mail.example,Agent,,KT-1,,2025-02-20 09:00,2025-02-20 09:00,2025-02-20 09:00"
    var lines = rows.split(separator: "\n").map(String.init)
    lines.insert(february, at: 1)
    _ = try scratch.file("zendesk.csv", lines.joined(separator: "\n") + "\n")
    let bundle = try KettleExport.bundle(scratch, period: "2025-03")
    let line = try #require(bundle.report.drivers.productLines.first)
    #expect(!line.comparable)
    #expect(line.rows.allSatisfy { $0.change == nil && $0.previousCount == nil })
    #expect(MarkdownRenderer().render(bundle).contains("not comparable"))
  }

  @Test("every cell gets a small chart, flagged or not, with gaps never drawn as values")
  func everyCellIsDrawn() throws {
    // Sixteen months with February 2025 missing from the export: a hole, not zero complaints.
    let months = try KettleExport.months(from: "2024-06", count: 16).filter { $0 != "2025-02" }
    let scratch = try KettleExport.project(
      months: months.map { ($0, ["product.defect": 40, "service.slow_reply": 31]) })
    defer { scratch.remove() }
    let bundle = try KettleExport.bundle(scratch, period: "2025-09")
    let html = HTMLRenderer().render(bundle)
    let section = try #require(html.range(of: "<section id=\"cells\">"))
    let cells = html[section.lowerBound...]
    let charts = cells.components(separatedBy: "class=\"chart mini\"").count - 1
    #expect(charts == bundle.report.cells.count)
    #expect(cells.contains("aria-label=\"Small chart: policy · Kettles\""))
    // The product chart: thirteen periods, the hole a shaded band and the line broken at it.
    let start = try #require(cells.range(of: "aria-label=\"Small chart: product · Kettles\""))
    let end = try #require(cells[start.upperBound...].range(of: "</svg>"))
    let product = cells[start.upperBound..<end.lowerBound]
    #expect(product.contains("<g class=\"gap\"><title>2025-02: not covered</title>"))
    #expect(product.components(separatedBy: "<polyline class=\"rate\"").count - 1 == 2)
    #expect(product.contains(">2024-09</text>") && product.contains(">2025-09</text>"))
    #expect(HTMLRenderer().render(bundle) == html)
  }

}
