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
}
