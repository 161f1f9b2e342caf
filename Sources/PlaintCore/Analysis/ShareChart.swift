/// Shares of all complaints: the series an issue's share chart is drawn from, and the method
/// that judges it.
///
/// Without sales there is no rate to chart, but the mix still says something: an issue whose
/// share of all complaints steps up while the total stays level is often the first sign of a
/// defect. Each issue's count is a part of the period's total, judged on a p chart, or on Laney
/// p′ when the shares vary more than binomial chance allows (`auto`, as u and u′ for rates).
public enum ShareChart {
  /// One series per issue: its count against the total of each period, with the total's
  /// coverage (a partial or uncovered period is never charted as a share, nor judged).
  public static func observations(
    counts: [String: [Int]], totals: [ChartObservation]
  ) -> [String: [ChartObservation]] {
    counts.mapValues { issueCounts in
      totals.indices.map { at in
        ChartObservation(
          count: at < issueCounts.count ? issueCounts[at] : 0,
          units: totals[at].coverage == .none ? nil : Double(totals[at].count),
          coverage: totals[at].coverage)
      }
    }
  }

  /// The one-sided p-value of a share point: Fisher's exact test of the period's count against
  /// the baseline's (the issue's complaints and the rest, now and in the baseline), the share
  /// analogue of the conditional test the detector uses for rates. It allows for the baseline
  /// being an estimate, and keeps an issue expecting one or two complaints from passing the
  /// family on a normal tail. On Laney p′ it is at least the normal tail of the Laney z.
  static func pValue(_ point: ChartPoint, _ estimate: BaselineEstimate) -> Double? {
    guard point.status == .ok, let units = point.units, let baselineCount = estimate.totalCount,
      let baselineUnits = estimate.totalUnits
    else { return point.pValue }
    let total = Int(units.rounded())
    let baselineTotal = Int(baselineUnits.rounded())
    let exact = ExactTests.fisherUpperTail(
      point.count, total - point.count, baselineCount, baselineTotal - baselineCount)
    if point.method == .laneyP { return max(exact, point.pValue ?? 0) }
    return exact
  }

  /// The detector's settings for shares: the same limits, baseline, gates and family level.
  public static func settings(_ settings: DetectorSettings) -> DetectorSettings {
    var shares = settings
    shares.shares = true
    return shares
  }
}

extension ChartMethod {
  /// The proportion chart that stands for this method when shares are judged: u and Poisson
  /// become p, Laney u′ becomes p′, and `auto` picks p′ where the baseline is overdispersed.
  func forShares(_ estimate: BaselineEstimate?) -> ChartMethod {
    switch self {
    case .p, .laneyP: return self
    case .laney: return .laneyP
    case .u, .poisson: return .p
    case .auto:
      guard let estimate, estimate.overdispersed, estimate.sigmaZ != nil else { return .p }
      return .laneyP
    }
  }
}
