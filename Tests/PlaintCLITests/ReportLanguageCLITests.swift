import Foundation
import Testing

/// `reports: {language: …}` and taxonomy labels end to end: the demo in Turkish with a few
/// labels, checked in every file a person or a program reads.
@Suite(.enabled(if: PlaintBinary.isBuilt, "build plaint first (make test does)"))
struct ReportLanguageCLITests {
  static let demo = PlaintBinary.repositoryRoot.appendingPathComponent("datasets/demo")

  /// A copy of the demo whose config asks for `language` and whose taxonomy labels one issue,
  /// one product line and one tier.
  static func labelledDemo(language: String) throws -> URL {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("plaint-language-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: demo, to: directory)
    let config = directory.appendingPathComponent("plaint.yml")
    let yaml = try String(contentsOf: config, encoding: .utf8)
      .replacingOccurrences(of: "\nreports:\n", with: "\nreports:\n  language: \(language)\n")
    try yaml.write(to: config, atomically: true, encoding: .utf8)
    let taxonomyFile = directory.appendingPathComponent("taxonomy.yml")
    let taxonomy =
      try String(contentsOf: taxonomyFile, encoding: .utf8)
      .replacingOccurrences(
        of: "      slow_response:\n",
        with: "      slow_response:\n        label: {en: Slow response, tr: Yavaş yanıt}\n"
      )
      .replacingOccurrences(
        of: "  Coffee Machines:\n", with: "  Coffee Machines:\n    label: {tr: Kahve makineleri}\n")
      + "tiers:\n  consumer: {label: {tr: Bireysel}}\n"
    try taxonomy.write(to: taxonomyFile, atomically: true, encoding: .utf8)
    return directory
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: demo.path)))
  func theDemoReadsInTurkishWithLabelsAndItsJSONKeepsIds() throws {
    let directory = try Self.labelledDemo(language: "tr")
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try PlaintBinary.run(
      [
        "run", "--config", "plaint.yml", "--store", ":memory:", "--reports-dir", "reports",
        "--period", "2026-10", "--quiet",
      ], in: directory)
    #expect(run.status == 0, "stderr: \(run.stderr)")
    let folder = directory.appendingPathComponent("reports/2026-10")
    let html = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
    let summary = try String(
      contentsOf: folder.appendingPathComponent("summary.md"), encoding: .utf8)

    #expect(html.contains("<html lang=\"tr\">"))
    #expect(summary.hasPrefix("# Şikâyetler Ekim 2026\n"))
    #expect(summary.contains("**1.008 şikâyet**"))
    for page in [html, summary] {
      #expect(page.contains("Yavaş yanıt"))
      #expect(page.contains("ürün / Kahve makineleri / Bireysel"))
      #expect(!page.contains("slow_response"))
      #expect(!page.contains("Coffee Machines / consumer"))
    }

    let json = try #require(
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: folder.appendingPathComponent("report.json"))) as? [String: Any])
    #expect(json["language"] as? String == "tr")
    let labels = try #require(json["labels"] as? [String: [String: String]])
    #expect(labels["issues"]?["service.slow_response"] == "Yavaş yanıt")
    #expect(labels["product_lines"]?["Coffee Machines"] == "Kahve makineleri")
    #expect(labels["tiers"]?["consumer"] == "Bireysel")
    let anomalies = try #require(json["anomalies"] as? [[String: Any]])
    #expect(anomalies.first?["product_line"] as? String == "Coffee Machines")
    let method = try #require(json["method"] as? [String: Any])
    #expect((method["description"] as? String)?.hasPrefix("Control method auto") == true)
    // The CSV files are for programs: ids, English headers.
    let grid = try String(contentsOf: folder.appendingPathComponent("grid.csv"), encoding: .utf8)
    #expect(grid.contains("Coffee Machines"))

    let violations = try ReportOutputTests.schemaViolations([
      folder.appendingPathComponent("report.json")
    ])
    #expect(violations.isEmpty, "\(violations.prefix(10).joined(separator: "\n"))")
  }

  @Test func anUnknownLanguageStopsTheRunNamingTheKey() throws {
    let directory = try PlaintBinary.copyFixture("small")
    defer { try? FileManager.default.removeItem(at: directory) }
    let config = directory.appendingPathComponent("plaint.yml")
    let yaml = try String(contentsOf: config, encoding: .utf8)
      .replacingOccurrences(
        of: "reports:\n  dir: reports", with: "reports:\n  dir: reports\n  language: it")
    try yaml.write(to: config, atomically: true, encoding: .utf8)
    let run = try PlaintBinary.run(["run", "--config", "plaint.yml", "-q"], in: directory)
    #expect(run.status == 78)
    #expect(
      run.stderr.contains(
        "`reports.language`: \"it\" is not one of: en, de, fr, es, pl, tr, el, zh"),
      "stderr: \(run.stderr)")
  }
}
