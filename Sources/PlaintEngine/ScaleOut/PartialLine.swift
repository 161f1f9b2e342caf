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

  init?(_ text: Substring) {
    let parts = text.split(separator: ":")
    guard parts.count == 3 || parts.count == 4, let file = Int(parts[0]),
      let range = Int(parts[1]), let line = Int(parts[2])
    else { return nil }
    self.init(
      file: file, range: range, line: line, sha256: parts.count == 4 ? String(parts[3]) : "")
  }
}

struct TicketPartial: Equatable {
  /// Copies per file.
  var occurrences: [Int: Int]
  var first: CopyOrder
  /// Where the kept copy was read.
  var winner: CopyOrder
  var ticket: ClassifiedTicket

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
  func encoded() -> String {
    switch self {
    case .ticket(let t):
      let ticket = t.ticket.ticket
      let occurrences = t.occurrences.keys.sorted().map { "\($0):\(t.occurrences[$0] ?? 0)" }
        .joined(separator: ",")
      // Classified tickets keep only what a report shows of their text; unclassified ones keep
      // it all, for the table of frequent unclassified words.
      let text = t.ticket.isClassified ? String(ticket.text.prefix(200)) : ticket.text
      // Tags joined by commas, as the store keeps them.
      let tags = ticket.tags.joined(separator: ",")
      let fields: [String] = [
        "T", ticket.system, ticket.id, occurrences, t.first.text, t.winner.text,
        Self.time(ticket.created), ticket.updated.map(Self.time) ?? "",
        ticket.resolved.map(Self.time) ?? "", t.ticket.period.description,
        t.ticket.cell.category.rawValue, t.ticket.issue, t.ticket.cell.productLine,
        t.ticket.cell.tier.rawValue, ticket.customer ?? "", ticket.customerName ?? "",
        ticket.product ?? "", ticket.channel ?? "", ticket.agent ?? "",
        ticket.sourceCategory ?? "", tags, t.ticket.rule, text, ticket.location.file,
        String(ticket.location.line), ticket.encodedSlices ?? "",
      ]
      return fields.map(Self.escape).joined(separator: "\t")
    case .accounting(let a):
      let reasons = String(
        decoding: (try? JSONEncoder.sortedKeys.encode(a.reasons)) ?? Data("{}".utf8),
        as: UTF8.self)
      return [
        "A", String(a.file), String(a.range), String(a.lines), a.path, a.sha256, a.system,
        String(a.rowsRead), String(a.readOK), String(a.rejected), String(a.filtered),
        String(a.replacedBytes), reasons, a.firstCreated.map(Self.time) ?? "",
        a.lastCreated.map(Self.time) ?? "", a.profile.encoded,
      ].map(Self.escape).joined(separator: "\t")
    case .reject(let r):
      return [
        "R", String(r.file), String(r.range), String(r.reject.line), r.reject.reason, r.reject.raw,
      ].map(Self.escape).joined(separator: "\t")
    case .summary(let s):
      return
        (["S", s.kind.rawValue] + s.key + [
          String(s.value.count), s.value.values.map { "\($0)" }.joined(separator: ","),
        ]).map(Self.escape).joined(separator: "\t")
    }
  }

  /// Whether a line of `kind` with this many tabs has its fields: a fixed number, or for a
  /// summary line at least a kind, one key field, a count and values.
  static func hasFields(_ kind: Character, tabs: Int) -> Bool {
    if kind == "S" { return tabs >= 4 }
    return fieldCounts[kind].map { $0 - 1 } == tabs
  }

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
    // Split on the bytes: a tab is ASCII, so every cut is a character boundary.
    var fields: [String] = []
    fields.reserveCapacity(26)
    var start = line.utf8.startIndex
    for index in line.utf8.indices where line.utf8[index] == 0x09 {
      fields.append(unescape(line[start..<index]))
      start = line.utf8.index(after: index)
    }
    fields.append(unescape(line[start...]))
    func fail(_ reason: String) -> PartialFormatError {
      PartialFormatError(source: source, line: number, reason: reason)
    }
    switch fields.first {
    case "T":
      guard fields.count == 26, let first = CopyOrder(Substring(fields[4])),
        let winner = CopyOrder(Substring(fields[5])), let created = Double(fields[6]),
        let period = Period(fields[9]), let category = Category(rawValue: fields[10]),
        let tier = Tier(rawValue: fields[13]), let line = Int(fields[24])
      else { throw fail("ticket line") }
      var occurrences: [Int: Int] = [:]
      for part in fields[3].split(separator: ",") {
        let pair = part.split(separator: ":")
        guard pair.count == 2, let file = Int(pair[0]), let count = Int(pair[1]) else {
          throw fail("occurrences")
        }
        occurrences[file, default: 0] += count
      }
      let optional = { (text: String) -> String? in text.isEmpty ? nil : text }
      let tags = fields[20].split(separator: ",").map(String.init)
      var ticket = Ticket(
        system: fields[1], id: fields[2], created: Date(timeIntervalSince1970: created),
        updated: Double(fields[7]).map(Date.init(timeIntervalSince1970:)),
        resolved: Double(fields[8]).map(Date.init(timeIntervalSince1970:)), text: fields[22],
        customer: optional(fields[14]), customerName: optional(fields[15]),
        product: optional(fields[16]), channel: optional(fields[17]), agent: optional(fields[18]),
        sourceCategory: optional(fields[19]), tags: tags,
        location: SourceLocation(file: fields[23], line: line))
      ticket.slices = Ticket.decodeSlices(fields[25])
      return .ticket(
        TicketPartial(
          occurrences: occurrences, first: first, winner: winner,
          ticket: ClassifiedTicket(
            ticket: ticket, period: period,
            cell: Cell(category: category, productLine: fields[12], tier: tier),
            issue: fields[11], rule: fields[21])))
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
    guard field.utf8.contains(0x5C) else { return String(field) }
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
