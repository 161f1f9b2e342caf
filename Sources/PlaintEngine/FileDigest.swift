import Crypto
import Foundation

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
    let file = open(path, O_RDONLY)
    guard file >= 0 else {
      throw PlaintError(.noInput, "\(path): cannot open the file to checksum it")
    }
    defer { close(file) }
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 64)
    defer { buffer.deallocate() }
    var hasher = SHA256()
    while true {
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
/// `sha256(at:)` waits for one file's digest and throws its error where the run would have met
/// it hashing the files one by one, so messages and their order do not change.
final class FileDigests: @unchecked Sendable {
  private let paths: [String]
  private let condition = NSCondition()
  private var results: [Result<String, PlaintError>?]
  private var next = 0

  init(paths: [String], threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
    self.paths = paths
    results = Array(repeating: nil, count: paths.count)
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

  private func work() {
    while true {
      condition.lock()
      let index = next
      next += 1
      condition.unlock()
      guard index < paths.count else { return }
      let result: Result<String, PlaintError>
      do {
        result = .success(try FileDigest.sha256(path: paths[index]))
      } catch {
        result = .failure(error)
      }
      condition.lock()
      results[index] = result
      condition.broadcast()
      condition.unlock()
    }
  }
}
