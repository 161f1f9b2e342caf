import Foundation
import Testing

@testable import PlaintCore
import PlaintTestSupport

private func side(from month: Int, counts: [Int], exposure: Double = 1000)
  -> [ReleaseEffect.Observation]
{
  counts.enumerated().map {
    ReleaseEffect.Observation(period: .month(2026, month + $0), count: $1, exposure: exposure)
  }
}

@Suite("Release effect")
struct ReleaseEffectTests {
  @Test func aTripledRateIsARise() {
    // 60 complaints before and 180 after on equal exposure: given 240, the after side would be
    // Binomial(240, ½) with equal rates, mean 120 and σ ≈ 7.7; 180 lies 7.7 σ out.
    let test = ReleaseEffect.test(
      before: side(from: 1, counts: Array(repeating: 10, count: 6)),
      after: side(from: 7, counts: Array(repeating: 30, count: 6)))
    #expect(test.verdict == .up)
    #expect(test.countBefore == 60 && test.countAfter == 180)
    #expect(test.rateBefore == 0.01 && test.rateAfter == 0.03)
    #expect(abs((test.ratio ?? 0) - 3) < 1e-12)
    #expect((test.pValue ?? 1) < 1e-6)
  }

  @Test func aSmallStepIsNoChange() {
    // 60 against 66: half a σ of Binomial(126, ½) from its mean.
    let test = ReleaseEffect.test(
      before: side(from: 1, counts: Array(repeating: 10, count: 6)),
      after: side(from: 7, counts: Array(repeating: 11, count: 6)))
    #expect(test.verdict == .noChange)
    #expect((test.pValue ?? 0) > 0.5)
    #expect(abs((test.ratio ?? 0) - 1.1) < 1e-12)
  }

  @Test func theSameRateOnMoreExposureIsNoChange() {
    let test = ReleaseEffect.test(
      before: side(from: 1, counts: [10, 10, 10], exposure: 1000),
      after: side(from: 4, counts: [20, 20, 20], exposure: 2000))
    #expect(test.ratio == 1)
    #expect(test.verdict == .noChange)
  }

  @Test func aFallIsDownAndTheTestIsSymmetric() {
    var random = SplitMix64(seed: 6)
    for _ in 0..<100 {
      let before = side(from: 1, counts: (0..<6).map { _ in random.next(below: 40) })
      let after = side(from: 7, counts: (0..<6).map { _ in random.next(below: 40) })
      let forward = ReleaseEffect.test(before: before, after: after)
      let backward = ReleaseEffect.test(before: after, after: before)
      #expect(abs((forward.pValue ?? -1) - (backward.pValue ?? 1)) < 1e-12)
      switch forward.verdict {
      case .up: #expect(backward.verdict == .down)
      case .down: #expect(backward.verdict == .up)
      case .noChange: #expect(backward.verdict == .noChange)
      case .notEnoughData: Issue.record("both sides have exposure")
      }
    }
    let fall = ReleaseEffect.test(
      before: side(from: 1, counts: [30, 30, 30]), after: side(from: 4, counts: [5, 5, 5]))
    #expect(fall.verdict == .down)
  }

  @Test func aSideWithoutExposureIsNotEnoughData() {
    let test = ReleaseEffect.test(before: side(from: 1, counts: [10, 12]), after: [])
    #expect(test.verdict == .notEnoughData)
    #expect(test.rateAfter == nil && test.ratio == nil && test.pValue == nil)
    #expect(test.rateBefore == 0.011)
  }

  @Test func theWindowSkipsUnobservedPeriodsAndStopsAtTheLimit() {
    let zone = TimeZone.gmt
    func observe(_ period: Period) -> ReleaseEffect.Observation? {
      period == .month(2026, 5) ? nil : .init(period: period, count: 1, exposure: 1)
    }
    let whole = ReleaseEffect.window(
      release: .month(2026, 7), firstAfter: .month(2026, 8), from: .month(2026, 1),
      through: .month(2026, 12), in: zone, observe: observe)
    #expect(whole.before.map(\.period.number) == [1, 2, 3, 4, 6])
    #expect(whole.after.map(\.period.number) == [8, 9, 10, 11, 12])
    let short = ReleaseEffect.window(
      release: .month(2026, 7), firstAfter: .month(2026, 7), from: .month(2026, 1),
      through: .month(2026, 12), in: zone, limit: 3, observe: observe)
    #expect(short.before.map(\.period.number) == [3, 4, 6])
    #expect(short.after.map(\.period.number) == [7, 8, 9])
  }

  @Test func aReleaseOnAPeriodsFirstDayCountsItsPeriodAsAfter() {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = .gmt
    let first = calendar.date(from: DateComponents(year: 2026, month: 7, day: 1)) ?? .distantPast
    let middle = calendar.date(from: DateComponents(year: 2026, month: 7, day: 15)) ?? .distantPast
    let onFirst = ReleaseEffect.periods(releasedOn: first, in: .gmt, granularity: .month)
    #expect(onFirst.release == .month(2026, 7) && onFirst.firstAfter == .month(2026, 7))
    let inMiddle = ReleaseEffect.periods(releasedOn: middle, in: .gmt, granularity: .month)
    #expect(inMiddle.release == .month(2026, 7) && inMiddle.firstAfter == .month(2026, 8))
  }
}
