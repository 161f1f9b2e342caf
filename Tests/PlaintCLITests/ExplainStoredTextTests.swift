import Foundation
import Testing

/// `plaint explain` reads a ticket's narrative back from the store (from its compressed block)
/// and folds it: the words of the export's subject are in the folded text it prints.
@Suite(.enabled(if: PlaintBinary.isBuilt, "build plaint first (make test does)"))
struct ExplainStoredTextTests {
  @Test func explainShowsEachTicketsOwnTextFromTheStore() throws {
    let directory = try PlaintBinary.copyFixture("small")
    defer { try? FileManager.default.removeItem(at: directory) }
    let config = directory.appendingPathComponent("plaint.yml")
    try String(contentsOf: config, encoding: .utf8)
      .replacingOccurrences(of: "store: \":memory:\"", with: "store: plaint.db")
      .write(to: config, atomically: true, encoding: .utf8)
    let run = try PlaintBinary.run(["run", "--config", "plaint.yml", "-q"], in: directory)
    #expect(run.status == 0, "stderr: \(run.stderr)")
    // Every 25th unquoted row of the export (id, subject).
    let export = try String(
      contentsOf: directory.appendingPathComponent("exports/zendesk.csv"), encoding: .utf8)
    var subjects: [String: String] = [:]
    for (index, line) in export.split(whereSeparator: \.isNewline).dropFirst().enumerated()
    where index % 25 == 0 && !line.contains("\"") {
      let fields = line.split(separator: ",", omittingEmptySubsequences: false)
      guard fields.count > 2, Int(fields[0]) != nil, !fields[1].isEmpty else { continue }
      subjects[String(fields[0])] = String(fields[1])
    }
    #expect(subjects.count >= 5 && Set(subjects.values).count >= 2, "\(subjects)")
    for (id, subject) in subjects.sorted(by: { $0.key < $1.key }) {
      let result = try PlaintBinary.run(
        ["explain", "--config", "plaint.yml", id], in: directory)
      #expect(result.status == 0, "\(id): \(result.stderr)")
      let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
      let folded = try #require(
        lines.firstIndex { $0.hasPrefix("folded text:") }.map { lines[$0 + 1] }, "\(result.stdout)")
      #expect(folded.contains(subject.lowercased()), "\(id): \(folded)")
    }
  }
}
