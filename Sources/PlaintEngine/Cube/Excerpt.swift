extension String {
  /// The first `count` characters (`prefix(count)`), found without walking the text character
  /// by character (a grapheme check a byte, about a twentieth of a report's window pass and again
  /// of its assembly) where its bytes tell: a text with no more bytes, or no more Unicode scalars,
  /// than `count` is whole; when its first `count + 1` scalars each are a character of their own
  /// (`simpleEnd`), the excerpt is the bytes of the first `count`.
  func excerpt(_ count: Int) -> String {
    if utf8.count <= count { return self }
    var text = self
    let end = text.withUTF8 { count >= 0 ? Self.simpleEnd(of: count, in: $0) : nil }
    if let end {
      // An excerpt cut before (the assembly's tickets) is whole: no copy of it.
      if end == utf8.count { return self }
      return text.withUTF8 {
        String(decoding: UnsafeBufferPointer(rebasing: $0[..<end]), as: UTF8.self)
      }
    }
    if utf8.count <= 4 * count, unicodeScalars.count <= count { return self }
    return String(prefix(count))
  }

  /// Where the first `count` characters of `bytes` (UTF-8) end, when each of the first
  /// `count + 1` scalars is a character of its own (`isOwnCharacter`); nil when another comes
  /// first. A German, French, Greek or Chinese complaint is all such scalars, so its excerpt is
  /// found in one pass over its bytes. A text of `count` or fewer such scalars ends at its end.
  static func simpleEnd(of count: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var scalars = 0
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      let value: UInt32
      let length: Int
      switch byte {
      case 0..<0x80:
        value = UInt32(byte)
        length = 1
      case 0xC2...0xDF where index + 1 < bytes.count:
        value = UInt32(byte & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
        length = 2
      case 0xE0...0xEF where index + 2 < bytes.count:
        value =
          UInt32(byte & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
          | UInt32(bytes[index + 2] & 0x3F)
        length = 3
      default: return nil
      }
      guard isOwnCharacter(value) else { return nil }
      // This scalar begins the character after the excerpt, and cannot join the one before.
      if scalars == count { return index }
      scalars += 1
      index += length
    }
    return bytes.count
  }

  /// Scalars that Unicode's grapheme rules never join to one another: below U+0300 but CR
  /// (ASCII, the C1 controls, Latin letters and modifier letters: combining marks begin at
  /// U+0300), Greek, Cyrillic but its combining marks, general punctuation but its joiners and
  /// format characters, currency signs, CJK symbols but their tone marks, Hiragana but its
  /// combining sound marks, Katakana, Han, Hangul syllables, and the full-width and half-width
  /// forms but the half-width sound marks. None is a mark, a joiner, a prepended sign, a
  /// regional indicator or a Hangul jamo, so two of them side by side are two characters
  /// (checked for each with every kind by `ExcerptTests`). The text's bytes are well-formed
  /// UTF-8 (a Swift string's), so a scalar here is read from its bytes alone.
  static func isOwnCharacter(_ value: UInt32) -> Bool {
    switch value {
    case 0x0D: false
    case 0..<0x300, 0x370...0x482, 0x48A...0x52F: true
    case 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20C0: true
    case 0x3000...0x3029, 0x3030...0x303F, 0x3041...0x3096, 0x309B...0x30FF: true
    case 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFF01...0xFF9D: true
    default: false
    }
  }
}
