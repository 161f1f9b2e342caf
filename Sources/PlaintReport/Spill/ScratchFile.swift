import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file for rows too many to hold, gone when the last reference to it goes.
///
/// It is created in `TMPDIR` (or `/tmp`) and unlinked at once, so no path of exit leaves it
/// behind: not an error, not a crash, not a kill. Reads and writes name their offset (`pread`,
/// `pwrite`), so threads may read it at once; whoever writes it keeps its own end.
final class ScratchFile: Sendable {
  let descriptor: Int32
  /// The folder it was made in, for messages.
  let folder: String

  /// A new file in `folder`, by default `TMPDIR` or `/tmp`.
  init(folder: String? = nil) throws(ReportError) {
    let environment = ProcessInfo.processInfo.environment["TMPDIR"] ?? ""
    self.folder = folder ?? (environment.isEmpty ? "/tmp" : environment)
    var template = Array((self.folder + "/plaint-rows.XXXXXX").utf8CString)
    let opened = template.withUnsafeMutableBufferPointer { name in
      name.baseAddress.map { mkstemp($0) } ?? -1
    }
    guard opened >= 0 else {
      throw ReportError.scratch(folder: self.folder, reason: String(cString: strerror(errno)))
    }
    descriptor = opened
    _ = template.withUnsafeBufferPointer { name in name.baseAddress.map { unlink($0) } }
  }

  deinit {
    close(descriptor)
  }

  /// Writes `bytes` at `offset`.
  func write(_ bytes: [UInt8], at offset: Int) throws(ReportError) {
    let failure = bytes.withUnsafeBytes { buffer -> Int32? in
      guard let base = buffer.baseAddress else { return nil }
      var done = 0
      while done < buffer.count {
        let written = pwrite(
          descriptor, base + done, buffer.count - done, off_t(offset + done))
        if written < 0 {
          if errno == EINTR { continue }
          return errno
        }
        done += written
      }
      return nil
    }
    if let failure {
      throw ReportError.scratch(folder: folder, reason: String(cString: strerror(failure)))
    }
  }

  /// Reads up to `count` bytes at `offset` onto the end of `bytes`; fewer only at the file's end.
  func read(_ count: Int, at offset: Int, into bytes: inout [UInt8]) throws(ReportError) {
    let start = bytes.count
    bytes.append(contentsOf: repeatElement(0, count: count))
    var done = 0
    let failure = bytes.withUnsafeMutableBytes { buffer -> Int32? in
      guard let base = buffer.baseAddress else { return nil }
      while done < count {
        let read = pread(
          descriptor, base + start + done, count - done, off_t(offset + done))
        if read < 0 {
          if errno == EINTR { continue }
          return errno
        }
        if read == 0 { break }
        done += read
      }
      return nil
    }
    bytes.removeLast(count - done)
    if let failure {
      throw ReportError.scratch(folder: folder, reason: String(cString: strerror(failure)))
    }
  }
}
