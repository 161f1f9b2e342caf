import Foundation
import PlaintCore
import Testing

@testable import PlaintStore

/// A store failure is classified by SQLite's result code or the file system's error code — which
/// decides the exit status (65 damaged, 73 cannot write, 70 a bug) — never by its message's words.
@Suite struct StoreErrorKindTests {
  /// SQLite result codes (sqlite3.h), extended ones included, with a message that would have
  /// misled a classification by words.
  @Test(arguments: [
    (11, "SQLITE_CORRUPT", StoreError.Kind.damaged),
    (26, "SQLITE_NOTADB", .damaged),
    (8, "SQLITE_READONLY", .cannotWrite),
    (1032, "SQLITE_READONLY_DBMOVED", .cannotWrite),
    (14, "SQLITE_CANTOPEN", .cannotWrite),
    (13, "SQLITE_FULL", .cannotWrite),
    (778, "SQLITE_IOERR_WRITE", .cannotWrite),
    (5, "SQLITE_BUSY", .other),
    (19, "SQLITE_CONSTRAINT", .other),
    (21, "SQLITE_MISUSE", .other),
  ])
  func sqliteResultCodesDecideTheKind(code: Int32, name: String, kind: StoreError.Kind) {
    for message in ["", "disk permission readonly unable to open", "file is not a database"] {
      let error = StoreError(path: "s.db", doing: "testing", sqliteCode: code, message: message)
      #expect(error.kind == kind, "\(name) with \"\(message)\"")
    }
  }

  @Test func fileSystemErrorCodesDecideTheKind() {
    #expect(StoreError.Kind(fileError: POSIXError(.EACCES)) == .cannotWrite)
    #expect(StoreError.Kind(fileError: POSIXError(.ENOSPC)) == .cannotWrite)
    #expect(StoreError.Kind(fileError: CocoaError(.fileWriteOutOfSpace)) == .cannotWrite)
    #expect(StoreError.Kind(fileError: CocoaError(.fileNoSuchFile)) == .other)
    #expect(StoreError.Kind(fileError: POSIXError(.EINVAL)) == .other)
  }

  @Test func aStoreInAFolderThatIsNotThereCannotBeWritten() {
    let path = "/nonexistent-\(UUID().uuidString)/plaint.db"
    #expect {
      _ = try Store(path: path)
    } throws: { error in
      (error as? StoreError)?.kind == .cannotWrite
    }
  }

  @Test func aFileThatIsNotADatabaseIsDamaged() throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("plaint-notadb-\(UUID().uuidString).db").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: path))
    #expect {
      _ = try Store(path: path)
    } throws: { error in
      (error as? StoreError)?.kind == .damaged
    }
  }
}
