/// A compact chart of one series: the small multiples of every cell, and the run charts of
/// short histories.
///
/// Drawn for print as much as for the screen: the value is a solid line, the centre (or the
/// median) dashed, the upper limit dotted, anomalies large dark points; a period the exports do
/// not cover whole is a shaded band, never a value. Coordinates go through `SVG.coordinate`, so
/// the same series always gives the same bytes.
struct SmallChartSVG: Sendable {
  var points: [ReportModel.Point]
  var title: String
  var scale: RateScale
  var text: ReportText
  /// A run chart's median: drawn instead of the centre line and limits.
  var median: Double? = nil
  /// The phrase of the chart's label for screen readers ("Small chart: …", "Run chart: …").
  var label: ReportPhrase = .chartSmallLabel
  var width = 232.0
  var height = 104.0

  /// The styles of the small charts, added to the page once.
  static let style = """
    .cells{display:grid;grid-template-columns:repeat(auto-fill,minmax(232px,1fr));gap:6px 10px}
    .cells figure{margin:0;break-inside:avoid}
    .chart.mini{max-width:none;font-size:9px}
    .chart.mini .title{fill:#222;font-size:9.5px;font-weight:600}
    .chart.mini .mini-limit{stroke:#d0661f;stroke-width:1;stroke-dasharray:1.5 2;fill:none}
    .chart.mini .signal{fill:#8e1b1b;stroke:none}
    .runs figure{max-width:520px;margin:8px 0}
    @media print{.cells{grid-template-columns:repeat(3,1fr)}}
    """

  func render() -> String {
    let frame = SVG.Frame(width: width, height: height, left: 34, right: 6, top: 18, bottom: 16)
    var values = points.compactMap(\.rate)
    if let median {
      values.append(median)
    } else {
      values += points.compactMap(\.center) + points.compactMap(\.ucl)
    }
    let axis = SVG.Axis(maximum: (values.max() ?? 0) * scale.factor)
    let step = points.isEmpty ? frame.plotWidth : frame.plotWidth / Double(points.count)
    func x(_ index: Int) -> Double { frame.left + step * (Double(index) + 0.5) }
    func y(_ value: Double) -> Double {
      frame.top + frame.plotHeight * (1 - min(max(value * scale.factor / axis.top, 0), 1))
    }
    var svg = "<svg class=\"chart mini\" viewBox=\"0 0 \(SVG.coordinate(width)) "
    svg += "\(SVG.coordinate(height))\" role=\"img\" "
    svg += "aria-label=\"\(HTML.escape(text(label, title)))\">\n"
    svg += "<text class=\"title\" x=\"2\" y=\"10\">\(HTML.escape(title))</text>\n"
    // Two ticks are enough to read a level: zero and the top of the axis.
    for tick in [0, axis.top] {
      let level = SVG.coordinate(frame.top + frame.plotHeight * (1 - tick / axis.top))
      svg += "<line class=\"grid\" x1=\"\(SVG.coordinate(frame.left))\" y1=\"\(level)\" "
      svg += "x2=\"\(SVG.coordinate(frame.rightEdge))\" y2=\"\(level)\"/>"
      svg += "<text class=\"tick\" x=\"\(SVG.coordinate(frame.left - 3))\" "
      svg += "y=\"\(level)\" dy=\"3\" text-anchor=\"end\">\(text.short(tick))</text>\n"
    }
    for (index, point) in points.enumerated() where point.rate == nil {
      let reason = text.status(point.status).replacingOccurrences(of: "_", with: " ")
      svg += "<g class=\"gap\"><title>\(HTML.escape(text.period(point.period))): "
      svg += "\(HTML.escape(reason))</title><rect x=\"\(SVG.coordinate(x(index) - step / 2))\" "
      svg += "y=\"\(SVG.coordinate(frame.top))\" width=\"\(SVG.coordinate(step))\" "
      svg += "height=\"\(SVG.coordinate(frame.plotHeight))\"/></g>\n"
    }
    if let median {
      let level = SVG.coordinate(y(median))
      svg += "<line class=\"center\" x1=\"\(SVG.coordinate(frame.left))\" y1=\"\(level)\" "
      svg += "x2=\"\(SVG.coordinate(frame.rightEdge))\" y2=\"\(level)\">"
      svg += "<title>\(HTML.escape(text(.chartMedian, scale.format(median))))</title></line>\n"
    } else {
      svg += stairs(\.center, className: "center", step: step, x: x, y: y)
      svg += stairs(\.ucl, className: "mini-limit", step: step, x: x, y: y)
    }
    // The value, broken at every gap (a run chart joins across gaps: they are not points).
    var runs: [[Int]] = []
    var current: [Int] = []
    for (index, point) in points.enumerated() {
      if point.rate != nil {
        current.append(index)
      } else if median == nil, !current.isEmpty {
        runs.append(current)
        current = []
      }
    }
    if !current.isEmpty { runs.append(current) }
    for run in runs {
      let coordinates = run.compactMap { index in
        points[index].rate.map { "\(SVG.coordinate(x(index))),\(SVG.coordinate(y($0)))" }
      }
      svg += "<polyline class=\"rate\" points=\"\(coordinates.joined(separator: " "))\"/>\n"
    }
    // Points only where they say something: every point of a run chart (its runs are the
    // point), the anomalies of a small multiple. The line carries the rest, which keeps a page
    // of every cell light.
    for (index, point) in points.enumerated() {
      guard let rate = point.rate else { continue }
      let flagged = point.status == .anomaly
      guard flagged || median != nil else { continue }
      svg += "<circle class=\"\(flagged ? "signal" : "point")\" "
      svg += "cx=\"\(SVG.coordinate(x(index)))\" cy=\"\(SVG.coordinate(y(rate)))\" "
      svg += "r=\"\(flagged ? "3.2" : "2")\"><title>"
      svg += HTML.escape(scale.pointTooltip(point, rate: rate))
      svg += "</title></circle>\n"
    }
    if let first = points.first, let last = points.last {
      let baseline = SVG.coordinate(frame.bottomEdge + 11)
      svg += "<text class=\"tick\" x=\"\(SVG.coordinate(frame.left))\" y=\"\(baseline)\">"
      svg += "\(HTML.escape(first.period))</text>"
      if points.count > 1 {
        svg += "<text class=\"tick\" x=\"\(SVG.coordinate(frame.rightEdge))\" y=\"\(baseline)\" "
        svg += "text-anchor=\"end\">\(HTML.escape(last.period))</text>"
      }
      svg += "\n"
    }
    return svg + "</svg>"
  }

  private func stairs(
    _ value: KeyPath<ReportModel.Point, Double?>, className: String, step: Double,
    x: (Int) -> Double, y: (Double) -> Double
  ) -> String {
    var svg = ""
    var path = ""
    for (index, point) in points.enumerated() {
      guard let level = point[keyPath: value] else {
        if !path.isEmpty { svg += "<path class=\"\(className)\" d=\"\(path)\"/>\n" }
        path = ""
        continue
      }
      path += path.isEmpty ? "M\(SVG.coordinate(x(index) - step / 2)) " : "V"
      path += "\(SVG.coordinate(y(level)))H\(SVG.coordinate(x(index) + step / 2))"
    }
    if !path.isEmpty { svg += "<path class=\"\(className)\" d=\"\(path)\"/>\n" }
    return svg
  }
}

extension RateScale {
  /// Shares of all complaints, shown as percentages.
  init(sharesIn text: ReportText) {
    factor = 100
    unit = "%"
    shortUnit = "%"
    heading = text[.headingSharePercent]
    self.text = text
  }
}
