import Foundation
import Testing

/// A period covered whole in which no cell could be judged says why, where it once said
/// "0 anomalies" as if every cell had been judged and found in control. A new user's first run
/// on the Housing Ombudsman's export, with the config `plaint init --from` writes (no product
/// column, the starter's product lines), printed "867 complaints, 0 anomalies" with every
/// complaint in no product line.
@Suite(.enabled(if: PlaintBinary.isBuilt, "build plaint first (make test does)"))
struct NothingJudgedTests {
  /// About 20 complaints a day from 2025-01-01 through the last day of `months`, every one with
  /// the product `product`, in a project whose lines are Kettles (`KT-*`) and Toasters
  /// (`TS-*`), its reports in `language`.
  static func project(product: String, months: Int, language: String = "en") throws -> URL {
    let fixture = try FixtureFolder("plaint-nothingjudged")
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
    var rows = ["id,created,text,product"]
    for month in 1...months {
      for day in 1...28 {
        for row in 0..<(18 + (day * month) % 5) {
          let date = String(format: "2025-%02d-%02d", month, day)
          let time = String(format: "%02d:10:00Z", row % 24)
          rows.append("\(rows.count),\(date)T\(time),It stopped working,\(product)")
        }
      }
      // The month's last days, so that every month is covered to its end.
      for day in 29...31 where day <= Self.days(inMonth: month) {
        let date = String(format: "2025-%02d-%02d", month, day)
        for row in 0..<20 {
          let time = String(format: "%02d:20:00Z", row)
          rows.append("\(rows.count),\(date)T\(time),It stopped working,\(product)")
        }
      }
    }
    try fixture.write("exports/tickets.csv", rows.joined(separator: "\n") + "\n")
    try fixture.write(
      "plaint.yml",
      """
      store: ":memory:"
      timezone: UTC
      period: month
      sources:
        - path: exports/tickets.csv
          profile: generic
          columns: {id: id, created: created, text: text, product: product}
      taxonomy: taxonomy.yml
      reports: {dir: reports, language: \(language)}
      """)
    return fixture.url
  }

  static func days(inMonth month: Int) -> Int {
    [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
  }

  static func run(_ directory: URL, _ period: String) throws -> PlaintBinary.Result {
    try PlaintBinary.run(
      ["run", "--config", "plaint.yml", "-q", "--period", period], in: directory)
  }

  static func summary(_ directory: URL, _ period: String) throws -> String {
    try String(
      contentsOf: directory.appendingPathComponent("reports/\(period)/summary.md"), encoding: .utf8)
  }

  /// Every complaint's product matches no line: the command line, the headline and the
  /// anomalies section say no complaint is in a product line, and how to give them one.
  @Test func complaintsInNoProductLineAreNotJudged() throws {
    let directory = try Self.project(product: "XX-1", months: 12)
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try Self.run(directory, "2025-12")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      run.stdout.contains("complaints, not judged (no complaint is in a product line)"),
      "\(run.stdout)")
    #expect(!run.stdout.contains("anomalies"), "\(run.stdout)")
    let summary = try Self.summary(directory, "2025-12")
    #expect(summary.contains("**not judged (no complaint is in a product line)**"), "\(summary)")
    #expect(!summary.contains("0 anomalies"), "\(summary)")
    #expect(
      summary.contains(
        "No cell is judged in 2025-12: none of its complaints is in a product line"),
      "\(summary)")
    #expect(!summary.contains("enough history"), "\(summary)")
    // No verdicts to speak for a minority of the complaints.
    #expect(!summary.contains("the verdicts speak for a minority"), "\(summary)")
    #expect(!run.stderr.contains("the judged cells hold under half"), "\(run.stderr)")
  }

  /// The same in German: the headline's words are the language's own.
  @Test func theReasonIsSaidInTheReportsLanguage() throws {
    let directory = try Self.project(product: "XX-1", months: 12, language: "de")
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try Self.run(directory, "2025-12")
    #expect(run.status == 0, "\(run.stderr)")
    let summary = try Self.summary(directory, "2025-12")
    #expect(
      summary.contains("**nicht beurteilt (keine Beschwerde gehört zu einer Produktlinie)**"),
      "\(summary)")
    #expect(!summary.contains("0 Anomalien"), "\(summary)")
  }

  /// Two months of history are too few for a baseline: nothing is judged, and the command line
  /// says so instead of "0 anomalies".
  @Test func tooLittleHistoryIsNotJudged() throws {
    let directory = try Self.project(product: "KT-1", months: 2)
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try Self.run(directory, "2025-02")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      run.stdout.contains("complaints, not judged (too little history)"), "\(run.stdout)")
    let summary = try Self.summary(directory, "2025-02")
    #expect(summary.contains("**not judged (too little history)**"), "\(summary)")
    #expect(summary.contains("No cell had enough history to be judged in 2025-02."))
  }

  /// The control: the same export with its complaints in a line is judged, and the command
  /// line gives the count of anomalies.
  @Test func complaintsInALineAreJudged() throws {
    let directory = try Self.project(product: "KT-1", months: 12)
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try Self.run(directory, "2025-12")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(!run.stdout.contains("not judged"), "\(run.stdout)")
    #expect(run.stdout.contains(" anomal"), "\(run.stdout)")
  }
}
