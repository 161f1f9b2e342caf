import Foundation
import PlaintCore

@testable import PlaintReport

/// Bundles that reach the run charts, share charts, drivers and every cell's chart, so the
/// language checks see their words.
extension LanguageFixture {
  /// The busy period without sales: run charts that fire and one that does not, shares with an
  /// anomaly and a watch, drivers compared and not comparable.
  static func charts() -> ReportBundle {
    var bundle = busy()
    var report = bundle.report
    report.method.exposure = ReportModel.Method.countExposure
    report.dataQuality.hasSales = false
    report.runCharts = [
      .init(
        category: "policy", productLine: "Toasters", tier: .only(.consumer), periods: 10, median: 8,
        useful: 10, longestRun: 7, longestRunLimit: 6, crossings: 1, crossingsLimit: 2,
        rules: [.longRun, .fewCrossings]),
      {
        // Too few useful points for either rule: no limits, no verdict.
        var short = ReportModel.RunChart(
          category: "product", productLine: "Kettles", tier: .only(.consumer), periods: 4,
          median: 8, useful: 4, longestRun: 2, longestRunLimit: nil, crossings: 2,
          crossingsLimit: nil, rules: [])
        short.judged = false
        return short
      }(),
      {
        var sparse = ReportModel.RunChart(
          category: "service", productLine: "Blenders", tier: .only(.consumer), periods: 16,
          median: 0,
          useful: 7, longestRun: 7, longestRunLimit: 6, crossings: 0, crossingsLimit: 2,
          rules: [])
        sparse.judged = false
        return sparse
      }(),
    ]
    let shareSeries = periods.map { period in
      ReportModel.Point(
        period: period, status: period == self.period ? .anomaly : .inControl,
        count: period == self.period ? 36 : 12, units: 120,
        rate: period == self.period ? 0.3 : 0.1, center: 0.1, ucl: 0.18, lcl: 0.02)
    }
    report.shares = .init(
      issues: [
        .init(issue: "product.leak", chart: .p, phi: 0.9, series: shareSeries),
        .init(issue: "product.defect", chart: .laneyP, phi: 3.1, series: shareSeries),
      ],
      flagged: [
        .init(
          issue: "product.leak", period: period, kind: .anomaly, count: 36, total: 120,
          share: 0.3, center: 0.1, ucl: 0.18, chart: .p, rules: ["beyond_limit"],
          pValue: 0.000_01, qValue: 0.000_02),
        .init(
          issue: "product.defect", period: period, kind: .watch, count: 30, total: 120,
          share: 0.25, center: 0.2, ucl: 0.24, chart: .laneyP, rules: ["beyond_limit"],
          pValue: 0.01, qValue: 0.2),
        .init(
          issue: "product.defect", period: period, kind: .anomaly, count: 40, total: 120,
          share: 0.33, center: 0.2, ucl: 0.28, chart: .laneyP, rules: ["beyond_limit"],
          pValue: 0.0001, qValue: 0.001),
      ])
    let rows: [ReportModel.DriverRow] = [
      .init(
        issue: "product.defect", count: 20, share: 0.5, cumulative: 0.5, vital: true,
        previousCount: 12, change: 8),
      .init(
        issue: "other.unclassified", count: 12, share: 0.3, cumulative: 0.8, vital: true,
        previousCount: 14, change: -2),
      .init(
        issue: "policy.refund", count: 8, share: 0.2, cumulative: 1, vital: false,
        previousCount: 8, change: 0),
    ]
    let uncompared = rows.map { row in
      var row = row
      row.previousCount = nil
      row.change = nil
      return row
    }
    report.drivers = .init(
      threshold: 0.8, periods: [period], previousPeriods: ["2025-11"],
      productLines: [
        .init(
          anomalyID: nil, category: "*", productLine: "Kettles", tier: .all, complaints: 40,
          previousComplaints: 34, comparable: true, rows: rows),
        .init(
          anomalyID: nil, category: "*", productLine: "Toasters", tier: .all, complaints: 40,
          previousComplaints: nil, comparable: false, rows: uncompared),
      ],
      anomalies: report.anomalies.map { anomaly in
        .init(
          anomalyID: anomaly.id, category: anomaly.category, productLine: anomaly.productLine,
          tier: anomaly.tier, complaints: 40, previousComplaints: 34, comparable: true,
          rows: rows)
      })
    bundle.report = report
    return bundle
  }

  /// A Pareto and driver window holding periods a line's exports do not cover whole, and a line
  /// left out of the shares while its history is shorter than the baseline.
  static func windowsNotWhole() -> ReportBundle {
    var bundle = charts()
    bundle.report.pareto.linesNotCovered = [
      .init(productLine: "Toasters", periods: ["2025-11", "2025-12"])
    ]
    bundle.report.drivers.productLines[1].periodsNotCovered = ["2025-12"]
    for index in bundle.report.drivers.anomalies.indices {
      bundle.report.drivers.anomalies[index].periodsNotCovered = ["2025-11"]
    }
    bundle.report.shares?.linesLeftOut = [
      .init(productLine: "Blenders", from: "2025-09", joins: "2026-09")
    ]
    return bundle
  }

  /// One share that moved, and drivers with no window before them.
  static func chartsQuiet() -> ReportBundle {
    var bundle = charts()
    bundle.report.shares?.flagged.removeLast()
    bundle.report.drivers.previousPeriods = []
    return bundle
  }

  /// Shares that did not move.
  static func chartsCalm() -> ReportBundle {
    var bundle = charts()
    bundle.report.shares?.flagged = []
    return bundle
  }
}
