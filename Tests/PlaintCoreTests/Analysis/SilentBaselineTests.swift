import Foundation
import Testing

@testable import PlaintCore
import PlaintTestSupport

/// A series silent for its whole baseline has a centre of 0 and a limit of 0: any complaint is
/// "beyond" it. The detector gives it no verdict (`silentBaseline`) — for cells, slices and
/// counts alike — instead of flagging "3 complaints against centre 0".
@Suite("Silent baselines")
struct SilentBaselineTests {
  private func counts(_ values: [Int]) -> [ChartObservation] {
    values.map { ChartObservation(count: $0, units: 1) }
  }

  /// Below `min_count` (3), complaints after a silent year get no verdict and no watch.
  @Test(arguments: [1, 2])
  func aFewComplaintsAfterASilentYearGetNoVerdict(now: Int) throws {
    let series = ["quiet": counts(Array(repeating: 0, count: 12) + [now])]
    let judged = try #require(
      AnomalyDetector.judge(series, settings: DetectorSettings())["quiet"])
    let last = try #require(judged.points.last)
    #expect(last.silentBaseline)
    #expect(!last.isAnomaly && !last.isWatch && !last.isImprovement && !last.appeared)
    #expect(last.qValue == nil)
    #expect(last.point.center == 0)
  }

  /// At `min_count` or more, a burst after a silent year is listed as a watch ("appeared"),
  /// never an anomaly, with the exact conditional test's p-value: over 12 periods of one unit
  /// each and one unit now, x complaints given x + 0 are Binomial(x, 1/13), so p = 13⁻ˣ.
  @Test(arguments: [3, 12, 50])
  func aBurstAfterASilentYearIsAWatch(now: Int) throws {
    let series = ["quiet": counts(Array(repeating: 0, count: 12) + [now])]
    let judged = try #require(
      AnomalyDetector.judge(series, settings: DetectorSettings())["quiet"])
    let last = try #require(judged.points.last)
    #expect(last.silentBaseline && last.appeared && last.isWatch)
    #expect(!last.isAnomaly && !last.isImprovement)
    #expect(last.watchReasons == ["appeared"])
    #expect(last.qValue == nil)
    #expect(last.baselineCount == 12)
    let p = try #require(last.point.pValue)
    #expect(abs(p / pow(1.0 / 13, Double(now)) - 1) < 1e-9)
  }

  /// The silent point enters the next baseline like any unjudged point: the period after it is
  /// judged against a level that is no longer 0.
  @Test func theFollowingPeriodIsJudgedAgain() throws {
    let series = ["quiet": counts(Array(repeating: 0, count: 12) + [3, 0])]
    let judged = try #require(
      AnomalyDetector.judge(series, settings: DetectorSettings())["quiet"])
    let last = try #require(judged.points.last)
    #expect(!last.silentBaseline)
    #expect((last.point.center ?? 0) > 0)
  }

  /// A silent series does not take a place in the period's family: a real signal elsewhere has
  /// the same q-value with or without it.
  @Test func aSilentSeriesIsOutsideTheFamily() throws {
    var busy = Array(repeating: 20, count: 12)
    busy.append(45)
    let alone = try #require(
      AnomalyDetector.judge(["busy": counts(busy)], settings: DetectorSettings())["busy"])
    let together = AnomalyDetector.judge(
      ["busy": counts(busy), "quiet": counts(Array(repeating: 0, count: 12) + [5])],
      settings: DetectorSettings())
    #expect(together["busy"]?.points.last?.qValue == alone.points.last?.qValue)
    #expect(together["busy"]?.points.last?.isAnomaly == true)
    let quiet = together["quiet"]?.points.last
    #expect(quiet?.appeared == true && quiet?.isWatch == true && quiet?.qValue == nil)
  }

  /// For random series with a level, a point is silent exactly when its centre is 0 and it has
  /// complaints with enough history, and a silent point is never flagged.
  @Test func silentIsExactlyAComplaintAgainstACentreOfZero() {
    var generator = SplitMix64(seed: 15)
    var series: [Int: [ChartObservation]] = [:]
    for key in 0..<300 {
      let rate = [0.0, 0.05, 0.3, 2, 8][key % 5]
      series[key] = (0..<30).map { _ in
        ChartObservation(count: generator.poissonByInversion(rate), units: 1)
      }
    }
    let settings = DetectorSettings()
    for point in AnomalyDetector.judge(series, settings: settings).values.flatMap(\.points) {
      let expected =
        point.point.status == .ok && point.point.center == 0 && point.point.count > 0
        && point.baselineCount >= settings.minBaselinePeriods
      #expect(point.silentBaseline == expected)
      if point.silentBaseline {
        // One unit per period: p = (1 / (m + 1))ˣ over a baseline of m periods.
        let p = pow(1 / Double(point.baselineCount + 1), Double(point.point.count))
        let appeared = point.point.count >= settings.minCount && p <= DetectorSettings.appearedLevel
        #expect(!point.isAnomaly)
        #expect(point.appeared == appeared && point.isWatch == appeared)
      } else {
        #expect(!point.appeared)
      }
    }
  }

  /// With sales volume the test weighs this period's units against the baseline's: x given x + 0
  /// is Binomial(x, n / (n + N)). For random exposures and counts the watch is listed exactly when
  /// the count reaches `min_count` and (n / (n + N))ˣ is at most the level, so a burst that the
  /// period's own volume explains (n far above the baseline's) is not listed.
  @Test func theTestWeighsThePeriodsExposure() throws {
    var generator = SplitMix64(seed: 44)
    for minCount in [1, 3, 5] {
      var settings = DetectorSettings()
      settings.minCount = minCount
      for _ in 0..<200 {
        let baselineUnits = (0..<12).map { _ in Double(generator.next() % 900 + 100) }
        let units = Double(generator.next() % 20_000 + 50)
        let count = Int(generator.next() % 12) + 1
        let observations =
          baselineUnits.map { ChartObservation(count: 0, units: $0) }
          + [ChartObservation(count: count, units: units)]
        let judged = try #require(
          AnomalyDetector.judge(["line": observations], settings: settings)["line"])
        let last = try #require(judged.points.last)
        let total = baselineUnits.reduce(0, +)
        let p = pow(units / (units + total), Double(count))
        #expect(last.silentBaseline && !last.isAnomaly)
        #expect(abs((last.point.pValue ?? -1) - p) <= 1e-9 * max(p, 1e-300))
        #expect(last.appeared == (count >= minCount && p <= DetectorSettings.appearedLevel))
      }
    }
  }

  /// Shares keep their own word for the same case: an issue new in the period.
  @Test func aNewShareStaysNew() throws {
    var settings = DetectorSettings()
    settings.shares = true
    let observations = (0..<13).map {
      ChartObservation(count: $0 == 12 ? 9 : 0, units: 100)
    }
    let judged = try #require(
      AnomalyDetector.judge(["new": observations], settings: settings)["new"])
    let last = try #require(judged.points.last)
    #expect(last.insufficientHistory && !last.silentBaseline && !last.isAnomaly)
  }
}
