import Foundation

/// Exact tests on small counts: Fisher's test of a 2 × 2 table and the conditional binomial test
/// of two Poisson rates.
public enum ExactTests {
  /// ln C(n, k).
  static func logChoose(_ n: Int, _ k: Int) -> Double {
    lgamma(Double(n) + 1) - lgamma(Double(k) + 1) - lgamma(Double(n - k) + 1)
  }

  /// P(X ≥ x) for X ~ Binomial(n, p).
  public static func binomialUpperTail(_ x: Int, trials n: Int, probability p: Double) -> Double {
    guard x > 0 else { return 1 }
    guard x <= n else { return 0 }
    if p <= 0 { return 0 }
    if p >= 1 { return 1 }
    var total = 0.0
    for k in x...n {
      total += exp(logChoose(n, k) + Double(k) * log(p) + Double(n - k) * log1p(-p))
    }
    return min(1, total)
  }

  /// P(X ≤ x) for X ~ Binomial(n, p).
  public static func binomialLowerTail(_ x: Int, trials n: Int, probability p: Double) -> Double {
    guard x >= 0 else { return 0 }
    guard x < n else { return 1 }
    return max(0, 1 - binomialUpperTail(x + 1, trials: n, probability: p))
  }

  /// One-sided Fisher exact test on the 2 × 2 table [[a, b], [c, d]]: the probability, with the
  /// margins fixed, of a top-left count of at least `a` (the first row holds more of the first
  /// column than the second row does).
  public static func fisherUpperTail(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> Double {
    let row = a + b
    let column = a + c
    let total = a + b + c + d
    guard row > 0, column > 0, total > 0 else { return 1 }
    let top = min(row, column)
    let denominator = logChoose(total, column)
    var p = 0.0
    for k in a...top where column - k <= total - row {
      let term = exp(logChoose(row, k) + logChoose(total - row, column - k) - denominator)
      p += term
      // Past the mode the terms only fall: stop once they no longer change the sum.
      if term < p * 1e-17, Double(k) > Double(row) * Double(column) / Double(total) { break }
    }
    return min(1, p)
  }

  /// The exact Poisson rate-ratio test: with c₁ events over exposure e₁ before and c₂ over e₂
  /// after, c₂ given c₁ + c₂ is Binomial(c₁ + c₂, e₂ / (e₁ + e₂)) when the rates are equal.
  /// Returns the two-sided p-value (twice the smaller tail, at most 1).
  public static func rateRatioPValue(
    before c1: Int, exposure e1: Double, after c2: Int, exposure e2: Double
  ) -> Double? {
    guard e1 > 0, e2 > 0 else { return nil }
    let n = c1 + c2
    guard n > 0 else { return 1 }
    let p = e2 / (e1 + e2)
    let upper = binomialUpperTail(c2, trials: n, probability: p)
    let lower = binomialLowerTail(c2, trials: n, probability: p)
    return min(1, 2 * min(upper, lower))
  }
}
