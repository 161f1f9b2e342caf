import Testing

@testable import PlaintCore
import PlaintTestSupport

/// `precedence`, scoring against labels, and mining phrases from them.
@Suite("Taxonomy against labels")
struct LabelledEvaluationTests {
  static let issues = [
    Taxonomy.Issue(category: .product, name: "defect", phrases: ["stopped working", "broken"]),
    Taxonomy.Issue(category: .policy, name: "refund", phrases: ["refund"]),
    Taxonomy.Issue(category: .service, name: "late_delivery", phrases: ["late", "still waiting"]),
  ]

  /// Twelve tickets with known answers (the same as the CLI fixture `labelled`).
  static let sample: [(text: String, labels: [String])] = [
    ("The kettle stopped working", ["defect"]),
    ("Broken lid, I want a refund", ["policy.refund"]),
    ("Still waiting for my order", ["Late delivery"]),
    ("Please refund me", ["refund"]),
    ("Parcel arrived late and the toaster stopped working", ["late_delivery"]),
    ("Where is my money back", ["refund"]),
    ("Courier was rude", ["unclassified"]),
    ("The blender is broken", ["product.defect"]),
    ("Late again", ["late_delivery"]),
    ("I need a refund for the broken fan", ["refund"]),
    ("Stopped working after a week", ["defect", "refund"]),
    ("Warranty question", ["warranty"]),
  ]

  static func labelled(_ taxonomy: Taxonomy) -> [LabelledTicket] {
    let resolver = LabelResolver(taxonomy: taxonomy)
    return sample.enumerated().map { number, row in
      LabelledTicket(
        id: "shop:\(number + 1)", text: row.text, labels: row.labels.map(resolver.resolve))
    }
  }

  @Test("Priority outranks length only with precedence: priority")
  func precedence() {
    var taxonomy = Taxonomy(
      issues: [
        Taxonomy.Issue(category: .product, name: "defect", phrases: ["does not work at all"]),
        Taxonomy.Issue(category: .policy, name: "billing", phrases: ["charged twice"], priority: 5),
      ], productLines: [])
    let text = "charged twice and the app does not work at all"
    #expect(
      Classifier(taxonomy: taxonomy).classify(text: text, product: nil, sourceCategory: nil).issue
        == "defect")
    taxonomy.precedence = .priority
    let classifier = Classifier(taxonomy: taxonomy)
    #expect(classifier.classify(text: text, product: nil, sourceCategory: nil).issue == "billing")
    let (_, trace) = classifier.explain(text: text, product: nil, sourceCategory: nil)
    #expect(trace.reason.hasPrefix("priority first (precedence: priority)"), "\(trace.reason)")
    // Equal priorities: length decides again.
    taxonomy.issues[1].priority = 0
    #expect(
      Classifier(taxonomy: taxonomy).classify(text: text, product: nil, sourceCategory: nil).issue
        == "defect")
  }

  @Test("Coverage, accuracy, precision and recall are exact on a sample with known answers")
  func metrics() throws {
    let taxonomy = Taxonomy(issues: Self.issues, productLines: [])
    let evaluation = LabelledEvaluation(
      classifier: Classifier(taxonomy: taxonomy), tickets: Self.labelled(taxonomy))
    #expect(evaluation.tickets == 12)
    #expect(evaluation.classified == 9)
    #expect(evaluation.correct == 7)
    #expect(evaluation.correctClassified == 6)
    let scores = Dictionary(uniqueKeysWithValues: evaluation.issues.map { ($0.issue, $0) })
    let defect = try #require(scores["product.defect"])
    #expect((defect.labelled, defect.predicted, defect.correct) == (3, 6, 3))
    let refund = try #require(scores["policy.refund"])
    #expect((refund.labelled, refund.predicted, refund.correct) == (5, 1, 1))
    #expect(refund.recall == 0.2)
    let late = try #require(scores["service.late_delivery"])
    #expect((late.labelled, late.predicted, late.correct) == (3, 2, 2))
    let none = try #require(scores["other.unclassified"])
    #expect((none.labelled, none.predicted, none.correct) == (1, 3, 1))
    #expect(scores["warranty"]?.inTaxonomy == false)
    #expect(
      evaluation.confusions.first
        == .init(labelled: "policy.refund", predicted: "product.defect", count: 2))
    #expect(evaluation.mistakes.map(\.id) == ["shop:2", "shop:5", "shop:6", "shop:10", "shop:12"])
    let lostOnLength = try #require(evaluation.mistakes.first { $0.id == "shop:5" })
    #expect(lostOnLength.winningRule == "product.defect \"stopped working\"")
    #expect(lostOnLength.losingRule == "service.late_delivery \"late\"")
    #expect(lostOnLength.why.hasSuffix("shorter (4 < 15 characters)"))
    #expect(
      evaluation.mistakes.first { $0.id == "shop:6" }?.why == "no rule of policy.refund matched")
  }

  @Test("Accuracy is the share of tickets whose issue is one of their labels", arguments: 0..<20)
  func accuracyIsAShare(seed: Int) {
    var random = SplitMix64(seed: UInt64(seed))
    let words = ["broken", "refund", "late", "nice", "rude", "stopped working"]
    let keys = ["product.defect", "policy.refund", "service.late_delivery", "other.unclassified"]
    let tickets = (0..<30).map { number in
      LabelledTicket(
        id: "\(number)",
        text: (0..<3).map { _ in words[random.next(below: words.count)] }.joined(separator: " "),
        labels: [keys[random.next(below: keys.count)]])
    }
    let classifier = Classifier(taxonomy: Taxonomy(issues: Self.issues, productLines: []))
    let evaluation = LabelledEvaluation(classifier: classifier, tickets: tickets)
    let right = tickets.filter { ticket in
      let issue = classifier.classify(text: ticket.text, product: nil, sourceCategory: nil)
      return ticket.labels.contains("\(issue.category.rawValue).\(issue.issue)")
    }
    #expect(evaluation.correct == right.count)
    #expect(evaluation.mistakes.count == tickets.count - right.count)
    #expect(evaluation.issues.map(\.correct).reduce(0, +) == right.count)
    #expect(evaluation.issues.map(\.predicted).reduce(0, +) == tickets.count)
  }

  /// Tickets of three issues told by their own words, with noise words shared by all.
  static func generated(_ count: Int, seed: UInt64) -> [LabelledTicket] {
    var random = SplitMix64(seed: seed)
    let marks = [
      "product.defect": ["screen flickers", "battery drains", "motor died", "button stuck"],
      "policy.refund": ["money back", "reimburse me", "return my payment", "credit my card"],
      "service.late_delivery": [
        "parcel never came", "courier delayed", "tracking frozen", "delivery overdue",
      ],
    ]
    let noise = ["hello", "order", "yesterday", "customer", "team", "product", "week", "again"]
    let keys = marks.keys.sorted()
    return (0..<count).map { number in
      let key = keys[random.next(below: keys.count)]
      let phrases = marks[key] ?? []
      var words = (0..<4).map { _ in noise[random.next(below: noise.count)] }
      words.insert(phrases[random.next(below: phrases.count)], at: random.next(below: words.count))
      return LabelledTicket(id: "\(number)", text: words.joined(separator: " "), labels: [key])
    }
  }

  @Test("Suggestions mined from one half raise the accuracy on the other")
  func suggestionsGeneralise() {
    let taxonomy = Taxonomy(issues: Self.issues, productLines: [])
    let classifier = Classifier(taxonomy: taxonomy)
    let tickets = Self.generated(240, seed: 42)
    let train = tickets.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
    let test = tickets.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
    let suggestions = PhraseSuggestions(classifier: classifier, tickets: train)
    let before = LabelledEvaluation(classifier: classifier, tickets: test).accuracy
    let after = LabelledEvaluation(
      classifier: Classifier(taxonomy: suggestions.taxonomy), tickets: test
    ).accuracy
    #expect(before < 0.1)
    #expect(after > 0.9, "before \(before), after \(after)")
    for phrase in suggestions.phrases {
      #expect(phrase.precision >= 0.6 && phrase.support >= 3, "\(phrase)")
      #expect(!Stopwords.contains(phrase.phrase.split(separator: " ").first ?? ""))
    }
    #expect(
      suggestions.phrases.contains { $0.issue == "policy.refund" && $0.phrase == "money back" })
  }

  @Test("Labels naming no issue become new issues with their own phrases")
  func newIssues() {
    let taxonomy = Taxonomy(issues: Self.issues, productLines: [])
    let tickets = (0..<12).map { number in
      LabelledTicket(
        id: "\(number)", text: "the warranty claim was rejected \(number)",
        labels: ["Warranty rejected"])
    }
    let suggestions = PhraseSuggestions(
      classifier: Classifier(taxonomy: taxonomy), tickets: tickets)
    #expect(suggestions.newIssues == ["other.warranty_rejected"])
    let classifier = Classifier(taxonomy: suggestions.taxonomy)
    #expect(
      classifier.classify(text: "my claim was rejected", product: nil, sourceCategory: nil).issue
        == "warranty_rejected")
  }

  @Test(
    "A conflict the labels settle becomes a priority, and precedence: priority when length decided it"
  )
  func priorityChanges() throws {
    let taxonomy = Taxonomy(
      issues: [
        Taxonomy.Issue(
          category: .product, name: "defect", phrases: ["does not work properly at all"]),
        Taxonomy.Issue(category: .policy, name: "billing", phrases: ["charged twice"]),
      ], productLines: [])
    let tickets =
      (0..<10).map { number in
        LabelledTicket(
          id: "\(number)",
          text: "charged twice for \(number) since the app does not work properly at all",
          labels: ["policy.billing"])
      }
      + (10..<13).map { number in
        LabelledTicket(
          id: "\(number)", text: "it does not work properly at all", labels: ["product.defect"])
      }
    let suggestions = PhraseSuggestions(
      classifier: Classifier(taxonomy: taxonomy), tickets: tickets,
      options: .init(minSupport: 30))  // no phrase qualifies: only the priority can help
    #expect(suggestions.phrases.isEmpty)
    let change = try #require(suggestions.priorityChanges.first)
    #expect(
      (change.issue, change.over, change.fixes, change.decidedByLength) == (
        "policy.billing", "product.defect", 10, true
      ))
    #expect(suggestions.taxonomyWithPriorities.precedence == .priority)
    let after = LabelledEvaluation(
      classifier: Classifier(taxonomy: suggestions.taxonomyWithPriorities), tickets: tickets)
    #expect(after.correct == 13)
  }

  @Test(
    "A phrase of the taxonomy that decides more tickets wrongly than rightly is proposed for removal"
  )
  func removals() throws {
    let taxonomy = Taxonomy(
      issues: [
        Taxonomy.Issue(category: .product, name: "defect", phrases: ["my order", "broken"]),
        Taxonomy.Issue(category: .policy, name: "refund", phrases: ["refund"]),
      ], productLines: [])
    let tickets =
      (0..<10).map { number in
        LabelledTicket(
          id: "\(number)", text: "refund my order \(number)", labels: ["policy.refund"])
      }
      + (10..<13).map { number in
        LabelledTicket(id: "\(number)", text: "my order is broken", labels: ["product.defect"])
      }
    let suggestions = PhraseSuggestions(
      classifier: Classifier(taxonomy: taxonomy), tickets: tickets,
      options: .init(minSupport: 30))
    let removal = try #require(suggestions.removals.first)
    #expect(
      (removal.issue, removal.phrase, removal.won, removal.correct, removal.gain)
        == ("product.defect", "my order", 13, 3, 10))
    #expect(suggestions.taxonomy.issues[0].phrases == ["broken"])
    let after = LabelledEvaluation(
      classifier: Classifier(taxonomy: suggestions.taxonomy), tickets: tickets)
    #expect(after.correct == 13)
  }

  @Test(
    "Phrases neither start nor end with a stopword",
    arguments: [
      ("the screen is broken", ["screen", "broken", "screen is broken"]),
      ("der Akku ist leer", ["akku", "leer", "akku ist leer"]),
      ("电池坏了", ["电池", "池坏", "电池坏"]),
    ])
  func phrases(text: String, expected: [String]) {
    let phrases = Terms.phrases(of: Terms.words(ofFolded: TextFolding.fold(text)))
    #expect(phrases == Set(expected), "\(phrases.sorted())")
  }

  @Test(
    "A ticket's language is the one whose stopwords it uses",
    arguments: [
      ("en", "the parcel is late and I want my money"),
      ("de", "das Paket ist nicht gekommen und ich warte"),
      ("fr", "le colis est en retard et je suis déçu"),
      ("es", "el paquete no ha llegado y estoy muy molesto"),
      ("pl", "paczka nie dotarła i jestem bardzo zły"),
      ("tr", "kargo gelmedi ve çok kızgınım bu nasıl iş"),
      ("el", "το δέμα δεν έφτασε και είμαι θυμωμένος"),
      ("zh", "快递还没到我很生气"),
    ])
  func language(expected: String, text: String) {
    #expect(Stopwords.language(of: Terms.words(ofFolded: TextFolding.fold(text))) == expected)
  }

  @Test(
    "Stems keep five characters or more",
    arguments: [
      ("en", "charged", "charg"), ("en", "charges", "charg"), ("de", "rechnungen", "rechn"),
      ("es", "devoluciones", "devolu"), ("tr", "faturalar", "fatura"),
    ])
  func stems(language: String, word: String, stem: String) {
    #expect(Terms.stem(of: word, language: language) == stem)
    #expect(Terms.stem(of: "late", language: language) == nil)
    #expect(Terms.stem(of: word, language: "zh") == nil)
  }
}
