import Foundation
import PlaintStore

/// What a command that writes to a store or reports from it holds: the store's run lock, the
/// run's inputs (taxonomy, key accounts, sales, files) and the open store.
///
/// `plaint run`, `plaint report` and `plaint baseline freeze` open one locked: the lock first, so
/// no other run changes the store while this one reads it; then the inputs, so a bad taxonomy or
/// sales file stops before the store is opened; then the store. `plaint explain` and the
/// `plaint taxonomy` commands only read, and open one without the lock.
/// Keep the session alive (`withExtendedLifetime`) for as long as the store is used: the lock is
/// released when it goes.
struct StoreSession {
  /// nil for an in-memory store, which no other process can reach.
  let lock: RunLock?
  let context: RunContext
  let store: Store
  /// The input files' digests, hashed while the store opens (nil unless asked for).
  let digests: FileDigests?

  /// Locks the store at `path` (moving its files aside to `aside` first, for `--rebuild`), runs
  /// `locked` while holding the lock and before anything is read, reads the inputs, opens the store.
  /// With `hashingInputs`, the input files are hashed on other threads while the store opens,
  /// but for those the store recorded as they are now (`FileStat`), whose recorded digests are
  /// trusted unless `rehashing`.
  init(
    configuration: Configuration, path: String, now: Date, movingAsideTo aside: String? = nil,
    checkingColumns: Bool, hashingInputs: Bool = false, rehashing: Bool = false,
    locked: () -> Void = {}
  ) throws {
    lock = path == ":memory:" ? nil : try RunLock(storePath: path, now: now, movingAsideTo: aside)
    locked()
    context = try RunContext(configuration: configuration, checkingColumns: checkingColumns)
    digests =
      hashingInputs ? FileDigests(paths: context.files.map(\.settings.path), now: now) : nil
    store = try Store(path: path)
    if let digests, !rehashing {
      for (index, file) in context.files.enumerated() {
        let path = file.settings.path
        guard let recorded = try store.recordedFile(path: path),
          let current = FileStat(path: path), current.text == recorded.stat
        else { continue }
        digests.trust(index, sha256: recorded.sha256)
      }
    }
  }

  /// Records the files this session hashed in full (not the trusted ones), so that the next run
  /// can trust them while they stay as they are.
  func recordHashedFiles() throws {
    guard let digests else { return }
    try store.recordFiles(digests.hashed().map { ($0.path, $0.stat.text, $0.sha256) })
  }

  /// Reads the inputs, then opens the store at `path` without its lock, for the commands that
  /// only read it; exit 66 when no run has written one yet.
  init(unlocked configuration: Configuration, path: String, checkingColumns: Bool) throws {
    lock = nil
    digests = nil
    context = try RunContext(configuration: configuration, checkingColumns: checkingColumns)
    guard path == ":memory:" || FileManager.default.fileExists(atPath: path) else {
      throw PlaintError(
        .noInput,
        "\(path): no store yet; run `plaint run --config \(configuration.file)` first")
    }
    store = try Store(path: path)
  }
}
