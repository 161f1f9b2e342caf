import Foundation
import PlaintCore

@testable import PlaintReport

/// The bundles that reach the words for periods still filling in and for series silent for
/// their whole baseline.
extension LanguageFixture {
  /// A month still filling in at the end of its export: nothing judged, the evidence named.
  static func fillingIn() -> ReportBundle {
    var bundle = quiet()
    bundle.report.totals.complaints = 20
    bundle.report.coverage = .init(
      period: "filling_in", periodFrom: "2025-12-01", periodThrough: "2025-12-31",
      latestWholePeriod: "2025-10", firstDay: "2024-01-01", lastDay: "2026-01-20",
      files: [
        .init(
          path: "exports/decisions.csv", from: "2024-01-01", through: "2026-01-20",
          basis: "tickets", productLines: ["Kettles", "Toasters"])
      ],
      gaps: lines.prefix(2).map { line in
        .init(
          productLine: line, from: "2025-11", through: period, periods: 2, reason: "filling_in")
      })
    var filling = ReportModel.FillingIn(level: 0.001, maxPeriods: 3)
    filling.periods = ["2025-11", period]
    filling.lines = ["Kettles", "Blenders"]
    filling.complaints = 20
    filling.expected = 857.4
    filling.lowerLimit = 455
    filling.previous = 111
    filling.baselinePeriods = 12
    bundle.report.coverage.fillingIn = filling
    bundle.report.dataQuality = .init(complaints: 20, hasSales: false, warnings: ["filling_in"])
    var points = series(last: .fillingIn)
    points[points.count - 1].rate = nil
    bundle.report.cells = [
      .init(
        category: "product", productLine: "Kettles", tier: .only(.consumer), chart: .u, phi: nil,
        series: points)
    ]
    bundle.report.slices = [
      .init(
        name: "landlord", column: "Landlord", exposure: ReportModel.Method.countExposure,
        fdr: 0.03, valuesTested: 0, periodCoverage: "filling_in", withoutValue: 0,
        paretoPeriods: [period], values: [], series: [], signals: [])
    ]
    return bundle
  }

  /// A whole month with a cell and a slice value back after a silent baseline, and one line
  /// still filling in at the end of its own export.
  static func silent() -> ReportBundle {
    var bundle = quiet()
    bundle.report.totals.complaints = 3
    bundle.report.method.cellsTested = 1
    bundle.report.cells = [
      .init(
        category: "policy", productLine: "Toasters", tier: .only(.consumer), chart: .poisson,
        phi: nil, series: series(last: .silentBaseline))
    ]
    bundle.report.slices = [
      .init(
        name: "landlord", column: "Landlord", exposure: ReportModel.Method.countExposure,
        fdr: 0.03, valuesTested: 1, withoutValue: 0, paretoPeriods: [period],
        values: [
          .init(
            value: "Warwick", count: 3, share: 1, cumulative: 1, vital: true, periodCount: 3,
            center: 0, ucl: 0, status: .silentBaseline, chart: "poisson", pValue: 0.0005,
            qValue: nil)
        ], series: [], signals: [])
    ]
    var filling = ReportModel.FillingIn(level: 0.001, maxPeriods: 3)
    filling.lines = ["Toasters"]
    // A newer month is still filling in as a whole: the note on it must not call this month,
    // whose toasters are still filling in, settled.
    filling.periods = ["2026-01"]
    bundle.report.coverage.fillingIn = filling
    bundle.report.coverage.linesNotCovered = ["Toasters", "Blenders"]
    bundle.report.dataQuality = .init(
      complaints: 3, hasSales: false, warnings: ["lines_not_covered", "later_filling_in"])
    return bundle
  }
}

extension LanguageFixture {
  /// A whole month with a burst after a silent baseline: a cell and a slice value listed as
  /// watches with the rule `appeared`, and a count chart whose tooltips give counts.
  static func appeared() -> ReportBundle {
    var bundle = silent()
    bundle.report.totals.complaints = 53
    bundle.report.coverage.fillingIn = nil
    bundle.report.cells[0].series = series(last: .watch)
    var watch = ReportModel.Anomaly(
      id: "\(period)/policy/Toasters/consumer", category: "policy", productLine: "Toasters",
      tier: .only(.consumer), period: period, count: 50, expected: 0, ucl: 0, rate: 50,
      chart: .poisson, rules: ["appeared"], pValue: 2.2e-56, qValue: nil, status: .watch,
      streak: 0)
    watch.baselinePeriods = 12
    bundle.report.watches = [watch]
    var signal = ReportModel.SliceSignal(
      value: "Warwick", status: "watch", count: 3, expected: 0, ucl: 0, rules: ["appeared"],
      pValue: 0.00046, qValue: nil)
    signal.baselinePeriods = 12
    bundle.report.slices?[0].values[0].status = .watch
    bundle.report.slices?[0].signals = [signal]
    return bundle
  }
}
