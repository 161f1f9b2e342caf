import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file's bytes read in large chunks through read(2); a `.gz` file through `gzip -dc`.
///
/// Decompressing in a child process keeps zlib out of the package and runs on a second core.
struct ByteSource: ~Copyable {
  let displayPath: String
  /// The file's modification time (of the `.gz` for a compressed file).
  let modified: Date
  private let descriptor: Int32
  private let gzip: Process?

  init(path: String, displayPath: String) throws(IngestError) {
    self.displayPath = displayPath
    var info = stat()
    guard stat(path, &info) == 0 else {
      if errno == ENOENT || errno == ENOTDIR { throw .fileMissing(displayPath) }
      throw .unreadable(displayPath, String(cString: strerror(errno)))
    }
    guard (info.st_mode & S_IFMT) != S_IFDIR else { throw .unreadable(displayPath, "is a folder") }
    // A FIFO would block the open and the read forever; a device never ends.
    if let kind = Self.specialKind(info.st_mode) { throw .notRegularFile(displayPath, kind) }
    let modified = Date(
      timeIntervalSince1970: TimeInterval(info.st_mtim.tv_sec)
        + TimeInterval(info.st_mtim.tv_nsec) / 1e9)
    let file = open(path, O_RDONLY)
    guard file >= 0 else { throw .unreadable(displayPath, String(cString: strerror(errno))) }
    guard path.hasSuffix(".gz") else {
      self.modified = modified
      descriptor = file
      gzip = nil
      return
    }
    close(file)
    let process = Process()
    let pipe = Pipe()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["gzip", "-dc", "--", path]
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      throw .unreadable(displayPath, "cannot run gzip to decompress it (\(error))")
    }
    self.modified = modified
    descriptor = dup(pipe.fileHandleForReading.fileDescriptor)
    gzip = process
  }

  /// What a file that is neither regular nor a folder is, from `st_mode`; nil when regular.
  static func specialKind(_ mode: mode_t) -> String? {
    switch mode & S_IFMT {
    case S_IFREG, S_IFDIR: nil
    case S_IFIFO: "a FIFO (named pipe)"
    case S_IFCHR: "a character device"
    case S_IFBLK: "a block device"
    case S_IFSOCK: "a socket"
    default: "a special file"
    }
  }

  deinit {
    close(descriptor)
    if let gzip, gzip.isRunning { gzip.terminate() }
  }

  /// Reads up to `buffer.count` bytes; 0 means the end of the file.
  func read(into buffer: UnsafeMutableRawBufferPointer) throws(IngestError) -> Int {
    guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
    while true {
      let count = systemRead(descriptor, base, buffer.count)
      if count >= 0 {
        if count == 0, let gzip {
          gzip.waitUntilExit()
          guard gzip.terminationStatus == 0 else {
            throw .unreadable(displayPath, "not a valid gzip file, or cut off")
          }
        }
        return count
      }
      if errno != EINTR { throw .unreadable(displayPath, String(cString: strerror(errno))) }
    }
  }

  /// Fills `buffer` as far as the file allows (pipes return short reads).
  func fill(_ buffer: UnsafeMutableRawBufferPointer) throws(IngestError) -> Int {
    var filled = 0
    while filled < buffer.count {
      let count = try read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
      if count == 0 { break }
      filled += count
    }
    return filled
  }
}

/// read(2), named apart from `ByteSource.read`.
private func systemRead(_ file: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  #if canImport(Glibc)
    Glibc.read(file, buffer, count)
  #else
    Darwin.read(file, buffer, count)
  #endif
}

extension ExportReader {
  /// Throws unless `path` (links followed) is a regular file: a FIFO would block whoever opens it.
  public static func checkRegularFile(_ path: String, displayPath: String) throws(IngestError) {
    var info = stat()
    guard stat(path, &info) == 0 else { return }
    if let kind = ByteSource.specialKind(info.st_mode) {
      throw .notRegularFile(displayPath, kind)
    }
  }
}
