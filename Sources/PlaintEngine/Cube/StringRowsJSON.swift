import Foundation

/// A list of rows of strings as JSON (`[["a","b"],["c"]]`), written and read directly over bytes.
///
/// The dimension summaries a report stores hold every period's dimension counts: on the bench's
/// 100 MB export, `JSONEncoder` took 0.12 s of a 1.7 s run on one core, for what is a list of
/// lists of short strings. The bytes written are those `JSONEncoder()` writes (slashes escaped,
/// control characters as `\b`, `\f`, `\n`, `\r`, `\t` or `\u00xx`), and `rows(_:)` reads any JSON
/// of that shape (`StringRowsJSONTests`).
enum StringRowsJSON {
  static func data(_ rows: [[String]]) -> Data {
    var writer = Writer()
    for row in rows { writer.row(row[...]) }
    return writer.data
  }

  /// Rows written one at a time, straight into the text.
  struct Writer {
    private var bytes: [UInt8] = [UInt8(ascii: "[")]
    private var empty = true

    /// Appends the row of `fields`, then `last` when given.
    mutating func row(_ fields: ArraySlice<String>, then last: String? = nil) {
      if !empty { bytes.append(UInt8(ascii: ",")) }
      empty = false
      bytes.append(UInt8(ascii: "["))
      var first = true
      for field in fields {
        if !first { bytes.append(UInt8(ascii: ",")) }
        first = false
        StringRowsJSON.append(field, to: &bytes)
      }
      if let last {
        if !first { bytes.append(UInt8(ascii: ",")) }
        StringRowsJSON.append(last, to: &bytes)
      }
      bytes.append(UInt8(ascii: "]"))
    }

    var data: Data { Data(bytes + [UInt8(ascii: "]")]) }
  }

  private static let hex = Array("0123456789abcdef".utf8)

  private static func append(_ field: String, to bytes: inout [UInt8]) {
    bytes.append(UInt8(ascii: "\""))
    // Most fields (hours, weekdays, channels, names) need no escape: copied whole.
    let plain = field.utf8.allSatisfy {
      $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\")
        && $0 != UInt8(ascii: "/")
    }
    if plain {
      bytes.append(contentsOf: field.utf8)
      bytes.append(UInt8(ascii: "\""))
      return
    }
    for byte in field.utf8 {
      switch byte {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(byte)
      case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
      case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
      case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
      case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
      case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
      case 0..<0x20:
        bytes.append(contentsOf: Array("\\u00".utf8))
        bytes.append(hex[Int(byte >> 4)])
        bytes.append(hex[Int(byte & 0xF)])
      default: bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }

  /// The rows of `data`, nil when it is not a JSON list of lists of strings.
  static func rows(_ data: Data) -> [[String]]? {
    data.withUnsafeBytes { raw in
      var reader = Reader(bytes: raw.bindMemory(to: UInt8.self))
      return reader.rows()
    }
  }

  private struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    var at = 0

    mutating func rows() -> [[String]]? {
      guard take(UInt8(ascii: "[")) else { return nil }
      var rows: [[String]] = []
      if take(UInt8(ascii: "]")) { return atEnd() ? rows : nil }
      repeat {
        guard take(UInt8(ascii: "[")) else { return nil }
        var row: [String] = []
        if !take(UInt8(ascii: "]")) {
          repeat {
            guard let field = string() else { return nil }
            row.append(field)
          } while take(UInt8(ascii: ","))
          guard take(UInt8(ascii: "]")) else { return nil }
        }
        rows.append(row)
      } while take(UInt8(ascii: ","))
      guard take(UInt8(ascii: "]")) else { return nil }
      return atEnd() ? rows : nil
    }

    private mutating func skipSpace() {
      while at < bytes.count {
        switch bytes[at] {
        case UInt8(ascii: " "), 0x09, 0x0A, 0x0D: at += 1
        default: return
        }
      }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
      skipSpace()
      guard at < bytes.count, bytes[at] == byte else { return false }
      at += 1
      return true
    }

    private mutating func atEnd() -> Bool {
      skipSpace()
      return at == bytes.count
    }

    /// A string; its escapes decoded, an unpaired surrogate refused as JSONDecoder does.
    private mutating func string() -> String? {
      guard take(UInt8(ascii: "\"")) else { return nil }
      // A string without escapes (nearly all) is made from its bytes in place.
      let start = at
      while at < bytes.count, bytes[at] != UInt8(ascii: "\""), bytes[at] != UInt8(ascii: "\\"),
        bytes[at] >= 0x20
      {
        at += 1
      }
      if at < bytes.count, bytes[at] == UInt8(ascii: "\"") {
        at += 1
        return String(
          validating: UnsafeBufferPointer(rebasing: bytes[start..<at - 1]), as: UTF8.self)
      }
      var out = Array(bytes[start..<at])
      while at < bytes.count {
        let byte = bytes[at]
        at += 1
        switch byte {
        case UInt8(ascii: "\""):
          return String(validating: out, as: UTF8.self)
        case UInt8(ascii: "\\"):
          guard at < bytes.count else { return nil }
          let escape = bytes[at]
          at += 1
          switch escape {
          case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
          case UInt8(ascii: "b"): out.append(0x08)
          case UInt8(ascii: "f"): out.append(0x0C)
          case UInt8(ascii: "n"): out.append(0x0A)
          case UInt8(ascii: "r"): out.append(0x0D)
          case UInt8(ascii: "t"): out.append(0x09)
          case UInt8(ascii: "u"):
            guard let scalar = unicodeEscape() else { return nil }
            UTF8.encode(scalar) { out.append($0) }
          default: return nil
          }
        case 0..<0x20: return nil
        default: out.append(byte)
        }
      }
      return nil
    }

    private mutating func hexQuad() -> UInt32? {
      guard at + 4 <= bytes.count else { return nil }
      var value: UInt32 = 0
      for byte in bytes[at..<at + 4] {
        guard let digit = Character(UnicodeScalar(byte)).hexDigitValue else { return nil }
        value = value << 4 | UInt32(digit)
      }
      at += 4
      return value
    }

    /// The scalar of a `\u` escape (after the `u`), a surrogate pair read as one.
    private mutating func unicodeEscape() -> Unicode.Scalar? {
      guard let first = hexQuad() else { return nil }
      guard (0xD800..<0xDC00).contains(first) else { return Unicode.Scalar(first) }
      guard at + 2 <= bytes.count, bytes[at] == UInt8(ascii: "\\"),
        bytes[at + 1] == UInt8(ascii: "u")
      else { return nil }
      at += 2
      guard let second = hexQuad(), (0xDC00..<0xE000).contains(second) else { return nil }
      return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
    }
  }
}
