import Testing

@testable import PlaintCore

@Suite struct ExactTestsTests {
  /// [[8, 2], [1, 5]]: rows 10 and 6, first column 9. P(X ≥ 8) for the hypergeometric top-left
  /// count is (C(10,8)·C(6,1) + C(10,9)·C(6,0)) / C(16,9) = (270 + 10) / 11440.
  @Test func fisherUpperTailByHand() {
    let p = ExactTests.fisherUpperTail(8, 2, 1, 5)
    #expect(abs(p - 280.0 / 11440.0) < 1e-12)
    #expect(abs(ExactTests.fisherUpperTail(0, 10, 9, 0) - 1) < 1e-12)
  }

  /// 50 after over 10,000 units against 120 before over 60,000: given 170, the count after is
  /// Binomial(170, 1/7) under equal rates; the p-value doubles the smaller (upper) tail.
  @Test func rateRatioDoublesTheSmallerTail() throws {
    let p = try #require(
      ExactTests.rateRatioPValue(before: 120, exposure: 60_000, after: 50, exposure: 10_000))
    let upper = ExactTests.binomialUpperTail(50, trials: 170, probability: 1.0 / 7)
    #expect(abs(p - 2 * upper) < 1e-15)
    #expect(p < 1e-6)
    #expect(
      ExactTests.rateRatioPValue(before: 60, exposure: 6, after: 10, exposure: 1) == 1)
    #expect(ExactTests.rateRatioPValue(before: 1, exposure: 0, after: 1, exposure: 1) == nil)
  }

  @Test func binomialTailsAddUpToOne() {
    for x in 0...20 {
      let total =
        ExactTests.binomialUpperTail(x + 1, trials: 20, probability: 0.3)
        + ExactTests.binomialLowerTail(x, trials: 20, probability: 0.3)
      #expect(abs(total - 1) < 1e-12)
    }
  }

  @Test func concentrationNeedsCountsAndEffect() {
    let baseline = (0..<120).map { Optional(["a", "b", "c", "d"][$0 % 4]) }
    let planted = (0..<20).map { Optional($0 < 14 ? "a" : "b") }
    let finding = Concentration.find(current: planted, baseline: baseline)
    #expect(finding?.value == "a")
    #expect(finding?.count == 14)
    #expect(finding.map { $0.pValue < 0.001 } == true)
    // Even spread: nothing.
    let even = (0..<20).map { Optional(["a", "b", "c", "d"][$0 % 4]) }
    #expect(Concentration.find(current: even, baseline: baseline) == nil)
    // Too few complaints this period to test at all.
    #expect(Concentration.find(current: Array(planted.prefix(9)), baseline: baseline) == nil)
  }
}
