import Foundation
import Testing

@testable import PlaintReport

/// A strict RFC 4180 reader for checking what the renderer wrote (LF record ends).
private func parseCSV(_ text: String) -> [[String]] {
  var records: [[String]] = []
  var record: [String] = []
  var field = ""
  var quoted = false
  var chars = Array(text)[...]
  while let char = chars.popFirst() {
    if quoted {
      if char == "\"" {
        if chars.first == "\"" {
          field.append("\"")
          chars.removeFirst()
        } else {
          quoted = false
        }
      } else {
        field.append(char)
      }
    } else if char == "\"" {
      quoted = true
    } else if char == "," {
      record.append(field)
      field = ""
    } else if char == "\n" {
      record.append(field)
      records.append(record)
      record = []
      field = ""
    } else {
      field.append(char)
    }
  }
  return records
}

@Suite struct CSVRendererTests {
  private func files(_ bundle: ReportBundle = Fixture.bundle()) -> [String: String] {
    Dictionary(uniqueKeysWithValues: CSVRenderer().render(bundle).map { ($0.name, $0.contents) })
  }

  private func column(_ name: String, of file: String) throws -> [String] {
    let records = parseCSV(file)
    let header = try #require(records.first)
    let index = try #require(header.firstIndex(of: name))
    return records.dropFirst().map { $0[index] }
  }

  @Test func writesEveryFileWithHeadersEvenWhenEmpty() throws {
    var bundle = Fixture.bundle()
    bundle.rejects = []
    bundle.anomalyTickets = []
    let files = files(bundle)
    #expect(
      Set(files.keys) == [
        "anomalies.csv", "pareto.csv", "grid.csv", "anomaly-tickets.csv", "rejects.csv",
        "repeat-customers.csv", "concentrations.csv", "release-effects.csv", "resolution.csv",
        "open-past-sla.csv", "canaries.csv", "run-charts.csv", "shares.csv", "drivers.csv",
      ])
    #expect(files["rejects.csv"] == "file,line,reason,raw\n")
    #expect(parseCSV(try #require(files["anomaly-tickets.csv"])).count == 1)
    for (name, text) in files {
      #expect(text.hasSuffix("\n"), "\(name)")
      #expect(!text.contains("\r\n"), "\(name)")
    }
  }

  @Test(arguments: [
    Fixture.hyperlink, Fixture.plusOne, Fixture.minusExpression, Fixture.atSum, "\t-cmd",
  ])
  func formulaTextGetsAnApostrophe(_ hostile: String) throws {
    let all = files().values.flatMap { parseCSV($0).joined() }
    #expect(all.contains("'" + hostile))
    #expect(!all.contains(hostile))
  }

  @Test func quotingRoundTripsCommasQuotesAndLineBreaks() throws {
    let files = files()
    let raws = try column("raw", of: try #require(files["rejects.csv"]))
    #expect(raws == ["'" + Fixture.hyperlink, Fixture.quoted, "'\t-cmd"])
    let excerpts = try column("excerpt", of: try #require(files["anomaly-tickets.csv"]))
    #expect(excerpts == [Fixture.multiline])
    let lines = try column("product_line", of: try #require(files["grid.csv"]))
    #expect(Set(lines) == [Fixture.line])
  }

  /// Every text of up to three pieces — quotes, commas, every kind of line break, formula
  /// leaders, accents, CJK — comes back from its cell unchanged, after the apostrophe a formula
  /// leader gets.
  @Test func everyTextRoundTripsThroughItsCell() {
    let pieces = [
      "a", " ", ",", "\"", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}",
      "\u{2029}", "é", "e\u{301}", "漏水", "=", "+", "-", "@", "\t", "'",
    ]
    var texts = [""]
    for _ in 0..<3 { texts = texts + texts.flatMap { text in pieces.map { text + $0 } } }
    for text in Set(texts) {
      let leader = text.unicodeScalars.first.map { "=+-@\t\r".unicodeScalars.contains($0) }
      let expected = (leader == true ? "'" : "") + text
      #expect(
        parseCSV(CSVField.text(text).encoded + "\n") == [[expected]], "\(text.debugDescription)")
    }
  }

  /// A text cell is quoted exactly when it holds a quote, a comma or a line break, and gets an
  /// apostrophe exactly when a formula character leads it, however it is scanned (byte tables
  /// since `CSVField.mayNeedQuotes`): the bytes of a plain reading of those rules.
  @Test func textCellsAreQuotedExactlyWhenTheyMustBe() {
    let pieces = [
      "a", ",", "\"", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}", "\u{84}",
      "\u{2027}", "\u{202A}", "é", "漏水", "=", "-", "\t", "'",
    ]
    var texts = [""]
    for _ in 0..<3 { texts = texts + texts.flatMap { text in pieces.map { text + $0 } } }
    let breaks: Set<Unicode.Scalar> = [
      "\"", ",", "\n", "\u{0B}", "\u{0C}", "\r", "\u{85}", "\u{2028}", "\u{2029}",
    ]
    for text in Set(texts) {
      let quoted = text.unicodeScalars.contains { breaks.contains($0) }
      let leader = text.unicodeScalars.first.map { "=+-@\t\r".unicodeScalars.contains($0) }
      var expected = (leader == true ? "'" : "") + text
      if quoted { expected = "\"" + expected.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
      #expect(CSVField.text(text).encoded == expected, "\(text.debugDescription)")
    }
  }

  @Test func numbersStayNumbers() throws {
    let grid = try #require(files()["grid.csv"])
    let rates = try column("rate", of: grid)
    #expect(rates.last == "-0.5")
    #expect(try column("rate_per_1000", of: grid).last == "-500")
    #expect(try column("units", of: grid).first == "5000")
    #expect(rates.contains(""), "a gap has no rate")
    #expect(grid.contains(",-0.5,-500,"))
    let anomalies = try #require(files()["anomalies.csv"])
    #expect(try column("p_value", of: anomalies) == ["1.2e-5"], "a p below 1e-4 is scientific")
    #expect(try column("count", of: anomalies) == ["19"])
  }

  @Test func paretoNamesEveryTable() throws {
    let pareto = try #require(files()["pareto.csv"])
    let tables = try column("table", of: pareto)
    let names = tables.reduce(into: [String]()) { if $1 != $0.last { $0.append($1) } }
    #expect(
      names == [
        "by_category", "by_cell", "by_issue", "by_product_line", "by_customer",
      ])
    #expect(tables.count == 1 + 4 * Fixture.hostile.count)
    let vital = try column("vital", of: pareto)
    #expect(Set(vital) == ["true", "false"])
  }

  @Test func renderingTwiceGivesIdenticalText() {
    let first = CSVRenderer().render(Fixture.bundle()).map(\.contents)
    let second = CSVRenderer().render(Fixture.bundle()).map(\.contents)
    #expect(first == second)
  }
}
