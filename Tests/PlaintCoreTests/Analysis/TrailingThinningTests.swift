import Foundation
import Testing

@testable import PlaintCore
import PlaintTestSupport

/// A count with mean `mean`: gamma-mixed with integer shape `shape` (nil: Poisson), drawn by
/// inversion for small means and by the normal curve for large ones.
private func draw(_ mean: Double, shape: Int?, _ generator: inout SplitMix64) -> Int {
  var lambda = mean
  if let shape {
    // Erlang(shape) / shape has mean 1 and variance 1 / shape.
    var sum = 0.0
    for _ in 0..<shape { sum -= log(1 - generator.unit()) }
    lambda *= sum / Double(shape)
  }
  if lambda < 30 { return generator.poissonByInversion(lambda) }
  let z =
    (-2 * log(1 - generator.unit())).squareRoot() * cos(2 * Double.pi * generator.unit())
  return max(0, Int((lambda + lambda.squareRoot() * z).rounded()))
}

/// `periods` whole periods around `level`.
private func steady(
  _ periods: Int, level: Double, shape: Int?, _ generator: inout SplitMix64
) -> [Int?] {
  (0..<periods).map { _ in draw(level, shape: shape, &generator) }
}

@Suite("Trailing thinning (publication lag)")
struct TrailingThinningTests {
  static let settings = TrailingThinning.Settings()

  /// The negative-binomial tail from its closed forms: P(X ≤ 0) = pᵏ and
  /// P(X ≤ 1) = pᵏ (1 + k (1 − p)) with p = k / (k + m); with no shape, the Poisson tail.
  @Test func theLowerTailMatchesItsClosedForms() {
    let (mean, shape) = (10.0, 2.0)
    let p = shape / (shape + mean)
    #expect(abs(TrailingThinning.lowerTail(0, mean: mean, shape: shape) - pow(p, shape)) < 1e-9)
    let one = pow(p, shape) * (1 + shape * (1 - p))
    #expect(abs(TrailingThinning.lowerTail(1, mean: mean, shape: shape) - one) < 1e-9)
    #expect(
      abs(TrailingThinning.lowerTail(3, mean: 4, shape: nil) - PoissonDistribution.cdf(3, mean: 4))
        < 1e-12)
    // A very large shape is Poisson.
    #expect(
      abs(
        TrailingThinning.lowerTail(80, mean: 100, shape: 1e7)
          - PoissonDistribution.cdf(80, mean: 100)) < 1e-4)
  }

  /// A steady export — Poisson, or varying 16 % month to month — is almost never called
  /// "filling in": at the default level of 0.001 per test, under 0.5 % of reports.
  @Test(arguments: [20.0, 100.0, 1_000.0])
  func aSteadyExportIsRarelyFillingIn(level: Double) {
    var generator = SplitMix64(seed: 20_261_202 &+ UInt64(level))
    var flagged = 0
    let histories = 2_000
    for history in 0..<histories {
      let shape: Int? = history % 2 == 0 ? nil : 40
      let counts = steady(18, level: level, shape: shape, &generator)
      if !TrailingThinning.find(counts, settings: Self.settings).isEmpty { flagged += 1 }
    }
    let share = Double(flagged) / Double(histories)
    print("steady export at \(level) a period: \(flagged) of \(histories) called filling in")
    #expect(share <= 0.005)
  }

  /// Publication lag: the last periods hold a shrinking fraction of their level (the Housing
  /// Ombudsman's 1,000 a month, then 12 % and 2 %). Both are found, and no earlier period.
  @Test(arguments: [60.0, 200.0, 1_000.0])
  func aRampAtTheEndIsFillingIn(level: Double) {
    var generator = SplitMix64(seed: 7 &+ UInt64(level))
    var (found, stray) = (0, 0)
    for _ in 0..<200 {
      var counts = steady(16, level: level, shape: 40, &generator)
      counts.append(draw(level * 0.12, shape: nil, &generator))
      counts.append(draw(level * 0.02, shape: nil, &generator))
      let thin = TrailingThinning.find(counts, settings: Self.settings)
      if thin.contains(where: { $0.index < 16 }) { stray += 1 }
      if thin.contains(where: { $0.index == 16 }) && thin.contains(where: { $0.index == 17 }) {
        found += 1
      }
    }
    print(
      "ramp at \(level) a period: both trailing periods found in \(found) of 200, an earlier one too in \(stray)"
    )
    #expect(found >= 180)
    #expect(stray <= 4)
  }

  /// A genuine drop that holds: two periods at 40 % of the level. The step is judged — neither
  /// period is filling in — most of the time (the ramp test at `rampLevel` takes the second
  /// period for a further fall about one time in six); its first month alone looks like a ramp.
  @Test(arguments: [60.0, 300.0])
  func aGenuineStepThatHoldsIsJudged(level: Double) {
    var generator = SplitMix64(seed: 99 &+ UInt64(level))
    var (hidden, first) = (0, 0)
    for _ in 0..<200 {
      var counts = steady(16, level: level, shape: 40, &generator)
      counts.append(draw(level * 0.4, shape: 40, &generator))
      counts.append(draw(level * 0.4, shape: 40, &generator))
      let thin = TrailingThinning.find(counts, settings: Self.settings)
      if !thin.isEmpty { hidden += 1 }
      if thin.contains(where: { $0.index == 16 }) { first += 1 }
    }
    print(
      "step to 40 % at \(level), held two periods: the last called filling in \(hidden) of 200, the first too \(first)"
    )
    #expect(hidden <= 50)
    #expect(first <= 40)
  }

  /// A drop in one part of the export (a line whose complaints fell) while the other holds its
  /// level moves the mix: the total is far below its level, but it is not lag.
  @Test func aDropInOnePartIsJudged() {
    var generator = SplitMix64(seed: 4)
    var parts: [[Int]?] = (0..<16).map { _ in
      [draw(600, shape: nil, &generator), draw(400, shape: nil, &generator)]
    }
    parts.append([draw(600, shape: nil, &generator), draw(40, shape: nil, &generator)])
    #expect(TrailingThinning.find(parts, settings: Self.settings).isEmpty)
    // The same total thinned evenly over both parts is lag.
    parts[16] = [draw(390, shape: nil, &generator), draw(250, shape: nil, &generator)]
    parts.append([draw(60, shape: nil, &generator), draw(40, shape: nil, &generator)])
    let thin = TrailingThinning.find(parts, settings: Self.settings)
    #expect(thin.map(\.index) == [16, 17])
  }

  /// Many sparse lines thinned evenly are still lag: the lines expecting fewer than 5 are
  /// pooled, so a single complaint in a line that expects 0.3 does not make the mix "move".
  @Test func manySparseLinesThinnedEvenlyAreLag() {
    var generator = SplitMix64(seed: 23)
    var found = 0
    for _ in 0..<100 {
      // 120 lines: two large, the rest at 2 a period.
      let levels = [300.0, 200.0] + Array(repeating: 2.0, count: 118)
      var parts: [[Int]?] = (0..<16).map { _ in
        levels.map { draw($0, shape: nil, &generator) }
      }
      parts.append(levels.map { draw($0 * 0.12, shape: nil, &generator) })
      parts.append(levels.map { draw($0 * 0.02, shape: nil, &generator) })
      if TrailingThinning.find(parts, settings: Self.settings).count == 2 { found += 1 }
    }
    print("120 lines, ramp of 12 % then 2 %: both periods found in \(found) of 100")
    #expect(found >= 90)
  }

  /// Reversible: once the late rows arrive, the same periods hold their level and are judged.
  @Test func aPeriodThatFillsInIsJudged() {
    var generator = SplitMix64(seed: 11)
    var counts = steady(16, level: 300, shape: 40, &generator)
    counts += [36, 6]
    #expect(TrailingThinning.find(counts, settings: Self.settings).count == 2)
    counts[16] = 290
    counts[17] = 310
    #expect(TrailingThinning.find(counts, settings: Self.settings).isEmpty)
    // Half filled in: the last period is still far below, the one before is not.
    counts[16] = 280
    counts[17] = 60
    #expect(TrailingThinning.find(counts, settings: Self.settings).map(\.index) == [17])
  }

  /// No verdict is withheld on a short history or a series without a level.
  @Test func aShortOrEmptyHistoryIsNeverFillingIn() {
    let (noCounts, noParts): ([Int?], [[Int]?]) = ([], [])
    let nothing = TrailingThinning.find(noCounts, settings: Self.settings)
    #expect(nothing.isEmpty)
    let noLines = TrailingThinning.find(noParts, settings: Self.settings)
    #expect(noLines.isEmpty)
    #expect(TrailingThinning.find([100, 100, 100, 2] as [Int?], settings: Self.settings).isEmpty)
    #expect(TrailingThinning.find(Array(repeating: 0, count: 14), settings: Self.settings).isEmpty)
    let gap: [Int?] = Array(repeating: 100, count: 14) + [nil]
    #expect(TrailingThinning.find(gap, settings: Self.settings).isEmpty)
    var off = Self.settings
    off.maxPeriods = 0
    #expect(TrailingThinning.find(Array(repeating: 100, count: 14) + [1], settings: off).isEmpty)
  }

  /// The lower limit is the first count not far below the level.
  @Test func theLowerLimitIsWhereTheTestStopsRejecting() {
    for (mean, shape) in [(50.0, nil), (900.0, 37.0), (12.0, 3.0)] as [(Double, Double?)] {
      let limit = TrailingThinning.lowerLimit(mean: mean, shape: shape, level: 0.001)
      #expect(TrailingThinning.lowerTail(limit, mean: mean, shape: shape) >= 0.001)
      if limit > 0 {
        #expect(TrailingThinning.lowerTail(limit - 1, mean: mean, shape: shape) < 0.001)
      }
    }
  }
}

/// Weekly exports vary far more from week to week than monthly ones (the Ombudsman's weeks run
/// from 0 to 570 around 200), so publication lag is tested in blocks of four weeks over a
/// quarter of a year (13 weeks), and a tail that thins to 0 and then holds a 5 still falls away.
@Suite("Trailing thinning, weekly")
struct WeeklyTrailingThinningTests {
  static let settings: TrailingThinning.Settings = {
    var settings = TrailingThinning.Settings(maxPeriods: 13)
    settings.blockPeriods = 4
    return settings
  }()

  /// A steady weekly export, Poisson or gamma-mixed with shape 2 (a coefficient of variation of
  /// 70 %), is rarely called filling in.
  @Test(arguments: [40.0, 200.0])
  func aSteadyWeeklyExportIsRarelyFillingIn(level: Double) {
    var generator = SplitMix64(seed: 52 &+ UInt64(level))
    var flagged = 0
    let histories = 2_000
    for history in 0..<histories {
      let shape: Int? = history % 2 == 0 ? nil : 2
      let counts = steady(40, level: level, shape: shape, &generator)
      if !TrailingThinning.find(counts, settings: Self.settings).isEmpty { flagged += 1 }
    }
    print("steady weekly export at \(level): \(flagged) of \(histories) called filling in")
    #expect(Double(flagged) / Double(histories) <= 0.005)
  }

  /// The Ombudsman's shape: 40 weeks around 200 with shape 2, then twelve weeks thinning from
  /// 30 % to 2 % of the level, zeros included. The last week is found filling in, and no week
  /// before the tail.
  @Test func aTwelveWeekTailIsFillingIn() {
    var generator = SplitMix64(seed: 2_026)
    var (found, stray) = (0, 0)
    let tail = [0.3, 0.12, 0.03, 0.08, 0.05, 0.02, 0.0, 0.02, 0.07, 0.03, 0.0, 0.03]
    for _ in 0..<200 {
      var counts = steady(40, level: 200, shape: 2, &generator)
      counts += tail.map { draw(200 * $0, shape: nil, &generator) }
      let thin = TrailingThinning.find(counts, settings: Self.settings)
      if thin.contains(where: { $0.index == 51 }) { found += 1 }
      if thin.contains(where: { $0.index < 40 }) { stray += 1 }
    }
    print(
      "twelve-week weekly tail: the last week found in \(found) of 200, an earlier week \(stray)")
    #expect(found >= 180)
    #expect(stray <= 4)
  }

  /// A genuine drop that holds — eight weeks at 40 % of the level at the end — is judged most
  /// of the time: its later half is not thinner than its earlier half.
  @Test func aWeeklyStepThatHoldsIsMostlyJudged() {
    var generator = SplitMix64(seed: 4_040)
    var hidden = 0
    for _ in 0..<200 {
      var counts = steady(40, level: 200, shape: 2, &generator)
      counts += (0..<8).map { _ in draw(80, shape: 2, &generator) }
      if !TrailingThinning.find(counts, settings: Self.settings).isEmpty { hidden += 1 }
    }
    print("weekly step to 40 %, held eight weeks: called filling in \(hidden) of 200")
    #expect(hidden <= 60)
  }

  /// Only the last week falls (to 40 % or 10 %: a holiday week, or a lag that has just begun).
  /// The block of four that holds it is far below its level, but a week that holds the level is
  /// never in a run still filling in, and a run does not start with weeks that are not below the
  /// level together, so the ordinary weeks before it mostly stay judged. They were withheld in
  /// 172 and 199 of these 200 histories before these rules, and an anomaly among them went
  /// unjudged; 22 and 29 with the first rule alone; 9 and 11 now, where the ordinary weeks
  /// together happen to fall below the level measured before them.
  @Test(arguments: [0.4, 0.1])
  func aLastWeekFallingAloneKeepsTheWeeksBeforeJudged(share: Double) {
    var generator = SplitMix64(seed: 4_848 &+ UInt64(share * 100))
    var withheld = 0
    for _ in 0..<200 {
      var counts = steady(40, level: 200, shape: nil, &generator)
      counts += (0..<3).map { _ in draw(200, shape: nil, &generator) }
      counts.append(draw(200 * share, shape: nil, &generator))
      let thin = TrailingThinning.find(counts, settings: Self.settings)
      if thin.contains(where: { $0.index < 43 }) { withheld += 1 }
      // Whatever is found, no week in it holds the level it is measured against.
      #expect(thin.allSatisfy { Double($0.count) < $0.expected }, "\(thin.map(\.count))")
    }
    print("last week alone at \(share): an ordinary week withheld in \(withheld) of 200")
    #expect(withheld <= 20)
  }

  /// A week with 0 followed by a week with 5 does not end the tail: the halves are compared,
  /// not each step. With monthly settings (one period a block, three at most) none is found.
  @Test func aZeroThenAFiveStillFallsAway() {
    let level = [210, 150, 320, 90, 260, 180, 400, 120, 230, 170, 60, 300, 200, 140, 250, 190]
    let counts: [Int?] = level + [62, 21, 4, 15, 9, 3, 0, 3, 14, 5, 0, 5]
    let thin = TrailingThinning.find(counts, settings: Self.settings)
    #expect(thin.map(\.index) == Array(16..<28))
    #expect(thin.last?.runComplaints == 141)
    // Week by week, as months are tested, no week of it is far below on its own.
    var single = Self.settings
    single.blockPeriods = 1
    #expect(TrailingThinning.find(counts, settings: single).isEmpty)
  }
}
