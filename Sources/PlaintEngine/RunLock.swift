import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An exclusive lock on a store, held for a whole run.
///
/// Two `flock(2)` locks: on `<store>.lock`, whose text names the holder for the next run's
/// message, and on the database file itself, which cannot be deleted from under a running
/// process the way the lock file can. The kernel releases both when the holder dies, so a lock
/// left by a killed process is simply free again. SQLite's own locks are POSIX record locks,
/// which `flock` does not touch.
final class RunLock {
  private let noteDescriptor: Int32
  private let storeDescriptor: Int32
  /// The store file did not exist and this lock created it (empty): removed again if no run
  /// wrote to it.
  private let createdStore: String?

  /// Takes the lock or fails at once with exit 75, naming the holder's pid and start time.
  ///
  /// With `movingAsideTo`, the store's files (database, `-wal`, `-shm`) are renamed to that path
  /// (plus the same suffixes) once no one holds them, and a new, empty store is locked in their
  /// place: `plaint run --rebuild`.
  init(storePath: String, now: Date, movingAsideTo aside: String? = nil) throws(PlaintError) {
    let path = storePath + ".lock"
    // Never through a link, never anything but a plain file: the lock is truncated and written,
    // and a planted link would have that done to whatever it points at.
    let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
    guard fd >= 0 else {
      let reason =
        errno == ELOOP
        ? "it is a symbolic link; remove it, the run makes its own"
        : String(cString: strerror(errno))
      throw PlaintError(.cannotCreate, "\(path): cannot create the run lock (\(reason))")
    }
    var info = stat()
    guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
      close(fd)
      throw PlaintError(
        .cannotCreate, "\(path): cannot create the run lock (it is not a plain file; remove it)")
    }
    guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
      let holder = Self.note(fd)
      close(fd)
      throw Self.held(storePath, holder.isEmpty ? "holder unknown" : holder)
    }
    if let aside {
      do throws(PlaintError) {
        try Self.moveAside(storePath, to: aside)
      } catch {
        close(fd)
        throw error
      }
    }
    var created: String? = nil
    var store = open(storePath, O_RDWR | O_CLOEXEC)
    if store < 0, errno == ENOENT {
      store = open(storePath, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
      if store >= 0 { created = storePath }
    }
    guard store >= 0 else {
      let reason = String(cString: strerror(errno))
      close(fd)
      throw PlaintError(.cannotCreate, "\(storePath): cannot open the store (\(reason))")
    }
    guard flock(store, LOCK_EX | LOCK_NB) == 0 else {
      // The lock file was free, so it was deleted (and made anew) under a running holder.
      let holder = Self.flockHolder(of: store).map { "pid \($0)" } ?? "holder unknown"
      close(store)
      close(fd)
      throw Self.held(storePath, "\(holder); its lock file \(path) was deleted")
    }
    noteDescriptor = fd
    storeDescriptor = store
    createdStore = created
    let stamp = ISO8601DateFormatter().string(from: now)
    let note = Array("pid \(getpid()) since \(stamp)\n".utf8)
    _ = ftruncate(fd, 0)
    _ = pwrite(fd, note, note.count, 0)
  }

  deinit {
    if let createdStore {
      var info = stat()
      if fstat(storeDescriptor, &info) == 0, info.st_size == 0 { unlink(createdStore) }
    }
    flock(storeDescriptor, LOCK_UN)
    close(storeDescriptor)
    _ = ftruncate(noteDescriptor, 0)
    flock(noteDescriptor, LOCK_UN)
    close(noteDescriptor)
  }

  /// Renames the store's files to `aside`, holding the store's lock while it does.
  private static func moveAside(_ storePath: String, to aside: String) throws(PlaintError) {
    let old = open(storePath, O_RDWR | O_CLOEXEC)
    guard old >= 0 else { return }
    defer { close(old) }
    guard flock(old, LOCK_EX | LOCK_NB) == 0 else {
      let holder = flockHolder(of: old).map { "pid \($0)" } ?? "holder unknown"
      throw held(storePath, holder)
    }
    for suffix in ["", "-wal", "-shm"] where access(storePath + suffix, F_OK) == 0 {
      guard rename(storePath + suffix, aside + suffix) == 0 else {
        throw PlaintError(
          .cannotCreate,
          "\(storePath + suffix): cannot move it aside to \(aside + suffix) for the rebuild (\(String(cString: strerror(errno))))"
        )
      }
    }
  }

  private static func held(_ storePath: String, _ holder: String) -> PlaintError {
    PlaintError(
      .locked, "\(storePath): another plaint run holds the store (\(holder)); wait for it to finish"
    )
  }

  /// The holder's note in the lock file: `pid 4242 since 2026-11-01T03:00:00Z`.
  private static func note(_ fd: Int32) -> String {
    var buffer = [UInt8](repeating: 0, count: 256)
    let count = pread(fd, &buffer, buffer.count, 0)
    return String(decoding: buffer.prefix(max(0, count)), as: UTF8.self)
      .filter { $0.isASCII && $0 >= " " }
      .trimmingCharacters(in: .whitespaces)
  }

  /// The pid holding a `flock` on the file open at `fd`, from Linux's /proc/locks.
  private static func flockHolder(of fd: Int32) -> Int32? {
    var info = stat()
    guard fstat(fd, &info) == 0,
      let table = try? String(contentsOfFile: "/proc/locks", encoding: .utf8)
    else { return nil }
    let device = UInt64(info.st_dev)
    // glibc's encoding of a device number (gnu_dev_major / gnu_dev_minor).
    let deviceMajor = UInt32(
      truncatingIfNeeded: ((device >> 8) & 0xfff) | ((device >> 32) & ~0xfff))
    let deviceMinor = UInt32(truncatingIfNeeded: (device & 0xff) | ((device >> 12) & ~0xff))
    // Lines read `1: FLOCK  ADVISORY  WRITE 4242 08:01:1234567 0 EOF`.
    for line in table.split(separator: "\n") {
      let fields = line.split(separator: " ")
      guard fields.count >= 6, fields[1] == "FLOCK", let pid = Int32(fields[4]) else { continue }
      let place = fields[5].split(separator: ":")
      guard place.count == 3, let inode = UInt64(place[2]),
        let major = UInt32(place[0], radix: 16), let minor = UInt32(place[1], radix: 16)
      else { continue }
      if inode == UInt64(info.st_ino), major == deviceMajor, minor == deviceMinor,
        pid != getpid()
      {
        return pid
      }
    }
    return nil
  }
}
