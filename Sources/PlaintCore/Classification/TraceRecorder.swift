/// Collects the matches of one `Classifier.explain` call and words the reasons.
struct TraceRecorder {
  var folded = ""
  var foldedProduct = ""
  var foldedSourceCategory = ""
  private var issueMatches: [MatchTrace.Match] = []
  private var lineMatches: [MatchTrace.Match] = []
  private var issueCandidates: [IssueMatch] = []
  private var lineCandidates: [LineMatch] = []
  /// The text matches were last found in, by address and size, and the byte offset where each
  /// of its characters starts (`span`).
  private var characterStarts: (text: UnsafeRawPointer?, count: Int, starts: [Int])?

  /// Every issue rule that matched, in the order found.
  var candidates: [IssueMatch] { issueCandidates }

  mutating func record(
    _ candidate: IssueMatch, matched: String, in field: MatchTrace.Field, classifier: Classifier
  ) {
    issueCandidates.append(candidate)
    issueMatches.append(
      MatchTrace.Match(
        target: classifier.issueKey(candidate.issue), kind: .sourceValue,
        phrase: classifier.ruleText(of: candidate), field: field, matched: matched,
        byteOffset: 0, characterOffset: 0, length: candidate.length,
        priority: candidate.priority))
  }

  mutating func record(
    _ candidate: IssueMatch, in text: UnsafeBufferPointer<UInt8>, end: Int, classifier: Classifier
  ) {
    guard case .phrase(let index) = candidate.evidence else { return }
    issueCandidates.append(candidate)
    let phrase = classifier.issuePhrase(index)
    let span = span(of: phrase, in: text, end: end)
    issueMatches.append(
      MatchTrace.Match(
        target: classifier.issueKey(candidate.issue), kind: .phrase, phrase: phrase.text,
        field: .text, matched: span.matched, byteOffset: span.byteOffset,
        characterOffset: span.characterOffset, length: phrase.length,
        priority: candidate.priority))
  }

  mutating func recordGlob(
    _ index: Int, product: UnsafeBufferPointer<UInt8>, classifier: Classifier
  ) {
    let glob = classifier.glob(index)
    lineMatches.append(
      MatchTrace.Match(
        target: classifier.taxonomy.productLines[glob.owner].name, kind: .glob, phrase: glob.text,
        field: .product, matched: String(decoding: product, as: UTF8.self), byteOffset: 0,
        characterOffset: 0, length: 0, priority: 0))
  }

  mutating func recordValue(
    _ value: LineValue, product: UnsafeBufferPointer<UInt8>, classifier: Classifier
  ) {
    lineMatches.append(
      MatchTrace.Match(
        target: classifier.taxonomy.productLines[value.line].name, kind: .productValue,
        phrase: value.text, field: .product, matched: String(decoding: product, as: UTF8.self),
        byteOffset: 0, characterOffset: 0, length: 0, priority: 0))
  }

  mutating func recordLinePhrase(
    _ candidate: LineMatch, in text: UnsafeBufferPointer<UInt8>, end: Int,
    field: MatchTrace.Field, classifier: Classifier
  ) {
    let index: Int
    switch candidate.evidence {
    case .productPhrase(let phrase, _), .textPhrase(let phrase, _): index = phrase
    case .glob, .value: return
    }
    lineCandidates.append(candidate)
    let phrase = classifier.linePhrase(index)
    let span = span(of: phrase, in: text, end: end)
    lineMatches.append(
      MatchTrace.Match(
        target: classifier.taxonomy.productLines[candidate.line].name, kind: .phrase,
        phrase: phrase.text, field: field, matched: span.matched, byteOffset: span.byteOffset,
        characterOffset: span.characterOffset, length: phrase.length, priority: 0))
  }

  /// The trace, with the reasons the winners won.
  func trace(
    issue: IssueMatch?, line: LineMatch?, classifier: Classifier, result: Classification
  ) -> MatchTrace {
    return MatchTrace(
      folded: folded, foldedProduct: foldedProduct, foldedSourceCategory: foldedSourceCategory,
      matches: issueMatches + lineMatches,
      winner: "\(result.category.rawValue).\(result.issue)",
      reason: issueReason(issue, classifier: classifier),
      productLine: result.productLine,
      productLineReason: lineReason(line, classifier: classifier))
  }

  private func issueReason(_ winner: IssueMatch?, classifier: Classifier) -> String {
    guard let winner else { return "no phrase or source value of any issue matched" }
    let rule = classifier.rule(of: winner)
    let priorityFirst = classifier.priorityFirst
    var rival: IssueMatch? = nil
    for candidate in issueCandidates where candidate.issue != winner.issue {
      if rival.map({ candidate.beats($0, priorityFirst: priorityFirst) }) ?? true {
        rival = candidate
      }
    }
    guard let rival else { return "the only issue that matched: \(rule)" }
    let rivalKey = classifier.issueKey(rival.issue)
    if priorityFirst && winner.priority != rival.priority {
      return "priority first (precedence: priority): \(rule) has priority \(winner.priority) "
        + "against \(rival.priority) for \(rivalKey)"
    }
    if winner.length != rival.length {
      return "longest match: \(rule) is \(winner.length) characters against \(rival.length) "
        + "for \(rivalKey)"
    }
    if winner.priority != rival.priority {
      return "equally long (\(winner.length) characters); \(rule) has priority "
        + "\(winner.priority) against \(rival.priority) for \(rivalKey)"
    }
    return "equally long (\(winner.length) characters) and equal priority (\(winner.priority)); "
      + "\(rule) comes before \(rivalKey) in the taxonomy file"
  }

  private func lineReason(_ winner: LineMatch?, classifier: Classifier) -> String {
    guard let winner else { return "no glob, name or phrase of any product line matched" }
    let lines = classifier.taxonomy.productLines
    switch winner.evidence {
    case .glob(let index):
      return "SKU glob \"\(classifier.glob(index).text)\" matches product \"\(foldedProduct)\" "
        + "(globs decide before names and phrases)"
    case .value(let value):
      return value.isName
        ? "product \"\(foldedProduct)\" is the line's name"
        : "product \"\(foldedProduct)\" equals the line's phrase \"\(value.text)\""
    case .productPhrase(let index, _), .textPhrase(let index, _):
      let phrase = classifier.linePhrase(index)
      let place: String
      if case .textPhrase = winner.evidence { place = "the text" } else { place = "the product" }
      let sameField = lineCandidates.filter { candidate in
        switch (candidate.evidence, winner.evidence) {
        case (.textPhrase, .textPhrase), (.productPhrase, .productPhrase): true
        default: false
        }
      }
      let phrases = sameField.compactMap { candidate -> CompiledPhrase? in
        switch candidate.evidence {
        case .productPhrase(let other, _), .textPhrase(let other, _):
          candidate.line == winner.line ? nil : classifier.linePhrase(other)
        case .glob, .value: nil
        }
      }
      let found = "phrase \"\(phrase.text)\" found in \(place)"
      guard let rival = phrases.max(by: { ($0.length, -$0.order) < ($1.length, -$1.order) })
      else { return found }
      let rivalName = lines[rival.owner].name
      if phrase.length != rival.length {
        return "\(found); longest: \(phrase.length) characters against \(rival.length) for "
          + "\(rivalName)"
      }
      return "\(found); as long as the phrase of \(rivalName), and first in the taxonomy file"
    }
  }

  /// The folded text of a match (the whole word for a stem) and its offsets: in bytes, and in
  /// characters, as counted in the text before the match.
  ///
  /// The characters are counted once per text: the byte offset each starts at is found in one
  /// pass, and a match starting where a character does is that character's position (the
  /// characters of a text cut where one starts are those before the cut, since Unicode decides a
  /// break from the scalars before it and the one after). Counting the text before every match
  /// took `plaint explain` 17.6 s on a text of 318 KB. A match starting inside a character (a
  /// folded text never does, but nothing here promises it) is counted as before.
  private mutating func span(
    of phrase: CompiledPhrase, in text: UnsafeBufferPointer<UInt8>, end: Int
  ) -> (matched: String, byteOffset: Int, characterOffset: Int) {
    let start = end - phrase.folded.count
    let stop = phrase.isStem ? WordBoundary.nextBoundary(in: text, from: end) : end
    let matched = String(decoding: UnsafeBufferPointer(rebasing: text[start..<stop]), as: UTF8.self)
    if text.count > Self.countedOnce, let position = characterPosition(of: start, in: text) {
      return (matched, start, position)
    }
    let before = String(decoding: UnsafeBufferPointer(rebasing: text[..<start]), as: UTF8.self)
    return (matched, start, before.count)
  }

  /// The position of the character starting at byte `offset` of `text`, from the starts of its
  /// characters found once per text; nil when none starts there.
  private mutating func characterPosition(of offset: Int, in text: UnsafeBufferPointer<UInt8>)
    -> Int?
  {
    let base = UnsafeRawPointer(text.baseAddress)
    if characterStarts?.text != base || characterStarts?.count != text.count {
      let whole = String(decoding: text, as: UTF8.self)
      characterStarts = (
        base, text.count, whole.indices.map { whole.utf8.distance(from: whole.startIndex, to: $0) }
      )
    }
    guard let starts = characterStarts?.starts else { return nil }
    let at = starts.partitioningIndex { $0 >= offset }
    return at < starts.count && starts[at] == offset ? at : nil
  }

  /// Texts longer than this many bytes have their characters' starts found once; a short one (a
  /// product field) is counted directly, and leaves the long one's starts kept.
  static let countedOnce = 1_024
}
