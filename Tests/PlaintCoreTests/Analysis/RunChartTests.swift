import Foundation
import PlaintTestSupport
import Testing

@testable import PlaintCore

@Suite("Run charts (Anhøj rules)")
struct RunChartTests {
  @Test("the limits are qicharts2's critical values for 10 to 100 useful points")
  func criticalValues() throws {
    guard ReferenceCases.available else { return }
    let data = try #require(try ReferenceCases.named("anhoej_critical_values_10_to_100"))
    let expected = try #require(data["expected"] as? [String: Any])
    let n = try #require(integers(expected["n"]))
    let runs = try #require(integers(expected["longest_run_max"]))
    let crossings = try #require(integers(expected["crossings_min"]))
    #expect(n.count == 91)
    for (index, size) in n.enumerated() {
      #expect(RunChart.longestRunLimit(size) == runs[index], "n = \(size)")
      #expect(RunChart.crossingsLimit(size) == crossings[index], "n = \(size)")
    }
  }

  @Test("the C. difficile run chart of the qicharts2 vignette: a run of 15 below the median")
  func cdiVignette() throws {
    guard ReferenceCases.available else { return }
    let data = try #require(
      try ReferenceCases.named("qicharts2_cdi_run_chart_freeze_and_split_c_chart"))
    let counts = try #require(integers(data["counts"])).map { Double($0) as Double? }
    let expected = try #require(
      (data["expected"] as? [String: Any])?["run_chart_freeze24"] as? [String: Any])
    let analysis = RunChart.analyse(counts, baseline: 0..<24)
    #expect(analysis.median == number(expected["median"]))
    #expect(analysis.useful == Int(number(expected["n_useful"]) ?? -1))
    #expect(analysis.longestRun == Int(number(expected["longest_run"]) ?? -1))
    #expect(analysis.longestRunLimit == Int(number(expected["longest_run_max"]) ?? -1))
    #expect(analysis.crossings == Int(number(expected["n_crossings"]) ?? -1))
    #expect(analysis.crossingsLimit == Int(number(expected["n_crossings_min"]) ?? -1))
    #expect(analysis.rules == [.longRun, .fewCrossings])

  }

  @Test("a strictly alternating series never signals, whatever its length and levels")
  func alternatingNeverSignals() {
    var random = SplitMix64(seed: 15_03)
    for _ in 0..<500 {
      let n = 2 + random.next(below: 120)
      // Up, down, up, …: every low point below every high one, no two values alike.
      let low = random.unit() * 100
      let high = low + 2 + random.unit() * 100
      let start = random.next(below: 2)
      let values: [Double?] = (0..<n).map {
        ($0 + start) % 2 == 0 ? low + random.unit() : high + random.unit()
      }
      let analysis = RunChart.analyse(values)
      #expect(!analysis.signals, "n = \(n): \(analysis)")
      // Only the point on the median (odd n) can join two neighbours into a run of two.
      #expect(analysis.longestRun <= 2)
    }
  }

  /// A monotone series splits at its median into two runs of half its useful points and
  /// crosses it once. So it breaks the crossings rule from 10 points on (qbinom(0.05, 9, ½) = 2)
  /// and the long-run rule from 16 (8 > round(log₂ 16 + 3) = 7); with 8 points, runs of 4 against
  /// a limit of 6 and one crossing against a limit of 1 are within chance.
  @Test("a monotone series signals from 10 points on, and a long run from 16")
  func monotoneSignals() {
    var random = SplitMix64(seed: 15_04)
    for n in 2...200 {
      var level = random.unit() * 50
      var values: [Double?] = []
      for _ in 0..<n {
        level += 0.01 + random.unit()
        values.append(level)
      }
      if random.next(below: 2) == 0 { values.reverse() }
      let analysis = RunChart.analyse(values)
      #expect(analysis.crossings == 1, "n = \(n)")
      #expect(analysis.signals == (n >= 10), "n = \(n): \(analysis)")
      #expect(analysis.rules.contains(.longRun) == (n >= 16), "n = \(n): \(analysis)")
    }
  }

  /// Anhøj chose the limits for a false-signal rate near 5 % per chart over the lengths a run
  /// chart is used at; for the short histories the report draws, it is lower still.
  @Test("random series of 4 to 24 points signal in under 5 % of charts, and never under 9")
  func randomSeriesRarelySignal() {
    var random = SplitMix64(seed: 15_06)
    for n in [4, 6, 8, 10, 12, 16, 20, 24] {
      var signals = 0
      let charts = 4_000
      for _ in 0..<charts {
        let values: [Double?] = (0..<n).map { _ in random.unit() }
        if RunChart.analyse(values).signals { signals += 1 }
      }
      let rate = Double(signals) / Double(charts)
      #expect(rate < 0.05, "n = \(n): \(rate)")
      if n < 9 { #expect(signals == 0, "n = \(n)") }
    }
  }

  @Test("points on the median and gaps count for nothing: they neither make nor break a run")
  func medianPointsAndGapsAreSkipped() {
    var random = SplitMix64(seed: 15_05)
    for _ in 0..<300 {
      let n = 3 + random.next(below: 60)
      let values: [Double?] = (0..<n).map { _ in Double(random.next(below: 7)) }
      let base = RunChart.analyse(values)
      guard let median = base.median else { continue }
      // Gaps anywhere change nothing: the series goes straight from the point before a gap to
      // the point after it.
      var padded: [Double?] = []
      for value in values {
        if random.next(below: 4) == 0 { padded.append(nil) }
        padded.append(value)
      }
      let withGaps = RunChart.analyse(padded)
      #expect(withGaps == base)
      let useful = values.filter { $0 != median }.count
      #expect(base.useful == useful)
      #expect(base.crossings <= max(0, useful - 1))
      #expect(base.longestRun <= useful)
    }
  }

  @Test("a count that is mostly zero is not judged: its other months would all be one 'run'")
  func sparseSeriesAreNotJudged() {
    // Nine months without a complaint and seven with some: the median is 0.
    let sparse: [Double?] = [0, 3, 0, 0, 1, 0, 2, 0, 0, 4, 0, 1, 0, 5, 2, 0]
    let analysis = RunChart.analyse(sparse)
    #expect(analysis.median == 0)
    #expect(analysis.useful == 7 && analysis.points == 16)
    #expect(analysis.longestRun == 7 && analysis.longestRunLimit == 6)
    #expect(!analysis.judged && analysis.rules.isEmpty)
    // Half of them on the median is still judged.
    var random = SplitMix64(seed: 15_07)
    for _ in 0..<300 {
      let n = 1 + random.next(below: 40)
      let values: [Double?] = (0..<n).map { _ in Double(random.next(below: 3)) }
      let result = RunChart.analyse(values)
      #expect(result.judged == (result.useful * 2 >= n))
      if !result.judged { #expect(result.rules.isEmpty) }
    }
  }

  @Test("no values, or one: no median crossings to count and nothing fires")
  func tinySeries() {
    #expect(RunChart.analyse([]).median == nil)
    #expect(!RunChart.analyse([]).signals)
    #expect(!RunChart.analyse([nil, nil]).signals)
    #expect(!RunChart.analyse([4]).signals)
    // Four points, as a four-period history has: the limits cannot be broken yet.
    let four = RunChart.analyse([1, 2, 3, 4])
    #expect(four.longestRunLimit == 5 && four.crossingsLimit == 0 && !four.signals)
  }
}
