import PlaintReport

extension ParetoReport {
  /// How many rows Markdown and SVG show before the rest are folded into one "other" row.
  static let shownRows = 15

  /// The table as JSON (every row), Markdown or a standalone SVG (the top rows and "other").
  public func render(_ format: ToolFormat) throws(PlaintError) -> String {
    switch format {
    case .json: try toolJSON(ParetoJSON(self))
    case .md: markdown()
    case .svg: svg()
    }
  }

  /// The rows to show: the first `limit` (and every vital or tied row when `keepVital`), the
  /// rest summed into one "other (n items)" row; nothing is folded when only one row would be.
  func shown(limit: Int, keepVital: Bool) -> [Row] {
    guard rows.count > limit else { return rows }
    var kept = limit - 1
    if keepVital, let last = rows.lastIndex(where: { $0.vital || $0.tiedAtCut }) {
      kept = max(kept, last + 1)
    }
    guard rows.count - kept >= 2 else { return rows }
    let rest = rows[kept...]
    let value = rest.reduce(0) { $0 + $1.value }
    let other = Row(
      key: "other (\(rest.count) items)", count: saturatingSum(rest.map(\.count)), weight: nil,
      value: value, share: total > 0 ? value / total : 0, cumulative: rest.last?.cumulative ?? 1,
      vital: false, tiedAtCut: false)
    return Array(rows[..<kept]) + [other]
  }

  /// What the table ranks, for headings.
  var measure: String { weighted ? "count × weight" : "complaints" }

  /// The sum of the counts; beyond Int.max (the tool reads counts up to 10^15 each) in floating
  /// point rather than trapping on overflow.
  private var complaintTotal: String {
    var sum = 0
    for row in rows {
      let (next, overflow) = sum.addingReportingOverflow(row.count)
      guard !overflow else {
        return OutputNumber.short(rows.reduce(0.0) { $0 + Double($1.count) })
      }
      sum = next
    }
    return OutputNumber.count(sum)
  }

  /// The summary line: how many items are vital and what they reach.
  var summaryLine: String {
    let vital = rows.filter(\.vital)
    let reached = vital.last?.cumulative
    let totalText =
      weighted
      ? "\(OutputNumber.short(total)) (count × weight)"
      : "\(complaintTotal) complaints"
    var text = "\(vital.count) of \(rows.count) items are the vital few, holding "
    text += "\(OutputNumber.percent(reached ?? 0)) of \(totalText) (threshold "
    text += "\(OutputNumber.percent(threshold)))."
    if vital.isEmpty { text = "No vital few: every item is zero." }
    let tied = rows.filter(\.tiedAtCut)
    if !tied.isEmpty {
      text += " Tied at the cut (the same value as the last vital item; only the key order "
      text +=
        "decides): " + tied.map { MarkdownRenderer.escape($0.key) }.joined(separator: ", ") + "."
    }
    if weighted { text += " Ranked by count × weight." }
    return text
  }

  private func markdown() -> String {
    var lines = ["# Pareto: \(MarkdownRenderer.escape(input))", "", summaryLine, ""]
    if weighted {
      lines.append("| # | Key | Count | Weight | Count × weight | Share | Cumulative | Vital |")
      lines.append("|---:|---|---:|---:|---:|---:|---:|---|")
    } else {
      lines.append("| # | Key | Count | Share | Cumulative | Vital |")
      lines.append("|---:|---|---:|---:|---:|---|")
    }
    let shown = shown(limit: Self.shownRows, keepVital: true)
    for (index, row) in shown.enumerated() {
      let isOther = shown.count < rows.count && index == shown.count - 1
      var cells = [isOther ? "" : "\(index + 1)", MarkdownRenderer.escape(row.key)]
      cells.append(OutputNumber.count(row.count))
      if weighted {
        cells.append(row.weight.map { OutputNumber.short($0) } ?? "")
        cells.append(OutputNumber.short(row.value))
      }
      cells.append(OutputNumber.percent(row.share))
      cells.append(OutputNumber.percent(row.cumulative))
      cells.append(
        row.vital ? (row.tiedAtCut ? "yes (tied)" : "yes") : row.tiedAtCut ? "tied at cut" : "")
      lines.append("| " + cells.joined(separator: " | ") + " |")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private func svg() -> String {
    let rows = shown(limit: Self.shownRows, keepVital: false).map { row in
      ReportModel.ParetoRow(
        key: row.key, count: Int(exactly: row.value.rounded()) ?? Int.max, share: row.share,
        cumulative: row.cumulative, vital: row.vital)
    }
    var chart = ParetoChartSVG(rows: rows, threshold: threshold, title: input)
    chart.heading = measure
    return chart.render(standalone: true) + "\n"
  }
}

/// `{threshold, weighted, total, vital_few, rows: [{key, count, weight, value, share, cumulative,
/// vital, tied_at_cut}]}`: every row, ranked.
struct ParetoJSON: Encodable {
  struct Row: Encodable {
    var row: ParetoReport.Row

    enum CodingKeys: String, CodingKey {
      case key, count, weight, value, share, cumulative, vital
      case tiedAtCut = "tied_at_cut"
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(row.key, forKey: .key)
      try container.encode(row.count, forKey: .count)
      try container.encodeRounded(row.weight, forKey: .weight)
      try container.encodeRounded(row.value, forKey: .value)
      try container.encodeRounded(row.share, forKey: .share)
      try container.encodeRounded(row.cumulative, forKey: .cumulative)
      try container.encode(row.vital, forKey: .vital)
      try container.encode(row.tiedAtCut, forKey: .tiedAtCut)
    }
  }

  var report: ParetoReport

  init(_ report: ParetoReport) { self.report = report }

  enum CodingKeys: String, CodingKey {
    case threshold, weighted, total, rows
    case vitalFew = "vital_few"
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encodeRounded(report.threshold, forKey: .threshold)
    try container.encode(report.weighted, forKey: .weighted)
    try container.encodeRounded(report.total, forKey: .total)
    try container.encode(report.vitalCount, forKey: .vitalFew)
    try container.encode(report.rows.map(Row.init), forKey: .rows)
  }
}

/// The sum of counts, stopping at Int.max instead of trapping (the tool reads counts up to 10^15
/// each, so thousands of them can pass it).
private func saturatingSum(_ counts: [Int]) -> Int {
  var sum = 0
  for count in counts {
    let (next, overflow) = sum.addingReportingOverflow(count)
    if overflow { return Int.max }
    sum = next
  }
  return sum
}
