extension String {
  /// The first `count` characters (`prefix(count)`), and the string itself when it has no more
  /// bytes or Unicode scalars than that: a text that short has no more characters either, and
  /// walking it character by character (a grapheme check a byte) was about a twentieth of a
  /// report's window pass and again of its assembly.
  func excerpt(_ count: Int) -> String {
    utf8.count <= count || unicodeScalars.count <= count ? self : String(prefix(count))
  }
}
