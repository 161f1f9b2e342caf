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
  /// `count + 1` scalars is a character of its own: one below U+0300 other than CR; nil when
  /// another comes first.
  ///
  /// Below U+0300 lie ASCII, the C1 controls and the Latin letters and modifier letters: no
  /// combining mark (those begin at U+0300), nothing that joins characters, so between two of
  /// them there is always a character boundary but within CR LF (checked for every pair by
  /// `ExcerptTests`). A German or French complaint is all such scalars, so its excerpt is found
  /// in one pass over its bytes. A text of `count` or fewer such scalars ends at its end.
  static func simpleEnd(of count: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var scalars = 0
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      let length: Int
      switch byte {
      case 0x0D: return nil
      case 0..<0x80: length = 1
      // Lead bytes of U+0080 through U+02FF.
      case 0xC2...0xCB: length = 2
      default: return nil
      }
      // This scalar begins the character after the excerpt, and cannot join the one before.
      if scalars == count { return index }
      scalars += 1
      index += length
    }
    return bytes.count
  }
}
