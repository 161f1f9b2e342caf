import PlaintTestSupport
import Testing

@testable import PlaintCore

@Suite("Classifier rules")
struct ClassifierRuleTests {
  private func issue(
    _ category: Category, _ name: String, _ phrases: [String], sourceValues: [String] = [],
    priority: Int = 0
  ) -> Taxonomy.Issue {
    Taxonomy.Issue(
      category: category, name: name, phrases: phrases, sourceValues: sourceValues,
      priority: priority)
  }

  private func classify(
    _ issues: [Taxonomy.Issue], _ text: String, sourceCategory: String? = nil
  ) -> Classification {
    Classifier(taxonomy: Taxonomy(issues: issues, productLines: []))
      .classify(text: text, product: nil, sourceCategory: sourceCategory)
  }

  @Test("The longest phrase wins even against a higher priority")
  func longestWins() {
    let issues = [
      issue(.product, "defect", ["broken"], priority: 100),
      issue(.product, "screen", ["broken screen"]),
    ]
    let result = classify(issues, "a broken screen and a broken hinge")
    #expect(result.issue == "screen")
    #expect(result.rule == "product.screen \"broken screen\"")
  }

  @Test("Length counts folded characters, not bytes")
  func lengthInCharacters() {
    let issues = [
      issue(.service, "rude_staff", ["态度很差"]),  // 4 characters, 12 bytes
      issue(.service, "awful", ["awful"]),  // 5 characters, 5 bytes
    ]
    #expect(classify(issues, "awful 态度很差").issue == "awful")
  }

  @Test("Priority breaks a tie in length")
  func priorityBreaksTies() {
    let issues = [
      issue(.product, "leak", ["leaking"]),
      issue(.product, "damage", ["damaged"], priority: 5),
    ]
    #expect(classify(issues, "leaking and damaged").issue == "damage")
    #expect(classify(issues, "damaged and leaking").issue == "damage")
  }

  @Test(
    "File order breaks the rest, wherever the phrases are in the text",
    arguments: [["leak", "damage"], ["damage", "leak"]])
  func fileOrderBreaksTies(order: [String]) {
    let phrases = ["leak": "leaking", "damage": "damaged"]
    let issues = order.map { issue(.product, $0, [phrases[$0] ?? ""]) }
    #expect(classify(issues, "damaged and leaking").issue == order[0])
    #expect(classify(issues, "leaking and damaged").issue == order[0])
  }

  @Test("A source value competes as a match as long as the value")
  func sourceValues() {
    let issues = [
      issue(.product, "defect", ["stopped working"]),
      issue(.product, "hardware", ["broken"], sourceValues: ["Hardware fault"]),
      issue(.service, "rude_staff", ["rude"]),
    ]
    let byValue = classify(issues, "the agent was rude", sourceCategory: "HARDWARE-FAULT")
    #expect(byValue.issue == "hardware")
    #expect(byValue.rule == "source_value \"Hardware fault\"")
    // "stopped working" (15) is longer than "hardware fault" (14).
    let byPhrase = classify(issues, "it stopped working", sourceCategory: "Hardware fault")
    #expect(byPhrase.rule == "product.defect \"stopped working\"")
    // The whole value must match, not a part of it.
    #expect(classify(issues, "", sourceCategory: "Hardware fault (old)").issue == "unclassified")
  }

  @Test("No match is category other, issue unclassified, empty rule")
  func unclassified() {
    let result = TaxonomyFixture.classifier.classify(
      text: "Where is the manual?", product: nil, sourceCategory: "Question")
    #expect(
      result
        == Classification(
          category: .other, issue: "unclassified", productLine: "unassigned", rule: ""))
  }

  @Test("The same phrase in two issues goes to the first unless the second has priority")
  func duplicatePhrases() {
    let plain = [issue(.policy, "refund", ["refund"]), issue(.service, "billing", ["refund"])]
    #expect(classify(plain, "refund").issue == "refund")
    let boosted = [
      issue(.policy, "refund", ["refund"]), issue(.service, "billing", ["refund"], priority: 1),
    ]
    #expect(classify(boosted, "refund").issue == "billing")
  }

  // MARK: - Product lines

  private static let lines = Taxonomy(
    issues: [],
    productLines: [
      Taxonomy.ProductLine(name: "Air Fryers", products: ["AF-*"], phrases: ["air fryer"]),
      Taxonomy.ProductLine(
        name: "Kettles", products: ["KT-??0", "KETTLE-BASIC"], phrases: ["kettle*", "Teapot"]),
      Taxonomy.ProductLine(name: "Fryer Parts", products: ["AF-2*"], phrases: ["fryer basket"]),
    ])

  @Test(
    "Product line: glob, then product value, then phrase in the product, then text",
    arguments: [
      ("KT-120", "my air fryer basket", "Kettles"),  // a glob beats any phrase
      ("kt-120", "", "Kettles"),  // case-insensitive
      ("KT 120", "", "Kettles"),  // punctuation folds like text
      ("KT-1200", "", "unassigned"),  // `?` is exactly one character
      ("KT-é20", "", "Kettles"),  // `?` is one character, not one byte
      ("KT-中20", "", "Kettles"),
      ("Kettle-Basic", "air fryer", "Kettles"),  // a literal glob
      ("AF-200", "kettle", "Air Fryers"),  // the first line in file order among globs
      ("air fryers", "kettle", "Air Fryers"),  // equal to the line's name
      ("TEAPOT", "air fryer", "Kettles"),  // equal to a line phrase
      ("Philips Air Fryer XL", "kettle", "Air Fryers"),  // a phrase inside the product column
      ("X-100", "new kettles leak", "Kettles"),  // nothing in the product: the text decides
      ("", "kettle for the air fryer", "Air Fryers"),  // longest text phrase
      ("", "fryer basket of the air fryer", "Fryer Parts"),  // longest text phrase
      ("", "air fryer kettle", "Air Fryers"),  // "kettle" is 6, "air fryer" 9
      ("", "a teapot and a kettle", "Kettles"),
      ("", "toaster", "unassigned"),
    ])
  func productLine(product: String, text: String, expected: String) {
    let result = Classifier(taxonomy: Self.lines).classify(
      text: text, product: product, sourceCategory: nil)
    #expect(result.productLine == expected)
  }

  @Test("Equally long text phrases go to the first line in the file")
  func productLineFileOrder() {
    let taxonomy = Taxonomy(
      issues: [],
      productLines: [
        Taxonomy.ProductLine(name: "Blenders", phrases: ["jug"]),
        Taxonomy.ProductLine(name: "Kettles", phrases: ["lid"]),
      ])
    let classifier = Classifier(taxonomy: taxonomy)
    #expect(
      classifier.classify(text: "lid and jug", product: nil, sourceCategory: nil)
        .productLine == "Blenders")
  }

  // MARK: - Explain

  @Test("explain lists every match and says why the winners won")
  func explain() throws {
    let (result, trace) = TaxonomyFixture.classifier.explain(
      text: "Für die Heißluftfritteuse: Rückerstattung! Gerät defekt.", product: "AF-9",
      sourceCategory: nil)
    #expect(result.issue == "refund")
    #expect(trace.folded == "fur die heissluftfritteuse ruckerstattung gerat defekt")
    #expect(trace.winner == "policy.refund")
    #expect(
      trace.reason == "longest match: policy.refund \"Rückerstattung\" is 14 characters against 6 "
        + "for product.defect")
    #expect(trace.productLine == "Air Fryers")
    #expect(trace.productLineReason.hasPrefix("SKU glob \"AF-*\" matches product \"af 9\""))
    let refund = try #require(trace.matches.first { $0.target == "policy.refund" })
    #expect(refund.matched == "ruckerstattung")
    #expect(refund.characterOffset == 27)
    #expect(refund.byteOffset == 27)
    let stem = trace.matches.first { $0.phrase == "defekt*" }
    #expect(stem?.matched == "defekt")
    #expect(Set(trace.matches.map(\.target)) == ["policy.refund", "product.defect", "Air Fryers"])
  }

  /// A long text has its characters counted once, not before every match: every match's
  /// character offset is still the count of the folded text's characters before it, whatever
  /// the text holds around it (emoji with joiners and skin tones, flags, Hangul, Chinese).
  @Test("a long text's matches have the character offsets counted before each", arguments: 0..<20)
  func longTextOffsets(seed: Int) {
    var random = SplitMix64(seed: UInt64(seed) &+ 5)
    let pieces = [
      "the kettle broke", "refund please", "👩‍👩‍👧‍👦", "🇩🇪🇫🇷", "👍🏽", "한국어", "我的空气炸锅坏了",
      "Rückerstattung", "x", "money back", "é", "defective", "ok",
    ]
    let text = (0..<(200 + random.next(below: 400))).map { _ in
      pieces[random.next(below: pieces.count)]
    }.joined(separator: " ")
    let (_, trace) = TaxonomyFixture.classifier.explain(
      text: text, product: nil, sourceCategory: nil)
    #expect(trace.folded.utf8.count > TraceRecorder.countedOnce)
    let found = trace.matches.filter { $0.field == .text && $0.kind == .phrase }
    #expect(found.count > 20)
    let bytes = Array(trace.folded.utf8)
    for match in found {
      let before = String(decoding: bytes[..<match.byteOffset], as: UTF8.self)
      #expect(match.characterOffset == before.count)
    }
  }

  @Test("explain gives character offsets in the folded text, not byte offsets")
  func explainOffsets() {
    let (_, trace) = TaxonomyFixture.classifier.explain(
      text: "我的空气炸锅坏了", product: nil, sourceCategory: nil)
    let defect = trace.matches.first { $0.target == "product.defect" }
    #expect(defect?.characterOffset == 6)
    #expect(defect?.byteOffset == 18)
    #expect(trace.productLineReason == "phrase \"空气炸锅\" found in the text")
  }

  @Test("explain names priority and file order when lengths tie")
  func explainTies() {
    let issues = [
      issue(.product, "leak", ["leaking"]), issue(.product, "damage", ["damaged"]),
      issue(.product, "stain", ["stained"], priority: 3),
    ]
    let classifier = Classifier(taxonomy: Taxonomy(issues: issues, productLines: []))
    let (_, byPriority) = classifier.explain(
      text: "damaged, stained", product: nil, sourceCategory: nil)
    #expect(
      byPriority.reason
        == "equally long (7 characters); product.stain \"stained\" has priority 3 against 0 "
        + "for product.damage")
    let (_, byOrder) = classifier.explain(
      text: "damaged, leaking", product: nil, sourceCategory: nil)
    #expect(
      byOrder.reason
        == "equally long (7 characters) and equal priority (0); product.leak \"leaking\" comes "
        + "before product.damage in the taxonomy file")
    let (_, none) = classifier.explain(text: "fine", product: nil, sourceCategory: nil)
    #expect(none.winner == "other.unclassified")
    #expect(none.matches.isEmpty)
  }

  // MARK: - Validation

  @Test(
    "validate names the issue or line and the rule at fault",
    arguments: [
      (
        Taxonomy.Issue(category: .product, name: "defect", phrases: ["ok", "  "]),
        "product.defect: empty phrase \"  \""
      ),
      (
        Taxonomy.Issue(category: .product, name: "defect", phrases: ["?!"]),
        "product.defect: phrase \"?!\" folds to nothing (no letters or digits), so it can never "
          + "match"
      ),
      (
        Taxonomy.Issue(category: .policy, name: "refund", phrases: ["re*fund"]),
        "policy.refund: phrase \"re*fund\" has `*` inside; only a trailing `*` (any word ending) "
          + "is supported"
      ),
      (
        Taxonomy.Issue(category: .other, name: "unclassified", phrases: ["misc"]),
        "other.unclassified: the issue name `unclassified` is reserved for tickets no rule matches"
      ),
      (
        Taxonomy.Issue(category: .service, name: "rude", phrases: [], sourceValues: ["--"]),
        "service.rude: source value \"--\" folds to nothing (no letters or digits)"
      ),
    ])
  func validateIssues(issue: Taxonomy.Issue, message: String) {
    #expect(Taxonomy(issues: [issue], productLines: []).validate() == [message])
  }

  @Test("validate reports duplicate names and reserved product lines")
  func validateNames() {
    let taxonomy = Taxonomy(
      issues: [
        issue(.product, "defect", ["broken"]), issue(.policy, "defect", ["refund"]),
        issue(.product, "defect", ["faulty"]),
      ],
      productLines: [
        Taxonomy.ProductLine(name: "Kettles", products: ["KT-*", "--"]),
        Taxonomy.ProductLine(name: "Kettles"), Taxonomy.ProductLine(name: "unassigned"),
      ])
    #expect(
      taxonomy.validate() == [
        "product.defect: issue defined twice in category `product`",
        "product line \"Kettles\": product pattern \"--\" is empty once folded (no letters, "
          + "digits or wildcards)",
        "product line \"Kettles\": product line defined twice",
        "product line \"unassigned\": the name is reserved for tickets with no product line",
      ])
    #expect(TaxonomyFixture.taxonomy.validate().isEmpty)
  }

  @Test("Rules that fold to nothing are skipped, the rest still match")
  func skipsEmptyRules() {
    let issues = [issue(.product, "defect", ["", "!!", "broken"], sourceValues: ["", "--"])]
    let classifier = Classifier(taxonomy: Taxonomy(issues: issues, productLines: []))
    #expect(
      classifier.classify(text: "!! broken", product: nil, sourceCategory: "").issue == "defect")
    #expect(
      classifier.classify(text: "!!", product: "--", sourceCategory: "--").issue == "unclassified")
  }
}
