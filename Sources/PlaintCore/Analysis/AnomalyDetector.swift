/// How the detector judges each period (the `control` section of `plaint.yml`).
public struct DetectorSettings: Sendable {
  public var method: ChartMethod
  public var sigma: Double
  /// How many usable, non-anomalous earlier periods form the rolling baseline.
  public var baselinePeriods: Int
  /// Fewer usable baseline periods than this: insufficient history, never an anomaly.
  public var minBaselinePeriods: Int
  /// Fewer complaints than this in the period: never an anomaly.
  public var minCount: Int
  public var rules: [RunRule]
  /// The Benjamini–Hochberg level a `beyond_limit` signal must meet; nil = no adjustment.
  public var fdr: Double?
  /// What a run-rule signal (every rule but `beyond_limit`) makes of a point.
  public var runRules: RunRulePolicy
  /// The share of the period's family level a small cell (expected count below 5) gets,
  /// relative to the other cells: 1 weighs every cell alike.
  public var smallCountWeight: Double
  /// Whether only points with a complaint this period enter the period's family: a count of 0
  /// cannot signal upward, so a slice's values without a complaint now do not dilute the
  /// family (the slices set it; the grid keeps every testable cell).
  public var familyNeedsComplaint = false
  /// Judges shares rather than rates: each count is a part of its units (an issue's complaints
  /// of all complaints), on a p chart or Laney p′ (`auto` picks as it picks between u and u′).
  public var shares = false
  /// After this many judged periods in a row that began beyond a limit and stayed on that side
  /// of the centre, the level has shifted: later periods are judged against a baseline that
  /// starts at the shift (`LevelShift`); nil never re-baselines (`rebaseline_after: off`).
  public var rebaselineAfter: Int? = 6

  /// How many judged periods a run needs to confirm a level shift: `rebaselineAfter`, and at
  /// least `minBaselinePeriods` + 1, so the new phase (the run without its opening point) can
  /// judge the period after it. `nil` when level shifts are off.
  public static func shiftRunLength(rebaselineAfter: Int?, minBaselinePeriods: Int) -> Int? {
    rebaselineAfter.map { max($0, minBaselinePeriods + 1) }
  }

  public init(
    method: ChartMethod = .auto, sigma: Double = 3, baselinePeriods: Int = 12,
    minBaselinePeriods: Int = 6, minCount: Int = 3, rules: [RunRule] = RunRule.allCases,
    fdr: Double? = 0.03, runRules: RunRulePolicy = .watch, smallCountWeight: Double = 1
  ) {
    self.method = method
    self.sigma = sigma
    self.baselinePeriods = baselinePeriods
    self.minBaselinePeriods = minBaselinePeriods
    self.minCount = minCount
    self.rules = rules
    self.fdr = fdr
    self.runRules = runRules
    self.smallCountWeight = smallCountWeight
  }

  /// Below this expected count a cell is a small cell for `smallCountWeight` (the same cut at
  /// which `auto` switches to exact Poisson limits).
  public static let smallExpectedCount = 5.0

  /// The level of the exact test that lists a series silent for its whole baseline as a watch
  /// (`JudgedPoint.appeared`). The test stands outside the family, so it is held to a level
  /// below the family's 0.03: with the defaults (3 complaints, 6 to 12 baseline periods of equal
  /// exposure) p is (1/7)³ = 0.003 or less, so every such burst is listed.
  public static let appearedLevel = 0.01

  /// The id a watch on a series silent for its baseline carries in place of a rule.
  public static let appearedRule = "appeared"
}

/// Whether the supplementary run rules raise anomalies or only watches.
public enum RunRulePolicy: String, Codable, Sendable, CaseIterable {
  /// A run-rule signal is listed as a watch: shown, never an anomaly on its own.
  case watch
  /// A run-rule signal is an anomaly, without adjustment (the behaviour before the family procedure).
  case anomaly
}

/// A stored baseline that replaces the rolling one (`plaint baseline freeze`).
public struct FrozenBaseline: Codable, Sendable, Hashable {
  public var center: Double
  /// The Laney spread factor, when the frozen chart is a Laney chart.
  public var sigmaZ: Double?
  /// The method the baseline resolved to; with `auto` settings, points whose expected count is
  /// below 5 still get exact Poisson limits.
  public var method: ChartMethod
  /// How many usable periods the baseline was estimated from.
  public var periods: Int

  public init(center: Double, sigmaZ: Double?, method: ChartMethod, periods: Int) {
    self.center = center
    self.sigmaZ = sigmaZ
    self.method = method
    self.periods = periods
  }

  /// Freezes the estimate from the usable periods in `baseline` (0-based, default all); nil when
  /// none of them has exposure.
  public static func estimate(
    _ observations: [ChartObservation], method: ChartMethod, baseline: Range<Int>? = nil
  ) -> FrozenBaseline? {
    let chart = ControlChart.compute(observations, method: method, baseline: baseline, rules: [])
    guard let center = chart.center else { return nil }
    let window = (baseline ?? 0..<observations.count).clamped(to: 0..<observations.count)
    let periods = window.filter { observations[$0].status == .ok }.count
    return FrozenBaseline(
      center: center, sigmaZ: chart.sigmaZ, method: chart.method, periods: periods)
  }

  /// The estimate the chart maths reads.
  var estimate: BaselineEstimate {
    BaselineEstimate(
      center: center, sigmaZ: sigmaZ, phi: nil, phiCritical: nil,
      overdispersed: method.isLaney, periods: periods)
  }
}

/// Whether an anomaly is new, goes on, or has just ended.
public enum AnomalyStatus: String, Codable, Sendable {
  /// Flagged now, not in the previous usable period.
  case new
  /// Flagged now and in the previous usable period.
  case continuing
  /// Flagged in the previous usable period, in control now.
  case resolved
}

/// One period of one series after judgement.
public struct JudgedPoint: Sendable, Hashable {
  /// The chart point against this period's own rolling baseline.
  public var point: ChartPoint
  /// How many usable periods the baseline held.
  public var baselineCount: Int
  /// The Benjamini–Hochberg q-value across the cells judged in this period.
  public var qValue: Double?
  public var isAnomaly: Bool
  /// Strictly below the LCL with enough history: reported, never an anomaly.
  public var isImprovement: Bool
  public var insufficientHistory: Bool
  /// Complaints now after a baseline of none (centre 0, so a limit of 0): no level to judge a
  /// count against, so no verdict — never an anomaly against a centre of 0.
  public var silentBaseline = false
  /// A silent baseline followed by at least `min_count` complaints that its exposure makes
  /// unlikely: the exact conditional test of this period's count against the baseline's 0
  /// (`point.pValue`) at most `DetectorSettings.appearedLevel`. A watch, never an anomaly, and
  /// outside the period's Benjamini–Hochberg family: a value that did not exist before (a late
  /// product line, a new landlord) is silent for the same reason, so a burst is listed for a
  /// look, not flagged against a centre of 0.
  public var appeared = false
  public var status: AnomalyStatus?
  /// Consecutive anomalous usable periods ending here (0 when this one is not anomalous).
  public var streak: Int
  /// The rules that made this point an anomaly (`beyond_limit` only when it passed the FDR).
  public var anomalyRules: [RunRule]
  /// The rules the point completed that did not make it an anomaly: a `beyond_limit` that
  /// failed the period's FDR, or a run rule under `RunRulePolicy.watch`.
  public var watchRules: [RunRule]
  /// The first and last period (indices) of the rolling baseline this point was judged
  /// against; `baselineCount` usable periods of them entered it. nil for a frozen baseline.
  public var baselineWindow: ClosedRange<Int>? = nil
  /// The level shift behind this point's baseline while that baseline starts at the shift, or
  /// the shift this point confirmed (`shift.confirmed` is this period).
  public var shift: LevelShift? = nil

  /// A signal that did not pass: listed for a look, not an anomaly.
  public var isWatch: Bool { !isAnomaly && (!watchRules.isEmpty || appeared) }

  /// The reasons a watch is listed, as report ids: `appeared`, or the rules it completed.
  public var watchReasons: [String] {
    appeared ? [DetectorSettings.appearedRule] : watchRules.map(\.rawValue)
  }

  public init(
    point: ChartPoint, baselineCount: Int, qValue: Double?, isAnomaly: Bool,
    isImprovement: Bool, insufficientHistory: Bool, status: AnomalyStatus?, streak: Int,
    anomalyRules: [RunRule], watchRules: [RunRule] = []
  ) {
    self.point = point
    self.baselineCount = baselineCount
    self.qValue = qValue
    self.isAnomaly = isAnomaly
    self.isImprovement = isImprovement
    self.insufficientHistory = insufficientHistory
    self.status = status
    self.streak = streak
    self.anomalyRules = anomalyRules
    self.watchRules = watchRules
  }
}

/// A judged series: the method of its latest chart and every period.
public struct JudgedSeries: Sendable {
  /// The method of the latest point with limits.
  public var method: ChartMethod
  /// The dispersion ratio of the latest baseline.
  public var phi: Double?
  public var points: [JudgedPoint]

  public init(method: ChartMethod, phi: Double?, points: [JudgedPoint]) {
    self.method = method
    self.phi = phi
    self.points = points
  }
}

/// Flags anomalies in many series at once, period by period, on rolling baselines.
public enum AnomalyDetector {
  /// Judges aligned series (index = period) in time order.
  ///
  /// Each period is judged against the last `baselinePeriods` usable periods before it that were
  /// not anomalies (or the frozen baseline for that key). The Benjamini–Hochberg family of a
  /// period is every cell with a p-value and enough history in that period, each p-value divided
  /// by its cell's weight (weighted BH: small cells weigh `smallCountWeight`, the weights average
  /// 1). Run-rule signals are watches, or anomalies unadjusted under `RunRulePolicy.anomaly`. A
  /// period's anomalies are decided before the next period is judged, so they never enter a
  /// later baseline.
  public static func judge<Key: Hashable & Comparable & Sendable>(
    _ series: [Key: [ChartObservation]], settings: DetectorSettings,
    frozen: [Key: FrozenBaseline] = [:]
  ) -> [Key: JudgedSeries] {
    let keys = series.keys.sorted()
    let observations = keys.map { series[$0] ?? [] }
    let length = observations.map(\.count).max() ?? 0
    let criticalRatios = (0..<max(2, settings.baselinePeriods)).map {
      $0 == 0 ? Double.nan : BaselineEstimate.dispersionCriticalRatio($0)
    }
    let criticalRatio: (Int) -> Double = { df in
      df < criticalRatios.count ? criticalRatios[df] : BaselineEstimate.dispersionCriticalRatio(df)
    }

    var states = keys.map { key in
      SeriesState(tracker: RuleTracker(rules: settings.rules), frozen: frozen[key])
    }
    for period in 0..<length {
      var drafts: [Draft?] = Array(repeating: nil, count: keys.count)
      for slot in keys.indices where period < observations[slot].count {
        drafts[slot] = states[slot].draft(
          observations[slot], period: period, settings: settings, criticalRatio: criticalRatio)
      }

      let family = drafts.indices.filter { slot in
        guard let draft = drafts[slot], draft.testable else { return false }
        return !settings.familyNeedsComplaint || draft.point.count > 0
      }
      let weights = FalseDiscoveryRate.normalisedWeights(
        family.map { slot in
          let small = (drafts[slot]?.expected ?? 0) < DetectorSettings.smallExpectedCount
          return small ? settings.smallCountWeight : 1
        })
      let qValues = FalseDiscoveryRate.benjaminiHochberg(
        zip(family, weights).map { slot, weight in
          let p = drafts[slot]?.point.pValue ?? 1
          return weight > 0 ? min(1, p / weight) : 1
        })
      for (slot, q) in zip(family, qValues) { drafts[slot]?.qValue = q }

      for slot in keys.indices {
        guard let draft = drafts[slot] else { continue }
        states[slot].settle(draft, period: period, settings: settings)
      }
    }

    var judged: [Key: JudgedSeries] = [:]
    for (slot, key) in keys.enumerated() {
      judged[key] = states[slot].finish(
        requested: settings.shares ? .p : settings.method, rules: settings.rules)
    }
    return judged
  }
}

/// A period of one series judged against its baseline, before the FDR of the period is known.
private struct Draft {
  var point: ChartPoint
  var rulePoint: RulePoint?
  var baselineCount: Int
  var phi: Double?
  var insufficientHistory: Bool
  /// Complaints now, none in a whole baseline (`JudgedPoint.silentBaseline`).
  var silentBaseline = false
  /// The rules the point completes, before the FDR and `min_count`.
  var fired: [RunRule]
  var qValue: Double?
  /// The rolling baseline's first and last period.
  var window: ClosedRange<Int>? = nil

  /// The expected count under the baseline, ū·nᵢ.
  var expected: Double? { point.center.flatMap { c in point.units.map { c * $0 } } }

  /// Whether the point enters the period's Benjamini–Hochberg family: a p-value, enough history,
  /// and something to test — a cell with no complaint now and none in its baseline (centre 0)
  /// cannot signal, and would only make real signals harder to pass.
  var testable: Bool {
    point.pValue != nil && !insufficientHistory && !silentBaseline
      && !(point.count == 0 && point.center == 0)
  }
}

/// The running state of one series as the detector walks through the periods.
private struct SeriesState {
  var tracker: RuleTracker
  var frozen: FrozenBaseline?
  /// Usable periods that were not anomalies: the pool the rolling baseline is drawn from.
  var eligible: [Int] = []
  /// Consecutive periods the exports did not cover (or covered in part) just before this one.
  var gap = 0
  var previousFlagged = false
  var streak = 0
  var points: [JudgedPoint] = []
  var rulePoints: [RulePoint?] = []
  var latestPhi: Double?
  /// The run that may confirm a level shift, and the latest shift confirmed.
  var shifts = ShiftTracker()
  var phase: LevelShift?

  init(tracker: RuleTracker, frozen: FrozenBaseline?) {
    self.tracker = tracker
    self.frozen = frozen
  }

  mutating func draft(
    _ observations: [ChartObservation], period: Int, settings: DetectorSettings,
    criticalRatio: (Int) -> Double
  ) -> Draft {
    // After a gap of a baseline's length or more, the history before it is too old to judge
    // against: the rolling baseline and the run rules start again. So they do where the counts
    // before are not comparable (`ChartObservation.restarts`).
    if observations[period].restarts
      || (gap >= max(1, settings.baselinePeriods) && observations[period].status == .ok)
    {
      eligible.removeAll()
      tracker = RuleTracker(rules: settings.rules)
      shifts.reset()
      phase = nil
      gap = 0
    }
    let estimate: BaselineEstimate?
    let requested: ChartMethod
    var window: ClosedRange<Int>?
    if let frozen {
      estimate = frozen.estimate
      let adaptive = settings.method == .auto && (frozen.method == .u || frozen.method == .laney)
      requested = adaptive ? .auto : frozen.method
    } else {
      let indices = Array(eligible.suffix(max(0, settings.baselinePeriods)))
      if let first = indices.first, let last = indices.last { window = first...last }
      estimate = BaselineEstimate(
        observations, indices: indices,
        proportion: settings.method.isProportion || settings.shares, criticalRatio: criticalRatio)
      requested = settings.shares ? settings.method.forShares(estimate) : settings.method
    }
    var (point, rulePoint) = ChartPoint.judge(
      observations[period], method: requested, sigma: settings.sigma, estimate: estimate)
    if point.method == .u || point.method == .poisson, let estimate,
      let count = estimate.totalCount, let units = estimate.totalUnits,
      let n = observations[period].units
    {
      point.pValue = PredictiveTest.upperTail(
        point.count, units: n, baselineCount: count, baselineUnits: units)
      if point.method == .u, let phi = estimate.phi, phi > 1 {
        let skewed = PredictiveTest.quasiPoissonUpperTail(
          point.count, mean: estimate.center * n, dispersion: phi)
        point.pValue = max(point.pValue ?? 1, skewed)
      }
    } else if point.method == .laney, let estimate, let sigmaZ = estimate.sigmaZ,
      let n = observations[period].units
    {
      // σ_z is an estimate from a year of moving ranges: z is read on Student's t with the
      // effective degrees of freedom of an average moving range, 0.62 (m − 1).
      let df = max(1, 0.62 * Double(estimate.periods - 1))
      let t = PredictiveTest.studentUpperTail(point.z ?? 0, degreesOfFreedom: df)
      let skewed = PredictiveTest.quasiPoissonUpperTail(
        point.count, mean: estimate.center * n,
        dispersion: max(sigmaZ * sigmaZ, estimate.phi ?? 1))
      point.pValue = max(t, skewed)
    }
    if settings.shares, let estimate { point.pValue = ShareChart.pValue(point, estimate) }
    let baselineCount = estimate?.periods ?? 0
    let fired = rulePoint.map { tracker.push($0).map(\.rule) } ?? []
    // An issue new in this period has no baseline share (centre 0): any count is "above" a
    // limit of 0, and would stay out of every later baseline, flagged month after month. It
    // gets no verdict and, like any point not judged, enters later baselines.
    let newShare = settings.shares && point.center == 0 && point.count > 0
    let insufficient =
      point.status == .ok && (baselineCount < settings.minBaselinePeriods || newShare)
    // Any other series silent for its whole baseline is the same case: a centre of 0 gives a
    // limit of 0, and "3 complaints against centre 0" would be flagged on no level at all. It
    // gets no verdict, is named as silent, and enters later baselines like any unjudged point.
    let silent =
      !insufficient && point.status == .ok && estimate != nil && point.center == 0
      && point.count > 0
    // Against none in the baseline, the exact conditional test of two Poisson rates: x given
    // x + 0 is Binomial(x, n / (n + N)), so p = (n / (n + N))ˣ. A frozen baseline keeps no
    // exposure to test against, and its point keeps no p-value.
    if silent {
      point.pValue = estimate?.totalUnits.flatMap { big in
        observations[period].units.map {
          PredictiveTest.upperTail(point.count, units: $0, baselineCount: 0, baselineUnits: big)
        }
      }
    }
    return Draft(
      point: point, rulePoint: rulePoint, baselineCount: baselineCount, phi: estimate?.phi,
      insufficientHistory: insufficient, silentBaseline: silent, fired: fired, qValue: nil,
      window: window)
  }

  mutating func settle(_ draft: Draft, period: Int, settings: DetectorSettings) {
    rulePoints.append(draft.rulePoint)
    let usable = draft.point.status == .ok
    let judgeable =
      usable && !draft.insufficientHistory && !draft.silentBaseline && draft.point.center != nil
    var rules: [RunRule] = []
    var watch: [RunRule] = []
    if judgeable && draft.point.count >= settings.minCount {
      for rule in draft.fired {
        let passes: Bool
        if rule == .beyondLimit {
          passes = settings.fdr.map { (draft.qValue ?? 1) <= $0 } ?? true
        } else {
          passes = settings.runRules == .anomaly
        }
        if passes { rules.append(rule) } else { watch.append(rule) }
      }
    }
    let isAnomaly = !rules.isEmpty
    var status: AnomalyStatus?
    if usable {
      if isAnomaly {
        status = previousFlagged ? .continuing : .new
        streak += 1
      } else {
        status = previousFlagged ? .resolved : nil
        streak = 0
        // A point above its UCL stays out of later baselines even when it failed the family
        // adjustment: a step missed in its first month must not become the new normal.
        if !watch.contains(.beyondLimit) { eligible.append(period) }
      }
      previousFlagged = isAnomaly
    } else if draft.point.status == .notCovered || draft.point.status == .partial {
      // A gap in the data ends a run of anomalies: nothing is known of what happened in it.
      previousFlagged = false
      streak = 0
      gap += 1
    }
    if usable { gap = 0 }
    if draft.point.method != nil { latestPhi = draft.phi }

    var judged = JudgedPoint(
      point: draft.point, baselineCount: draft.baselineCount, qValue: draft.qValue,
      isAnomaly: isAnomaly,
      isImprovement: judgeable && !isAnomaly && (draft.rulePoint?.belowLimit ?? false),
      insufficientHistory: draft.insufficientHistory, status: status,
      streak: isAnomaly ? streak : 0, anomalyRules: rules, watchRules: watch)
    judged.silentBaseline = draft.silentBaseline
    judged.appeared =
      draft.silentBaseline && draft.point.count >= settings.minCount
      && (draft.point.pValue ?? 1) <= DetectorSettings.appearedLevel
    judged.baselineWindow = draft.window
    judged.shift = phase.flatMap { $0.baselineStart == draft.window?.lowerBound ? $0 : nil }
    if usable, let confirmed = followShift(draft, period: period, judged: judgeable, settings) {
      judged.shift = confirmed
    }
    points.append(judged)
  }

  func finish(requested: ChartMethod, rules: [RunRule]) -> JudgedSeries {
    var chartPoints = points.map(\.point)
    RunRules.attachSignals(to: &chartPoints, rulePoints, rules: rules)
    var judged = points
    for index in judged.indices { judged[index].point = chartPoints[index] }
    let method =
      judged.last(where: { $0.point.method != nil })?.point.method
      ?? (requested == .auto ? .u : requested)
    return JudgedSeries(method: method, phi: latestPhi, points: judged)
  }
}

extension SeriesState {
  /// Follows a sustained shift (`LevelShift`): when this judged point completes the run, the
  /// rolling baseline starts again at the run's first period, holding the run's periods, and the
  /// run rules and the anomaly streak start afresh. A frozen baseline is never moved.
  fileprivate mutating func followShift(
    _ draft: Draft, period: Int, judged: Bool, _ settings: DetectorSettings
  ) -> LevelShift? {
    guard frozen == nil,
      let needed = DetectorSettings.shiftRunLength(
        rebaselineAfter: settings.rebaselineAfter,
        minBaselinePeriods: settings.minBaselinePeriods)
    else { return nil }
    guard judged, let center = draft.point.center, let units = draft.point.units,
      let limits = draft.rulePoint
    else {
      shifts.reset()
      return nil
    }
    guard
      let run = shifts.push(
        period: period, count: draft.point.count, expected: center * units, center: center,
        above: limits.aboveLimit, below: limits.belowLimit, needed: needed)
    else { return nil }
    // The opening point is what started the run; a one-period spike followed by points that
    // merely stay on its side of the centre is not a new level. The rest of the run must be
    // beyond the old level as a whole (its sum against the old centre, at `sigma`, allowing for
    // the baseline's dispersion), and only the rest becomes the new phase's baseline.
    let members = (run.start + 1..<period).filter { points[$0].point.status == .ok } + [period]
    let observed = members.map { index in
      index == period
        ? (Double(draft.point.count), units)
        : (Double(points[index].point.count), points[index].point.units ?? 0)
    }
    let phi = max(1, latestPhi ?? 1)
    /// How far a stretch of the run lies beyond the old level, in standard deviations.
    func beyond(_ part: ArraySlice<(Double, Double)>) -> Double {
      let count = part.reduce(0) { $0 + $1.0 }
      let expected = run.centerBefore * part.reduce(0) { $0 + $1.1 }
      let z = (count - expected) / (phi * max(expected, 1)).squareRoot()
      return run.direction == .up ? z : -z
    }
    // Each half must be beyond the old level too, so a run of ordinary periods that a real
    // change at its end tips over the limit is not taken for a level that began at its start.
    let half = observed.count / 2
    guard members.count >= settings.minBaselinePeriods,
      beyond(observed[...]) > settings.sigma,
      beyond(observed.prefix(half)) > 2, beyond(observed.suffix(observed.count - half)) > 2
    else { return nil }
    let count = observed.reduce(0) { $0 + $1.0 }
    let exposure = observed.reduce(0) { $0 + $1.1 }
    let shift = LevelShift(
      direction: run.direction, start: run.start, baselineStart: run.start + 1, confirmed: period,
      centerBefore: run.centerBefore, centerAfter: exposure > 0 ? count / exposure : center)
    eligible = members
    tracker = RuleTracker(rules: settings.rules)
    previousFlagged = false
    streak = 0
    phase = shift
    return shift
  }
}
