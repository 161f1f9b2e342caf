import Foundation

/// The trailing periods of a series that are still filling in: at the end of an export whose
/// source publishes rows late, the latest periods hold only the rows published so far.
///
/// A period at the end of the series is still filling in when its count is far below both the
/// level of the whole periods before the trailing run and the period just before it, and each
/// later period of the run is far below the one before it. "Far below" is a one-sided
/// negative-binomial test: the counts of the baseline give the level m and, by the method of
/// moments, the gamma shape k of their month-to-month variation (Poisson when they vary no more
/// than chance), and a count c is far below a level λ when P(X ≤ c | mean λ, shape k) is under
/// `level`; "below the one before" is the same test at `rampLevel`. Publication lag makes a ramp
/// that deepens towards the end of the export and thins all of it alike; a genuine drop makes a
/// step that then holds, or sits in part of the export (the mix moves). So a step is judged as
/// soon as the period after it holds the new level, a drop in one part at once, while a ramp
/// stays "filling in" until its periods fill in.
///
/// Publication lag thins the most recent days most, so the export's final stretch of days (its
/// last week, which may lie in a later period the export covers only in part) must run nearer the
/// thin period's own rate than the baseline's (`stretchIsThin`). When the final stretch arrives at
/// the usual daily rate, the thin period before it is not lag but a drop, and it is judged.
public enum TrailingThinning {
  public struct Settings: Sendable, Hashable {
    /// The one-sided level of each "far below" test.
    public var level: Double
    /// At most this many trailing periods are ever treated as filling in.
    public var maxPeriods: Int
    /// How many whole periods before the run give its level (the control baseline's length).
    public var baselinePeriods: Int
    /// Fewer whole periods than this before the run, and nothing is treated as filling in.
    public var minBaselinePeriods: Int

    public init(
      level: Double = 0.001, maxPeriods: Int = 3, baselinePeriods: Int = 12,
      minBaselinePeriods: Int = 6
    ) {
      self.level = level
      self.maxPeriods = maxPeriods
      self.baselinePeriods = baselinePeriods
      self.minBaselinePeriods = minBaselinePeriods
    }
  }

  /// The rows of an export's final stretch of days, and the stretch's length in periods (7 days
  /// of a month: 7 / 30.44).
  public struct FinalStretch: Sendable, Hashable {
    public var count: Int
    public var periods: Double

    public init(count: Int, periods: Double) {
      self.count = count
      self.periods = periods
    }
  }

  /// How many days make an export's final stretch.
  public static let finalStretchDays = 7

  /// One trailing period still filling in, and the evidence.
  public struct Thin: Sendable, Hashable {
    /// Its index in the counts passed to `find`.
    public var index: Int
    public var count: Int
    /// The mean count of the whole periods before the run.
    public var expected: Double
    /// The count of the period before it (nil after a gap).
    public var previous: Int?
    /// The lowest count the baseline allows at the level: below it is "far below".
    public var lowerLimit: Int
    /// P(X ≤ count) against the baseline's level.
    public var pValue: Double
    /// How many whole periods gave the level.
    public var baselineCount: Int
    /// The complaints of the export's final stretch of days, and what the level predicts for
    /// it (nil when no stretch was given).
    public var finalStretch: Int? = nil
    public var finalStretchExpected: Double? = nil
  }

  /// The one-sided level at which each period of a run must fall below the one before: a ramp
  /// deepens towards the end of the export, a step holds its new level. It only tells the two
  /// apart once the period is already far below its level, so it errs towards "still filling
  /// in" (said with the counts, never silent) rather than a verdict on a month partly in: at 0.05
  /// a ramp of 12 % then 2 % of 60 a month was missed one time in three, at 0.2 one in ten, while
  /// a step held for two periods is taken for a ramp about one time in six.
  public static let rampLevel = 0.2

  /// The trailing periods of `counts` (one per period, oldest first, nil where the period is not
  /// whole) still filling in: empty when the last period holds its level.
  public static func find(
    _ counts: [Int?], settings: Settings, finalStretch: FinalStretch? = nil
  ) -> [Thin] {
    find(counts.map { $0.map { [$0] } }, settings: settings, finalStretch: finalStretch)
  }

  /// The trailing periods still filling in, from each period's counts by part (product line;
  /// nil where the period is not whole). A period whose parts are thinned unevenly — one part
  /// far from its baseline share of the period's total (Pearson's χ² at `level`) — is a change
  /// in the mix, not publication lag, which holds back every part of an export alike. With
  /// `finalStretch`, nothing is filling in unless the export's last days are below the level.
  public static func find(
    _ parts: [[Int]?], settings: Settings, finalStretch: FinalStretch? = nil
  ) -> [Thin] {
    var best: [Thin] = []
    let n = parts.count
    guard settings.maxPeriods > 0, n > 0 else { return [] }
    let counts = parts.map { $0.map { $0.reduce(0, +) } }
    for run in 1...min(settings.maxPeriods, n) {
      let start = n - run
      let earlier = (0..<start).filter { counts[$0] != nil }
        .suffix(max(1, settings.baselinePeriods))
      guard earlier.count >= max(1, settings.minBaselinePeriods) else { break }
      let baseline = earlier.compactMap { counts[$0] }
      let mean = Double(baseline.reduce(0, +)) / Double(baseline.count)
      guard mean > 0 else { break }
      let shape = Self.shape(baseline)
      if let stretch = finalStretch, let last = counts[n - 1],
        !stretchIsThin(stretch, usual: mean, thin: Double(last))
      {
        break
      }
      var mix: [Int] = []
      for index in earlier {
        for (part, count) in (parts[index] ?? []).enumerated() {
          if part >= mix.count { mix += Array(repeating: 0, count: part - mix.count + 1) }
          mix[part] += count
        }
      }
      var thin: [Thin] = []
      for index in start..<n {
        guard let count = counts[index], let now = parts[index] else { break }
        let previous = index > 0 ? counts[index - 1] : nil
        let p = lowerTail(count, mean: mean, shape: shape)
        let belowPrevious =
          previous.map { lowerTail(count, mean: Double($0), shape: shape) < rampLevel } ?? true
        guard p < settings.level, belowPrevious,
          mixHolds(now, baseline: mix, level: settings.level)
        else { break }
        thin.append(
          Thin(
            index: index, count: count, expected: mean, previous: previous,
            lowerLimit: lowerLimit(mean: mean, shape: shape, level: settings.level), pValue: p,
            baselineCount: baseline.count, finalStretch: finalStretch?.count,
            finalStretchExpected: finalStretch.map { mean * $0.periods }))
      }
      guard thin.count == run else { break }
      best = thin
    }
    return best
  }

  /// Whether an export's final stretch of days runs nearer the rate of its thin last period than
  /// the usual rate: its count c is likelier under the thin rate (Poisson), c ln(u / t) < u − t
  /// with u and t the two rates over the stretch. Lag leaves the last days at the thin rate or
  /// below; a drop followed by days at the usual rate is not lag.
  static func stretchIsThin(_ stretch: FinalStretch, usual: Double, thin: Double) -> Bool {
    let (u, t) = (usual * stretch.periods, thin * stretch.periods)
    guard t < u else { return true }
    guard t > 0 else { return stretch.count == 0 }
    return Double(stretch.count) * log(u / t) < u - t
  }

  /// Whether the parts of a period keep their baseline shares of its total: Pearson's χ² over
  /// the parts with a baseline share, at `level`. Parts expecting fewer than 5 are pooled into
  /// one (and that one into the smallest other when it still expects fewer), so sparse lines do
  /// not make χ² too large.
  static func mixHolds(_ now: [Int], baseline: [Int], level: Double) -> Bool {
    let total = now.enumerated().reduce(0) {
      $0 + ($1.offset < baseline.count && baseline[$1.offset] > 0 ? $1.element : 0)
    }
    let base = baseline.reduce(0, +)
    guard total > 0, base > 0 else { return true }
    var cells: [(expected: Double, observed: Double)] = []
    var pooled = (expected: 0.0, observed: 0.0)
    for (part, share) in baseline.enumerated() where share > 0 {
      let expected = Double(total) * Double(share) / Double(base)
      let observed = Double(part < now.count ? now[part] : 0)
      if expected < minimumExpected {
        pooled = (pooled.expected + expected, pooled.observed + observed)
      } else {
        cells.append((expected, observed))
      }
    }
    if pooled.expected > 0 {
      if pooled.expected < minimumExpected,
        let smallest = cells.indices.min(by: {
          cells[$0].expected < cells[$1].expected
        })
      {
        cells[smallest].expected += pooled.expected
        cells[smallest].observed += pooled.observed
      } else {
        cells.append(pooled)
      }
    }
    guard cells.count > 1 else { return true }
    let chiSquare = cells.reduce(0) {
      $0 + ($1.observed - $1.expected) * ($1.observed - $1.expected) / $1.expected
    }
    return SpecialFunctions.regularizedGammaQ(Double(cells.count - 1) / 2, chiSquare / 2) >= level
  }

  /// Below this expected count a part is pooled for the mix test (Cochran's rule of thumb).
  static let minimumExpected = 5.0

  /// The gamma shape k of the counts' variation by the method of moments (variance m + m²/k);
  /// nil when they vary no more than Poisson counts would.
  public static func shape(_ counts: [Int]) -> Double? {
    guard counts.count > 1 else { return nil }
    let mean = Double(counts.reduce(0, +)) / Double(counts.count)
    let variance =
      counts.reduce(0) { $0 + (Double($1) - mean) * (Double($1) - mean) }
      / Double(counts.count - 1)
    guard mean > 0, variance > mean else { return nil }
    return mean * mean / (variance - mean)
  }

  /// P(X ≤ x) for a negative binomial count with `mean` and gamma `shape` (Poisson when nil).
  public static func lowerTail(_ x: Int, mean: Double, shape: Double?) -> Double {
    guard x >= 0 else { return 0 }
    guard mean > 0 else { return 1 }
    guard let shape, shape.isFinite, shape > 0 else {
      return PoissonDistribution.cdf(x, mean: mean)
    }
    // P(X ≤ x) = I_p(k, x + 1) with p = k / (k + m).
    return PredictiveTest.regularizedBeta(shape / (shape + mean), shape, Double(x) + 1)
  }

  /// The smallest count that is not far below `mean` at `level`.
  static func lowerLimit(mean: Double, shape: Double?, level: Double) -> Int {
    var low = 0
    var high = Int(mean.rounded(.up)) + 1
    guard lowerTail(0, mean: mean, shape: shape) < level else { return 0 }
    // lowerTail(low) < level ≤ lowerTail(high)
    while high - low > 1 {
      let middle = (low + high) / 2
      if lowerTail(middle, mean: mean, shape: shape) < level { low = middle } else { high = middle }
    }
    return high
  }
}
