import PlaintEngine

// Only the C library here: `stdout` is a C global, safe to touch from the one main thread.
#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  @preconcurrency import Darwin
#endif

/// Standard output that cannot fail silently: output lost to a full disk or a closed pipe ends
/// the process with exit 73 and one line on stderr, never exit 0.
enum StandardOutput {
  /// Writes `bytes` unbuffered, after whatever `print` has buffered.
  static func write(_ bytes: [UInt8]) {
    fflush(stdout)
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
      if written < 0 {
        if errno == EINTR { continue }
        fail(errno)
      }
      offset += written
    }
  }

  /// Flushes what `print` buffered; exits 73 if any of it could not be written.
  static func finish() {
    if fflush(stdout) != 0 || ferror(stdout) != 0 { fail(errno) }
  }

  private static func fail(_ code: Int32) -> Never {
    let reason = code == 0 ? "write error" : String(cString: strerror(code))
    printError("cannot write to standard output: \(reason)")
    exit(ExitStatus.cannotCreate.rawValue)
  }
}
