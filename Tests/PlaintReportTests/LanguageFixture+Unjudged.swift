import Foundation
import PlaintCore

@testable import PlaintReport

/// The bundles that reach the words for a period covered whole in which no cell is judged for
/// a reason other than history.
extension LanguageFixture {
  /// Every complaint of a whole month in no product line: no cell to judge.
  static func allUnassigned() -> ReportBundle {
    var bundle = quiet()
    bundle.report.totals.complaints = 40
    bundle.report.dataQuality = .init(
      complaints: 40, unassigned: 40, hasSales: false, warnings: ["unassigned"])
    // An export without a customer column: repeat customers not measured.
    bundle.report.recurrence.customersNamed = false
    return bundle
  }

  /// A whole month with sales given, whose lines have no units in it: nothing judged, for want
  /// of units, not of history.
  static func noUnits() -> ReportBundle {
    var bundle = quiet()
    bundle.report.totals.complaints = 25
    bundle.report.cells = [
      ReportModel.CellSeries(
        category: "product", productLine: "Kettles", tier: .only(.consumer), chart: .u,
        phi: nil, series: series(last: .missing))
    ]
    bundle.report.dataQuality = .init(complaints: 25, hasSales: true)
    return bundle
  }

  /// A whole month whose lines with a history are not covered whole, for their export lost
  /// most of its rows while another kept logging: no cell judged.
  static func linesUncovered() -> ReportBundle {
    var bundle = quiet()
    bundle.report.totals.complaints = 12
    bundle.report.coverage.linesNotCovered = ["Kettles", "Toasters"]
    // The month's export covers it without a row of Kettles: a line that stopped, or one the
    // export leaves out.
    bundle.report.coverage.gaps = [
      .init(
        productLine: "Kettles", from: bundle.report.period, through: bundle.report.period,
        periods: 1, reason: "not_carried")
    ]
    bundle.report.coverage.files = [
      .init(
        path: "exports/appliances.csv", from: "2024-01-01", through: "2025-12-31",
        basis: "tickets", productLines: ["Kettles", "Toasters"])
    ]
    bundle.report.coverage.emptyStretches = [
      .init(
        from: "2025-12-03", through: "2025-12-24", days: 22, expectedRows: 440,
        file: "exports/appliances.csv")
    ]
    bundle.report.dataQuality = .init(
      complaints: 12, hasSales: false, warnings: ["empty_stretches", "lines_not_covered"])
    return bundle
  }

  /// A whole month with one day without a row on any export and one day each of two files
  /// lost, one of whose lines is then not covered whole: the words for a single day.
  static func oneDay() -> ReportBundle {
    var bundle = quiet()
    bundle.report.totals.complaints = 30
    bundle.report.method.cellsTested = 2
    bundle.report.coverage.linesNotCovered = ["Kettles"]
    bundle.report.coverage.files = [
      .init(
        path: "exports/kettles.csv", from: "2024-01-01", through: "2025-12-31",
        basis: "tickets", productLines: ["Kettles"]),
      .init(
        path: "exports/toasters.csv", from: "2024-01-01", through: "2025-12-31",
        basis: "tickets", productLines: ["Toasters"]),
    ]
    bundle.report.coverage.emptyStretches = [
      .init(from: "2025-12-01", through: "2025-12-01", days: 1, expectedRows: 40),
      .init(
        from: "2025-12-09", through: "2025-12-09", days: 1, expectedRows: 30,
        file: "exports/kettles.csv"),
      .init(
        from: "2025-12-16", through: "2025-12-16", days: 1, expectedRows: 20,
        file: "exports/toasters.csv"),
    ]
    bundle.report.dataQuality = .init(
      complaints: 30, hasSales: false, warnings: ["empty_stretches", "lines_not_covered"])
    return bundle
  }
}
