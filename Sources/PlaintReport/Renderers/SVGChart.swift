import Foundation

/// A control chart as SVG: the rate line and points, stair-step limits, the centre line, signal
/// points in red, and data gaps as shaded bands with a cross on the axis.
///
/// Every text from input is HTML-escaped; coordinates are written with one decimal by
/// `SVG.coordinate`, so the same series always gives the same bytes.
public struct ControlChartSVG: Sendable {
  public var points: [ReportModel.Point]
  /// A short description for screen readers, e.g. the cell's label.
  public var title: String
  /// Change points drawn as dashed vertical lines at the start of their period: releases.
  public var markers: [Marker] = []
  /// The language of the chart's words and numbers.
  public var text = ReportText.english
  var perThousandUnits: Bool
  /// How values are shown when not as rates or counts (shares as percentages).
  var scale: RateScale? = nil
  var width = 720.0
  var height = 240.0

  /// A change point: the period it falls in (or starts) and what changed.
  public struct Marker: Sendable, Equatable {
    public var period: String
    public var label: String

    public init(period: String, label: String) {
      self.period = period
      self.label = label
    }
  }

  /// A chart of `points`, shown per 1,000 units (`perThousandUnits`) or as counts per period.
  public init(points: [ReportModel.Point], title: String, perThousandUnits: Bool = true) {
    self.points = points
    self.title = title
    self.perThousandUnits = perThousandUnits
  }

  /// The `<svg>` element; `standalone` adds the namespace a separate .svg file needs.
  public func render(standalone: Bool = false) -> String {
    let frame = SVG.Frame(width: width, height: height, left: 58, right: 14, top: 14, bottom: 40)
    let scale = self.scale ?? RateScale(perThousandUnits: perThousandUnits, text)
    let values = points.flatMap { [$0.rate, $0.ucl, $0.center] }.compactMap { $0 }
      .map { $0 * scale.factor }
    let axis = SVG.Axis(maximum: values.max() ?? 0)
    let step = points.isEmpty ? frame.plotWidth : frame.plotWidth / Double(points.count)
    func x(_ index: Int) -> Double { frame.left + step * (Double(index) + 0.5) }
    func y(_ rate: Double) -> Double {
      frame.top + frame.plotHeight * (1 - min(max(rate * scale.factor / axis.top, 0), 1))
    }

    var svg = SVG.open(
      frame: frame, label: text(.chartControlLabel, title), standalone: standalone)
    svg += SVG.yAxis(axis, frame: frame, heading: scale.heading, text: text)

    // Data gaps: a shaded band over the period and a cross on the axis.
    for (index, point) in points.enumerated() where point.rate == nil {
      let left = x(index) - step / 2
      let reason = text.status(point.status).replacingOccurrences(of: "_", with: " ")
      svg += "<g class=\"gap\"><title>\(HTML.escape(text.period(point.period))): "
      svg += "\(HTML.escape(reason))</title>"
      svg += "<rect x=\"\(SVG.coordinate(left))\" y=\"\(SVG.coordinate(frame.top))\" "
      svg += "width=\"\(SVG.coordinate(step))\" height=\"\(SVG.coordinate(frame.plotHeight))\"/>"
      svg += SVG.cross(x: x(index), y: frame.bottomEdge, size: 4)
      svg += "</g>\n"
    }

    // Change points: a dashed line at the left edge of the period, labelled at the top.
    for marker in markers {
      guard let index = points.firstIndex(where: { $0.period == marker.period }) else { continue }
      let left = SVG.coordinate(x(index) - step / 2)
      svg += "<g class=\"marker\"><title>\(HTML.escape(marker.label))</title>"
      svg += "<line x1=\"\(left)\" y1=\"\(SVG.coordinate(frame.top))\" x2=\"\(left)\" "
      svg += "y2=\"\(SVG.coordinate(frame.bottomEdge))\"/>"
      svg += "<text x=\"\(SVG.coordinate(x(index) - step / 2 + 3))\" "
      svg += "y=\"\(SVG.coordinate(frame.top + 10))\">\(HTML.escape(marker.label))</text></g>\n"
    }

    // Limits and centre: horizontal steps per period, joined across consecutive periods.
    svg += stairs(\.ucl, className: "limit", step: step, x: x, y: y)
    svg += stairs(\.lcl, className: "limit", step: step, x: x, y: y)
    svg += stairs(\.center, className: "center", step: step, x: x, y: y)

    // The rate line, broken at every gap.
    for run in runs(where: { $0.rate != nil }) {
      let coordinates = run.compactMap { index in
        points[index].rate.map { "\(SVG.coordinate(x(index))),\(SVG.coordinate(y($0)))" }
      }
      svg += "<polyline class=\"rate\" points=\"\(coordinates.joined(separator: " "))\"/>\n"
    }
    for (index, point) in points.enumerated() {
      guard let rate = point.rate else { continue }
      let className: String
      if !point.signals.isEmpty || point.status == .anomaly {
        className = "signal"
      } else if point.status == .improvement {
        className = "improvement"
      } else {
        className = "point"
      }
      let radius = className == "point" ? 2.5 : 4.5
      var tooltip = scale.pointTooltip(point, rate: rate)
      if !point.signals.isEmpty {
        tooltip += "; " + point.signals.map { text.rule($0.rule) }.joined(separator: ", ")
      }
      svg += "<circle class=\"\(className)\" cx=\"\(SVG.coordinate(x(index)))\" "
      svg += "cy=\"\(SVG.coordinate(y(rate)))\" r=\"\(SVG.coordinate(radius))\">"
      svg += "<title>\(HTML.escape(tooltip))</title></circle>\n"
    }

    // Period labels: at most about twelve, always the last.
    let every = max(1, Int((Double(points.count) / 12).rounded(.up)))
    var labelled = Array(stride(from: 0, to: points.count, by: every))
    if let last = points.indices.last, let tail = labelled.last, tail != last {
      if last - tail < every, tail != 0 { labelled.removeLast() }
      labelled.append(last)
    }
    for index in labelled {
      let point = points[index]
      svg += "<text class=\"tick\" x=\"\(SVG.coordinate(x(index)))\" "
      svg += "y=\"\(SVG.coordinate(frame.bottomEdge + 16))\" text-anchor=\"middle\">"
      svg += "\(HTML.escape(point.period))</text>\n"
    }
    return svg + "</svg>"
  }

  /// Consecutive index runs whose points satisfy `predicate`.
  private func runs(where predicate: (ReportModel.Point) -> Bool) -> [[Int]] {
    var runs: [[Int]] = []
    var current: [Int] = []
    for (index, point) in points.enumerated() {
      if predicate(point) {
        current.append(index)
      } else if !current.isEmpty {
        runs.append(current)
        current = []
      }
    }
    if !current.isEmpty { runs.append(current) }
    return runs
  }

  private func stairs(
    _ value: KeyPath<ReportModel.Point, Double?>, className: String, step: Double,
    x: (Int) -> Double, y: (Double) -> Double
  ) -> String {
    var svg = ""
    for run in runs(where: { $0[keyPath: value] != nil }) {
      var path = ""
      for index in run {
        guard let level = points[index][keyPath: value] else { continue }
        let start = x(index) - step / 2
        let end = x(index) + step / 2
        path += path.isEmpty ? "M\(SVG.coordinate(start)) " : "V"
        path += "\(SVG.coordinate(y(level)))H\(SVG.coordinate(end))"
      }
      svg += "<path class=\"\(className)\" d=\"\(path)\"/>\n"
    }
    return svg
  }
}

/// A Pareto chart as SVG: bars by count (the vital few darker), the cumulative share as a line
/// on a 0–100 % scale, and the threshold as a dashed line.
public struct ParetoChartSVG: Sendable {
  public var rows: [ReportModel.ParetoRow]
  public var threshold: Double
  public var title: String
  /// The bar axis heading: what the bars count; the language's "complaints" when nil.
  public var heading: String? = nil
  /// The language of the chart's words and numbers.
  public var text = ReportText.english
  /// How many bars to draw; beyond it, the last bar is "other", the rest summed.
  var limit = 15
  var width = 720.0
  var height = 300.0

  public init(rows: [ReportModel.ParetoRow], threshold: Double, title: String) {
    self.rows = rows
    self.threshold = threshold
    self.title = title
  }

  /// The `<svg>` element; `standalone` adds the namespace a separate .svg file needs.
  public func render(standalone: Bool = false) -> String {
    let frame = SVG.Frame(width: width, height: height, left: 58, right: 46, top: 14, bottom: 96)
    let shown = Self.topWithOther(rows, limit: limit, text: text)
    let axis = SVG.Axis(maximum: Double(shown.map(\.count).max() ?? 0), integers: true)
    let step = shown.isEmpty ? frame.plotWidth : frame.plotWidth / Double(shown.count)
    func x(_ index: Int) -> Double { frame.left + step * (Double(index) + 0.5) }
    func share(_ value: Double) -> Double {
      frame.top + frame.plotHeight * (1 - min(max(value, 0), 1))
    }

    var svg = SVG.open(
      frame: frame, label: text(.chartParetoLabel, title), standalone: standalone)
    svg += SVG.yAxis(
      axis, frame: frame, heading: heading ?? text[.chartParetoHeading], integers: true,
      text: text)
    for percent in stride(from: 0, through: 100, by: 25) {
      let level = share(Double(percent) / 100)
      svg += "<text class=\"tick\" x=\"\(SVG.coordinate(frame.rightEdge + 4))\" "
      svg +=
        "y=\"\(SVG.coordinate(level + 3))\">\(text.wholePercent(Double(percent) / 100, spaced: false))</text>\n"
    }
    for (index, row) in shown.enumerated() {
      let top = frame.top + frame.plotHeight * (1 - Double(row.count) / axis.top)
      let barWidth = step * 0.7
      let tooltip = "\(row.key): \(text.count(row.count)) (\(text.percent(row.share)))"
      svg += "<rect class=\"\(row.vital ? "bar vital" : "bar")\" "
      svg += "x=\"\(SVG.coordinate(x(index) - barWidth / 2))\" y=\"\(SVG.coordinate(top))\" "
      svg += "width=\"\(SVG.coordinate(barWidth))\" "
      svg += "height=\"\(SVG.coordinate(frame.bottomEdge - top))\">"
      svg += "<title>\(HTML.escape(tooltip))</title></rect>\n"
      let key = String(row.key.map { $0.isNewline ? " " : $0 })
      let label = key.count > 18 ? String(key.prefix(17)) + "…" : key
      let labelX = SVG.coordinate(x(index))
      let labelY = SVG.coordinate(frame.bottomEdge + 10)
      svg += "<text class=\"tick\" x=\"\(labelX)\" y=\"\(labelY)\" text-anchor=\"end\" "
      svg += "transform=\"rotate(-40 \(labelX) \(labelY))\">\(HTML.escape(label))</text>\n"
    }
    if !shown.isEmpty {
      let coordinates = shown.enumerated().map { index, row in
        "\(SVG.coordinate(x(index))),\(SVG.coordinate(share(row.cumulative)))"
      }
      svg += "<polyline class=\"cumulative\" points=\"\(coordinates.joined(separator: " "))\"/>\n"
      for (index, row) in shown.enumerated() {
        svg += "<circle class=\"cumulative-point\" cx=\"\(SVG.coordinate(x(index)))\" "
        svg += "cy=\"\(SVG.coordinate(share(row.cumulative)))\" r=\"2.5\"/>\n"
      }
    }
    let level = SVG.coordinate(share(threshold))
    svg += "<line class=\"threshold\" x1=\"\(SVG.coordinate(frame.left))\" y1=\"\(level)\" "
    svg += "x2=\"\(SVG.coordinate(frame.rightEdge))\" y2=\"\(level)\">"
    svg += "<title>\(HTML.escape(text(.chartThreshold, text.percent(threshold))))</title></line>\n"
    return svg + "</svg>"
  }

  /// The first `limit - 1` rows and one "other (n items)" row for the rest, never vital, its
  /// cumulative share the table's last; all rows when they fit.
  static func topWithOther(
    _ rows: [ReportModel.ParetoRow], limit: Int, text: ReportText = .english
  ) -> [ReportModel.ParetoRow] {
    guard rows.count > limit, limit > 1 else { return rows }
    let rest = rows[(limit - 1)...]
    let total = rows.reduce(0) { $0 + $1.count }
    let count = rest.reduce(0) { $0 + $1.count }
    let other = ReportModel.ParetoRow(
      key: text(.paretoOther, text.count(rest.count)), count: count,
      share: total > 0 ? Double(count) / Double(total) : 0,
      cumulative: rows.last?.cumulative ?? 1, vital: false)
    return Array(rows.prefix(limit - 1)) + [other]
  }
}

/// Shared SVG geometry and text.
enum SVG {
  struct Frame {
    var width: Double
    var height: Double
    var left: Double
    var right: Double
    var top: Double
    var bottom: Double

    var plotWidth: Double { width - left - right }
    var plotHeight: Double { height - top - bottom }
    var rightEdge: Double { width - right }
    var bottomEdge: Double { height - bottom }
  }

  /// A value axis from zero to a round maximum, with about four steps.
  struct Axis {
    var top: Double
    var step: Double

    /// An axis for values up to `maximum`; `integers` keeps every step a whole number.
    init(maximum: Double, integers: Bool = false) {
      let target = maximum > 0 && maximum.isFinite ? maximum * 1.05 : 1
      let raw = target / 4
      let magnitude = pow(10, (log10(raw)).rounded(.down))
      let nice = [1.0, 2, 2.5, 5, 10].first { $0 * magnitude >= raw } ?? 10
      step = nice * magnitude
      if integers { step = max(step.rounded(.up), 1) }
      top = (target / step).rounded(.up) * step
    }

    var ticks: [Double] {
      let count = Int((top / step).rounded())
      return (0...count).map { Double($0) * step }
    }
  }

  /// A coordinate with at most one decimal, locale-independent.
  static func coordinate(_ value: Double) -> String {
    let tenths = (value * 10).rounded()
    guard tenths.isFinite else { return "0" }
    let whole = Int(tenths) / 10
    let fraction = abs(Int(tenths) % 10)
    let sign = tenths < 0 && whole == 0 ? "-" : ""
    return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
  }

  static func open(frame: Frame, label: String, standalone: Bool) -> String {
    let namespace = standalone ? " xmlns=\"http://www.w3.org/2000/svg\"" : ""
    let size = "\(coordinate(frame.width)) \(coordinate(frame.height))"
    var svg = "<svg\(namespace) class=\"chart\" viewBox=\"0 0 \(size)\" role=\"img\" "
    svg += "aria-label=\"\(HTML.escape(label))\">\n"
    if standalone { svg += "<style>\(HTMLStyle.chart)</style>\n" }
    return svg
  }

  static func yAxis(
    _ axis: Axis, frame: Frame, heading: String, integers: Bool = false,
    text: ReportText = .english
  ) -> String {
    var svg = ""
    for tick in axis.ticks {
      let level = frame.top + frame.plotHeight * (1 - tick / axis.top)
      let whole = Int(exactly: tick.rounded())
      let label = integers && whole != nil ? text.count(whole ?? 0) : text.short(tick)
      svg += "<line class=\"grid\" x1=\"\(coordinate(frame.left))\" y1=\"\(coordinate(level))\" "
      svg += "x2=\"\(coordinate(frame.rightEdge))\" y2=\"\(coordinate(level))\"/>"
      svg += "<text class=\"tick\" x=\"\(coordinate(frame.left - 6))\" "
      svg += "y=\"\(coordinate(level + 3))\" text-anchor=\"end\">\(label)</text>\n"
    }
    svg += "<line class=\"axis\" x1=\"\(coordinate(frame.left))\" y1=\"\(coordinate(frame.top))\" "
    svg += "x2=\"\(coordinate(frame.left))\" y2=\"\(coordinate(frame.bottomEdge))\"/>"
    svg += "<line class=\"axis\" x1=\"\(coordinate(frame.left))\" "
    svg += "y1=\"\(coordinate(frame.bottomEdge))\" x2=\"\(coordinate(frame.rightEdge))\" "
    svg += "y2=\"\(coordinate(frame.bottomEdge))\"/>\n"
    let middle = coordinate(frame.top + frame.plotHeight / 2)
    svg += "<text class=\"heading\" x=\"12\" y=\"\(middle)\" text-anchor=\"middle\" "
    svg += "transform=\"rotate(-90 12 \(middle))\">\(HTML.escape(heading))</text>\n"
    return svg
  }

  /// A small "×" centred on (x, y).
  static func cross(x: Double, y: Double, size: Double) -> String {
    let a =
      "M\(coordinate(x - size)) \(coordinate(y - size))L\(coordinate(x + size)) "
      + "\(coordinate(y + size))"
    let b =
      "M\(coordinate(x - size)) \(coordinate(y + size))L\(coordinate(x + size)) "
      + "\(coordinate(y - size))"
    return "<path class=\"gap-mark\" d=\"\(a)\(b)\"/>"
  }
}
