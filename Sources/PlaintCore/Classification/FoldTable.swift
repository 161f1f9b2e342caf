import Foundation

/// The folded bytes of every scalar in the ranges where folding needs Unicode data (Latin, Greek,
/// Cyrillic, the Indic scripts, Kana, compatibility and full-width forms), computed once per
/// process so that folding a ticket is a table lookup per scalar.
///
/// Each entry is the scalar's compatibility decomposition (NFKD) with diacritics dropped,
/// lower-cased, passed through the special cases NFKD does not cover (ß, ł, ø, æ, dotless ı,
/// final ς …) and folded again until nothing changes, so folding is idempotent. A space in an
/// entry stands for a separator.
struct FoldTable: Sendable {
  static let shared = FoldTable()

  /// Table entries as `offset << 8 | count` into `bytes`.
  private let entries: [UInt32]
  private let bytes: [UInt8]
  /// The largest number of output bytes per input byte of any entry.
  let maxExpansion: Int

  /// The table index of a scalar at or above U+0080, or nil when the table does not cover it.
  @inline(__always) static func index(of value: UInt32) -> Int? {
    switch value {
    case 0x80..<0x3400: Int(value) - 0x80
    case 0xFB00..<0xFB50: 0x3380 + Int(value - 0xFB00)
    case 0xFF00..<0xFFF0: 0x3380 + 0x50 + Int(value - 0xFF00)
    default: nil
    }
  }

  private static let coveredScalars: [UInt32] =
    Array(0x80..<0x3400) + Array(0xFB00..<0xFB50) + Array(0xFF00..<0xFFF0)

  /// Writes the folded bytes of table entry `index`.
  @inline(__always) func emit<Sink: FoldSink>(_ index: Int, into writer: inout Sink) {
    let entry = entries[index]
    let start = Int(entry >> 8)
    for offset in start..<(start + Int(entry & 0xFF)) {
      let byte = bytes[offset]
      if byte == TextFolding.space { writer.separator() } else { writer.word(byte) }
    }
  }

  /// Calls `sink` with the folded bytes of table entry `index`.
  func forEachByte(of index: Int, _ sink: (UInt8) -> Void) {
    let entry = entries[index]
    let start = Int(entry >> 8)
    for offset in start..<(start + Int(entry & 0xFF)) { sink(bytes[offset]) }
  }

  private init() {
    let scalars = Self.coveredScalars
    var outputs = Self.compatibilityDecompositions(of: scalars).map { decomposition in
      var output: [UInt8] = []
      for scalar in decomposition {
        Self.foldScalar(scalar, resolvingWith: nil) { output.append($0) }
      }
      return Self.collapsingSpaces(output)
    }
    // Lower-casing or a special case can produce a scalar that folds further (ẞ → ß → ss).
    for _ in 0..<4 {
      var changed = false
      for index in outputs.indices {
        let refolded = Self.refold(outputs[index], using: outputs)
        if refolded != outputs[index] {
          outputs[index] = refolded
          changed = true
        }
      }
      if !changed { break }
    }
    var entries: [UInt32] = []
    var bytes: [UInt8] = []
    var maxExpansion = 1
    entries.reserveCapacity(outputs.count)
    for (index, output) in outputs.enumerated() {
      entries.append(UInt32(bytes.count) << 8 | UInt32(min(output.count, 0xFF)))
      bytes += output.prefix(0xFF)
      let inputLength = UTF8.width(Unicode.Scalar(scalars[index]) ?? " ")
      maxExpansion = max(maxExpansion, (output.count + inputLength - 1) / inputLength)
    }
    self.entries = entries
    self.bytes = bytes
    self.maxExpansion = maxExpansion
  }

  /// Folds one scalar that has no decomposition left to apply, calling `sink` with its bytes (a
  /// space for a separator, nothing for a dropped mark); with a table, lower-cased scalars that
  /// the table covers are folded through it.
  static func foldScalar(
    _ scalar: Unicode.Scalar, resolvingWith table: FoldTable?, _ sink: (UInt8) -> Void
  ) {
    let value = scalar.value
    if value < 0x80 {
      sink(TextFolding.foldASCII(UInt8(value)))
      return
    }
    if isIgnorable(value) { return }
    if let special = special(value) {
      for byte in special.utf8 { sink(byte) }
      return
    }
    let properties = scalar.properties
    guard isWordScalar(properties) else {
      sink(TextFolding.space)
      return
    }
    guard properties.changesWhenLowercased else {
      for byte in scalar.utf8 { sink(byte) }
      return
    }
    for lower in properties.lowercaseMapping.unicodeScalars {
      if let table, lower != scalar, let index = index(of: lower.value) {
        table.forEachByte(of: index, sink)
      } else if lower.value < 0x80 {
        sink(TextFolding.foldASCII(UInt8(lower.value)))
      } else if isIgnorable(lower.value) {
        continue
      } else if let special = special(lower.value) {
        for byte in special.utf8 { sink(byte) }
      } else {
        for byte in lower.utf8 { sink(byte) }
      }
    }
  }

  /// Whether folding drops the scalar: combining diacritics, variation selectors, soft hyphens
  /// and zero-width characters.
  static func isIgnorable(_ value: UInt32) -> Bool {
    switch value {
    case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F: true
    case 0xFE00...0xFE0F, 0xE0100...0xE01EF: true
    case 0x00AD, 0x200B...0x200D, 0x2060, 0xFEFF: true
    default: false
    }
  }

  /// Letters, digits and the marks that belong to a word.
  private static func isWordScalar(_ properties: Unicode.Scalar.Properties) -> Bool {
    if properties.isAlphabetic { return true }
    switch properties.generalCategory {
    case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark,
      .enclosingMark:
      return true
    default:
      return false
    }
  }

  /// Letters that folding maps although NFKD leaves them alone.
  private static func special(_ value: UInt32) -> String? {
    switch value {
    case 0x00DF, 0x1E9E: "ss"  // ß ẞ
    case 0x03C2: "σ"  // final ς
    case 0x0141, 0x0142: "l"  // Ł ł
    case 0x0110, 0x0111, 0x00D0, 0x00F0: "d"  // Đ đ Ð ð
    case 0x00D8, 0x00F8: "o"  // Ø ø
    case 0x00C6, 0x00E6: "ae"  // Æ æ
    case 0x0152, 0x0153: "oe"  // Œ œ
    case 0x0131: "i"  // dotless ı
    case 0x0126, 0x0127: "h"  // Ħ ħ
    case 0x0166, 0x0167: "t"  // Ŧ ŧ
    case 0x00DE, 0x00FE: "th"  // Þ þ
    default: nil
    }
  }

  /// Folds already folded bytes again, scalar by scalar, with the entries computed so far.
  private static func refold(_ bytes: [UInt8], using outputs: [[UInt8]]) -> [UInt8] {
    var result: [UInt8] = []
    bytes.withUnsafeBufferPointer { buffer in
      var index = 0
      while index < buffer.count {
        guard let (value, length) = UTF8Scalar.decode(buffer, at: index),
          let scalar = Unicode.Scalar(value)
        else {
          result.append(TextFolding.space)
          index += 1
          continue
        }
        if value < 0x80 {
          result.append(TextFolding.foldASCII(UInt8(value)))
        } else if let entry = Self.index(of: value) {
          result += outputs[entry]
        } else if Script.isCopiedVerbatim(value) {
          result += buffer[index..<(index + length)]
        } else {
          foldScalar(scalar, resolvingWith: nil) { result.append($0) }
        }
        index += length
      }
    }
    return collapsingSpaces(result)
  }

  private static func collapsingSpaces(_ bytes: [UInt8]) -> [UInt8] {
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    for byte in bytes where !(byte == TextFolding.space && result.last == TextFolding.space) {
      result.append(byte)
    }
    return result
  }

  /// The NFKD decomposition of each scalar, computed with one Foundation call.
  private static func compatibilityDecompositions(of values: [UInt32]) -> [[Unicode.Scalar]] {
    var joined = String.UnicodeScalarView()
    for value in values {
      if let scalar = Unicode.Scalar(value) { joined.append(scalar) }
      joined.append("\n")
    }
    var result: [[Unicode.Scalar]] = [[]]
    for scalar in String(joined).decomposedStringWithCompatibilityMapping.unicodeScalars {
      if scalar == "\n" { result.append([]) } else { result[result.count - 1].append(scalar) }
    }
    result.removeLast()
    if result.count == values.count { return result }
    // Not expected: a decomposition that spans the line breaks. Decompose one by one instead.
    return values.map { value in
      guard let scalar = Unicode.Scalar(value) else { return [] }
      return Array(
        String(Character(scalar)).decomposedStringWithCompatibilityMapping.unicodeScalars)
    }
  }
}
