import Foundation
import PlaintCore
import PlaintReport
import Testing

@testable import PlaintEngine

/// Kettles exported whole, month after month, and toasters from a second export whose days are
/// given: the Pareto and driver windows, and the share charts, over a line whose data does not
/// fill them.
enum ToasterExport {
  /// Kettles (30 defects and 30 slow replies a month) over `months`, and two toaster defects a
  /// day over `toasterDays`; `pareto.window_periods` is 3.
  static func project(months: [String], toasterDays: [String]) throws -> Scratch {
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
      pareto: {window_periods: 3}
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
    var id = 90_000
    for day in toasterDays {
      for hour in [10, 14] {
        id += 1
        let at = "\(day) \(hour):00"
        let text = "The toaster stopped working"
        rows.append(
          "\(id),\(text),\(text),solved,normal,email,Person,"
            + "t\(id)@mail.example,Agent,,TS-1,,\(at),\(at),\(at)")
      }
    }
    _ = try scratch.file("toasters.csv", rows.joined(separator: "\n") + "\n")
    return scratch
  }

  /// Every day from `first` through `last` ("YYYY-MM-DD"), leaving out `from`...`through`.
  static func days(_ first: String, _ last: String, without hole: ClosedRange<String>? = nil)
    -> [String]
  {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? .gmt
    let format = DateFormatter()
    format.calendar = calendar
    format.timeZone = calendar.timeZone
    format.locale = Locale(identifier: "en_US_POSIX")
    format.dateFormat = "yyyy-MM-dd"
    guard var day = format.date(from: first), let end = format.date(from: last) else { return [] }
    var result: [String] = []
    while day <= end {
      let text = format.string(from: day)
      if !(hole?.contains(text) ?? false) { result.append(text) }
      day = calendar.date(byAdding: .day, value: 1, to: day) ?? end.addingTimeInterval(86_400)
    }
    return result
  }

  /// report.json as a dictionary.
  static func json(_ bundle: ReportBundle) throws -> [String: Any] {
    let data = try JSONRenderer().render(bundle.report)
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }
}

@Suite("A window a line's exports do not fill says so where its numbers are shown")
struct WindowCoverageTests {
  /// The toasters' export leaves 2025-03-10 to 2025-04-20 uncovered (the hostile tester's F-E).
  static func holedProject() throws -> Scratch {
    let months = try KettleExport.months(from: "2024-01", count: 20)
    return try ToasterExport.project(
      months: months,
      toasterDays: ToasterExport.days(
        "2024-01-01", "2025-08-31", without: "2025-03-10"..."2025-04-20"))
  }

  @Test("a Pareto window holding a line's partial months names them beside its counts and ranks")
  func partialMonthsInTheWindowAreSaid() throws {
    let scratch = try Self.holedProject()
    defer { scratch.remove() }
    let bundle = try KettleExport.bundle(scratch, period: "2025-05")
    let markdown = MarkdownRenderer().render(bundle)
    let html = HTMLRenderer().render(bundle)
    let note =
      "Not covered whole by the exports in this window: Toasters (2025-03 and 2025-04). Their "
      + "counts here, and the shares and ranks that hold them, leave out what the exports miss, "
      + "so they read too low."
    for page in [markdown, html] {
      #expect(page.contains(note))
      // The driver line blames the window itself, not the window before.
      #expect(page.contains("2025-03 and 2025-04 not covered whole in this window"))
      #expect(!page.contains("complaints, not comparable before"))
    }
    #expect(markdown.contains("- **Toasters** ("))
    let cells = markdown.components(separatedBy: "; ")
    #expect(
      cells.contains {
        $0.contains("product/Toasters/consumer (") && $0.hasSuffix("%, not covered whole)")
      })
    #expect(
      !cells.contains { $0.contains("product/Kettles/consumer (") && $0.contains("not covered") })

    let json = try ToasterExport.json(bundle)
    let pareto = try #require(json["pareto"] as? [String: Any])
    let lines = try #require(pareto["lines_not_covered"] as? [[String: Any]])
    #expect(lines.count == 1)
    #expect(lines.first?["product_line"] as? String == "Toasters")
    #expect(lines.first?["periods"] as? [String] == ["2025-03", "2025-04"])
    let drivers = try #require(json["drivers"] as? [String: Any])
    let tables = try #require(drivers["product_lines"] as? [[String: Any]])
    let toasters = try #require(tables.first { $0["product_line"] as? String == "Toasters" })
    #expect(toasters["periods_not_covered"] as? [String] == ["2025-03", "2025-04"])
    let kettles = try #require(tables.first { $0["product_line"] as? String == "Kettles" })
    #expect(kettles["periods_not_covered"] == nil)
  }

  @Test(
    "a window covered whole after such months says nothing of them; the one before is 'not comparable'"
  )
  func aWholeWindowKeepsNotComparableBefore() throws {
    let scratch = try Self.holedProject()
    defer { scratch.remove() }
    let bundle = try KettleExport.bundle(scratch, period: "2025-08")
    let markdown = MarkdownRenderer().render(bundle)
    #expect(!markdown.contains("Not covered whole by the exports in this window"))
    #expect(!markdown.contains("not covered whole in this window"))
    #expect(markdown.contains("complaints, not comparable before)"))
    let json = try ToasterExport.json(bundle)
    let pareto = try #require(json["pareto"] as? [String: Any])
    #expect(pareto["lines_not_covered"] == nil)
  }
}

@Suite("Shares across a product line's start")
struct SharesAcrossALineStartTests {
  /// Kettles 2024-01 to 2025-06, toasters from `toastersFrom` (whole months).
  static func bundle(toastersFrom: String) throws -> (Scratch, ReportBundle) {
    let months = try KettleExport.months(from: "2024-01", count: 18)
    let scratch = try ToasterExport.project(
      months: months, toasterDays: ToasterExport.days(toastersFrom, "2025-06-30"))
    return (scratch, try KettleExport.bundle(scratch, period: "2025-06"))
  }

  @Test("the months before a new line's history are whole, and the other lines' shares are judged")
  func monthsBeforeANewLineAreWhole() throws {
    let (scratch, bundle) = try Self.bundle(toastersFrom: "2025-04-01")
    defer { scratch.remove() }
    let shares = try #require(bundle.report.shares)
    let defect = try #require(shares.issues.first { $0.issue == "product.defect" })
    // Nothing is missing before the toasters' export began (the hostile tester's F-G).
    #expect(!defect.series.contains { $0.status == .partial })
    #expect(defect.series.last?.status == .inControl)
    // The new line is out of the shares, count and total: kettles' 60 a month.
    #expect(defect.series.last?.units == 60)
    #expect(defect.series.last?.count == 30)
    let json = try ToasterExport.json(bundle)
    let section = try #require(json["shares"] as? [String: Any])
    let leftOut = try #require(section["lines_left_out"] as? [[String: Any]])
    #expect(leftOut.count == 1)
    #expect(leftOut.first?["product_line"] as? String == "Toasters")
    #expect(leftOut.first?["from"] as? String == "2025-04")
    #expect(leftOut.first?["joins"] as? String == "2026-04")
    let markdown = MarkdownRenderer().render(bundle)
    #expect(
      markdown.contains(
        "until their history is as long as the baseline: Toasters (its history begins in "
          + "2025-04; counted from the report of 2026-04)"))
    #expect(markdown.contains("No issue's share of all complaints moved beyond its limits"))
  }

  @Test("a line whose history is as long as the baseline is in the shares, whole before it")
  func anOldEnoughLineCounts() throws {
    let (scratch, bundle) = try Self.bundle(toastersFrom: "2024-04-01")
    defer { scratch.remove() }
    let shares = try #require(bundle.report.shares)
    let defect = try #require(shares.issues.first { $0.issue == "product.defect" })
    #expect(!defect.series.contains { $0.status == .partial })
    let june = try #require(defect.series.last)
    #expect(june.units == 60 + 60 && june.count == 30 + 60)
    let json = try ToasterExport.json(bundle)
    let section = try #require(json["shares"] as? [String: Any])
    #expect(section["lines_left_out"] == nil)
    #expect(!MarkdownRenderer().render(bundle).contains("Left out of the shares"))
  }
}
