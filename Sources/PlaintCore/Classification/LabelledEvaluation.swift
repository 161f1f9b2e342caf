import Foundation

/// A ticket a person sorted by hand: its text and the issues they gave it.
public struct LabelledTicket: Sendable, Hashable {
  /// "system:id".
  public var id: String
  public var text: String
  public var sourceCategory: String?
  /// Issue keys ("category.issue"), `other.unclassified`, or a label as written when it names
  /// no issue of the taxonomy.
  public var labels: [String]

  public init(id: String, text: String, sourceCategory: String? = nil, labels: [String]) {
    self.id = id
    self.text = text
    self.sourceCategory = sourceCategory
    self.labels = labels
  }
}

/// Turns the labels people write into the taxonomy's issue keys.
///
/// A label names an issue when, folded like ticket text, it equals the issue's key
/// ("policy.refund") or its name ("refund", "Refund"); `unclassified` names no issue at all.
public struct LabelResolver: Sendable {
  private var byFolded: [String: String] = [:]

  public init(taxonomy: Taxonomy) {
    var names: [String: [String]] = [:]
    for issue in taxonomy.issues {
      byFolded[TextFolding.fold(issue.key)] = issue.key
      names[TextFolding.fold(issue.name), default: []].append(issue.key)
    }
    for (name, keys) in names where keys.count == 1 && byFolded[name] == nil {
      byFolded[name] = keys[0]
    }
    for unclassified in ["unclassified", "other.unclassified"] {
      byFolded[TextFolding.fold(unclassified)] = Self.unclassified
    }
  }

  public static let unclassified = "other.unclassified"

  /// The issue key a label names, or nil when it names none.
  public func key(for label: String) -> String? { byFolded[TextFolding.fold(label)] }

  /// The issue key a label names, or the label itself, trimmed.
  public func resolve(_ label: String) -> String {
    key(for: label) ?? label.trimmingCharacters(in: .whitespaces)
  }
}

/// How well a taxonomy sorts a labelled sample: coverage, accuracy, precision and recall per
/// issue, the most frequent confusions and a trace of every mistake.
public struct LabelledEvaluation: Sendable, Hashable {
  /// Precision and recall of one issue on the sample.
  public struct IssueScore: Sendable, Hashable {
    public var issue: String
    /// Tickets labelled with the issue.
    public var labelled: Int
    /// Tickets the taxonomy gave the issue.
    public var predicted: Int
    /// Tickets the taxonomy gave the issue that carry it as a label.
    public var correct: Int
    public var precision: Double? { predicted == 0 ? nil : Double(correct) / Double(predicted) }
    public var recall: Double? { labelled == 0 ? nil : Double(correct) / Double(labelled) }
    /// Whether the taxonomy has the issue (false for a label naming none).
    public var inTaxonomy: Bool
  }

  /// How often tickets with one label got another issue.
  public struct Confusion: Sendable, Hashable {
    public var labelled: String
    public var predicted: String
    public var count: Int
  }

  /// One ticket the taxonomy got wrong, and why.
  public struct Mistake: Sendable, Hashable {
    public var id: String
    public var labels: [String]
    public var predicted: String
    /// The rule that won, as `issue "phrase"`; "" when nothing matched.
    public var winningRule: String
    /// The best rule of a right issue that matched, "" when none did.
    public var losingRule: String
    /// Why the right issue did not win, in words.
    public var why: String

    /// The mistake on one line.
    public var line: String {
      let got =
        winningRule.isEmpty ? "unclassified (no rule matched)" : "\(predicted) by \(winningRule)"
      return "\(id): labelled \(labels.joined(separator: " | ")); got \(got); \(why)"
    }
  }

  /// How often one rule decided a labelled ticket, and how often rightly.
  public struct RuleScore: Sendable, Hashable {
    public var rule: String
    public var won: Int
    public var correct: Int
    public var precision: Double { won == 0 ? 0 : Double(correct) / Double(won) }
  }

  public var tickets: Int
  public var classified: Int
  public var correct: Int
  public var correctClassified: Int
  public var issues: [IssueScore]
  /// Every rule that decided a ticket, the most wrong decisions first.
  public var rules: [RuleScore]
  public var confusions: [Confusion]
  public var mistakes: [Mistake]

  public var coverage: Double { tickets == 0 ? 0 : Double(classified) / Double(tickets) }
  public var accuracy: Double { tickets == 0 ? 0 : Double(correct) / Double(tickets) }
  /// Accuracy among the tickets some rule matched.
  public var accuracyOfClassified: Double {
    classified == 0 ? 0 : Double(correctClassified) / Double(classified)
  }

  /// Classifies each ticket and compares it with its labels. A prediction is correct when it is
  /// any of the ticket's labels; `other.unclassified` is correct only for a ticket so labelled.
  public init(classifier: Classifier, tickets sample: [LabelledTicket]) {
    let taxonomy = classifier.taxonomy
    let keys = taxonomy.issues.map(\.key)
    var labelled: [String: Int] = [:]
    var predicted: [String: Int] = [:]
    var correctBy: [String: Int] = [:]
    var ruleWins: [Int: (won: Int, correct: Int)] = [:]
    var confusions: [String: [String: Int]] = [:]
    var mistakes: [Mistake] = []
    var classified = 0
    var correct = 0
    var correctClassified = 0
    for ticket in sample {
      let (winner, candidates, _) = classifier.issueCandidates(
        text: ticket.text, sourceCategory: ticket.sourceCategory)
      let key = winner.map { keys[$0.issue] } ?? LabelResolver.unclassified
      let labels = Array(Set(ticket.labels)).sorted()
      for label in labels { labelled[label, default: 0] += 1 }
      predicted[key, default: 0] += 1
      if let winner {
        classified += 1
        let number = classifier.ruleNumber(of: winner)
        let right = labels.contains(key) ? 1 : 0
        let record = ruleWins[number] ?? (0, 0)
        ruleWins[number] = (record.won + 1, record.correct + right)
      }
      if labels.contains(key) {
        correct += 1
        correctBy[key, default: 0] += 1
        if winner != nil { correctClassified += 1 }
        continue
      }
      confusions[labels.joined(separator: " | "), default: [:]][key, default: 0] += 1
      mistakes.append(
        Self.mistake(
          ticket, labels: labels, predicted: key, winner: winner, candidates: candidates,
          classifier: classifier))
    }
    self.tickets = sample.count
    self.classified = classified
    self.correct = correct
    self.correctClassified = correctClassified
    let known = Set(keys + [LabelResolver.unclassified])
    let named = Set(labelled.keys).union(predicted.keys)
    let ordered =
      keys.filter { named.contains($0) }
      + named.subtracting(keys).sorted()
    issues = ordered.map { issue in
      IssueScore(
        issue: issue, labelled: labelled[issue] ?? 0, predicted: predicted[issue] ?? 0,
        correct: correctBy[issue] ?? 0, inTaxonomy: known.contains(issue))
    }
    rules = ruleWins.map { number, record in
      RuleScore(
        rule: classifier.rule(number: number).rule, won: record.won, correct: record.correct)
    }
    .sorted { ($0.won - $0.correct, $1.rule) > ($1.won - $1.correct, $0.rule) }
    self.confusions =
      confusions.flatMap { labelled, row in
        row.map { Confusion(labelled: labelled, predicted: $0.key, count: $0.value) }
      }
      .sorted {
        ($0.count, $1.labelled, $1.predicted) > ($1.count, $0.labelled, $0.predicted)
      }
    self.mistakes = mistakes.sorted { $0.id.compare($1.id, options: .numeric) == .orderedAscending }
  }

  /// Words why the right issue lost: it matched nothing, or its best rule ranked lower.
  static func mistake(
    _ ticket: LabelledTicket, labels: [String], predicted: String, winner: IssueMatch?,
    candidates: [IssueMatch], classifier: Classifier
  ) -> Mistake {
    let keys = classifier.taxonomy.issues.map(\.key)
    let priorityFirst = classifier.priorityFirst
    let winningRule = winner.map { classifier.rule(of: $0) } ?? ""
    var bestRight: IssueMatch? = nil
    for candidate in candidates where labels.contains(keys[candidate.issue]) {
      if bestRight.map({ candidate.beats($0, priorityFirst: priorityFirst) }) ?? true {
        bestRight = candidate
      }
    }
    let why: String
    let losingRule = bestRight.map { classifier.rule(of: $0) } ?? ""
    if let right = bestRight, let winner {
      why = "\(losingRule) matched but lost: " + lossReason(right, winner, priorityFirst)
    } else if labels.allSatisfy({ !keys.contains($0) && $0 != LabelResolver.unclassified }) {
      why = "the taxonomy has no issue for this label"
    } else if labels.contains(LabelResolver.unclassified) {
      why = "labelled as matching no issue"
    } else {
      why = "no rule of \(labels.filter { keys.contains($0) }.joined(separator: " or ")) matched"
    }
    return Mistake(
      id: ticket.id, labels: labels, predicted: predicted, winningRule: winningRule,
      losingRule: losingRule, why: why)
  }

  /// Why `loser` ranks below `winner`, in the classifier's order of precedence.
  static func lossReason(_ loser: IssueMatch, _ winner: IssueMatch, _ priorityFirst: Bool)
    -> String
  {
    if priorityFirst && loser.priority != winner.priority {
      return "lower priority (\(loser.priority) < \(winner.priority), precedence: priority)"
    }
    if loser.length != winner.length {
      return "shorter (\(loser.length) < \(winner.length) characters)"
    }
    if loser.priority != winner.priority {
      return "as long, lower priority (\(loser.priority) < \(winner.priority))"
    }
    return "as long and equal priority; its issue comes later in the taxonomy file"
  }
}
