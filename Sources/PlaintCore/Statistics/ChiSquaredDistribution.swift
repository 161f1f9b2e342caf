import Foundation

/// The χ² distribution, for the dispersion test that decides between u and Laney u′ charts.
public enum ChiSquaredDistribution {
  /// P(X ≤ x) for X ~ χ²(df).
  public static func cdf(_ x: Double, degreesOfFreedom df: Double) -> Double {
    SpecialFunctions.regularizedGammaP(df / 2, x / 2)
  }

  /// P(X ≥ x) for X ~ χ²(df): the p-value of a dispersion or independence statistic.
  public static func upperTail(_ x: Double, degreesOfFreedom df: Double) -> Double {
    SpecialFunctions.regularizedGammaQ(df / 2, x / 2)
  }

  /// The x with P(X ≤ x) = p for X ~ χ²(df), by bisection on the incomplete gamma function.
  public static func quantile(_ p: Double, degreesOfFreedom df: Double) -> Double {
    guard df > 0, p > 0 else { return 0 }
    guard p < 1 else { return .infinity }
    var low = 0.0
    var high = max(1, df)
    while cdf(high, degreesOfFreedom: df) < p { high *= 2 }
    for _ in 0..<300 {
      let middle = (low + high) / 2
      if cdf(middle, degreesOfFreedom: df) < p { low = middle } else { high = middle }
      if high - low <= 1e-14 * high { break }
    }
    return (low + high) / 2
  }
}
