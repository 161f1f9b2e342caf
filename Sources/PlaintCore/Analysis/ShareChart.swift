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
          units: Double(totals[at].count), coverage: totals[at].coverage)
      }
    }
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
