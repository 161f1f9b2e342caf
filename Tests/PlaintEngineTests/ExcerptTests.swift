import PlaintTestSupport
import Testing

@testable import PlaintEngine

/// A listed ticket's excerpt is its first 200 characters, found from the bytes where they tell
/// (`String.excerpt`). Over random texts of ASCII,
/// accented letters, combining marks, CR LF and emoji, around the cut, it must be the prefix.
@Suite struct ExcerptTests {
  static let pieces = [
    "a", "kettle ", "é", "e\u{301}", "\r\n", "水", "👍🏽", "🇩🇪", " ", "\"", "ß", "Grüße ", "\u{85}",
    "\u{AD}", "ʼ", "\u{2FF}", "\r", "\n", "\u{300}", "\u{200D}", "ελατήριο ", "水壶", "。",
    "ｶﾞ", "\u{302A}", "か\u{3099}", "й", "и\u{306}", "\u{483}", "한", "\u{1100}\u{1161}", "—",
    "\u{2060}", "\u{20D0}", "ＡＢ", "\u{FE0F}",
  ]

  @Test("an excerpt is the first characters, however the text is written", arguments: 0..<20)
  func excerptIsPrefix(seed: Int) {
    var random = SplitMix64(seed: UInt64(seed) &+ 3)
    for _ in 0..<100 {
      let text = (0..<random.next(below: 120)).map { _ in
        Self.pieces[random.next(below: Self.pieces.count)]
      }.joined()
      for count in [0, 1, 10, 50, 200] {
        #expect(text.excerpt(count) == String(text.prefix(count)), "\(text.debugDescription)")
      }
    }
  }

  @Test("a mark, a CR LF or an emoji right at the cut stays with its character")
  func cutThroughACharacter() {
    let ascii = String(repeating: "a", count: 199)
    for tail in ["e\u{301}xyz", "\r\nxyz", "👍🏽xyz", "ab\u{301}", "a\r\n", "abc", "a\u{200D}b"] {
      let text = ascii + tail
      #expect(text.excerpt(200) == String(text.prefix(200)), "\(tail.debugDescription)")
    }
  }

  @Test("each scalar the bytes are cut by is a character of its own beside any other of them")
  func ownCharactersStayApart() {
    let own = (0..<0x1_0000).filter { String.isOwnCharacter(UInt32($0)) }
      .compactMap { Unicode.Scalar($0) }
    // Every one beside the first and last of each run of them (each range of a kind) and the
    // scalars below U+0300: grapheme rules go by kind, and each range holds few kinds.
    let edges = own.indices.filter { index in
      index == 0 || index == own.count - 1 || own[index - 1].value + 1 != own[index].value
        || own[index + 1].value != own[index].value + 1
    }.map { own[$0] }
    let neighbours = edges + own.filter { $0.value < 0x300 && $0.value % 16 == 0 }
    var apart = 0
    var pairs = 0
    for scalar in own {
      for neighbour in neighbours {
        for (first, second) in [(scalar, neighbour), (neighbour, scalar)] {
          var scalars = String.UnicodeScalarView()
          scalars.append(first)
          scalars.append(second)
          pairs += 1
          if String(scalars).count == 2 { apart += 1 }
        }
      }
    }
    #expect(apart == pairs)
    #expect(own.count > 30_000)
  }

  @Test("each scalar below U+0300 but CR is a character of its own, whatever follows it")
  func scalarsBelowCombiningMarksAreCharacters() {
    let simple = (0..<0x300).compactMap { Unicode.Scalar($0) }.filter { $0 != "\r" }
    #expect(simple.allSatisfy { String.isOwnCharacter($0.value) })
    var pairs = 0
    for first in simple {
      for second in simple {
        var scalars = String.UnicodeScalarView()
        scalars.append(first)
        scalars.append(second)
        if String(scalars).count == 2 { pairs += 1 }
      }
    }
    #expect(pairs == simple.count * simple.count)
  }

  @Test(
    "accented, Greek, Cyrillic and Chinese text is cut at its 200th character",
    arguments: ["é", "ß", "Grüße, ", "\u{2C6}x", "ελατήριο ", "пружина ", "水壶坏了。", "ＡＢ"])
  func accentedText(piece: String) {
    let text = String(repeating: piece, count: 300)
    #expect(text.excerpt(200) == String(text.prefix(200)))
    #expect(String(text.prefix(150)).excerpt(200) == String(text.prefix(150)))
  }
}
