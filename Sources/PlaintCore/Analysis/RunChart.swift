import Foundation

/// Which of Anhøj's two run-chart rules a series breaks.
public enum RunChartRule: String, Codable, Sendable, CaseIterable {
  /// The longest run of points on one side of the median is longer than chance allows.
  case longRun = "long_run"
  /// The series crosses its median fewer times than chance allows.
  case fewCrossings = "few_crossings"
}

/// A run chart's verdict: the median, the runs about it and Anhøj's limits.
///
/// Used where a cell has too few whole periods for a control chart: a run chart needs no
/// estimate of spread, only the order of the points about their median.
public struct RunChartAnalysis: Sendable, Hashable, Codable {
  /// The median of the charted values; nil when there are none.
  public var median: Double?
  /// Points not on the median (Anhøj's useful observations); points on it neither make nor
  /// break a run.
  public var useful: Int
  /// The longest run of useful points on one side of the median.
  public var longestRun: Int
  /// A run longer than this signals: round(log₂ n + 3).
  public var longestRunLimit: Int
  /// How often consecutive useful points lie on opposite sides of the median.
  public var crossings: Int
  /// Fewer crossings than this signal: the lower 5 % point of Binomial(n − 1, ½).
  public var crossingsLimit: Int
  /// The charted values, useful or not.
  public var points: Int

  /// Whether the rules can be read at all: not when over half the points sit on the median (a
  /// count that is mostly 0 has a median of 0, and its few other months, all above it, would
  /// make a "run" out of nothing but sparseness).
  public var judged: Bool { useful * 2 >= points && points > 0 }

  /// The rules the series breaks, in declaration order; none when it cannot be judged.
  public var rules: [RunChartRule] {
    guard judged else { return [] }
    var rules: [RunChartRule] = []
    if longestRun > longestRunLimit { rules.append(.longRun) }
    if crossings < crossingsLimit { rules.append(.fewCrossings) }
    return rules
  }

  /// Whether any rule fired.
  public var signals: Bool { !rules.isEmpty }

  /// Whether there are enough useful points for either rule to signal at all
  /// (`RunChart.minimumUseful`); below it a run chart says nothing.
  public var enough: Bool { useful >= RunChart.minimumUseful }
}

/// Anhøj's run-chart rules (Anhøj & Olesen 2014; qicharts2's `runs.analysis`).
public enum RunChart {
  /// The fewest useful points on which either rule can signal: below it the longest possible
  /// run (all of them) never exceeds round(log₂ n + 3) and the crossings limit is 0. This is 6;
  /// Anhøj's rules are usually quoted for 10 or more, so a verdict near it is a weak one.
  public static let minimumUseful: Int =
    (1...64).first { crossingsLimit($0) > 0 || longestRunLimit($0) < $0 } ?? 10

  /// Judges `values` in time order; nil values (gaps, partial periods) are left out, as if the
  /// series went straight from the point before them to the point after. The median is taken
  /// over the values at `baseline` (default: all of them).
  public static func analyse(_ values: [Double?], baseline: Range<Int>? = nil) -> RunChartAnalysis {
    let window = (baseline ?? 0..<values.count).clamped(to: 0..<values.count)
    let median = Self.median(values[window].compactMap { $0 })
    // The side of each useful point: +1 above, −1 below; on the median, no side at all.
    let sides: [Int] =
      median.map { median in
        values.compactMap { value in
          guard let value, value != median else { return nil }
          return value > median ? 1 : -1
        }
      } ?? []
    var longest = 0
    var run = 0
    var crossings = 0
    for (index, side) in sides.enumerated() {
      if index > 0, sides[index - 1] != side {
        crossings += 1
        run = 1
      } else {
        run += 1
      }
      longest = max(longest, run)
    }
    let n = sides.count
    return RunChartAnalysis(
      median: median, useful: n, longestRun: longest, longestRunLimit: longestRunLimit(n),
      crossings: crossings, crossingsLimit: crossingsLimit(n),
      points: values.compactMap { $0 }.count)
  }

  /// round(log₂ n + 3): a run of more useful points than this is unlikely by chance. Never a
  /// half-integer for whole n, so the rounding rule does not matter; 0 for an empty series.
  public static func longestRunLimit(_ n: Int) -> Int {
    guard n > 0 else { return 0 }
    return Int((log2(Double(n)) + 3).rounded())
  }

  /// The smallest c with P(X ≤ c) ≥ 0.05 for X ~ Binomial(n − 1, ½) (R's qbinom(0.05, n − 1,
  /// 0.5)): fewer crossings than this are unlikely by chance. 0 for fewer than two points.
  public static func crossingsLimit(_ n: Int) -> Int {
    guard n > 1 else { return 0 }
    let trials = n - 1
    var cumulative = 0.0
    for c in 0...trials {
      cumulative += exp(ExactTests.logChoose(trials, c) - Double(trials) * log(2))
      // R compares with a small fuzz so that an exact 0.05 counts as reached.
      if cumulative >= 0.05 * (1 - 64 * Double.ulpOfOne) { return c }
    }
    return trials
  }

  /// The median of `values`; the mean of the middle two for an even count; nil when empty.
  static func median(_ values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }
}
