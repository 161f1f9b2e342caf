import Testing

@testable import PlaintCore
import PlaintTestSupport

/// A count series: `before` periods of Poisson counts at `level`, then `after` at `level ×
/// factor` (one unit a period: a count chart).
private func stepped(
  level: Double, factor: Double, before: Int = 24, after: Int = 24,
  _ generator: inout SplitMix64
) -> [ChartObservation] {
  (0..<(before + after)).map { period in
    let mean = period < before ? level : level * factor
    return ChartObservation(count: generator.poisson(mean), units: 1)
  }
}

private func settings(rebaselineAfter: Int?) -> DetectorSettings {
  var settings = DetectorSettings()
  settings.rebaselineAfter = rebaselineAfter
  return settings
}

/// A sustained shift becomes the new level: the first months of a step are flagged exactly as
/// before, and once it has held for `rebaseline_after` periods the baseline follows it instead
/// of calling every later month an anomaly.
@Suite("Level shifts")
struct LevelShiftTests {
  /// Until a shift is confirmed the detector judges every point as it did without the rule:
  /// the power of the first months of a step is not touched.
  @Test(arguments: [(5.0, 3.0), (20.0, 2.0), (100.0, 1.5), (100.0, 0.5)])
  func everyPointBeforeTheShiftIsConfirmedIsJudgedAsBefore(level: Double, factor: Double) {
    var generator = SplitMix64(seed: 1_202 &+ UInt64(level * factor))
    var series: [Int: [ChartObservation]] = [:]
    for key in 0..<60 {
      series[key] = stepped(level: level, factor: factor, &generator)
    }
    let on = AnomalyDetector.judge(series, settings: settings(rebaselineAfter: 6))
    let off = AnomalyDetector.judge(series, settings: settings(rebaselineAfter: nil))
    var confirmed = 0
    for key in series.keys {
      let (new, old) = (on[key]?.points ?? [], off[key]?.points ?? [])
      // The family of a period holds every cell, so a cell that shifted can move another's
      // q-value: compare each cell only up to the first shift confirmed in any cell.
      let end =
        series.keys.compactMap { other in
          on[other]?.points.firstIndex { $0.shift?.confirmed != nil }
        }.min().map { $0 + 1 } ?? new.count
      if new.contains(where: { $0.shift != nil }) { confirmed += 1 }
      for period in 0..<min(end, new.count) {
        #expect(new[period].isAnomaly == old[period].isAnomaly)
        #expect(new[period].watchRules == old[period].watchRules)
        #expect(new[period].point.center == old[period].point.center)
      }
    }
    print("level \(level) × \(factor): \(confirmed) of 60 series confirmed a shift")
  }

  /// A step that holds — four times a level of 20, doubled at 100, a fall to half of 100 — is
  /// flagged in its first months and followed after six: its last period is judged against the
  /// new level, with the baseline window starting at the step. Without the rule the step up
  /// stays an anomaly to the end.
  @Test(arguments: [(20.0, 4.0), (100.0, 2.0), (100.0, 0.5)])
  func aStepThatHoldsIsFollowed(level: Double, factor: Double) {
    var generator = SplitMix64(seed: 77 &+ UInt64(level * factor))
    var (followed, startsAtStep, flaggedAtEnd, oldFlaggedAtEnd, firstMonths) = (0, 0, 0, 0, 0)
    let histories = 200
    for _ in 0..<histories {
      let series = [0: stepped(level: level, factor: factor, &generator)]
      let points =
        AnomalyDetector.judge(series, settings: settings(rebaselineAfter: 6))[0]?
        .points ?? []
      let old =
        AnomalyDetector.judge(series, settings: settings(rebaselineAfter: nil))[0]?
        .points ?? []
      guard let last = points.last else { continue }
      // The step's own shift: a chance phase before the step (rare, see below) is not it.
      if let shift = points.lazy.compactMap(\.shift).first(where: { $0.start >= 24 }) {
        followed += 1
        #expect(shift.direction == (factor > 1 ? .up : .down))
        #expect(shift.confirmed - shift.start + 1 >= 6)
      }
      if let window = last.baselineWindow, window.lowerBound >= 24 { startsAtStep += 1 }
      if last.isAnomaly || last.isImprovement { flaggedAtEnd += 1 }
      if old.last?.isAnomaly == true { oldFlaggedAtEnd += 1 }
      let early = points[24..<30]
      if factor > 1 ? early.contains(where: \.isAnomaly) : early.contains(where: \.isImprovement) {
        firstMonths += 1
      }
    }
    print(
      "step × \(factor) at \(level): followed in \(followed) of \(histories), baseline from the step \(startsAtStep), flagged in the last period \(flaggedAtEnd) (without the rule \(oldFlaggedAtEnd)), flagged in the first six months \(firstMonths)"
    )
    #expect(followed >= histories * 95 / 100)
    #expect(startsAtStep >= histories * 95 / 100)
    #expect(flaggedAtEnd <= histories / 20)
    #expect(firstMonths >= histories * 95 / 100)
    if factor > 1 { #expect(oldFlaggedAtEnd >= histories * 95 / 100) }
  }

  /// In-control series rarely confirm a shift by chance: the run must open beyond a 3σ limit
  /// (4 of these 500 series of 48 periods did; a chance phase only re-estimates the level from
  /// periods on one side of it).
  @Test func inControlSeriesRarelyShift() {
    var generator = SplitMix64(seed: 20_261_202)
    var series: [Int: [ChartObservation]] = [:]
    for key in 0..<500 {
      let level = [2.0, 5, 20, 60, 200][key % 5]
      series[key] = stepped(level: level, factor: 1, before: 48, after: 0, &generator)
    }
    let judged = AnomalyDetector.judge(series, settings: DetectorSettings())
    let shifted = judged.values.filter { $0.points.contains { $0.shift != nil } }.count
    print("in control: \(shifted) of 500 series of 48 periods confirmed a shift")
    #expect(shifted <= 10)
  }

  /// The baseline window names the periods a point was judged against: the last 12 usable
  /// periods that were not beyond a limit.
  @Test func theWindowNamesThePeriodsTheBaselineUsed() {
    var counts = [20, 23, 18, 21, 17, 22, 19, 24, 16, 20, 21, 19, 20, 23, 18, 21]
    counts[13] = 60
    let series = [0: counts.map { ChartObservation(count: $0, units: 1) }]
    let points = AnomalyDetector.judge(series, settings: DetectorSettings())[0]?.points ?? []
    #expect(points[0].baselineWindow == nil)
    #expect(points[12].baselineWindow == 0...11)
    #expect(points[12].baselineCount == 12)
    #expect(points[13].isAnomaly)
    // Period 13 was beyond its limit: period 15's window spans 3…14 and holds 12 periods.
    #expect(points[15].baselineWindow == 2...14)
    #expect(points[15].baselineCount == 12)
  }
}
