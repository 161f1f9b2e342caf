import Foundation

/// How a chart sets its limits.
public enum ChartMethod: String, Codable, Sendable, CaseIterable {
  /// Poisson when the expected count is below 5, else Laney u′ when overdispersed, else u.
  case auto
  /// Rate chart: ū ± k·√(ū/nᵢ).
  case u
  /// Laney u′: the u limits widened by σ_z, the spread of the standardised rates.
  case laney
  /// Exact Poisson probability limits for the count, reported as rates.
  case poisson
  /// Proportion chart: p̄ ± k·√(p̄(1 − p̄)/nᵢ).
  case p
  /// Laney p′: the p limits widened by σ_z.
  case laneyP = "laney_p"

  /// Whether the chart treats counts as shares of the units.
  var isProportion: Bool { self == .p || self == .laneyP }

  /// Whether the limits use σ_z.
  var isLaney: Bool { self == .laney || self == .laneyP }
}

/// Why a point has, or lacks, a statistic.
public enum PointStatus: String, Codable, Sendable {
  case ok
  /// Zero units: no rate, no limits, never a signal.
  case noExposure = "no_exposure"
  /// Units unknown: no rate, no limits, never a signal.
  case missing
  /// No export covers the period: no data, not zero; no rate, no limits, never a signal.
  case notCovered = "not_covered"
  /// Exports cover only part of the period: its count is shown, never judged or used as a
  /// baseline.
  case partial
}

/// One period of a series: a count and its exposure (nil = missing, 0 = no exposure), and how
/// much of the period the exports cover.
public struct ChartObservation: Sendable, Hashable {
  public var count: Int
  public var units: Double?
  public var coverage: PeriodCoverage
  /// Whether the counts before this period are not comparable with its own (an export joined
  /// the series' exports, or a product line joined a roll-up): the baseline and the run rules
  /// start again here.
  public var restarts: Bool

  public init(
    count: Int, units: Double?, coverage: PeriodCoverage = .whole, restarts: Bool = false
  ) {
    self.count = count
    self.units = units
    self.coverage = coverage
    self.restarts = restarts
  }

  /// Whether the period has a rate, or why not.
  public var status: PointStatus {
    switch coverage {
    case .none: return .notCovered
    case .partial: return .partial
    case .whole: break
    }
    guard let units, !units.isNaN else { return .missing }
    return units > 0 ? .ok : .noExposure
  }
}

/// One charted period: its rate, limits, standardised score, p-value and signals.
public struct ChartPoint: Codable, Sendable, Hashable {
  public var count: Int
  public var units: Double?
  public var rate: Double?
  public var center: Double?
  public var ucl: Double?
  public var lcl: Double?
  /// Distance from the centre in the chart's own σ (Laney: σ_z·σᵢ); nil when that σ is zero.
  public var z: Double?
  /// One-sided upper-tail p-value: exact Poisson for u and poisson points, normal on `z` otherwise.
  public var pValue: Double?
  /// The method that set this point's limits (never `auto`).
  public var method: ChartMethod?
  public var status: PointStatus
  /// The signals that flag this point (it lies in their `trigger...last`).
  public var signals: [Signal]

  public init(
    count: Int, units: Double?, rate: Double? = nil, center: Double? = nil, ucl: Double? = nil,
    lcl: Double? = nil, z: Double? = nil, pValue: Double? = nil, method: ChartMethod? = nil,
    status: PointStatus, signals: [Signal] = []
  ) {
    self.count = count
    self.units = units
    self.rate = rate
    self.center = center
    self.ucl = ucl
    self.lcl = lcl
    self.z = z
    self.pValue = pValue
    self.method = method
    self.status = status
    self.signals = signals
  }
}

/// A whole chart: the method it resolved to, its baseline estimates and its points.
public struct ChartResult: Codable, Sendable {
  public var method: ChartMethod
  public var center: Double?
  /// The Laney spread factor, given when the chart uses it.
  public var sigmaZ: Double?
  /// The Pearson dispersion ratio Σzᵢ²/(m − 1) over the baseline.
  public var phi: Double?
  /// The χ²(m − 1) 95 % point divided by m − 1; `phi` above it means overdispersion.
  public var phiCritical: Double?
  public var points: [ChartPoint]

  public init(
    method: ChartMethod, center: Double?, sigmaZ: Double?, phi: Double?, phiCritical: Double?,
    points: [ChartPoint]
  ) {
    self.method = method
    self.center = center
    self.sigmaZ = sigmaZ
    self.phi = phi
    self.phiCritical = phiCritical
    self.points = points
  }
}

/// Control charts for counts against an exposure.
public enum ControlChart {
  /// Textbook phase I / phase II chart used by `plaint chart`.
  ///
  /// The limits are estimated from `baseline` (0-based indices, default all) minus `exclude`;
  /// excluded and phase II points stay on the chart and are judged. `beyond_limit` flags points
  /// on either side (below the LCL too, as the textbooks and `plaint chart` count them); the
  /// other rules look upward only, as docs/statistics.md defines them.
  public static func compute(
    _ observations: [ChartObservation], method: ChartMethod, sigma: Double = 3,
    baseline: Range<Int>? = nil, exclude: Set<Int> = [], rules: [RunRule] = RunRule.allCases
  ) -> ChartResult {
    let all = 0..<observations.count
    let window = (baseline ?? all).clamped(to: all)
    let indices = window.filter { !exclude.contains($0) && observations[$0].status == .ok }
    let estimate = BaselineEstimate(
      observations, indices: indices, proportion: method.isProportion,
      criticalRatio: BaselineEstimate.dispersionCriticalRatio)

    var points: [ChartPoint] = []
    var rulePoints: [RulePoint?] = []
    for observation in observations {
      let judged = ChartPoint.judge(observation, method: method, sigma: sigma, estimate: estimate)
      points.append(judged.point)
      rulePoints.append(judged.rulePoint)
    }

    RunRules.attachSignals(to: &points, rulePoints, rules: rules)

    let resolved = seriesMethod(method, estimate: estimate, points: points)
    return ChartResult(
      method: resolved, center: estimate?.center,
      sigmaZ: resolved.isLaney ? estimate?.sigmaZ : nil, phi: estimate?.phi,
      phiCritical: estimate?.phiCritical, points: points)
  }

  /// The method a whole chart reports: `auto` is poisson only when every point was exact.
  private static func seriesMethod(
    _ requested: ChartMethod, estimate: BaselineEstimate?, points: [ChartPoint]
  ) -> ChartMethod {
    guard let estimate else { return requested == .auto ? .u : requested }
    let methods = points.compactMap(\.method)
    if requested == .auto, !methods.isEmpty, methods.allSatisfy({ $0 == .poisson }) {
      return .poisson
    }
    return estimate.resolve(requested, expected: nil)
  }
}

/// What a chart learns from its baseline periods.
struct BaselineEstimate: Sendable, Hashable {
  /// Laney's d₂ for moving ranges of two (Laney, Minitab, qicharts2).
  static let d2 = 1.128

  var center: Double
  /// mean |zᵢ − zᵢ₋₁| / d₂ over adjacent baseline periods; nil without any adjacent pair.
  var sigmaZ: Double?
  var phi: Double?
  var phiCritical: Double?
  /// Whether the counts vary more than Poisson (or binomial) chance allows: φ above its critical
  /// value, or what a frozen baseline recorded.
  var overdispersed: Bool
  /// The number of usable baseline periods.
  var periods: Int
  /// The complaints and units the centre was estimated from; nil for a frozen baseline.
  var totalCount: Int? = nil
  var totalUnits: Double? = nil

  init(
    center: Double, sigmaZ: Double?, phi: Double?, phiCritical: Double?, overdispersed: Bool,
    periods: Int
  ) {
    self.center = center
    self.sigmaZ = sigmaZ
    self.phi = phi
    self.phiCritical = phiCritical
    self.overdispersed = overdispersed
    self.periods = periods
  }

  /// Estimates from the usable periods at `indices` (ascending); nil when there are none.
  init?(
    _ observations: [ChartObservation], indices: [Int], proportion: Bool,
    criticalRatio: (Int) -> Double
  ) {
    var count = 0.0
    var units = 0.0
    for index in indices {
      guard let n = observations[index].units, n > 0 else { continue }
      count += Double(observations[index].count)
      units += n
    }
    guard units > 0 else { return nil }
    let center = count / units

    var zs: [(index: Int, z: Double)] = []
    for index in indices {
      guard let n = observations[index].units, n > 0 else { continue }
      let rate = Double(observations[index].count) / n
      let sd = ChartPoint.sigma(center: center, units: n, proportion: proportion)
      zs.append((index, sd > 0 ? (rate - center) / sd : 0))
    }
    var ranges: [Double] = []
    for (previous, current) in zip(zs, zs.dropFirst()) where current.index == previous.index + 1 {
      ranges.append(abs(current.z - previous.z))
    }
    let m = zs.count
    let phi = m >= 2 ? zs.reduce(0) { $0 + $1.z * $1.z } / Double(m - 1) : nil
    let phiCritical = m >= 2 ? criticalRatio(m - 1) : nil
    self.init(
      center: center,
      sigmaZ: ranges.isEmpty ? nil : ranges.reduce(0, +) / Double(ranges.count) / Self.d2,
      phi: phi, phiCritical: phiCritical,
      overdispersed: phi.flatMap { phi in phiCritical.map { phi > $0 } } ?? false,
      periods: m)
    totalCount = Int(count)
    totalUnits = units
  }

  /// The χ²(df) 95 % point divided by df: the level φ must exceed to count as overdispersed.
  static func dispersionCriticalRatio(_ df: Int) -> Double {
    ChiSquaredDistribution.quantile(0.95, degreesOfFreedom: Double(df)) / Double(df)
  }

  /// The method for a point with expected count `expected` (nil: judge the series as a whole).
  func resolve(_ requested: ChartMethod, expected: Double?) -> ChartMethod {
    switch requested {
    case .auto:
      if let expected, expected < 5 { return .poisson }
      return overdispersed && sigmaZ != nil ? .laney : .u
    case .laney: return sigmaZ == nil ? .u : .laney
    case .laneyP: return sigmaZ == nil ? .p : .laneyP
    case .u, .poisson, .p: return requested
    }
  }
}

extension ChartPoint {
  /// The binomial or Poisson standard deviation of a rate at the centre line.
  static func sigma(center: Double, units: Double, proportion: Bool) -> Double {
    let variance = proportion ? center * (1 - center) / units : center / units
    return max(0, variance).squareRoot()
  }

  /// Places one observation against a baseline estimate; the rule point is nil for a gap.
  static func judge(
    _ observation: ChartObservation, method requested: ChartMethod, sigma k: Double,
    estimate: BaselineEstimate?
  ) -> (point: ChartPoint, rulePoint: RulePoint?) {
    var point = ChartPoint(
      count: observation.count, units: observation.units, status: observation.status)
    guard point.status == .ok, let n = observation.units else { return (point, nil) }
    let rate = Double(observation.count) / n
    point.rate = rate
    guard let estimate else { return (point, nil) }

    let center = estimate.center
    let method = estimate.resolve(requested, expected: center * n)
    let spread =
      sigma(center: center, units: n, proportion: method.isProportion)
      * (method.isLaney ? estimate.sigmaZ ?? 1 : 1)
    let above: Bool
    let below: Bool
    switch method {
    case .poisson:
      let lambda = center * n
      let alpha = SpecialFunctions.twoSidedAlpha(sigma: k)
      let upper = PoissonDistribution.quantile(1 - alpha / 2, mean: lambda)
      let lower = PoissonDistribution.quantile(alpha / 2, mean: lambda)
      point.ucl = Double(upper) / n
      point.lcl = Double(lower) / n
      above = observation.count > upper
      below = observation.count < lower
    default:
      let ucl = center + k * spread
      let lcl = max(0, center - k * spread)
      point.ucl = method.isProportion ? min(1, ucl) : ucl
      point.lcl = lcl
      above = rate > point.ucl ?? ucl
      below = rate < lcl
    }

    let z: Double =
      spread > 0
      ? (rate - center) / spread : rate > center ? .infinity : rate < center ? -.infinity : 0
    point.center = center
    point.z = z.isFinite ? z : nil
    point.method = method
    switch method {
    case .u, .poisson, .auto:
      point.pValue = PoissonDistribution.upperTail(observation.count, mean: center * n)
    case .laney, .p, .laneyP:
      point.pValue = SpecialFunctions.normalUpperTail(z)
    }
    return (point, RulePoint(z: z, aboveLimit: above, belowLimit: below))
  }
}
