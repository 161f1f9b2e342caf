import Foundation
internal import GRDB

/// What the store knew of an input file the last time a run hashed it, so that the next run
/// can trust the digest of a file that has not changed instead of reading it again
/// (docs/input-rules.md, "Files the store already holds").
extension Store {
  private static func fileStatKey(_ path: String) -> String { "file_stat:" + path }

  /// The stat fields (as the engine wrote them) and digest recorded for the file at `path`,
  /// when the store still holds a source with that digest.
  public func recordedFile(path: String) throws(StoreError) -> (stat: String, sha256: String)? {
    try read("reading what the store recorded of \(path)") { db in
      guard
        let value = try String.fetchOne(
          db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [Self.fileStatKey(path)]),
        let space = value.lastIndex(of: " ")
      else { return nil }
      let sha = String(value[value.index(after: space)...])
      guard
        try Bool.fetchOne(
          db, sql: "SELECT EXISTS (SELECT 1 FROM sources WHERE sha256 = ?)", arguments: [sha])
          == true
      else { return nil }
      return (String(value[..<space]), sha)
    }
  }

  /// Records the stat fields and digest of the files a run hashed, for the ones the store holds
  /// a source of, in one transaction.
  public func recordFiles(_ files: [(path: String, stat: String, sha256: String)])
    throws(StoreError)
  {
    guard !files.isEmpty else { return }
    try write("recording the input files' stat fields") { db in
      for file in files {
        guard
          try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM sources WHERE sha256 = ?)",
            arguments: [file.sha256]) == true
        else { continue }
        let value = "\(file.stat) \(file.sha256)"
        try db.execute(
          sql:
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = ?",
          arguments: [Self.fileStatKey(file.path), value, value])
      }
    }
  }
}
