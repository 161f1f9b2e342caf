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

  /// Opens (creating and migrating when needed) the store at `path`; ":memory:" for a stateless run.
  public init(path: String) throws(StoreError) {
    self.path = path
    do {
      var configuration = Configuration()
      configuration.busyMode = .timeout(10)
      if path == ":memory:" {
        writer = try DatabaseQueue(configuration: configuration)
      } else {
        configuration.prepareDatabase { db in
          try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        writer = try DatabasePool(path: path, configuration: configuration)
      }
      try Self.migrator.migrate(writer)
    } catch {
      throw StoreError(path: path, doing: "opening the store", underlying: error)
    }
  }

  /// An in-memory copy of the store at `path` (an empty store when there is none), for a dry run:
  /// it sees what the store has seen, and nothing written to it reaches the disk.
  public static func scratchCopy(of path: String) throws(StoreError) -> Store {
    let scratch = try Store(path: ":memory:")
    guard path != ":memory:", FileManager.default.fileExists(atPath: path) else { return scratch }
    do {
      var configuration = Configuration()
      configuration.readonly = true
      configuration.busyMode = .timeout(10)
      let source = try DatabaseQueue(path: path, configuration: configuration)
      guard let memory = scratch.writer as? DatabaseQueue else { return scratch }
      try source.backup(to: memory)
      try migrator.migrate(memory)
    } catch {
      throw StoreError(path: path, doing: "copying the store for a dry run", underlying: error)
    }
    return scratch
  }

  func read<T>(_ doing: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
    do {
      return try writer.read(body)
    } catch let error as StoreError {
      throw error
    } catch {
      throw StoreError(path: path, doing: doing, underlying: error)
    }
  }

  func write<T>(_ doing: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
    do {
      return try writer.write(body)
    } catch let error as StoreError {
      throw error
    } catch {
      throw StoreError(path: path, doing: doing, underlying: error)
    }
  }
}

/// A store operation that failed, with the store path and what was being done.
public struct StoreError: Error, CustomStringConvertible {
  public var path: String
  public var doing: String
  public var message: String

  init(path: String, doing: String, underlying: any Error) {
    self.path = path
    self.doing = doing
    if let error = underlying as? DatabaseError {
      message = error.message ?? error.description
    } else if let error = underlying as? StoreError {
      message = error.message
    } else {
      message = String(describing: underlying)
    }
  }

  /// Whether the failure is about the disk or the file, not the data (exit 73 rather than 70).
  public var isCannotWrite: Bool {
    let lowered = message.lowercased()
    return lowered.contains("readonly") || lowered.contains("unable to open")
      || lowered.contains("disk") || lowered.contains("permission")
  }

  public var description: String { "store \(path): \(message) - while \(doing)" }
}
