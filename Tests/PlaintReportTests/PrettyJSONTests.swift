import Foundation
import PlaintTestSupport
import Testing

@testable import PlaintReport

/// The customer tables' rows are written into `report.json` without `JSONEncoder`
/// (`PrettyJSONRow`): over random rows (texts with accents, emoji, slashes and now and then a
/// byte the encoder escapes; numbers of every size), the bytes must be the encoder's, or the
/// rows left to it.
@Suite struct PrettyJSONTests {
  static let pieces = ["a", "x", "@", ".", "/", "é", "水", "👍🏽", "\u{2028}", " ", "-", "_"]
  static let escaped = ["\"", "\\", "\n", "\t", "\u{7F}", "\u{1}"]

  static func text(_ random: inout SplitMix64) -> String {
    (0..<random.next(below: 14)).map { _ in
      random.next(below: 40) == 0
        ? escaped[random.next(below: escaped.count)] : pieces[random.next(below: pieces.count)]
    }.joined()
  }

  static func number(_ random: inout SplitMix64) -> Double {
    switch random.next(below: 5) {
    case 0: return Double(random.next(below: 1_000)) / Double(1 + random.next(below: 400_000))
    case 1: return Double(bitPattern: random.next())
    case 2: return Double(random.next(below: 201) - 100)
    case 3: return Double("\(1 + random.next(below: 99_999))e\(random.next(below: 61) - 30)") ?? 0
    default: return random.unit()
    }
  }

  static func encoded(_ rows: some Encodable) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    return try encoder.encode(rows)
  }

  @Test("Pareto rows are the encoder's bytes", arguments: 0..<10)
  func paretoRows(seed: Int) throws {
    var random = SplitMix64(seed: UInt64(seed) &+ 71)
    for _ in 0..<300 {
      let rows = (0...random.next(below: 5)).map { _ in
        ReportModel.ParetoRow(
          key: Self.text(&random), count: random.next(below: 100_000) - 5,
          share: Self.number(&random), cumulative: Self.number(&random),
          vital: random.next(below: 2) == 0)
      }
      let leadingComma = random.next(below: 2) == 0
      let expected = JSONRenderer.elements(
        of: try Self.encoded(rows), indent: 6, leadingComma: leadingComma)
      let written = PrettyJSONBytes.elements(rows, indent: 6, leadingComma: leadingComma)
      let plain = rows.allSatisfy { !$0.key.contains { Self.escaped.contains(String($0)) } }
      #expect(written == (plain ? expected : nil), "\(rows)")
    }
  }

  @Test("repeat customers are the encoder's bytes", arguments: 0..<10)
  func repeatCustomers(seed: Int) throws {
    var random = SplitMix64(seed: UInt64(seed) &+ 97)
    for _ in 0..<300 {
      let rows = (0...random.next(below: 4)).map { _ in
        ReportModel.RepeatCustomer(
          customer: Self.text(&random), count: random.next(below: 1_000),
          keyAccount: random.next(below: 2) == 0,
          issues: (0..<random.next(below: 5)).map { _ in Self.text(&random) })
      }
      let leadingComma = random.next(below: 2) == 0
      let expected = JSONRenderer.elements(
        of: try Self.encoded(rows), indent: 6, leadingComma: leadingComma)
      guard let written = PrettyJSONBytes.elements(rows, indent: 6, leadingComma: leadingComma)
      else {
        continue
      }
      #expect(written == expected, "\(rows)")
    }
  }

  @Test func escapedTextAndEmptyIssuesAreLeftToTheEncoder() {
    let quoted = ReportModel.ParetoRow(
      key: "a\"b", count: 1, share: 0.5, cumulative: 0.5, vital: true)
    #expect(PrettyJSONBytes.elements([quoted], indent: 6, leadingComma: false) == nil)
    let none = ReportModel.RepeatCustomer(customer: "c", count: 2, keyAccount: false, issues: [])
    #expect(PrettyJSONBytes.elements([none], indent: 6, leadingComma: false) == nil)
  }
}
