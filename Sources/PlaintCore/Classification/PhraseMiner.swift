import Foundation

/// Phrases and priorities for a taxonomy, mined from a labelled sample (`plaint taxonomy suggest`).
///
/// Candidates are the words, stems and two- and three-word phrases of the labelled tickets that
/// start and end with no stopword. A candidate qualifies for an issue when enough of its tickets
/// carry the issue (`minSupport`) and a large enough share do (`minPrecision`). From those, a
/// greedy loop adds the phrase that fixes the most tickets of the sample net of the ones it
/// breaks — judged by the classifier's own rule, so a short phrase that would lose to a longer
/// one elsewhere gains nothing — until no phrase gains `minGain` tickets.
public struct PhraseSuggestions: Sendable {
  public struct Options: Sendable, Hashable {
    public var minSupport = 3
    public var minPrecision = 0.6
    public var minGain = 2
    public var maxPerIssue = 12

    public init(
      minSupport: Int = 3, minPrecision: Double = 0.6, minGain: Int = 2, maxPerIssue: Int = 12
    ) {
      self.minSupport = minSupport
      self.minPrecision = minPrecision
      self.minGain = minGain
      self.maxPerIssue = maxPerIssue
    }
  }

  /// One proposed phrase and its record on the labelled tickets it was mined from.
  public struct Phrase: Sendable, Hashable {
    public var issue: String
    /// As it would be written in taxonomy.yml; a stem ends in `*`.
    public var phrase: String
    /// The starter language most of its tickets are in, nil when unknown.
    public var language: String?
    /// Share of the tickets it matches that carry the issue.
    public var precision: Double
    /// Tickets it matches that carry the issue.
    public var support: Int
    /// Tickets of the sample it would change from wrong to right, net, when it was added.
    public var gain: Int
  }

  /// A proposal to rank one issue above another where both match.
  public struct PriorityChange: Sendable, Hashable {
    public var issue: String
    public var over: String
    /// Tickets labelled `issue` that `over` took.
    public var fixes: Int
    /// Tickets labelled `over` that `issue` would take.
    public var breaks: Int
    /// Whether some of the lost tickets were decided by length, which `priority` outranks only
    /// with `precedence: priority`.
    public var decidedByLength: Bool
    /// Tickets of the sample the change gains overall, net, measured with the classifier.
    public var gain: Int
  }

  /// A phrase of the taxonomy that decides more tickets wrongly than rightly.
  public struct Removal: Sendable, Hashable {
    public var issue: String
    public var phrase: String
    /// Labelled tickets the phrase decided, and how many of those rightly.
    public var won: Int
    public var correct: Int
    /// Tickets of the sample the removal gains overall, net, measured with the classifier.
    public var gain: Int
  }

  public var options: Options
  /// Phrases already in the taxonomy whose removal gains `minGain` tickets.
  public var removals: [Removal] = []
  /// New issues (labels naming none) as "category.name", in the order they were first seen.
  public var newIssues: [String]
  public var phrases: [Phrase]
  public var priorityChanges: [PriorityChange]
  /// The priority each issue would need for the accepted changes.
  public var priorities: [String: Int]
  /// The taxonomy with the phrases (and new issues) added and the removals made.
  public var taxonomy: Taxonomy
  /// The taxonomy with the phrases and the priorities, and `precedence: priority` when a change
  /// needs it.
  public var taxonomyWithPriorities: Taxonomy

  public init(classifier: Classifier, tickets: [LabelledTicket], options: Options = Options()) {
    var issues = classifier.taxonomy.issues
    var index: [String: Int] = [:]
    for (position, issue) in issues.enumerated() { index[issue.key] = position }
    var newIssues: [String] = []
    for ticket in tickets {
      for label in ticket.labels.sorted()
      where index[label] == nil && label != LabelResolver.unclassified {
        let issue = Self.newIssue(label)
        if let existing = index[issue.key] {
          index[label] = existing
          continue
        }
        index[label] = issues.count
        index[issue.key] = issues.count
        issues.append(issue)
        newIssues.append(issue.key)
      }
    }
    let priorityFirst = classifier.priorityFirst

    // The sample as the greedy loop needs it.
    var labels: [Set<Int>] = []
    var current: [IssueMatch?] = []
    var correct: [Bool] = []
    var languages: [String?] = []
    var postings: [String: [Int]] = [:]
    var stemWords: [String: Set<String>] = [:]
    for (number, ticket) in tickets.enumerated() {
      let mine = Set(ticket.labels.compactMap { index[$0] })
      let winner = classifier.issueCandidates(
        text: ticket.text, sourceCategory: ticket.sourceCategory
      ).winner
      labels.append(mine)
      current.append(winner)
      correct.append(
        winner.map { mine.contains($0.issue) }
          ?? ticket.labels.contains(LabelResolver.unclassified))
      let words = Terms.words(ofFolded: TextFolding.fold(ticket.text))
      let language = Stopwords.language(of: words)
      languages.append(language)
      for phrase in Terms.phrases(of: words) { postings[phrase, default: []].append(number) }
      if let language {
        for word in Set(words) where !Stopwords.contains(word) {
          if let stem = Terms.stem(of: word, language: language) {
            stemWords[stem, default: []].insert(word)
          }
        }
      }
    }
    // A stem matches every word it begins; it is a candidate when it joins two or more forms.
    let vocabulary = postings.keys.filter { !$0.contains(" ") && !Terms.isUnspaced($0) }.sorted()
    for (stem, forms) in stemWords where forms.count >= 2 {
      var tickets = Set<Int>()
      var low = vocabulary.partitioningIndex { $0 >= stem }
      while low < vocabulary.count && vocabulary[low].hasPrefix(stem) {
        tickets.formUnion(postings[vocabulary[low]] ?? [])
        low += 1
      }
      if tickets.count >= options.minSupport { postings[stem + "*"] = tickets.sorted() }
    }

    // Candidates: (phrase, issue) pairs with enough support and precision.
    struct Candidate {
      var phrase: String
      var issue: Int
      var length: Int
      var tickets: [Int]
      var precision: Double
      var support: Int
    }
    var candidates: [Candidate] = []
    for (phrase, posting) in postings where posting.count >= options.minSupport {
      var byIssue: [Int: Int] = [:]
      for ticket in posting { for issue in labels[ticket] { byIssue[issue, default: 0] += 1 } }
      for (issue, support) in byIssue where support >= options.minSupport {
        let precision = Double(support) / Double(posting.count)
        guard precision >= options.minPrecision else { continue }
        let body = phrase.hasSuffix("*") ? String(phrase.dropLast()) : phrase
        candidates.append(
          Candidate(
            phrase: phrase, issue: issue, length: body.count, tickets: posting,
            precision: precision, support: support))
      }
    }
    candidates.sort { ($0.phrase, $0.issue) < ($1.phrase, $1.issue) }

    // Greedy: add the phrase with the largest net gain until none gains enough.
    var chosen: [Phrase] = []
    var perIssue: [Int: Int] = [:]
    var used = Array(repeating: false, count: candidates.count)
    while true {
      var best: (candidate: Int, gain: Int)? = nil
      for (number, candidate) in candidates.enumerated()
      where !used[number] && perIssue[candidate.issue, default: 0] < options.maxPerIssue {
        let match = Self.match(candidate.issue, candidate.length, issues)
        var gain = 0
        for ticket in candidate.tickets
        where current[ticket].map({ match.beats($0, priorityFirst: priorityFirst) }) ?? true {
          gain += (labels[ticket].contains(candidate.issue) ? 1 : 0) - (correct[ticket] ? 1 : 0)
        }
        guard gain >= options.minGain else { continue }
        if let found = best {
          let other = candidates[found.candidate]
          let better =
            (gain, candidate.precision, candidate.length)
            > (found.gain, other.precision, other.length)
          if !better { continue }
        }
        best = (number, gain)
      }
      guard let (number, gain) = best else { break }
      used[number] = true
      let candidate = candidates[number]
      perIssue[candidate.issue, default: 0] += 1
      let match = Self.match(candidate.issue, candidate.length, issues)
      for ticket in candidate.tickets
      where current[ticket].map({ match.beats($0, priorityFirst: priorityFirst) }) ?? true {
        current[ticket] = match
        correct[ticket] = labels[ticket].contains(candidate.issue)
      }
      var counts: [String: Int] = [:]
      for ticket in candidate.tickets where labels[ticket].contains(candidate.issue) {
        if let language = languages[ticket] { counts[language, default: 0] += 1 }
      }
      let language = Stopwords.languages.max { (counts[$0] ?? 0, $1) < (counts[$1] ?? 0, $0) }
      chosen.append(
        Phrase(
          issue: issues[candidate.issue].key, phrase: candidate.phrase,
          language: counts.isEmpty ? nil : language, precision: candidate.precision,
          support: candidate.support, gain: gain))
    }

    self.options = options
    self.newIssues = newIssues
    self.phrases = chosen
    var extended = classifier.taxonomy
    extended.issues = issues
    for phrase in chosen {
      if let position = extended.issues.firstIndex(where: { $0.key == phrase.issue }) {
        extended.issues[position].phrases.append(phrase.phrase)
      }
    }
    extended.issues.removeAll { $0.phrases.isEmpty && $0.sourceValues.isEmpty }

    let keyed = tickets.map { ticket in
      var ticket = ticket
      ticket.labels = ticket.labels.map { label in index[label].map { issues[$0].key } ?? label }
      return ticket
    }
    let existing = Set(
      classifier.taxonomy.issues.flatMap { issue in issue.phrases.map { "\(issue.key) \($0)" } })
    (removals, extended) = Self.removals(
      taxonomy: extended, keeping: { !existing.contains("\($0) \($1)") }, tickets: keyed,
      options: options)
    taxonomy = extended
    (priorityChanges, taxonomyWithPriorities) = Self.priorityChanges(
      taxonomy: extended, tickets: keyed, minGain: options.minGain)
    var priorities: [String: Int] = [:]
    for issue in taxonomyWithPriorities.issues
    where issue.priority != extended.issues.first(where: { $0.key == issue.key })?.priority {
      priorities[issue.key] = issue.priority
    }
    self.priorities = priorities
  }

  /// Phrases below `minPrecision` on the tickets they decide, each removed when that, tried with
  /// the classifier, gains `minGain` tickets overall; at most 20 tried, the most wrong first.
  static func removals(
    taxonomy: Taxonomy, keeping: (String, String) -> Bool, tickets: [LabelledTicket],
    options: Options
  ) -> ([Removal], Taxonomy) {
    let classifier = Classifier(taxonomy: taxonomy)
    let keys = taxonomy.issues.map(\.key)
    var record: [Int: (won: Int, correct: Int)] = [:]
    var score = 0
    for ticket in tickets {
      guard
        let winner = classifier.issueCandidates(
          text: ticket.text, sourceCategory: ticket.sourceCategory
        ).winner
      else {
        if ticket.labels.contains(LabelResolver.unclassified) { score += 1 }
        continue
      }
      guard case .phrase(let index) = winner.evidence else { continue }
      let right = ticket.labels.contains(keys[winner.issue])
      if right { score += 1 }
      let tally = record[index] ?? (0, 0)
      record[index] = (tally.won + 1, tally.correct + (right ? 1 : 0))
    }
    let suspects = record.filter { index, tally in
      let phrase = classifier.issuePhrase(index)
      return tally.won - tally.correct >= options.minGain
        && Double(tally.correct) < options.minPrecision * Double(tally.won)
        && !keeping(keys[phrase.owner], phrase.text)
    }
    .sorted {
      ($0.value.won - $0.value.correct, $1.key) > ($1.value.won - $1.value.correct, $0.key)
    }
    var current = taxonomy
    var removals: [Removal] = []
    for (index, tally) in suspects.prefix(20) {
      let phrase = classifier.issuePhrase(index)
      var trial = current
      guard let position = trial.issues.firstIndex(where: { $0.key == keys[phrase.owner] }),
        let at = trial.issues[position].phrases.firstIndex(of: phrase.text),
        trial.issues[position].phrases.count > 1 || !trial.issues[position].sourceValues.isEmpty
      else { continue }
      trial.issues[position].phrases.remove(at: at)
      let trialScore = LabelledEvaluation(
        classifier: Classifier(taxonomy: trial), tickets: tickets
      ).correct
      guard trialScore - score >= options.minGain else { continue }
      removals.append(
        Removal(
          issue: keys[phrase.owner], phrase: phrase.text, won: tally.won, correct: tally.correct,
          gain: trialScore - score))
      current = trial
      score = trialScore
    }
    return (removals, current)
  }

  /// The issue a label names when the taxonomy has none: `category.name` as written, or an
  /// issue of `other` named after the label.
  static func newIssue(_ label: String) -> Taxonomy.Issue {
    let parts = label.split(separator: ".", maxSplits: 1).map(String.init)
    if parts.count == 2, let category = Category(rawValue: parts[0]),
      !parts[1].contains(" ")
    {
      return Taxonomy.Issue(category: category, name: parts[1], phrases: [])
    }
    let name = TextFolding.fold(label).replacingOccurrences(of: " ", with: "_")
    return Taxonomy.Issue(category: .other, name: name.isEmpty ? "unnamed" : name, phrases: [])
  }

  /// A match of a new phrase of `issue`, ranked after every phrase already in the taxonomy.
  private static func match(_ issue: Int, _ length: Int, _ issues: [Taxonomy.Issue])
    -> IssueMatch
  {
    IssueMatch(
      issue: issue, length: length, priority: issues[issue].priority, order: Int.max,
      position: Int.max, evidence: .phrase(0))
  }

  /// Pairs of issues where the right one matched and lost more often than it rightly lost,
  /// each kept only when ranking it higher (with `precedence: priority` when length decided)
  /// gains `minGain` tickets of the sample overall and contradicts no change kept before.
  static func priorityChanges(taxonomy: Taxonomy, tickets: [LabelledTicket], minGain: Int)
    -> ([PriorityChange], Taxonomy)
  {
    let classifier = Classifier(taxonomy: taxonomy)
    let keys = taxonomy.issues.map(\.key)
    let priorityFirst = classifier.priorityFirst
    struct Pair: Hashable {
      var winner: Int
      var loser: Int
    }
    var lost: [Pair: Int] = [:]
    var byLength = Set<Pair>()
    var kept: [Pair: Int] = [:]
    for ticket in tickets {
      let (winner, candidates, _) = classifier.issueCandidates(
        text: ticket.text, sourceCategory: ticket.sourceCategory)
      guard let winner else { continue }
      var best: [Int: IssueMatch] = [:]
      for candidate in candidates where candidate.issue != winner.issue {
        if best[candidate.issue].map({ candidate.beats($0, priorityFirst: priorityFirst) }) ?? true
        {
          best[candidate.issue] = candidate
        }
      }
      let rightWon = ticket.labels.contains(keys[winner.issue])
      for (issue, match) in best {
        let right = ticket.labels.contains(keys[issue])
        if rightWon && !right {
          kept[Pair(winner: winner.issue, loser: issue), default: 0] += 1
        } else if !rightWon && right {
          let pair = Pair(winner: winner.issue, loser: issue)
          lost[pair, default: 0] += 1
          if match.length != winner.length && !priorityFirst { byLength.insert(pair) }
        }
      }
    }
    func net(_ pair: Pair) -> Int {
      (lost[pair] ?? 0) - (kept[Pair(winner: pair.loser, loser: pair.winner)] ?? 0)
    }
    let ordered = lost.keys.filter { net($0) >= minGain }.sorted {
      (net($0), keys[$1.loser], keys[$1.winner]) > (net($1), keys[$0.loser], keys[$0.winner])
    }
    var changes: [PriorityChange] = []
    var current = taxonomy
    var score = LabelledEvaluation(classifier: classifier, tickets: tickets).correct
    var accepted: [Pair] = []
    for pair in ordered.prefix(30) {
      var trial = current
      let raised = max(trial.issues[pair.loser].priority, trial.issues[pair.winner].priority + 10)
      trial.issues[pair.loser].priority = raised
      if byLength.contains(pair) { trial.precedence = .priority }
      let consistent = (accepted + [pair]).allSatisfy {
        trial.issues[$0.loser].priority > trial.issues[$0.winner].priority
      }
      guard consistent else { continue }
      let trialScore = LabelledEvaluation(
        classifier: Classifier(taxonomy: trial), tickets: tickets
      ).correct
      guard trialScore - score >= minGain else { continue }
      changes.append(
        PriorityChange(
          issue: keys[pair.loser], over: keys[pair.winner], fixes: lost[pair] ?? 0,
          breaks: kept[Pair(winner: pair.loser, loser: pair.winner)] ?? 0,
          decidedByLength: byLength.contains(pair), gain: trialScore - score))
      accepted.append(pair)
      current = trial
      score = trialScore
    }
    return (changes, current)
  }
}

extension Array {
  /// The first index whose element satisfies `predicate`, which must be false then true.
  func partitioningIndex(where predicate: (Element) -> Bool) -> Int {
    var low = 0
    var high = count
    while low < high {
      let middle = (low + high) / 2
      if predicate(self[middle]) { high = middle } else { low = middle + 1 }
    }
    return low
  }
}
