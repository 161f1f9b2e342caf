import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An exclusive lock on a store, held for a whole run.
///
/// `flock(2)` on `<store>.lock`: the kernel releases it when the holder dies, so a lock left by a
/// killed process is simply free again. The file names the holder for the next run's message.
final class RunLock {
  private let descriptor: Int32

  /// Takes the lock or fails at once with exit 75, naming the holder's pid and start time.
  init(storePath: String, now: Date) throws(PlaintError) {
    let path = storePath + ".lock"
    let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      throw PlaintError(
        .cannotCreate, "\(path): cannot create the run lock (\(String(cString: strerror(errno))))")
    }
    guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
      var buffer = [UInt8](repeating: 0, count: 256)
      let count = pread(fd, &buffer, buffer.count, 0)
      close(fd)
      let holder = String(decoding: buffer.prefix(max(0, count)), as: UTF8.self)
        .trimmingCharacters(in: .whitespacesAndNewlines)
      throw PlaintError(
        .locked,
        "\(storePath): another plaint run holds the store (\(holder.isEmpty ? "holder unknown" : holder)); wait for it to finish"
      )
    }
    descriptor = fd
    let stamp = ISO8601DateFormatter().string(from: now)
    let note = Array("pid \(getpid()) since \(stamp)\n".utf8)
    _ = ftruncate(fd, 0)
    _ = pwrite(fd, note, note.count, 0)
  }

  deinit {
    _ = ftruncate(descriptor, 0)
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }
}
