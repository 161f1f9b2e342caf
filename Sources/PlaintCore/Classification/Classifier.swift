/// Where the taxonomy puts a ticket: its category, issue, product line and the deciding rule.
public struct Classification: Sendable, Hashable {
  public var category: Category
  public var issue: String
  public var productLine: String
  /// The matched rule, readable: `product.defect "stopped working"` or
  /// `source_value "Hardware fault"`; "" when no issue rule matched.
  public var rule: String

  public init(category: Category, issue: String, productLine: String, rule: String) {
    self.category = category
    self.issue = issue
    self.productLine = productLine
    self.rule = rule
  }
}

/// Classifies tickets with a taxonomy compiled into two multi-pattern automata (docs/taxonomy.md).
///
/// Issues: every phrase that occurs as whole words in the folded text (as a substring in Han,
/// Kana, Hangul and Thai) and every `source_values` entry equal to the folded help-desk category
/// is a candidate. A `source_values` match counts as a match as long as the value itself, so it
/// competes by the same rule: the longest match in folded characters wins, then the higher
/// priority, then the issue that comes first in the file; with `precedence: priority` the higher
/// priority wins first and length breaks its ties. No candidate: `other`/`unclassified`.
///
/// Product line, first rule that decides: a SKU glob matching the product column (first line in
/// file order); the product column equal to a line's name or phrase; a line phrase inside the
/// product column; a line phrase in the text (longest, then first in file order); else
/// `Cell.unassigned`.
public struct Classifier: Sendable {
  /// The compiled taxonomy, shared by every copy: a copy of the classifier (one per closure
  /// that captures it, once per ticket) then costs one reference count, not one per table.
  private let tables: Tables

  public var taxonomy: Taxonomy { tables.taxonomy }
  private var issuePhrases: [CompiledPhrase] { tables.issuePhrases }
  private var issueShapes: [PhraseShape] { tables.issueShapes }
  private var issuePriorities: [Int] { tables.issuePriorities }
  private var issueAutomaton: PhraseAutomaton { tables.issueAutomaton }
  private var sourceValues: [SourceValueRule] { tables.sourceValues }
  private var sourceValueIndex: [String: [Int]] { tables.sourceValueIndex }
  private var issueKeys: [String] { tables.issueKeys }
  /// Whether `priority` decides before length (`precedence: priority`).
  var priorityFirst: Bool { tables.taxonomy.precedence == .priority }
  private var linePhrases: [CompiledPhrase] { tables.linePhrases }
  private var lineShapes: [PhraseShape] { tables.lineShapes }
  private var lineAutomaton: PhraseAutomaton { tables.lineAutomaton }
  private var textAutomaton: PhraseAutomaton { tables.textAutomaton }
  private var globs: [ProductGlob] { tables.globs }
  private var literalGlobIndex: [String: Int] { tables.literalGlobIndex }
  private var wildcardGlobs: [Int] { tables.wildcardGlobs }
  private var lineValueIndex: [String: LineValue] { tables.lineValueIndex }

  /// Compiles the taxonomy; rules that fold to nothing are skipped (`Taxonomy.validate()`
  /// reports them).
  public init(taxonomy: Taxonomy) {
    var issuePhrases: [CompiledPhrase] = []
    var sourceValues: [SourceValueRule] = []
    var sourceValueIndex: [String: [Int]] = [:]
    var order = 0
    for (issueIndex, issue) in taxonomy.issues.enumerated() {
      for text in issue.phrases {
        order += 1
        guard var phrase = CompiledPhrase(text, owner: issueIndex, order: order) else { continue }
        phrase.rule = "\(issue.key) \"\(text)\""
        issuePhrases.append(phrase)
      }
      for text in issue.sourceValues {
        order += 1
        let folded = TextFolding.fold(text)
        guard !folded.isEmpty else { continue }
        sourceValueIndex[folded, default: []].append(sourceValues.count)
        sourceValues.append(
          SourceValueRule(
            text: text, rule: "source_value \"\(text)\"", issue: issueIndex,
            length: folded.count, order: order))
      }
    }
    let issueShapes = issuePhrases.map(\.shape)
    let issuePriorities = taxonomy.issues.map(\.priority)
    let issueAutomaton = PhraseAutomaton(patterns: issuePhrases.map(\.folded))
    let issueKeys = taxonomy.issues.map(\.key)

    var linePhrases: [CompiledPhrase] = []
    var globs: [ProductGlob] = []
    var literalGlobIndex: [String: Int] = [:]
    var wildcardGlobs: [Int] = []
    var lineValueIndex: [String: LineValue] = [:]
    order = 0
    for (lineIndex, line) in taxonomy.productLines.enumerated() {
      for text in line.products {
        guard let glob = ProductGlob(text, owner: lineIndex) else { continue }
        if glob.isLiteral {
          let key = String(decoding: glob.pattern, as: UTF8.self)
          if literalGlobIndex[key] == nil { literalGlobIndex[key] = globs.count }
        } else {
          wildcardGlobs.append(globs.count)
        }
        globs.append(glob)
      }
      let name = TextFolding.fold(line.name)
      if !name.isEmpty && lineValueIndex[name] == nil {
        lineValueIndex[name] = LineValue(line: lineIndex, text: line.name, isName: true)
      }
      for text in line.phrases {
        order += 1
        guard let phrase = CompiledPhrase(text, owner: lineIndex, order: order) else { continue }
        linePhrases.append(phrase)
        let key = String(decoding: phrase.folded, as: UTF8.self)
        if !phrase.isStem && lineValueIndex[key] == nil {
          lineValueIndex[key] = LineValue(line: lineIndex, text: text, isName: false)
        }
      }
    }
    let lineShapes = linePhrases.map(\.shape)
    let lineAutomaton = PhraseAutomaton(patterns: linePhrases.map(\.folded))
    // Every phrase starts at a word boundary, or with a character of an unspaced script, which
    // is one; the boundary checks after the scan then see the matches they would see unanchored.
    let textAutomaton = PhraseAutomaton(
      patterns: issuePhrases.map(\.folded) + linePhrases.map(\.folded), anchoring: .wordStarts)
    tables = Tables(
      taxonomy: taxonomy, issuePhrases: issuePhrases, issueShapes: issueShapes,
      issuePriorities: issuePriorities, issueAutomaton: issueAutomaton, sourceValues: sourceValues,
      sourceValueIndex: sourceValueIndex, issueKeys: issueKeys, linePhrases: linePhrases,
      lineShapes: lineShapes, lineAutomaton: lineAutomaton, textAutomaton: textAutomaton,
      globs: globs, literalGlobIndex: literalGlobIndex, wildcardGlobs: wildcardGlobs,
      lineValueIndex: lineValueIndex)
  }

  /// The classification of one ticket.
  public func classify(text: String, product: String?, sourceCategory: String?)
    -> Classification
  {
    if let (issue, line) = decideInOnePass(
      text: text, product: product, sourceCategory: sourceCategory)
    {
      return classification(issue: issue, line: line)
    }
    return classifyInPasses(text: text, product: product, sourceCategory: sourceCategory)
  }

  /// The classification as `explain` decides it: fold, then one automaton per rule kind. The
  /// fused pass must agree with it on every ticket (ClassifierFusedPassTests).
  func classifyInPasses(text: String, product: String?, sourceCategory: String?)
    -> Classification
  {
    var recorder: TraceRecorder? = nil
    let (issue, line) = decide(
      text: text, product: product, sourceCategory: sourceCategory, recorder: &recorder)
    return classification(issue: issue, line: line)
  }

  /// The classification of one ticket and the trace of every rule that matched.
  public func explain(text: String, product: String?, sourceCategory: String?)
    -> (Classification, MatchTrace)
  {
    var recorder: TraceRecorder? = TraceRecorder()
    let (issue, line) = decide(
      text: text, product: product, sourceCategory: sourceCategory, recorder: &recorder)
    let result = classification(issue: issue, line: line)
    let trace = (recorder ?? TraceRecorder()).trace(
      issue: issue, line: line, classifier: self, result: result)
    return (result, trace)
  }

  /// The winning issue rule and every issue rule that matched, with the folded text, for
  /// evaluation against labels.
  func issueCandidates(text: String, sourceCategory: String?)
    -> (winner: IssueMatch?, all: [IssueMatch], folded: String)
  {
    var recorder: TraceRecorder? = TraceRecorder()
    let (issue, _) = decide(
      text: text, product: nil, sourceCategory: sourceCategory, recorder: &recorder)
    return (issue, recorder?.candidates ?? [], recorder?.folded ?? "")
  }

  /// How many issue rules the taxonomy compiled: phrases first, then source values.
  var ruleCount: Int { issuePhrases.count + sourceValues.count }

  /// The rule number of a match, in `0..<ruleCount`.
  func ruleNumber(of match: IssueMatch) -> Int {
    switch match.evidence {
    case .phrase(let index): index
    case .sourceValue(let index): issuePhrases.count + index
    }
  }

  /// The issue index and readable rule of a rule number.
  func rule(number: Int) -> (issue: Int, rule: String) {
    if number < issuePhrases.count {
      return (issuePhrases[number].owner, issuePhrases[number].rule)
    }
    let value = sourceValues[number - issuePhrases.count]
    return (value.issue, "\(issueKeys[value.issue]) \(value.rule)")
  }

  // MARK: - Deciding

  private func decide(
    text: String, product: String?, sourceCategory: String?, recorder: inout TraceRecorder?
  ) -> (IssueMatch?, LineMatch?) {
    var best: IssueMatch? = nil
    let priorityFirst = self.priorityFirst
    func consider(_ candidate: IssueMatch) {
      if best.map({ candidate.beats($0, priorityFirst: priorityFirst) }) ?? true {
        best = candidate
      }
    }

    if let sourceCategory, !sourceValueIndex.isEmpty {
      let folded = TextFolding.fold(sourceCategory)
      recorder?.foldedSourceCategory = folded
      for index in sourceValueIndex[folded] ?? [] {
        let rule = sourceValues[index]
        let candidate = IssueMatch(
          issue: rule.issue, length: rule.length,
          priority: issuePriorities[rule.issue], order: rule.order, position: 0,
          evidence: .sourceValue(index))
        consider(candidate)
        recorder?.record(candidate, matched: folded, in: .sourceCategory, classifier: self)
      }
    }

    var line: LineMatch? = nil
    if let product, !taxonomy.productLines.isEmpty {
      line = productLine(fromProduct: product, recorder: &recorder)
    }

    let needsLineFromText = line == nil && !linePhrases.isEmpty
    TextFolding.withFolded(text) { folded in
      if recorder != nil { recorder?.folded = String(decoding: folded, as: UTF8.self) }
      issueAutomaton.forEachMatch(in: folded) { index, end in
        let shape = issueShapes[index]
        guard shape.isWholeWord(in: folded, end: end) else { return }
        let candidate = IssueMatch(
          issue: shape.owner, length: shape.length, priority: issuePriorities[shape.owner],
          order: shape.order, position: end - shape.byteCount, evidence: .phrase(index))
        consider(candidate)
        recorder?.record(candidate, in: folded, end: end, classifier: self)
      }
      if needsLineFromText || recorder != nil {
        let fromText = bestLinePhrase(in: folded, field: .text, recorder: &recorder)
        if line == nil { line = fromText }
      }
    }
    return (best, line)
  }

  /// Whether `classify` folds and matches in one pass: not when the taxonomy's automaton has
  /// more states than the pass's 16-bit table numbers (some thousands of phrases).
  var scansInOnePass: Bool { textAutomaton.hasScanner }

  /// Matches the most hit positions the fused pass keeps for one text; a text with more (long
  /// and full of phrase endings) is decided in passes instead.
  static let fusedHitCapacity = 256

  /// `decide` without a trace, with the text folded and matched in one pass: each folded byte
  /// steps one automaton that holds the issue and the line phrases, and the positions where some
  /// phrase ends are kept; the word-boundary checks and the tie rule then run on those alone, on
  /// the folded text as `decide` sees it. Nil when the text has too many such positions, or the
  /// automaton too many states for the scanner (`PhraseAutomaton.hasScanner`).
  private func decideInOnePass(text: String, product: String?, sourceCategory: String?)
    -> (IssueMatch?, LineMatch?)?
  {
    var best: IssueMatch? = nil
    let priorityFirst = self.priorityFirst
    if let sourceCategory, !sourceValueIndex.isEmpty {
      let folded = TextFolding.fold(sourceCategory)
      for index in sourceValueIndex[folded] ?? [] {
        let rule = sourceValues[index]
        let candidate = IssueMatch(
          issue: rule.issue, length: rule.length,
          priority: issuePriorities[rule.issue], order: rule.order, position: 0,
          evidence: .sourceValue(index))
        if best.map({ candidate.beats($0, priorityFirst: priorityFirst) }) ?? true {
          best = candidate
        }
      }
    }

    var line: LineMatch? = nil
    if let product, !taxonomy.productLines.isEmpty {
      var recorder: TraceRecorder? = nil
      line = productLine(fromProduct: product, recorder: &recorder)
    }

    let needsLine = line == nil && !linePhrases.isEmpty
    guard !issuePhrases.isEmpty || needsLine else { return (best, line) }
    let issueCount = issuePhrases.count
    let issueShapes = self.issueShapes
    let issuePriorities = self.issuePriorities
    let lineShapes = self.lineShapes
    let automaton = textAutomaton
    var textLine: LineMatch? = nil
    var text = text
    let decided = text.withUTF8 { input -> Bool in
      let capacity = TextFolding.capacity(forUTF8Count: input.count)
      return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { output in
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: Self.fusedHitCapacity) { hits in
          automaton.withScanner { scanner -> Bool in
            var sink = MatchingFoldSink(output: output, scanner: scanner, hits: hits)
            sink.foldAndScan(input)
            guard !sink.overflowed else { return false }
            let folded = UnsafeBufferPointer(rebasing: output[..<sink.count])
            for hit in hits[..<sink.hitCount] {
              let end = Int(hit >> 32)
              automaton.forEachPattern(endingIn: Int32(truncatingIfNeeded: hit)) { index in
                if index < issueCount {
                  let shape = issueShapes[index]
                  guard shape.isWholeWord(in: folded, end: end) else { return }
                  let candidate = IssueMatch(
                    issue: shape.owner, length: shape.length,
                    priority: issuePriorities[shape.owner], order: shape.order,
                    position: end - shape.byteCount, evidence: .phrase(index))
                  if best.map({ candidate.beats($0, priorityFirst: priorityFirst) }) ?? true {
                    best = candidate
                  }
                } else if needsLine {
                  let phrase = index - issueCount
                  let shape = lineShapes[phrase]
                  guard shape.isWholeWord(in: folded, end: end) else { return }
                  let candidate = LineMatch(
                    line: shape.owner,
                    evidence: .textPhrase(phrase, start: end - shape.byteCount))
                  if textLine.map({ candidate.beats($0, shapes: lineShapes) }) ?? true {
                    textLine = candidate
                  }
                }
              }
            }
            return true
          } ?? false
        }
      }
    }
    guard decided else { return nil }
    return (best, line ?? textLine)
  }

  /// The product line the product column decides, if any: glob, then equal value, then phrase.
  private func productLine(fromProduct product: String, recorder: inout TraceRecorder?)
    -> LineMatch?
  {
    TextFolding.withFolded(product) { folded -> LineMatch? in
      guard !folded.isEmpty else { return nil }
      if recorder != nil { recorder?.foldedProduct = String(decoding: folded, as: UTF8.self) }
      let tracing = recorder != nil
      let key =
        literalGlobIndex.isEmpty && lineValueIndex.isEmpty
        ? "" : String(decoding: folded, as: UTF8.self)

      var decided: LineMatch? = nil
      func take(_ candidate: LineMatch) {
        if decided.map({ candidate.line < $0.line }) ?? true { decided = candidate }
      }
      if let literal = literalGlobIndex[key] {
        take(LineMatch(line: globs[literal].owner, evidence: .glob(literal)))
        recorder?.recordGlob(literal, product: folded, classifier: self)
      }
      for index in wildcardGlobs {
        let glob = globs[index]
        if !tracing, let found = decided, glob.owner >= found.line { break }
        guard glob.matches(folded) else { continue }
        take(LineMatch(line: glob.owner, evidence: .glob(index)))
        recorder?.recordGlob(index, product: folded, classifier: self)
      }
      if decided != nil && !tracing { return decided }

      if let value = lineValueIndex[key] {
        recorder?.recordValue(value, product: folded, classifier: self)
        if decided == nil { decided = LineMatch(line: value.line, evidence: .value(value)) }
        if !tracing { return decided }
      }

      if !linePhrases.isEmpty {
        let phrase = bestLinePhrase(in: folded, field: .product, recorder: &recorder)
        if decided == nil { decided = phrase }
      }
      return decided
    }
  }

  /// The best product-line phrase in folded `text`: the longest, then the first in the file.
  private func bestLinePhrase(
    in text: UnsafeBufferPointer<UInt8>, field: MatchTrace.Field, recorder: inout TraceRecorder?
  ) -> LineMatch? {
    var best: LineMatch? = nil
    lineAutomaton.forEachMatch(in: text) { index, end in
      let shape = lineShapes[index]
      guard shape.isWholeWord(in: text, end: end) else { return }
      let start = end - shape.byteCount
      let candidate = LineMatch(
        line: shape.owner,
        evidence: field == .text
          ? .textPhrase(index, start: start) : .productPhrase(index, start: start))
      recorder?.recordLinePhrase(candidate, in: text, end: end, field: field, classifier: self)
      if best.map({ candidate.beats($0, shapes: lineShapes) }) ?? true { best = candidate }
    }
    return best
  }

  private func classification(issue: IssueMatch?, line: LineMatch?) -> Classification {
    let productLine = line.map { taxonomy.productLines[$0.line].name } ?? Cell.unassigned
    guard let issue else {
      return Classification(
        category: .other, issue: ClassifiedTicket.unclassified, productLine: productLine,
        rule: "")
    }
    let definition = taxonomy.issues[issue.issue]
    return Classification(
      category: definition.category, issue: definition.name, productLine: productLine,
      rule: rule(of: issue))
  }

  // MARK: - Rules, for results and traces

  func rule(of match: IssueMatch) -> String {
    switch match.evidence {
    case .phrase(let index): issuePhrases[index].rule
    case .sourceValue(let index): sourceValues[index].rule
    }
  }

  func ruleText(of match: IssueMatch) -> String {
    switch match.evidence {
    case .phrase(let index): issuePhrases[index].text
    case .sourceValue(let index): sourceValues[index].text
    }
  }

  func issueKey(_ index: Int) -> String { issueKeys[index] }

  func linePhrase(_ index: Int) -> CompiledPhrase { linePhrases[index] }

  func issuePhrase(_ index: Int) -> CompiledPhrase { issuePhrases[index] }

  func glob(_ index: Int) -> ProductGlob { globs[index] }
}

/// A `source_values` entry compiled for lookup.
struct SourceValueRule: Sendable {
  var text: String
  var rule: String
  var issue: Int
  /// The folded value's length in characters, which ranks it like a phrase of that length.
  var length: Int
  var order: Int
}

/// A product line's name or phrase, looked up by the folded product column.
struct LineValue: Sendable {
  var line: Int
  var text: String
  var isName: Bool
}

/// One issue rule that matched a ticket.
struct IssueMatch {
  enum Evidence {
    case phrase(Int)
    case sourceValue(Int)
  }

  var issue: Int
  var length: Int
  var priority: Int
  var order: Int
  /// Byte offset in the folded text (0 for a source value).
  var position: Int
  var evidence: Evidence

  /// Longer wins, then higher priority, then earlier in the file, then earlier in the text;
  /// with `priorityFirst`, higher priority wins before length.
  func beats(_ other: IssueMatch, priorityFirst: Bool = false) -> Bool {
    if priorityFirst && priority != other.priority { return priority > other.priority }
    if length != other.length { return length > other.length }
    if priority != other.priority { return priority > other.priority }
    if issue != other.issue { return issue < other.issue }
    if order != other.order { return order < other.order }
    return position < other.position
  }
}

/// The evidence for a ticket's product line.
struct LineMatch {
  enum Evidence {
    case glob(Int)
    case value(LineValue)
    case productPhrase(Int, start: Int)
    case textPhrase(Int, start: Int)
  }

  var line: Int
  var evidence: Evidence

  /// For phrase matches: longer wins, then earlier in the file, then earlier in the text.
  func beats(_ other: LineMatch, shapes: [PhraseShape]) -> Bool {
    guard case .productPhrase(let mine, let myStart) = evidence.asPhrase,
      case .productPhrase(let theirs, let theirStart) = other.evidence.asPhrase
    else { return line < other.line }
    let (a, b) = (shapes[mine], shapes[theirs])
    if a.length != b.length { return a.length > b.length }
    if a.order != b.order { return a.order < b.order }
    return myStart < theirStart
  }
}

extension LineMatch.Evidence {
  /// Phrase evidence from either field as `.productPhrase`, to compare text and product alike.
  fileprivate var asPhrase: LineMatch.Evidence {
    if case .textPhrase(let index, let start) = self { return .productPhrase(index, start: start) }
    return self
  }
}

/// The classifier's compiled tables, immutable once built.
private final class Tables: Sendable {
  let taxonomy: Taxonomy

  let issuePhrases: [CompiledPhrase]
  let issueShapes: [PhraseShape]
  let issuePriorities: [Int]
  let issueAutomaton: PhraseAutomaton
  let sourceValues: [SourceValueRule]
  /// Folded source value → indices into `sourceValues`, in file order.
  let sourceValueIndex: [String: [Int]]
  /// "category.issue", "unclassified" and the rule strings, built once.
  let issueKeys: [String]

  let linePhrases: [CompiledPhrase]
  let lineShapes: [PhraseShape]
  let lineAutomaton: PhraseAutomaton
  /// Issue phrases, then line phrases (pattern `issuePhrases.count + i` is line phrase `i`), for
  /// the fused pass.
  let textAutomaton: PhraseAutomaton
  let globs: [ProductGlob]
  /// Folded literal glob → index of the first such glob in `globs`.
  let literalGlobIndex: [String: Int]
  /// Indices into `globs` of the globs with wildcards, in file order.
  let wildcardGlobs: [Int]
  /// Folded line name or phrase → the first line it names.
  let lineValueIndex: [String: LineValue]

  init(
    taxonomy: Taxonomy, issuePhrases: [CompiledPhrase], issueShapes: [PhraseShape],
    issuePriorities: [Int], issueAutomaton: PhraseAutomaton, sourceValues: [SourceValueRule],
    sourceValueIndex: [String: [Int]], issueKeys: [String], linePhrases: [CompiledPhrase],
    lineShapes: [PhraseShape], lineAutomaton: PhraseAutomaton, textAutomaton: PhraseAutomaton,
    globs: [ProductGlob], literalGlobIndex: [String: Int], wildcardGlobs: [Int],
    lineValueIndex: [String: LineValue]
  ) {
    self.taxonomy = taxonomy
    self.issuePhrases = issuePhrases
    self.issueShapes = issueShapes
    self.issuePriorities = issuePriorities
    self.issueAutomaton = issueAutomaton
    self.sourceValues = sourceValues
    self.sourceValueIndex = sourceValueIndex
    self.issueKeys = issueKeys
    self.linePhrases = linePhrases
    self.lineShapes = lineShapes
    self.lineAutomaton = lineAutomaton
    self.textAutomaton = textAutomaton
    self.globs = globs
    self.literalGlobIndex = literalGlobIndex
    self.wildcardGlobs = wildcardGlobs
    self.lineValueIndex = lineValueIndex
  }
}

/// Folded bytes written to a buffer and fed to a phrase scanner as they are written; the
/// positions where some phrase ends are kept as `end << 32 | match state`.
private struct MatchingFoldSink: FoldSink {
  private let output: UnsafeMutableBufferPointer<UInt8>
  private var scanner: PhraseScanner
  private let hits: UnsafeMutableBufferPointer<UInt64>
  private(set) var count = 0
  private(set) var hitCount = 0
  /// More phrase endings than `hits` holds.
  private(set) var overflowed = false
  private var pendingSpace = false

  init(
    output: UnsafeMutableBufferPointer<UInt8>, scanner: PhraseScanner,
    hits: UnsafeMutableBufferPointer<UInt64>
  ) {
    self.output = output
    self.scanner = scanner
    self.hits = hits
  }

  /// Folds `input` as `TextFolding.fold(_:into:)` does and scans the folded bytes as they are
  /// written. A run of ASCII bytes, most of any text, is folded, written and scanned in a loop
  /// of its own, on a copy of the sink that the compiler keeps in registers: through the generic
  /// fold, the scanner's state and the counts went back to memory at every byte, and the next
  /// byte's table read waited on reloading them (README.md, Performance).
  mutating func foldAndScan(_ input: UnsafeBufferPointer<UInt8>) {
    let table = FoldTable.shared
    let end = input.count
    var index = 0
    while index < end {
      if input[index] >= 0x80 {
        index += TextFolding.foldNonASCII(input, at: index, with: table, into: &self)
        continue
      }
      var run = self
      while index < end {
        let byte = input[index]
        guard byte < 0x80 else { break }
        index += 1
        let folded = TextFolding.foldASCII(byte)
        if folded == TextFolding.space {
          run.separator()
        } else {
          run.word(folded)
          if run.scanner.isInWord { index = run.copyWord(input, from: index) }
        }
      }
      self = run
    }
  }

  /// Inside a word the scanner rests on (`PhraseScanner.isInWord`), copies the word's further
  /// ASCII letters and digits, folded, eight at a time, and returns the position of the first
  /// byte it did not copy: the scanner would stay where it is and report nothing on each of
  /// them. Most bytes of a text are such (README.md, Performance). Eight bytes are loaded and
  /// stored whole, so only where both buffers hold eight more; a letter or digit folds to itself
  /// with the 0x20 bit set, and the bytes stored past the word are written over after.
  @inline(__always)
  private mutating func copyWord(_ input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    guard let source = input.baseAddress, let target = output.baseAddress else { return start }
    var index = start
    while index &+ 8 <= input.count && count &+ 8 <= output.count {
      let chunk = UnsafeRawPointer(source + index).loadUnaligned(as: UInt64.self)
      let folded = chunk | 0x2020_2020_2020_2020
      let copied = Self.leadingWordBytes(chunk)
      UnsafeMutableRawPointer(target + count).storeBytes(of: folded, as: UInt64.self)
      count &+= copied
      index &+= copied
      guard copied == 8 else { break }
    }
    return index
  }

  /// How many of the eight bytes of `chunk`, from its first in memory (the lowest), are ASCII
  /// letters or digits, computed on all eight at once: for bytes below 0x80, adding 0x80 − c to
  /// each sets its high bit exactly when it is c or more, with no carry into the next.
  @inline(__always)
  static func leadingWordBytes(_ chunk: UInt64) -> Int {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    @inline(__always) func atLeast(_ bytes: UInt64, _ bound: UInt64) -> UInt64 {
      (bytes &+ (0x80 &- bound) &* ones) & high
    }
    let low = chunk & ~high
    let lowered = low | 0x2020_2020_2020_2020
    let letter = atLeast(lowered, 0x61) & ~atLeast(lowered, 0x7B)
    let digit = atLeast(low, 0x30) & ~atLeast(low, 0x3A)
    let word = (letter | digit) & ~chunk & high
    return (~word & high).trailingZeroBitCount >> 3
  }

  @inline(__always) mutating func separator() {
    pendingSpace = true
  }

  /// As `FoldWriter.word` with trimming: a pending separator becomes a space between words.
  @inline(__always) mutating func word(_ byte: UInt8) {
    if pendingSpace {
      pendingSpace = false
      if count > 0 { put(TextFolding.space) }
    }
    put(byte)
  }

  @inline(__always) private mutating func put(_ byte: UInt8) {
    guard count < output.count else { return }
    output[count] = byte
    count += 1
    let match = scanner.step(byte)
    guard match >= 0 else { return }
    guard hitCount < hits.count else {
      overflowed = true
      return
    }
    hits[hitCount] = UInt64(count) << 32 | UInt64(UInt32(bitPattern: match))
    hitCount += 1
  }
}
