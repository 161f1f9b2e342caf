import Foundation
import Testing

/// Key-account lists in the forms users have them, through `plaint validate` and `plaint run`.
@Suite(.enabled(if: PlaintBinary.isBuilt, "build plaint first (make test does)"))
struct KeyAccountsCommandTests {
  /// The small fixture's customers include buyer@hotel-chain.example; each form names it.
  static let forms: [(file: String?, config: String, matches: Bool)] = [
    (
      "Email,Company\nBuyer@Hotel-Chain.example,Hotel Chain\n", "key_accounts: key_accounts.csv",
      true
    ),
    (
      "Company,Email\nHotel Chain,buyer@hotel-chain.example\n", "key_accounts: key_accounts.csv",
      false
    ),
    (
      "Company,Email\nHotel Chain,buyer@hotel-chain.example\n",
      "key_accounts: {path: key_accounts.csv, column: Email}", true
    ),
    (nil, "key_accounts: [\"@hotel-chain.example\"]", true),
    (nil, "key_accounts: [C-404]", false),
  ]

  @Test(arguments: forms.indices)
  func validateWarnsWhenTheListMatchesNobody(_ index: Int) throws {
    let form = Self.forms[index]
    let directory = try PlaintBinary.copyFixture("small")
    defer { try? FileManager.default.removeItem(at: directory) }
    let accounts = directory.appendingPathComponent("key_accounts.csv")
    try FileManager.default.removeItem(at: accounts)
    if let file = form.file { try Data(file.utf8).write(to: accounts) }
    let config = directory.appendingPathComponent("plaint.yml")
    let text = try String(contentsOf: config, encoding: .utf8)
      .replacingOccurrences(of: "key_accounts: key_accounts.csv", with: form.config)
    try Data(text.utf8).write(to: config)

    let result = try PlaintBinary.run(["validate", "--format", "json", "--quiet"], in: directory)
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let problems = try #require(document["problems"] as? [[String: Any]])
    let warned = problems.contains {
      ($0["message"] as? String)?.contains("key-account entries") == true
    }
    #expect(warned == !form.matches, "\(form.config): \(problems)")

    let run = try PlaintBinary.run(["run", "--quiet"], in: directory)
    #expect(run.status == 0, "stderr: \(run.stderr)")
    let grid = try String(
      contentsOf: directory.appendingPathComponent("reports/2026-02/grid.csv"), encoding: .utf8)
    // period,category,product_line,tier,count,…: complaints counted in the key-account tier.
    var keyAccountComplaints = 0
    for line in grid.split(separator: "\n").dropFirst() {
      let fields: [Substring] = line.split(separator: ",", omittingEmptySubsequences: false)
      if fields.count > 4 && fields[3] == "key_account" {
        keyAccountComplaints += Int(fields[4]) ?? 0
      }
    }
    #expect((keyAccountComplaints > 0) == form.matches, "\(keyAccountComplaints)")
  }
}
