import PlaintTestSupport
import Testing

@testable import PlaintCore

/// The words and phrases of unclassified complaints are cut from ASCII text by its bytes
/// (`Terms.isOneBytePerCharacter`): over random texts they must be the ones the general, per
/// Character way gives, written out here as it was.
@Suite struct TermsFastPathTests {
  static func referenceWords(_ folded: String) -> [String] {
    var words: [String] = []
    for token in folded.split(separator: " ") {
      var current = ""
      for scalar in token.unicodeScalars {
        if Script.isUnspaced(scalar.value) {
          if !current.isEmpty { words.append(current) }
          current = ""
          words.append(String(scalar))
        } else {
          current.unicodeScalars.append(scalar)
        }
      }
      if !current.isEmpty { words.append(current) }
    }
    return words
  }

  static func referenceNoise(_ word: String) -> Bool {
    word.allSatisfy(\.isNumber) || (!Terms.isUnspaced(word) && word.count < 2)
      || (word.count >= 2 && word.allSatisfy { $0 == "x" })
  }

  static let pieces = [
    "x", "xx", "xxxx", "7", "42", "2019", "a", "ab", "lid", "kettle", "the", "and", "broke",
    "é", "café", "水", "壶坏", "ß", "\r\n", "\r", "x1", "1x", "½", "no", "never", "refund",
  ]

  @Test("ASCII words, noise and lengths by bytes equal the per-character way", arguments: 0..<40)
  func fastPathMatchesCharacters(seed: Int) {
    var random = SplitMix64(seed: UInt64(seed) &+ 17)
    for _ in 0..<50 {
      let count = random.next(below: 12)
      let text = (0..<count).map { _ in Self.pieces[random.next(below: Self.pieces.count)] }
        .joined(separator: random.next(below: 4) == 0 ? "  " : " ")
      let words = Terms.words(ofFolded: text)
      #expect(words == Self.referenceWords(text), "\(text.debugDescription)")
      for word in words {
        #expect(Terms.isNoise(word) == Self.referenceNoise(word), "\(word.debugDescription)")
        #expect(Terms.characters(word) == word.count, "\(word.debugDescription)")
      }
    }
  }

  /// Pieces whose first or last character may be joined to a space beside it: combining and
  /// spacing marks, a joiner, Thai's sara am, an emoji modifier, a prepended Arabic sign.
  static let joining = [
    "\u{301}", "\u{301}a", "\u{93F}", "\u{200D}", "\u{E33}", "\u{1F3FB}", "\u{600}",
    "\u{600}x", "कि", "ไทย", "\u{FE0F}",
  ]

  @Test(
    "words cut by bytes are the per-character words, or none when a space may join",
    arguments: 0..<40)
  func wordsByBytesMatchCharacters(seed: Int) {
    var random = SplitMix64(seed: UInt64(seed) &+ 101)
    let pieces = Self.pieces + Self.joining
    var (cut, declined) = (0, 0)
    for _ in 0..<60 {
      let count = random.next(below: 10)
      var text = (0..<count).map { _ in pieces[random.next(below: pieces.count)] }
        .joined(separator: " ")
      var words: [String] = []
      let done = text.withUTF8 { bytes in
        Terms.forEachWord(ofFolded: bytes) { words.append(String(decoding: $0, as: UTF8.self)) }
      }
      // A space joined to a character beside it is never cut by bytes.
      if text.contains(where: { $0 != " " && $0.unicodeScalars.contains(" ") }) {
        #expect(!done, "\(text.debugDescription)")
      }
      if done {
        cut += 1
        #expect(words == Self.referenceWords(text), "\(text.debugDescription)")
      } else {
        declined += 1
        #expect(words.isEmpty)
      }
    }
    #expect(cut > 0)
    #expect(declined > 0)
  }
}
