/// What each taxonomy rule does on a set of tickets: how often it matched and won, a seeded
/// sample of the text it matched, the rules that never fired and the issues that overlap.
public struct RuleStatistics: Sendable, Hashable {
  /// One issue rule (a phrase or a source value) and its record on the tickets.
  public struct Rule: Sendable, Hashable {
    /// As `issue "phrase"` or `issue source_value "value"`.
    public var rule: String
    public var issue: String
    /// Tickets the rule matched.
    public var matched: Int
    /// Tickets the rule decided (it was the winning match).
    public var won: Int
    /// Up to `sampleSize` matched texts, folded and cut around the match, picked by the seed.
    public var samples: [String]
  }

  /// Two issues that matched the same tickets.
  public struct Overlap: Sendable, Hashable {
    public var first: String
    public var second: String
    public var tickets: Int
  }

  public var tickets: Int
  public var classified: Int
  /// Every rule, in taxonomy order.
  public var rules: [Rule]
  /// Pairs of issues that matched one ticket, most frequent first.
  public var overlaps: [Overlap]

  /// The rules that matched no ticket.
  public var neverFired: [Rule] { rules.filter { $0.matched == 0 } }

  /// Runs every ticket through the classifier. Samples are chosen by a hash of the seed and the
  /// ticket id, so the same seed gives the same samples whatever order the tickets come in.
  public init(
    classifier: Classifier, tickets: [(id: String, text: String, sourceCategory: String?)],
    seed: UInt64, sampleSize: Int = 3
  ) {
    let keys = classifier.taxonomy.issues.map(\.key)
    var matched = Array(repeating: 0, count: classifier.ruleCount)
    var won = Array(repeating: 0, count: classifier.ruleCount)
    var picks = Array(repeating: [(rank: UInt64, text: String)](), count: classifier.ruleCount)
    var pairs: [Pair: Int] = [:]
    var classified = 0
    for ticket in tickets {
      let (winner, candidates, folded) = classifier.issueCandidates(
        text: ticket.text, sourceCategory: ticket.sourceCategory)
      if let winner {
        classified += 1
        won[classifier.ruleNumber(of: winner)] += 1
      }
      let rank = Self.rank(ticket.id, seed: seed)
      var seen = Set<Int>()
      for candidate in candidates {
        let number = classifier.ruleNumber(of: candidate)
        guard seen.insert(number).inserted else { continue }
        matched[number] += 1
        if picks[number].count < sampleSize || rank < picks[number].last?.rank ?? 0 {
          let snippet = Self.snippet(folded, at: candidate.position, length: candidate.length)
          picks[number].append((rank, snippet))
          picks[number].sort { $0.rank < $1.rank }
          if picks[number].count > sampleSize { picks[number].removeLast() }
        }
      }
      let issues = Set(candidates.map(\.issue)).sorted()
      for (index, first) in issues.enumerated() {
        for second in issues[(index + 1)...] {
          pairs[Pair(first: first, second: second), default: 0] += 1
        }
      }
    }
    self.tickets = tickets.count
    self.classified = classified
    rules = (0..<classifier.ruleCount).map { number in
      let (issue, rule) = classifier.rule(number: number)
      return Rule(
        rule: rule, issue: keys[issue], matched: matched[number], won: won[number],
        samples: picks[number].map(\.text))
    }
    overlaps = pairs.map {
      Overlap(first: keys[$0.key.first], second: keys[$0.key.second], tickets: $0.value)
    }
    .sorted { ($0.tickets, $1.first, $1.second) > ($1.tickets, $0.first, $0.second) }
  }

  private struct Pair: Hashable {
    var first: Int
    var second: Int
  }

  /// A 64-bit FNV-1a hash of the id, mixed with the seed.
  static func rank(_ id: String, seed: UInt64) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ seed &* 0x9E37_79B9_7F4A_7C15
    for byte in id.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    return hash
  }

  /// Up to 40 characters either side of the match at UTF-8 offset `position`.
  static func snippet(_ folded: String, at position: Int, length: Int) -> String {
    let utf8 = folded.utf8
    let offset = utf8.index(utf8.startIndex, offsetBy: min(max(position, 0), utf8.count))
    let characterStart = String.Index(offset, within: folded) ?? folded.startIndex
    let from = folded.index(characterStart, offsetBy: -40, limitedBy: folded.startIndex)
    let to = folded.index(characterStart, offsetBy: length + 40, limitedBy: folded.endIndex)
    let text = String(folded[(from ?? folded.startIndex)..<(to ?? folded.endIndex)])
    return (from == nil ? "" : "…") + text + (to == nil ? "" : "…")
  }
}
