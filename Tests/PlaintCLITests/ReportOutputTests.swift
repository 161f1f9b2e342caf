import Foundation
import Testing

/// What every produced report must satisfy: the committed JSON Schema, inert hostile text in
/// every file, and customer names only when the configuration allows them.
@Suite(.enabled(if: PlaintBinary.isBuilt, "build plaint first (make test does)"))
struct ReportOutputTests {
  static let schemaValidator = PlaintBinary.repositoryRoot.appendingPathComponent(
    "schemas/validate.py")

  /// Violations of schemas/report.schema.json, one line each (Debian's python3-jsonschema).
  static func schemaViolations(_ reports: [URL]) throws -> [String] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    process.arguments = [schemaValidator.path] + reports.map(\.path)
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    if process.terminationStatus == 0 { return [] }
    let lines = text.split(separator: "\n").map(String.init)
    return lines.isEmpty ? ["validator exited \(process.terminationStatus)"] : lines
  }

  /// Hostile values a ticket export can carry, as they would reach a browser or a spreadsheet.
  static let script = "<script>alert('x')</script>"
  static let formulaCustomer = "=HYPERLINK(\"http://evil.example\",\"win\")"
  static let formulaAgent = "@SUM(A1:A9)"
  static let name = "Zoë Secret-Name"

  /// The small fixture with three hostile tickets in the anomalous cell of 2026-02.
  static func hostileCopy(customerNames: Bool) throws -> URL {
    let directory = try PlaintBinary.copyFixture("small")
    let export = directory.appendingPathComponent("exports/zendesk.csv")
    var text = try String(contentsOf: export, encoding: .utf8)
    for (index, day) in [3, 10, 17].enumerated() {
      let subject = "The kettle stopped working \(script)"
      text +=
        "\(9001 + index),\"\(subject)\",\"\(subject) -2+3\",solved,normal,\"+1 web\",\(name),\"\(formulaCustomer.replacingOccurrences(of: "\"", with: "\"\""))\",\(formulaAgent),,KT-100,,2026-02-\(String(format: "%02d", day)) 11:00,2026-02-\(String(format: "%02d", day)) 12:00,\n"
    }
    try text.write(to: export, atomically: true, encoding: .utf8)
    if customerNames {
      let config = directory.appendingPathComponent("plaint.yml")
      let yaml = try String(contentsOf: config, encoding: .utf8)
        .replacingOccurrences(
          of: "reports:\n  dir: reports", with: "reports:\n  dir: reports\n  customer_names: true")
      try yaml.write(to: config, atomically: true, encoding: .utf8)
    }
    return directory
  }

  @Test func everyReportValidatesAgainstTheSchema() throws {
    let directory = try Self.hostileCopy(customerNames: false)
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try PlaintBinary.run(["run", "--config", "plaint.yml", "-q"], in: directory)
    #expect(run.status == 0, "stderr: \(run.stderr)")
    let reports = [
      directory.appendingPathComponent("reports/2026-02/report.json"),
      PlaintBinary.repositoryRoot.appendingPathComponent("reports/demo/report.json"),
    ]
    let violations = try Self.schemaViolations(reports)
    #expect(violations.isEmpty, "\(violations.prefix(10).joined(separator: "\n"))")
  }

  @Test func theSchemaRejectsAReportThatBreaksIt() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("plaint-schema-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let demo = PlaintBinary.repositoryRoot.appendingPathComponent("reports/demo/report.json")
    var json = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: demo)) as? [String: Any])
    json["period"] = "October"
    json.removeValue(forKey: "totals")
    let broken = directory.appendingPathComponent("report.json")
    try JSONSerialization.data(withJSONObject: json).write(to: broken)
    let violations = try Self.schemaViolations([broken])
    #expect(violations.contains { $0.contains(": period: ") })
    #expect(violations.contains { $0.contains("'totals' is a required property") })
  }

  @Test func hostileTicketTextIsInertInEveryOutput() throws {
    let directory = try Self.hostileCopy(customerNames: false)
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try PlaintBinary.run(["run", "--config", "plaint.yml", "-q"], in: directory)
    #expect(run.status == 0, "stderr: \(run.stderr)")
    let folder = directory.appendingPathComponent("reports/2026-02")
    let tickets = try String(
      contentsOf: folder.appendingPathComponent("anomaly-tickets.csv"), encoding: .utf8)
    #expect(tickets.contains("9001"), "the hostile tickets are behind the anomaly")

    let html = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(!html.contains("<script"))
    #expect(!html.lowercased().contains("<script"))

    // In every CSV, no cell starts with a formula character (quoting aside).
    for name in ["anomaly-tickets.csv", "anomalies.csv", "pareto.csv", "grid.csv", "rejects.csv"] {
      let csv = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
      for cell in Self.cells(csv) {
        guard let first = cell.first else { continue }
        let isNumber = Double(cell) != nil
        #expect(isNumber || !"=+-@\t\r".contains(first), "\(name): formula cell \(cell)")
      }
    }
    #expect(tickets.contains("'=HYPERLINK"))
    #expect(tickets.contains("'@SUM(A1:A9)"))

    // Names stay out unless the config allows them.
    for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
      let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
      #expect(!text.contains(Self.name), "\(file) shows a customer name")
    }
  }

  @Test func customerNamesAppearOnlyWhenTheConfigAllows() throws {
    let directory = try Self.hostileCopy(customerNames: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try PlaintBinary.run(["run", "--config", "plaint.yml", "-q"], in: directory)
    #expect(run.status == 0, "stderr: \(run.stderr)")
    let tickets = try String(
      contentsOf: directory.appendingPathComponent("reports/2026-02/anomaly-tickets.csv"),
      encoding: .utf8)
    #expect(tickets.split(separator: "\n").first?.contains("customer_name") == true)
    #expect(tickets.contains(Self.name))
  }

  /// The cells of a CSV (RFC 4180 quoting), for scanning.
  static func cells(_ csv: String) -> [String] {
    var cells: [String] = []
    var current = ""
    var quoted = false
    var previousQuote = false
    for character in csv {
      if quoted {
        if character == "\"" {
          quoted = false
          previousQuote = true
        } else {
          current.append(character)
        }
        continue
      }
      switch character {
      case "\"":
        if previousQuote { current.append("\"") }
        quoted = true
      case ",", "\n", "\r\n":
        cells.append(current)
        current = ""
      default:
        current.append(character)
      }
      previousQuote = false
    }
    if !current.isEmpty { cells.append(current) }
    return cells
  }
}
