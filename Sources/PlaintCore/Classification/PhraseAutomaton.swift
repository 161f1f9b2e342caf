/// An Aho–Corasick automaton over folded UTF-8 bytes that finds every occurrence of every pattern
/// in one pass over the text.
///
/// The goto and failure functions are compiled into one dense transition table over byte classes
/// (each byte that occurs in some pattern has its own class; all other bytes share class 0), so a
/// scan is one table lookup per byte. Output lists are flat: a state's own patterns sit in
/// `outputs[outputStart[s]..<outputStart[s + 1]]`, and `nextMatch` chains to the next state on
/// the failure path that has patterns of its own.
///
/// Anchored at word starts (`Anchoring.wordStarts`), the automaton finds only the occurrences
/// that start where a word may start in folded text: at the text's start, after a space, or
/// with a byte outside ASCII on either side (`mayStartWord`), which every position
/// `WordBoundary.isBoundary` accepts is. Inside an ASCII word the automaton rests in one state,
/// `inWord`, whose row sends every ASCII letter or digit back to itself, so that a scan of
/// ordinary text stays in few rows of the table instead of following every suffix of every word
/// through it (the cache misses the fused pass spent most of its time on: README.md,
/// Performance). A caller that checks word boundaries after the scan sees the same whole-word
/// matches either way.
struct PhraseAutomaton: Sendable {
  /// Where an occurrence may start.
  enum Anchoring: Sendable {
    /// Anywhere: every occurrence.
    case anywhere
    /// Only where a word may start in folded text (`mayStartWord`).
    case wordStarts
  }

  private let classOfByte: [UInt16]
  private let classCount: Int
  private let transitions: [Int32]
  /// `transitions` with a target that has patterns on its failure path stored as `~target`, so
  /// that a scan one byte at a time reads one table per byte (`PhraseScanner`); in 16 bits, half
  /// the size of `transitions` (the demo taxonomy's 3,392 states × 103 classes: 0.7 MB instead of
  /// 1.4 MB, more than a core's cache), and nil when the automaton has more states than that holds.
  private let flaggedTransitions: [Int16]?
  /// The first state on the failure path of each state (itself included) with patterns, or -1.
  private let firstMatch: [Int32]
  /// For a state with patterns, the next such state on its failure path, or -1.
  private let nextMatch: [Int32]
  private let outputStart: [Int32]
  private let outputs: [Int32]
  /// Anchored at word starts: the state inside an ASCII word.
  private let inWord: Int?
  let patternCount: Int

  /// Whether an occurrence may start at the byte `next` of folded text, after the byte
  /// `previous` (nil at the text's start): not between two ASCII bytes of a word. Folded text
  /// has only lower-case letters, digits and spaces in ASCII, so this accepts every position
  /// where `WordBoundary.isBoundary` holds, and some where it does not (inside a multi-byte
  /// character, or beside a letter of a spaced script), which the boundary check then rejects.
  static func mayStartWord(after previous: UInt8?, at next: UInt8) -> Bool {
    guard let previous else { return true }
    return !(isWordByte(previous) && isWordByte(next))
  }

  /// An ASCII byte other than the space: a letter or digit of a word in folded text.
  @inline(__always) static func isWordByte(_ byte: UInt8) -> Bool {
    byte < 0x80 && byte != TextFolding.space
  }

  /// Compiles `patterns`; an empty pattern never matches.
  init(patterns: [[UInt8]], anchoring: Anchoring = .anywhere) {
    patternCount = patterns.count
    var classOfByte = [UInt16](repeating: 0, count: 256)
    var classCount = 1
    for pattern in patterns {
      for byte in pattern where classOfByte[Int(byte)] == 0 {
        classOfByte[Int(byte)] = UInt16(classCount)
        classCount += 1
      }
    }
    // Anchored, the word bytes no pattern has need a class apart from the other such bytes:
    // they keep the automaton inside a word.
    var isWordClass = [Bool](repeating: false, count: classCount)
    if anchoring == .wordStarts {
      let otherWordBytes = classCount
      classCount += 1
      isWordClass.append(true)
      for byte in 0..<256 where Self.isWordByte(UInt8(byte)) {
        if classOfByte[byte] == 0 { classOfByte[byte] = UInt16(otherWordBytes) }
        isWordClass[Int(classOfByte[byte])] = true
      }
    }

    // The trie, with -1 for a missing edge.
    var transitions = [Int32](repeating: -1, count: classCount)
    var own: [[Int32]] = [[]]
    for (index, pattern) in patterns.enumerated() where !pattern.isEmpty {
      var state = 0
      for byte in pattern {
        let slot = state * classCount + Int(classOfByte[Int(byte)])
        if transitions[slot] < 0 {
          transitions[slot] = Int32(own.count)
          own.append([])
          transitions += repeatElement(-1, count: classCount)
        }
        state = Int(transitions[slot])
      }
      own[state].append(Int32(index))
    }

    // Breadth first: failure links, then the missing edges filled from the failure state's row.
    // Anchored, the root stands for "a word may start at the next byte" and `inWord`, one more
    // state after the trie's, for "the next byte, if a word byte, continues a word": the empty
    // suffix of the text is either, by the last byte read.
    let inWord = anchoring == .wordStarts ? own.count : nil
    if inWord != nil {
      own.append([])
      transitions += repeatElement(-1, count: classCount)
    }
    let stateCount = own.count
    var failure = [Int32](repeating: 0, count: stateCount)
    var firstMatch = [Int32](repeating: -1, count: stateCount)
    var queue: [Int] = []
    queue.reserveCapacity(stateCount)
    /// Where the empty suffix goes on `symbol` when no pattern starts with it.
    func rest(_ symbol: Int) -> Int32 {
      if let inWord, isWordClass[symbol] { Int32(inWord) } else { 0 }
    }
    for symbol in 0..<classCount {
      let child = transitions[symbol]
      if child < 0 {
        transitions[symbol] = rest(symbol)
      } else {
        failure[Int(child)] = rest(symbol)
        queue.append(Int(child))
      }
    }
    if let inWord {
      for symbol in 0..<classCount {
        transitions[inWord * classCount + symbol] =
          isWordClass[symbol] ? Int32(inWord) : transitions[symbol]
      }
    }
    var head = 0
    while head < queue.count {
      let state = queue[head]
      head += 1
      let fallback = Int(failure[state])
      firstMatch[state] = own[state].isEmpty ? firstMatch[fallback] : Int32(state)
      for symbol in 0..<classCount {
        let slot = state * classCount + symbol
        let inherited = transitions[fallback * classCount + symbol]
        let child = transitions[slot]
        if child < 0 {
          transitions[slot] = inherited
        } else {
          failure[Int(child)] = inherited
          queue.append(Int(child))
        }
      }
    }

    // Numbered breadth first, `inWord` next to the root, so that the shallow states a scan of
    // ordinary text spends most bytes in have their rows side by side, in few cache lines; the
    // trie numbered its states in the order of the patterns.
    let order = [0] + (inWord.map { [$0] } ?? []) + queue
    var number = [Int32](repeating: 0, count: stateCount)
    for (new, old) in order.enumerated() { number[old] = Int32(new) }
    var renumbered = [Int32](repeating: 0, count: transitions.count)
    for (new, old) in order.enumerated() {
      for symbol in 0..<classCount {
        renumbered[new * classCount + symbol] = number[Int(transitions[old * classCount + symbol])]
      }
    }
    transitions = renumbered
    own = order.map { own[$0] }
    failure = order.map { number[Int(failure[$0])] }
    firstMatch = order.map { firstMatch[$0] < 0 ? -1 : number[Int(firstMatch[$0])] }

    var nextMatch = [Int32](repeating: -1, count: stateCount)
    var outputStart: [Int32] = [0]
    var outputs: [Int32] = []
    for state in 0..<stateCount {
      if !own[state].isEmpty { nextMatch[state] = firstMatch[Int(failure[state])] }
      outputs += own[state]
      outputStart.append(Int32(outputs.count))
    }

    self.classOfByte = classOfByte
    self.classCount = classCount
    self.transitions = transitions
    self.flaggedTransitions =
      stateCount <= Int(Int16.max) + 1
      ? transitions.map { Int16(truncatingIfNeeded: firstMatch[Int($0)] >= 0 ? ~$0 : $0) } : nil
    self.firstMatch = firstMatch
    self.nextMatch = nextMatch
    self.outputStart = outputStart
    self.outputs = outputs
    self.inWord = inWord.map { Int(number[$0]) }
  }

  /// Whether `withScanner` can step through the automaton (it has at most 32,768 states).
  var hasScanner: Bool { flaggedTransitions != nil }

  /// Calls `body` with a scanner that steps through the automaton one byte at a time, for a
  /// caller that produces the text as it goes (`Classifier`'s fused fold-and-match pass); nil
  /// without calling it when the automaton is too large for the scanner's table (`hasScanner`).
  func withScanner<Result>(_ body: (inout PhraseScanner) -> Result) -> Result? {
    guard let flaggedTransitions else { return nil }
    return classOfByte.withUnsafeBufferPointer { classOfByte in
      flaggedTransitions.withUnsafeBufferPointer { transitions in
        firstMatch.withUnsafeBufferPointer { firstMatch in
          var scanner = PhraseScanner(
            classOfByte: classOfByte, transitions: transitions, firstMatch: firstMatch,
            classCount: classCount, inWord: inWord ?? -1)
          return body(&scanner)
        }
      }
    }
  }

  /// Calls `body(pattern)` for every pattern that ends in match state `state` (a value
  /// `PhraseScanner.step` returned), in the order `forEachMatch` reports them.
  @inline(__always)
  func forEachPattern(endingIn state: Int32, _ body: (Int) -> Void) {
    var match = state
    while match >= 0 {
      let matchState = Int(match)
      for slot in Int(outputStart[matchState])..<Int(outputStart[matchState + 1]) {
        body(Int(outputs[slot]))
      }
      match = nextMatch[matchState]
    }
  }

  /// Calls `body(pattern, end)` for every occurrence of every pattern in `text` (anchored: that
  /// starts where a word may), in order of `end` (the byte offset just past the occurrence).
  func forEachMatch(in text: UnsafeBufferPointer<UInt8>, _ body: (Int, Int) -> Void) {
    guard patternCount > 0 else { return }
    classOfByte.withUnsafeBufferPointer { classOfByte in
      transitions.withUnsafeBufferPointer { transitions in
        firstMatch.withUnsafeBufferPointer { firstMatch in
          var state = 0
          for index in 0..<text.count {
            let symbol = Int(classOfByte[Int(text[index])])
            state = Int(transitions[state &* classCount &+ symbol])
            var match = firstMatch[state]
            while match >= 0 {
              let matchState = Int(match)
              for slot in Int(outputStart[matchState])..<Int(outputStart[matchState + 1]) {
                body(Int(outputs[slot]), index + 1)
              }
              match = nextMatch[matchState]
            }
          }
        }
      }
    }
  }
}

/// The automaton's position in a text fed one byte at a time.
struct PhraseScanner {
  private let classOfByte: UnsafeBufferPointer<UInt16>
  /// The automaton's flagged transitions: `~target` when the target has patterns to report.
  private let transitions: UnsafeBufferPointer<Int16>
  private let firstMatch: UnsafeBufferPointer<Int32>
  private let classCount: Int
  /// The state inside an ASCII word of an automaton anchored at word starts, or -1: every word
  /// byte keeps it there, with nothing to report, so `step` need not read the table.
  private let inWord: Int
  private var state = 0

  fileprivate init(
    classOfByte: UnsafeBufferPointer<UInt16>, transitions: UnsafeBufferPointer<Int16>,
    firstMatch: UnsafeBufferPointer<Int32>, classCount: Int, inWord: Int
  ) {
    self.classOfByte = classOfByte
    self.transitions = transitions
    self.firstMatch = firstMatch
    self.classCount = classCount
    self.inWord = inWord
  }

  /// Inside an ASCII word of an automaton anchored at word starts: every further word byte
  /// leaves the scanner where it is and reports nothing (`step`), so a run of them need not be
  /// stepped through.
  @inline(__always) var isInWord: Bool { state == inWord }

  /// Moves past `byte`; returns the match state of the patterns that end here, or -1.
  @inline(__always)
  mutating func step(_ byte: UInt8) -> Int32 {
    if state == inWord && PhraseAutomaton.isWordByte(byte) { return -1 }
    let symbol = Int(classOfByte[Int(byte)])
    let next = transitions[state &* classCount &+ symbol]
    guard next < 0 else {
      state = Int(next)
      return -1
    }
    state = Int(~next)
    return firstMatch[state]
  }
}
