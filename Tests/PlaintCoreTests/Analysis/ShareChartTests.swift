import Foundation
import PlaintTestSupport
import Testing

@testable import PlaintCore

@Suite("Share charts (p and Laney p′ on each issue's share of all complaints)")
struct ShareChartTests {
  static let shares = [0.4, 0.2, 0.15, 0.1, 0.1, 0.05]

  /// One history of `months` months: each month's total drawn about `mean`, each complaint's
  /// issue drawn from `shares`; `shift` moves share from the first issue to the fourth from
  /// month `from` on. `spread` > 0 makes each month's mix wander (overdispersed shares).
  static func history(
    _ random: inout SplitMix64, months: Int = 24, mean: Double = 300, shift: Double = 0,
    from: Int = .max, spread: Double = 0
  ) -> [String: [ChartObservation]] {
    var counts = Array(repeating: Array(repeating: 0, count: months), count: shares.count)
    var totals = Array(repeating: 0, count: months)
    for month in 0..<months {
      var weights = shares
      if month >= from {
        weights[0] -= shift
        weights[3] += shift
      }
      if spread > 0 {
        weights = weights.map { $0 * exp(spread * (random.unit() - 0.5)) }
        let sum = weights.reduce(0, +)
        weights = weights.map { $0 / sum }
      }
      let total = random.poissonByInversion(mean)
      totals[month] = total
      for _ in 0..<total {
        var draw = random.unit()
        var issue = weights.count - 1
        for (index, weight) in weights.enumerated() {
          draw -= weight
          if draw < 0 {
            issue = index
            break
          }
        }
        counts[issue][month] += 1
      }
    }
    let whole = totals.map { ChartObservation(count: $0, units: 1) }
    var byIssue: [String: [Int]] = [:]
    for (index, series) in counts.enumerated() { byIssue["issue.\(index)"] = series }
    return ShareChart.observations(counts: byIssue, totals: whole)
  }

  @Test("a step in one issue's share while the total stays level is an anomaly on a p chart")
  func stepIsFlagged() {
    var random = SplitMix64(seed: 15_40)
    var flagged = 0
    for _ in 0..<50 {
      let series = Self.history(&random, shift: 0.1, from: 23)
      let judged = AnomalyDetector.judge(series, settings: ShareChart.settings(.init()))
      let point = judged["issue.3"]?.points[23]
      if point?.isAnomaly == true { flagged += 1 }
      #expect(point?.point.method == .p || point?.point.method == .laneyP)
      // Shares of one total: the issues' counts add up to it.
      let sum = series.values.map { $0[23].count }.reduce(0, +)
      #expect(Double(sum) == series["issue.0"]?[23].units)
    }
    // 10 % to 20 % of about 300 complaints: z ≈ 5.8; nearly always caught in its first month.
    #expect(flagged >= 48, "\(flagged) of 50")
  }

  @Test("in-control mixes: few monthly reports flag any issue's share, under the family level")
  func inControlSize() {
    var random = SplitMix64(seed: 15_41)
    var reports = 0
    var withAnomaly = 0
    for _ in 0..<300 {
      let series = Self.history(&random)
      let judged = AnomalyDetector.judge(series, settings: ShareChart.settings(.init()))
      for month in 12..<24 {
        reports += 1
        if judged.values.contains(where: { $0.points[month].isAnomaly }) { withAnomaly += 1 }
      }
    }
    let size = Double(withAnomaly) / Double(reports)
    // Measured 1.9 % over 3,600 reports; the family level is 0.03.
    #expect(size <= 0.03, "size \(size) over \(reports) reports")
  }

  @Test("shares that wander more than binomial chance get Laney p′ under auto, and p otherwise")
  func autoChoosesLaneyForOverdispersedShares() {
    var random = SplitMix64(seed: 15_42)
    var laney = 0
    var plain = 0
    for _ in 0..<40 {
      let wandering = Self.history(&random, mean: 2000, spread: 0.6)
      let steady = Self.history(&random, mean: 2000)
      let settings = ShareChart.settings(.init())
      if AnomalyDetector.judge(wandering, settings: settings)["issue.0"]?.method == .laneyP {
        laney += 1
      }
      if AnomalyDetector.judge(steady, settings: settings)["issue.0"]?.method == .p { plain += 1 }
    }
    #expect(laney >= 36, "\(laney) of 40 wandering histories on Laney p′")
    #expect(plain >= 34, "\(plain) of 40 steady histories on p")
  }

  @Test("a period the exports cover only in part is a gap on every share chart, never judged")
  func partialPeriodsAreGaps() {
    var random = SplitMix64(seed: 15_43)
    var series = Self.history(&random, shift: 0.2, from: 20)
    for key in series.keys { series[key]?[20].coverage = .partial }
    let judged = AnomalyDetector.judge(series, settings: ShareChart.settings(.init()))
    for (_, issue) in judged {
      #expect(issue.points[20].point.status == .partial)
      #expect(issue.points[20].point.rate == nil)
      #expect(!issue.points[20].isAnomaly && !issue.points[20].isWatch)
    }
  }
}
