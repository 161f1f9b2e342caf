import Testing

@testable import PlaintEngine

/// The unclassified-terms table lists words and phrases that carry meaning, not stopwords.
@Suite struct UnclassifiedTermsTests {
  @Test func stopwordsGiveWayToPhrases() {
    let texts = [
      "Kart aidatı için talep ediyorum olarak",
      "Bu kart aidatı çok yüksek, talep ediyorum",
      "kart aidatı iadesi olarak talep ediyorum",
      "Die Kontogebühr ist zu hoch und ich bitte um Erstattung",
      "Die Kontogebühr wurde doppelt berechnet",
    ]
    let terms = UnclassifiedTerms.top(texts, limit: 20)
    let words = terms.map(\.term)
    #expect(terms.first?.term == "kart aidati" && terms.first?.count == 3, "\(terms)")
    #expect(words.contains("kontogebuhr"))
    for stopword in ["ediyorum", "talep", "olarak", "die", "ist", "und", "bu"] {
      #expect(
        !words.contains {
          $0 == stopword || $0.hasPrefix(stopword + " ") || $0.hasSuffix(" " + stopword)
        })
    }
    #expect(!words.contains("kart"), "as frequent as \"kart aidati\", so it says nothing more")
  }

  @Test func threeWordPhrasesAreCounted() {
    let texts = Array(repeating: "the water tank cracked again", count: 3) + ["water everywhere"]
    let terms = UnclassifiedTerms.top(texts, limit: 5)
    #expect(terms.first?.term == "water" && terms.first?.count == 4, "\(terms)")
    #expect(terms.contains { $0.term == "water tank cracked" && $0.count == 3 })
    #expect(!terms.contains { $0.term == "water tank" || $0.term == "tank cracked" })
  }
}
