import Foundation
import PlaintCore
import PlaintReport

extension ChartReport {
  /// The chart as JSON, Markdown or a standalone SVG; the same report always gives the same bytes.
  public func render(_ format: ToolFormat) throws(PlaintError) -> String {
    switch format {
    case .json: try toolJSON(ChartJSON(self))
    case .md: markdown()
    case .svg: svg()
    }
  }

  /// The method line: what was asked, what set the limits, and from which rows.
  var methodLine: String {
    let method = result.method
    var text = "Method `\(method.rawValue)`"
    if options.method != method { text += " (requested `\(options.method.rawValue)`)" }
    text += ", k = \(OutputNumber.short(options.sigma, decimals: 4)): \(method.limitsFormula)"
    let exact = result.points.filter { $0.method == .poisson }.count
    if method != .poisson, exact > 0 {
      text += "; exact Poisson limits for \(exact) \(exact == 1 ? "row" : "rows") whose "
      text += "expected count is below 5"
    }
    text += ". Centre \(OutputNumber.significant(result.center, digits: 6))"
    if let sigmaZ = result.sigmaZ { text += ", σ_z \(OutputNumber.significant(sigmaZ))" }
    if let phi = result.phi {
      text += ", φ \(OutputNumber.significant(phi))"
      if let critical = result.phiCritical {
        let verdict = phi > critical ? "overdispersed" : "within chance"
        text += " (\(verdict): the χ² 95 % point is \(OutputNumber.significant(critical)))"
      }
    }
    let window = baseline
    text += ". Estimated from rows \(window.lowerBound)–\(window.upperBound)"
    if !options.exclude.isEmpty {
      let dropped = options.exclude.sorted().filter(window.contains)
      if !dropped.isEmpty {
        text += " except \(dropped.map(String.init).joined(separator: ", "))"
      }
    }
    let judged = rows.indices.filter { phase($0) == .judged }.count
    text +=
      judged > 0
      ? "; the other \(judged) \(judged == 1 ? "row is" : "rows are") judged as phase II."
      : " (phase I)."
    return text
  }

  private func markdown() -> String {
    var lines = ["# Control chart: \(MarkdownRenderer.escape(input))", "", methodLine, ""]
    let signalled = rows.indices.filter { status($0) == .anomaly }.count
    let improved = rows.indices.filter { status($0) == .improvement }.count
    lines.append(
      "\(rows.count) rows · \(signalled) with a signal · \(improved) below the LCL · "
        + "\(rows.indices.filter { result.points[$0].status != .ok }.count) without exposure")
    lines.append("")
    lines.append("| Row | Period | Phase | Status | Count | Units | Rate | LCL | UCL | Signals |")
    lines.append("|---:|---|---|---|---:|---:|---:|---:|---:|---|")
    for (index, row) in rows.enumerated() {
      let point = result.points[index]
      let signals = point.signals.map { signal in
        let period = rows[signal.first].period
        return signal.first == index
          ? signal.rule.rawValue
          : "\(signal.rule.rawValue) (from \(MarkdownRenderer.escape(period)))"
      }
      let cells = [
        "\(index + 1)", MarkdownRenderer.escape(row.period), phase(index).rawValue,
        status(index).rawValue.replacingOccurrences(of: "_", with: " "),
        OutputNumber.count(row.count),
        row.units.map { OutputNumber.significant($0, digits: 10) } ?? "–",
        OutputNumber.significant(point.rate), OutputNumber.significant(point.lcl),
        OutputNumber.significant(point.ucl), signals.joined(separator: ", "),
      ]
      lines.append("| " + cells.joined(separator: " | ") + " |")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private func svg() -> String {
    let points = rows.indices.map { index in
      let point = result.points[index]
      let status = status(index)
      // A point below the LCL is drawn as an improvement, not in the signal colour.
      let signals = point.signals.filter { status != .improvement || !isBelowLimit($0, point) }
      return ReportModel.Point(
        period: rows[index].period, status: status, count: point.count, units: point.units,
        rate: point.rate, center: point.center, ucl: point.ucl, lcl: point.lcl,
        signals: signals.map { reportSignal($0) })
    }
    let chart = ControlChartSVG(
      points: points, title: "\(input), \(result.method.rawValue) chart",
      perThousandUnits: !isCountChart)
    return chart.render(standalone: true) + "\n"
  }

  /// A signal with its rows named by period, as `report.json` writes them.
  func reportSignal(_ signal: Signal) -> ReportModel.Signal {
    ReportModel.Signal(
      rule: signal.rule.rawValue, first: rows[signal.first].period,
      trigger: rows[signal.trigger].period, last: rows[signal.last].period)
  }
}

extension ChartMethod {
  /// How the method sets its limits, for the method line.
  var limitsFormula: String {
    switch self {
    case .auto: "exact Poisson, Laney u′ or u, chosen per row"
    case .u: "ū ± k·√(ū/nᵢ)"
    case .laney: "Laney u′, ū ± k·σ_z·√(ū/nᵢ)"
    case .poisson: "exact Poisson limits for the count with mean ū·nᵢ"
    case .p: "p̄ ± k·√(p̄(1 − p̄)/nᵢ)"
    case .laneyP: "Laney p′, p̄ ± k·σ_z·√(p̄(1 − p̄)/nᵢ)"
    }
  }
}

/// The JSON of `plaint chart` (docs/cli.md): `{chart, center, sigma_z, phi, points: [{period, status, count, units,
/// rate, ucl, lcl, signals: [{rule, first, trigger, last}]}]}`.
struct ChartJSON: Encodable {
  struct Point: Encodable {
    var period: String
    var status: ReportModel.PointStatus
    var count: Int
    var units: Double?
    var rate: Double?
    var ucl: Double?
    var lcl: Double?
    var signals: [ReportModel.Signal]

    enum CodingKeys: String, CodingKey {
      case period, status, count, units, rate, ucl, lcl, signals
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(period, forKey: .period)
      try container.encode(status, forKey: .status)
      try container.encode(count, forKey: .count)
      try container.encodeRounded(units, forKey: .units)
      try container.encodeRounded(rate, forKey: .rate)
      try container.encodeRounded(ucl, forKey: .ucl)
      try container.encodeRounded(lcl, forKey: .lcl)
      try container.encode(signals, forKey: .signals)
    }
  }

  var chart: ChartMethod
  var center: Double?
  var sigmaZ: Double?
  var phi: Double?
  var points: [Point]

  init(_ report: ChartReport) {
    chart = report.result.method
    center = report.result.center
    sigmaZ = report.result.sigmaZ
    phi = report.result.phi
    points = report.rows.indices.map { index in
      let point = report.result.points[index]
      return Point(
        period: report.rows[index].period, status: report.status(index), count: point.count,
        units: point.units, rate: point.rate, ucl: point.ucl, lcl: point.lcl,
        signals: point.signals.map { report.reportSignal($0) })
    }
  }

  enum CodingKeys: String, CodingKey {
    case chart, center, phi, points
    case sigmaZ = "sigma_z"
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(chart, forKey: .chart)
    try container.encodeRounded(center, forKey: .center)
    try container.encodeRounded(sigmaZ, forKey: .sigmaZ)
    try container.encodeRounded(phi, forKey: .phi)
    try container.encode(points, forKey: .points)
  }
}
