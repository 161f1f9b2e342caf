import Foundation

/// The Poisson distribution: exact tails from the incomplete gamma function and quantiles for limits.
public enum PoissonDistribution {
  /// Above this mean, tails and quantiles come from the normal curve with a continuity
  /// correction (and a skewness term for quantiles) instead of the exact sums, which would take
  /// millions of terms per call. At a mean of a million the Poisson skewness is 0.001: the
  /// approximation's error is far below what a count can show.
  public static let exactMeanLimit = 1_000_000.0

  /// P(X ≤ x | λ), the lower cumulative probability.
  public static func cdf(_ x: Int, mean lambda: Double) -> Double {
    guard x >= 0 else { return 0 }
    guard lambda > 0 else { return 1 }
    if lambda > exactMeanLimit {
      return 1 - SpecialFunctions.normalUpperTail((Double(x) + 0.5 - lambda) / lambda.squareRoot())
    }
    return SpecialFunctions.regularizedGammaQ(Double(x) + 1, lambda)
  }

  /// P(X ≥ x | λ), the one-sided upper-tail p-value of a count.
  public static func upperTail(_ x: Int, mean lambda: Double) -> Double {
    guard x > 0 else { return 1 }
    guard lambda > 0 else { return 0 }
    if lambda > exactMeanLimit {
      return SpecialFunctions.normalUpperTail((Double(x) - 0.5 - lambda) / lambda.squareRoot())
    }
    return SpecialFunctions.regularizedGammaP(Double(x), lambda)
  }

  /// The smallest q with P(X ≤ q | λ) ≥ p, as R's `qpois` defines it.
  public static func quantile(_ p: Double, mean lambda: Double) -> Int {
    guard lambda > 0, p > 0 else { return 0 }
    guard p < 1 else { return Int.max }
    // Start near the answer (normal approximation with a skewness correction), then walk.
    let z = SpecialFunctions.normalQuantile(p)
    let guess = lambda + z * lambda.squareRoot() + (z * z - 1) / 6
    // Beyond every count a report can hold; also keeps the conversion to Int in range.
    let largest = 1e17
    var q = max(0, Int(min(largest, guess).rounded(.down)))
    if lambda > exactMeanLimit {
      // The same walk on the normal curve; a few steps at most, bounded in case rounding at
      // huge means makes neighbouring counts look alike.
      for _ in 0..<64 where cdf(q, mean: lambda) < p { q += 1 }
      for _ in 0..<64 where q > 0 && cdf(q - 1, mean: lambda) >= p { q -= 1 }
      return q
    }
    while cdf(q, mean: lambda) < p { q += 1 }
    while q > 0, cdf(q - 1, mean: lambda) >= p { q -= 1 }
    return q
  }
}
