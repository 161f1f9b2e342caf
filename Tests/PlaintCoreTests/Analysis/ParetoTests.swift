import Foundation
import Testing

@testable import PlaintCore
import PlaintTestSupport

/// The Pareto reference cases (their `categories` objects lose input order when parsed, so input
/// order independence is checked by feeding each case sorted by key and reversed).
enum ParetoCase {
  static let all = [
    "pareto_qcc_example", "pareto_exact_80_boundary_shewhart_test", "pareto_float_boundary_trap",
    "pareto_tie_at_boundary", "pareto_zero_category",
  ]
}

private func items(_ pairs: KeyValuePairs<String, Int>) -> [(key: String, count: Int)] {
  pairs.map { (key: $0.key, count: $0.value) }
}

@Suite("Pareto")
struct ParetoTests {
  @Test func cutAtExactlyEightyPercentIncludesTheCrossingItem() {
    let rows = Pareto.table(items(["c": 20, "a": 50, "b": 30]))
    #expect(rows.map(\.key) == ["a", "b", "c"])
    #expect(rows.map(\.vital) == [true, true, false])
    #expect(rows.map(\.cumulative) == [0.5, 0.8, 1])
  }

  @Test func floatSharesDoNotMoveTheCut() {
    // 11 + 9 + 8 = 28 of 35 is exactly 80 %, but 11/35 + 9/35 + 8/35 sums to 0.7999….
    let rows = Pareto.table(items(["cat1": 11, "cat2": 9, "cat3": 8, "cat4": 7]))
    #expect(rows.filter(\.vital).map(\.key) == ["cat1", "cat2", "cat3"])
    #expect(rows.allSatisfy { !$0.tiedAtCut })
  }

  @Test func tiesAtTheCutAreMarkedAndBrokenByKey() {
    let forward = Pareto.table(items(["a": 5, "b": 10, "c": 5, "d": 10, "e": 1]))
    let backward = Pareto.table(items(["e": 1, "d": 10, "c": 5, "b": 10, "a": 5]))
    #expect(forward == backward)
    #expect(forward.map(\.key) == ["b", "d", "a", "c", "e"])
    #expect(forward.filter(\.vital).map(\.key) == ["b", "d", "a"])
    #expect(forward.filter(\.tiedAtCut).map(\.key) == ["a", "c"])
  }

  @Test func zeroCategoriesAreListedLastAndNeverVital() {
    let rows = Pareto.table(items(["a": 7, "b": 0, "c": 3]), threshold: 1)
    #expect(rows.map(\.key) == ["a", "c", "b"])
    #expect(rows.map(\.vital) == [true, true, false])
    #expect(Pareto.table(items(["x": 0, "y": 0])).allSatisfy { !$0.vital && $0.share == 0 })
  }

  @Test(.enabled(if: ReferenceCases.available), arguments: ParetoCase.all)
  func matchesReference(_ name: String) throws {
    let data = try #require(try ReferenceCases.named(name))
    let expected = try #require(data["expected"] as? [String: Any])
    let categories = try #require(
      (data["categories"] ?? data["categories_input_order_1"]) as? [String: Any])
    let input = categories.keys.sorted().map { (key: $0, count: Int(number(categories[$0]) ?? -1)) }
    let rows = Pareto.table(input)
    #expect(Pareto.table(input.reversed()) == rows)

    let order = (expected["order"] ?? expected["recommended_order"]) as? [String]
    #expect(rows.map(\.key) == order)
    if let counts = integers(expected["counts"]) { #expect(rows.map(\.count) == counts) }
    let percents = numbers(
      expected["cumulative_percent"] ?? expected["cumulative_percent_recommended_order"])
    for (row, percent) in zip(rows, percents ?? []) {
      #expect(abs(row.cumulative * 100 - (percent ?? .nan)) < 1e-9)
    }
    let vital = rows.filter(\.vital).map(\.key)
    if let named = expected["vital_few_80pct_inclusive"] as? [String] { #expect(vital == named) }
    let nVital = number(expected["n_vital"] ?? expected["n_vital_strict"]).map { Int($0) }
    #expect(vital.count == nVital)
    if let withTies = expected["vital_few_if_ties_at_cut_included"] as? [String] {
      #expect(rows.filter { $0.vital || $0.tiedAtCut }.map(\.key) == withTies)
    }
  }
}

/// A running Pareto converts its whole numbers to doubles through `Int64` below 2^53
/// (`Pareto.Running.double`): over random numbers of every size, the doubles of the generic
/// conversion.
@Suite struct ParetoRunningConversionTests {
  @Test("the fast conversion gives the generic conversion's double", arguments: 0..<10)
  func sameDoubles(seed: Int) {
    var random = SplitMix64(seed: UInt64(seed) &+ 53)
    for _ in 0..<1_000 {
      let bits = random.next(below: 127)
      let high = Int128(truncatingIfNeeded: random.next()) << 64
      let magnitude = (high | Int128(random.next())) & ((1 << bits) - 1)
      let value = random.next(below: 2) == 0 ? magnitude : -magnitude
      #expect(Pareto.Running.double(value) == Double(value), "\(value)")
    }
    for value: Int128 in [0, 1, (1 << 53) - 1, 1 << 53, (1 << 53) + 1, -(1 << 53), .max, .min] {
      #expect(Pareto.Running.double(value) == Double(value), "\(value)")
    }
  }
}
