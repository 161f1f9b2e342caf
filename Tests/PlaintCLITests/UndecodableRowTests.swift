import Foundation
import Testing

/// A stored row Plaint cannot read back is damage, not a row to skip: every command that reads
/// it stops with 65 and one line naming the table and the row, and `--rebuild` is the way out.
@Suite(
  .enabled(if: PlaintBinary.isBuilt, "build plaint first (make test does)"),
  .enabled(
    if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3"),
    "no sqlite3 to damage with"
  ))
struct UndecodableRowTests {
  struct Damage: CustomTestStringConvertible, Sendable {
    var name: String
    var sql: String
    /// What the one line must name: the table, the row, the value.
    var says: [String]
    /// The commands that read the row (`validate` reads the sources, not the tickets).
    var commands = ["run", "report"]
    var testDescription: String { name }
  }

  static let damages = [
    Damage(
      name: "a ticket's category", sql: "UPDATE tickets SET category = 'bogus' WHERE id = 'T2'",
      says: ["table `tickets`", "\"bogus\""]),
    Damage(
      name: "a ticket's period", sql: "UPDATE tickets SET period = '2025-13' WHERE id = 'T2'",
      says: ["table `tickets`", "\"2025-13\""]),
    Damage(
      name: "a source's reject reasons", sql: "UPDATE sources SET reasons = 'not json'",
      says: ["table `sources`", "x.csv", "reasons \"not json\""],
      commands: ["run", "report", "validate"]),
    Damage(
      name: "a source's profile", sql: "UPDATE sources SET profile = '{\"days\": 7'",
      says: ["table `sources`", "x.csv", "profile"], commands: ["run", "report", "validate"]),
    // A row deleted by hand leaves the file's accounting behind: run and report check the
    // totals (one count), validate each file's.
    Damage(
      name: "a ticket deleted", sql: "DELETE FROM tickets WHERE id = 'T2'",
      says: [
        "table `tickets`", "source exports/x.csv", "counts 3 accepted rows",
        "holds 2 tickets from it",
      ],
      commands: ["run", "report", "validate"]),
    // A narrative reference cleared by hand would read as an empty text; only validate reads
    // every row for it (a run would pay a pass over the whole table).
    Damage(
      name: "a ticket's text_block cleared",
      sql: "UPDATE tickets SET text_block = NULL WHERE id = 'T2'",
      says: ["table `tickets`", "ticket \"T2\"", "text_slot", "without a text_block"],
      commands: ["validate"]),
  ]

  @Test(arguments: damages)
  func aRowThatCannotBeReadBackIsDamageNamingTableAndRow(damage: Damage) throws {
    let rows = (1...3).map {
      "T\($0),2025-12-0\($0) 10:00,2025-12-0\($0) 10:00,kettle broke,c1,KT-1"
    }
    let directory = try StoreHardeningTests.project(
      ["x.csv": ([StoreHardeningTests.header] + rows).joined(separator: "\n") + "\n"])
    defer { try? FileManager.default.removeItem(at: directory) }
    let first = try StoreHardeningTests.run(directory, ["--period", "2025-12"])
    #expect(first.status == 0, "\(first.stderr)")
    let store = directory.appendingPathComponent("plaint.db").path
    let sqlite = try PlaintBinary.run(executable: "/usr/bin/sqlite3", [store, damage.sql])
    #expect(sqlite.status == 0, "\(sqlite.stderr)")

    for command in damage.commands {
      let period = command == "validate" ? [] : ["--period", "2025-12"]
      let result = try PlaintBinary.run(
        [command, "--config", "plaint.yml", "-q"] + period, in: directory)
      #expect(result.status == 65, "\(command): \(result.stderr)")
      #expect(result.stderr.split(separator: "\n").count == 1, "\(command): \(result.stderr)")
      for words in damage.says + ["damaged", "--rebuild"] {
        #expect(result.stderr.contains(words), "\(command) should say \(words): \(result.stderr)")
      }
    }
    let rebuilt = try StoreHardeningTests.run(directory, ["--rebuild", "--period", "2025-12"])
    #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
  }
}
