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

  @Test(arguments: [1, 3, 12])
  func complaintsAfterASilentYearGetNoVerdict(now: Int) throws {
    let series = ["quiet": counts(Array(repeating: 0, count: 12) + [now])]
    let judged = try #require(
      AnomalyDetector.judge(series, settings: DetectorSettings())["quiet"])
    let last = try #require(judged.points.last)
    #expect(last.silentBaseline)
    #expect(!last.isAnomaly && !last.isWatch && !last.isImprovement)
    #expect(last.qValue == nil)
    #expect(last.point.center == 0)
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
      if point.silentBaseline { #expect(!point.isAnomaly && !point.isWatch) }
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
