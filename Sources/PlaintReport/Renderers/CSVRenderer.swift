import Foundation
import PlaintCore

/// Renders the CSV files: RFC 4180 quoting, LF line ends, a header row always.
///
/// Text that a spreadsheet would run as a formula (a leading `=`, `+`, `-`, `@`, tab or carriage
/// return) gets a leading apostrophe; numbers from the model are written as plain decimals and
/// stay numbers, negative ones included; p- and q-values below 1e-4 are written in scientific
/// notation ("3.16e-34"), never rounded to 0.
public struct CSVRenderer: Sendable {
  public init() {}

  /// Every CSV file of the report, by file name, in a fixed order.
  public func render(_ bundle: ReportBundle) -> [(name: String, contents: String)] {
    files(bundle).map { file in
      var contents = ""
      file.write { contents += String(decoding: $0, as: UTF8.self) }
      return (file.name, contents)
    }
  }

  /// The same, each file rendered only when its `write` is called, which hands the text to its
  /// argument in pieces, so that a writer can write one file and let it go before the next.
  /// `pareto.csv` and `repeat-customers.csv` list every customer: their rows are read and
  /// written a piece at a time, never held whole.
  public func files(_ bundle: ReportBundle) -> [(name: String, write: CSVWrite)] {
    let report = bundle.report
    func whole(_ contents: @escaping () -> String) -> CSVWrite {
      { output in
        var text = contents()
        text.withUTF8 { output(UnsafeRawBufferPointer($0)) }
      }
    }
    return [
      ("anomalies.csv", whole { anomalies(report) }),
      ("pareto.csv", { pareto(report.pareto, to: $0) }),
      ("grid.csv", whole { grid(bundle.grid, hasSales: report.dataQuality.hasSales) }),
      ("anomaly-tickets.csv", { anomalyTickets(bundle.anomalyTickets, to: $0) }),
      ("rejects.csv", whole { rejects(bundle.rejects) }),
      ("repeat-customers.csv", { repeatCustomers(report.recurrence, to: $0) }),
      ("concentrations.csv", whole { concentrations(report.recurrence) }),
      ("release-effects.csv", whole { releases(report.recurrence) }),
      ("resolution.csv", whole { resolution(report.resolution) }),
      ("open-past-sla.csv", whole { openPastSLA(report.resolution) }),
      ("canaries.csv", whole { canaries(report.canaries) }),
      ("run-charts.csv", whole { runCharts(report.runCharts) }),
      ("shares.csv", whole { shares(report.shares) }),
      ("drivers.csv", whole { drivers(report.drivers) }),
    ]
      + (report.slices ?? []).map { section in
        ("slice-\(section.name).csv", whole { slice(section) })
      }
  }

  /// Renders one CSV file, handing its text to `output` in pieces.
  public typealias CSVWrite = (_ output: CSVOutput) -> Void
  /// Takes a piece of a CSV file's bytes, valid only during the call.
  public typealias CSVOutput = (UnsafeRawBufferPointer) -> Void

  /// `slice-NAME.csv`: every value of a slice over the Pareto window, most complaints first,
  /// with this period's count, limits and verdict.
  func slice(_ section: ReportModel.SliceSection) -> String {
    let header = [
      "value", "count", "share", "cumulative", "vital", "period_count", "center", "ucl",
      "status", "chart", "p_value", "q_value",
    ]
    let rows: [[CSVField]] = section.values.map {
      [
        .text($0.value), .integer($0.count), .number($0.share), .number($0.cumulative),
        .text($0.vital ? "true" : "false"), .integer($0.periodCount), .number($0.center),
        .number($0.ucl), .text($0.status.rawValue), .text($0.chart), .probability($0.pValue),
        .probability($0.qValue),
      ]
    }
    return table(header, rows)
  }

  /// `repeat-customers.csv`: customers with at least `repeat_customer_min` complaints.
  func repeatCustomers(_ recurrence: ReportModel.Recurrence) -> String {
    collected { repeatCustomers(recurrence, to: $0) }
  }

  func repeatCustomers(_ recurrence: ReportModel.Recurrence, to output: CSVOutput) {
    // Rows made as they are written: one per repeat customer.
    let rows = recurrence.repeatCustomers.lazy.map { customer -> [CSVField] in
      [
        .text(customer.customer), .integer(customer.count),
        .text(customer.keyAccount ? "true" : "false"),
        .text(customer.issues.joined(separator: ";")),
      ]
    }
    table(["customer", "count", "key_account", "issues"], rows, to: output)
  }

  /// `concentrations.csv`: cells and roll-ups whose complaints gather on one channel, hour,
  /// weekday, agent or slice value.
  func concentrations(_ recurrence: ReportModel.Recurrence) -> String {
    let header = [
      "category", "product_line", "tier", "dimension", "value", "count", "total", "share",
      "baseline_share", "p_value", "q_value", "effect_size", "text",
    ]
    let rows: [[CSVField]] = recurrence.concentrations.map {
      [
        .text($0.category), .text($0.productLine), .text($0.tier.rawValue),
        .text($0.dimension.rawValue),
        .text($0.value), .integer($0.count), .integer($0.total), .number($0.share),
        .number($0.baselineShare), .probability($0.pValue), .probability($0.qValue),
        .number($0.effectSize),
        .text($0.text),
      ]
    }
    return table(header, rows)
  }

  /// `release-effects.csv`: each release with the rate of its product line before and after it.
  func releases(_ recurrence: ReportModel.Recurrence) -> String {
    let header = [
      "product_line", "component", "version", "date", "period", "category", "periods_before",
      "periods_after", "count_before", "count_after", "rate_before", "rate_after", "ratio",
      "p_value", "verdict",
    ]
    let rows: [[CSVField]] = recurrence.releases.map {
      [
        .text($0.productLine), .text($0.component), .text($0.version), .text($0.date),
        .text($0.period), .text($0.category), .integer($0.periodsBefore.count),
        .integer($0.periodsAfter.count), .integer($0.countBefore), .integer($0.countAfter),
        .number($0.rateBefore), .number($0.rateAfter), .number($0.ratio), .probability($0.pValue),
        .text($0.verdict.rawValue),
      ]
    }
    return table(header, rows)
  }

  /// `resolution.csv`: resolution times per category, then per cell.
  func resolution(_ resolution: ReportModel.Resolution) -> String {
    let header = [
      "level", "key", "complaints", "resolved", "median_hours", "p90_hours", "sla_breach_share",
      "open_past_sla",
    ]
    let levels =
      resolution.byCategory.map { ("category", $0) }
      + resolution.byCell.map {
        ("cell", $0)
      }
    let rows: [[CSVField]] = levels.map { level, row in
      [
        .text(level), .text(row.key), .integer(row.complaints), .integer(row.resolved),
        .number(row.medianHours), .number(row.p90Hours), .number(row.slaBreachShare),
        .integer(row.openPastSLA),
      ]
    }
    return table(header, rows)
  }

  /// `open-past-sla.csv`: complaints still open past the SLA at the end of the period.
  func openPastSLA(_ resolution: ReportModel.Resolution) -> String {
    let header = [
      "system", "ticket_id", "created", "category", "product_line", "tier", "issue", "hours_open",
      "owner",
    ]
    let rows: [[CSVField]] = resolution.openPastSLA.map {
      [
        .text($0.system), .text($0.id), .text($0.created), .text($0.category),
        .text($0.productLine), .text($0.tier.rawValue), .text($0.issue), .number($0.hoursOpen),
        .text($0.owner ?? ""),
      ]
    }
    return table(header, rows)
  }

  /// `canaries.csv`: every canary found, with the cell it landed in, then every one missing.
  func canaries(_ canaries: ReportModel.Canaries) -> String {
    let header = [
      "status", "system", "ticket_id", "period", "category", "product_line", "tier", "issue",
      "matched_by", "expected",
    ]
    var rows: [[CSVField]] = canaries.found.map {
      [
        .text("found"), .text($0.system), .text($0.id), .text($0.period), .text($0.category),
        .text($0.productLine), .text($0.tier.rawValue), .text($0.issue), .text($0.matchedBy),
        .text($0.expected ? "true" : "false"),
      ]
    }
    rows += canaries.missing.map {
      [
        .text("missing"), .text(""), .text($0), .text(""), .text(""), .text(""), .text(""),
        .text(""), .text(""), .text("true"),
      ]
    }
    return table(header, rows)
  }

  /// `anomalies.csv`: the anomalies, then the improvements, then the watches of the period,
  /// each with the window of the baseline it was judged against and the level shift that
  /// baseline follows.
  func anomalies(_ report: ReportModel) -> String {
    let header = [
      "kind", "id", "period", "category", "product_line", "tier", "count", "expected", "ucl",
      "rate", "rate_per_1000", "chart", "rules", "p_value", "q_value", "status", "streak",
      "top_issues", "tickets", "owner", "baseline_first", "baseline_last", "baseline_periods",
      "shift_since",
    ]
    var baselines: [String: ReportModel.Baseline] = [:]
    for cell in report.cells { baselines[cell.label] = cell.baseline }
    let kinds =
      report.anomalies.map { ("anomaly", $0) }
      + report.improvements.map {
        ("improvement", $0)
      }
      + report.watches.map { ("watch", $0) }
    let rows: [[CSVField]] = kinds.map { kind, anomaly in
      [
        .text(kind), .text(anomaly.id), .text(anomaly.period), .text(anomaly.category),
        .text(anomaly.productLine), .text(anomaly.tier.rawValue), .integer(anomaly.count),
        .number(anomaly.expected), .number(anomaly.ucl), .number(anomaly.rate),
        .number(report.dataQuality.hasSales ? anomaly.rate.map { $0 * 1000 } : nil),
        .text(anomaly.chart.rawValue),
        .text(anomaly.rules.joined(separator: ";")), .probability(anomaly.pValue),
        .probability(anomaly.qValue), .text(anomaly.status.rawValue), .integer(anomaly.streak),
        .text(anomaly.topIssues.map { "\($0.key)=\($0.count)" }.joined(separator: ";")),
        .integer(anomaly.ticketIDs.count), .text(anomaly.owner ?? ""),
        .text(baselines[anomaly.label]?.window?.first ?? ""),
        .text(baselines[anomaly.label]?.window?.last ?? ""),
        baselines[anomaly.label]?.periods.map { .integer($0) } ?? .text(""),
        .text(baselines[anomaly.label]?.shift?.since ?? ""),
      ]
    }
    return table(header, rows)
  }

  /// `pareto.csv`: every Pareto table, one after the other, named in the `table` column.
  func pareto(_ tables: ReportModel.ParetoTables) -> String {
    collected { pareto(tables, to: $0) }
  }

  func pareto(_ tables: ReportModel.ParetoTables, to output: CSVOutput) {
    let header = ["table", "rank", "key", "count", "share", "cumulative", "vital"]
    // Rows made as they are written: the table by customer has one per customer.
    let rows = tables.named.lazy.flatMap { name, rows in
      rows.enumerated().lazy.map { index, row -> [CSVField] in
        [
          .text(name), .integer(index + 1), .text(row.key), .integer(row.count),
          .number(row.share), .number(row.cumulative), .text(row.vital ? "true" : "false"),
        ]
      }
    }
    table(header, rows, to: output)
  }

  /// `grid.csv`: every period of every base cell; `rate_per_1000` only where sales give rates.
  func grid(_ grid: [ReportBundle.GridRow], hasSales: Bool = true) -> String {
    let header = [
      "period", "category", "product_line", "tier", "count", "units", "rate", "rate_per_1000",
      "center", "ucl", "lcl", "status", "chart",
    ]
    let rows: [[CSVField]] = grid.map { row in
      [
        .text(row.period), .text(row.category), .text(row.productLine), .text(row.tier.rawValue),
        row.status == .notCovered ? .text("") : .integer(row.count), .number(row.units),
        .number(row.rate),
        .number(hasSales ? row.rate.map { $0 * 1000 } : nil), .number(row.center),
        .number(row.ucl),
        .number(row.lcl), .text(row.status.rawValue), .text(row.chart.rawValue),
      ]
    }
    return table(header, rows)
  }

  /// `anomaly-tickets.csv`: the tickets behind each anomaly.
  func anomalyTickets(_ tickets: [ReportBundle.AnomalyTicket]) -> String {
    collected { anomalyTickets(tickets, to: $0) }
  }

  /// The same, handed to `output` a piece at a time: one row per ticket behind an anomaly, so
  /// the file can be tens of megabytes, never held whole.
  func anomalyTickets(_ tickets: [ReportBundle.AnomalyTicket], to output: CSVOutput) {
    let header = [
      "anomaly_id", "system", "ticket_id", "created", "category", "issue", "product_line", "tier",
      "customer", "customer_name", "channel", "agent", "matched_rule", "source", "excerpt",
    ]
    // Fields read in place and written as they are read: a copy of each ticket would retain and
    // release every one of its strings, and an array of its fields would be made for each.
    var text = CSVText(header: header)
    for index in tickets.indices {
      text.append(.text(tickets[index].anomalyID))
      text.append(.text(tickets[index].system))
      text.append(.text(tickets[index].ticketID))
      text.append(.text(tickets[index].created))
      text.append(.text(tickets[index].category))
      text.append(.text(tickets[index].issue))
      text.append(.text(tickets[index].productLine))
      text.append(.text(tickets[index].tier.rawValue))
      text.append(.text(tickets[index].customer))
      text.append(.text(tickets[index].customerName))
      text.append(.text(tickets[index].channel))
      text.append(.text(tickets[index].agent))
      text.append(.text(tickets[index].matchedRule))
      text.append(.text(tickets[index].source))
      text.append(.text(tickets[index].excerpt))
      text.endRow(flushingTo: output)
    }
    text.flush(to: output)
  }

  /// `rejects.csv`: every rejected input row with its reason and raw text.
  func rejects(_ rejects: [Reject]) -> String {
    let rows: [[CSVField]] = rejects.map {
      [.text($0.file), .integer($0.line), .text($0.reason), .text($0.raw)]
    }
    return table(["file", "line", "reason", "raw"], rows)
  }

  func table(_ header: [String], _ rows: some Sequence<[CSVField]>) -> String {
    collected { table(header, rows, to: $0) }
  }

  /// The table's bytes, handed to `output` about 64 KiB at a time.
  func table(
    _ header: [String], _ rows: some Sequence<[CSVField]>, to output: CSVOutput
  ) {
    var text = CSVText(header: header)
    for row in rows {
      for field in row { text.append(field) }
      text.endRow(flushingTo: output)
    }
    text.flush(to: output)
  }

  private func collected(_ write: CSVWrite) -> String {
    var text = ""
    write { text += String(decoding: $0, as: UTF8.self) }
    return text
  }

}

/// One CSV cell: text from input (neutralised and quoted as needed) or a number from the model.
enum CSVField {
  case text(String)
  case number(Double?)
  /// A p- or q-value: as `number`, but in scientific notation below 1e-4, so a tiny
  /// probability is never written as 0.
  case probability(Double?)
  case integer(Int)

  /// The characters that make a spreadsheet treat a cell as a formula when they lead it.
  static let formulaLeaders: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

  /// Whether a cell whose first byte is the index leads with a formula character: the leaders
  /// are ASCII, so the first byte tells, and a table read costs less than making a `Character`
  /// of it and hashing that for every cell.
  static let leadsFormula: [Bool] = (0...255).map {
    formulaLeaders.contains(Character(Unicode.Scalar(UInt8($0))))
  }

  /// The bytes a text cell's scan must look at: a quote, a comma, LF, VT, FF, CR, and the lead
  /// bytes of NEL (C2 85) and of U+2028 and U+2029 (E2 80 A8/A9). Every other byte is passed over
  /// by one table read.
  static let mayNeedQuotes: [Bool] = (0...255).map {
    [0x22, 0x2C, 0x0A, 0x0B, 0x0C, 0x0D, 0xC2, 0xE2].contains($0)
  }

  /// The cell as it is written to the file.
  var encoded: String {
    var text = CSVText()
    text.append(self)
    return String(decoding: text.bytes, as: UTF8.self)
  }
}

/// A CSV file's bytes as its rows are written: fields appended in place, each text neutralised
/// and quoted as it is copied (a cell per ticket excerpt makes this the CSV report's inner loop).
struct CSVText {
  private(set) var bytes: [UInt8] = []
  private var rowIsEmpty = true

  init() {}

  /// Starts with the header row.
  init(header: [String]) {
    bytes.reserveCapacity(Self.piece + 4 * 1_024)
    for name in header { append(.text(name)) }
    bytes.append(0x0A)
    rowIsEmpty = true
  }

  /// How many bytes are handed on at a time.
  static let piece = 64 * 1_024

  mutating func append(_ field: CSVField) {
    if !rowIsEmpty { bytes.append(0x2C) }
    rowIsEmpty = false
    switch field {
    case .integer(let value): append(ascii: String(value))
    case .number(let value): append(ascii: OutputNumber.plain(value))
    case .probability(let value): append(ascii: OutputNumber.exactProbability(value))
    case .text(let raw):
      var text = raw
      text.withUTF8 { appendText($0) }
    }
  }

  /// Ends the row, and hands the bytes so far to `output` once they make a piece.
  mutating func endRow(flushingTo output: CSVRenderer.CSVOutput) {
    bytes.append(0x0A)
    rowIsEmpty = true
    if bytes.count >= Self.piece { flush(to: output) }
  }

  mutating func flush(to output: CSVRenderer.CSVOutput) {
    bytes.withUnsafeBytes { output($0) }
    bytes.removeAll(keepingCapacity: true)
  }

  private mutating func append(ascii text: String) {
    var text = text
    text.withUTF8 { bytes.append(contentsOf: $0) }
  }

  /// A text cell's bytes, neutralised and quoted when they need it. One pass finds whether they
  /// do; most cells are copied as they are.
  private mutating func appendText(_ source: UnsafeBufferPointer<UInt8>) {
    let formula = source.first.map { CSVField.leadsFormula[Int($0)] } ?? false
    let interesting = CSVField.mayNeedQuotes
    var needsQuotes = false
    var index = 0
    while index < source.count, !needsQuotes {
      guard interesting[Int(source[index])] else {
        index += 1
        continue
      }
      switch source[index] {
      // A quote, a comma, or a line break: LF, VT, FF, CR, NEL (C2 85), U+2028 and U+2029.
      case 0x22, 0x2C, 0x0A...0x0D: needsQuotes = true
      case 0xC2: needsQuotes = index + 1 < source.count && source[index + 1] == 0x85
      case 0xE2:
        needsQuotes =
          index + 2 < source.count && source[index + 1] == 0x80
          && (source[index + 2] == 0xA8 || source[index + 2] == 0xA9)
      default: break
      }
      index += 1
    }
    guard needsQuotes || formula else {
      bytes.append(contentsOf: source)
      return
    }
    if needsQuotes { bytes.append(0x22) }
    if formula { bytes.append(UInt8(ascii: "'")) }
    guard needsQuotes else {
      bytes.append(contentsOf: source)
      return
    }
    // Each quote doubled: the runs between quotes copied whole.
    var start = 0
    for index in source.indices where source[index] == 0x22 {
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[start...index]))
      start = index
    }
    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[start...]))
    bytes.append(0x22)
  }
}
