extension CSVRenderer {
  /// `run-charts.csv`: each cell judged as a run chart, with Anhøj's counts and limits.
  func runCharts(_ charts: [ReportModel.RunChart]) -> String {
    let header = [
      "category", "product_line", "tier", "periods", "median", "useful", "longest_run",
      "longest_run_limit", "crossings", "crossings_limit", "rules", "judged", "method",
    ]
    let rows: [[CSVField]] = charts.map {
      [
        .text($0.category), .text($0.productLine), .text($0.tier.rawValue), .integer($0.periods),
        .number($0.median), .integer($0.useful), .integer($0.longestRun),
        .number($0.longestRunLimit.map(Double.init)), .integer($0.crossings),
        .number($0.crossingsLimit.map(Double.init)),
        .text($0.rules.map(\.rawValue).joined(separator: ";")), .text($0.judged ? "true" : "false"),
        .text("run chart (Anhøj)"),
      ]
    }
    return table(header, rows)
  }

  /// `shares.csv`: every issue's share of all complaints per period, with its share chart's
  /// centre, limits and status (header only where sales give rates).
  func shares(_ shares: ReportModel.Shares?) -> String {
    let header = [
      "period", "issue", "count", "total", "share", "center", "ucl", "lcl", "status", "chart",
    ]
    let rows: [[CSVField]] = (shares?.issues ?? []).flatMap { issue in
      issue.series.map { point in
        [
          .text(point.period), .text(issue.issue),
          point.status == .notCovered ? .text("") : .integer(point.count), .number(point.units),
          .number(point.rate), .number(point.center), .number(point.ucl), .number(point.lcl),
          .text(point.status.rawValue), .text(issue.chart.rawValue),
        ]
      }
    }
    return table(header, rows)
  }

  /// `drivers.csv`: the issues of each product line and of each anomaly's cell, in Pareto order,
  /// with their count in the window before and the change (empty where not comparable).
  func drivers(_ drivers: ReportModel.Drivers) -> String {
    let header = [
      "scope", "anomaly_id", "category", "product_line", "tier", "rank", "issue", "count",
      "share", "cumulative", "vital", "previous_count", "change",
    ]
    let tables =
      drivers.productLines.map { ("product_line", $0) } + drivers.anomalies.map { ("anomaly", $0) }
    let rows: [[CSVField]] = tables.flatMap { scope, table in
      table.rows.enumerated().map { index, row -> [CSVField] in
        let key: [CSVField] = [
          .text(scope), .text(table.anomalyID ?? ""), .text(table.category),
          .text(table.productLine), .text(table.tier.rawValue),
        ]
        let previous = row.previousCount.map(Double.init)
        let change = row.change.map(Double.init)
        return key + [
          .integer(index + 1), .text(row.issue), .integer(row.count), .number(row.share),
          .number(row.cumulative), .text(row.vital ? "true" : "false"), .number(previous),
          .number(change),
        ]
      }
    }
    return table(header, rows)
  }
}
