import Foundation
import Testing

@testable import PlaintEngine
import PlaintTestSupport

/// The Pareto reference cases, typed as `key,count` files.
enum ParetoToolCase {
  static let all = [
    "pareto_qcc_example", "pareto_exact_80_boundary_shewhart_test", "pareto_float_boundary_trap",
    "pareto_tie_at_boundary", "pareto_zero_category",
  ]
}

/// `key,count[,weight]` text; keys are quoted so commas and quotes survive.
private func csv(_ items: [(key: String, count: Int)], weights: [String]? = nil) -> String {
  var text = weights == nil ? "key,count\n" : "key,count,weight\n"
  for (index, item) in items.enumerated() {
    let key = "\"" + item.key.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    text += "\(key),\(item.count)"
    if let weights { text += ",\(weights[index])" }
    text += "\n"
  }
  return text
}

private func table(_ text: String, threshold: Double = 0.8) throws -> ParetoReport {
  let scratch = try Scratch()
  defer { scratch.remove() }
  return try ParetoTool.table(
    inputPath: try scratch.file("items.csv", text), options: ParetoOptions(threshold: threshold))
}

private func json(_ report: ParetoReport) throws -> [String: Any] {
  let text = try report.render(.json)
  return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

@Suite("plaint pareto: the tool")
struct ParetoToolTests {
  @Test(.enabled(if: ReferenceCases.available), arguments: ParetoToolCase.all)
  func matchesReference(_ name: String) throws {
    let data = try #require(try ReferenceCases.named(name))
    let expected = try #require(data["expected"] as? [String: Any])
    let categories = try #require(
      (data["categories"] ?? data["categories_input_order_1"]) as? [String: Any])
    let items = categories.keys.sorted().map {
      (key: $0, count: Int(number(categories[$0]) ?? -1))
    }
    let report = try table(csv(items))
    #expect(try table(csv(items.reversed())).rows == report.rows, "input order matters")

    let order = (expected["order"] ?? expected["recommended_order"]) as? [String]
    #expect(report.rows.map(\.key) == order)
    if let counts = integers(expected["counts"]) { #expect(report.rows.map(\.count) == counts) }
    let percents = numbers(
      expected["cumulative_percent"] ?? expected["cumulative_percent_recommended_order"])
    for (row, percent) in zip(report.rows, percents ?? []) {
      #expect(abs(row.cumulative * 100 - (percent ?? .nan)) < 1e-9)
    }
    let vital = report.rows.filter(\.vital).map(\.key)
    if let named = expected["vital_few_80pct_inclusive"] as? [String] { #expect(vital == named) }
    let nVital = number(expected["n_vital"] ?? expected["n_vital_strict"]).map { Int($0) }
    #expect(vital.count == nVital)
    if let withTies = expected["vital_few_if_ties_at_cut_included"] as? [String] {
      #expect(report.rows.filter { $0.vital || $0.tiedAtCut }.map(\.key) == withTies)
    }

    // The JSON says the same, row for row.
    let rendered = try json(report)
    #expect(rendered["vital_few"] as? Int == nVital)
    let rows = try #require(rendered["rows"] as? [[String: Any]])
    #expect(rows.compactMap { $0["key"] as? String } == order)
    #expect(rows.compactMap { $0["vital"] as? Bool } == report.rows.map(\.vital))
    #expect(rows.compactMap { $0["tied_at_cut"] as? Bool } == report.rows.map(\.tiedAtCut))
  }

  @Test func jsonHasEveryRowAndItsFields() throws {
    let items = (1...30).map { (key: "item \($0)", count: 31 - $0) }
    let report = try table(csv(items))
    let rendered = try json(report)
    #expect(Set(rendered.keys) == ["threshold", "weighted", "total", "vital_few", "rows"])
    #expect(rendered["weighted"] as? Bool == false)
    #expect(rendered["total"] as? Int == 465)
    let rows = try #require(rendered["rows"] as? [[String: Any]])
    #expect(rows.count == 30)
    #expect(
      Set(rows[0].keys) == [
        "key", "count", "weight", "value", "share", "cumulative", "vital", "tied_at_cut",
      ])
    #expect(rows[0]["weight"] is NSNull)
    #expect(rows[0]["value"] as? Int == 30)
  }

  @Test func longTablesShowTheTopRowsAndOneOtherRow() throws {
    let items = (1...30).map { (key: "item \($0)", count: 31 - $0) }
    let report = try table(csv(items))
    let markdown = try report.render(.md)
    let tableRows = markdown.split(separator: "\n").filter { $0.hasPrefix("| ") }
    // The vital few (374 of 465 at row 17) reach past row 15: md keeps them all, then one
    // other row; the SVG draws 14 bars and one other bar.
    #expect(report.vitalCount == 17)
    #expect(tableRows.count == 1 + 17 + 1)
    #expect(tableRows.contains { $0.hasPrefix("| 17 | item 17 | 14 |") })
    #expect(tableRows.last?.hasPrefix("|  | other (13 items) | 91 |") == true)
    let svg = try report.render(.svg)
    #expect(svg.contains("other (16 items)"))
    #expect(svg.components(separatedBy: "<rect class=\"bar").count - 1 == 15)
  }

  @Test func shortTablesFoldNothing() throws {
    let items = (1...16).map { (key: "k\($0)", count: 1) }
    let report = try table(csv(items))
    #expect(report.shown(limit: 15, keepVital: false).count == 15)
    #expect(report.shown(limit: 16, keepVital: false).count == 16)
    #expect(report.shown(limit: 15, keepVital: false).last?.key == "other (2 items)")
  }

  @Test func weightsRankByCountTimesWeight() throws {
    let report = try table(
      csv(
        [("cheap", 50), ("costly", 5), ("middling", 10), ("free", 20)],
        weights: ["1", "40.5", "12.25", "0"]))
    #expect(report.weighted)
    #expect(report.rows.map(\.key) == ["costly", "middling", "cheap", "free"])
    #expect(report.rows.map(\.value) == [202.5, 122.5, 50, 0])
    #expect(report.rows.map(\.count) == [5, 10, 50, 20])
    #expect(report.rows.filter(\.vital).map(\.key) == ["costly", "middling"])
    #expect(report.rows.last?.vital == false)
    let rendered = try json(report)
    #expect(number(rendered["total"]) == 375)
    #expect(try report.render(.md).contains("Ranked by count × weight."))
    #expect(try report.render(.svg).contains("count × weight"))
  }

  @Test(
    arguments: [
      ("12.5", 1250), ("3", 300), ("0.05", 5), (".5", 50), ("7.", 700), ("0", 0),
      ("1.234", nil), ("-1", nil), ("1e3", nil), ("", nil), (".", nil), ("1,5", nil),
    ] as [(String, Int?)])
  func weightsAreExactInHundredths(_ text: String, _ hundredths: Int?) {
    #expect(ParetoTool.hundredths(text) == hundredths)
  }

  @Test func tiesAtTheCutAreReportedInMarkdown() throws {
    let report = try table(csv([("a", 5), ("b", 10), ("c", 5), ("d", 10), ("e", 1)]))
    let markdown = try report.render(.md)
    #expect(markdown.contains("Tied at the cut"))
    #expect(markdown.contains("| 3 | a | 5 | 16.1% | 80.6% | yes (tied) |"))
    #expect(markdown.contains("| 4 | c | 5 | 16.1% | 96.8% | tied at cut |"))
  }

  @Test func zeroItemsAreListedButNeverVital() throws {
    let report = try table(csv([("a", 0), ("b", 0)]), threshold: 1)
    #expect(report.rows.allSatisfy { !$0.vital })
    #expect(try report.render(.md).contains("No vital few"))
  }

  @Test(arguments: ToolFormat.allCases)
  func rowOrderInTheFileDoesNotChangeTheBytes(_ format: ToolFormat) throws {
    let items = (1...20).map { (key: "k\($0 % 7)-\($0)", count: $0 % 5) }
    let scratch = try Scratch()
    defer { scratch.remove() }
    var outputs: [String] = []
    for order in [items, items.reversed(), items] {
      let path = try scratch.file("items.csv", csv(order))
      outputs.append(try ParetoTool.table(inputPath: path, options: ParetoOptions()).render(format))
    }
    #expect(outputs[0] == outputs[1] && outputs[1] == outputs[2])
  }

  @Test(
    arguments: [
      (
        "key,count\na,1\na,2\n",
        ":3: column `key`: \"a\" repeats line 2; give each item one row (add the counts)"
      ),
      ("key,count\n,1\n", ":2: column `key`: empty; give every item a key"),
      (
        "key,count\na,1.5\n",
        ":2: column `count`: \"1.5\" is not a whole number ≥ 0; write a count such as 12"
      ),
      (
        "key,count,weight\na,1,\n",
        ":2: column `weight`: \"\" is not a weight; write a number ≥ 0 with at most two decimals, such as 12.5, or drop the column"
      ),
      (
        "item,count\na,1\n",
        ": the header row has no `key` column; the first row must name the columns key,count[,weight]"
      ),
    ])
  func badRowsAreDataErrors(_ text: String, _ message: String) throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let path = try scratch.file("items.csv", text)
    let error = plaintError { _ = try ParetoTool.table(inputPath: path, options: ParetoOptions()) }
    #expect(error?.status == .dataError)
    #expect(error?.message == path + message)
  }

  @Test(arguments: ["0", "1.5", "80", "x", "-0.2"])
  func thresholdsOutsideZeroToOneAreUsageErrors(_ text: String) {
    let error = plaintError { _ = try ParetoOptions(threshold: text) }
    #expect(error?.status == .usage)
    #expect(error?.message.hasPrefix("--threshold \(text): give a share above 0") == true)
  }
}
