import Foundation
import Testing

/// `plaint taxonomy test` and `plaint taxonomy suggest` on the `labelled` fixture: twelve
/// tickets whose right answers are known (see LabelledEvaluationTests for the arithmetic).
@Suite(.enabled(if: PlaintBinary.isBuilt, "build plaint first (make test does)"))
struct TaxonomyCommandTests {
  /// A copy of the fixture with its store filled by a run.
  private func prepared() throws -> URL {
    let directory = try PlaintBinary.copyFixture("labelled")
    let run = try PlaintBinary.run(
      ["run", "--config", "plaint.yml", "--period", "2026-01", "--quiet"], in: directory)
    #expect(run.status == 0, "stderr: \(run.stderr)")
    return directory
  }

  @Test func labelsGiveCoverageAccuracyAndATracePerMistake() throws {
    let directory = try prepared()
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try PlaintBinary.run(
      ["taxonomy", "test", "--config", "plaint.yml", "--labels", "labels.csv"], in: directory)
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.contains("coverage  75.0 %  (9 of 12 tickets matched a rule)"))
    #expect(lines.contains("accuracy  58.3 %  (7 of 12 right; 66.7 % of the classified)"))
    #expect(lines.contains("  labels.csv:14: ticket 99 is not in the store"))
    let defect = try #require(lines.first { $0.hasPrefix("product.defect ") })
    #expect(
      defect.split(separator: " ").filter { !$0.isEmpty } == [
        "product.defect", "3", "6", "3", "50.0", "%", "100.0", "%",
      ])
    #expect(lines.contains("  2  policy.refund → product.defect"))
    #expect(
      lines.contains(
        "  shop:5: labelled service.late_delivery; got product.defect by product.defect "
          + "\"stopped working\"; service.late_delivery \"late\" matched but lost: shorter "
          + "(4 < 15 characters)"))
  }

  @Test func jsonCarriesTheSameNumbers() throws {
    let directory = try prepared()
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try PlaintBinary.run(
      [
        "taxonomy", "test", "--config", "plaint.yml", "--labels", "labels.csv", "--format",
        "json",
      ], in: directory)
    #expect(result.status == 0)
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(document["tickets"] as? Int == 12)
    #expect(document["correct"] as? Int == 7)
    #expect(document["classified"] as? Int == 9)
    #expect((document["mistakes"] as? [[String: Any]])?.count == 5)
    let issues = try #require(document["issues"] as? [[String: Any]])
    let refund = try #require(issues.first { $0["issue"] as? String == "policy.refund" })
    #expect(refund["recall"] as? Double == 0.2)
    #expect(refund["precision"] as? Double == 1)
  }

  @Test(arguments: [(0.5, Int32(0)), (0.583, Int32(0)), (0.6, Int32(3)), (1.0, Int32(3))])
  func minAccuracyFailsOnlyWhenMissed(threshold: Double, status: Int32) throws {
    let directory = try prepared()
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try PlaintBinary.run(
      [
        "taxonomy", "test", "--config", "plaint.yml", "--labels", "labels.csv",
        "--min-accuracy", "\(threshold)",
      ], in: directory)
    #expect(result.status == status)
    if status == 3 {
      let expected = String(format: "%.1f %%", threshold * 100)
      #expect(
        result.stderr == "plaint: error: accuracy 58.3 % is below --min-accuracy \(expected)\n")
    }
  }

  @Test func withoutLabelsEachRuleShowsItsRecordAndTheSilentOnes() throws {
    let directory = try prepared()
    defer { try? FileManager.default.removeItem(at: directory) }
    let first = try PlaintBinary.run(
      ["taxonomy", "test", "--config", "plaint.yml", "--seed", "7"], in: directory)
    #expect(first.status == 0)
    let lines = first.stdout.split(separator: "\n").map(String.init)
    #expect(lines.contains("tickets: 12 in the store, 9 matched a rule (75.0 %)"))
    let broken = try #require(lines.first { $0.hasPrefix("product.defect \"broken\"") })
    #expect(broken.split(separator: " ").suffix(4) == ["3", "25.0", "%", "3"])
    #expect(lines.contains("rules that never fired: 1"))
    #expect(lines.contains("  policy.warranty_claim \"guarantee claim\""))
    #expect(lines.contains("  2  product.defect + policy.refund"))
    let again = try PlaintBinary.run(
      ["taxonomy", "test", "--config", "plaint.yml", "--seed", "7"], in: directory)
    #expect(again.stdout == first.stdout, "the same seed shows the same samples")
  }

  @Test func splitScoresOneHalfAndSaysWhich() throws {
    let directory = try prepared()
    defer { try? FileManager.default.removeItem(at: directory) }
    var scored = 0
    for half in ["train", "test"] {
      let result = try PlaintBinary.run(
        [
          "taxonomy", "test", "--config", "plaint.yml", "--labels", "labels.csv", "--split", half,
          "--format", "json",
        ], in: directory)
      let document = try #require(
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
      #expect(document["split"] as? String == half)
      scored += document["tickets"] as? Int ?? 0
    }
    #expect(scored == 12, "the halves share no ticket and miss none")
  }

  @Test func suggestPrintsYAMLAndNeverWritesTheTaxonomy() throws {
    let directory = try prepared()
    defer { try? FileManager.default.removeItem(at: directory) }
    let taxonomy = directory.appendingPathComponent("taxonomy.yml")
    let before = try Data(contentsOf: taxonomy)
    let result = try PlaintBinary.run(
      [
        "taxonomy", "suggest", "--config", "plaint.yml", "--labels", "labels.csv",
        "--min-support", "1", "--min-precision", "0.5",
      ], in: directory)
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(try Data(contentsOf: taxonomy) == before)
    #expect(result.stdout.hasPrefix("# plaint taxonomy suggest: mined from all 12 labelled"))
    #expect(result.stdout.contains("# no held-out score"))
  }

  @Test func badLabelsNameTheLine() throws {
    let directory = try prepared()
    defer { try? FileManager.default.removeItem(at: directory) }
    try "id,issue\n1,defect\n2,\n".write(
      to: directory.appendingPathComponent("bad.csv"), atomically: true, encoding: .utf8)
    let result = try PlaintBinary.run(
      ["taxonomy", "test", "--config", "plaint.yml", "--labels", "bad.csv"], in: directory)
    #expect(result.status == 65)
    #expect(result.stderr == "plaint: error: bad.csv:3: ticket 2 has an empty issue\n")
  }
}
