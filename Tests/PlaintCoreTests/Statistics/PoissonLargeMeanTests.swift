import Foundation
import Testing

@testable import PlaintCore

/// Beyond `PoissonDistribution.exactMeanLimit` the tails and quantiles come from the normal
/// curve: they must join the exact ones without a jump, and stay quick at any count.
@Suite struct PoissonLargeMeanTests {
  @Test(arguments: [0.00135, 0.05, 0.5, 0.95, 0.99865])
  func theApproximationMeetsTheExactQuantilesAtTheLimit(p: Double) {
    let limit = PoissonDistribution.exactMeanLimit
    let exact = PoissonDistribution.quantile(p, mean: limit)
    let approximate = PoissonDistribution.quantile(p, mean: limit.nextUp)
    // One standard deviation is 1,000 counts here; the two agree to within a count or two.
    #expect(abs(exact - approximate) <= 2, "exact \(exact), approximate \(approximate)")
  }

  @Test func quantilesAndTailsAgreeForHugeMeans() {
    var random = SystemRandomNumberGenerator()
    for _ in 0..<200 {
      let lambda = Double.random(in: 1e6...1e15, using: &random)
      let p = Double.random(in: 0.001...0.999, using: &random)
      let q = PoissonDistribution.quantile(p, mean: lambda)
      // The smallest q with P(X ≤ q) ≥ p.
      #expect(PoissonDistribution.cdf(q, mean: lambda) >= p - 1e-9)
      #expect(PoissonDistribution.cdf(q - 1, mean: lambda) < p + 1e-9)
      let tail = PoissonDistribution.upperTail(q, mean: lambda)
      #expect(tail >= 0 && tail <= 1)
    }
  }

  @Test func aCountOfATrillionAnswersAtOnce() {
    let started = Date()
    let upper = PoissonDistribution.quantile(0.99865, mean: 1e12)
    #expect(upper > 1_000_000_000_000 && upper < 1_000_010_000_000)
    #expect(PoissonDistribution.upperTail(1_000_010_000_000, mean: 1e12) < 1e-10)
    #expect(Date().timeIntervalSince(started) < 1)
  }
}
