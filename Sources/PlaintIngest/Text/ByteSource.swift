import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Text encodings Plaint reads; `auto` sniffs a BOM, else takes UTF-8, else windows-1252.
public enum TextEncoding: String, Sendable, CaseIterable {
  case auto
  case utf8 = "utf-8"
  case utf16 = "utf-16"
  case windows1252 = "windows-1252"
  case gb18030
}

/// A file read in large chunks and handed out as UTF-8, whatever its encoding.
///
/// UTF-8 passes through untouched (invalid bytes are replaced later, field by field, and
/// counted); windows-1252 and UTF-16 are transcoded chunk by chunk, so memory stays flat.
final class ByteSource {
  let path: String
  private(set) var encoding: TextEncoding
  private let descriptor: Int32
  private var raw: [UInt8]
  private var output: [UInt8] = []
  /// Bytes of an incomplete UTF-16 code unit or surrogate pair carried to the next chunk.
  private var carry: [UInt8] = []
  private var first = true
  private var bigEndian = false
  /// Bytes read from the file so far.
  private(set) var bytesRead = 0

  static let chunkSize = 1 << 20

  init(path: String, encoding: TextEncoding, displayPath: String) throws(IngestError) {
    self.path = path
    self.encoding = encoding
    var status = stat()
    guard stat(path, &status) == 0 else { throw .fileMissing(displayPath) }
    guard (status.st_mode & S_IFMT) == S_IFREG else {
      throw .unreadable(displayPath, "not a regular file")
    }
    descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw .unreadable(displayPath, String(cString: strerror(errno)))
    }
    raw = [UInt8](repeating: 0, count: Self.chunkSize)
    if encoding == .gb18030 {
      close(descriptor)
      throw .unsupportedEncoding(displayPath, "gb18030")
    }
  }

  deinit { close(descriptor) }

  /// Reads the next chunk and lends it to `body` as UTF-8; false at the end of the file.
  func next(_ body: (UnsafeRawBufferPointer) throws -> Void) rethrows -> Bool {
    var count = 0
    repeat {
      count = raw.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
    } while count < 0 && errno == EINTR
    guard count > 0 else { return false }
    bytesRead += count
    var start = 0
    if first {
      first = false
      start = sniff(count: count)
    }
    switch encoding {
    case .auto, .utf8, .gb18030:
      try raw.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[start..<count])) }
    case .windows1252:
      output.removeAll(keepingCapacity: true)
      for byte in raw[start..<count] { Windows1252.append(byte, to: &output) }
      try output.withUnsafeBytes(body)
    case .utf16:
      transcodeUTF16(raw[start..<count])
      try output.withUnsafeBytes(body)
    }
    return true
  }

  /// Reads the BOM and, for `auto`, decides the encoding; returns how many bytes to skip.
  private func sniff(count: Int) -> Int {
    let head = Array(raw[0..<min(count, 4)])
    if head.starts(with: [0xEF, 0xBB, 0xBF]) {
      if encoding == .auto { encoding = .utf8 }
      return encoding == .utf8 ? 3 : 0
    }
    if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
      if encoding == .auto || encoding == .utf16 {
        encoding = .utf16
        bigEndian = head[0] == 0xFE
        return 2
      }
    }
    if encoding == .utf16 { return 0 }
    if encoding == .auto {
      let sample = raw[0..<min(count, 1 << 16)]
      encoding = Self.isUTF8(sample, complete: count < Self.chunkSize) ? .utf8 : .windows1252
    }
    return 0
  }

  /// Whether the bytes are valid UTF-8; a sequence cut by the sample's end is forgiven.
  static func isUTF8(_ bytes: ArraySlice<UInt8>, complete: Bool) -> Bool {
    var trimmed = bytes
    if !complete {
      // Drop a trailing partial sequence (at most 3 bytes).
      var back = 0
      while back < 3, let last = trimmed.last, last & 0xC0 == 0x80 {
        trimmed = trimmed.dropLast()
        back += 1
      }
      if let last = trimmed.last, last >= 0xC0 { trimmed = trimmed.dropLast() }
    }
    return String(validating: trimmed, as: UTF8.self) != nil
  }

  private func transcodeUTF16(_ bytes: ArraySlice<UInt8>) {
    output.removeAll(keepingCapacity: true)
    var units: [UInt16] = []
    units.reserveCapacity((bytes.count + carry.count) / 2)
    var pending = carry
    pending.append(contentsOf: bytes)
    var index = 0
    while index + 1 < pending.count {
      let a = UInt16(pending[index])
      let b = UInt16(pending[index + 1])
      units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
      index += 2
    }
    carry = Array(pending[index...])
    // Keep a high surrogate that waits for its pair in the next chunk.
    if let last = units.last, (0xD800...0xDBFF).contains(last) {
      units.removeLast()
      let low = UInt8(truncatingIfNeeded: bigEndian ? last >> 8 : last)
      let high = UInt8(truncatingIfNeeded: bigEndian ? last : last >> 8)
      carry = [low, high] + carry
    }
    var iterator = units.makeIterator()
    var decoder = UTF16()
    loop: while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar): UTF8.encode(scalar) { output.append($0) }
      case .error: UTF8.encode("\u{FFFD}") { output.append($0) }
      case .emptyInput: break loop
      }
    }
  }
}

/// windows-1252 to UTF-8, with the 0x80–0x9F range Latin-1 leaves to control characters.
enum Windows1252 {
  private static let high: [UInt32] = [
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
  ]

  static func append(_ byte: UInt8, to output: inout [UInt8]) {
    if byte < 0x80 {
      output.append(byte)
      return
    }
    let value = (0x80...0x9F).contains(byte) ? high[Int(byte) - 0x80] : UInt32(byte)
    UTF8.encode(Unicode.Scalar(value) ?? "\u{FFFD}") { output.append($0) }
  }
}
