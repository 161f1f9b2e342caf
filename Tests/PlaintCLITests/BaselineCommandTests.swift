import Foundation
import Testing

/// `plaint baseline freeze | show | clear`, and reports that say which baseline judged each cell.
@Suite(.enabled(if: PlaintBinary.isBuilt, "build plaint first (make test does)"))
struct BaselineCommandTests {
  private func report(_ directory: URL) throws -> [String: Any] {
    let data = try Data(contentsOf: directory.appendingPathComponent("reports/2026-02/report.json"))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  private func kettles(_ json: [String: Any]) throws -> [String: Any] {
    let cells = try #require(json["cells"] as? [[String: Any]])
    return try #require(
      cells.first {
        $0["category"] as? String == "product" && $0["product_line"] as? String == "Kettles"
          && $0["tier"] as? String == "consumer"
      })
  }

  @Test func frozenBaselinesJudgeLaterRunsAndTheReportSaysSo() throws {
    let directory = try PlaintBinary.copyFixture("small")
    defer { try? FileManager.default.removeItem(at: directory) }
    let store = ["--config", "plaint.yml", "--store", "plaint.db", "-q"]
    #expect(try PlaintBinary.run(["run"] + store, in: directory).status == 0)
    let rolling = try kettles(report(directory))
    #expect((rolling["baseline"] as? [String: Any])?["kind"] as? String == "rolling")

    let none = try PlaintBinary.run(["baseline", "show"] + store, in: directory)
    #expect(none.stdout.hasPrefix("no frozen baselines"))

    let freeze = try PlaintBinary.run(
      ["baseline", "freeze", "--through", "2025-12"] + store, in: directory)
    #expect(freeze.status == 0, "stderr: \(freeze.stderr)")
    #expect(freeze.stdout.hasPrefix("froze "))

    let show = try PlaintBinary.run(["baseline", "show"] + store, in: directory)
    #expect(show.stdout.hasPrefix("frozen through 2025-12"))
    let row = show.stdout.split(separator: "\n").first {
      $0.hasPrefix("product / Kettles / consumer\t")
    }
    let columns = try #require(row).split(separator: "\t").map(String.init)
    // 12 months of 2025 up to the freeze: the window is inside them.
    #expect(columns[1].hasSuffix("2025-12"))
    #expect(Int(columns[2]).map { $0 >= 6 && $0 <= 12 } == true)

    #expect(try PlaintBinary.run(["run"] + store, in: directory).status == 0)
    let json = try report(directory)
    let frozen = try #require(try kettles(json)["baseline"] as? [String: Any])
    #expect(frozen["kind"] as? String == "frozen")
    #expect(frozen["through"] as? String == "2025-12")
    #expect((frozen["window"] as? [String])?.last == "2025-12")
    let method = try #require(json["method"] as? [String: Any])
    #expect((method["description"] as? String)?.contains("frozen through 2025-12") == true)
    // The planted step of 2026-02 stands out against the frozen 2025 baseline too.
    let anomalies = try #require(json["anomalies"] as? [[String: Any]])
    #expect(anomalies.contains { $0["product_line"] as? String == "Kettles" })

    let clear = try PlaintBinary.run(["baseline", "clear"] + store, in: directory)
    #expect(clear.status == 0)
    #expect(try PlaintBinary.run(["run"] + store, in: directory).status == 0)
    #expect(
      (try kettles(report(directory))["baseline"] as? [String: Any])?["kind"] as? String
        == "rolling")
  }

  @Test func mistakesAreOneLine() throws {
    let directory = try PlaintBinary.copyFixture("small")
    defer { try? FileManager.default.removeItem(at: directory) }
    let noStore = try PlaintBinary.run(
      ["baseline", "freeze", "--through", "2025-12", "--store", "plaint.db", "-q"], in: directory)
    #expect(noStore.status == 66)
    #expect(noStore.stderr.contains("run plaint run first"))
    #expect(try PlaintBinary.run(["run", "--store", "plaint.db", "-q"], in: directory).status == 0)
    let badPeriod = try PlaintBinary.run(
      ["baseline", "freeze", "--through", "2025-13", "--store", "plaint.db", "-q"], in: directory)
    #expect(badPeriod.status == 64)
    #expect(badPeriod.stderr.split(separator: "\n").count == 1)
    let tooEarly = try PlaintBinary.run(
      ["baseline", "freeze", "--through", "2019-01", "--store", "plaint.db", "-q"], in: directory)
    // Outside the data, as `--period` outside it: a usage error naming the span.
    #expect(tooEarly.status == 64)
    #expect(tooEarly.stderr.contains("--through 2019-01: outside the data"))
  }
}
