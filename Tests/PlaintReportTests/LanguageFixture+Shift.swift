import Foundation
import PlaintCore

@testable import PlaintReport

/// The bundle that reaches the words for level shifts a rolling baseline follows.
extension LanguageFixture {
  /// Two cells whose baselines follow a level shift: one judged against its new level for some
  /// periods, one whose shift the reported period confirms.
  static func shifted() -> ReportBundle {
    var bundle = quiet()
    bundle.report.totals.complaints = 110
    bundle.report.method.rebaselineAfter = 6
    var followed = ReportModel.Baseline.rolling
    followed.window = ["2025-01", "2025-11"]
    followed.periods = 11
    followed.shift = ReportModel.Shift(
      direction: "up", since: "2025-01", confirmed: "2025-06", judgedFrom: "2025-07", level: 83.2,
      levelBefore: 18.4)
    var confirmed = ReportModel.Baseline.rolling
    confirmed.window = ["2024-12", "2025-06"]
    confirmed.periods = 6
    confirmed.shift = ReportModel.Shift(
      direction: "down", since: "2025-07", confirmed: period, judgedFrom: "2026-01", level: 4.5,
      levelBefore: 12)
    bundle.report.cells = [
      .init(
        category: "product", productLine: "Kettles", tier: .only(.consumer), chart: .u, phi: nil,
        baseline: followed, series: series(last: .inControl)),
      .init(
        category: "service", productLine: "Toasters", tier: .only(.consumer), chart: .u,
        phi: nil, baseline: confirmed, series: series(last: .improvement)),
    ]
    return bundle
  }
}
