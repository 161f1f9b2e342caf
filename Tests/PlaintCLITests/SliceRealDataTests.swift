import Foundation
import Testing

private let cfpbSample = PlaintBinary.repositoryRoot.deletingLastPathComponent()
  .appendingPathComponent("shared/realdata/cfpb-sample/complaints_sample_tgschwartz.csv")

/// A regulator's export sliced by company (the CFPB sample in ../shared/realdata; skipped when
/// absent): in February 2019 the credit-reporting complaints step up, and the report says which
/// company drove the step — in the line's cells (a watch) and on the company's own chart.
@Suite(
  .enabled(if: PlaintBinary.isBuilt, "build plaint first (make test does)"),
  .enabled(
    if: FileManager.default.fileExists(atPath: cfpbSample.path),
    "../shared/realdata is not present"))
struct SliceRealDataTests {
  @Test func theCompanyBehindACreditReportingStepIsNamed() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("plaint-slices-cfpb-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let exports = folder.appendingPathComponent("exports")
    try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: cfpbSample, to: exports.appendingPathComponent("complaints.csv"))
    try """
    store: ":memory:"
    period: week
    timezone: UTC
    sources:
      - path: exports/complaints.csv
        profile: cfpb
    slices: {company: Company, state: State}
    taxonomy: taxonomy.yml
    reports: {dir: reports}
    """.write(
      to: folder.appendingPathComponent("plaint.yml"), atomically: true, encoding: .utf8)
    try """
    categories:
      product:
        issues:
          incorrect_information: {phrases: [incorrect information, belongs to someone else]}
      service:
        issues:
          communication: {phrases: [communication tactics, attempts to collect]}
      policy:
        issues:
          fees: {phrases: [fee, interest]}
      other: {}
    product_lines:
      Credit reporting: {products: ["Credit reporting*"]}
      Debt collection: {products: ["Debt collection*"]}
      Mortgage: {products: ["Mortgage*"]}
      Cards: {products: ["Credit card*"]}
    """.write(
      to: folder.appendingPathComponent("taxonomy.yml"), atomically: true, encoding: .utf8)
    let run = try PlaintBinary.run(
      ["run", "--config", "plaint.yml", "--period", "2019-W08", "--quiet"], in: folder)
    #expect(run.status == 0 || run.status == 3, "\(run.stderr)")
    let data = try Data(
      contentsOf: folder.appendingPathComponent("reports/2019-W08/report.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])

    // The step: a credit-reporting cell above its limit this week. The line's volume rose
    // fifteenfold from 2018-W48 (the sample's make-up changed) and that level is its baseline
    // since 2019-W03 (a level shift), so this week's 36 against 14.5 expected is listed as a
    // watch (q 0.049); it was an anomaly "continuing (13)" against 1.2 expected before level
    // shifts were followed.
    let watches = try #require(json["watches"] as? [[String: Any]])
    #expect(watches.contains { $0["product_line"] as? String == "Credit reporting" })
    let anomalies = try #require(json["anomalies"] as? [[String: Any]])
    #expect(!anomalies.contains { ($0["streak"] as? Int ?? 0) > 6 }, "\(anomalies)")

    // Which company drove it: the line's complaints gather on one company, against its baseline.
    let recurrence = try #require(json["recurrence"] as? [String: Any])
    let found = try #require(recurrence["concentrations"] as? [[String: Any]])
    let driver = found.filter {
      $0["product_line"] as? String == "Credit reporting" && $0["dimension"] as? String == "company"
    }
    #expect(!driver.isEmpty, "\(found)")
    #expect(driver.allSatisfy { ($0["value"] as? String ?? "").hasPrefix("TRANSUNION") })
    let sentence = try #require(driver.first?["text"] as? String)
    #expect(sentence.contains("Credit reporting"))
    #expect(sentence.contains("had company TRANSUNION INTERMEDIATE HOLDINGS, INC.; baseline"))

    // And the company's own chart: the slice's strongest anomaly, first in its section.
    let slices = try #require(json["slices"] as? [[String: Any]])
    let company = try #require(slices.first { $0["name"] as? String == "company" })
    let signals = try #require(company["signals"] as? [[String: Any]])
    #expect(signals.first?["value"] as? String == "TRANSUNION INTERMEDIATE HOLDINGS, INC.")
    #expect(signals.first?["status"] as? String == "anomaly")
    let values = try #require(company["values"] as? [[String: Any]])
    #expect(values.first?["value"] as? String == "TRANSUNION INTERMEDIATE HOLDINGS, INC.")
    let html = try String(
      contentsOf: folder.appendingPathComponent("reports/2019-W08/index.html"), encoding: .utf8)
    #expect(html.contains("<h2>By company</h2>"))
    #expect(
      html.contains("company TRANSUNION INTERMEDIATE HOLDINGS, INC.: 38 complaints in 2019-W08"))
  }
}
