import Foundation

/// What the store's file looked like when the last Plaint to use it closed it cleanly, and when
/// the whole store was last checked; kept beside the store as `<store>-seal`.
///
/// Checking the whole store (`PRAGMA quick_check`) reads every page: 3.5 s at 1.4 GB, on every
/// run. So a store opens with the whole check only when the seal cannot vouch for it: no seal, a
/// file changed since a Plaint closed it (another device, inode, size, modification or change
/// time — a copy, a restore, an editor, a truncation), a write-ahead log left behind (a run that
/// crashed), or a last whole check more than `wholeCheckAge` ago. What it leaves unseen until a
/// page is read or the week is out: damage that does not come through the file system's writes (a
/// failing disk). SQLite still names a damaged page whenever a query reads one, and
/// `plaint validate` always checks the whole store.
struct StoreSeal: Equatable {
  /// Device, inode, size, and modification and change times (seconds, nanoseconds).
  var file: [Int64]
  /// When the whole store was last checked (seconds since 1970).
  var checked: Int64

  /// How old the last whole check may be before an open checks the whole store again.
  static let wholeCheckAge: Int64 = 7 * 86_400

  static func path(of store: String) -> String { store + "-seal" }

  /// The file's identity now; nil when it cannot be read.
  static func identity(of path: String) -> [Int64]? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    #if os(Linux)
      let (modified, changed) = (info.st_mtim, info.st_ctim)
    #else
      let (modified, changed) = (info.st_mtimespec, info.st_ctimespec)
    #endif
    return [
      Int64(info.st_dev), Int64(info.st_ino), Int64(info.st_size), Int64(modified.tv_sec),
      Int64(modified.tv_nsec), Int64(changed.tv_sec), Int64(changed.tv_nsec),
    ]
  }

  /// When the whole store at `store` was last checked, if its seal vouches for the file as it
  /// is at `now`; nil when it must be checked whole.
  static func vouchedCheck(of store: String, now: Date) -> Int64? {
    guard let text = try? String(contentsOfFile: path(of: store), encoding: .utf8) else {
      return nil
    }
    let fields = text.split(whereSeparator: \.isWhitespace)
    guard fields.count == 10, fields[0] == "plaint-seal", fields[1] == "1" else { return nil }
    let numbers = fields.dropFirst(2).compactMap { Int64($0) }
    guard numbers.count == 8 else { return nil }
    let seal = StoreSeal(file: Array(numbers.prefix(7)), checked: numbers[7])
    let wal = identity(of: store + "-wal")
    guard wal == nil || wal?[2] == 0, identity(of: store) == seal.file,
      Int64(now.timeIntervalSince1970) - seal.checked < wholeCheckAge
    else { return nil }
    return seal.checked
  }

  /// Writes the seal of the store at `store` as its file is now, if it can: a store whose
  /// folder cannot be written is checked whole at every open.
  static func write(store: String, checked: Int64) {
    // A write-ahead log still there means another connection is open: nothing to vouch for.
    if let wal = identity(of: store + "-wal"), wal[2] > 0 { return }
    guard let file = identity(of: store) else { return }
    let line = (["plaint-seal", "1"] + (file + [checked]).map(String.init))
      .joined(separator: " ")
    let temporary = path(of: store) + ".tmp"
    guard (try? (line + "\n").write(toFile: temporary, atomically: false, encoding: .utf8)) != nil
    else { return }
    if rename(temporary, path(of: store)) != 0 { unlink(temporary) }
  }

  /// Removes the seal, so that the next open checks the whole store.
  static func remove(store: String) {
    unlink(path(of: store))
  }
}
