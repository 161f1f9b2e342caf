import Foundation
import Testing

@testable import PlaintCore
import PlaintTestSupport

/// A Poisson count with mean `mean`, gamma-mixed with integer shape `shape` when given; the
/// normal curve for large means.
private func draw(_ mean: Double, shape: Int? = nil, _ generator: inout SplitMix64) -> Int {
  var lambda = mean
  if let shape {
    var sum = 0.0
    for _ in 0..<shape { sum -= log(1 - generator.unit()) }
    lambda *= sum / Double(shape)
  }
  if lambda < 30 { return generator.poissonByInversion(lambda) }
  let z =
    (-2 * log(1 - generator.unit())).squareRoot() * cos(2 * Double.pi * generator.unit())
  return max(0, Int((lambda + lambda.squareRoot() * z).rounded()))
}

/// The deepest months of a publication lag sit near zero side by side (the Ombudsman's 113, 20,
/// 12 against about 857 a month), so the last no longer falls away from the one before it; a
/// run that has collapsed to under a tenth of its level is still filling in all the same.
@Suite("Trailing thinning, collapse to near zero")
struct TrailingThinningCollapseTests {
  static let settings = TrailingThinning.Settings()

  /// The tails the tester found missed: level 100 then 15, 5, 4; the Ombudsman's shape shifted
  /// six months (113, 20, 12 or 13 after about 857, varying 16 %). All three months are found.
  @Test(arguments: [
    (100.0, [15, 5, 4]), (900.0, [113, 20, 12]), (857.0, [113, 20, 13]), (60.0, [9, 2, 2]),
  ])
  func aTailThatHasCollapsedIsFillingIn(level: Double, tail: [Int]) {
    var generator = SplitMix64(seed: 16 &+ UInt64(level))
    var counts: [Int?] = (0..<18).map { _ in draw(level, shape: 40, &generator) }
    counts += tail.map { $0 }
    let thin = TrailingThinning.find(counts, settings: Self.settings)
    #expect(thin.map(\.index) == [18, 19, 20], "\(counts)")
  }

  /// Power: tails at 15 %, 5 %, 4 % and at 13 %, 2.3 %, 1.4 % of the level (the Ombudsman's),
  /// Poisson-drawn, 200 histories each: the last month is found filling in nearly always.
  @Test(arguments: [60.0, 100.0, 900.0])
  func collapsedTailsAreFound(level: Double) {
    var generator = SplitMix64(seed: 1_515 &+ UInt64(level))
    for tail in [[0.15, 0.05, 0.04], [0.13, 0.023, 0.014]] {
      var found = 0
      for _ in 0..<200 {
        var counts: [Int?] = (0..<18).map { _ in draw(level, shape: 40, &generator) }
        counts += tail.map { draw(level * $0, &generator) }
        if TrailingThinning.find(counts, settings: Self.settings).contains(where: { $0.index == 20 }
        ) {
          found += 1
        }
      }
      print("collapsed tail \(tail) at \(level) a period: the last period found \(found) of 200")
      #expect(found >= 180)
    }
  }

  /// Size: where no lag exists — steady lines, Poisson or varying 16 %, and seasonal lines whose
  /// yearly cycle dips to 20 % or to 5 % of their mean (2,000 histories of 30 periods each, a
  /// random phase) — a trailing period is rarely withheld, and the collapse rule adds almost
  /// nothing to what falling away already withheld.
  @Test(arguments: [20.0, 100.0, 1_000.0])
  func linesWithoutLagAreRarelyWithheld(level: Double) {
    var generator = SplitMix64(seed: 30_303 &+ UInt64(level))
    for amplitude in [0.0, 0.8, 0.95] {
      var (flagged, byCollapse) = (0, 0)
      let histories = 2_000
      for history in 0..<histories {
        let shape: Int? = history % 2 == 0 ? nil : 40
        let phase = generator.unit() * 12
        let counts: [Int?] = (0..<30).map { month in
          let season = 1 + amplitude * sin(2 * Double.pi * (Double(month) + phase) / 12)
          return draw(level * season, shape: shape, &generator)
        }
        let thin = TrailingThinning.find(counts, settings: Self.settings)
        guard !thin.isEmpty else { continue }
        flagged += 1
        let run = thin.map(\.count)
        let before = thin[0].index > 0 ? counts[thin[0].index - 1] : nil
        if !TrailingThinning.fallsAway(run, before: before, shape: thin[0].shape) {
          byCollapse += 1
        }
      }
      print(
        "no lag, \(level) a period, seasonal amplitude \(amplitude): withheld \(flagged) of \(histories), \(byCollapse) of them by the collapse rule"
      )
      #expect(Double(flagged) / Double(histories) <= 0.01)
      #expect(byCollapse <= 4)
    }
  }

  /// A collapse to near zero that holds (a line whose complaints really stopped) cannot be told
  /// from lag at the end of the data: it is named as filling in, never judged an improvement.
  /// A drop to 40 % that holds is still judged (it neither falls away nor collapses).
  @Test func aStepToNearZeroIsWithheldAndAStepToFortyPercentJudged() {
    let before: [Int?] = [100, 96, 104, 99, 101, 97, 103, 100, 98, 102, 95, 105, 100, 99]
    #expect(TrailingThinning.find(before + [5, 5, 5], settings: Self.settings).count == 3)
    #expect(TrailingThinning.find(before + [40, 41], settings: Self.settings).isEmpty)
  }
}
