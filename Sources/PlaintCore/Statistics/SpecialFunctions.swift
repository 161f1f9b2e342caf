import Foundation

/// The special functions behind the exact tails: regularised incomplete gamma and the normal curve.
enum SpecialFunctions {
  /// Relative accuracy the iterations aim for.
  private static let epsilon = 1e-15
  /// Guards the continued fraction against division by zero.
  private static let tiny = 1e-300
  private static let maxIterations = 1_000_000

  /// The regularised lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a).
  static func regularizedGammaP(_ a: Double, _ x: Double) -> Double {
    guard a > 0, x > 0 else { return x > 0 || a <= 0 ? 1 : 0 }
    if x.isInfinite { return 1 }
    return x < a + 1 ? gammaSeries(a, x) : 1 - gammaContinuedFraction(a, x)
  }

  /// The regularised upper incomplete gamma function Q(a, x) = 1 − P(a, x), accurate in the tail.
  static func regularizedGammaQ(_ a: Double, _ x: Double) -> Double {
    guard a > 0, x > 0 else { return x > 0 || a <= 0 ? 0 : 1 }
    if x.isInfinite { return 0 }
    return x < a + 1 ? 1 - gammaSeries(a, x) : gammaContinuedFraction(a, x)
  }

  /// The prefactor xᵃ e⁻ˣ / Γ(a), taken through logarithms so large arguments do not overflow.
  private static func prefactor(_ a: Double, _ x: Double) -> Double {
    exp(a * log(x) - x - lgamma(a))
  }

  /// P(a, x) from the power series, which converges quickly for x < a + 1.
  private static func gammaSeries(_ a: Double, _ x: Double) -> Double {
    var denominator = a
    var term = 1 / a
    var sum = term
    for _ in 0..<maxIterations {
      denominator += 1
      term *= x / denominator
      sum += term
      if abs(term) < abs(sum) * epsilon { break }
    }
    return min(1, sum * prefactor(a, x))
  }

  /// Q(a, x) from its continued fraction (modified Lentz), which converges for x ≥ a + 1.
  private static func gammaContinuedFraction(_ a: Double, _ x: Double) -> Double {
    var b = x + 1 - a
    var c = 1 / tiny
    var d = 1 / b
    var fraction = d
    for step in 1...maxIterations {
      let n = Double(step)
      let an = -n * (n - a)
      b += 2
      d = an * d + b
      if abs(d) < tiny { d = tiny }
      c = b + an / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      fraction *= delta
      if abs(delta - 1) < epsilon { break }
    }
    return min(1, fraction * prefactor(a, x))
  }

  /// The standard normal upper tail 1 − Φ(z).
  static func normalUpperTail(_ z: Double) -> Double {
    0.5 * erfc(z / 2.0.squareRoot())
  }

  /// The two-sided normal tail beyond ±k: α = 2(1 − Φ(k)), 0.0027 for k = 3.
  static func twoSidedAlpha(sigma k: Double) -> Double {
    erfc(k / 2.0.squareRoot())
  }

  /// The standard normal quantile Φ⁻¹(p), by bisection on the tail function.
  static func normalQuantile(_ p: Double) -> Double {
    guard p > 0 else { return -.infinity }
    guard p < 1 else { return .infinity }
    var low = -40.0
    var high = 40.0
    for _ in 0..<200 {
      let middle = (low + high) / 2
      if normalUpperTail(-middle) < p { low = middle } else { high = middle }
      if high - low < 1e-15 * max(1, abs(middle)) { break }
    }
    return (low + high) / 2
  }
}
