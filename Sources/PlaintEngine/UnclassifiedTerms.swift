import PlaintCore
import PlaintReport

/// The most frequent words and two- and three-word phrases among unclassified tickets, so an
/// engineer knows which taxonomy rules to add.
enum UnclassifiedTerms {
  /// Terms found in at least two tickets, most frequent first. Stopwords of the eight starter
  /// languages neither start nor end a term, and a term is left out when a longer one that
  /// contains it is found in as many tickets (it says nothing more).
  static func top(_ texts: [String], limit: Int) -> [ReportModel.TermCount] {
    var counts: [String: Int] = [:]
    for text in texts {
      for phrase in Terms.phrases(of: Terms.words(ofFolded: TextFolding.fold(text))) {
        counts[phrase, default: 0] += 1
      }
    }
    return top(counts: counts, limit: limit)
  }

  /// The same from counts: tickets per word or phrase.
  static func top(counts: [String: Int], limit: Int) -> [ReportModel.TermCount] {
    var subsumed = Set<String>()
    for (phrase, count) in counts where count >= 2 {
      for part in parts(of: phrase) where counts[part] == count { subsumed.insert(part) }
    }
    return counts.filter { $0.value >= 2 && !subsumed.contains($0.key) }
      .sorted { ($0.value, $1.key) > ($1.value, $0.key) }
      .prefix(limit)
      .map { ReportModel.TermCount(term: $0.key, count: $0.value) }
  }

  /// The phrase without its first word and without its last (for spaced scripts), or without
  /// its first or last character (for unspaced ones).
  private static func parts(of phrase: String) -> [String] {
    if phrase.contains(" ") {
      let words = phrase.split(separator: " ")
      return [words.dropFirst().joined(separator: " "), words.dropLast().joined(separator: " ")]
    }
    guard Terms.isUnspaced(phrase), phrase.count > 2 else { return [] }
    return [String(phrase.dropFirst()), String(phrase.dropLast())]
  }
}
