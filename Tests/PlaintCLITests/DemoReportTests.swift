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
}
