import Foundation
import Testing

/// End-to-end: the built `plaint` on a small fixture — 14 months, two product lines, a step in
/// the last month in product quality / Kettles / consumer.
@Suite(.enabled(if: PlaintBinary.isBuilt, "build plaint first (make test does)"))
struct RunCommandTests {
  private func report(_ directory: URL) throws -> [String: Any] {
    let data = try Data(
      contentsOf: directory.appendingPathComponent("reports/2026-02/report.json"))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  @Test func writesTheReportAndFlagsThePlantedStep() throws {
    let directory = try PlaintBinary.copyFixture("small")
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try PlaintBinary.run(["run", "--config", "plaint.yml", "--quiet"], in: directory)
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.contains("2026-02: 45 complaints"))

    let json = try report(directory)
    #expect(json["schema"] as? String == "plaint.report/1")
    let totals = try #require(json["totals"] as? [String: Any])
    #expect(totals["complaints"] as? Int == 45)

    let inputs = try #require(json["inputs"] as? [[String: Any]])
    let input = try #require(inputs.first)
    #expect(input["rows_read"] as? Int == 339)
    #expect(input["accepted"] as? Int == 337)
    #expect(input["rejected"] as? Int == 1)
    #expect(input["duplicates"] as? Int == 1)

    let cells = try #require(json["cells"] as? [[String: Any]])
    let kettles = try #require(
      cells.first {
        $0["category"] as? String == "product" && $0["product_line"] as? String == "Kettles"
          && $0["tier"] as? String == "consumer"
      })
    let series = try #require(kettles["series"] as? [[String: Any]])
    #expect(series.count == 14)
    #expect(series.last?["count"] as? Int == 24)

    let anomalies = try #require(json["anomalies"] as? [[String: Any]])
    let step = anomalies.first {
      $0["category"] as? String == "product" && $0["product_line"] as? String == "Kettles"
        && $0["tier"] as? String == "consumer"
    }
    #expect(step?["status"] as? String == "new")
    #expect(step?["count"] as? Int == 24)
    #expect(!anomalies.contains { $0["product_line"] as? String == "Blenders" })

    for file in [
      "index.html", "summary.md", "anomalies.csv", "pareto.csv", "grid.csv",
      "anomaly-tickets.csv", "rejects.csv", "manifest.json",
    ] {
      let path = directory.appendingPathComponent("reports/2026-02/\(file)").path
      #expect(FileManager.default.fileExists(atPath: path), "missing \(file)")
    }
  }

  @Test func failOnAnomalyExitsThree() throws {
    let directory = try PlaintBinary.copyFixture("small")
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try PlaintBinary.run(
      ["run", "--config", "plaint.yml", "--quiet", "--fail-on-anomaly"], in: directory)
    #expect(result.status == 3)
  }

  @Test func sameInputsGiveTheSameBytes() throws {
    let directory = try PlaintBinary.copyFixture("small")
    defer { try? FileManager.default.removeItem(at: directory) }
    _ = try PlaintBinary.run(["run", "--config", "plaint.yml", "--quiet"], in: directory)
    let reportDir = directory.appendingPathComponent("reports/2026-02")
    let first = try FileManager.default.contentsOfDirectory(atPath: reportDir.path).sorted()
    let before = try first.map { try Data(contentsOf: reportDir.appendingPathComponent($0)) }
    _ = try PlaintBinary.run(["run", "--config", "plaint.yml", "--quiet"], in: directory)
    for (name, data) in zip(first, before) where name != "manifest.json" {
      #expect(
        try Data(contentsOf: reportDir.appendingPathComponent(name)) == data, "\(name) changed")
    }
  }

  @Test(arguments: [
    (["run", "--config", "missing.yml"], Int32(66), "missing.yml"),
    (["run", "--config", "plaint.yml", "--period", "2026-13"], Int32(64), "--period 2026-13"),
    (["run", "--config", "typo.yml"], Int32(78), "`contrl`"),
  ])
  func failuresExitWithTheirCodeAndOneLine(arguments: [String], status: Int32, names: String)
    throws
  {
    let directory = try PlaintBinary.copyFixture("small")
    defer { try? FileManager.default.removeItem(at: directory) }
    let typo = try String(
      contentsOf: directory.appendingPathComponent("plaint.yml"), encoding: .utf8
    )
    .replacingOccurrences(of: "control:", with: "contrl:")
    try typo.write(
      to: directory.appendingPathComponent("typo.yml"), atomically: true, encoding: .utf8)
    let result = try PlaintBinary.run(arguments, in: directory)
    #expect(result.status == status)
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count == 1, "stderr: \(result.stderr)")
    #expect(result.stderr.contains(names))
  }
}
