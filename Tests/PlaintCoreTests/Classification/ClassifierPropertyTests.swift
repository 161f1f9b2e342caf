import Testing

@testable import PlaintCore
import PlaintTestSupport

@Suite("Classifier properties")
struct ClassifierPropertyTests {
  /// Raw text characters: letters that fold to themselves or to other letters of the set,
  /// CJK, Thai and Hangul, and separators.
  private static let rawAlphabet: [String] = [
    "a", "b", "n", "A", "é", "É", "ł", "ß", "Σ", "ς", "中", "文", "ก", "ข", "가", " ", ",", "-",
  ]
  /// Folded characters phrases are made of.
  private static let phraseAlphabet: [Unicode.Scalar] = [
    "a", "b", "n", "e", "l", "s", "σ", "中", "文", "ก", "가",
  ]

  @Test(
    "The automaton finds exactly the whole-word occurrences a brute-force search finds",
    arguments: [PhraseAutomaton.Anchoring.anywhere, .wordStarts])
  func automatonAgreesWithNaiveSearch(anchoring: PhraseAutomaton.Anchoring) {
    var random = SplitMix64(seed: 0xC0FFEE)
    var checkedMatches = 0
    var phrases: [String] = []
    for round in 0..<3_000 {
      // A fresh phrase set every 50 texts.
      if round % 50 == 0 { phrases = Self.randomPhrases(using: &random) }
      let compiled = phrases.enumerated().compactMap { index, text in
        CompiledPhrase(text, owner: index, order: index)
      }
      let automaton = PhraseAutomaton(patterns: compiled.map(\.folded), anchoring: anchoring)
      var raw = ""
      for _ in 0..<Int.random(in: 0...40, using: &random) {
        raw += Self.rawAlphabet[Int.random(in: 0..<Self.rawAlphabet.count, using: &random)]
      }
      let folded = TextFolding.fold(raw)

      var found: Set<Hit> = []
      Array(folded.utf8).withUnsafeBufferPointer { text in
        automaton.forEachMatch(in: text) { index, end in
          if compiled[index].isWholeWord(in: text, end: end) {
            found.insert(Hit(phrase: index, byteOffset: end - compiled[index].folded.count))
          }
        }
      }
      let expected = Self.naiveMatches(of: compiled, in: folded)
      #expect(found == expected, "phrases \(phrases) in \"\(folded)\"")
      checkedMatches += expected.count
      if found != expected { return }
    }
    // The alphabet is small enough that the comparison is not vacuous.
    #expect(checkedMatches > 3_000, "\(checkedMatches)")
  }

  /// Anchored at word starts, the automaton reports every occurrence the unanchored one does
  /// that starts where a word may (`PhraseAutomaton.mayStartWord`), and no other, whether or not
  /// it is a whole word: phrases with inner spaces, stems, prefixes of one another, and texts
  /// of any bytes, not only folded ones.
  @Test("Anchored at word starts, the automaton finds the occurrences that start a word")
  func anchoredAutomatonKeepsTheWordStarts() {
    var random = SplitMix64(seed: 0xA11C_0123)
    let bytes: [UInt8] = Array("ab n1".utf8) + [0xC3, 0xA9, 0xE4, 0xB8, 0xAD]
    var kept = 0
    var dropped = 0
    for _ in 0..<2_000 {
      let patterns = (0..<(1 + random.next(below: 6))).map { _ in
        (0..<(1 + random.next(below: 4))).map { _ in bytes[random.next(below: bytes.count)] }
      }
      let text = (0..<random.next(below: 60)).map { _ in bytes[random.next(below: bytes.count)] }
      var all: [[Int]] = []
      var anchored: [[Int]] = []
      text.withUnsafeBufferPointer { text in
        PhraseAutomaton(patterns: patterns).forEachMatch(in: text) { index, end in
          let start = end - patterns[index].count
          let previous = start > 0 ? text[start - 1] : nil
          if PhraseAutomaton.mayStartWord(after: previous, at: text[start]) {
            all.append([index, end])
          } else {
            dropped += 1
          }
        }
        PhraseAutomaton(patterns: patterns, anchoring: .wordStarts).forEachMatch(in: text) {
          anchored.append([$0, $1])
        }
      }
      #expect(anchored == all, "\(patterns) in \(text)")
      kept += all.count
      if anchored != all { return }
    }
    #expect(kept > 2_000 && dropped > 500, "\(kept) kept, \(dropped) dropped")
  }

  @Test("A phrase always matches its own upper-cased form embedded in random text")
  func upperCasedPhraseMatches() {
    var random = SplitMix64(seed: 0xFACADE)
    let letters = Array("abcdefghijklmnopqrstuvwxyzäöüßłąęıiçşğéñàσςωάώήί中坏")
    func word(_ range: ClosedRange<Int>) -> String {
      String(
        (0..<Int.random(in: range, using: &random)).map { _ in
          letters[Int.random(in: 0..<letters.count, using: &random)]
        })
    }
    let separators = [" ", ", ", " - ", "! ", "\n", " (", ") "]
    for _ in 0..<1_000 {
      let phrase = (0..<Int.random(in: 1...3, using: &random)).map { _ in word(1...8) }
        .joined(separator: " ")
      var text = ""
      for _ in 0..<Int.random(in: 0...5, using: &random) { text += word(1...8) + " " }
      text += separators[Int.random(in: 0..<separators.count, using: &random)]
      text += phrase.uppercased()
      text += separators[Int.random(in: 0..<separators.count, using: &random)]
      for _ in 0..<Int.random(in: 0...5, using: &random) { text += " " + word(1...8) }
      let classifier = Classifier(
        taxonomy: Taxonomy(
          issues: [Taxonomy.Issue(category: .product, name: "probe", phrases: [phrase])],
          productLines: []))
      let result = classifier.classify(text: text, product: nil, sourceCategory: nil)
      #expect(result.issue == "probe", "\"\(phrase)\" in \"\(text)\"")
    }
  }

  @Test("explain and classify agree")
  func explainAgreesWithClassify() {
    var random = SplitMix64(seed: 42)
    let words = [
      "kettle", "KT-100", "AF-2", "air", "fryer", "broke", "broken", "refund", "Rückerstattung",
      "坏了", "退款", "空气炸锅", "arızalı", "rude", "late", "delivery", "money", "back", "stopped",
      "working", "αγενής", "zwrot", "pieniędzy", "!", "?",
    ]
    for _ in 0..<500 {
      let text = (0..<Int.random(in: 0...12, using: &random)).map { _ in
        words[Int.random(in: 0..<words.count, using: &random)]
      }.joined(separator: Bool.random(using: &random) ? " " : "")
      let product = Bool.random(using: &random) ? words.randomElement(using: &random) : nil
      let source = Bool.random(using: &random) ? "hardware fault" : nil
      let classifier = TaxonomyFixture.classifier
      let plain = classifier.classify(text: text, product: product, sourceCategory: source)
      let (explained, trace) = classifier.explain(
        text: text, product: product, sourceCategory: source)
      #expect(plain == explained)
      #expect(trace.winner == "\(plain.category.rawValue).\(plain.issue)")
      #expect(trace.productLine == plain.productLine)
      #expect(plain.issue == "unclassified" || !trace.matches.isEmpty)
    }
  }

  // MARK: - Helpers

  private struct Hit: Hashable {
    var phrase: Int
    var byteOffset: Int
  }

  private static func randomPhrases(using random: inout SplitMix64) -> [String] {
    (0..<Int.random(in: 4...12, using: &random)).map { _ in
      var scalars = String.UnicodeScalarView()
      let count = Int.random(in: 1...3, using: &random)
      for index in 0..<count {
        if index > 0 && index < count - 1 && Int.random(in: 0..<5, using: &random) == 0 {
          scalars.append(" ")
        } else {
          scalars.append(phraseAlphabet[Int.random(in: 0..<phraseAlphabet.count, using: &random)])
        }
      }
      let stem = Int.random(in: 0..<4, using: &random) == 0 ? "*" : ""
      return String(scalars) + stem
    }
  }

  /// Every whole-word occurrence of every phrase, by comparing scalars at every position.
  private static func naiveMatches(of phrases: [CompiledPhrase], in folded: String) -> Set<Hit> {
    let text = Array(folded.unicodeScalars)
    var byteOffsets = [0]
    for scalar in text {
      byteOffsets.append(byteOffsets[byteOffsets.count - 1] + UTF8.width(scalar))
    }
    func unspaced(_ scalar: Unicode.Scalar) -> Bool {
      switch scalar.value {
      case 0x0E00...0x0E7F, 0x3040...0x30FF, 0x4E00...0x9FFF, 0xAC00...0xD7A3: true
      default: false
      }
    }
    func separates(_ index: Int) -> Bool {
      index < 0 || index >= text.count || text[index] == " " || unspaced(text[index])
    }
    var hits: Set<Hit> = []
    for (index, phrase) in phrases.enumerated() {
      let pattern = Array(String(decoding: phrase.folded, as: UTF8.self).unicodeScalars)
      guard pattern.count <= text.count else { continue }
      for start in 0...(text.count - pattern.count) {
        let end = start + pattern.count
        guard Array(text[start..<end]) == pattern else { continue }
        let startsWord = unspaced(pattern[0]) || separates(start - 1)
        let endsWord =
          phrase.isStem || unspaced(pattern[pattern.count - 1]) || separates(end)
        if startsWord && endsWord {
          hits.insert(Hit(phrase: index, byteOffset: byteOffsets[start]))
        }
      }
    }
    return hits
  }
}
