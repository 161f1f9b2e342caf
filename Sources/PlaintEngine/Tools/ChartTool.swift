import Foundation
import PlaintCore
import PlaintReport

/// The options of `plaint chart`, checked before any input is read.
public struct ChartOptions: Sendable, Hashable {
  public var method: ChartMethod
  /// k: the limits lie k standard deviations from the centre.
  public var sigma: Double
  /// 1-based rows the limits are estimated from; nil: every row (phase I).
  public var baseline: ClosedRange<Int>?
  /// 1-based rows left out of the estimate; they stay on the chart and are judged.
  public var exclude: Set<Int>

  public init(
    method: ChartMethod = .auto, sigma: Double = 3, baseline: ClosedRange<Int>? = nil,
    exclude: Set<Int> = []
  ) {
    self.method = method
    self.sigma = sigma
    self.baseline = baseline
    self.exclude = exclude
  }

  /// The names `--method` accepts.
  public static let methodNames = ChartMethod.allCases.map(\.rawValue)

  /// Reads the options as typed on the command line; a bad one is a usage error (exit 64).
  public init(method: String, sigma: String, baseline: String?, exclude: String?)
    throws(PlaintError)
  {
    guard let chartMethod = ChartMethod(rawValue: method.lowercased()) else {
      throw PlaintError(
        .usage,
        "--method \(method): unknown method; use one of "
          + Self.methodNames.joined(separator: ", "))
    }
    guard let k = Double(sigma), k.isFinite, k > 0 else {
      throw PlaintError(.usage, "--sigma \(sigma): give a number above 0, such as 3")
    }
    self.init(
      method: chartMethod, sigma: k, baseline: try baseline.map(Self.rows(baseline:)),
      exclude: try exclude.map(Self.rows(exclude:)) ?? [])
  }

  /// `FIRST-LAST`, 1-based and inclusive.
  private static func rows(baseline text: String) throws(PlaintError) -> ClosedRange<Int> {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
      .map { $0.trimmingCharacters(in: .whitespaces) }
    guard parts.count == 2, let first = Int(parts[0]), let last = Int(parts[1]), first >= 1
    else {
      throw PlaintError(
        .usage, "--baseline \(text): give FIRST-LAST, 1-based row positions such as 1-20")
    }
    guard first <= last else {
      throw PlaintError(
        .usage,
        "--baseline \(text): FIRST is after LAST; give the earlier row first, such as \(last)-\(first)"
      )
    }
    return first...last
  }

  /// `15,23`: 1-based row positions.
  private static func rows(exclude text: String) throws(PlaintError) -> Set<Int> {
    var rows = Set<Int>()
    for part in text.split(separator: ",", omittingEmptySubsequences: false) {
      guard let row = Int(part.trimmingCharacters(in: .whitespaces)), row >= 1 else {
        throw PlaintError(
          .usage,
          "--exclude \(text): \"\(part)\" is not a row position; give 1-based rows such as 15,23")
      }
      rows.insert(row)
    }
    return rows
  }
}

/// One row of a `plaint chart` input: `period,count,units`.
public struct ChartRow: Sendable, Hashable {
  public var period: String
  public var count: Int
  /// nil: the units field is empty (missing exposure); 0: no exposure.
  public var units: Double?
  /// The line in the input file.
  public var line: Int

  public init(period: String, count: Int, units: Double?, line: Int) {
    self.period = period
    self.count = count
    self.units = units
    self.line = line
  }
}

/// A computed `plaint chart`: the rows, how they were split into phases, and the chart.
public struct ChartReport: Sendable {
  /// Where a row stands with respect to the estimate.
  public enum Phase: String, Sendable {
    /// In the baseline: the limits are estimated from it.
    case baseline = "I"
    /// After (or before) the baseline: judged against limits it did not shape.
    case judged = "II"
    /// In the baseline window but dropped from the estimate by `--exclude`.
    case excluded
  }

  /// The input path as given.
  public var input: String
  public var options: ChartOptions
  public var rows: [ChartRow]
  public var result: ChartResult

  /// The 1-based baseline rows in force (every row when `--baseline` is not given).
  public var baseline: ClosedRange<Int> { options.baseline ?? 1...rows.count }

  /// The phase of the row at 0-based `index`.
  public func phase(_ index: Int) -> Phase {
    guard baseline.contains(index + 1) else { return .judged }
    return options.exclude.contains(index + 1) ? .excluded : .baseline
  }

  /// A point's judgement, in the words of `report.json`: `in_control`, `anomaly` (an upward
  /// signal), `improvement` (below the LCL), `no_exposure` or `missing`.
  public func status(_ index: Int) -> ReportModel.PointStatus {
    let point = result.points[index]
    switch point.status {
    case .noExposure: return .noExposure
    case .missing: return .missing
    case .notCovered: return .notCovered
    case .partial: return .partial
    case .ok:
      if point.signals.contains(where: { !isBelowLimit($0, point) }) { return .anomaly }
      if point.signals.contains(where: { isBelowLimit($0, point) }) { return .improvement }
      return .inControl
    }
  }

  /// Whether `signal` on `point` is `beyond_limit` on the low side.
  func isBelowLimit(_ signal: Signal, _ point: ChartPoint) -> Bool {
    guard signal.rule == .beyondLimit, let rate = point.rate, let lcl = point.lcl else {
      return false
    }
    return rate < lcl
  }

  /// Whether every usable row has exactly one unit: a plain count (c) chart.
  public var isCountChart: Bool {
    let usable = rows.compactMap(\.units).filter { $0 > 0 }
    return !usable.isEmpty && usable.allSatisfy { $0 == 1 }
  }
}

/// `plaint chart`: a control chart of `period,count,units` rows, by the code `run` uses.
public enum ChartTool {
  /// The columns of the input, as messages quote them.
  static let layout = "period,count,units"

  /// Reads `path`, checks the options against its rows and computes the chart.
  public static func chart(inputPath path: String, options: ChartOptions) throws(PlaintError)
    -> ChartReport
  {
    let rows = try read(path, proportion: options.method.isProportionChart)
    return try chart(rows, input: path, options: options)
  }

  /// The chart of `rows` already read; `input` names them in messages.
  public static func chart(_ rows: [ChartRow], input: String, options: ChartOptions)
    throws(PlaintError) -> ChartReport
  {
    if let baseline = options.baseline, baseline.upperBound > rows.count {
      throw PlaintError(
        .usage,
        "--baseline \(baseline.lowerBound)-\(baseline.upperBound): \(input) has \(rows.count) "
          + "rows; give positions between 1 and \(rows.count)")
    }
    if let beyond = options.exclude.sorted().first(where: { $0 > rows.count }) {
      throw PlaintError(
        .usage,
        "--exclude: row \(beyond) is past the end of \(input) (\(rows.count) rows); "
          + "give positions between 1 and \(rows.count)")
    }
    let window = options.baseline ?? 1...rows.count
    let estimated = window.filter { !options.exclude.contains($0) }
    guard !estimated.isEmpty else {
      throw PlaintError(
        .usage,
        "--exclude drops every baseline row (\(window.lowerBound)-\(window.upperBound)); "
          + "keep at least one row to estimate the limits from")
    }
    guard estimated.contains(where: { (rows[$0 - 1].units ?? 0) > 0 }) else {
      throw PlaintError(
        .dataError,
        "\(input): no baseline row has units above 0, so there is nothing to estimate the "
          + "centre line from; give the rows their units (1 for a plain count chart)")
    }

    let observations = rows.map { ChartObservation(count: $0.count, units: $0.units) }
    let result = ControlChart.compute(
      observations, method: options.method, sigma: options.sigma,
      baseline: options.baseline.map { ($0.lowerBound - 1)..<$0.upperBound },
      exclude: Set(options.exclude.map { $0 - 1 }))
    return ChartReport(input: input, options: options, rows: rows, result: result)
  }

  /// The rows of a `period,count,units` file; a bad row is a data error (exit 65).
  ///
  /// `proportion` (p and Laney p′ charts) also requires every count to be at most its units.
  public static func read(_ path: String, proportion: Bool = false) throws(PlaintError)
    -> [ChartRow]
  {
    let table = try ToolTable(path: path, required: ["period", "count", "units"], layout: layout)
    var rows: [ChartRow] = []
    var seen: [String: Int] = [:]
    for row in table.rows {
      let period = table.value(row, "period")
      guard !period.isEmpty else {
        throw table.failure(row, "period", "empty; give every row a period label")
      }
      if let first = seen[period] {
        throw table.failure(
          row, "period", "\"\(period)\" repeats line \(first); give each period one row")
      }
      seen[period] = row.line
      let count = try table.count(row, "count")
      let unitsText = table.value(row, "units")
      var units: Double?
      if !unitsText.isEmpty {
        guard let value = Double(unitsText), value.isFinite, value >= 0 else {
          throw table.failure(
            row, "units",
            "\"\(unitsText)\" is not a number ≥ 0; write the exposure (1 for a plain count "
              + "chart), or leave it empty when it is unknown")
        }
        units = value
      }
      if proportion, let units, units > 0, Double(count) > units {
        throw table.failure(
          row, "count",
          "\(count) is more than the \(unitsText) units; a p chart counts items out of its "
            + "sample, so use --method u for a rate")
      }
      rows.append(ChartRow(period: period, count: count, units: units, line: row.line))
    }
    return rows
  }
}

extension ChartMethod {
  /// Whether the method charts proportions (p, Laney p′).
  var isProportionChart: Bool { self == .p || self == .laneyP }
}
