import Foundation
import Testing

/// End-to-end: the built `plaint chart` and `plaint pareto` on the files in Fixtures/chart.
@Suite(.enabled(if: PlaintBinary.isBuilt, "build plaint first (make test does)"))
struct ChartCommandTests {
  private let folder = PlaintBinary.fixtures.appendingPathComponent("chart")

  private func parse(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test func chartPrintsTheDocumentedJSON() throws {
    let result = try PlaintBinary.run(
      ["chart", "--input", "counts.csv", "--method", "u", "--baseline", "1-12"], in: folder)
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stderr.isEmpty)
    let json = try parse(result.stdout)
    #expect(Set(json.keys) == ["chart", "center", "sigma_z", "phi", "points"])
    #expect(json["chart"] as? String == "u")
    let points = try #require(json["points"] as? [[String: Any]])
    #expect(points.count == 24)
    #expect(points[14]["status"] as? String == "no_exposure")
    let spike = points[20]
    #expect(spike["period"] as? String == "2025-09")
    #expect(spike["status"] as? String == "anomaly")
    let signals = try #require(spike["signals"] as? [[String: Any]])
    #expect(signals.map { Set($0.keys) } == [["rule", "first", "trigger", "last"]])
    #expect(signals.first?["rule"] as? String == "beyond_limit")
  }

  @Test func chartAndParetoGiveTheSameBytesEveryTime() throws {
    for arguments in [
      ["chart", "--input", "counts.csv", "--format", "md"],
      ["chart", "--input", "counts.csv", "--format", "svg"],
      ["pareto", "--input", "items.csv", "--format", "md"],
    ] {
      let first = try PlaintBinary.run(arguments, in: folder)
      let second = try PlaintBinary.run(arguments, in: folder)
      #expect(first.status == 0, "\(arguments): \(first.stderr)")
      #expect(!first.stdout.isEmpty && first.stdout == second.stdout)
    }
  }

  @Test func paretoPrintsTheVitalFew() throws {
    let result = try PlaintBinary.run(["pareto", "--input", "items.csv"], in: folder)
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let json = try parse(result.stdout)
    let rows = try #require(json["rows"] as? [[String: Any]])
    #expect(rows.count == 9)
    // 41 + 28 + 17 + 9 = 95 of 112 first reaches 80 %; "wrong item" ties with "rude staff"
    // at the cut; "packaging, damaged" kept its comma.
    let vital = rows.filter { $0["vital"] as? Bool == true }.compactMap { $0["key"] as? String }
    #expect(vital == ["refund delay", "defective on arrival", "late delivery", "rude staff"])
    let tied = rows.filter { $0["tied_at_cut"] as? Bool == true }.compactMap {
      $0["key"] as? String
    }
    #expect(tied == ["rude staff", "wrong item"])
    #expect(rows.contains { $0["key"] as? String == "packaging, damaged" })
    #expect(rows.last?["key"] as? String == "warranty refused")
  }

  @Test(
    arguments: [
      (
        ["chart", "--input", "counts.csv", "--baseline", "5-2"], Int32(64),
        "plaint: error: --baseline 5-2: FIRST is after LAST; give the earlier row first, such as 2-5"
      ),
      (
        ["chart", "--input", "nothing-here.csv"], 66,
        "plaint: error: nothing-here.csv: file not found; check the --input path"
      ),
      (
        ["chart", "--input", "bad-count.csv"], 65,
        "plaint: error: bad-count.csv:3: column `count`: \"eleven\" is not a whole number ≥ 0; write a count such as 12"
      ),
      (
        ["pareto", "--input", "items.csv", "--threshold", "80"], 64,
        "plaint: error: --threshold 80: give a share above 0 and at most 1, such as 0.8 for 80 %"
      ),
      (
        ["pareto", "--input", "counts.csv"], 65,
        "plaint: error: counts.csv: the header row has no `key` column; the first row must name the columns key,count[,weight]"
      ),
    ] as [([String], Int32, String)])
  func failuresExitWithOneLine(_ arguments: [String], _ status: Int32, _ line: String) throws {
    let result = try PlaintBinary.run(arguments, in: folder)
    #expect(result.status == status)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr == line + "\n")
  }
}
