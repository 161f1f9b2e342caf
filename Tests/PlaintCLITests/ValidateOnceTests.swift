import Foundation
import Testing

/// `plaint validate` says each error once: on stderr, one line in the CLI's error style, and not
/// again in the listing on stdout (which keeps the accounting and the warnings; `--format json`
/// keeps every problem for scripts).
@Suite(.enabled(if: PlaintBinary.isBuilt, "build plaint first (make test does)"))
struct ValidateOnceTests {
  @Test func aTaxonomyErrorIsPrintedOnce() throws {
    let directory = try PlaintBinary.copyFixture("small")
    defer { try? FileManager.default.removeItem(at: directory) }
    let taxonomy = directory.appendingPathComponent("taxonomy.yml")
    let text = try String(contentsOf: taxonomy, encoding: .utf8)
    try text.replacingOccurrences(of: "      defect:\n", with: "      unclassified:\n")
      .write(to: taxonomy, atomically: true, encoding: .utf8)
    let message = "the issue name `unclassified` is reserved for tickets no rule matches"

    let result = try PlaintBinary.run(["validate", "--config", "plaint.yml", "-q"], in: directory)
    #expect(result.status == 78)
    let both = result.stdout + result.stderr
    #expect(both.components(separatedBy: message).count == 2, "once: \(both)")
    #expect(
      result.stderr.trimmingCharacters(in: .newlines)
        == "plaint: error: taxonomy.yml: product.unclassified: \(message)", "\(result.stderr)")

    let json = try PlaintBinary.run(
      ["validate", "--config", "plaint.yml", "-q", "--format", "json"], in: directory)
    #expect(json.status == 78)
    #expect(json.stdout.contains(message), "scripts still get every problem: \(json.stdout)")
  }
}
