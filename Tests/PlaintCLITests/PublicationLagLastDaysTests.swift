import Foundation
import Testing

/// Publication lag thins the most recent days most. A thin last month whose last days — or the
/// next month's first days — arrive at the usual daily rate is a drop, judged and flagged; a
/// month that thins towards its end is still filling in.
@Suite(.enabled(if: PlaintBinary.isBuilt, "build plaint first (make test does)"))
struct PublicationLagLastDaysTests {
  /// Kettles and toasters, 3 a day and 1 a day through 2024 and 2025, then
  /// January 2026 as `january` gives it: per day of the month, the share of the usual day kept.
  /// With `february`, the first 12 days of February at the usual rate, in a second export.
  static func fixture(january: (Int) -> Double, february: Bool = false) throws -> URL {
    let fixture = try FixtureFolder("plaint-lastdays")
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
        Toasters: {products: ["TS-*"]}
      """)
    try write(
      "plaint.yml",
      """
      store: ":memory:"
      timezone: UTC
      sources:
        - path: exports/*.csv
          profile: generic
          columns: {id: id, created: created, text: text, product: product}
      taxonomy: taxonomy.yml
      reports: {dir: reports}
      """)
    var id = 0
    let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    func day(_ year: Int, _ month: Int, _ day: Int, kept: Double = 1) -> [String] {
      let date = String(format: "%04d-%02d-%02d", year, month, day)
      var rows: [String] = []
      // 3 kettles and 1 toaster on a usual day; `kept` of them, rounded on the running total.
      for (product, usual) in [("KT-1", 3.0), ("TS-1", 1.0)] {
        let before = Int((Double(day - 1) * usual * kept).rounded())
        let through = Int((Double(day) * usual * kept).rounded())
        for _ in before..<through {
          id += 1
          rows.append("\(id),\(date)T10:00:00Z,Kettle stopped working,\(product)")
        }
      }
      return rows
    }
    func days(_ year: Int, _ month: Int) -> Int {
      month == 2 && year % 4 == 0 ? 29 : lengths[month - 1]
    }
    var main = ["id,created,text,product"]
    for year in 2024...2025 {
      for month in 1...12 {
        for d in 1...days(year, month) { main += day(year, month, d) }
      }
    }
    for d in 1...31 { main += day(2026, 1, d, kept: january(d)) }
    // The export runs through January 31 (whole by its days), however thin that day is.
    if main.last?.contains("2026-01-31") != true {
      id += 1
      main.append("\(id),2026-01-31T10:00:00Z,Kettle stopped working,KT-1")
    }
    try write("exports/a.csv", main.joined(separator: "\n") + "\n")
    if february {
      var later = ["id,created,text,product"]
      for d in 1...12 { later += day(2026, 2, d) }
      try write("exports/b.csv", later.joined(separator: "\n") + "\n")
    }
    return folder
  }

  static func run(_ folder: URL) throws -> (status: Int32, stdout: String, json: [String: Any]) {
    let result = try PlaintBinary.run(
      ["run", "--config", "plaint.yml", "--quiet", "--period", "2026-01", "--fail-on-anomaly"],
      in: folder)
    let data = try Data(
      contentsOf: folder.appendingPathComponent("reports/2026-01/report.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    return (result.status, result.stdout, json)
  }

  /// 70 % of January's rows gone from its first 24 days, its last 7 days full (B); the same with
  /// the first 12 days of February at the usual rate (B3). Both are judged, and the fall named.
  @Test(arguments: [false, true])
  func aDropWhoseLastDaysAreFullIsJudged(february: Bool) throws {
    let folder = try Self.fixture(january: { $0 <= 24 ? 0.3 : 1 }, february: february)
    defer { try? FileManager.default.removeItem(at: folder) }
    let (status, stdout, json) = try Self.run(folder)
    #expect(!stdout.contains("not judged"), "\(stdout)")
    #expect(stdout.hasPrefix("2026-01:"), "\(stdout)")
    #expect(status == 0 || status == 3, "\(stdout)")
    let coverage = json["coverage"] as? [String: Any] ?? [:]
    #expect(coverage["period"] as? String == "whole")
    let improved = (json["improvements"] as? [[String: Any]] ?? []).compactMap {
      $0["product_line"] as? String
    }
    #expect(improved.contains("Kettles"), "\(improved)")
  }

  /// A true ramp: January thins towards its end, its last week nearly empty. Still filling in,
  /// and the evidence names the last days.
  @Test func aMonthThinningTowardsItsEndIsStillFillingIn() throws {
    let folder = try Self.fixture(january: { $0 <= 10 ? 0.6 : $0 <= 24 ? 0.2 : 0.05 })
    defer { try? FileManager.default.removeItem(at: folder) }
    let (_, stdout, json) = try Self.run(folder)
    #expect(stdout.contains("not judged (still filling in)"), "\(stdout)")
    let coverage = json["coverage"] as? [String: Any] ?? [:]
    #expect(coverage["period"] as? String == "filling_in")
  }
}
