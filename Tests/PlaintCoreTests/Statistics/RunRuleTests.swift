import Foundation
import Testing

@testable import PlaintCore
import PlaintTestSupport

/// Points on a standardised chart with limits at ±3, as the unit vectors define them.
private func standardised(_ z: [Double]) -> [RulePoint?] {
  z.map { RulePoint(z: $0, aboveLimit: $0 > 3, belowLimit: $0 < -3) }
}

/// 1-based positions flagged (trigger...last) or spanned (first...last) by `rule`, both sides.
private func positions(_ rule: RunRule, _ z: [Double], spanned: Bool = false) -> [Int] {
  let points = standardised(z)
  let signals =
    RunRules.signals(points, rules: [rule])
    + RunRules.signals(points.map { $0?.mirrored }, rules: [rule])
  return Set(signals.flatMap { (spanned ? $0.first : $0.trigger)...$0.last }.map { $0 + 1 })
    .sorted()
}

@Suite("Run rules")
struct RunRuleTests {
  /// The reference vectors whose rule is one of Plaint's, with the rule it corresponds to.
  static let plaintVectors: [String: RunRule] = [
    "WER1": .beyondLimit, "NEL1": .beyondLimit, "WER2": .twoOfThreeBeyond2Sigma,
    "NEL5": .twoOfThreeBeyond2Sigma, "WER4": .runOf8, "NEL3": .trendOf6,
  ]
  /// Vectors for Western Electric / Nelson rules Plaint does not have (docs/statistics.md lists four).
  static let otherVectors: Set<String> = [
    "WER3", "NEL2", "NEL4", "NEL6", "NEL7", "NEL8", "NEL8_oneside",
  ]

  private func vector(_ id: String) throws -> [String: Any] {
    let data = try #require(try ReferenceCases.named("run_rules_unit_vectors"))
    let vectors = try #require(data["vectors"] as? [[String: Any]])
    return try #require(vectors.first { $0["id"] as? String == id })
  }

  @Test(
    .enabled(if: ReferenceCases.available),
    arguments: ["WER1", "NEL1", "WER2", "NEL5", "WER4", "NEL3"])
  func flagsTheCompletingPointsLikeQcc(_ id: String) throws {
    let vector = try vector(id)
    let z = try #require(numbers(vector["z"])).compactMap { $0 }
    let rule = try #require(Self.plaintVectors[id])
    #expect(positions(rule, z) == integers(vector["qcc_expected_points"]))
  }

  @Test(.enabled(if: ReferenceCases.available), arguments: ["WER4", "NEL3"])
  func firstMarksWhereTheRunBegan(_ id: String) throws {
    let vector = try vector(id)
    let z = try #require(numbers(vector["z"])).compactMap { $0 }
    let rule = try #require(Self.plaintVectors[id])
    #expect(positions(rule, z, spanned: true) == integers(vector["shewhart_points"]))
  }

  @Test(.enabled(if: ReferenceCases.available))
  func everyVectorIsCheckedOrNotAPlaintRule() throws {
    let data = try #require(try ReferenceCases.named("run_rules_unit_vectors"))
    let ids = (data["vectors"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    #expect(!ids.isEmpty)
    #expect(ids.allSatisfy { Self.plaintVectors[$0] != nil || Self.otherVectors.contains($0) })
  }

  @Test(.enabled(if: ReferenceCases.available))
  func overlappingPatternsEachFire() throws {
    let data = try #require(try ReferenceCases.named("run_rules_unit_vectors"))
    let precedence = try #require(data["precedence"] as? [String: Any])
    let z = try #require(numbers(precedence["z"])).compactMap { $0 }
    #expect(positions(.runOf8, z) == integers(precedence["qcc_WER4"]))
    #expect(positions(.twoOfThreeBeyond2Sigma, z) == integers(precedence["qcc_WER2"]))
    #expect(positions(.beyondLimit, z) == integers(precedence["qcc_WER1"]))
  }

  @Test func aPointOnTheLimitOrCentreIsNotASignal() {
    // Exactly 3, exactly 2 twice, and eight points exactly on the centre line.
    #expect(positions(.beyondLimit, [0, 3, 0]).isEmpty)
    #expect(positions(.twoOfThreeBeyond2Sigma, [0, 2, 2, 0]).isEmpty)
    #expect(positions(.runOf8, Array(repeating: 0, count: 10)).isEmpty)
    #expect(positions(.trendOf6, [1, 2, 3, 3, 4, 5, 6]).isEmpty)
  }

  @Test func gapsAreSkippedNotCounted() {
    // Eight points above the centre with a gap in the middle: the run spans the gap.
    var points = standardised([1, 1, 1, 1, 1, 1, 1, 1])
    points.insert(nil, at: 4)
    let signals = RunRules.signals(points, rules: [.runOf8])
    #expect(signals == [Signal(rule: .runOf8, first: 0, trigger: 8, last: 8)])
  }

  @Test func aLongRunIsOneSignalThatKeepsGrowing() {
    let signals = RunRules.signals(standardised(Array(repeating: 0.5, count: 11)), rules: [.runOf8])
    #expect(signals == [Signal(rule: .runOf8, first: 0, trigger: 7, last: 10)])
  }

  @Test func chartReportsBothSidesOfTheLimitsButRunsUpwardOnly() {
    // u chart, ū = 10 per unit with n = 1: limits 10 ± 3√10 = 0.513…19.487.
    let counts = [10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 25, 0, 9, 9, 9, 9, 9, 9, 9, 9]
    let chart = ControlChart.compute(
      counts.map { ChartObservation(count: $0, units: 1) }, method: .u, baseline: 0..<10)
    #expect(chart.points[10].signals.map(\.rule) == [.beyondLimit])
    #expect(chart.points[11].signals.map(\.rule) == [.beyondLimit])
    // Eight points below the centre are no run_of_8 on a complaints chart.
    #expect(chart.points[12...].allSatisfy { $0.signals.isEmpty })
  }
}
