import Foundation
import PlaintCore

/// Renders the five CSV files: RFC 4180 quoting, LF line ends, a header row always.
///
/// Text that a spreadsheet would run as a formula (a leading `=`, `+`, `-`, `@`, tab or carriage
/// return) gets a leading apostrophe; numbers from the model are written as plain decimals and
/// stay numbers, negative ones included.
public struct CSVRenderer: Sendable {
  public init() {}

  /// Every CSV file of the report, by file name, in a fixed order.
  public func render(_ bundle: ReportBundle) -> [(name: String, contents: String)] {
    [
      ("anomalies.csv", anomalies(bundle.report)),
      ("pareto.csv", pareto(bundle.report.pareto)),
      ("grid.csv", grid(bundle.grid)),
      ("anomaly-tickets.csv", anomalyTickets(bundle.anomalyTickets)),
      ("rejects.csv", rejects(bundle.rejects)),
    ]
  }

  /// `anomalies.csv`: the anomalies, then the improvements, of the reported period.
  func anomalies(_ report: ReportModel) -> String {
    let header = [
      "kind", "id", "period", "category", "product_line", "tier", "count", "expected", "ucl",
      "rate", "rate_per_1000", "chart", "rules", "p_value", "q_value", "status", "streak",
      "top_issues", "tickets",
    ]
    let kinds =
      report.anomalies.map { ("anomaly", $0) }
      + report.improvements.map {
        ("improvement", $0)
      }
    let rows: [[CSVField]] = kinds.map { kind, anomaly in
      [
        .text(kind), .text(anomaly.id), .text(anomaly.period), .text(anomaly.category),
        .text(anomaly.productLine), .text(anomaly.tier), .integer(anomaly.count),
        .number(anomaly.expected), .number(anomaly.ucl), .number(anomaly.rate),
        .number(anomaly.rate.map { $0 * 1000 }), .text(anomaly.chart),
        .text(anomaly.rules.joined(separator: ";")), .number(anomaly.pValue),
        .number(anomaly.qValue), .text(anomaly.status), .integer(anomaly.streak),
        .text(anomaly.topIssues.map { "\($0.key)=\($0.count)" }.joined(separator: ";")),
        .integer(anomaly.ticketIDs.count),
      ]
    }
    return table(header, rows)
  }

  /// `pareto.csv`: every Pareto table, one after the other, named in the `table` column.
  func pareto(_ tables: ReportModel.ParetoTables) -> String {
    let header = ["table", "rank", "key", "count", "share", "cumulative", "vital"]
    let rows: [[CSVField]] = tables.named.flatMap { name, rows in
      rows.enumerated().map { index, row in
        [
          .text(name), .integer(index + 1), .text(row.key), .integer(row.count),
          .number(row.share), .number(row.cumulative), .text(row.vital ? "true" : "false"),
        ]
      }
    }
    return table(header, rows)
  }

  /// `grid.csv`: every period of every base cell.
  func grid(_ grid: [ReportBundle.GridRow]) -> String {
    let header = [
      "period", "category", "product_line", "tier", "count", "units", "rate", "rate_per_1000",
      "center", "ucl", "lcl", "status", "chart",
    ]
    let rows: [[CSVField]] = grid.map { row in
      [
        .text(row.period), .text(row.category), .text(row.productLine), .text(row.tier),
        .integer(row.count), .number(row.units), .number(row.rate),
        .number(row.rate.map { $0 * 1000 }), .number(row.center), .number(row.ucl),
        .number(row.lcl), .text(row.status), .text(row.chart),
      ]
    }
    return table(header, rows)
  }

  /// `anomaly-tickets.csv`: the tickets behind each anomaly.
  func anomalyTickets(_ tickets: [ReportBundle.AnomalyTicket]) -> String {
    let header = [
      "anomaly_id", "system", "ticket_id", "created", "category", "issue", "product_line", "tier",
      "customer", "customer_name", "channel", "agent", "matched_rule", "source", "excerpt",
    ]
    let rows: [[CSVField]] = tickets.map { ticket in
      [
        ticket.anomalyID, ticket.system, ticket.ticketID, ticket.created, ticket.category,
        ticket.issue, ticket.productLine, ticket.tier, ticket.customer, ticket.customerName,
        ticket.channel,
        ticket.agent, ticket.matchedRule, ticket.source, ticket.excerpt,
      ].map(CSVField.text)
    }
    return table(header, rows)
  }

  /// `rejects.csv`: every rejected input row with its reason and raw text.
  func rejects(_ rejects: [Reject]) -> String {
    let rows: [[CSVField]] = rejects.map {
      [.text($0.file), .integer($0.line), .text($0.reason), .text($0.raw)]
    }
    return table(["file", "line", "reason", "raw"], rows)
  }

  private func table(_ header: [String], _ rows: [[CSVField]]) -> String {
    var text = header.map { CSVField.text($0).encoded }.joined(separator: ",") + "\n"
    for row in rows {
      text += row.map(\.encoded).joined(separator: ",") + "\n"
    }
    return text
  }
}

/// One CSV cell: text from input (neutralised and quoted as needed) or a number from the model.
enum CSVField {
  case text(String)
  case number(Double?)
  case integer(Int)

  /// The characters that make a spreadsheet treat a cell as a formula when they lead it.
  static let formulaLeaders: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

  var encoded: String {
    switch self {
    case .integer(let value):
      return String(value)
    case .number(let value):
      return OutputNumber.plain(value)
    case .text(let raw):
      var text = raw
      if let first = text.unicodeScalars.first, Self.formulaLeaders.contains(Character(first)) {
        text = "'" + text
      }
      let needsQuotes = text.contains { $0 == "\"" || $0 == "," || $0.isNewline }
      guard needsQuotes else { return text }
      return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
  }
}
