/// A product glob (`AF-*`, `KX-??0`) compiled over folded bytes.
///
/// The literal parts are folded like everything else, so matching ignores case and accents and
/// treats any run of punctuation as one space (`AF-*` matches `af-200`, `AF 200` and `AF_200`).
/// Folding never produces `*` or `?`, so those bytes mark the wildcards in `pattern`.
struct ProductGlob: Sendable {
  /// The glob as written in the taxonomy.
  var text: String
  var pattern: [UInt8]
  /// The line the glob marks.
  var owner: Int

  static let anyRun = UInt8(ascii: "*")
  static let anyOne = UInt8(ascii: "?")

  /// Compiles `text`, or returns nil when it holds neither a literal nor a wildcard.
  init?(_ text: String, owner: Int) {
    var pattern: [UInt8] = []
    var literal = ""
    var parts: [(literal: String, wildcard: UInt8?)] = []
    for character in text {
      if character == "*" || character == "?" {
        parts.append((literal, character == "*" ? Self.anyRun : Self.anyOne))
        literal = ""
      } else {
        literal.append(character)
      }
    }
    parts.append((literal, nil))
    for (index, part) in parts.enumerated() {
      var folded = TextFolding.withFolded(part.literal, trimming: false) { Array($0) }
      if index == 0, folded.first == TextFolding.space { folded.removeFirst() }
      if index == parts.count - 1, folded.last == TextFolding.space { folded.removeLast() }
      pattern += folded
      if let wildcard = part.wildcard { pattern.append(wildcard) }
    }
    guard !pattern.isEmpty else { return nil }
    self.text = text
    self.pattern = pattern
    self.owner = owner
  }

  /// Whether the glob has no wildcard, so that it matches one folded value only.
  var isLiteral: Bool { !pattern.contains(Self.anyRun) && !pattern.contains(Self.anyOne) }

  /// Whether the glob matches the whole of the folded `value`.
  func matches(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
    pattern.withUnsafeBufferPointer { pattern in
      var patternIndex = 0
      var valueIndex = 0
      var starPattern = -1
      var starValue = 0
      while valueIndex < value.count {
        if patternIndex < pattern.count && pattern[patternIndex] == Self.anyOne {
          valueIndex = UTF8Scalar.next(value, after: valueIndex)
          patternIndex += 1
        } else if patternIndex < pattern.count && pattern[patternIndex] == Self.anyRun {
          starPattern = patternIndex
          starValue = valueIndex
          patternIndex += 1
        } else if patternIndex < pattern.count && pattern[patternIndex] == value[valueIndex] {
          patternIndex += 1
          valueIndex += 1
        } else if starPattern >= 0 {
          starValue = UTF8Scalar.next(value, after: starValue)
          valueIndex = starValue
          patternIndex = starPattern + 1
        } else {
          return false
        }
      }
      while patternIndex < pattern.count && pattern[patternIndex] == Self.anyRun {
        patternIndex += 1
      }
      return patternIndex == pattern.count
    }
  }
}
