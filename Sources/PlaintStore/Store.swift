import Foundation
internal import GRDB
import PlaintCore

/// Plaint's SQLite store: ingested sources, tickets (deduplicated by system + id), rejects, sales,
/// runs and anomaly history.
///
/// A facade in the manner of GRDB's demo `AppDatabase`: every public method is one transaction, so a
/// run killed at any point leaves the store as it was before the transaction in flight.
public struct Store: Sendable {
  let writer: any DatabaseWriter
  /// The path the store was opened with, for messages.
  public let path: String
  /// Seals a store on disk (`StoreSeal`) when the last copy of this `Store` goes.
  private let closer: StoreCloser?
  /// The rows loaded into an empty store, grouped for `baseCounts`; shared by copies.
  let loadCounts = LoadCounts()

  /// Opens (creating and migrating when needed) the store at `path`; ":memory:" for a stateless run.
  ///
  /// A store on disk is checked whole (`PRAGMA quick_check`) unless its seal vouches that no one
  /// changed the file since a Plaint closed it cleanly, at most a week after the last whole check
  /// (`StoreSeal` says what that leaves unseen).
  public init(path: String) throws(StoreError) {
    self.path = path
    do {
      var configuration = Configuration()
      configuration.busyMode = .timeout(10)
      if path == ":memory:" {
        writer = try DatabaseQueue(configuration: configuration)
        closer = nil
      } else {
        configuration.prepareDatabase { db in
          try db.execute(sql: "PRAGMA synchronous = NORMAL")
          // A sort too big for memory (the cell index built after a first load) sorts and
          // writes its runs on helper threads while the table is still scanned, and merges them
          // on several: without them the writer built the index alone, the other cores idle
          // (README.md, Performance). Smaller sorts never start a thread.
          try db.execute(sql: "PRAGMA threads = \(Store.sorterThreads)")
        }
        let now = Date()
        let vouched = StoreSeal.vouchedCheck(of: path, now: now)
        // Until this open closes cleanly, nothing vouches for the file.
        StoreSeal.remove(store: path)
        let pool = try DatabasePool(path: path, configuration: configuration)
        writer = pool
        try Self.check(writer, path: path, thoroughly: false, whole: vouched == nil)
        closer = StoreCloser(
          pool: pool, path: path, checked: vouched ?? Int64(now.timeIntervalSince1970))
      }
      try Self.migrator.migrate(writer)
    } catch let error as StoreError {
      throw error
    } catch {
      throw StoreError(path: path, doing: "opening the store", underlying: error)
    }
  }

  /// Helper threads SQLite's sorter may use (`PRAGMA threads`): one per core.
  static let sorterThreads = max(1, ProcessInfo.processInfo.activeProcessorCount)

  private init(writer: any DatabaseWriter, path: String) {
    self.writer = writer
    self.path = path
    closer = nil
  }

  /// Refuses a store that is damaged (`PRAGMA quick_check`, or the slower `integrity_check` when
  /// `thoroughly`; neither when not `whole`, which leaves damage to the pages a query reads),
  /// that is not Plaint's, or that a newer Plaint migrated.
  static func check(
    _ reader: any DatabaseReader, path: String, thoroughly: Bool, whole: Bool = true
  )
    throws
  {
    try reader.read { db in
      let pragma = thoroughly ? "integrity_check" : "quick_check"
      let findings =
        whole || thoroughly ? try String.fetchAll(db, sql: "PRAGMA \(pragma)(3)") : ["ok"]
      if findings != ["ok"] {
        throw StoreError(
          path: path, kind: .damaged, doing: "checking the store (\(pragma))",
          message: findings.first ?? "no answer")
      }
      let tables = try String.fetchAll(
        db,
        sql: """
          SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
          ORDER BY name
          """)
      // A run killed while the first migration ran can leave only GRDB's own table: that store
      // holds nothing yet, and migrating it is the rest of that first run.
      guard tables.contains(where: { $0 != "grdb_migrations" }) else { return }
      if !tables.contains("grdb_migrations") || !tables.contains("tickets") {
        throw StoreError(
          path: path, kind: .foreign, doing: "opening the store",
          message:
            "it holds tables Plaint did not make (\(tables.prefix(5).joined(separator: ", ")))")
      }
      // A Plaint store that lost one of its tables (the first version's) is damaged, not a bug.
      let required = ["meta", "sources", "tickets", "rejects", "sales", "runs", "anomalies"]
      let applied = try migrator.appliedIdentifiers(db)
      let later = [("v6-narratives", "narratives"), ("v8-source-ids", "files")]
        .filter { applied.contains($0.0) }.map(\.1)
      if let lost = (required + later).first(where: { !tables.contains($0) }) {
        throw StoreError(
          path: path, kind: .damaged, doing: "checking the store",
          message: "its table `\(lost)` is missing")
      }
      if try migrator.hasBeenSuperseded(db) {
        let known = try migrator.appliedIdentifiers(db).sorted().joined(separator: ", ")
        throw StoreError(
          path: path, kind: .newer, doing: "opening the store",
          message: "a newer Plaint wrote it (schema \(known))")
      }
    }
  }

  /// An in-memory copy of the store at `path` (an empty store when there is none), for a dry run:
  /// it sees what the store has seen, and nothing written to it reaches the disk. The store is
  /// checked with `PRAGMA integrity_check` first.
  ///
  /// Reading a store in WAL mode needs its `-shm` file, which SQLite cannot create in a
  /// read-only folder; there the store (and its `-wal`) is read from a copy in a temporary folder.
  public static func scratchCopy(of path: String) throws(StoreError) -> Store {
    // Named by the store it copies, so that a message about the copy names that store.
    let scratch = Store(writer: try Store(path: ":memory:").writer, path: path)
    guard path != ":memory:", FileManager.default.fileExists(atPath: path) else { return scratch }
    guard let memory = scratch.writer as? DatabaseQueue else { return scratch }
    var info = stat()
    guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
      throw StoreError(
        path: path, kind: .foreign, doing: "opening the store for a dry run",
        message: "not a regular file")
    }
    // Opened in place only when both the file and its folder can be written: SQLite would
    // otherwise leave `-wal` and `-shm` files behind (a dry run writes nothing) or fail.
    let folder = (path as NSString).deletingLastPathComponent
    let inPlace = access(path, W_OK) == 0 && access(folder.isEmpty ? "." : folder, W_OK) == 0
    do {
      do {
        guard inPlace else { throw DatabaseError(resultCode: .SQLITE_READONLY) }
        try copy(path, into: memory)
      } catch let error as DatabaseError
        where error.resultCode == .SQLITE_CANTOPEN || error.resultCode == .SQLITE_READONLY
      {
        let folder = FileManager.default.temporaryDirectory
          .appendingPathComponent("plaint-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: folder) }
        let copied = folder.appendingPathComponent("store.db").path
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: path + suffix) {
          try FileManager.default.copyItem(atPath: path + suffix, toPath: copied + suffix)
        }
        try copy(copied, into: memory, shownAs: path)
      }
      try migrator.migrate(memory)
    } catch let error as StoreError {
      throw error
    } catch {
      throw StoreError(path: path, doing: "copying the store for a dry run", underlying: error)
    }
    return scratch
  }

  private static func copy(_ path: String, into memory: DatabaseQueue, shownAs: String? = nil)
    throws
  {
    var configuration = Configuration()
    configuration.readonly = true
    configuration.busyMode = .timeout(10)
    let source = try DatabaseQueue(path: path, configuration: configuration)
    try check(source, path: shownAs ?? path, thoroughly: true)
    try source.backup(to: memory)
  }

  func read<T>(_ doing: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
    try failing(doing) { try writer.read(body) }
  }

  func write<T>(_ doing: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
    try failing(doing) { try writer.write(body) }
  }

  /// `body`'s errors as `StoreError`s saying what was being done (a `StoreError` as it is).
  func failing<T>(_ doing: String, _ body: () throws -> T) throws(StoreError) -> T {
    do {
      return try body()
    } catch let error as StoreError {
      throw error
    } catch {
      throw StoreError(path: path, doing: doing, underlying: error)
    }
  }
}

/// Seals the store's file as this Plaint leaves it, when the last copy of its `Store` goes.
private final class StoreCloser: Sendable {
  let pool: DatabasePool
  let path: String
  /// When the store was last checked whole.
  let checked: Int64

  init(pool: DatabasePool, path: String, checked: Int64) {
    self.pool = pool
    self.path = path
    self.checked = checked
  }

  deinit {
    // Everything in the write-ahead log into the file first, so the file is what the seal
    // describes; the pool then closes as it goes (readers first, so the log is deleted). A
    // checkpoint another process's reader blocks leaves no seal.
    do {
      try pool.writeWithoutTransaction { try $0.checkpoint(.truncate) }
    } catch {
      return
    }
    StoreSeal.write(store: path, checked: checked)
  }
}

/// A store operation that failed, with the store path and what was being done.
public struct StoreError: Error, CustomStringConvertible {
  /// What went wrong, which decides the exit status and the advice.
  public enum Kind: Sendable {
    /// The file is damaged or not a database at all (exit 65).
    case damaged
    /// A database that Plaint did not make (exit 78: the config names the wrong file).
    case foreign
    /// A store a newer Plaint migrated (exit 78).
    case newer
    /// The disk or the file cannot be written (exit 73).
    case cannotWrite
    /// Anything else: a bug (exit 70).
    case other
  }

  public var path: String
  public var kind: Kind
  public var doing: String
  public var message: String

  init(path: String, kind: Kind, doing: String, message: String) {
    self.path = path
    self.kind = kind
    self.doing = doing
    self.message = message
  }

  /// The failure of `underlying`, classified by what it is (SQLite's result code, the file
  /// system's error code), never by the words of its message.
  init(path: String, doing: String, underlying: any Error) {
    switch underlying {
    case let error as StoreError:
      self.init(path: path, kind: error.kind, doing: doing, message: error.message)
    case let error as UndecodableRow:
      self.init(path: path, kind: .damaged, doing: doing, message: error.description)
    case let error as DatabaseError:
      self.init(
        path: path, doing: doing, sqliteCode: error.resultCode.rawValue,
        message: error.message ?? error.description)
    default:
      self.init(
        path: path, kind: Kind(fileError: underlying), doing: doing,
        message: String(describing: underlying))
    }
  }

  /// A failure SQLite reported with this result code (primary or extended).
  init(path: String, doing: String, sqliteCode: Int32, message: String) {
    self.init(path: path, kind: Kind(sqliteCode: sqliteCode), doing: doing, message: message)
  }

  /// Whether the failure is about the disk or the file, not the data (exit 73 rather than 70).
  public var isCannotWrite: Bool { kind == .cannotWrite }

  public var description: String {
    var message = message.split(whereSeparator: \.isNewline).joined(separator: " ")
    if message.count > 200 { message = String(message.prefix(200)) + "…" }
    switch kind {
    case .damaged:
      return
        "store \(path) is damaged (\(message)) - while \(doing); restore it from a backup, or rebuild it from the exports with `plaint run --rebuild`"
    case .foreign:
      return
        "store \(path) is not a Plaint store: \(message); point `store` (or --store) at a Plaint store or at a new path"
    case .newer:
      return
        "store \(path): \(message), and this Plaint (schema \(Store.migrator.migrations.joined(separator: ", "))) cannot read it safely; use that newer Plaint, or rebuild the store from the exports with `plaint run --rebuild`"
    case .cannotWrite, .other:
      return "store \(path): \(message) - while \(doing)"
    }
  }
}

extension StoreError.Kind {
  /// The kind of a failure SQLite reported with `code`, by its primary result code (the low
  /// byte of an extended one).
  init(sqliteCode code: Int32) {
    switch ResultCode(rawValue: code).primaryResultCode {
    case .SQLITE_CORRUPT, .SQLITE_NOTADB:
      self = .damaged
    case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_FULL, .SQLITE_IOERR, .SQLITE_PERM:
      self = .cannotWrite
    default:
      // SQLITE_BUSY (another process held the store past the busy timeout), SQLITE_MISUSE, a
      // broken constraint…: nothing the user did to the file or the disk.
      self = .other
    }
  }

  /// The kind of a failure copying or opening the store's files, by its error code: no
  /// permission, no space or a read-only volume is the disk's, anything else a bug.
  init(fileError error: any Error) {
    switch error {
    case let error as CocoaError:
      switch error.code {
      case .fileReadNoPermission, .fileWriteNoPermission, .fileWriteOutOfSpace,
        .fileWriteVolumeReadOnly:
        self = .cannotWrite
      default:
        let underlying = error.userInfo[NSUnderlyingErrorKey] as? any Error
        self = underlying.map(Self.init(fileError:)) ?? .other
      }
    case let error as POSIXError:
      switch error.code {
      case .EACCES, .EPERM, .EROFS, .ENOSPC, .EDQUOT, .EIO: self = .cannotWrite
      default: self = .other
      }
    default:
      let error = error as NSError
      self =
        error.domain == NSPOSIXErrorDomain
        ? POSIXErrorCode(rawValue: Int32(error.code)).map { Self(fileError: POSIXError($0)) }
          ?? .other
        : .other
    }
  }
}
