import Foundation

/// A small seeded generator (SplitMix64) shared by the test targets, so a failing property case
/// can be replayed from its seed.
public struct SplitMix64: RandomNumberGenerator {
  public var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A draw in `0..<bound` (by remainder, which is plenty for tests).
  public mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }

  /// A uniform draw in `[0, 1)` from the top 53 bits.
  public mutating func unit() -> Double { Double(next() >> 11) / Double(UInt64(1) << 53) }

  /// A Poisson draw by counting uniform products (Knuth), fine for small means.
  public mutating func poisson(_ lambda: Double) -> Int {
    let limit = exp(-lambda)
    var product = Double.random(in: 0..<1, using: &self)
    var count = 0
    while product > limit {
      count += 1
      product *= Double.random(in: 0..<1, using: &self)
    }
    return count
  }

  /// A Poisson draw by inverting the cumulative distribution (one uniform per draw).
  public mutating func poissonByInversion(_ mean: Double) -> Int {
    var k = 0
    var p = exp(-mean)
    var cumulative = p
    let u = unit()
    while u > cumulative && k < 1_000 {
      k += 1
      p *= mean / Double(k)
      cumulative += p
    }
    return k
  }
}
