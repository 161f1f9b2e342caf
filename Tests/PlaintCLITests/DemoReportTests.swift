import Foundation
import Testing

/// The committed sample report must be exactly what the demo data produces today.
@Suite(.enabled(if: PlaintBinary.isBuilt, "build plaint first (make test does)"))
struct DemoReportTests {
  static let demoConfig = PlaintBinary.repositoryRoot.appendingPathComponent(
    "datasets/demo/plaint.yml")
  static let committed = PlaintBinary.repositoryRoot.appendingPathComponent("reports/demo")

  @Test(.enabled(if: FileManager.default.fileExists(atPath: demoConfig.path)))
  func committedDemoReportHasNotDrifted() throws {
    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("plaint-demo-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let result = try PlaintBinary.run([
      "run", "--config", Self.demoConfig.path, "--store", ":memory:", "--reports-dir",
      scratch.path, "--period", "2026-10", "--quiet",
    ])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let fresh = scratch.appendingPathComponent("2026-10")
    let names = try FileManager.default.contentsOfDirectory(atPath: fresh.path).sorted()
    let committedNames = try FileManager.default.contentsOfDirectory(
      atPath: Self.committed.path
    ).sorted()
    #expect(names == committedNames)
    for name in names where name != "manifest.json" {
      let now = try Data(contentsOf: fresh.appendingPathComponent(name))
      let then = try Data(contentsOf: Self.committed.appendingPathComponent(name))
      #expect(now == then, "reports/demo/\(name) drifted: run `make demo` and commit the result")
    }
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: demoConfig.path)))
  func demoFlagsTheStepButNotTheVolumeJump() throws {
    let data = try Data(contentsOf: Self.committed.appendingPathComponent("report.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let anomalies = try #require(json["anomalies"] as? [[String: Any]])
    let cells = anomalies.map {
      "\($0["category"] ?? "")/\($0["product_line"] ?? "")/\($0["tier"] ?? "")"
    }
    #expect(cells.contains("product/Coffee Machines/consumer"))
    #expect(!cells.contains { $0.contains("Air Fryers") })
    #expect(!cells.contains("service/Robot Vacuums/consumer"))
  }

  /// The report's series hold each earlier month as that month's own report judged it (the
  /// detector walks the periods in time order), so this is `plaint report --period P` for each P.
  @Test(.enabled(if: FileManager.default.fileExists(atPath: demoConfig.path)))
  func demoInControlMonthsFlagNothingAndTheStepIsFlaggedInItsFirstMonth() throws {
    let data = try Data(contentsOf: Self.committed.appendingPathComponent("report.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let cells = try #require(json["cells"] as? [[String: Any]])
    var flagged: [String: [String]] = [:]
    for cell in cells {
      let name = "\(cell["category"] ?? "")/\(cell["product_line"] ?? "")/\(cell["tier"] ?? "")"
      for point in cell["series"] as? [[String: Any]] ?? []
      where point["status"] as? String == "anomaly" {
        flagged[point["period"] as? String ?? "", default: []].append(name)
      }
    }
    for month in 11...20 {
      let period = String(format: "%04d-%02d", 2025 + (month - 1) / 12, (month - 1) % 12 + 1)
      #expect(flagged[period] == nil, "\(period) flags \(flagged[period] ?? [])")
    }
    #expect(flagged["2026-09"] == ["product/Coffee Machines/consumer"])
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: demoConfig.path)))
  func demoShowsTheNineOClockAgentTheReleaseStepAndTheRepeatComplainant() throws {
    let data = try Data(contentsOf: Self.committed.appendingPathComponent("report.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let recurrence = try #require(json["recurrence"] as? [String: Any])
    let concentrations = try #require(recurrence["concentrations"] as? [[String: Any]])
    let found = Set(
      concentrations.map {
        "\($0["category"] ?? "")/\($0["product_line"] ?? "")/\($0["tier"] ?? "") "
          + "\($0["dimension"] ?? "")=\($0["value"] ?? "")"
      })
    #expect(
      found == [
        "service/Robot Vacuums/consumer hour=09",
        "service/Robot Vacuums/consumer agent=Tobias Brandt",
      ])
    let releases = try #require(recurrence["releases"] as? [[String: Any]])
    let verdicts = Dictionary(
      uniqueKeysWithValues: releases.map {
        ($0["product_line"] as? String ?? "", $0["verdict"] as? String ?? "")
      })
    #expect(verdicts == ["Coffee Machines": "up", "Kettles": "no change"])
    let repeats = try #require(recurrence["repeat_customers"] as? [[String: Any]])
    #expect(
      repeats.contains {
        $0["customer"] as? String == "j.schaefer.kaffee@web.de" && $0["count"] as? Int == 5
          && $0["key_account"] as? Bool == false
      })
    let anomalies = try #require(json["anomalies"] as? [[String: Any]])
    #expect(anomalies.first?["owner"] as? String == "Team Brew")
    let html = try String(
      contentsOf: Self.committed.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(html.contains("<g class=\"marker\"><title>CM-3600 water tank rev B</title>"))
  }
}
