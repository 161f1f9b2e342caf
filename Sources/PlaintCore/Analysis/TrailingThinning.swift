import Foundation

/// The trailing periods of a series that are still filling in: at the end of an export whose
/// source publishes rows late, the latest periods hold only the rows published so far.
///
/// A run of periods at the end of the series is still filling in when each of its blocks of about
/// a month (`blockPeriods`: one period for months, four for weeks) is far below what the level
/// of the whole periods before the run predicts for it, and the run falls away: a single period
/// below the one before it, a longer run thinner in its later half than in its earlier half
/// (a step-by-step test fails on a weekly export whose thinning tail holds a 0 then a 5), or has
/// collapsed to near zero (`collapsed`: the deepest months of a lag hold a few rows each). Every
/// run length up to `maxPeriods` is tried, each against the periods before it, and the longest
/// that passes is taken: the thinned periods of a long tail never become the level that its
/// last period is measured against. "Far below" is a one-sided
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
    /// At most this many trailing periods are ever treated as filling in (a quarter of a year
    /// by default: 3 months, 13 weeks).
    public var maxPeriods: Int
    /// How many whole periods before the run give its level (the control baseline's length).
    public var baselinePeriods: Int
    /// How many periods are tested together for "far below": 1 for months; about a month of
    /// weeks (4) for weeks, whose counts vary too much for one week alone to be far below.
    public var blockPeriods = 1
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
    /// Whether the stretch lies in the last period of the counts (the export ends with it, so
    /// the stretch's days are that period's own last days): then they must fall below its own
    /// rate (`stretchFallsAway`). A stretch in a later period the export covers only in part is
    /// that period's business (`DataCoverage.endsLag`).
    public var inLastPeriod: Bool

    public init(count: Int, periods: Double, inLastPeriod: Bool = false) {
      self.count = count
      self.periods = periods
      self.inLastPeriod = inLastPeriod
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
    /// The complaints of the whole trailing run this period belongs to, and its first period's
    /// index: the run's sum is tested against `expected` times its length.
    public var runComplaints: Int? = nil
    public var runStart: Int? = nil
    /// The gamma shape of the baseline's variation (nil: Poisson), so that the levels of
    /// several exports can be added (`combined`).
    public var shape: Double? = nil

    /// The evidence of several exports thin in one period, as one: their counts, levels and
    /// final stretches added, the shape of the sum by the method of moments, and the lower
    /// limit of that sum at `level`.
    public static func combined(_ found: [Thin], level: Double) -> Thin? {
      guard var sum = found.first else { return nil }
      guard found.count > 1 else { return sum }
      let rest = found.dropFirst()
      sum.count = found.reduce(0) { $0 + $1.count }
      sum.expected = found.reduce(0) { $0 + $1.expected }
      sum.previous =
        found.allSatisfy { $0.previous != nil }
        ? found.reduce(0) { $0 + ($1.previous ?? 0) } : nil
      sum.baselineCount = found.map(\.baselineCount).min() ?? sum.baselineCount
      let variance = found.reduce(0.0) { total, thin in
        total + thin.expected + (thin.shape.map { thin.expected * thin.expected / $0 } ?? 0)
      }
      sum.shape =
        variance > sum.expected
        ? sum.expected * sum.expected / (variance - sum.expected) : nil
      sum.lowerLimit = TrailingThinning.lowerLimit(
        mean: sum.expected, shape: sum.shape, level: level)
      sum.pValue = found.map(\.pValue).max() ?? sum.pValue
      if rest.allSatisfy({ $0.finalStretch != nil }), sum.finalStretch != nil {
        sum.finalStretch = found.reduce(0) { $0 + ($1.finalStretch ?? 0) }
        sum.finalStretchExpected = found.reduce(0) { $0 + ($1.finalStretchExpected ?? 0) }
      }
      if found.allSatisfy({ $0.runComplaints != nil }) {
        sum.runComplaints = found.reduce(0) { $0 + ($1.runComplaints ?? 0) }
        sum.runStart = found.compactMap(\.runStart).min()
      } else {
        sum.runComplaints = nil
        sum.runStart = nil
      }
      return sum
    }
  }

  /// The one-sided level at which a run must fall away (its later half below its earlier half,
  /// a run of one below the period before it): a ramp deepens towards the end of the export, a
  /// step holds its new level. It only tells the two
  /// apart once the period is already far below its level, so it errs towards "still filling
  /// in" (said with the counts, never silent) rather than a verdict on a month partly in: at 0.05
  /// a ramp of 12 % then 2 % of 60 a month was missed one time in three, at 0.2 one in ten, while
  /// a step held for two periods is taken for a ramp about one time in six.
  public static let rampLevel = 0.2

  /// Tested in blocks, a run's first period is dropped from it while the run's periods before
  /// its last are, together, no further below the level than this one-sided level allows.
  public static let headLevel = 0.05

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
    // Periods tested one at a time (months): the walk back ends at the first run length that
    // fails, as it always has. Tested in blocks (weeks): a run shorter than a block is not
    // tested, and the walk goes on past a failing length, since the short runs of a long tail
    // are measured against a level that the tail's own earlier weeks have already thinned.
    let block = max(1, min(settings.blockPeriods, settings.maxPeriods))
    guard n >= block else { return [] }
    for run in block...min(settings.maxPeriods, n) {
      let start = n - run
      let earlier = (0..<start).filter { counts[$0] != nil }
        .suffix(max(1, settings.baselinePeriods))
      guard earlier.count >= max(1, settings.minBaselinePeriods) else { break }
      let baseline = earlier.compactMap { counts[$0] }
      let mean = Double(baseline.reduce(0, +)) / Double(baseline.count)
      guard mean > 0 else {
        if block == 1 { break } else { continue }
      }
      let shape = Self.shape(baseline)
      if let stretch = finalStretch, let last = counts[n - 1],
        !stretchIsThin(stretch, usual: mean, thin: Double(last))
      {
        if block == 1 { break } else { continue }
      }
      var mix: [Int] = []
      for index in earlier {
        for (part, count) in (parts[index] ?? []).enumerated() {
          if part >= mix.count { mix += Array(repeating: 0, count: part - mix.count + 1) }
          mix[part] += count
        }
      }
      // The run cut into blocks of `blockPeriods` from its end (the oldest may be shorter):
      // each block's sum must be far below what the level predicts for as many periods, and
      // its lines' sums must keep their baseline shares.
      var blockP: [Int: Double] = [:]
      var blockEnd = n
      while blockEnd > start {
        let blockStart = max(start, blockEnd - block)
        var p = 1.0
        let members = (blockStart..<blockEnd).compactMap { parts[$0] }
        if members.count == blockEnd - blockStart {
          var summed: [Int] = []
          for member in members {
            for (part, count) in member.enumerated() {
              if part >= summed.count {
                summed += Array(repeating: 0, count: part - summed.count + 1)
              }
              summed[part] += count
            }
          }
          let length = Double(blockEnd - blockStart)
          if mixHolds(summed, baseline: mix, level: settings.level) {
            p = lowerTail(
              summed.reduce(0, +), mean: mean * length, shape: shape.map { $0 * length })
          }
        }
        for index in blockStart..<blockEnd { blockP[index] = p }
        blockEnd = blockStart
      }
      var thin: [Thin] = []
      var sum = 0
      for index in start..<n {
        guard let count = counts[index], parts[index] != nil else { break }
        let previous = index > 0 ? counts[index - 1] : nil
        let p = blockP[index] ?? 1
        // A block far below its level says nothing of a period in it that holds the level: lag
        // never fills a period, so a run still filling in starts after the last one that does
        // (a weekly export whose last week alone falls keeps its ordinary weeks judged).
        guard p < settings.level, Double(count) < mean else { break }
        sum += count
        thin.append(
          Thin(
            index: index, count: count, expected: mean, previous: previous,
            lowerLimit: lowerLimit(mean: mean, shape: shape, level: settings.level), pValue: p,
            baselineCount: baseline.count, finalStretch: finalStretch?.count,
            finalStretchExpected: finalStretch.map { mean * $0.periods }, shape: shape))
      }
      let isCollapsed = collapsed(thin.map(\.count), mean: mean)
      guard thin.count == run,
        fallsAway(thin.map(\.count), before: start > 0 ? counts[start - 1] : nil, shape: shape)
          || isCollapsed
      else {
        if block == 1 { break } else { continue }
      }
      // Lag thins toward the export's end: unless the run has collapsed to near zero, its last
      // days must be far below the newest block's own rate. A flat fall (the last days at the
      // newest period's rate) is a change to judge, however far below the level it sits.
      if let stretch = finalStretch, stretch.inLastPeriod, !isCollapsed,
        !stretchFallsAway(stretch, newest: thin.suffix(block).map(\.count))
      {
        if block == 1 { break } else { continue }
      }
      // Tested in blocks, a run's first periods may be ordinary ones swept in by a thin last
      // period (a weekly export whose last week alone falls): a lag thins the whole run, so
      // its periods before the last must be below the level together too, or the first of them
      // is dropped from the run.
      while block > 1, thin.count > 1 {
        let head = thin.dropLast()
        let length = Double(head.count)
        let p = lowerTail(
          head.reduce(0) { $0 + $1.count }, mean: mean * length, shape: shape.map { $0 * length })
        guard p >= Self.headLevel else { break }
        sum -= thin[0].count
        thin.removeFirst()
      }
      for slot in thin.indices {
        thin[slot].runComplaints = sum
        thin[slot].runStart = thin[0].index
      }
      best = thin
    }
    return best
  }

  /// Whether a trailing run falls away, at `rampLevel`: a run of one period below the period
  /// before it (nil after a gap: nothing to compare), a longer run's later half below what its
  /// earlier half predicts for as many periods. The halves, not each step, are compared: a
  /// weekly tail that thins to 0 and then holds a 5 still falls away.
  static func fallsAway(_ run: [Int], before: Int?, shape: Double?) -> Bool {
    guard run.count > 1 else {
      guard let count = run.first, let before else { return true }
      return lowerTail(count, mean: Double(before), shape: shape) < rampLevel
    }
    let later = run.suffix(run.count / 2)
    let earlier = run.prefix(run.count - later.count)
    let predicted =
      Double(earlier.reduce(0, +)) * Double(later.count) / Double(earlier.count)
    return lowerTail(
      later.reduce(0, +), mean: predicted, shape: shape.map { $0 * Double(later.count) })
      < rampLevel
  }

  /// A run whose later half holds under this share of what the level predicts for it has
  /// collapsed to near zero: still filling in even when it no longer falls away.
  public static let collapseShare = 0.1

  /// Whether a trailing run has collapsed to near zero: its later half (a run of one: the
  /// period) under `collapseShare` of what the level predicts for as many periods. A lag's
  /// deepest months sit near zero side by side (the Ombudsman's 113, 20, 12 against 857), so the
  /// last no longer falls away from the one before it; a genuine collapse of complaints to near
  /// zero at the very end of the data is rare, and the two cannot be told apart until more rows
  /// arrive, so it is not judged either way (the notice says so with the counts).
  static func collapsed(_ run: [Int], mean: Double) -> Bool {
    guard !run.isEmpty, mean > 0 else { return false }
    let later = run.suffix(max(1, run.count / 2))
    return Double(later.reduce(0, +)) < collapseShare * mean * Double(later.count)
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

  /// The one-sided level at which an export's final stretch must fall below the newest block's
  /// own rate (`stretchFallsAway`).
  public static let ownRateLevel = 0.05

  /// Whether an export's final stretch runs far below the rate of the run's newest block of
  /// periods (the newest month; the newest 4 weeks): P(X ≤ s) under `ownRateLevel` for a Poisson
  /// count whose mean is that block's rate over the stretch. Publication lag thins the most
  /// recent days most, so its last days fall below even its thin newest period; a genuine fall
  /// spread evenly over the days keeps the last days at that period's own rate. Where that rate
  /// predicts under 3 rows for the stretch, not even an empty one is far below it: true.
  static func stretchFallsAway(_ stretch: FinalStretch, newest: [Int]) -> Bool {
    guard !newest.isEmpty else { return true }
    let mean = Double(newest.reduce(0, +)) / Double(newest.count) * stretch.periods
    // So thin a rate that even an empty stretch would not be far below it (under 3 expected):
    // the days cannot tell lag from a fall, and the other rules stand alone.
    guard PoissonDistribution.cdf(0, mean: mean) < ownRateLevel else { return true }
    return PoissonDistribution.cdf(stretch.count, mean: mean) < ownRateLevel
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
