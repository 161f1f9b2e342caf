import Foundation
import Testing

@testable import PlaintCore
import PlaintTestSupport

/// The export's final stretch of days: publication lag thins the most recent days most, so a
/// thin last period whose export's last week arrives at the usual daily rate is a drop, judged.
@Suite("Trailing thinning: the export's last days")
struct TrailingThinningStretchTests {
  static let settings = TrailingThinning.Settings()
  /// Seven days of a month.
  static let week = 7 / (365.2425 / 12)

  /// A Poisson count with `mean`, by the normal curve above 30.
  static func draw(_ mean: Double, _ generator: inout SplitMix64) -> Int {
    if mean < 30 { return generator.poissonByInversion(mean) }
    let z =
      (-2 * log(1 - generator.unit())).squareRoot() * cos(2 * Double.pi * generator.unit())
    return max(0, Int((mean + mean.squareRoot() * z).rounded()))
  }

  /// A last period at `share` of its level, over 16 steady periods at `level`.
  static func history(_ level: Double, share: Double, _ generator: inout SplitMix64) -> [Int?] {
    (0..<16).map { _ in draw(level, &generator) } + [draw(level * share, &generator)]
  }

  /// A 70 % drop (or a fall to 12 %) whose last week arrives at the usual rate is judged: held
  /// back as filling in at most 1 % of the time from 200 a month (15 % at 60 a month, where a
  /// week holds about 14); without the last week it would almost always be held back.
  @Test(arguments: [60.0, 200.0, 1_000.0], [0.3, 0.12])
  func aThinPeriodWithAFullLastWeekIsJudged(level: Double, share: Double) {
    var generator = SplitMix64(seed: 31 &+ UInt64(level) &+ UInt64(share * 100))
    var (hidden, thinAlone) = (0, 0)
    for _ in 0..<200 {
      let counts = Self.history(level, share: share, &generator)
      if !TrailingThinning.find(counts, settings: Self.settings).isEmpty { thinAlone += 1 }
      let stretch = TrailingThinning.FinalStretch(
        count: Self.draw(level * Self.week, &generator), periods: Self.week)
      if !TrailingThinning.find(counts, settings: Self.settings, finalStretch: stretch).isEmpty {
        hidden += 1
      }
    }
    print(
      "\(share) of \(level), last week full: \(hidden) of 200 held back (\(thinAlone) without it)"
    )
    #expect(thinAlone >= 150)
    // At 60 a month a week holds about 14, and a quiet full week can look thin.
    #expect(hidden <= (level < 100 ? 30 : 2))
  }

  /// A true ramp — the last period at 12 % and its last week at 2 % of the usual rate — is still
  /// filling in, almost as often as without the last week.
  @Test(arguments: [60.0, 200.0, 1_000.0])
  func aRampWithAThinLastWeekIsStillFillingIn(level: Double) {
    var generator = SplitMix64(seed: 77 &+ UInt64(level))
    var (found, foundAlone) = (0, 0)
    for _ in 0..<200 {
      let counts = Self.history(level, share: 0.12, &generator)
      let stretch = TrailingThinning.FinalStretch(
        count: Self.draw(level * Self.week * 0.02, &generator), periods: Self.week)
      let thin = TrailingThinning.find(counts, settings: Self.settings, finalStretch: stretch)
      if thin.map(\.index) == [16] { found += 1 }
      if !TrailingThinning.find(counts, settings: Self.settings).isEmpty { foundAlone += 1 }
      if let first = thin.first {
        #expect(first.finalStretch == stretch.count)
        #expect(abs((first.finalStretchExpected ?? 0) - first.expected * Self.week) < 1e-9)
      }
    }
    print(
      "ramp at \(level), last week at 2 %: \(found) of 200 filling in (\(foundAlone) without it)"
    )
    // At 60 a month the last period is sometimes 3 or fewer, and a week drawn apart from it
    // may hold more than the month's own rate: rarely judged.
    #expect(found >= foundAlone - 4)
    #expect(found >= 180)
  }
}
