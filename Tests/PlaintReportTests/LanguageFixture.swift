import Foundation
import PlaintCore

@testable import PlaintReport

/// Report bundles that between them reach every section and sentence of the renderers: a busy
/// period (anomalies, watches, long lists, frozen baselines, releases, canaries, coverage gaps,
/// days without a row, data warnings, cells of every status), a quiet one without sales or SLA (every "none"
/// sentence), a partial week and a period no export covers.
enum LanguageFixture {
  static let periods = (1...12).map { String(format: "2025-%02d", $0) }
  static let period = "2025-12"
  static let lines = ["Kettles", "Blenders", "Toasters"]

  static func point(_ period: String, status: ReportModel.PointStatus, count: Int, rate: Double?)
    -> ReportModel.Point
  {
    ReportModel.Point(
      period: period, status: status, count: count, units: rate == nil ? nil : 4000, rate: rate,
      center: 0.002, ucl: 0.004, lcl: 0.0005,
      signals: status == .anomaly
        ? [.init(rule: "beyond_limit", first: period, trigger: period, last: period)] : [])
  }

  /// Statuses of a period that is charted as a gap, without a rate.
  static let unjudged: Set<ReportModel.PointStatus> = [.notCovered, .partial, .withheld]

  static func series(last status: ReportModel.PointStatus) -> [ReportModel.Point] {
    periods.map { period in
      if period == "2025-03" { return point(period, status: .noExposure, count: 2, rate: nil) }
      if period == self.period {
        return point(
          period, status: status, count: 30, rate: unjudged.contains(status) ? nil : 0.0075)
      }
      return point(period, status: .inControl, count: 8, rate: 0.002)
    }
  }

  static func anomaly(
    _ line: String, _ tier: Tier, status: ReportModel.AnomalyStatus, streak: Int
  )
    -> ReportModel.Anomaly
  {
    var anomaly = ReportModel.Anomaly(
      id: "\(period)/product/\(line)/\(tier.rawValue)", category: "product", productLine: line,
      tier: .only(tier), period: period, count: 30, expected: 8.2, ucl: 0.004, rate: 0.0075,
      chart: .laney,
      rules: ["beyond_limit", "run_of_8", "trend_of_6", "two_of_three_beyond_2sigma"],
      pValue: 0.00001, qValue: 0.002, status: status, streak: streak,
      topIssues: [
        .init(key: "product.defect", count: 20), .init(key: "other.unclassified", count: 3),
      ],
      ticketIDs: (1...25).map { "T-\($0)" })
    anomaly.owner = status == .new ? nil : "Team Kettle"
    return anomaly
  }

  static func paretoRows(_ count: Int, vital: Int) -> [ReportModel.ParetoRow] {
    (0..<count).map { index in
      ReportModel.ParetoRow(
        key: index == 0
          ? "product.defect" : index == 1 ? "other.unclassified" : "service.issue_\(index)",
        count: 1200 - index * 10, share: 0.04, cumulative: min(Double(index + 1) * 0.04, 1),
        vital: index < vital)
    }
  }

  static func cellRows(_ count: Int) -> [ReportModel.ParetoRow] {
    (0..<count).map { index in
      ReportModel.ParetoRow(
        key: "service/\(lines[index % 3])/\(index % 2 == 0 ? "consumer" : "key_account")",
        count: 100 - index, share: 0.05, cumulative: Double(index + 1) * 0.05, vital: index < 12)
    }
  }

  static func release(_ verdict: ReleaseEffect.Verdict, line: String) -> ReportModel.ReleaseEffect {
    ReportModel.ReleaseEffect(
      productLine: line, component: "KT-300 firmware", version: "2.4", date: "2025-09-15",
      period: "2025-09", category: "product", periodsBefore: ["2025-06", "2025-07", "2025-08"],
      periodsAfter: ["2025-10", "2025-11", "2025-12"], countBefore: 12, countAfter: 30,
      rateBefore: verdict == .notEnoughData ? nil : 0.0011,
      rateAfter: verdict == .notEnoughData ? nil : 0.00245,
      ratio: verdict == .notEnoughData ? nil : 2.2273,
      pValue: verdict == .notEnoughData ? nil : verdict == .noChange ? 0.3 : 0.00001,
      verdict: verdict, text: "")
  }

  /// The busy period: every list long enough to be cut, every kind of finding present.
  static func busy() -> ReportBundle {
    var method = ReportModel.Method(
      name: "auto", sigma: 3, baselinePeriods: 12, minBaselinePeriods: 6, minCount: 3, fdr: 0.05,
      rules: ["beyond_limit", "run_of_8", "trend_of_6", "two_of_three_beyond_2sigma"],
      exposure: ReportModel.Method.salesExposure, description: "")
    method.charts = ["u": 10, "laney": 3, "poisson": 4, "p": 1, "laney_p": 1]
    method.cellsTested = 17
    method.runRules = "watch"
    method.simulatedAtDefaults = true
    method.concentrations = ReportModel.ConcentrationMethod(
      name: "fisher_exact_bh", fdr: 0.01, tested: 1_858, minCount: 10, minBaselineCount: 30,
      minValueCount: 5, minRatio: 2, minDifference: 0.2,
      dimensions: Concentration.Dimension.standard + [.slice("company")])
    let frozen = ReportModel.Baseline(
      kind: "frozen", through: "2025-06", window: ["2025-01", "2025-06"], excluded: [])
    let cells = [
      ReportModel.CellSeries(
        category: "product", productLine: "Kettles", tier: .only(.consumer), chart: .laney,
        phi: 2.5,
        baseline: frozen, series: series(last: .anomaly)),
      ReportModel.CellSeries(
        category: "product", productLine: "Blenders", tier: .only(.keyAccount), chart: .u, phi: 1.1,
        series: series(last: .anomaly)),
      ReportModel.CellSeries(
        category: "policy", productLine: "Toasters", tier: .only(.consumer), chart: .poisson,
        phi: nil,
        series: series(last: .insufficientHistory)),
    ]
    // A cell for each status a period can end on besides those above.
    let endings: [ReportModel.PointStatus] = [.watch, .withheld, .partial, .notCovered]
    let more = endings.enumerated().map { index, status in
      ReportModel.CellSeries(
        category: "service", productLine: lines[index % 3],
        tier: .only(index < 2 ? .consumer : .keyAccount), chart: .u, phi: 1.2,
        series: series(last: status))
    }
    let rollups = [
      ReportModel.CellSeries(
        category: "*", productLine: "*", tier: .all, chart: .u, phi: 1,
        series: series(last: .inControl)),
      ReportModel.CellSeries(
        category: "*", productLine: "Kettles", tier: .all, chart: .u, phi: 1,
        series: series(last: .inControl)),
    ]
    var pareto = ReportModel.ParetoTables(
      threshold: 0.8,
      byCategory: [.init(key: "product", count: 10, share: 1, cumulative: 1, vital: true)],
      byCell: cellRows(24), byIssue: paretoRows(25, vital: 22))
    pareto.previousByIssue = paretoRows(6, vital: 3)
    pareto.previousPeriods = ["2025-10", "2025-11"]
    let dimensions: [Concentration.Dimension] = [.hour, .weekday, .agent, .channel]
    let concentrations = dimensions.map { dimension in
      ReportModel.Concentration(
        category: "service", productLine: "Blenders", tier: .only(.consumer), dimension: dimension,
        value: dimension == .hour ? "09" : dimension == .weekday ? "Monday" : "Anna Nowak",
        share: 0.45, baselineShare: 0.06, pValue: 0.00002, count: 59, total: 131,
        effectSize: 1.2)
    }
    var recurrence = ReportModel.Recurrence(
      repeatCustomers: (1...24).map {
        .init(
          customer: "customer\($0)@example.org", count: 4, keyAccount: $0 % 2 == 0,
          issues: ["product.defect"])
      },
      recurringIssues: [
        .init(issue: "product.defect", periods: ["2025-10", "2025-11", "2025-12"])
      ],
      concentrations: concentrations,
      returning: [
        .init(
          category: "product", productLine: "Kettles", tier: .only(.consumer),
          issue: "product.defect",
          previousIssues: ["product.defect"], previousPeriod: "2025-06", resolvedPeriod: "2025-07",
          period: period, owner: "Team Kettle")
      ],
      releases: [
        release(.up, line: "Kettles"), release(.down, line: "Kettles"),
        release(.noChange, line: "Blenders"), release(.notEnoughData, line: "Toasters"),
      ])
    recurrence.returning[0].owner = "Team Kettle"
    let resolutionRows = (0..<24).map { index in
      ReportModel.ResolutionRow(
        key: "product/\(lines[index % 3])/consumer\(index)", medianHours: 30.5, p90Hours: 80,
        slaBreachShare: 0.2, complaints: 40, resolved: 35, openPastSLA: 2)
    }
    let open = (1...23).map { index in
      ReportModel.OpenComplaint(
        system: "zendesk", id: "Z-\(index)", created: "2025-12-03T09:15:00Z", category: "service",
        productLine: "Blenders", tier: .only(.consumer), issue: "product.defect", hoursOpen: 300,
        owner: "Team Blend")
    }
    var report = ReportModel(
      period: period, granularity: "month", method: method,
      totals: .init(complaints: 12345, units: 5_000_000, rate: 0.0024691, classifiedShare: 0.913),
      inputs: [
        .init(
          path: "exports/zendesk.csv", sha256: "ab",
          rows: RowAccounting(
            rowsRead: 20041, accepted: 20000, rejected: 11, duplicates: 20, filtered: 10))
      ],
      cells: cells + more, rollups: rollups,
      anomalies: [
        anomaly("Kettles", .consumer, status: .new, streak: 1),
        anomaly("Blenders", .keyAccount, status: .continuing, streak: 3),
      ],
      improvements: [anomaly("Toasters", .consumer, status: .new, streak: 1)],
      resolved: [anomaly("Kettles", .keyAccount, status: .resolved, streak: 0)],
      dataGaps: (1...22).map {
        .init(
          productLine: lines[$0 % 3], tier: .only(.consumer), period: periods[$0 % 12],
          reason: $0 % 2 == 0 ? "no_exposure" : "missing")
      },
      pareto: pareto, recurrence: recurrence,
      resolution: .init(
        byCategory: [
          .init(
            key: "product", medianHours: 29.5, p90Hours: 74.7, slaBreachShare: 0.123,
            complaints: 349),
          .init(
            key: "service", medianHours: 51.5, p90Hours: 130.3, slaBreachShare: 0.353,
            complaints: 278),
        ],
        byCell: resolutionRows, slaHours: 72, openPastSLA: open),
      taxonomyHash: "04cc", reclassified: 1234,
      unclassifiedTerms: [.init(term: "kaputt", count: 12)])
    var watch = anomaly("Toasters", .keyAccount, status: .watch, streak: 1)
    watch.rules = ["run_of_8"]
    report.watches = [watch]
    // Two slices: one with an anomaly, a watch, values without a slice value and more values
    // than a page lists; one where nothing is out of control.
    let companies = (1...24).map { index in
      ReportModel.SliceValue(
        value: "Lender \(index)", count: 100 - index, share: 0.04, cumulative: 0.04 * Double(index),
        vital: index < 6, periodCount: 30 - index, center: 10, ucl: 19.5,
        status: index == 1 ? .anomaly : index == 2 ? .watch : .inControl, chart: "u",
        pValue: 0.2, qValue: 0.4)
    }
    report.slices = [
      .init(
        name: "company", column: "Company", exposure: ReportModel.Method.countExposure,
        fdr: 0.03, valuesTested: 24, withoutValue: 17, paretoPeriods: [period],
        values: companies,
        series: [.init(value: "Lender 1", chart: "u", phi: 1.4, series: cells[0].series)],
        signals: [
          .init(
            value: "Lender 1", status: "anomaly", count: 29, expected: 10.2, ucl: 19.5,
            rules: ["beyond_limit"], pValue: 0.00001, qValue: 0.0002),
          .init(
            value: "Lender 2", status: "watch", count: 28, expected: 10.2, ucl: 19.5,
            rules: ["run_of_8"], pValue: 0.01, qValue: 0.2),
        ]),
      .init(
        name: "state", column: "State", exposure: ReportModel.Method.countExposure, fdr: nil,
        valuesTested: 3, withoutValue: 0, paretoPeriods: [period],
        values: Array(companies.prefix(3)), series: [], signals: []),
      // The system's period is covered in part, the file's not at all: neither is judged; a
      // branch with only new values has none to test and names them as too new for a verdict.
      .init(
        name: "source", column: "@system", exposure: ReportModel.Method.countExposure,
        fdr: 0.03, valuesTested: 0, periodCoverage: "partial", withoutValue: 0,
        paretoPeriods: [period], values: Array(companies.prefix(2)), series: [], signals: []),
      .init(
        name: "file", column: "@file", exposure: ReportModel.Method.countExposure,
        fdr: 0.03, valuesTested: 0, periodCoverage: "not_covered", withoutValue: 0,
        paretoPeriods: [period], values: [], series: [], signals: []),
      .init(
        name: "branch", column: "Branch", exposure: ReportModel.Method.countExposure,
        fdr: 0.03, valuesTested: 0, shortHistory: 2, withoutValue: 0, paretoPeriods: [period],
        values: companies.prefix(2).map { value in
          var young = value
          young.status = .insufficientHistory
          return young
        }, series: [], signals: []),
    ]
    report.recurrence.concentrations.append(
      ReportModel.Concentration(
        category: "*", productLine: "Blenders", tier: .all, dimension: .slice("company"),
        value: "Lender 1", share: 0.45, baselineShare: 0.06, pValue: 0.00002, qValue: 0.0004,
        count: 59, total: 131, effectSize: 1.2))
    report.canaries = .init(
      found: [
        .init(
          system: "zendesk", id: "CANARY-1", period: period, category: "product",
          productLine: "Kettles", tier: .only(.consumer), issue: "product.defect", matchedBy: "tag",
          expected: true)
      ],
      missing: ["CANARY-2"])
    // Whole period, but with every other caveat: exports cut to lines and files, gaps of each
    // reason, a file list too long to show, files without resolution times.
    var files = (1...22).map { index in
      ReportModel.CoveredFile(
        path: "exports/shop-\(index).csv", from: "2025-01-0\(index % 9 + 1)",
        through: index % 3 == 0 ? "2025-01-0\(index % 9 + 1)" : "2025-12-31",
        basis: index % 2 == 0 ? "covers" : "tickets", productLines: ["Kettles", "Blenders"])
    }
    files[0].from = nil
    files[0].through = nil
    report.coverage = .init(
      period: "whole", periodFrom: "2025-12-01", periodThrough: "2025-12-31",
      latestWholePeriod: period, firstDay: "2024-01-01", lastDay: "2025-12-31", files: files,
      gaps: (1...22).map { index in
        .init(
          productLine: lines[index % 3], from: index == 1 ? "2025-03" : "2024-07",
          through: index == 1 ? "2025-03" : "2025-06", periods: index == 1 ? 1 : 12,
          reason: ["not_covered", "partial", "before_history"][index % 3])
      })
    report.coverage.linesNotCovered = ["Kettles", "Blenders", "Toasters"]
    report.coverage.emptyStretches = [
      .init(from: "2025-12-10", through: "2025-12-21", days: 12, expectedRows: 290),
      .init(
        from: "2025-12-02", through: "2025-12-08", days: 7, expectedRows: 140,
        file: "exports/shop-2.csv"),
    ]
    report.dataQuality = .init(
      complaints: 12345, unassigned: 3000, unclassified: 4000, emptyText: 2000,
      inJudgedCells: 5000,
      withoutResolution: [
        "exports/shop-1.csv", "exports/shop-2.csv", "exports/desk-3.csv", "exports/shop-4.csv",
      ],
      warnings: [
        "empty_stretches", "lines_not_covered", "classification_shift", "unassigned",
        "unclassified", "empty_text",
        "judged_minority", "export_joined",
      ])
    report.dataQuality.emptyTextBefore = 0.02
    report.coverage.joins = [
      .init(
        productLine: "Kettles", period: period, files: ["exports/large.csv"],
        beside: ["exports/shop-1.csv"], added: 0.62)
    ]
    report.dataQuality.sparseResolution = [
      .init(path: "exports/desk-3.csv", resolved: 2, olderTickets: 797, days: 30)
    ]
    report.dataQuality.datesOnly = ["exports/shop-4.csv"]
    var gridStatus = [String: ReportModel.PointStatus]()
    for line in lines {
      for tier in ["key_account", "consumer"] { gridStatus["product/\(line)/\(tier)"] = .anomaly }
    }
    for cell in more {
      gridStatus["\(cell.category)/\(cell.productLine)/\(cell.tier)"] = cell.series.last?.status
    }
    let grid = lines.flatMap { line in
      ["product", "service", "policy", "other"].flatMap { category in
        [Tier.keyAccount, .consumer].map { tier in
          ReportBundle.GridRow(
            period: period, category: category, productLine: line, tier: .only(tier), count: 1234,
            units: 4000, rate: category == "other" ? nil : 0.003, center: 0.002, ucl: 0.004,
            lcl: 0, status: gridStatus[category + "/" + line + "/" + tier.rawValue] ?? .inControl,
            chart: .u)
        }
      }
    }
    return ReportBundle(
      report: report,
      rejects: [Reject(file: "exports/zendesk.csv", line: 7, reason: "unparseable date", raw: "x")],
      grid: grid, generatedBy: "plaint 0.1.0")
  }

  /// The quiet period: no sales, no FDR, no SLA, nothing flagged, nothing read.
  static func quiet() -> ReportBundle {
    let method = ReportModel.Method(
      name: "u", sigma: 2.5, baselinePeriods: 12, minBaselinePeriods: 6, minCount: 3, fdr: nil,
      rules: ["beyond_limit"], exposure: ReportModel.Method.countExposure, description: "")
    var report = ReportModel(
      period: period, granularity: "month", method: method,
      totals: .init(complaints: 0, units: nil, rate: nil, classifiedShare: nil),
      resolution: .init(
        byCategory: [.init(key: "other", medianHours: nil, p90Hours: nil, slaBreachShare: nil)],
        slaHours: nil))
    report.dataQuality = .init(hasSales: false)
    return ReportBundle(report: report, generatedBy: "plaint 0.1.0")
  }

  /// A partial week: exports cover some of its days, one line is not covered whole, one
  /// complaint has no text; nothing is judged.
  static func partial() -> ReportBundle {
    var bundle = quiet()
    bundle.report.period = "2025-W50"
    bundle.report.granularity = "week"
    bundle.report.resolution.slaHours = 72
    // Limits set apart from the defaults: an FDR with a small-cell weight, run rules as anomalies.
    bundle.report.method.fdr = 0.05
    bundle.report.method.smallCountWeight = 0.5
    bundle.report.totals.complaints = 40
    bundle.report.coverage = .init(
      period: "partial", periodFrom: "2025-12-08", periodThrough: "2025-12-11",
      latestWholePeriod: "2025-W49", firstDay: "2025-01-06", lastDay: "2025-12-11",
      files: [
        .init(
          path: "exports/week.csv", from: "2025-01-06", through: "2025-12-11", basis: "covers",
          productLines: ["Kettles"])
      ],
      gaps: [
        .init(
          productLine: "Kettles", from: "2025-W50", through: "2025-W50", periods: 1,
          reason: "partial"),
        .init(
          productLine: "Toasters", from: "2025-W02", through: "2025-W10", periods: 9,
          reason: "not_covered"),
      ])
    bundle.report.coverage.periodCovered = [
      .init(from: "2025-12-08", through: "2025-12-09"),
      .init(from: "2025-12-11", through: "2025-12-11"),
    ]
    bundle.report.coverage.linesNotCovered = ["Kettles"]
    bundle.report.dataQuality = .init(
      complaints: 40, emptyText: 1, hasSales: false,
      warnings: ["partial_period", "lines_not_covered"])
    return bundle
  }

  /// A period no export covers, after a single export of one day.
  static func uncovered() -> ReportBundle {
    var bundle = quiet()
    bundle.report.coverage = .init(
      period: "not_covered", latestWholePeriod: "2025-10", firstDay: "2025-11-03",
      lastDay: "2025-11-03",
      files: [
        .init(
          path: "exports/one-day.csv", from: "2025-11-03", through: "2025-11-03",
          basis: "tickets", productLines: ["Blenders"])
      ])
    bundle.report.coverage.lastTicket = "2025-11-03"
    bundle.report.dataQuality = .init(hasSales: false, warnings: ["not_covered"])
    return bundle
  }

  /// A week between two exports whose spans reach across it, not one of which has a row on
  /// any of its days: no data, as a week no export covers is.
  static func rowless() -> ReportBundle {
    var bundle = uncovered()
    bundle.report.period = "2025-W46"
    bundle.report.granularity = "week"
    bundle.report.coverage.withoutRows = true
    bundle.report.coverage.gaps = [
      .init(
        productLine: "Blenders", from: "2025-W46", through: "2025-W46", periods: 1,
        reason: "no_rows")
    ]
    return bundle
  }

  /// Every fixture bundle: between them they reach every section and sentence.
  static func all() -> [ReportBundle] {
    [
      busy(), quiet(), partial(), uncovered(), charts(), chartsQuiet(), chartsCalm(), fillingIn(),
      silent(), appeared(), shifted(), allUnassigned(), linesUncovered(),
      oneDay(), rowless(), noUnits(), windowsNotWhole(),
    ]
  }

  /// `bundle` with its report in `language`.
  static func inLanguage(_ bundle: ReportBundle, _ language: ReportLanguage) -> ReportBundle {
    var bundle = bundle
    bundle.report.language = language == .english ? nil : language.rawValue
    return bundle
  }
}
