import Crypto
import Foundation

/// SHA-256 of a file, read as a stream.
enum FileDigest {
  static func sha256(path: String) throws(PlaintError) -> String {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw PlaintError(.noInput, "\(path): cannot open the file to checksum it")
    }
    defer { try? handle.close() }
    var hasher = SHA256()
    while true {
      let chunk: Data?
      do {
        chunk = try handle.read(upToCount: 1 << 20)
      } catch {
        throw PlaintError(.dataError, "\(path): read error (\(error.localizedDescription))")
      }
      guard let chunk, !chunk.isEmpty else { break }
      hasher.update(data: chunk)
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
