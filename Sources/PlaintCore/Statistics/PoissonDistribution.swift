import Foundation

/// The Poisson distribution: exact tails from the incomplete gamma function and quantiles for limits.
public enum PoissonDistribution {
  /// P(X ≤ x | λ), the lower cumulative probability.
  public static func cdf(_ x: Int, mean lambda: Double) -> Double {
    guard x >= 0 else { return 0 }
    guard lambda > 0 else { return 1 }
    return SpecialFunctions.regularizedGammaQ(Double(x) + 1, lambda)
  }

  /// P(X ≥ x | λ), the one-sided upper-tail p-value of a count.
  public static func upperTail(_ x: Int, mean lambda: Double) -> Double {
    guard x > 0 else { return 1 }
    guard lambda > 0 else { return 0 }
    return SpecialFunctions.regularizedGammaP(Double(x), lambda)
  }

  /// The smallest q with P(X ≤ q | λ) ≥ p, as R's `qpois` defines it.
  public static func quantile(_ p: Double, mean lambda: Double) -> Int {
    guard lambda > 0, p > 0 else { return 0 }
    guard p < 1 else { return Int.max }
    // Start near the answer (normal approximation with a skewness correction), then walk.
    let z = SpecialFunctions.normalQuantile(p)
    let guess = lambda + z * lambda.squareRoot() + (z * z - 1) / 6
    var q = max(0, Int(guess.rounded(.down)))
    while cdf(q, mean: lambda) < p { q += 1 }
    while q > 0, cdf(q - 1, mean: lambda) >= p { q -= 1 }
    return q
  }
}
