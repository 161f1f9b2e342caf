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
