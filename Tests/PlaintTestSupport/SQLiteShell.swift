import Foundation

/// The sqlite3 shell, to change a store file as another program would.
public enum SQLiteShell {
  public static let path = "/usr/bin/sqlite3"

  public static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: path) }

  /// Runs `sql` on the database at `database`; the shell's exit status.
  public static func run(_ sql: String, on database: String) throws -> Int32 {
    let shell = Process()
    shell.executableURL = URL(fileURLWithPath: path)
    shell.arguments = [database, sql]
    try shell.run()
    shell.waitUntilExit()
    return shell.terminationStatus
  }
}
