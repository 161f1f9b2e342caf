import Crypto
import Foundation
import PlaintStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// SHA-256 of a file, read as a stream.
enum FileDigest {
  /// Bytes read at a time, into one buffer reused for the whole file. Reading into a new 1 MiB
  /// `Data` per chunk (`FileHandle.read(upToCount:)`) made the kernel copy every chunk into cold,
  /// freshly mapped pages: that copy took twice as long as the hash itself (README.md,
  /// Performance). A buffer this size stays in the core's cache between the copy and the hash.
  static let chunkSize = 256 << 10

  static func sha256(path: String) throws(PlaintError) -> String {
    // Never abandoned, so never nil.
    try sha256(path: path) { false } ?? ""
  }

  /// The digest, or nil when `abandoned` (asked before each chunk) says to stop.
  static func sha256(path: String, abandoned: () -> Bool) throws(PlaintError) -> String? {
    let file = open(path, O_RDONLY)
    guard file >= 0 else {
      throw PlaintError(.noInput, "\(path): cannot open the file to checksum it")
    }
    defer { close(file) }
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 64)
    defer { buffer.deallocate() }
    var hasher = SHA256()
    while true {
      if abandoned() { return nil }
      let count = read(file, buffer.baseAddress, buffer.count)
      if count < 0 && errno == EINTR { continue }
      guard count >= 0 else {
        throw PlaintError(.dataError, "\(path): read error (\(String(cString: strerror(errno))))")
      }
      guard count > 0 else { break }
      hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[..<count]))
    }
    return hasher.finalize().map { String(format: "%02x", $0) }.joined()
  }

  static func sha256(_ data: Data) -> String {
    SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
  }
}

/// The SHA-256 of each of a run's input files, hashed on background threads from the moment it is
/// created (several files at once), so that hashing overlaps what the run does meanwhile: opening
/// and checking the store, which reads the whole store file (README.md, Performance).
///
/// A file the store recorded when it last hashed it (`FileStat`: the same path, size,
/// modification and change times to the nanosecond, device and inode) is trusted as git trusts
/// its index (docs/input-rules.md): `trust` gives its recorded digest and stops hashing it.
///
/// `sha256(at:)` waits for one file's digest and throws its error where the run would have met
/// it hashing the files one by one, so messages and their order do not change.
final class FileDigests: @unchecked Sendable {
  private let paths: [String]
  private let condition = NSCondition()
  private var results: [Result<String, PlaintError>?]
  /// Files given a trusted digest: their hashing stops at the next chunk.
  private var trusted: Set<Int> = []
  /// What each hashed file looked like while it was hashed, when it did not change meanwhile:
  /// what the store records of it once settled (`hashed`), and what a file read while it was
  /// hashed must still look like after the read (`steadyStat`).
  private var steady: [FileStat?]
  private var next = 0
  /// The time a file's stat is judged settled against (`FileStat.isSettled`): the run's.
  private let now: Date

  init(
    paths: [String], threads: Int = ProcessInfo.processInfo.activeProcessorCount,
    now: Date = Date()
  ) {
    self.paths = paths
    self.now = now
    results = Array(repeating: nil, count: paths.count)
    steady = Array(repeating: nil, count: paths.count)
    for _ in 0..<min(max(1, threads), paths.count) {
      Thread.detachNewThread { [self] in work() }
    }
  }

  /// The digest of the file at `index` in `paths`, once hashed.
  func sha256(at index: Int) throws(PlaintError) -> String {
    condition.lock()
    while results[index] == nil { condition.wait() }
    let result = results[index]
    condition.unlock()
    switch result {
    case .success(let sha): return sha
    case .failure(let error): throw error
    case nil: return try FileDigest.sha256(path: paths[index])
    }
  }

  /// What the file at `index` looked like from the start of its hash to its end, once hashed;
  /// nil when it changed meanwhile, or could not be hashed or trusted.
  func steadyStat(at index: Int) -> FileStat? {
    condition.lock()
    defer { condition.unlock() }
    while results[index] == nil { condition.wait() }
    return steady[index]
  }

  /// Whether `sha256(at: index)` would return at once.
  func isReady(at index: Int) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    return results[index] != nil
  }

  /// The digest of the file at `index` as a store's load takes it while the file is still being
  /// hashed.
  func pending(at index: Int) -> PendingDigest {
    PendingDigest(isReady: { self.isReady(at: index) }, wait: { try self.sha256(at: index) })
  }

  /// Whether the file at `index` was as the store recorded it, so its recorded digest is taken.
  func isTrusted(_ index: Int) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    return trusted.contains(index)
  }

  /// Takes `sha` as the digest of the file at `index` without hashing it (or the rest of it).
  func trust(_ index: Int, sha256 sha: String) {
    condition.lock()
    trusted.insert(index)
    if results[index] == nil { results[index] = .success(sha) }
    condition.broadcast()
    condition.unlock()
  }

  /// The files hashed in full, each with what it looked like (unchanged while it was hashed)
  /// and its digest: what the store may record to trust next time. Waits for every file.
  func hashed() -> [(path: String, stat: FileStat, sha256: String)] {
    var found: [(path: String, stat: FileStat, sha256: String)] = []
    condition.lock()
    for index in paths.indices {
      while results[index] == nil { condition.wait() }
      // Nor one written within the last seconds: its next change could keep the same times.
      if !trusted.contains(index), let stat = steady[index], stat.isSettled(at: now),
        case .success(let sha) = results[index]
      {
        found.append((paths[index], stat, sha))
      }
    }
    condition.unlock()
    return found
  }

  private func work() {
    while true {
      condition.lock()
      let index = next
      next += 1
      condition.unlock()
      guard index < paths.count else { return }
      let before = FileStat(path: paths[index])
      let result: Result<String, PlaintError>?
      do {
        result = try FileDigest.sha256(path: paths[index]) { [self] in
          condition.lock()
          defer { condition.unlock() }
          return trusted.contains(index)
        }.map { .success($0) }
      } catch {
        result = .failure(error)
      }
      let after = FileStat(path: paths[index])
      condition.lock()
      if let result, !trusted.contains(index) {
        results[index] = result
        // A file written to while it was hashed has no steady stat: it is not recorded, and
        // is hashed again next time.
        if let before, before == after { steady[index] = before }
      }
      condition.broadcast()
      condition.unlock()
    }
  }
}

/// What a file looks like to the file system without reading it: the stat fields git compares
/// to trust a file it hashed before (size, modification and status-change times to the
/// nanosecond, device, inode). Editing a file changes its size or modification time; restoring
/// the modification time afterwards (`touch -d`) still moves its change time, which no tool can
/// set back.
struct FileStat: Equatable, Sendable {
  var size: Int64
  var modified: Int64
  var changed: Int64
  var device: UInt64
  var inode: UInt64

  init(size: Int64, modified: Int64, changed: Int64, device: UInt64, inode: UInt64) {
    (self.size, self.modified, self.changed) = (size, modified, changed)
    (self.device, self.inode) = (device, inode)
  }

  /// The file's stat now; nil when it cannot be read (the hash then meets the error).
  init?(path: String) {
    var info = stat()
    guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    size = Int64(info.st_size)
    modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
    device = UInt64(info.st_dev)
    inode = UInt64(info.st_ino)
  }

  /// Whether both times are at least two seconds before `date`: a change within the same tick
  /// of a coarse clock could otherwise leave them as they are.
  func isSettled(at date: Date) -> Bool {
    let now = Int64(date.timeIntervalSince1970 * 1_000_000_000)
    return max(modified, changed) < now - 2_000_000_000
  }

  /// `size modified changed device inode`, as the store keeps it.
  var text: String { "\(size) \(modified) \(changed) \(device) \(inode)" }

  init?(text: String) {
    let fields = text.split(separator: " ")
    guard fields.count == 5, let size = Int64(fields[0]), let modified = Int64(fields[1]),
      let changed = Int64(fields[2]), let device = UInt64(fields[3]),
      let inode = UInt64(fields[4])
    else { return nil }
    self.init(size: size, modified: modified, changed: changed, device: device, inode: inode)
  }
}
