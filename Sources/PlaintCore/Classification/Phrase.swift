/// A taxonomy phrase compiled for the automaton: its folded bytes and where it may match.
struct CompiledPhrase: Sendable {
  /// The phrase as written in the taxonomy, for rules and traces.
  var text: String
  var folded: [UInt8]
  /// The readable rule for results, e.g. `product.defect "broke*"` (issue phrases only).
  var rule = ""
  /// What matching and ranking need, in a value without references.
  var shape: PhraseShape

  var isStem: Bool { shape.isStem }
  var length: Int { shape.length }
  var owner: Int { shape.owner }
  var order: Int { shape.order }

  /// Compiles `text`, or returns nil when it folds to nothing.
  init?(_ text: String, owner: Int, order: Int) {
    let stem = Self.stem(of: text)
    let folded = TextFolding.fold(String(stem.body))
    guard !folded.isEmpty else { return nil }
    self.text = text
    self.folded = Array(folded.utf8)
    let first = folded.unicodeScalars.first?.value ?? 0
    let last = folded.unicodeScalars.last?.value ?? 0
    self.shape = PhraseShape(
      byteCount: self.folded.count, length: folded.count, owner: owner, order: order,
      isStem: stem.isStem, needsBoundaryBefore: !Script.isUnspaced(first),
      needsBoundaryAfter: !stem.isStem && !Script.isUnspaced(last))
  }

  /// The phrase without its trailing `*` (and the spaces around it), and whether it had one.
  static func stem(of text: String) -> (body: Substring, isStem: Bool) {
    var body = Substring(text)
    var isStem = false
    while let last = body.last, last == "*" || last.isWhitespace {
      if last == "*" { isStem = true }
      body = body.dropLast()
    }
    return (body, isStem)
  }

  /// Whether an occurrence of the phrase ending at byte `end` of `text` is a whole-word match.
  func isWholeWord(in text: UnsafeBufferPointer<UInt8>, end: Int) -> Bool {
    shape.isWholeWord(in: text, end: end)
  }
}

/// The size, owner and boundary needs of a compiled phrase, read once per match.
struct PhraseShape: Sendable {
  /// Length of the folded phrase in UTF-8 bytes.
  var byteCount: Int
  /// Length in folded characters; longer phrases win.
  var length: Int
  /// Index of the issue or product line the phrase marks.
  var owner: Int
  /// Order among the rules of the taxonomy; smaller is earlier in the file.
  var order: Int
  /// A trailing `*`: the match may end inside a word.
  var isStem: Bool
  /// Whether the phrase must start at a word boundary (false when it starts in an unspaced
  /// script such as Han or Thai).
  var needsBoundaryBefore: Bool
  /// Whether the phrase must end at a word boundary (false for stems and phrases that end in an
  /// unspaced script).
  var needsBoundaryAfter: Bool

  /// Whether an occurrence of the phrase ending at byte `end` of `text` is a whole-word match.
  @inline(__always)
  func isWholeWord(in text: UnsafeBufferPointer<UInt8>, end: Int) -> Bool {
    if needsBoundaryBefore && !WordBoundary.isBoundary(in: text, at: end - byteCount) {
      return false
    }
    if needsBoundaryAfter && !WordBoundary.isBoundary(in: text, at: end) { return false }
    return true
  }
}

/// Word boundaries in folded text.
enum WordBoundary {
  /// Whether a word may begin or end at byte `index`: the text's edges, a space, or next to a
  /// character of an unspaced script.
  @inline(__always)
  static func isBoundary(in text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    if index <= 0 || index >= text.count { return true }
    let before = text[index - 1]
    let after = text[index]
    if before == TextFolding.space || after == TextFolding.space { return true }
    if before < 0x80 && after < 0x80 { return false }
    if after >= 0x80, let value = UTF8Scalar.decode(text, at: index)?.0,
      Script.isUnspaced(value)
    {
      return true
    }
    if before >= 0x80, let value = UTF8Scalar.decode(text, before: index),
      Script.isUnspaced(value)
    {
      return true
    }
    return false
  }

  /// The first word boundary at or after byte `index`, which starts a scalar.
  static func nextBoundary(in text: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
    var end = index
    while !isBoundary(in: text, at: end) { end = UTF8Scalar.next(text, after: end) }
    return end
  }
}
