extension String {
  /// The first `count` characters (`prefix(count)`), found without walking the text character
  /// by character (a grapheme check a byte, about a twentieth of a report's window pass and again
  /// of its assembly) where its bytes tell: a text with no more bytes, or no more Unicode scalars,
  /// than `count` is whole; when its first `count` bytes and the one after them are ASCII other
  /// than CR, each of those bytes is a character (only CR LF joins two ASCII bytes into one, and
  /// nothing ASCII extends the character before it), so the excerpt is those bytes.
  func excerpt(_ count: Int) -> String {
    if utf8.count <= count { return self }
    var text = self
    let ascii = text.withUTF8 { bytes -> String? in
      guard bytes.count > count, count >= 0 else { return nil }
      for index in 0...count where bytes[index] >= 0x80 || bytes[index] == 0x0D { return nil }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<count]), as: UTF8.self)
    }
    if let ascii { return ascii }
    if utf8.count <= 4 * count, unicodeScalars.count <= count { return self }
    return String(prefix(count))
  }
}
