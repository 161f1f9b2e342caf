import Foundation
import Testing

/// `plaint init --from` on an export whose help desk writes placeholders ("-", "?", "...", an
/// emoji, "unclassified") and case variants ("Billing", "billing", "BILLING") in its category and
/// product columns: init leaves the placeholders out and says so, merges the variants into one
/// issue, and the next step it prints, `plaint validate`, passes; `plaint run` counts every
/// spelling under the one issue.
@Suite(.enabled(if: PlaintBinary.isBuilt, "build plaint first (make test does)"))
struct InitProposalTests {
  static let categories = [
    "Billing", "billing", "-", "BILLING", "Refund", "?", "unclassified", "💥", "...", "Refund",
  ]
  static let products = ["Kettle", "-", "*", "Toaster", "kettle", "unassigned"]

  /// A Zendesk export of 600 tickets over 2025, the values above taken in turn.
  static func export(in directory: URL) throws -> URL {
    var rows = [
      "Id,Subject,Description,Status,Priority,Via,Requester,Requester email,Assignee,Category,Product,Tags,Created at,Updated at,Solved at"
    ]
    for index in 0..<600 {
      let day = 1 + index % 28
      let month = 1 + index * 12 / 600
      let stamp = String(format: "2025-%02d-%02d %02d:%02d", month, day, 8 + index % 9, index % 60)
      let category = categories[index % categories.count]
      let product = products[index % products.count]
      rows.append(
        "\(1000 + index),Problem,My thing has a problem,closed,normal,email,C\(index),c\(index)@ex.com,Agent,\(category),\(product),,\(stamp),\(stamp),\(stamp)"
      )
    }
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let file = directory.appendingPathComponent("tickets.csv")
    try (rows.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
    return file
  }

  @Test func placeholdersAreLeftOutAndCaseVariantsMerged() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "plaint-init-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let export = try Self.export(in: directory.appendingPathComponent("in"))
    let project = directory.appendingPathComponent("project")
    let initialised = try PlaintBinary.run(["init", "--from", export.path, project.path])
    #expect(initialised.status == 0, "\(initialised.stderr)")
    for words in [
      "issues: 2 proposed in taxonomy.yml under `other`",
      "merged \"BILLING\", \"Billing\", \"billing\" into one issue, \"Billing\"",
      "left out \"-\" (60 sampled), \"...\" (60 sampled), \"?\" (60 sampled), \"💥\" (60 sampled): no letters or digits",
      "left out \"unclassified\" (60 sampled): the report's own name `unclassified`",
      "product lines: 2 proposed in taxonomy.yml",
      "merged \"Kettle\", \"kettle\" into one product line",
      "left out \"*\" (100 sampled), \"-\" (100 sampled): no letters or digits",
      "left out \"unassigned\" (100 sampled): the report's own name `unassigned`",
    ] {
      #expect(initialised.stdout.contains(words), "should say \(words): \(initialised.stdout)")
    }
    let validated = try PlaintBinary.run(
      ["validate", "--config", "plaint.yml", "--quiet", "--store", ":memory:"], in: project)
    #expect(validated.status == 0, "\(validated.stdout)\n\(validated.stderr)")
    let run = try PlaintBinary.run(
      ["run", "--config", "plaint.yml", "--period", "2025-06", "--quiet"], in: project)
    #expect(run.status == 0, "\(run.stderr)")
    let summary = try String(
      contentsOf: project.appendingPathComponent("reports/2025-06/summary.md"), encoding: .utf8)
    // 15 of June's 50 tickets are Billing in one of three spellings, 10 Refund; the rest
    // (placeholders) are unclassified.
    let byIssue = summary.split(separator: "\n").first { $0.contains("**By issue**") } ?? ""
    #expect(byIssue.contains("other.Billing (15,"), "\(byIssue)")
    #expect(!byIssue.contains("other.billing") && !byIssue.contains("other.BILLING"), "\(byIssue)")
  }

  /// An export with no column named like a product (the Housing Ombudsman's has `landlord_type`)
  /// gets its few-valued columns named as candidates, with the setting that uses one.
  @Test func withoutAProductColumnInitNamesColumnsThatCouldBeOne() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "plaint-init-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    var rows = ["Case Number,Created,Description,Division,Escalated"]
    for index in 0..<300 {
      let division = ["North", "South", "East"][index % 3]
      let flag = index % 2 == 0 ? "yes" : "no"
      rows.append(
        "C\(index),2025-\(String(format: "%02d", 1 + index % 12))-\(String(format: "%02d", 1 + index % 28)) 10:00,the kettle leaks,\(division),\(flag)"
      )
    }
    let export = directory.appendingPathComponent("cases.csv")
    try (rows.joined(separator: "\n") + "\n").write(to: export, atomically: true, encoding: .utf8)
    let initialised = try PlaintBinary.run(
      ["init", "--from", export.path, directory.appendingPathComponent("project").path])
    #expect(initialised.status == 0, "\(initialised.stderr)")
    #expect(
      initialised.stdout.contains(
        "one of which may be your product lines: \"Division\" (3 values: \"East\", \"North\", \"South\")"
      ), "\(initialised.stdout)")
    #expect(
      initialised.stdout.contains("add `product: \"Division\"` under `columns:` in plaint.yml"),
      "\(initialised.stdout)")
    #expect(!initialised.stdout.contains("\"Escalated\""), "a yes/no flag is no product line")
  }

  /// A product column whose proposed lines leave most rows unassigned (a model column) gets the
  /// coarser columns beside it named (a brand).
  @Test func aProductColumnTooFineGetsCoarserColumnsNamed() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "plaint-init-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    var rows = ["Case Number,Created,Description,Model,Brand"]
    for index in 0..<300 {
      let brand = ["Acme", "Globex", "Initech"][index % 3]
      rows.append(
        "C\(index),2025-\(String(format: "%02d", 1 + index % 12))-\(String(format: "%02d", 1 + index % 28)) 10:00,the kettle leaks,\(brand) M\(index % 40),\(brand)"
      )
    }
    let export = directory.appendingPathComponent("cases.csv")
    try (rows.joined(separator: "\n") + "\n").write(to: export, atomically: true, encoding: .utf8)
    let initialised = try PlaintBinary.run(
      ["init", "--from", export.path, directory.appendingPathComponent("project").path])
    #expect(initialised.status == 0, "\(initialised.stderr)")
    #expect(
      initialised.stdout.contains(
        "coarser columns: \"Brand\" (3 values; the 10 most frequent hold 100 % of rows)"),
      "\(initialised.stdout)")
  }
}
