import Foundation
internal import GRDB
internal import GRDBSQLite
import PlaintCore

/// The aggregate queries a report's cube is built from (PlaintEngine's ReportCube).
extension Store {
  /// How many tickets of every period have no text (empty or only spaces), and how many there
  /// are, by the period as stored.
  public func emptyTextCounts() throws(StoreError) -> [String: (empty: Int, total: Int)] {
    try read("counting tickets without text") { db in
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT period, SUM(text_block IS NULL AND trim(text) = '') AS empty, COUNT(*) AS n
          FROM tickets GROUP BY period
          """)
      var counts: [String: (empty: Int, total: Int)] = [:]
      for row in rows { counts[row["period"]] = (row["empty"], row["n"]) }
      return counts
    }
  }

  /// Calls `body` with each ticket created in `periods`, period by period and in the order
  /// they were stored, without the excluded tickets and holding one at a time; tickets of
  /// periods other than `textPeriod` come without their text (""). With `fromRow` or
  /// `beforeRow`, only the tickets stored from that row on, or before it (a piece of a period
  /// whose pieces are read by two threads: `cuts(of:every:)`).
  ///
  /// Stored order, not creation time: texts are kept in blocks of tickets stored together, so
  /// each block is decoded once. An export not sorted by creation time read oldest first had
  /// its blocks decoded again for almost every ticket (a shuffled month of 100,000 tickets
  /// took 8.3 s to add instead of 2.7 s). A caller that lists tickets sorts them.
  ///
  /// With `openAt`, only the tickets still open then (created before it, and resolved at it or
  /// later, or not at all): the complaints open past an SLA at a period's end.
  public func forEachTicket(
    in periods: [Period], excluding exclusion: TicketExclusion = .none,
    textOnlyIn textPeriod: Period, fromRow: Int64? = nil, beforeRow: Int64? = nil,
    openAt: Date? = nil, _ body: (ClassifiedTicket) -> Void
  ) throws(StoreError) {
    guard !periods.isEmpty else { return }
    try read("reading tickets") { db in
      let marks = Array(repeating: "?", count: periods.count).joined(separator: ",")
      let condition = exclusion.matchCondition
      var bounds: [any DatabaseValueConvertible] = []
      var boundsCondition = ""
      if let fromRow {
        boundsCondition += " AND rowid >= ?"
        bounds.append(fromRow)
      }
      if let beforeRow {
        boundsCondition += " AND rowid < ?"
        bounds.append(beforeRow)
      }
      if let openAt {
        boundsCondition += " AND created < ? AND (resolved IS NULL OR resolved >= ?)"
        bounds += [openAt.timeIntervalSince1970, openAt.timeIntervalSince1970]
      }
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT \(Self.ticketColumns(
            text: "CASE WHEN period = ?1 THEN text ELSE '' END",
            block: "CASE WHEN period = ?1 THEN text_block END"))
          FROM tickets WHERE period IN (\(marks))\(boundsCondition)
          \(condition.map { "AND NOT \($0.sql)" } ?? "") ORDER BY period, rowid
          """,
        arguments: StatementArguments(
          [textPeriod.description] + periods.map(\.description))
          + StatementArguments(bounds) + StatementArguments(condition?.arguments ?? []))
      var narratives = NarrativeReader()
      var decoder = TicketColumnsDecoder()
      while let row = try rows.next() {
        var ticket = try decoder.decode(row)
        if let ref = try decoder.narrative(row) {
          ticket.ticket.text = try narratives.text(db, ref, key: Self.ticketKey(row))
        }
        body(ticket)
      }
    }
  }
}

/// Complaints of one customer in one period, cell and issue (`Store.customerCounts`).
public struct CustomerCount: Sendable, Hashable {
  public var period: Period
  public var customer: String
  public var cell: Cell
  public var issue: String
  public var count: Int
}

extension Store {
  /// Complaints per customer, period, cell and issue of `periods`, without the excluded
  /// tickets and those naming no customer: what a report's customer tables count of the
  /// window's earlier periods, summed by SQLite instead of read ticket by ticket (a tenth of
  /// the time, and nothing decoded but the sums). In no particular order.
  ///
  /// The tickets the exclusion's tags match are left out by the tags as `TicketExclusion.matches`
  /// reads them (the SQL condition's `LIKE` folds ASCII letters only), as the ticket cursor's
  /// reader leaves them out.
  public func customerCounts(in periods: [Period], excluding exclusion: TicketExclusion = .none)
    throws(StoreError) -> [CustomerCount]
  {
    guard !periods.isEmpty else { return [] }
    return try read("counting complaints per customer") { db in
      let marks = Array(repeating: "?", count: periods.count).joined(separator: ",")
      let condition = exclusion.matchCondition
      let byTags = !exclusion.tags.isEmpty
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT period, customer, category, product_line, tier, issue\(byTags ? ", tags" : ""),
            COUNT(*) AS n
          FROM tickets WHERE period IN (\(marks)) AND customer IS NOT NULL AND customer != ''
          \(condition.map { "AND NOT \($0.sql)" } ?? "")
          GROUP BY period, customer, category, product_line, tier, issue\(byTags ? ", tags" : "")
          """,
        arguments: StatementArguments(
          periods.map(\.description) + (condition?.arguments ?? [])))
      var counts: [CustomerCount] = []
      while let row = try rows.next() {
        if byTags {
          let tags: String = row["tags"]
          if exclusion.matches(
            tags: Store.tags(tags))
          {
            continue
          }
        }
        let key = "the complaints of customer \"\(row["customer"] as String)\""
        counts.append(
          CustomerCount(
            period: try Self.period(row, key: key), customer: row["customer"],
            cell: try Self.cell(row, key: key), issue: row["issue"], count: row["n"]))
      }
      return counts
    }
  }

  /// The rows where `period`'s tickets, in stored order, are cut into pieces of `size`: the
  /// row of the ticket at each of the positions `size`, 2 × `size`, … (from 0), one scan of the
  /// period's index. A piece is read from one cut and before the next
  /// (`forEachTicket(fromRow:beforeRow:)`).
  public func cuts(of period: Period, every size: Int) throws(StoreError) -> [Int64] {
    precondition(size > 0, "a piece holds a ticket at least")
    return try read("cutting a period's tickets") { db in
      try Int64.fetchAll(
        db,
        sql: """
          SELECT rowid FROM (
            SELECT rowid, row_number() OVER (ORDER BY rowid) - 1 AS position
            FROM tickets WHERE period = ?)
          WHERE position > 0 AND position % ? = 0 ORDER BY rowid
          """,
        arguments: [period.description, size])
    }
  }

  /// How many tickets each of `periods` holds (canaries included), from the cell index.
  public func ticketCounts(in periods: [Period]) throws(StoreError) -> [Period: Int] {
    guard !periods.isEmpty else { return [:] }
    return try read("counting tickets per period") { db in
      let marks = Array(repeating: "?", count: periods.count).joined(separator: ",")
      let rows = try Row.fetchAll(
        db,
        sql: "SELECT period, COUNT(*) AS n FROM tickets WHERE period IN (\(marks)) GROUP BY period",
        arguments: StatementArguments(periods.map(\.description)))
      var counts: [Period: Int] = [:]
      for row in rows {
        if let period = Period(row["period"] as String) { counts[period] = row["n"] }
      }
      return counts
    }
  }
}

/// The counts over every period a report's cube starts from, read in one pass over the tickets
/// (`Store.baseCounts`).
public struct BaseCounts: Sendable {
  /// Complaints per period and cell, without the excluded tickets.
  public var cells: [CellCount] = []
  /// Complaints per period, cell and issue, without the excluded tickets.
  public var issues: [IssueCount] = []
  /// Per file (its path as the tickets record it) and product line: the tickets kept from it
  /// and how many carry a resolution time, excluded tickets included.
  public var files: [String: [String: (tickets: Int, resolved: Int)]] = [:]
  /// Per period as stored: the tickets without text (empty or only spaces) and all tickets,
  /// excluded tickets included.
  public var emptyText: [String: (empty: Int, total: Int)] = [:]
  /// Per period as stored: a digest of what its tickets hold for the counts a report keeps per
  /// period (`Store.periodSummaries`): each ticket's cell, issue, file, whether it is excluded,
  /// creation time, channel, agent and slices. Two periods with the same digest hold the same
  /// such tickets (up to a 64-bit collision), whichever way they were loaded or replaced.
  public var fingerprints: [String: String] = [:]
}

extension Store {
  /// The cell, issue, file and blank-text counts of every period, from one scan of the tickets
  /// table instead of a query (and a scan) per kind (README.md, Performance). Periods of another
  /// granularity are left out of the cell and issue counts; a period or cell no Plaint writes
  /// throws `UndecodableRow`, as `cellCounts` does.
  ///
  /// The rows are grouped here, by the bytes of their key columns, not by SQLite: its GROUP BY
  /// sorts every row (about 1.7 µs a row on a million tickets, against 0.15 µs for the scan). A
  /// large table is scanned in two halves of its rows, one per core, whose groups are merged in
  /// the order one scan would have met them (the second core idled through this scan after a
  /// fresh load, and through every month's run on a long history).
  ///
  /// Without exclusions, nothing is scanned when the groups are known (`LoadCounts`): right
  /// after this `Store` loaded files into an empty store, whose rows were grouped as they were
  /// written, or when the store keeps the groups of its last report and only new rows came since
  /// (a month added to a long history). Each is the scan's groups in the scan's order.
  public func baseCounts(granularity: Granularity, excluding exclusion: TicketExclusion = .none)
    throws(StoreError) -> BaseCounts
  {
    let doing = "counting tickets per cell, issue and file"
    let groups: ByteGroups
    if exclusion.isEmpty {
      groups = try failing(doing) { try groupsOfEveryTicket() }
    } else {
      groups = try scannedGroups(excluding: exclusion, halvedFrom: Self.defaultSplit)
    }
    return try failing(doing) { try Self.counts(of: groups, granularity: granularity) }
  }

  /// `baseCounts` from a scan, with the table scanned in two halves when its rowids span at
  /// least `halvedFrom` (never when nil).
  func baseCounts(
    granularity: Granularity, excluding exclusion: TicketExclusion, halvedFrom: Int64?
  ) throws(StoreError) -> BaseCounts {
    let groups = try scannedGroups(excluding: exclusion, halvedFrom: halvedFrom)
    return try failing("counting tickets per cell, issue and file") {
      try Self.counts(of: groups, granularity: granularity)
    }
  }

  /// Two halves on a machine of several cores.
  static var defaultSplit: Int64? {
    ProcessInfo.processInfo.activeProcessorCount > 1 ? minimumSplitScan : nil
  }

  /// Every row grouped by one scan of the table, in two halves from `halvedFrom` rowids.
  func scannedGroups(excluding exclusion: TicketExclusion, halvedFrom: Int64?)
    throws(StoreError) -> ByteGroups
  {
    let doing = "counting tickets per cell, issue and file"
    let (paths, ranges) = try read(doing) { db in
      let bounds = try Row.fetchOne(db, sql: "SELECT min(rowid), max(rowid) FROM tickets")
      let low: Int64? = bounds?[0]
      let high: Int64? = bounds?[1]
      return (
        try Self.filePaths(db).mapValues { Array($0.utf8) },
        Self.scanRanges(low: low, high: high, halvedFrom: halvedFrom)
      )
    }
    let parts = ResultSlots<ByteGroups, StoreError>(count: ranges.count)
    let condition = exclusion.matchCondition
    DispatchQueue.concurrentPerform(iterations: ranges.count) { index in
      parts.set(
        index,
        Result { () throws(StoreError) -> ByteGroups in
          try read(doing) { db in
            try Self.groupRows(db, in: ranges[index], condition: condition, paths: paths)
          }
        })
    }
    var groups = try parts.take(0)
    for index in 1..<ranges.count { groups.merge(try parts.take(index)) }
    return groups
  }

  /// The rowid ranges `baseCounts` scans: the whole table, or its two halves when its rowids
  /// span at least `halvedFrom`.
  static func scanRanges(low: Int64?, high: Int64?, halvedFrom: Int64?) -> [Range<Int64>?] {
    guard let low, let high, let halvedFrom, high - low >= halvedFrom else { return [nil] }
    let middle = low + (high - low) / 2
    return [low..<middle, middle..<(high + 1)]
  }

  /// Tables whose rowids span fewer are scanned on one thread.
  static let minimumSplitScan: Int64 = 20_000

  /// The rows of `range` (all of them when nil), in rowid order, grouped.
  private static func groupRows(
    _ db: Database, in range: Range<Int64>?, condition: (sql: String, arguments: [String])?,
    paths: [Int64: [UInt8]]
  ) throws -> ByteGroups {
    // `NOT INDEXED`: one sequential pass over the table, not a walk of an index with a
    // lookup per row; a rowid range is a range of the table itself.
    let statement = try db.makeStatement(
      sql: """
        SELECT period, category, product_line, tier, issue, source,
          \(condition.map { "CASE WHEN \($0.sql) THEN 0 ELSE 1 END" } ?? "1"),
          resolved IS NOT NULL, text_block IS NULL AND trim(text) = '',
          created, channel, agent, slices
        FROM tickets NOT INDEXED\(range == nil ? "" : " WHERE rowid >= ? AND rowid < ?")
        """)
    var arguments = StatementArguments(condition?.arguments ?? [])
    if let range { arguments += StatementArguments([range.lowerBound, range.upperBound]) }
    try statement.setArguments(arguments)
    // Column 5, the file id, is grouped by its path's bytes, as when rows held the path.
    var groups = ByteGroups(columns: 6, paths: paths)
    let raw = statement.sqliteStatement
    while true {
      let code = sqlite3_step(raw)
      if code == SQLITE_DONE { break }
      guard code == SQLITE_ROW else {
        throw DatabaseError(
          resultCode: ResultCode(rawValue: code),
          message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: statement.sql)
      }
      groups.add(
        raw, flag: UInt8(truncatingIfNeeded: sqlite3_column_int(raw, 6)),
        resolved: Int(sqlite3_column_int(raw, 7)), empty: Int(sqlite3_column_int(raw, 8)))
    }
    return groups
  }

  /// `BaseCounts` from the grouped rows.
  private static func counts(of groups: ByteGroups, granularity: Granularity) throws
    -> BaseCounts
  {
    if let unknown = groups.unknownSource {
      throw UndecodableRow(
        table: "tickets", key: "the tickets of file id \(unknown.map(String.init) ?? "NULL")",
        problem: "the file id names no row of `files`")
    }
    var counts = BaseCounts()
    var digests: [String: (count: Int, sum: UInt64)] = [:]
    for group in groups.groups {
      digests[group.fields[0], default: (0, 0)].count += group.count
      digests[group.fields[0], default: (0, 0)].sum &+= group.digest
    }
    for (period, digest) in digests {
      counts.fingerprints[period] = "\(digest.count)-" + String(digest.sum, radix: 16)
    }
    var cellIndex: [CellCount: Int] = [:]
    var issueIndex: [IssueCount: Int] = [:]
    var periods: [String: Period] = [:]
    // In the order the groups were met: the table's, so the result does not depend on hashing.
    for group in groups.groups {
      let fields = group.fields
      let (periodText, file, line) = (fields[0], fields[5], fields[2])
      counts.files[file, default: [:]][line, default: (0, 0)].tickets += group.count
      counts.files[file, default: [:]][line, default: (0, 0)].resolved += group.resolved
      counts.emptyText[periodText, default: (0, 0)].total += group.count
      counts.emptyText[periodText, default: (0, 0)].empty += group.empty
      guard group.flag == 1 else { continue }
      func key() -> String { "the tickets of period \"\(periodText)\"" }
      // Each period's text parsed once, not once per group.
      let period: Period
      if let known = periods[periodText] {
        period = known
      } else if let parsed = Period(periodText) {
        periods[periodText] = parsed
        period = parsed
      } else {
        throw UndecodableRow(
          table: "tickets", key: key(),
          problem: "period \"\(periodText)\" is not a month or an ISO week")
      }
      guard period.granularity == granularity else { continue }
      guard let category = Category(rawValue: fields[1]), let tier = Tier(rawValue: fields[3])
      else {
        let problem =
          Category(rawValue: fields[1]) == nil
          ? "category \"\(fields[1])\" is not one of "
            + Category.allCases.map(\.rawValue).joined(separator: ", ")
          : "tier \"\(fields[3])\" is not one of "
            + Tier.allCases.map(\.rawValue).joined(separator: ", ")
        throw UndecodableRow(table: "tickets", key: key(), problem: problem)
      }
      let cell = Cell(category: category, productLine: line, tier: tier)
      // Keyed with a zero count, so that one cell's groups of several issues and files add up.
      let cellKey = CellCount(period: period, cell: cell, count: 0)
      if let at = cellIndex[cellKey] {
        counts.cells[at].count += group.count
      } else {
        cellIndex[cellKey] = counts.cells.count
        counts.cells.append(CellCount(period: period, cell: cell, count: group.count))
      }
      var issueKey = IssueCount(
        period: period, cell: cell, issueKey: "\(category.rawValue).\(fields[4])", count: 0)
      if let at = issueIndex[issueKey] {
        counts.issues[at].count += group.count
      } else {
        issueIndex[issueKey] = counts.issues.count
        issueKey.count = group.count
        counts.issues.append(issueKey)
      }
    }
    return counts
  }
}

/// Rows grouped by the bytes of their first `columns` text columns and a flag, with a count, a
/// count of resolved rows and a count of blank ones per group: a hash aggregate over a SQLite
/// cursor that makes no string for a row whose group it has met. Column `pathColumn` holds a
/// file id, read as the bytes of its path (`paths`), so that keys and digests are those of the
/// path whatever id the file has. A load into an empty store groups its rows as it writes them,
/// from their values (`add(period:category:line:tier:issue:path:...)`), into the same groups.
struct ByteGroups {
  struct Group {
    var fields: [String]
    var flag: UInt8
    var count = 0
    var resolved = 0
    var empty = 0
    /// The group's key digested (`RowDigest`), mixed into each of its rows' digests.
    var seed: UInt64 = 0
    /// The sum of its rows' digests (`BaseCounts.fingerprints`).
    var digest: UInt64 = 0
  }

  let columns: Int32
  let pathColumn: Int32 = 5
  let paths: [Int64: [UInt8]]
  /// The first file id met that `paths` does not hold (`.some(nil)`: a NULL id).
  private(set) var unknownSource: Int64??
  private(set) var groups: [Group] = []
  private var index: [Key: Int] = [:]
  /// The current row's key: each column's length (4 bytes) and bytes, then the flag.
  private var key: [UInt8] = []

  /// A key hashed as one run of bytes (an array of bytes hashes byte by byte).
  struct Key: Hashable {
    var bytes: [UInt8]

    func hash(into hasher: inout Hasher) {
      bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
  }

  init(columns: Int32, paths: [Int64: [UInt8]]) {
    self.columns = columns
    self.paths = paths
  }

  /// The path of the row's file id, as the key's bytes.
  private mutating func path(_ statement: OpaquePointer) -> [UInt8] {
    let null = sqlite3_column_type(statement, pathColumn) == SQLITE_NULL
    let id = sqlite3_column_int64(statement, pathColumn)
    if !null, let path = paths[id] { return path }
    if unknownSource == nil { unknownSource = .some(null ? nil : id) }
    return []
  }

  /// Every row counted, in all groups.
  var rows: Int { groups.reduce(0) { $0 + $1.count } }

  /// Each group's key, in the groups' order.
  private var keysInOrder: [Key] {
    var keys = [Key](repeating: Key(bytes: []), count: groups.count)
    for (key, at) in index { keys[at] = key }
    return keys
  }

  /// The groups as bytes, for the store to keep (`LoadCounts`): a version and the generation
  /// they were kept at (groups of another generation put back by hand are not taken for these),
  /// then per group its key's length and bytes and its count, resolved and blank rows and
  /// digest. The fields and the seed follow from the key.
  func encoded(keptAt generation: Int64) -> [UInt8] {
    var bytes: [UInt8] = []
    func append<T: FixedWidthInteger>(_ value: T) {
      withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
    append(Self.version)
    append(generation)
    append(UInt32(groups.count))
    let keys = keysInOrder
    for (at, group) in groups.enumerated() {
      append(UInt32(keys[at].bytes.count))
      bytes.append(contentsOf: keys[at].bytes)
      append(Int64(group.count))
      append(Int64(group.resolved))
      append(Int64(group.empty))
      append(group.digest)
    }
    return bytes
  }

  static let version: UInt32 = 1

  /// Groups of six text columns from the bytes `encoded(keptAt: generation)` wrote; nil for any
  /// other bytes.
  init?(decoding bytes: [UInt8], keptAt generation: Int64) {
    self.init(columns: 6, paths: [:])
    var reader = LittleEndianReader(bytes[...])
    guard reader.read(UInt32.self) == Self.version, reader.read(Int64.self) == generation,
      let count = reader.read(UInt32.self)
    else { return nil }
    for _ in 0..<count {
      guard let length = reader.read(UInt32.self), let key = reader.bytes(Int(length)),
        let rows = reader.read(Int64.self), let resolved = reader.read(Int64.self),
        let empty = reader.read(Int64.self), let digest = reader.read(UInt64.self),
        let (fields, flag) = Self.fields(of: key, columns: 6), index[Key(bytes: key)] == nil
      else { return nil }
      var seed = RowDigest()
      seed.add(key)
      index[Key(bytes: key)] = groups.count
      groups.append(
        Group(
          fields: fields, flag: flag, count: Int(rows), resolved: Int(resolved),
          empty: Int(empty), seed: seed.value, digest: digest))
    }
    guard reader.isAtEnd else { return nil }
  }

  /// A key's columns and flag; nil when it is not `columns` lengths and texts and a flag.
  private static func fields(of key: [UInt8], columns: Int) -> ([String], UInt8)? {
    var reader = LittleEndianReader(key[...])
    var fields: [String] = []
    for _ in 0..<columns {
      guard let length = reader.read(UInt32.self), let text = reader.bytes(Int(length)) else {
        return nil
      }
      fields.append(String(decoding: text, as: UTF8.self))
    }
    guard let flag = reader.bytes(1)?.first, reader.isAtEnd else { return nil }
    return (fields, flag)
  }

  /// Adds the groups of rows that come after this one's: a group met here keeps its place.
  mutating func merge(_ later: ByteGroups) {
    let keys = later.keysInOrder
    for (at, group) in later.groups.enumerated() {
      if let found = index[keys[at]] {
        groups[found].count += group.count
        groups[found].resolved += group.resolved
        groups[found].empty += group.empty
        groups[found].digest &+= group.digest
      } else {
        index[keys[at]] = groups.count
        groups.append(group)
      }
    }
    if unknownSource == nil { unknownSource = later.unknownSource }
  }

  /// Adds a row from the values a load binds to its insert: the key, fields and digest that
  /// `add(_:flag:resolved:empty:)` gives the row when it is read back, its file by `path`
  /// (`ByteGroupsTests` holds the two to each other). `created` is taken as SQLite reads a
  /// REAL back (a whole number is stored as an integer: no negative zero).
  mutating func add(
    period: String, category: String, line: String, tier: String, issue: String, path: String,
    flag: UInt8, resolved: Int, empty: Int,
    created: Double, channel: String?, agent: String?, slices: String?
  ) {
    key.removeAll(keepingCapacity: true)
    appendKey(period)
    appendKey(category)
    appendKey(line)
    appendKey(tier)
    appendKey(issue)
    appendKey(path)
    key.append(flag)
    let at = group(flag: flag) { [period, category, line, tier, issue, path] }
    var row = RowDigest(seed: groups[at].seed)
    row.add((created + 0).bitPattern)
    Self.digest(channel, into: &row)
    Self.digest(agent, into: &row)
    Self.digest(slices, into: &row)
    count(row.value, at: at, resolved: resolved, empty: empty)
  }

  /// The group of the key in `key`, added with `fields()` when it is new.
  private mutating func group(flag: UInt8, fields: () -> [String]) -> Int {
    if let found = index[Key(bytes: key)] { return found }
    let at = groups.count
    index[Key(bytes: key)] = at
    var seed = RowDigest()
    seed.add(key)
    groups.append(Group(fields: fields(), flag: flag, seed: seed.value))
    return at
  }

  /// Counts a row of the group at `at`, whose own fields digest to `digest`.
  private mutating func count(_ digest: UInt64, at: Int, resolved: Int, empty: Int) {
    groups[at].digest &+= digest
    groups[at].count += 1
    groups[at].resolved += resolved
    groups[at].empty += empty
  }

  /// Adds a text column to a row's digest as `add(_:flag:resolved:empty:)` reads it: its type
  /// and length, then its bytes.
  private static func digest(_ value: String?, into row: inout RowDigest) {
    guard var value else {
      row.add(UInt64(SQLITE_NULL) << 32)
      return
    }
    value.withUTF8 { bytes in
      row.add(UInt64(SQLITE_TEXT) << 32 | UInt64(bytes.count))
      if !bytes.isEmpty { row.add(UnsafeRawBufferPointer(bytes)) }
    }
  }

  /// Appends a text column to the key: its length (4 bytes) and bytes.
  private mutating func appendKey(_ text: String) {
    var text = text
    text.withUTF8 { bytes in
      withUnsafeBytes(of: UInt32(bytes.count).littleEndian) { key.append(contentsOf: $0) }
      key.append(contentsOf: bytes)
    }
  }

  mutating func add(_ statement: OpaquePointer, flag: UInt8, resolved: Int, empty: Int) {
    key.removeAll(keepingCapacity: true)
    let path = path(statement)
    for column in 0..<columns {
      if column == pathColumn {
        withUnsafeBytes(of: UInt32(path.count).littleEndian) { key.append(contentsOf: $0) }
        key.append(contentsOf: path)
        continue
      }
      // The text first, then its length (SQLite's order: reading the text may convert it).
      let text = sqlite3_column_text(statement, column)
      let count = Int(sqlite3_column_bytes(statement, column))
      withUnsafeBytes(of: UInt32(count).littleEndian) { key.append(contentsOf: $0) }
      if count > 0, let text {
        key.append(contentsOf: UnsafeBufferPointer(start: text, count: count))
      }
    }
    key.append(flag)
    let (columns, pathColumn) = (self.columns, self.pathColumn)
    let at = group(flag: flag) {
      (0..<columns).map { column in
        if column == pathColumn { return String(decoding: path, as: UTF8.self) }
        let text = sqlite3_column_text(statement, column)
        let count = Int(sqlite3_column_bytes(statement, column))
        return text.map {
          String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self)
        } ?? ""
      }
    }
    // The row's own fields the groups do not keep: created (9), channel, agent, slices (12).
    var row = RowDigest(seed: groups[at].seed)
    row.add(sqlite3_column_double(statement, 9).bitPattern)
    for column in Int32(10)...12 {
      let text = sqlite3_column_text(statement, column)
      let count = Int(sqlite3_column_bytes(statement, column))
      row.add(UInt64(sqlite3_column_type(statement, column)) << 32 | UInt64(count))
      if count > 0, let text { row.add(UnsafeRawBufferPointer(start: text, count: count)) }
    }
    count(row.value, at: at, resolved: resolved, empty: empty)
  }
}

/// Reads rows of `Store.ticketColumns` by position, as `Store.classifiedTicket` reads them by
/// name (same values, same `UndecodableRow` for a value no Plaint writes): a report's pass over
/// a year of tickets paid more for finding each column by its name than for the rest of the row.
/// The last period read is kept, as rows come by period.
struct TicketColumnsDecoder {
  private var lastPeriod: (text: String, period: Period)?

  mutating func decode(_ row: Row) throws -> ClassifiedTicket {
    let periodText: String = row[5]
    let period: Period
    if let last = lastPeriod, last.text == periodText {
      period = last.period
    } else {
      period = try Store.period(row, key: Store.ticketKey(row))
      lastPeriod = (periodText, period)
    }
    let category: String = row[6]
    let tier: String = row[9]
    guard let known = Category(rawValue: category), let level = Tier(rawValue: tier),
      let file = row[21] as String?
    else {
      return try Store.classifiedTicket(row)
    }
    let tags: String = row[16]
    var ticket = Ticket(
      system: row[0], id: row[1], created: Date(timeIntervalSince1970: row[2]),
      updated: (row[3] as Double?).map(Date.init(timeIntervalSince1970:)),
      resolved: (row[4] as Double?).map(Date.init(timeIntervalSince1970:)),
      text: row[18], customer: row[10], customerName: row[11], product: row[12],
      channel: row[13], agent: row[14], sourceCategory: row[15],
      tags: Store.tags(tags),
      location: SourceLocation(file: file, line: row[22]))
    ticket.slices = Ticket.decodeSlices(row[23])
    return ClassifiedTicket(
      ticket: ticket, period: period,
      cell: Cell(category: known, productLine: row[8], tier: level), issue: row[7],
      rule: row[17])
  }

  /// The row's narrative block and slot (`NarrativeRef.init(_:key:)`, by position).
  func narrative(_ row: Row) throws -> NarrativeRef? {
    guard let block = row[19] as Int64? else { return nil }
    guard let slot = row[20] as Int? else {
      throw UndecodableRow(
        table: "tickets", key: Store.ticketKey(row),
        problem: "text_block \(block) comes without a text_slot")
    }
    return NarrativeRef(block: block, slot: slot)
  }
}

/// A 64-bit digest of a row's fields, the same in every process (unlike `Hasher`), eight bytes
/// at a time; rows' digests are summed, so the sum does not depend on the order rows come in.
struct RowDigest {
  private var state: UInt64

  init(seed: UInt64 = 0x9E37_79B9_7F4A_7C15) {
    state = seed
  }

  mutating func add(_ word: UInt64) {
    state = (state ^ word) &* 0xFF51_AFD7_ED55_8CCD
    state ^= state >> 32
  }

  mutating func add(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { add($0) }
  }

  mutating func add(_ bytes: UnsafeRawBufferPointer) {
    var at = 0
    while at + 8 <= bytes.count {
      add(bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self))
      at += 8
    }
    var tail: UInt64 = 0
    while at < bytes.count {
      tail = tail << 8 | UInt64(bytes[at])
      at += 1
    }
    add(tail ^ UInt64(bytes.count) << 56)
  }

  /// The digest, mixed so that sums of digests of similar rows do not cancel.
  var value: UInt64 {
    var z = state &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Reads little-endian integers and runs of bytes from the front of `bytes`; nil past its end.
struct LittleEndianReader {
  private var bytes: ArraySlice<UInt8>

  init(_ bytes: ArraySlice<UInt8>) {
    self.bytes = bytes
  }

  var isAtEnd: Bool { bytes.isEmpty }

  mutating func read<T: FixedWidthInteger>(_: T.Type) -> T? {
    let size = MemoryLayout<T>.size
    guard size <= bytes.count else { return nil }
    // Read in place: a kept store's groups are tens of thousands of integers.
    defer { bytes = bytes.dropFirst(size) }
    return bytes.prefix(size).reversed().reduce(T.zero) { $0 << 8 | T($1) }
  }

  mutating func bytes(_ count: Int) -> [UInt8]? {
    guard count >= 0, count <= bytes.count else { return nil }
    defer { bytes = bytes.dropFirst(count) }
    return Array(bytes.prefix(count))
  }
}
