import Foundation
import Testing

/// The real export, in the shared folder beside the repository.
private let sharedExport = PlaintBinary.repositoryRoot.deletingLastPathComponent()
  .appendingPathComponent("shared/realdata/cn-car-complaints-2024/car_complaints_20240429.csv")

/// End-to-end: the committed example for the real Chinese car-complaint export
/// (datasets/examples/cn-car-complaints) classifies at least 80 % of a month from the text alone.
///
/// The export lives in the shared folder beside the repository, not in it; without that folder
/// the suite is skipped.
@Suite(
  .enabled(if: PlaintBinary.isBuilt, "build plaint first (make test does)"),
  .enabled(
    if: FileManager.default.fileExists(atPath: sharedExport.path),
    "the shared export ../shared/realdata/cn-car-complaints-2024 is absent"))
struct ExampleTaxonomyTests {
  static let config = "datasets/examples/cn-car-complaints/plaint.yml"

  private func run(period: String) throws -> [String: Any] {
    let reports = FileManager.default.temporaryDirectory
      .appendingPathComponent("plaint-cn-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: reports) }
    let result = try PlaintBinary.run(
      [
        "run", "--config", Self.config, "--store", ":memory:", "--reports-dir", reports.path,
        "--period", period, "--quiet",
      ], in: PlaintBinary.repositoryRoot)
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let data = try Data(
      contentsOf: reports.appendingPathComponent("\(period)/report.json"))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  @Test func classifiesAtLeastEightyPercentOfTheLastMonthFromTheText() throws {
    let json = try run(period: "2024-04")
    let totals = try #require(json["totals"] as? [String: Any])
    #expect(totals["complaints"] as? Int == 1657)
    let share = try #require(totals["classified_share"] as? Double)
    #expect(share >= 0.80, "classified_share \(share)")

    let inputs = try #require(json["inputs"] as? [[String: Any]])
    #expect(inputs.count == 1)
    let input = try #require(inputs.first)
    #expect(input["rows_read"] as? Int == 4671)
    #expect(input["accepted"] as? Int == 4671)
    #expect(input["rejected"] as? Int == 0)
    #expect(input["duplicates"] as? Int == 0)
    #expect(input["filtered"] as? Int == 0)
  }

  @Test func everyBrandBelongsToAProductLine() throws {
    let json = try run(period: "2024-04")
    let pareto = try #require(json["pareto"] as? [String: Any])
    let lines = try #require(pareto["by_product_line"] as? [[String: Any]])
    let keys = Set(lines.compactMap { $0["key"] as? String })
    #expect(keys == ["新能源品牌", "合资与进口品牌", "自主品牌"], "no brand is unassigned")
  }
}
