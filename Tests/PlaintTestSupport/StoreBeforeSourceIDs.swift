import Foundation

/// Turns a store back into the layout Plaint wrote before schema v8 (`v8-source-ids`): every
/// ticket row carries its file's path (`source_file`) and checksum (`source_sha256`) itself, in
/// the column order of that layout, and there is no `files` table. A store so turned back is
/// what an older Plaint left, so opening it runs the migration again.
public enum StoreBeforeSourceIDs {
  /// The SQL, for `/usr/bin/sqlite3 STORE SQL`.
  public static let sql = """
    CREATE TABLE tickets_v7 (
      system TEXT NOT NULL,
      id TEXT NOT NULL,
      created REAL NOT NULL,
      updated REAL,
      resolved REAL,
      period TEXT NOT NULL,
      category TEXT NOT NULL,
      issue TEXT NOT NULL,
      product_line TEXT NOT NULL,
      tier TEXT NOT NULL,
      customer TEXT,
      customer_name TEXT,
      product TEXT,
      channel TEXT,
      agent TEXT,
      source_category TEXT,
      tags TEXT NOT NULL,
      rule TEXT NOT NULL,
      text TEXT NOT NULL,
      source_file TEXT NOT NULL,
      source_line INTEGER NOT NULL, source_sha256 TEXT, slices TEXT, text_block INTEGER,
      text_slot INTEGER,
      UNIQUE (system, id)
    );
    INSERT INTO tickets_v7
      SELECT t.system, t.id, t.created, t.updated, t.resolved, t.period, t.category, t.issue,
        t.product_line, t.tier, t.customer, t.customer_name, t.product, t.channel, t.agent,
        t.source_category, t.tags, t.rule, t.text, f.path, t.source_line, f.sha256, t.slices,
        t.text_block, t.text_slot
      FROM tickets AS t JOIN files AS f ON f.id = t.source ORDER BY t.rowid;
    DROP TABLE tickets;
    ALTER TABLE tickets_v7 RENAME TO tickets;
    CREATE INDEX tickets_by_cell ON tickets (period, category, product_line, tier);
    DROP TABLE files;
    DELETE FROM grdb_migrations WHERE identifier = 'v8-source-ids';
    """

  /// Whether `/usr/bin/sqlite3` is there to run `sql` with.
  public static var canRun: Bool {
    FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3")
  }

  /// Runs `sql` on the store at `path`; throws when sqlite3 fails.
  public static func apply(to path: String) throws {
    try sqlite(path, sql)
  }

  /// Runs `statements` on the store at `path` with `/usr/bin/sqlite3` and returns what it prints.
  @discardableResult
  public static func sqlite(_ path: String, _ statements: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    process.arguments = [path, statements]
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let printed = output.fileHandleForReading.readDataToEndOfFile()
    let failed = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw Failure(message: String(decoding: failed, as: UTF8.self))
    }
    return String(decoding: printed, as: UTF8.self)
  }

  /// sqlite3 failed; its message.
  public struct Failure: Error, CustomStringConvertible {
    public var message: String
    public var description: String { "sqlite3: \(message)" }
  }
}
