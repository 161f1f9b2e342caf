import PlaintCore
import PlaintReport

/// The most frequent words and two-word phrases among unclassified tickets, so an engineer knows
/// which taxonomy rules to add.
enum UnclassifiedTerms {
  /// Words too common to suggest a rule, in the demo's languages; folded like the text.
  static let stopwords: Set<String> = [
    "the", "and", "for", "with", "that", "this", "was", "are", "have", "has", "not", "but", "you",
    "your", "our", "from", "they", "there", "what", "when", "can", "could", "would", "please",
    "der", "die", "das", "und", "ist", "nicht", "mit", "ein", "eine", "ich", "sie", "wir", "bitte",
    "les", "des", "une", "est", "pas", "que", "pour", "con", "los", "las", "por", "para",
    "nie", "jest", "sie", "bir", "ve", "bu", "icin", "και", "το", "να", "δεν", "με", "η", "ο",
  ]

  static func top(_ texts: [String], limit: Int) -> [ReportModel.TermCount] {
    var counts: [String: Int] = [:]
    for text in texts {
      let words = TextFolding.fold(text).split(separator: " ").map(String.init)
        .filter { $0.count >= 3 && !stopwords.contains($0) && !$0.allSatisfy(\.isNumber) }
      var seen = Set<String>()
      for word in words where seen.insert(word).inserted { counts[word, default: 0] += 1 }
      for (first, second) in zip(words, words.dropFirst()) {
        let pair = "\(first) \(second)"
        if seen.insert(pair).inserted { counts[pair, default: 0] += 1 }
      }
    }
    return counts.filter { $0.value >= 2 }
      .sorted { ($0.value, $1.key) > ($1.value, $0.key) }
      .prefix(limit)
      .map { ReportModel.TermCount(term: $0.key, count: $0.value) }
  }
}
