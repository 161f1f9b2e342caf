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
  /// Unclassified complaints per term, per period (its name).
  private var terms: [String: [String: Int]] = [:]

  var isEmpty: Bool { counts.isEmpty && hours.isEmpty && terms.isEmpty }

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

  private mutating func name(_ text: String) -> Int32 {
    if let found = positions[text] { return found }
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

  /// One unclassified complaint of `period` (its name) whose text has `term`.
  mutating func addTerm(_ period: String, _ term: String) {
    terms[period, default: [:]][term, default: 0] += 1
  }

  /// One unclassified complaint of `period` whose text has each of `terms`: the period's counts
  /// are looked up once, not once per term.
  mutating func addTerms(_ period: String, _ found: Set<String>) {
    guard !found.isEmpty else { return }
    var counts = terms.removeValue(forKey: period) ?? [:]
    for term in found { counts[term, default: 0] += 1 }
    terms[period] = counts
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
    for (period, terms) in terms {
      for (term, count) in terms { cube.add(.term, [period, term], count: count) }
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
