import Foundation

/// Whether a release changed its product line's complaint rate: the complaints and exposure of
/// up to `periods` observed periods before the release against as many after it, compared with
/// the exact Poisson rate-ratio test.
public enum ReleaseEffect {
  /// How many observed periods on each side of a release are compared.
  public static let periods = 6
  /// The two-sided level at which the test says the rate changed.
  public static let alpha = 0.01

  /// What the test says.
  public enum Verdict: String, Codable, Sendable, CaseIterable {
    case up
    case down
    case noChange = "no change"
    /// No exposure on one side, so no rate to compare.
    case notEnoughData = "not enough data"
  }

  /// One period's complaints and exposure (sales units, or 1 on a count chart).
  public struct Observation: Sendable, Equatable {
    public var period: Period
    public var count: Int
    public var exposure: Double

    public init(period: Period, count: Int, exposure: Double) {
      self.period = period
      self.count = count
      self.exposure = exposure
    }
  }

  /// The period a release day falls in, and the first period wholly after the release: the
  /// release's own period when the release falls on its first day, else the next one.
  public static func periods(
    releasedOn day: Date, in zone: TimeZone, granularity: Granularity
  ) -> (release: Period, firstAfter: Period) {
    let release = Period(containing: day, in: zone, granularity: granularity)
    return (release, release.start(in: zone) == day ? release : release.next(in: zone))
  }

  /// The observations compared: walking back from the period before `release` to `first`, and
  /// forward from `firstAfter` through `last`, each side until it holds `limit` observations.
  /// A period `observe` returns nil for (not covered whole, no exposure) is skipped, not zero.
  public static func window(
    release: Period, firstAfter: Period, from first: Period, through last: Period,
    in zone: TimeZone, limit: Int = periods, observe: (Period) -> Observation?
  ) -> (before: [Observation], after: [Observation]) {
    var before: [Observation] = []
    var cursor = release.previous(in: zone)
    while before.count < limit, cursor >= first {
      if let seen = observe(cursor) { before.insert(seen, at: 0) }
      cursor = cursor.previous(in: zone)
    }
    var after: [Observation] = []
    cursor = firstAfter
    while after.count < limit, cursor <= last {
      if let seen = observe(cursor) { after.append(seen) }
      cursor = cursor.next(in: zone)
    }
    return (before, after)
  }

  /// The rates on both sides of a release and the test between them.
  public struct Test: Sendable, Equatable {
    public var countBefore: Int
    public var countAfter: Int
    /// Complaints per unit of exposure; nil without exposure.
    public var rateBefore: Double?
    public var rateAfter: Double?
    /// The rate after over the rate before; nil when either is missing or the one before is 0.
    public var ratio: Double?
    /// The two-sided p-value of the exact rate-ratio test; nil without exposure on a side.
    public var pValue: Double?
    public var verdict: Verdict
  }

  /// The rate-ratio test of `after` against `before`: up or down when the p-value is at most
  /// `alpha`, no change above it, not enough data without exposure on either side.
  public static func test(
    before: [Observation], after: [Observation], alpha: Double = alpha
  ) -> Test {
    let c1 = before.reduce(0) { $0 + $1.count }
    let c2 = after.reduce(0) { $0 + $1.count }
    let e1 = before.reduce(0) { $0 + $1.exposure }
    let e2 = after.reduce(0) { $0 + $1.exposure }
    let rate1 = e1 > 0 ? Double(c1) / e1 : nil
    let rate2 = e2 > 0 ? Double(c2) / e2 : nil
    let ratio = rate1.flatMap { r1 in rate2.flatMap { r1 > 0 ? $0 / r1 : nil } }
    let p = ExactTests.rateRatioPValue(before: c1, exposure: e1, after: c2, exposure: e2)
    let verdict: Verdict
    if let p, let rate1, let rate2 {
      verdict = p > alpha ? .noChange : rate2 > rate1 ? .up : .down
    } else {
      verdict = .notEnoughData
    }
    return Test(
      countBefore: c1, countAfter: c2, rateBefore: rate1, rateAfter: rate2, ratio: ratio,
      pValue: p, verdict: verdict)
  }
}
