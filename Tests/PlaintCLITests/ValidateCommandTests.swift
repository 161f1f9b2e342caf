import Foundation
import Testing

/// `plaint validate` reads everything `run` would and writes nothing; `plaint profiles` lists the
/// column maps.
@Suite(.enabled(if: PlaintBinary.isBuilt, "build plaint first (make test does)"))
struct ValidateCommandTests {
  private func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test func printsTheRunsAccountingAndWritesNothing() throws {
    let directory = try PlaintBinary.copyFixture("small")
    defer { try? FileManager.default.removeItem(at: directory) }
    let before = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    let result = try PlaintBinary.run(
      ["validate", "--config", "plaint.yml", "--format", "json", "--quiet"], in: directory)
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let document = try json(result.stdout)
    let inputs = try #require(document["inputs"] as? [[String: Any]])
    #expect(inputs.count == 1)
    #expect(inputs[0]["path"] as? String == "exports/zendesk.csv")
    #expect(inputs[0]["rows_read"] as? Int == 339)
    #expect(inputs[0]["accepted"] as? Int == 337)
    #expect(inputs[0]["rejected"] as? Int == 1)
    #expect(inputs[0]["duplicates"] as? Int == 1)
    #expect(inputs[0]["filtered"] as? Int == 0)
    #expect((inputs[0]["sha256"] as? String)?.count == 64)
    #expect((inputs[0]["reasons"] as? [String: Int])?.values.reduce(0, +) == 1)
    #expect((document["problems"] as? [Any])?.isEmpty == true)
    let after = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    #expect(after == before, "validate wrote files")
  }

  @Test func seesWhatTheStoreHasAlreadyReadAndLeavesItUntouched() throws {
    let directory = try PlaintBinary.copyFixture("small")
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try PlaintBinary.run(
      ["run", "--config", "plaint.yml", "--store", "plaint.db", "--quiet"], in: directory)
    #expect(run.status == 0, "stderr: \(run.stderr)")
    let store = directory.appendingPathComponent("plaint.db")
    let storeBefore = try Data(contentsOf: store)
    let result = try PlaintBinary.run(
      ["validate", "--config", "plaint.yml", "--store", "plaint.db", "--format", "json", "-q"],
      in: directory)
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let inputs = try #require(try json(result.stdout)["inputs"] as? [[String: Any]])
    #expect(inputs.first?["already_ingested"] as? Bool == true)
    #expect(inputs.first?["accepted"] as? Int == 337)
    #expect(try Data(contentsOf: store) == storeBefore)
  }

  @Test func aFileMissingAColumnIsAProblemAndTheOthersAreStillCounted() throws {
    let directory = try PlaintBinary.copyFixture("small")
    defer { try? FileManager.default.removeItem(at: directory) }
    let config = directory.appendingPathComponent("plaint.yml")
    var text = try String(contentsOf: config, encoding: .utf8)
    text = text.replacingOccurrences(
      of: "    profile: zendesk\n",
      with: "    profile: zendesk\n  - path: exports/broken.csv\n    profile: zendesk\n")
    try text.write(to: config, atomically: true, encoding: .utf8)
    try "Id,Subject\n1,kettle leaks\n".write(
      to: directory.appendingPathComponent("exports/broken.csv"), atomically: true,
      encoding: .utf8)
    let result = try PlaintBinary.run(
      ["validate", "--config", "plaint.yml", "--format", "json", "-q"], in: directory)
    #expect(result.status == 65)
    let document = try json(result.stdout)
    #expect((document["inputs"] as? [[String: Any]])?.first?["accepted"] as? Int == 337)
    let problem = try #require((document["problems"] as? [[String: Any]])?.first)
    #expect(problem["level"] as? String == "error")
    #expect(problem["path"] as? String == "exports/broken.csv")
    #expect((problem["message"] as? String)?.contains("\"Created at\"") == true)
    let stderrLines = result.stderr.split(separator: "\n")
    #expect(stderrLines.count == 1)
    #expect(stderrLines.first?.contains("exports/broken.csv") == true)
  }

  @Test func textFormatIsATable() throws {
    let directory = try PlaintBinary.copyFixture("small")
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try PlaintBinary.run(["validate", "--config", "plaint.yml", "-q"], in: directory)
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.first?.hasPrefix("file") == true)
    #expect(lines.contains { $0.hasPrefix("exports/zendesk.csv") && $0.contains("337") })
    #expect(lines.last == "ok: nothing was written")
  }

  @Test func profilesListEveryBuiltInAndWhatItLacks() throws {
    let text = try PlaintBinary.run(["profiles"])
    #expect(text.status == 0)
    for name in ["zendesk", "freshdesk", "cfpb", "jira", "servicenow", "salesforce", "generic"] {
      #expect(text.stdout.split(separator: "\n").contains { $0 == name }, "\(name) not listed")
    }
    #expect(text.stdout.contains("no customer: no repeat complainants"))

    let listed = try PlaintBinary.run(["profiles", "--format", "json"])
    let profiles = try #require(
      try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
    let cfpb = try #require(profiles.first { $0["name"] as? String == "cfpb" })
    let columns = try #require(cfpb["columns"] as? [String: [String]])
    #expect(columns["id"] == ["Complaint ID"])
    let lacks = try #require(cfpb["lacks"] as? [[String: String]])
    #expect(lacks.contains { $0["field"] == "customer" })
    #expect(!lacks.contains { $0["field"] == "product" })
  }
}
