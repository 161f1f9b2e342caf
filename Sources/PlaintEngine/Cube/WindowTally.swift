import PlaintCore

/// The per-ticket counts of a `CubeBuilder` (the base counts of cells, issues, files and texts,
/// and the window's dimensions, resolution, resolution hours and the terms of unclassified
/// complaints), held compactly as tickets go by and folded into the cube's entries when the cube
/// is read.
///
/// A report's window adds about eight entries for each of several hundred thousand tickets, and
/// one per term for each unclassified one; as cube entries each add built an array of strings,
/// hashed every string and compared them all. Here a ticket's period and cell are looked up
/// once, values are numbered as first seen, and an entry is a few integers. The folded entries
/// are the ones the cube would have held (`ReportCubeTests`, `WindowTallyTests`).
struct WindowTally {
  /// An entry: its kind, its period and cell (a position in `prefixes`), and up to two more
  /// fields (positions in `names`, or -1).
  private struct Key: Hashable {
    var kind: ReportCube.Kind
    var prefix: Int32
    var first: Int32
    var second: Int32
  }

  private struct Prefix: Hashable {
    var period: Period
    var cell: Cell
  }

  /// The fields each prefix stands for: period, category, product line, tier.
  private var prefixFields: [[String]] = []
  private var prefixes: [Prefix: Int32] = [:]
  /// Prefixes of a period alone (`emptyText`) and of a file and product line (`file`).
  private var periodPrefixes: [Period: Int32] = [:]
  private var filePrefixes: [FileLine: Int32] = [:]

  private struct FileLine: Hashable {
    var file: String
    var line: String
  }
  private var names: [String] = []
  private var positions: [String: Int32] = [:]
  private var counts: [Key: Int] = [:]
  /// Resolution hours per key, in the order met (sorted when folded).
  private var hours: [Key: [Double]] = [:]
  /// Unclassified complaints per phrase of words by number (`termWords`), per period (a
  /// position in `names`): a phrase is a few integers until the tally is folded, so the words
  /// of a long text are hashed once each, not once for each phrase they are in.
  private var phrases = PhraseCounts()
  private var termWords: [String] = []
  private var termKinds: [Terms.WordKind] = []
  private var termNumbers: [String: Int32] = [:]
  /// Word numbers by the word's bytes: a word met before is found without making a string.
  private var wordNumbers = WordNumbers()
  /// The unclassified complaints counted so far (a phrase counts once per complaint).
  private var ticketCount: Int32 = 0

  var isEmpty: Bool { counts.isEmpty && hours.isEmpty && phrases.isEmpty }

  /// The position of the period and cell of a ticket, for the entries it adds.
  mutating func prefix(_ period: Period, _ cell: Cell) -> Int32 {
    let key = Prefix(period: period, cell: cell)
    if let found = prefixes[key] { return found }
    let position = Int32(prefixFields.count)
    prefixFields.append([period.description] + CubeBuilder.cellFields(cell))
    prefixes[key] = position
    return position
  }

  /// The position of a period alone, for its `emptyText` entries.
  mutating func prefix(_ period: Period) -> Int32 {
    if let found = periodPrefixes[period] { return found }
    let position = Int32(prefixFields.count)
    prefixFields.append([period.description])
    periodPrefixes[period] = position
    return position
  }

  /// The position of a source file and product line, for their `file` entries.
  mutating func prefix(file: String, productLine: String) -> Int32 {
    let key = FileLine(file: file, line: productLine)
    if let found = filePrefixes[key] { return found }
    let position = Int32(prefixFields.count)
    prefixFields.append([file, productLine])
    filePrefixes[key] = position
    return position
  }

  /// One ticket in `kind`'s entry `[…prefix]`, or `[…prefix, first]`.
  mutating func add(_ kind: ReportCube.Kind, _ prefix: Int32, _ first: String? = nil) {
    let key = Key(kind: kind, prefix: prefix, first: first.map { name($0) } ?? -1, second: -1)
    counts[key, default: 0] += 1
  }

  /// The number of a name: the first met spelling's, shared by the spellings Swift takes as the
  /// same text (canonically equivalent: "José" with its "é" composed or decomposed). The name is
  /// spelled by the one whose UTF-8 bytes sort first, whichever came first, as a report's
  /// customers are (`CustomerTally`): the threads of a window read its tickets in pieces, and
  /// which thread met which spelling first changed from run to run (a hostile tester's agent
  /// names, spelled both ways in one month).
  private mutating func name(_ text: String) -> Int32 {
    if let found = positions[text] {
      if text.utf8.lexicographicallyPrecedes(names[Int(found)].utf8) {
        names[Int(found)] = text
      }
      return found
    }
    let position = Int32(names.count)
    names.append(text)
    positions[text] = position
    return position
  }

  /// One complaint of the prefix's period and cell in `kind`'s entry `[…prefix, first, second]`.
  mutating func add(_ kind: ReportCube.Kind, _ prefix: Int32, _ first: String, _ second: String) {
    counts[Key(kind: kind, prefix: prefix, first: name(first), second: name(second)), default: 0] +=
      1
  }

  /// A resolution time of the `hours` entry `[…prefix, file]`.
  mutating func addHours(_ prefix: Int32, file: String, _ value: Double) {
    hours[Key(kind: .hours, prefix: prefix, first: name(file), second: -1), default: []].append(
      value)
  }

  /// One unclassified complaint of `period` (its name) with text `text`: one for each distinct
  /// phrase of its folded words (`Terms.phrases`), counted by word numbers.
  mutating func addTerms(_ period: String, text: String) {
    TextFolding.withFolded(text) { addTerms(period, foldedBytes: $0) }
  }

  /// The same, with the text folded already.
  mutating func addTerms(_ period: String, folded: String) {
    var folded = folded
    folded.withUTF8 { addTerms(period, foldedBytes: $0) }
  }

  private mutating func addTerms(_ period: String, foldedBytes bytes: UnsafeBufferPointer<UInt8>) {
    var numbers: [Int32] = []
    numbers.reserveCapacity(bytes.count / 4)
    let cut = Terms.forEachWord(ofFolded: bytes) { word in
      let hash = WordNumbers.hash(word)
      if let found = wordNumbers.find(word, hash: hash) {
        numbers.append(found)
        return
      }
      let number = number(ofWord: String(decoding: word, as: UTF8.self))
      wordNumbers.insert(word, hash: hash, number: number)
      numbers.append(number)
    }
    if !cut {
      let words = Terms.words(ofFolded: String(decoding: bytes, as: UTF8.self))
      numbers = words.map { number(ofWord: $0) }
    }
    guard !numbers.isEmpty else { return }
    let kinds = numbers.map { termKinds[Int($0)] }
    let at = name(period)
    ticketCount += 1
    let ticket = ticketCount
    Terms.forEachPhrase(kinds, maxWords: 3) { start, end in
      phrases.count(
        PhraseCounts.Phrase(
          period: at, first: numbers[start], second: end > start ? numbers[start + 1] : -1,
          third: end > start + 1 ? numbers[start + 2] : -1), ticket: ticket)
    }
  }

  /// A word's number, given to it when first met.
  private mutating func number(ofWord word: String) -> Int32 {
    if let found = termNumbers[word] { return found }
    let number = Int32(termWords.count)
    termWords.append(word)
    termKinds.append(Terms.WordKind(word))
    termNumbers[word] = number
    return number
  }

  /// Adds this tally's spellings to `least`: for each name, the spelling whose UTF-8 bytes sort
  /// first of those met by every tally given it (`name`). Keyed by the name as Swift compares
  /// strings, so any spelling of it finds its entry.
  func spellings(into least: inout [String: String]) {
    for name in names {
      if let held = least[name], !name.utf8.lexicographicallyPrecedes(held.utf8) { continue }
      least[name] = name
    }
  }

  /// Spells each name as `least` does (`spellings(into:)`). Tallies of one window respelled
  /// from the spellings of them all fold into entries that merge as one tally's would, whichever
  /// tickets each read.
  mutating func respell(_ least: [String: String]) {
    for index in names.indices {
      if let spelled = least[names[index]] { names[index] = spelled }
    }
  }

  /// Adds every count held to `cube` as its entries, and forgets them.
  mutating func fold(into cube: inout ReportCube) {
    for (key, count) in counts {
      cube.add(key.kind, fields(key), count: count)
    }
    for (key, values) in hours {
      cube.add(
        .hours, fields(key), value: ReportCube.Value(count: values.count, values: values.sorted()))
    }
    // Distinct numbers give distinct phrases: words hold no space, and an unspaced word is one
    // character.
    phrases.forEach { phrase, count in
      let numbers = [phrase.first, phrase.second, phrase.third].prefix { $0 >= 0 }
      let words = numbers.map { termWords[Int($0)] }
      let text = Terms.phrase(words[...], unspaced: termKinds[Int(phrase.first)].unspaced)
      cube.add(.term, [names[Int(phrase.period)], text], count: count)
    }
    self = WindowTally()
  }

  private func fields(_ key: Key) -> [String] {
    var fields = prefixFields[Int(key.prefix)]
    if key.first >= 0 { fields.append(names[Int(key.first)]) }
    if key.second >= 0 { fields.append(names[Int(key.second)]) }
    return fields
  }
}
