import Foundation
import PlaintCore
import PlaintStore

/// The tab-separated lines `plaint map` writes and `plaint reduce` merges (docs/scale-out.md).
///
/// Three kinds, each one line of valid UTF-8, fields escaped (`\\` `\t` `\n` `\r`):
///
///     T  system  id  occurrences  first  winner-order  <the winning copy: 20 fields, the last
///        its slices (`Ticket.encodedSlices`)>
///     A  file  range  lines  path  sha256  system  rows_read  read_ok  rejected  filtered
///        replaced  reasons
///     R  file  range  line  reason  raw
///
/// `file` is the input's position in the run's file order, `range` the byte offset a range of it
/// starts at (0 for a whole file); an order is `file:range:line`, lines counted from the range. A T line
/// stands for every copy of one ticket seen so far: `occurrences` counts the copies per file
/// (`0:1,3:2`), `first` is the earliest copy in the run's order, and the payload is the copy
/// `run` would keep (it is accepted, the rest are duplicates), by `CopyRank` — the rule the
/// store follows. An order carries its file's SHA-256 (`file:range:line:sha256`). Merging
/// two T lines of one key is associative and commutative, so reduce can run in any number of
/// stages. A lines of one file (several byte ranges) add up.
enum PartialLine: Equatable {
  case ticket(TicketPartial)
  case accounting(AccountingPartial)
  case reject(RejectPartial)
  /// One entry of a report's cube: `S  kind  key fields…  count  values` (`plaint summarize`).
  case summary(SummaryPartial)
}

/// One entry of a report's cube (ReportCube): its kind, key fields and value. Entries of one key
/// add up.
struct SummaryPartial: Equatable {
  var kind: ReportCube.Kind
  var key: [String]
  var value: ReportCube.Value
}

/// Where a copy of a ticket was read, in the run's order of files, byte ranges and lines: `file`
/// is the input's position, `range` the byte offset its range starts at, `line` counted from the
/// range's start.
struct CopyOrder: Comparable, Hashable {
  var file: Int
  var range: Int
  var line: Int
  /// The file's SHA-256, which breaks ties between copies as the store does.
  var sha256: String = ""

  static func < (a: CopyOrder, b: CopyOrder) -> Bool {
    (a.file, a.range, a.line) < (b.file, b.range, b.line)
  }

  var text: String {
    sha256.isEmpty ? "\(file):\(range):\(line)" : "\(file):\(range):\(line):\(sha256)"
  }

  init(file: Int, range: Int, line: Int, sha256: String = "") {
    self.file = file
    self.range = range
    self.line = line
    self.sha256 = sha256
  }

  /// Reads `file:range:line` or `file:range:line:sha256` (its bytes: a reduce reads two of
  /// these per ticket).
  init?(_ text: Substring) {
    var numbers = (0, 0, 0)
    var field = 0
    var digits = 0
    var sha: Substring.UTF8View.Index?
    for index in text.utf8.indices {
      let byte = text.utf8[index]
      if byte == 0x3A {
        guard digits > 0 else { return nil }
        field += 1
        digits = 0
        if field == 3 {
          sha = text.utf8.index(after: index)
          break
        }
        continue
      }
      // At most 18 digits, far from overflowing.
      guard (0x30...0x39).contains(byte), digits < 18 else { return nil }
      let digit = Int(byte - 0x30)
      switch field {
      case 0: numbers.0 = numbers.0 * 10 + digit
      case 1: numbers.1 = numbers.1 * 10 + digit
      default: numbers.2 = numbers.2 * 10 + digit
      }
      digits += 1
    }
    var sha256 = ""
    if let sha {
      let rest = text[sha...]
      // An empty or further-cut sha256 was never a file's digest.
      guard !rest.isEmpty, !rest.utf8.contains(0x3A) else { return nil }
      sha256 = String(rest)
    } else {
      guard field == 2, digits > 0 else { return nil }
    }
    self.init(file: numbers.0, range: numbers.1, line: numbers.2, sha256: sha256)
  }
}

/// A line's bytes as they are written: fields escaped and separated by tabs.
struct FieldWriter {
  var out: [UInt8]
  private var started = false

  init(out: [UInt8]) { self.out = out }

  /// Starts a field: a tab before every field but the first.
  mutating func separate() {
    if started { out.append(0x09) }
    started = true
  }

  mutating func field(_ text: String) {
    separate()
    escaped(text[...])
  }

  mutating func field(_ text: Substring) {
    separate()
    escaped(text)
  }

  mutating func raw(_ byte: UInt8) { out.append(byte) }

  mutating func integer(_ value: Int) {
    guard value >= 0, value < 10 else {
      out.append(contentsOf: String(value).utf8)
      return
    }
    out.append(0x30 + UInt8(value))
  }

  /// A copy's order, `file:range:line` and `:sha256` when known.
  mutating func order(_ order: CopyOrder) {
    separate()
    integer(order.file)
    raw(0x3A)
    integer(order.range)
    raw(0x3A)
    integer(order.line)
    if !order.sha256.isEmpty {
      raw(0x3A)
      escaped(order.sha256[...])
    }
  }

  /// `text` with `\\`, tab, LF and CR escaped: runs of other bytes are copied whole.
  mutating func escaped(_ text: Substring) {
    let done = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
      var runStart = 0
      for index in 0..<bytes.count {
        let escape: UInt8
        switch bytes[index] {
        case 0x5C: escape = 0x5C
        case 0x09: escape = 0x74
        case 0x0A: escape = 0x6E
        case 0x0D: escape = 0x72
        default: continue
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
        out.append(0x5C)
        out.append(escape)
        runStart = index + 1
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
      return true
    }
    guard done == nil else { return }
    for byte in text.utf8 {
      switch byte {
      case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
      case 0x09: out.append(contentsOf: [0x5C, 0x74])
      case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
      case 0x0D: out.append(contentsOf: [0x5C, 0x72])
      default: out.append(byte)
      }
    }
  }
}

struct TicketPartial: Equatable {
  /// Copies per file.
  var occurrences: [Int: Int]
  var first: CopyOrder
  /// Where the kept copy was read.
  var winner: CopyOrder
  var ticket: ClassifiedTicket
  /// Whether the kept copy's text was left out (`plaint map --period`: a copy outside the
  /// reported period needs none, and its text is not blank); its `ticket.text` is then empty.
  var textLeftOut = false

  /// The kept copy's rank (`CopyRank`, the rule the store follows too).
  var rank: CopyRank {
    ticket.ticket.copyRank(sha256: winner.sha256, offset: winner.range, line: winner.line)
  }

  /// Both sets of copies as one.
  func merged(with other: TicketPartial) -> TicketPartial {
    var result = self
    for (file, count) in other.occurrences { result.occurrences[file, default: 0] += count }
    result.first = min(first, other.first)
    let (mine, theirs) = (rank, other.rank)
    // Identical files tie on every key; the earlier one in the run's order is the one read first.
    let otherWins = theirs.supersedes(mine) || (theirs == mine && other.winner.file < winner.file)
    if otherWins {
      result.winner = other.winner
      result.ticket = other.ticket
      result.textLeftOut = other.textLeftOut
    }
    return result
  }
}

struct AccountingPartial: Equatable {
  var file: Int
  /// The byte offset the range starts at (0 for a whole file).
  var range: Int = 0
  /// Physical lines in the range, to place the next range's lines (0 for a whole file).
  var lines: Int = 0
  var path: String
  var sha256: String
  var system: String
  /// The reader's accounting of the range; its `accepted` rows are `readOK`.
  var rows = RowAccounting()
  /// The earliest and latest creation time of the rows read OK (the export's coverage).
  var firstCreated: Date?
  var lastCreated: Date?
  /// Rows per day and product line.
  var profile = SourceProfile()

  init(
    file: Int, range: Int = 0, lines: Int = 0, path: String, sha256: String, system: String,
    rowsRead: Int = 0, readOK: Int = 0, rejected: Int = 0, filtered: Int = 0,
    replacedBytes: Int = 0, reasons: [String: Int] = [:], firstCreated: Date? = nil,
    lastCreated: Date? = nil, profile: SourceProfile = SourceProfile()
  ) {
    self.file = file
    self.range = range
    self.lines = lines
    self.path = path
    self.sha256 = sha256
    self.system = system
    rows.rowsRead = rowsRead
    rows.accepted = readOK
    rows.rejected = rejected
    rows.filtered = filtered
    rows.replacedBytes = replacedBytes
    rows.reasons = reasons
    self.firstCreated = firstCreated
    self.lastCreated = lastCreated
    self.profile = profile
  }

  var rowsRead: Int {
    get { rows.rowsRead }
    set { rows.rowsRead = newValue }
  }
  /// Rows the reader accepted, before dedup splits them into accepted and duplicates.
  var readOK: Int {
    get { rows.accepted }
    set { rows.accepted = newValue }
  }
  var rejected: Int {
    get { rows.rejected }
    set { rows.rejected = newValue }
  }
  var filtered: Int {
    get { rows.filtered }
    set { rows.filtered = newValue }
  }
  var replacedBytes: Int {
    get { rows.replacedBytes }
    set { rows.replacedBytes = newValue }
  }
  var reasons: [String: Int] {
    get { rows.reasons }
    set { rows.reasons = newValue }
  }

  func merged(with other: AccountingPartial) -> AccountingPartial {
    var result = self
    result.profile = profile.merged(with: other.profile)
    result.firstCreated = [firstCreated, other.firstCreated].compactMap { $0 }.min()
    result.lastCreated = [lastCreated, other.lastCreated].compactMap { $0 }.max()
    result.rows += other.rows
    return result
  }
}

struct RejectPartial: Equatable {
  var file: Int
  /// The byte offset of the range the reject was read in; its line counts from there.
  var range: Int = 0
  var reject: Reject
}

/// A line that is not a partial line, with its position in the input.
struct PartialFormatError: Error, CustomStringConvertible {
  var source: String
  var line: Int
  var reason: String
  var description: String { "\(source):\(line): not a plaint partial line (\(reason))" }
}

extension PartialLine {
  /// The line's text, without its line end.
  func encoded() -> String {
    var bytes: [UInt8] = []
    encode(into: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends the line's bytes, without its line end, to `out`.
  ///
  /// Written field by field into one buffer: map writes a line per ticket, and building each
  /// field as an escaped `String`, then the joined line, was 44 % of its time.
  func encode(into out: inout [UInt8]) {
    var line = FieldWriter(out: out)
    out = []
    switch self {
    case .ticket(let t):
      let ticket = t.ticket.ticket
      line.field("T")
      line.field(ticket.system)
      line.field(ticket.id)
      line.separate()
      var firstCopy = true
      for file in t.occurrences.keys.sorted() {
        if !firstCopy { line.raw(0x2C) }
        firstCopy = false
        line.integer(file)
        line.raw(0x3A)
        line.integer(t.occurrences[file] ?? 0)
      }
      line.order(t.first)
      line.order(t.winner)
      line.field(Self.time(ticket.created))
      line.field(ticket.updated.map(Self.time) ?? "")
      line.field(ticket.resolved.map(Self.time) ?? "")
      line.field(t.ticket.period.description)
      line.field(t.ticket.cell.category.rawValue)
      line.field(t.ticket.issue)
      line.field(t.ticket.cell.productLine)
      line.field(t.ticket.cell.tier.rawValue)
      line.field(ticket.customer ?? "")
      line.field(ticket.customerName ?? "")
      line.field(ticket.product ?? "")
      line.field(ticket.channel ?? "")
      line.field(ticket.agent ?? "")
      line.field(ticket.sourceCategory ?? "")
      // Tags joined by commas, as the store keeps them.
      line.separate()
      for (index, tag) in ticket.tags.enumerated() {
        if index > 0 { line.raw(0x2C) }
        line.escaped(tag[...])
      }
      line.field(t.ticket.rule)
      // Classified tickets keep only what a report shows of their text; unclassified ones keep
      // it all, for the table of frequent unclassified words. Text left out (`map --period`)
      // is a mark no escaped text can be.
      if t.textLeftOut {
        line.separate()
        line.raw(0x5C)
        line.raw(0x2D)
      } else {
        line.field(t.ticket.isClassified ? Self.excerpt(ticket.text) : ticket.text[...])
      }
      line.field(ticket.location.file)
      line.separate()
      line.integer(ticket.location.line)
      line.field(ticket.encodedSlices ?? "")
    case .accounting(let a):
      let reasons = String(
        decoding: (try? JSONEncoder.sortedKeys.encode(a.reasons)) ?? Data("{}".utf8),
        as: UTF8.self)
      for field in [
        "A", String(a.file), String(a.range), String(a.lines), a.path, a.sha256, a.system,
        String(a.rowsRead), String(a.readOK), String(a.rejected), String(a.filtered),
        String(a.replacedBytes), reasons, a.firstCreated.map(Self.time) ?? "",
        a.lastCreated.map(Self.time) ?? "", a.profile.encoded,
      ] {
        line.field(field)
      }
    case .reject(let r):
      for field in [
        "R", String(r.file), String(r.range), String(r.reject.line), r.reject.reason, r.reject.raw,
      ] {
        line.field(field)
      }
    case .summary(let s):
      line.field("S")
      line.field(s.kind.rawValue)
      for field in s.key { line.field(field) }
      line.separate()
      line.integer(s.value.count)
      line.separate()
      for (index, value) in s.value.values.enumerated() {
        if index > 0 { line.raw(0x2C) }
        line.escaped("\(value)"[...])
      }
    }
    out = line.out
  }

  /// The first 200 characters of `text`, what a report shows of a classified ticket.
  ///
  /// Text of at most 200 bytes is whole; ASCII without a CR is one character a byte (the byte
  /// after the cut must be ASCII too, or it could extend the 200th character); anything else
  /// is cut by characters.
  static func excerpt(_ text: String) -> Substring {
    let bytes = text.utf8
    if bytes.count <= 200 { return text[...] }
    var plain = true
    for (offset, byte) in bytes.prefix(201).enumerated()
    where byte >= 0x80 || (byte == 0x0D && offset < 200) {
      plain = false
      break
    }
    guard plain else { return text.prefix(200) }
    return Substring(bytes.prefix(200))
  }

  /// Whether a line of `kind` with this many tabs has its fields: a fixed number, or for a
  /// summary line at least a kind, one key field, a count and values.
  static func hasFields(_ kind: Character, tabs: Int) -> Bool {
    if kind == "S" { return tabs >= 4 }
    return fieldCounts[kind].map { $0 - 1 } == tabs
  }

  /// A ticket line's text field when its text was left out (`plaint map --period`): a
  /// backslash before a character the format never escapes, so no text is written as it.
  static let textLeftOut: Substring = "\\-"

  /// How many tab-separated fields a line of each kind has.
  static let fieldCounts: [Character: Int] = ["T": 26, "A": 16, "R": 6]

  /// What reduce merges a line by: the first three fields (kind and ticket key, or kind, file and
  /// range); nil for a reject line, which is never merged.
  static func mergeKey(_ line: Substring) -> Substring? {
    guard line.first != "R" else { return nil }
    if line.first == "S" { return summaryKey(line).map { line[..<$0] } }
    var tabs = 0
    for index in line.utf8.indices where line.utf8[index] == 0x09 {
      tabs += 1
      if tabs == 3 { return line[..<index] }
    }
    return line
  }

  /// Parses one line; `files` names each file position's path, for rejects.
  static func decode(_ line: Substring, source: String, number: Int) throws(PartialFormatError)
    -> PartialLine
  {
    // Split on the bytes: a tab is ASCII, so every cut is a character boundary. Fields are
    // unescaped as they are read, and numbers parsed from them as they stand.
    var raw: [Substring] = []
    raw.reserveCapacity(26)
    var start = line.startIndex
    forEachTab(in: line) { offset in
      let tab = line.utf8.index(line.startIndex, offsetBy: offset)
      raw.append(line[start..<tab])
      start = line.utf8.index(after: tab)
    }
    raw.append(line[start...])
    func fail(_ reason: String) -> PartialFormatError {
      PartialFormatError(source: source, line: number, reason: reason)
    }
    if raw[0] == "T" {
      guard raw.count == 26, let first = CopyOrder(raw[4]), let winner = CopyOrder(raw[5]),
        let created = Double(raw[6]), let period = Period(String(raw[9])),
        let category = Category(rawValue: unescape(raw[10])),
        let tier = Tier(rawValue: unescape(raw[13])), let line = Int(raw[24])
      else { throw fail("ticket line") }
      var occurrences: [Int: Int] = [:]
      for part in raw[3].utf8.split(separator: 0x2C) {
        guard let colon = part.firstIndex(of: 0x3A), let file = Int(Substring(part[..<colon])),
          let count = Int(Substring(part[part.index(after: colon)...]))
        else {
          throw fail("occurrences")
        }
        occurrences[file, default: 0] += count
      }
      let optional = { (text: Substring) -> String? in text.isEmpty ? nil : unescape(text) }
      let tags = unescape(raw[20]).split(separator: ",").map(String.init)
      let textLeftOut = raw[22] == Self.textLeftOut
      var ticket = Ticket(
        system: unescape(raw[1]), id: unescape(raw[2]),
        created: Date(timeIntervalSince1970: created),
        updated: raw[7].isEmpty ? nil : Double(raw[7]).map(Date.init(timeIntervalSince1970:)),
        resolved: raw[8].isEmpty ? nil : Double(raw[8]).map(Date.init(timeIntervalSince1970:)),
        text: textLeftOut ? "" : unescape(raw[22]),
        customer: optional(raw[14]), customerName: optional(raw[15]),
        product: optional(raw[16]), channel: optional(raw[17]), agent: optional(raw[18]),
        sourceCategory: optional(raw[19]), tags: tags,
        location: SourceLocation(file: unescape(raw[23]), line: line))
      if !raw[25].isEmpty { ticket.slices = Ticket.decodeSlices(unescape(raw[25])) }
      return .ticket(
        TicketPartial(
          occurrences: occurrences, first: first, winner: winner,
          ticket: ClassifiedTicket(
            ticket: ticket, period: period,
            cell: Cell(category: category, productLine: unescape(raw[12]), tier: tier),
            issue: unescape(raw[11]), rule: unescape(raw[21])),
          textLeftOut: textLeftOut))
    }
    let fields = raw.map(unescape)
    switch fields.first {
    case "A":
      guard fields.count == 16, let file = Int(fields[1]), let range = Int(fields[2]),
        let lines = Int(fields[3]), let rows = Int(fields[7]), let ok = Int(fields[8]),
        let rejected = Int(fields[9]), let filtered = Int(fields[10]),
        let replaced = Int(fields[11]),
        let reasons = try? JSONDecoder().decode([String: Int].self, from: Data(fields[12].utf8))
      else { throw fail("accounting line") }
      return .accounting(
        AccountingPartial(
          file: file, range: range, lines: lines, path: fields[4], sha256: fields[5],
          system: fields[6], rowsRead: rows, readOK: ok, rejected: rejected, filtered: filtered,
          replacedBytes: replaced, reasons: reasons,
          firstCreated: Double(fields[13]).map(Date.init(timeIntervalSince1970:)),
          lastCreated: Double(fields[14]).map(Date.init(timeIntervalSince1970:)),
          profile: SourceProfile(encoded: fields[15]) ?? SourceProfile()))
    case "S":
      guard fields.count >= 5, let kind = ReportCube.Kind(rawValue: fields[1]),
        let count = Int(fields[fields.count - 2])
      else { throw fail("summary line") }
      var values: [Double] = []
      for part in fields[fields.count - 1].split(separator: ",") {
        guard let value = Double(part) else { throw fail("summary values") }
        values.append(value)
      }
      return .summary(
        SummaryPartial(
          kind: kind, key: Array(fields[2..<(fields.count - 2)]),
          value: ReportCube.Value(count: count, values: values)))
    case "R":
      guard fields.count == 6, let file = Int(fields[1]), let range = Int(fields[2]),
        let line = Int(fields[3])
      else { throw fail("reject line") }
      return .reject(
        RejectPartial(
          file: file, range: range,
          reject: Reject(file: "", line: line, reason: fields[4], raw: fields[5])))
    default:
      throw fail("unknown kind \"\(fields.first?.prefix(8) ?? "")\"")
    }
  }

  /// Where a summary line's key ends: the tab before its count.
  static func summaryKey(_ line: Substring) -> Substring.Index? {
    var last: Substring.Index?
    var beforeLast: Substring.Index?
    for index in line.utf8.indices where line.utf8[index] == 0x09 {
      beforeLast = last
      last = index
    }
    return beforeLast
  }

  /// Seconds since 1970, written so that reading it back gives the same Double.
  static func time(_ date: Date) -> String { "\(date.timeIntervalSince1970)" }

  static func escape(_ field: String) -> String {
    guard field.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
    else { return field }
    var out = ""
    for scalar in field.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "\t": out += "\\t"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// The field's text with `\\`, `\t`, `\n` and `\r` undone (any other escaped character
  /// stands for itself; a lone backslash at the end is dropped).
  ///
  /// Byte by byte: every escape is ASCII, so the bytes between them are copied as they are (a
  /// ticket's text has escaped line breaks in nearly every line, and rebuilding it one Unicode
  /// scalar at a time was a fifth of `plaint summarize`'s time).
  static func unescape(_ field: Substring) -> String {
    let escaped =
      field.utf8.withContiguousStorageIfAvailable { $0.contains(0x5C) }
      ?? field.utf8.contains(0x5C)
    guard escaped else { return String(field) }
    var out: [UInt8] = []
    out.reserveCapacity(field.utf8.count)
    var escaping = false
    for byte in field.utf8 {
      if escaping {
        switch byte {
        case 0x74: out.append(0x09)  // t
        case 0x6E: out.append(0x0A)  // n
        case 0x72: out.append(0x0D)  // r
        default: out.append(byte)
        }
        escaping = false
      } else if byte == 0x5C {
        escaping = true
      } else {
        out.append(byte)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}

extension JSONEncoder {
  static var sortedKeys: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return encoder
  }
}
