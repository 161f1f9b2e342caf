import Foundation

/// The one-sided test of a count against a rolling baseline that allows for the baseline being
/// an estimate: given x now over n units and B over N in the baseline, x given x + B is
/// Binomial(x + B, n / (n + N)) when the rate has not changed (the exact conditional test of two
/// Poisson rates). The plug-in Poisson tail P(X ≥ x | λ = B·n/N) treats B/N as the true rate and,
/// over 56 cells a month, raises about half again as many false alarms as it promises.
enum PredictiveTest {
  /// P(X ≥ x) for X ~ Binomial(x + B, n / (n + N)).
  static func upperTail(_ x: Int, units n: Double, baselineCount b: Int, baselineUnits big: Double)
    -> Double
  {
    guard x > 0 else { return 1 }
    guard n > 0, big > 0 else { return 1 }
    let trials = x + b
    let p = n / (n + big)
    let mean = Double(trials) * p
    if Double(x) > mean {
      return min(1, binomialSum(from: x, through: trials, trials: trials, p: p))
    }
    return max(0, 1 - binomialSum(from: x - 1, through: 0, trials: trials, p: p))
  }

  /// The upper tail of an overdispersed count as a scaled Poisson: x/φ against a Poisson mean
  /// of μ/φ (continuous in x/φ through the incomplete gamma function), so the tail keeps the
  /// right skew of counts that the normal curve of a Laney chart leaves out.
  static func quasiPoissonUpperTail(_ x: Int, mean: Double, dispersion: Double) -> Double {
    guard x > 0 else { return 1 }
    guard mean > 0 else { return 0 }
    let phi = max(1, dispersion)
    return SpecialFunctions.regularizedGammaP(Double(x) / phi, mean / phi)
  }

  /// P(T ≥ t) for Student's t with `df` degrees of freedom (df may be fractional).
  static func studentUpperTail(_ t: Double, degreesOfFreedom df: Double) -> Double {
    guard df > 0, !t.isNaN else { return 1 }
    if t.isInfinite { return t > 0 ? 0 : 1 }
    let tail = 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5)
    return t >= 0 ? tail : 1 - tail
  }

  /// The regularised incomplete beta function I_x(a, b) (continued fraction, Lentz's method).
  static func regularizedBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
    guard x > 0 else { return 0 }
    guard x < 1 else { return 1 }
    let front = exp(
      lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x))
    if x < (a + 1) / (a + b + 2) {
      return front * betaFraction(x, a, b) / a
    }
    return 1 - front * betaFraction(1 - x, b, a) / b
  }

  private static func betaFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
    let tiny = 1e-300
    var c = 1.0
    var d = 1 - (a + b) * x / (a + 1)
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var h = d
    for m in 1...10_000 {
      let m = Double(m)
      let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
      d = 1 + even * d
      if abs(d) < tiny { d = tiny }
      c = 1 + even / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      h *= d * c
      let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
      d = 1 + odd * d
      if abs(d) < tiny { d = tiny }
      c = 1 + odd / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) < 1e-15 { break }
    }
    return h
  }

  /// Σ P(X = k) from `start` towards `end`, stopping once the terms no longer count (they fall
  /// monotonically away from the mode, which lies outside the range summed).
  private static func binomialSum(from start: Int, through end: Int, trials: Int, p: Double)
    -> Double
  {
    let step = end >= start ? 1 : -1
    let logP = log(p)
    let logQ = log1p(-p)
    var total = 0.0
    var k = start
    while true {
      let term = exp(
        ExactTests.logChoose(trials, k) + Double(k) * logP + Double(trials - k) * logQ)
      total += term
      if k == end || term < total * 1e-16 { break }
      k += step
    }
    return total
  }
}
