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
