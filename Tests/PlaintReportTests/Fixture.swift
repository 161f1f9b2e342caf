import Foundation
import PlaintCore

@testable import PlaintReport

/// Small hand-built report bundles; the strings are what a hostile or careless export could hold.
enum Fixture {
  static let script = "<script>alert(1)</script>"
  static let hyperlink = "=HYPERLINK(\"http://evil.example/x\",\"click\")"
  static let plusOne = "+1"
  static let minusExpression = "-2+3"
  static let atSum = "@SUM(A1:A9)"
  static let quoted = "say \"hi\", then 'bye'"
  static let multiline = "first line\nsecond, line"
  static let piped = "a|b *bold* _x_ [link](javascript:x) # h"
  static let hostile = [
    script, hyperlink, plusOne, minusExpression, atSum, quoted, multiline, piped,
  ]

  /// The product line every hostile test looks for.
  static let line = "Air <Fryers> & \"Co\" 'x'"

  static let periods = ["2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10"]
  /// The period without sales units.
  static let gapPeriod = "2025-07"

  static func series(signalAtEnd: Bool = true) -> [ReportModel.Point] {
    let counts = [4, 6, 5, 5, 7, 19]
    return zip(periods, counts).map { period, count in
      if period == gapPeriod {
        return ReportModel.Point(
          period: period, status: .noExposure, count: count, units: nil, rate: nil,
          center: nil, ucl: nil, lcl: nil)
      }
      let units = 5000.0
      let isLast = period == periods.last
      let signals =
        isLast && signalAtEnd
        ? [ReportModel.Signal(rule: "beyond_limit", first: period, trigger: period, last: period)]
        : []
      return ReportModel.Point(
        period: period, status: signals.isEmpty ? .inControl : .anomaly, count: count,
        units: units, rate: Double(count) / units, center: 0.0011, ucl: 0.0025 + 0.1 / 3,
        lcl: 0, signals: signals)
    }
  }

  static func method() -> ReportModel.Method {
    ReportModel.Method(
      name: "auto", sigma: 3, baselinePeriods: 12, minBaselinePeriods: 3, minCount: 3, fdr: 0.05,
      rules: ["beyond_limit", "run_of_8"], exposure: ReportModel.Method.salesExposure,
      description:
        "Laney u′ chart of complaints per sales unit, 3σ limits from the last 12 periods.")
  }

  static func anomaly() -> ReportModel.Anomaly {
    ReportModel.Anomaly(
      id: "2025-10/product/\(line)/consumer", category: "product", productLine: line,
      tier: .only(.consumer), period: "2025-10", count: 19, expected: 5.5, ucl: 0.0025 + 0.1 / 3,
      rate: 0.0038, chart: .laney, rules: ["beyond_limit"], pValue: 0.000012, qValue: nil,
      status: .new, streak: 1,
      topIssues: [.init(key: script, count: 9), .init(key: "product.defect", count: 7)],
      ticketIDs: ["T-1", hyperlink])
  }

  static func report(period: String = "2025-10") -> ReportModel {
    let pareto = hostile.enumerated().map { index, key in
      ReportModel.ParetoRow(
        key: key, count: 20 - index, share: Double(20 - index) / 100,
        cumulative: Double(index + 1) / 10, vital: index < 3)
    }
    let total = ReportModel.CellSeries(
      category: "*", productLine: "*", tier: .all, chart: .u, phi: 1.2, series: series())
    return ReportModel(
      period: period, granularity: "month", method: method(),
      totals: .init(complaints: 1234, units: 1_000_000, rate: 0.001234, classifiedShare: 0.9),
      inputs: [
        .init(
          path: "exports/\(script).csv", sha256: "abc123",
          rows: RowAccounting(
            rowsRead: 10, accepted: 6, rejected: 2, duplicates: 1, filtered: 1, replacedBytes: 3))
      ],
      cells: [
        .init(
          category: "product", productLine: line, tier: .only(.consumer), chart: .laney, phi: nil,
          series: series())
      ],
      rollups: [total],
      anomalies: [anomaly()],
      improvements: [],
      dataGaps: [
        .init(productLine: line, tier: .only(.consumer), period: gapPeriod, reason: "no_exposure")
      ],
      pareto: .init(
        threshold: 0.8,
        byCategory: [.init(key: "product", count: 5, share: 1, cumulative: 1, vital: true)],
        byCell: pareto, byIssue: pareto, byProductLine: pareto, byCustomer: pareto),
      recurrence: .init(
        repeatCustomers: [.init(customer: atSum, count: 4, keyAccount: true, issues: [script])],
        recurringIssues: [.init(issue: piped, periods: ["2025-09", "2025-10"])],
        concentrations: [
          .init(
            category: "service", productLine: line, tier: .only(.keyAccount), dimension: .agent,
            value: minusExpression, share: 0.6, baselineShare: 0.2, pValue: 0.001)
        ]),
      resolution: .init(byCategory: [
        .init(key: "product", medianHours: 30.5, p90Hours: nil, slaBreachShare: 0.125)
      ]),
      taxonomyHash: "deadbeef", reclassified: 2,
      unclassifiedTerms: [.init(term: quoted, count: 3)])
  }

  static func bundle(period: String = "2025-10") -> ReportBundle {
    let grid = series().map { point in
      ReportBundle.GridRow(
        period: point.period, category: "product", productLine: line, tier: .only(.consumer),
        count: point.count, units: point.units, rate: point.rate, center: point.center,
        ucl: point.ucl, lcl: point.lcl, status: point.status, chart: .laney)
    }
    return ReportBundle(
      report: report(period: period),
      anomalyTickets: [
        ReportBundle.AnomalyTicket(
          anomalyID: anomaly().id, system: "zendesk", ticketID: hyperlink,
          created: "2025-10-03T10:00:00Z", category: "product", issue: "defect",
          productLine: line, tier: .only(.consumer), customer: plusOne, channel: atSum,
          agent: minusExpression, matchedRule: piped, source: "exports/a.csv:12", excerpt: multiline
        )
      ],
      rejects: [
        Reject(file: "exports/a.csv", line: 7, reason: "unparseable date", raw: hyperlink),
        Reject(file: "exports/a.csv", line: 9, reason: script, raw: quoted),
        Reject(file: "exports/b.csv", line: 3, reason: "unparseable date", raw: "\t-cmd"),
      ],
      grid: grid + [
        ReportBundle.GridRow(
          period: "2025-10", category: "service", productLine: line, tier: .only(.keyAccount),
          count: 2, units: 300, rate: -0.5, center: 0.004, ucl: 0.02, lcl: 0, status: .inControl,
          chart: .poisson)
      ],
      generatedBy: "plaint 0.1.0")
  }
}
