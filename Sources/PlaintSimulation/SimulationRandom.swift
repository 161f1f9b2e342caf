import Foundation

/// A xoshiro256** generator seeded through SplitMix64, with the draws the simulation needs.
///
/// The same generator as plaint-datagen's (copied, not shared, so neither tool's stream changes
/// when the other's needs do): the standard library's random algorithms may change between
/// releases, so every draw is built on `next()` and a seed always gives the same histories.
struct SimulationRandom {
  private var s0: UInt64
  private var s1: UInt64
  private var s2: UInt64
  private var s3: UInt64

  init(seed: UInt64) {
    var state = seed
    func splitMix() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    s0 = splitMix()
    s1 = splitMix()
    s2 = splitMix()
    s3 = splitMix()
  }

  /// An independent stream for one purpose (one history, one cell).
  func fork(_ salt: UInt64) -> SimulationRandom {
    var copy = self
    return SimulationRandom(seed: copy.next() ^ (salt &* 0xD6E8_FEB8_6659_FD93))
  }

  @inline(__always)
  mutating func next() -> UInt64 {
    let result = rotate(s1 &* 5, 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = rotate(s3, 45)
    return result
  }

  @inline(__always)
  private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

  /// A double in [0, 1).
  @inline(__always)
  mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }

  /// A standard normal draw (Box–Muller).
  mutating func normal() -> Double {
    let u1 = 1 - uniform()
    let u2 = uniform()
    return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
  }

  /// A gamma draw with mean `shape * scale` (Marsaglia and Tsang, 2000).
  mutating func gamma(shape: Double, scale: Double) -> Double {
    if shape < 1 {
      let boosted = gamma(shape: shape + 1, scale: scale)
      return boosted * pow(1 - uniform(), 1 / shape)
    }
    let d = shape - 1.0 / 3.0
    let c = 1 / (9 * d).squareRoot()
    while true {
      let x = normal()
      var v = 1 + c * x
      if v <= 0 { continue }
      v = v * v * v
      let u = 1 - uniform()
      if u < 1 - 0.0331 * x * x * x * x { return d * v * scale }
      if log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v * scale }
    }
  }

  /// A Poisson draw: multiplication below mean 10, Hörmann's PTRS transformed rejection above.
  mutating func poisson(_ mean: Double) -> Int {
    if mean <= 0 { return 0 }
    if mean < 10 {
      let limit = exp(-mean)
      var product = uniform()
      var count = 0
      while product > limit {
        product *= uniform()
        count += 1
      }
      return count
    }
    let logMean = log(mean)
    let b = 0.931 + 2.53 * mean.squareRoot()
    let a = -0.059 + 0.02483 * b
    let inverseAlpha = 1.1239 + 1.1328 / (b - 3.4)
    let vr = 0.9277 - 3.6224 / (b - 2)
    while true {
      let u = uniform() - 0.5
      let v = uniform()
      let us = 0.5 - abs(u)
      let k = ((2 * a / us + b) * u + mean + 0.43).rounded(.down)
      if us >= 0.07 && v <= vr { return Int(k) }
      if k < 0 || (us < 0.013 && v > us) { continue }
      let lhs = log(v) + log(inverseAlpha) - log(a / (us * us) + b)
      if lhs <= -mean + k * logMean - lgamma(k + 1) { return Int(k) }
    }
  }
}
