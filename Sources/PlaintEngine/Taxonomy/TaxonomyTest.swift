import Foundation
import PlaintCore
import PlaintStore

/// The stored tickets and the taxonomy `plaint taxonomy` commands work on.
struct TaxonomyWorkbench {
  let configuration: Configuration
  let classifier: Classifier
  let tickets: [TicketText]

  /// The one place the taxonomy commands read the store, so the one conversion of its errors.
  init(configurationPath: String, store: String?) throws(PlaintError) {
    let configuration = try Configuration.load(path: configurationPath)
    self.configuration = configuration
    (classifier, tickets) = try Failure.converting {
      let session = try StoreSession(
        unlocked: configuration, path: configuration.resolve(store ?? configuration.store),
        checkingColumns: false)
      return (session.context.placement.classifier, try session.store.ticketTexts())
    }
  }

  /// The labelled tickets of the store, all or one half, with what was set aside.
  func sample(labels path: String, half: SampleHalf?, taxonomy: Taxonomy) throws(PlaintError)
    -> LabelledSample
  {
    let file = try LabelsFile.load(path: path, shownAs: path)
    let (matched, rejected) = file.match(tickets, shownAs: path)
    let resolver = LabelResolver(taxonomy: taxonomy)
    var sample = LabelledSample(
      file: path, labelledTickets: matched.count, rejected: rejected,
      duplicates: file.duplicates)
    for (entry, ticket) in matched {
      if let half, SampleHalf.of(id: ticket.id) != half { continue }
      sample.tickets.append(
        LabelledTicket(
          id: "\(ticket.system):\(ticket.id)", text: ticket.text,
          sourceCategory: ticket.sourceCategory, labels: entry.labels.map(resolver.resolve)))
    }
    sample.half = half
    return sample
  }
}

/// The labelled tickets a command scores or mines, and where they came from.
public struct LabelledSample: Sendable {
  public var file: String
  /// Rows of the labels file that name a stored ticket.
  public var labelledTickets: Int
  /// Rows set aside, with the file, line and reason.
  public var rejected: [String]
  /// Rows that repeat a label their ticket already has.
  public var duplicates: Int
  public var half: SampleHalf? = nil
  public var tickets: [LabelledTicket] = []

  /// Which tickets were used, in one line.
  var scope: String {
    guard let half else { return "all \(labelledTickets) labelled tickets in the store" }
    return "the \(half.rawValue) half of the labels (split by id), \(tickets.count) of "
      + "\(labelledTickets) labelled tickets"
  }
}

/// `plaint taxonomy test`: what each rule does on the stored tickets, or, with labels, how
/// often the taxonomy agrees with a person.
public struct TaxonomyTest: Sendable {
  public var taxonomyFile: String
  public var precedence: Taxonomy.Precedence
  /// Without labels: the rules' record on every stored ticket.
  public var rules: RuleStatistics?
  public var seed: UInt64
  /// With labels: the sample and the score.
  public var sample: LabelledSample?
  public var evaluation: LabelledEvaluation?

  public static func run(
    configurationPath: String, store: String? = nil, labels: String?, half: SampleHalf?,
    seed: UInt64, samples: Int
  ) throws(PlaintError) -> TaxonomyTest {
    let bench = try TaxonomyWorkbench(configurationPath: configurationPath, store: store)
    let taxonomy = bench.classifier.taxonomy
    var test = TaxonomyTest(
      taxonomyFile: bench.configuration.taxonomy, precedence: taxonomy.precedence, seed: seed)
    if let labels {
      let sample = try bench.sample(
        labels: labels, half: half,
        taxonomy: taxonomy)
      test.sample = sample
      test.evaluation = LabelledEvaluation(classifier: bench.classifier, tickets: sample.tickets)
    } else {
      test.rules = RuleStatistics(
        classifier: bench.classifier,
        tickets: bench.tickets.map { ("\($0.system):\($0.id)", $0.text, $0.sourceCategory) },
        seed: seed, sampleSize: samples)
    }
    return test
  }

  /// The result for the terminal.
  public var text: String {
    var lines = ["taxonomy: \(taxonomyFile) (precedence: \(precedence.rawValue))"]
    if let rules { lines += Self.text(rules, seed: seed) }
    if let sample, let evaluation { lines += Self.text(evaluation, sample: sample) }
    return lines.joined(separator: "\n")
  }

  public static func percent(_ value: Double?) -> String {
    guard let value else { return "—" }
    return String(format: "%.1f %%", value * 100)
  }

  static func text(_ rules: RuleStatistics, seed: UInt64) -> [String] {
    let total = max(rules.tickets, 1)
    var lines = [
      "tickets: \(rules.tickets) in the store, \(rules.classified) matched a rule "
        + "(\(percent(Double(rules.classified) / Double(total))))",
      "",
    ]
    let fired = rules.rules.filter { $0.matched > 0 }
    let width = max(4, fired.map(\.rule.count).max() ?? 4)
    func pad(_ text: String, _ count: Int, left: Bool = false) -> String {
      let fill = String(repeating: " ", count: max(0, count - text.count))
      return left ? fill + text : text + fill
    }
    lines.append(
      pad("rule", width) + "  matched    share      won   (samples picked with seed \(seed))")
    for rule in fired {
      lines.append(
        pad(rule.rule, width) + pad("\(rule.matched)", 9, left: true)
          + pad(percent(Double(rule.matched) / Double(total)), 9, left: true)
          + pad("\(rule.won)", 9, left: true))
      lines += rule.samples.map { "    \($0)" }
    }
    let silent = rules.neverFired
    lines.append("")
    lines.append("rules that never fired: \(silent.count)")
    lines += silent.map { "  \($0.rule)" }
    lines.append("")
    lines.append(
      rules.overlaps.isEmpty
        ? "no two issues matched the same ticket" : "issues that match the same tickets:")
    lines += rules.overlaps.prefix(15).map {
      "  \($0.tickets)  \($0.first) + \($0.second)"
    }
    return lines
  }

  static func text(_ evaluation: LabelledEvaluation, sample: LabelledSample) -> [String] {
    var lines = [
      "labels: \(sample.file)"
        + (sample.duplicates == 0 ? "" : " (\(sample.duplicates) duplicate rows ignored)"),
      "scored: \(sample.scope)",
    ]
    if !sample.rejected.isEmpty {
      lines.append("set aside: \(sample.rejected.count) rows")
      lines += sample.rejected.prefix(5).map { "  \($0)" }
      if sample.rejected.count > 5 { lines.append("  … and \(sample.rejected.count - 5) more") }
    }
    lines += [
      "",
      "coverage  \(percent(evaluation.coverage))  (\(evaluation.classified) of "
        + "\(evaluation.tickets) tickets matched a rule)",
      "accuracy  \(percent(evaluation.accuracy))  (\(evaluation.correct) of "
        + "\(evaluation.tickets) right; \(percent(evaluation.accuracyOfClassified)) of the "
        + "classified)",
      "",
    ]
    let width = max(5, evaluation.issues.map(\.issue.count).max() ?? 5)
    func pad(_ text: String, _ count: Int) -> String {
      text + String(repeating: " ", count: max(0, count - text.count))
    }
    func right(_ text: String, _ count: Int) -> String {
      String(repeating: " ", count: max(0, count - text.count)) + text
    }
    lines.append(
      pad("issue", width) + "  labelled  predicted  correct  precision   recall")
    for score in evaluation.issues {
      lines.append(
        pad(score.issue, width) + right("\(score.labelled)", 10) + right("\(score.predicted)", 11)
          + right("\(score.correct)", 9) + right(percent(score.precision), 11)
          + right(percent(score.recall), 9) + (score.inTaxonomy ? "" : "  (no such issue)"))
    }
    let misfiring = evaluation.rules.filter { $0.correct < $0.won }.prefix(10)
    if !misfiring.isEmpty {
      lines += ["", "rules with the most wrong decisions (wrong of won, precision):"]
      lines += misfiring.map {
        "  \($0.won - $0.correct) of \($0.won)  \(percent($0.precision))  \($0.rule)"
      }
    }
    if !evaluation.confusions.isEmpty {
      lines += ["", "most frequent mistakes (labelled → predicted):"]
      lines += evaluation.confusions.prefix(10).map {
        "  \($0.count)  \($0.labelled) → \($0.predicted)"
      }
    }
    if !evaluation.mistakes.isEmpty {
      lines += ["", "each mistake:"]
      lines += evaluation.mistakes.map { "  \($0.line)" }
    }
    return lines
  }

  /// The result as JSON, keys sorted.
  public func json() throws(PlaintError) -> String {
    let encoded = try PrettyJSON.encode(JSONShape(self), snakeCase: true)
    return String(decoding: encoded, as: UTF8.self)
  }

  private struct JSONShape: Encodable {
    struct Rule: Encodable {
      var rule: String
      var issue: String
      var matched: Int
      var share: Double
      var won: Int
      var samples: [String]
    }
    struct Overlap: Encodable {
      var issues: [String]
      var tickets: Int
    }
    struct Score: Encodable {
      var issue: String
      var labelled: Int
      var predicted: Int
      var correct: Int
      var precision: Double?
      var recall: Double?
      var inTaxonomy: Bool
    }
    struct RuleScore: Encodable {
      var rule: String
      var won: Int
      var correct: Int
      var precision: Double
    }
    struct Confusion: Encodable {
      var labelled: String
      var predicted: String
      var count: Int
    }
    struct Mistake: Encodable {
      var id: String
      var labels: [String]
      var predicted: String
      var winningRule: String
      var losingRule: String
      var why: String
    }
    var taxonomy: String
    var precedence: String
    var seed: UInt64?
    var tickets: Int?
    var classified: Int?
    var rules: [Rule]?
    var neverFired: [String]?
    var overlaps: [Overlap]?
    var labels: String?
    var split: String?
    var labelledTickets: Int?
    var setAside: [String]?
    var coverage: Double?
    var accuracy: Double?
    var accuracyOfClassified: Double?
    var correct: Int?
    var issues: [Score]?
    var confusions: [Confusion]?
    var ruleScores: [RuleScore]?
    var mistakes: [Mistake]?

    init(_ test: TaxonomyTest) {
      taxonomy = test.taxonomyFile
      precedence = test.precedence.rawValue
      if let rules = test.rules {
        let total = Double(max(rules.tickets, 1))
        seed = test.seed
        tickets = rules.tickets
        classified = rules.classified
        self.rules = rules.rules.map {
          Rule(
            rule: $0.rule, issue: $0.issue, matched: $0.matched,
            share: Double($0.matched) / total, won: $0.won, samples: $0.samples)
        }
        neverFired = rules.neverFired.map(\.rule)
        overlaps = rules.overlaps.map {
          Overlap(issues: [$0.first, $0.second], tickets: $0.tickets)
        }
      }
      if let sample = test.sample, let evaluation = test.evaluation {
        labels = sample.file
        split = sample.half?.rawValue ?? "all"
        labelledTickets = sample.labelledTickets
        setAside = sample.rejected
        tickets = evaluation.tickets
        classified = evaluation.classified
        correct = evaluation.correct
        coverage = evaluation.coverage
        accuracy = evaluation.accuracy
        accuracyOfClassified = evaluation.accuracyOfClassified
        issues = evaluation.issues.map {
          Score(
            issue: $0.issue, labelled: $0.labelled, predicted: $0.predicted, correct: $0.correct,
            precision: $0.precision, recall: $0.recall, inTaxonomy: $0.inTaxonomy)
        }
        ruleScores = evaluation.rules.map {
          RuleScore(rule: $0.rule, won: $0.won, correct: $0.correct, precision: $0.precision)
        }
        confusions = evaluation.confusions.map {
          Confusion(labelled: $0.labelled, predicted: $0.predicted, count: $0.count)
        }
        mistakes = evaluation.mistakes.map {
          Mistake(
            id: $0.id, labels: $0.labels, predicted: $0.predicted, winningRule: $0.winningRule,
            losingRule: $0.losingRule, why: $0.why)
        }
      }
    }
  }
}
