import Foundation
import PlaintCore
import PlaintReport
import Testing

@testable import PlaintEngine

/// Two product lines without sales: kettles exported for 18 months, toasters from the last
/// month only. The toasters' month is the first in which both lines make up the total.
enum TwoLineExport {
  /// The project, with `toasterDefects` toaster defect complaints spread over the last month.
  static func project(toasterDefects: Int) throws -> (Scratch, [String]) {
    let months = try KettleExport.months(from: "2024-01", count: 18)
    let scratch = try KettleExport.project(
      months: months.map { ($0, ["product.defect": 30, "service.slow_reply": 30]) })
    _ = try scratch.file(
      "plaint.yml",
      """
      store: ":memory:"
      period: month
      timezone: UTC
      sources:
        - path: zendesk.csv
          profile: zendesk
        - path: toasters.csv
          profile: zendesk
      taxonomy: taxonomy.yml
      reports:
        dir: reports

      """)
    _ = try scratch.file(
      "taxonomy.yml",
      """
      categories:
        product:
          issues:
            defect: {phrases: [stopped working]}
        service:
          issues:
            slow_reply: {phrases: [nobody answered]}
      product_lines:
        Kettles: {phrases: [kettle]}
        Toasters: {phrases: [toaster]}

      """)
    var rows = [
      "Id,Subject,Description,Status,Priority,Via,Requester,Requester email,Assignee,Category,"
        + "Product,Tags,Created at,Updated at,Solved at"
    ]
    let month = months[months.count - 1]
    for index in 0..<toasterDefects {
      let day = 1 + index % 30
      let at = "\(month)-\(day < 10 ? "0" : "")\(day) 10:00"
      let text = "The toaster stopped working"
      rows.append(
        "\(90_000 + index),\(text),\(text),solved,normal,email,Person,"
          + "t\(index)@mail.example,Agent,,TS-1,,\(at),\(at),\(at)")
    }
    _ = try scratch.file("toasters.csv", rows.joined(separator: "\n") + "\n")
    return (scratch, months)
  }
}

@Suite("Shares are compared only across periods with the same lines in the total")
struct ShareComparabilityTests {
  @Test(
    "a line whose export starts in the reported period is left out of the shares: no false mix alarm"
  )
  func newLineIsLeftOutOfTheShares() throws {
    let (scratch, months) = try TwoLineExport.project(toasterDefects: 40)
    defer { scratch.remove() }
    let bundle = try KettleExport.bundle(scratch, period: months[17])
    let shares = try #require(bundle.report.shares)
    // The toasters' mix is not in the baseline, so they stay out of every share until it is;
    // the kettles' shares are judged as before (the hostile tester's F-G).
    #expect(shares.flagged.isEmpty)
    #expect(shares.linesLeftOut?.map(\.productLine) == ["Toasters"])
    let defect = try #require(shares.issues.first { $0.issue == "product.defect" })
    #expect(defect.series.last?.status == .inControl)
    #expect(defect.series.last?.units == 60)
    #expect(!defect.series.contains { $0.status == .partial })
    let markdown = MarkdownRenderer().render(bundle)
    #expect(!markdown.contains("The mix of complaints moved"))
    #expect(markdown.contains("Left out of the shares"))
  }

  @Test("no all-clear when no share was judged: the report says none was, and why")
  func noAllClearWithoutJudgment() throws {
    let months = try KettleExport.months(from: "2025-01", count: 3)
    let scratch = try KettleExport.project(
      months: months.map { ($0, ["product.defect": 30, "service.slow_reply": 30]) })
    defer { scratch.remove() }
    let bundle = try KettleExport.bundle(scratch, period: months[2])
    let markdown = MarkdownRenderer().render(bundle)
    let html = HTMLRenderer().render(bundle)
    for output in [markdown, html] {
      #expect(!output.contains("moved beyond its limits"))
      #expect(output.contains("share of all complaints was judged in"))
      #expect(output.contains("comparable whole periods before it"))
    }
  }

  @Test("an issue new in the period gets no verdict against a baseline share of 0, then or later")
  func newIssueIsNotAnAnomalyAgainstZero() throws {
    // 18 months of kettles; from month 16 on, 20 noise complaints a month that never came before.
    let months = try KettleExport.months(from: "2024-01", count: 18)
    let scratch = try KettleExport.project(
      months: months.enumerated().map { at, month in
        var counts = ["product.defect": 30, "service.slow_reply": 30]
        if at >= 15 { counts["product.noise"] = 20 }
        return (month, counts)
      })
    defer { scratch.remove() }
    for at in 15..<18 {
      let bundle = try KettleExport.bundle(scratch, period: months[at])
      let shares = try #require(bundle.report.shares)
      #expect(!shares.flagged.contains { $0.issue == "product.noise" && ($0.center ?? 0) == 0 })
      let noise = try #require(shares.issues.first { $0.issue == "product.noise" })
      if at == 15 {
        #expect(noise.series.last?.status == .insufficientHistory)
        #expect(MarkdownRenderer().render(bundle).contains("New in this period, with no baseline"))
      }
      // Not judged, so the first month enters later baselines: the centre is no longer 0.
      if at > 15 { #expect((noise.series.last?.center ?? 0) > 0) }
    }
  }
}
