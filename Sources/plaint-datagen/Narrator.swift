/// What a narrative is about.
struct NarrativeSpec {
  var language: Language
  /// Index into `Catalog.issues`; nil writes a complaint the taxonomy cannot place.
  var issue: Int?
  /// Index into `Catalog.lines`; nil names no product at all.
  var line: Int?
  var sku: [UInt8]
  var customerName: [UInt8]
  var keyAccount: Bool
  /// Several paragraphs (benchmark export) instead of a few sentences (demo).
  var long: Bool
}

/// Writes ticket subjects and descriptions from pre-compiled templates straight into bytes.
struct Narrator {
  private struct Book {
    let greetings: [Template]
    let intros: [Template]
    let anonymousIntros: [Template]
    let details: [Template]
    let fleet: [Template]
    let closings: [Template]
    let vague: [Template]
    let vagueSubjects: [Template]
    let story: [Template]
    let questions: [Template]
    /// Per issue, per spelling: sentences and subjects.
    let sentences: [[[Template]]]
    let subjects: [[[Template]]]
    /// Per issue: subjects that need no product noun.
    let plainSubjects: [[Template]]
    /// Per product line: the nouns, per spelling.
    let nouns: [[[[UInt8]]]]
    let separator: [UInt8]
  }

  private let books: [Book]
  private static let spellingWeights = [0.86, 0.06, 0.06, 0.02]
  private static let paragraph = Array("\n\n".utf8)

  init() {
    var books: [Book] = []
    for language in Language.allCases {
      let book = Phrasebook.of(language)
      func compile(_ texts: [String]) -> [Template] { texts.map { Template($0) } }
      func variants(_ texts: [String]) -> [[Template]] {
        Spelling.allCases.map { spelling in texts.map { Template($0, transform: spelling.apply) } }
      }
      let sentences = Catalog.issues.map { variants($0.sentences[language] ?? []) }
      let subjects = Catalog.issues.map { variants($0.subjects[language] ?? []) }
      let plainSubjects = subjects.map { $0[0].filter { !$0.hasProduct } }
      let nouns = Catalog.lines.map { line in
        Spelling.allCases.map { spelling in
          line.nouns(language).map { Array(spelling.apply($0).utf8) }
        }
      }
      books.append(
        Book(
          greetings: compile(book.greetings), intros: compile(book.intros),
          anonymousIntros: compile(book.anonymousIntros), details: compile(book.details),
          fleet: compile(book.fleet), closings: compile(book.closings),
          vague: compile(book.vague), vagueSubjects: compile(book.vagueSubjects),
          story: compile(book.story), questions: compile(book.questions),
          sentences: sentences, subjects: subjects, plainSubjects: plainSubjects, nouns: nouns,
          separator: language == .zh ? [] : [0x20]))
    }
    self.books = books
  }

  private func book(_ language: Language) -> Book {
    books[Language.allCases.firstIndex(of: language) ?? 0]
  }

  private func values(
    _ spec: NarrativeSpec, _ book: Book, using random: inout Xoshiro256
  ) -> SlotValues {
    var values = SlotValues()
    if let line = spec.line {
      let spelling = random.weighted(Narrator.spellingWeights)
      values.product = random.pick(book.nouns[line][spelling])
    }
    values.sku = spec.sku
    values.n = random.int(in: 5...12)
    values.order = random.int(in: 1_000_000...9_999_999)
    values.name = spec.customerName
    values.count = random.int(in: 4...60)
    return values
  }

  /// Appends a subject line: the issue in a few words, or a vague word for unclassified tickets.
  func subject(_ spec: NarrativeSpec, using random: inout Xoshiro256, into out: inout [UInt8]) {
    let book = book(spec.language)
    let values = values(spec, book, using: &random)
    guard let issue = spec.issue else {
      values.render(random.pick(book.vagueSubjects), into: &out)
      return
    }
    if spec.line == nil {
      let plain = book.plainSubjects[issue]
      values.render(random.pick(plain.isEmpty ? book.vagueSubjects : plain), into: &out)
      return
    }
    let spelling = random.weighted(Narrator.spellingWeights)
    values.render(random.pick(book.subjects[issue][spelling]), into: &out)
  }

  /// Appends a description: greeting, the product, the complaint, details and a signature.
  func description(
    _ spec: NarrativeSpec, using random: inout Xoshiro256, into out: inout [UInt8]
  ) {
    let book = book(spec.language)
    let values = values(spec, book, using: &random)
    if spec.long || random.chance(0.6) {
      values.render(random.pick(book.greetings), into: &out)
      out.append(contentsOf: Narrator.paragraph)
    }
    values.render(random.pick(spec.line == nil ? book.anonymousIntros : book.intros), into: &out)
    separate(book, &out)
    let first = complaint(spec, book, values, avoiding: nil, using: &random, into: &out)
    if random.chance(0.4) {
      separate(book, &out)
      values.render(random.pick(book.details), into: &out)
    }
    if spec.keyAccount && random.chance(0.6) {
      separate(book, &out)
      values.render(random.pick(book.fleet), into: &out)
    }
    if spec.long {
      // Distinct story sentences from a random starting point, in paragraphs of one to three.
      let start = random.int(below: book.story.count)
      let total = random.int(in: min(3, book.story.count)...book.story.count)
      var written = 0
      while written < total {
        out.append(contentsOf: Narrator.paragraph)
        for index in 0..<min(random.int(in: 1...3), total - written) {
          if index > 0 { out.append(contentsOf: book.separator) }
          values.render(book.story[(start + written) % book.story.count], into: &out)
          written += 1
        }
      }
      out.append(contentsOf: Narrator.paragraph)
      complaint(spec, book, values, avoiding: first, using: &random, into: &out)
      separate(book, &out)
      values.render(random.pick(book.details), into: &out)
    } else if let issue = spec.issue, book.sentences[issue][0].count > 1, random.chance(0.25) {
      separate(book, &out)
      complaint(spec, book, values, avoiding: first, using: &random, into: &out)
    }
    if spec.long || random.chance(0.5) {
      out.append(contentsOf: Narrator.paragraph)
      values.render(random.pick(book.closings), into: &out)
    }
  }

  /// Appends a question that is not a complaint (for the legacy shop's other row types).
  func question(_ language: Language, using random: inout Xoshiro256, into out: inout [UInt8]) {
    let book = book(language)
    var values = SlotValues()
    values.order = random.int(in: 1_000_000...9_999_999)
    values.render(random.pick(book.questions), into: &out)
  }

  /// Appends the sentence between two others: a space, or nothing in Chinese or after a line
  /// break.
  private func separate(_ book: Book, _ out: inout [UInt8]) {
    if out.last != 0x0A { out.append(contentsOf: book.separator) }
  }

  /// Appends one sentence stating the complaint, other than the one at index `avoiding` when
  /// there is a choice, and returns the index of the sentence written.
  @discardableResult
  private func complaint(
    _ spec: NarrativeSpec, _ book: Book, _ values: SlotValues, avoiding: Int?,
    using random: inout Xoshiro256, into out: inout [UInt8]
  ) -> Int {
    let choices: [Template]
    if let issue = spec.issue {
      choices = book.sentences[issue][random.weighted(Narrator.spellingWeights)]
    } else {
      choices = book.vague
    }
    var index = random.int(below: choices.count)
    if let avoiding, choices.count > 1, index == avoiding {
      index = (index + 1 + random.int(below: choices.count - 1)) % choices.count
    }
    values.render(choices[index], into: &out)
    return index
  }
}
