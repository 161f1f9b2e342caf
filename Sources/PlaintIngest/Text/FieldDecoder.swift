#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How field bytes become text: UTF-8 (after any transcoding) or windows-1252.
enum FieldEncoding: Sendable {
  case utf8
  case windows1252

  /// The text of `bytes`; invalid bytes and NUL become U+FFFD and are added to `replaced`.
  ///
  /// NUL is replaced because C strings, SQLite's text functions and terminals end text there:
  /// carried as is, it would cut the stored text short in some outputs and not in others.
  func string(_ bytes: UnsafeBufferPointer<UInt8>, replaced: inout Int) -> String {
    switch self {
    case .utf8:
      // Not `String(validating:)`: it is generic and not inlinable, so every field paid a look-up
      // of its generic metadata, and then a scan of the text for NUL one byte at a time. Decoding
      // repairs what is invalid, so the decoded text equals the bytes exactly when they are valid.
      guard let base = bytes.baseAddress, bytes.count > 0 else { return "" }
      var text = String(decoding: bytes, as: UTF8.self)
      let isValid =
        text.utf8.count == bytes.count
        && text.withUTF8 { decoded in
          decoded.baseAddress.map { memcmp($0, base, bytes.count) == 0 } ?? false
        }
      if isValid {
        guard memchr(base, 0, bytes.count) != nil else { return text }
        replaced += text.utf8.count { $0 == 0 }
        return String(text.unicodeScalars.map { $0 == "\0" ? "\u{FFFD}" : Character($0) })
      }
      return Self.repairing(bytes, replaced: &replaced)
    case .windows1252:
      if !bytes.contains(where: { $0 >= 0x80 || $0 == 0 }) {
        return String(decoding: bytes, as: UTF8.self)
      }
      var text = String.UnicodeScalarView()
      for byte in bytes {
        if byte == 0 {
          replaced += 1
          text.append("\u{FFFD}")
          continue
        }
        let value =
          byte >= 0x80 && byte < 0xA0 ? Self.windows1252High[Int(byte - 0x80)] : UInt32(byte)
        text.append(Unicode.Scalar(value) ?? "\u{FFFD}")
      }
      return String(text)
    }
  }

  /// Decodes invalid UTF-8, counting the bytes of every invalid sequence.
  private static func repairing(_ bytes: UnsafeBufferPointer<UInt8>, replaced: inout Int) -> String
  {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var text = String.UnicodeScalarView()
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded):
        let scalar = Unicode.UTF8.decode(encoded)
        if scalar == "\0" {
          replaced += 1
          text.append("\u{FFFD}")
        } else {
          text.append(scalar)
        }
      case .error(let length):
        replaced += length
        text.append("\u{FFFD}")
      case .emptyInput:
        return String(text)
      }
    }
  }

  /// windows-1252 0x80...0x9F; the five unassigned bytes keep their C1 control code points.
  private static let windows1252High: [UInt32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
    0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
  ]
}

/// `bytes` without leading and trailing spaces, tabs and line breaks.
func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
  var lower = 0
  var upper = bytes.count
  while lower < upper && isBlank(bytes[lower]) { lower += 1 }
  while upper > lower && isBlank(bytes[upper - 1]) { upper -= 1 }
  return UnsafeBufferPointer(rebasing: bytes[lower..<upper])
}

@inline(__always) private func isBlank(_ byte: UInt8) -> Bool {
  byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
}
