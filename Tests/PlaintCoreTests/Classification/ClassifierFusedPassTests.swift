import Testing

@testable import PlaintCore
import PlaintTestSupport

/// `classify` folds and matches a text in one pass over one automaton of issue and line phrases;
/// `explain` (and `classifyInPasses`) fold first and then run an automaton per rule kind. Both must
/// decide every ticket alike: issue, category, product line and rule, including the tie rule
/// (longest, then priority, then file order), word boundaries, stems and unspaced scripts.
@Suite("Classifier fused pass")
struct ClassifierFusedPassTests {
  /// Text pieces: Latin with accents and case, German, French, Turkish, Greek, Chinese, Thai,
  /// Hangul, digits, punctuation, compatibility forms and invalid UTF-8 aside (Strings are valid).
  private static let pieces: [String] = [
    "a", "b", "n", "e", "l", "s", "A", "É", "é", "ß", "ẞ", "Σ", "ς", "ł", "ı", "İ", "ﬁ", "Ａ",
    "中", "文", "坏", "了", "ก", "ข", "가", "1", "0", " ", "  ", ",", "-", "!", "\n", "'", "·",
    "ü", "Ü", "ç", "œ", "\u{301}", "٣", "㎉",
  ]
  /// Folded characters phrases are made of, so that they meet the texts often.
  private static let phraseAlphabet: [String] = [
    "a", "b", "n", "e", "l", "s", "ss", "σ", "中", "文", "坏", "ก", "가", "1", "u", "c", "fi",
  ]

  private static func text(_ random: inout SplitMix64, pieces count: Int) -> String {
    var text = ""
    for _ in 0..<random.next(below: count + 1) {
      text += pieces[random.next(below: pieces.count)]
    }
    return text
  }

  private static func phrase(_ random: inout SplitMix64) -> String {
    var phrase = ""
    let count = 1 + random.next(below: 4)
    for index in 0..<count {
      if index > 0 && random.next(below: 4) == 0 { phrase += " " }
      phrase += phraseAlphabet[random.next(below: phraseAlphabet.count)]
    }
    if random.next(below: 3) == 0 { phrase = phrase.uppercased() }
    return random.next(below: 4) == 0 ? phrase + "*" : phrase
  }

  /// A random taxonomy: issues with overlapping phrases, priorities and source values; lines
  /// with phrases and globs; either precedence.
  private static func taxonomy(_ random: inout SplitMix64) -> Taxonomy {
    let categories = Category.allCases
    let issues = (0..<(1 + random.next(below: 6))).map { number in
      Taxonomy.Issue(
        category: categories[random.next(below: categories.count)], name: "issue\(number)",
        phrases: (0..<random.next(below: 6)).map { _ in phrase(&random) },
        sourceValues: random.next(below: 3) == 0 ? [phrase(&random)] : [],
        priority: [0, 0, 5, 10][random.next(below: 4)])
    }
    let lines = (0..<random.next(below: 4)).map { number in
      Taxonomy.ProductLine(
        name: "line\(number)",
        products: random.next(below: 2) == 0 ? ["\(phrase(&random))-??", "K\(number)*"] : [],
        phrases: (0..<random.next(below: 4)).map { _ in phrase(&random) })
    }
    return Taxonomy(
      issues: issues, productLines: lines,
      precedence: random.next(below: 4) == 0 ? .priority : .length)
  }

  @Test("One pass and several passes classify random texts alike")
  func randomTextsAgree() {
    var random = SplitMix64(seed: 0xF05E_D0)
    var classified = 0
    var withLine = 0
    for round in 0..<600 {
      let classifier = Classifier(taxonomy: Self.taxonomy(&random))
      for _ in 0..<20 {
        let text = Self.text(&random, pieces: round % 10 == 0 ? 400 : 40)
        let product: String? =
          random.next(below: 3) == 0
          ? nil : random.next(below: 2) == 0 ? Self.text(&random, pieces: 6) : "K\(round % 4)7"
        let source: String? = random.next(below: 4) == 0 ? Self.phrase(&random) : nil
        let fused = classifier.classify(text: text, product: product, sourceCategory: source)
        let passes = classifier.classifyInPasses(
          text: text, product: product, sourceCategory: source)
        #expect(fused == passes, "text \(text.debugDescription) product \(product ?? "nil")")
        if fused != passes { return }
        if fused.issue != ClassifiedTicket.unclassified { classified += 1 }
        if fused.productLine != Cell.unassigned { withLine += 1 }
      }
    }
    // Not vacuous: many texts are classified, many get a product line.
    #expect(classified > 3_000, "\(classified)")
    #expect(withLine > 1_000, "\(withLine)")
  }

  @Test("A taxonomy with more automaton states than the fused pass's 16-bit table is decided alike")
  func largeTaxonomiesAgree() {
    var random = SplitMix64(seed: 0xB16_7A8)
    let letters = Array("abcdefghijklmnopqrstuvwxyz")
    func word(_ length: Int) -> String {
      String((0..<length).map { _ in letters[random.next(below: letters.count)] })
    }
    // 4,000 phrases of two random words: about 50,000 states, more than 16 bits number.
    let phrases = (0..<4_000).map { _ in word(6) + " " + word(5) }
    let issues = (0..<40).map { number in
      Taxonomy.Issue(
        category: .product, name: "issue\(number)",
        phrases: Array(phrases[(number * 100)..<(number * 100 + 100)]))
    }
    let large = Classifier(taxonomy: Taxonomy(issues: issues, productLines: []))
    let small = Classifier(taxonomy: Taxonomy(issues: Array(issues.prefix(2)), productLines: []))
    #expect(!large.scansInOnePass)
    #expect(small.scansInOnePass)
    var classified = 0
    for _ in 0..<300 {
      // Texts that hold some of the phrases among random words.
      var parts = (0..<8).map { _ in word(5) }
      for _ in 0..<random.next(below: 3) {
        parts.insert(phrases[random.next(below: 200)], at: random.next(below: parts.count))
      }
      let text = parts.joined(separator: " ")
      for classifier in [large, small] {
        let fused = classifier.classify(text: text, product: nil, sourceCategory: nil)
        let passes = classifier.classifyInPasses(text: text, product: nil, sourceCategory: nil)
        #expect(fused == passes, "text \(text)")
        if fused.issue != ClassifiedTicket.unclassified { classified += 1 }
      }
    }
    #expect(classified > 300, "\(classified)")
  }

  @Test("A text with more phrase endings than the fused pass keeps is decided in passes, alike")
  func crowdedTextsAgree() {
    let classifier = Classifier(
      taxonomy: Taxonomy(
        issues: [
          Taxonomy.Issue(category: .product, name: "a", phrases: ["a"]),
          Taxonomy.Issue(category: .service, name: "ab", phrases: ["a b"], priority: 3),
        ],
        productLines: [Taxonomy.ProductLine(name: "b", phrases: ["b"])]))
    for count in [1, Classifier.fusedHitCapacity / 2, Classifier.fusedHitCapacity * 2] {
      let text = String(repeating: "a ", count: count) + "a b"
      let fused = classifier.classify(text: text, product: nil, sourceCategory: nil)
      #expect(fused == classifier.classifyInPasses(text: text, product: nil, sourceCategory: nil))
      #expect(fused.issue == "ab" && fused.productLine == "b")
    }
  }

  /// Long ASCII words, most of a real text's bytes: inside a word no phrase continues, the fused
  /// pass copies eight bytes at a time. Words of every length up to three times eight, in any
  /// case, with digits, cut by punctuation, spaces, accents and Chinese at every position of an
  /// eight-byte chunk; phrases are whole words, their starts, or two words.
  @Test("Long ASCII words are decided alike in one pass and in several")
  func longWordsAgree() {
    var random = SplitMix64(seed: 0x10_46_0D)
    let characters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    let cuts = [" ", " ", ",", "-", "'", "\n", "@", "[", "`", "{", "/", ":", "é", "中", "\t"]
    func word() -> String {
      String(
        (0..<random.next(below: 25)).map { _ in
          // Mostly six letters, so that phrases meet the text often.
          characters[
            random.next(below: 3) == 0
              ? random.next(below: characters.count) : random.next(below: 6)]
        })
    }
    var classified = 0
    for _ in 0..<300 {
      let words = (0..<40).map { _ in word() }
      let text = words.map { $0 + cuts[random.next(below: cuts.count)] }.joined()
      func phrase() -> String {
        let picked = words[random.next(below: words.count)].lowercased()
        switch random.next(below: 4) {
        case 0: return String(picked.prefix(1 + random.next(below: 4)))
        case 1: return picked + " " + words[random.next(below: words.count)]
        default: return picked.isEmpty ? "a" : picked
        }
      }
      let classifier = Classifier(
        taxonomy: Taxonomy(
          issues: (0..<3).map { number in
            Taxonomy.Issue(
              category: .product, name: "issue\(number)",
              phrases: (0..<4).map { _ in random.next(below: 3) == 0 ? phrase() + "*" : phrase() })
          },
          productLines: [Taxonomy.ProductLine(name: "line", phrases: [phrase()])]))
      let fused = classifier.classify(text: text, product: nil, sourceCategory: nil)
      let passes = classifier.classifyInPasses(text: text, product: nil, sourceCategory: nil)
      #expect(fused == passes, "text \(text.debugDescription)")
      if fused.issue != ClassifiedTicket.unclassified { classified += 1 }
    }
    #expect(classified > 200, "\(classified)")
  }
}
