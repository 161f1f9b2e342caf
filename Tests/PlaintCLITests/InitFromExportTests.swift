import Foundation
import Testing

/// `plaint init --from EXPORT` writes a configuration that reads the export it was given, and an
/// export no profile knows is named as such.
@Suite(.enabled(if: PlaintBinary.isBuilt, "build plaint first (make test does)"))
struct InitFromExportTests {
  /// One export, and what init must have found in it.
  struct Case: Sendable, CustomStringConvertible {
    var file: String
    var profile: String
    /// Text the printed summary must contain.
    var says: [String]
    var description: String { file }
  }

  static let fixtures = PlaintBinary.fixtures.appendingPathComponent("init")
  static let zendesk = PlaintBinary.fixtures.appendingPathComponent("small/exports/zendesk.csv")

  static let cases = [
    Case(
      file: "beschwerden-de.csv", profile: "generic",
      says: [
        "delimiter \";\"", "header on line 2", "\"Vorgangsnummer\"",
        "\"Betreff\" + \"Beschreibung\"",
        "day and month: no sampled date tells them apart", "\"dd.MM.yyyy HH:mm\"",
        "from the most frequent values of \"Produkt\"",
      ]),
    Case(
      file: "zgloszenia-pl.tsv", profile: "generic",
      says: ["delimiter tab", "\"Numer zgłoszenia\"", "\"Opis\"", "\"dd/MM/yyyy\" reads all 40"]),
    Case(
      file: "cases-us.csv", profile: "generic",
      says: ["windows-1252", "\"Case Number\"", "\"MM/dd/yyyy h:mm a\"", "\"Customer Email\""]),
    Case(
      file: "tousu-zh.csv", profile: "generic",
      says: ["\"投诉编号\"", "\"投诉内容\"", "\"yyyy年M月d日\"", "\"产品型号\""]),
    // A support account's replies are rows too: the column that marks the customer's own is
    // named with the filter that keeps them (a new user's Twitter sample, whose brands became
    // the top "repeat complainants").
    Case(
      file: "tweets-en.csv", profile: "generic",
      says: [
        "\"EEE MMM dd HH:mm:ss Z yyyy\"",
        "filter: \"inbound\" holds only True and False (48 and 48 sampled rows)",
        "`where: {\"inbound\": [\"True\"]}`",
      ]),
  ]

  private static func scratch() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent(
      "plaint-init-\(UUID().uuidString)")
  }

  private static func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  /// Runs init --from on `export` and validates what it wrote; returns init's output and the
  /// validation's inputs.
  static func initAndValidate(_ export: URL) throws -> (
    initialised: PlaintBinary.Result, inputs: [[String: Any]]
  ) {
    let directory = scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let initialised = try PlaintBinary.run(["init", "--from", export.path, directory.path])
    #expect(initialised.status == 0, "stderr: \(initialised.stderr)")
    #expect(initialised.stdout.contains("wrote \(directory.path)/plaint.yml"))
    let validated = try PlaintBinary.run(
      [
        "validate", "--config", directory.appendingPathComponent("plaint.yml").path,
        "--format", "json", "--quiet", "--store", ":memory:",
      ])
    #expect(validated.status == 0, "stderr: \(validated.stderr)\nstdout: \(validated.stdout)")
    let document = try json(validated.stdout)
    return (initialised, try #require(document["inputs"] as? [[String: Any]]))
  }

  @Test(arguments: cases) func fitsAnExportNoProfileKnows(_ example: Case) throws {
    let export = Self.fixtures.appendingPathComponent(example.file)
    let (initialised, inputs) = try Self.initAndValidate(export)
    for text in example.says {
      #expect(initialised.stdout.contains(text), "\(text) not in:\n\(initialised.stdout)")
    }
    #expect(initialised.stdout.contains("profile: \(example.profile)"))
    #expect(initialised.stdout.contains("confidence: "))
    // Every row is accepted: nothing is lost to the guessed mapping, delimiter or dates.
    let input = try #require(inputs.first)
    let rows = try Data(contentsOf: export).split(separator: 0x0A)
      .filter { !$0.allSatisfy { $0 == 0x0D } }.count
    #expect(input["rejected"] as? Int == 0, "reasons: \(input["reasons"] ?? "")")
    #expect(input["accepted"] as? Int == rows - (example.file.hasPrefix("beschwerden") ? 2 : 1))
  }

  @Test func aKnownExportGetsItsProfile() throws {
    let (initialised, inputs) = try Self.initAndValidate(Self.zendesk)
    #expect(initialised.stdout.contains("profile: zendesk — sure"))
    #expect(initialised.stdout.contains("from the most frequent values of \"Product\""))
    let reasons = try #require(inputs.first?["reasons"] as? [String: Int])
    // The fixture's one reject is an empty id, planted in the data.
    #expect(reasons.keys.allSatisfy { $0.hasPrefix("empty") }, "\(reasons)")
  }

  /// The help desk's own category column is proposed as issues matched by `source_values`, so
  /// the first report classifies what the help desk already classified (a CFPB export's
  /// "Issue"), instead of 0 % against the starter's appliance phrases; without such a column,
  /// init says the starter's issues are examples that will match little.
  @Test func theHelpDesksCategoriesBecomeIssues() throws {
    let export = Self.fixtures.appendingPathComponent("cases-issue.csv")
    let (initialised, _) = try Self.initAndValidate(export)
    #expect(
      initialised.stdout.contains(
        "issues: 3 proposed in taxonomy.yml under `other` from the most frequent values of \"Issue\" (100 % of sampled rows)"
      ), "\(initialised.stdout)")
    let directory = Self.scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    #expect(try PlaintBinary.run(["init", "--from", export.path, directory.path]).status == 0)
    let taxonomy = try String(
      contentsOf: directory.appendingPathComponent("taxonomy.yml"), encoding: .utf8)
    #expect(taxonomy.contains("source_values: [\"Billing dispute\"]"), "\(taxonomy)")
    let run = try PlaintBinary.run(
      ["run", "--config", "plaint.yml", "--period", "2025-02", "--quiet"], in: directory)
    #expect(run.status == 0, "\(run.stderr)")
    let summary = try String(
      contentsOf: directory.appendingPathComponent("reports/2025-02/summary.md"), encoding: .utf8)
    #expect(summary.contains("**100.0% classified**"), "\(summary.prefix(600))")
    #expect(summary.contains("other.Billing dispute (10, 50.0%)"), "\(summary)")

    let (plain, _) = try Self.initAndValidate(Self.zendesk)
    #expect(
      plain.stdout.contains("issues: the starter's examples (appliance phrases"), "\(plain.stdout)")
  }

  @Test func neverOverwrites() throws {
    let directory = Self.scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let export = Self.fixtures.appendingPathComponent("tousu-zh.csv")
    #expect(try PlaintBinary.run(["init", "--from", export.path, directory.path]).status == 0)
    let again = try PlaintBinary.run(["init", "--from", export.path, directory.path])
    #expect(again.status == 73)
    #expect(again.stderr.contains("plaint.yml exists"))
  }

  /// Rejects the data itself causes (a record cut off, a missing date or id), as opposed to ones
  /// a wrong guess causes (an unparseable date, too few fields).
  static let dataRejects = ["broken quote", "empty date", "empty id"]

  static let realExports: [URL] = {
    let folder = PlaintBinary.repositoryRoot.deletingLastPathComponent()
      .appendingPathComponent("shared/realdata")
    let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
    return (files?.allObjects as? [URL] ?? [])
      .filter { ["csv", "tsv", "gz"].contains($0.pathExtension) }
      .sorted { $0.path < $1.path }
  }()

  @Test(
    .enabled(if: !realExports.isEmpty, "../shared/realdata is absent"),
    arguments: realExports.map(\.path))
  func fitsEveryRealExport(_ path: String) throws {
    let (initialised, inputs) = try Self.initAndValidate(URL(fileURLWithPath: path))
    let input = try #require(inputs.first)
    let reasons = input["reasons"] as? [String: Int] ?? [:]
    let caused = reasons.filter { reason in !Self.dataRejects.contains { reason.key.hasPrefix($0) }
    }
    #expect(caused.isEmpty, "rejects caused by the guess: \(caused)\n\(initialised.stdout)")
    #expect((input["accepted"] as? Int ?? 0) > 0, "\(initialised.stdout)")
  }

  @Test func anUnknownExportIsNamedWithItsHeaderAndTheNearestProfile() throws {
    let directory = Self.scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    try FileManager.default.createDirectory(
      at: directory.appendingPathComponent("exports"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: Self.fixtures.appendingPathComponent("cases-us.csv"),
      to: directory.appendingPathComponent("exports/x.csv"))
    #expect(try PlaintBinary.run(["init", directory.path]).status == 0)
    for command in [["validate"], ["run", "--store", ":memory:"]] {
      let result = try PlaintBinary.run(command + ["--quiet"], in: directory)
      #expect(result.status == 65)
      let line = result.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
      #expect(!line.contains("\n"), "one line: \(line)")
      #expect(
        line.contains(
          "no built-in profile matches exports/x.csv (header: Case Number, Date Opened, Summary, Details, Customer Email, Model); use `profile: generic` with `columns:`"
        ), "\(line)")
      #expect(line.contains("nearest profile: "), "\(line)")
      #expect(line.components(separatedBy: "exports/x.csv").count - 1 == 1, "\(line)")
    }
  }
}
