import Foundation
internal import GRDB
import PlaintCore

/// A count of tickets in one grid cell in one period.
public struct CellCount: Sendable, Hashable {
  public var period: Period
  public var cell: Cell
  public var count: Int

  public init(period: Period, cell: Cell, count: Int) {
    self.period = period
    self.cell = cell
    self.count = count
  }
}

/// What the tickets kept from one file hold.
public struct FileContents: Sendable, Hashable {
  public var productLines: Set<String> = []
  public var tickets = 0
  /// Tickets with a resolution time.
  public var resolved = 0

  public init() {}
}

extension Store {
  /// Ticket counts per period and cell, `unassigned` included, without the excluded tickets,
  /// in the order of their period, category, product line and tier (by bytes, as SQLite orders
  /// text).
  ///
  /// From the grouped counts (`baseCounts`), not a GROUP BY: the table is indexed by period
  /// alone, so SQLite would sort every row (about 2.5 s for a million tickets).
  public func cellCounts(granularity: Granularity, excluding exclusion: TicketExclusion = .none)
    throws(StoreError) -> [CellCount]
  {
    func key(_ count: CellCount) -> [[UInt8]] {
      [
        Array(count.period.description.utf8), Array(count.cell.category.rawValue.utf8),
        Array(count.cell.productLine.utf8), Array(count.cell.tier.rawValue.utf8),
      ]
    }
    return try baseCounts(granularity: granularity, excluding: exclusion).cells
      .map { (key: key($0), count: $0) }
      .sorted { $0.key.lexicographicallyPrecedes($1.key) { $0.lexicographicallyPrecedes($1) } }
      .map(\.count)
  }

  /// The tickets created in the given periods, oldest first, without the excluded tickets.
  ///
  /// With `textOnlyIn`, tickets of other periods come without their text (""), so a report's
  /// window of several periods does not hold every narrative in memory; with `cells`, only the
  /// tickets of those cells are read.
  public func tickets(
    in periods: [Period], excluding exclusion: TicketExclusion = .none,
    textOnlyIn textPeriod: Period? = nil, cells: [Cell]? = nil
  )
    throws(StoreError) -> [ClassifiedTicket]
  {
    guard !periods.isEmpty, cells?.isEmpty != true else { return [] }
    return try read("reading tickets") { db in
      let marks = Array(repeating: "?", count: periods.count).joined(separator: ",")
      let condition = exclusion.matchCondition
      let columns =
        textPeriod == nil
        ? Self.everyTicketColumn
        : Self.ticketColumns(
          text: "CASE WHEN period = ?1 THEN text ELSE '' END",
          block: "CASE WHEN period = ?1 THEN text_block END")
      let inCells =
        cells.map { cells in
          "AND ("
            + cells.map { _ in "(category = ? AND product_line = ? AND tier = ?)" }
            .joined(separator: " OR ") + ")"
        } ?? ""
      let cellArguments: [String] =
        cells?.flatMap { [$0.category.rawValue, $0.productLine, $0.tier.rawValue] } ?? []
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT \(columns) FROM tickets WHERE period IN (\(marks)) \(inCells)
          \(condition.map { "AND NOT \($0.sql)" } ?? "") ORDER BY created, system, id
          """,
        arguments: StatementArguments(
          (textPeriod.map { [$0.description] } ?? []) + periods.map(\.description) + cellArguments
            + (condition?.arguments ?? [])))
      return try Self.classifiedTickets(db, rows)
    }
  }

  /// One stored ticket by id, in any system when `system` is nil (by system, as bytes).
  ///
  /// In any system, the id is looked up in each system the tickets have, found one after the
  /// other in the `(system, id)` index: a lookup by id alone scanned the whole index (2 s for
  /// `plaint explain` on the bench's store of 1.1 million tickets).
  public func ticket(id: String, system: String? = nil) throws(StoreError) -> [ClassifiedTicket] {
    try read("looking up ticket \(id)") { db in
      var systems: [String] = []
      if let system {
        systems = [system]
      } else {
        var last = try String.fetchOne(db, sql: "SELECT MIN(system) FROM tickets")
        while let found = last {
          systems.append(found)
          last = try String.fetchOne(
            db, sql: "SELECT MIN(system) FROM tickets WHERE system > ?", arguments: [found])
        }
      }
      var tickets: [ClassifiedTicket] = []
      for system in systems {
        let rows = try Row.fetchCursor(
          db, sql: "SELECT \(Self.everyTicketColumn) FROM tickets WHERE system = ? AND id = ?",
          arguments: [system, id])
        tickets += try Self.classifiedTickets(db, rows)
      }
      return tickets
    }
  }

  /// What the tickets kept from each file hold (keyed by the file's path as the tickets record
  /// it): their product lines, how many there are and how many carry a resolution time.
  public func fileContents() throws(StoreError) -> [String: FileContents] {
    try read("summarising the tickets of each file") { db in
      var contents: [String: FileContents] = [:]
      let paths = try Self.filePaths(db)
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT source, product_line, COUNT(*) AS n, COUNT(resolved) AS r FROM tickets
          GROUP BY source, product_line
          """)
      for row in rows {
        let file = try Self.path(of: row["source"], in: paths)
        contents[file, default: FileContents()].productLines.insert(row["product_line"])
        contents[file, default: FileContents()].tickets += row["n"] as Int
        contents[file, default: FileContents()].resolved += row["r"] as Int
      }
      return contents
    }
  }

  /// Profiles of each file (by its path as the tickets record it) from the tickets kept from it:
  /// the fallback for files ingested before profiles were kept, or whose product lines a
  /// taxonomy change moved. Days are cut at `timeZone`'s current offset.
  public func profilesFromTickets(timeZone: TimeZone) throws(StoreError) -> [String: SourceProfile]
  {
    try read("profiling the tickets of each file") { db in
      var profiles: [String: SourceProfile] = [:]
      let paths = try Self.filePaths(db)
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT source, product_line, CAST((created + ?) / 86400 AS INTEGER) AS day,
            COUNT(*) AS n,
            SUM(created + ? = CAST((created + ?) / 86400 AS INTEGER) * 86400) AS midnights
          FROM tickets GROUP BY source, product_line, day
          """,
        arguments: StatementArguments(Array(repeating: Double(timeZone.secondsFromGMT()), count: 3))
      )
      for row in rows {
        let file = try Self.path(of: row["source"], in: paths)
        let count: Int = row["n"]
        let day: Int = row["day"]
        profiles[file, default: SourceProfile()].days[day, default: 0] += count
        profiles[file, default: SourceProfile()].lines[row["product_line"], default: 0] += count
        profiles[file, default: SourceProfile()].midnights += row["midnights"] as Int
      }
      return profiles
    }
  }

  /// Forgets every file's profile (after a taxonomy change moved tickets between product lines,
  /// the profiles' lines no longer hold); reports then profile the kept tickets.
  public func forgetProfiles() throws(StoreError) {
    try write("forgetting file profiles") { db in
      try db.execute(sql: "UPDATE sources SET profile = NULL")
    }
  }

  /// How many tickets of each of `periods` have no text (empty or blank), and how many there are.
  public func emptyTextCounts(in periods: [Period]) throws(StoreError)
    -> [Period: (empty: Int, total: Int)]
  {
    guard !periods.isEmpty else { return [:] }
    return try read("counting tickets without text") { db in
      let marks = Array(repeating: "?", count: periods.count).joined(separator: ", ")
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT period, SUM(text_block IS NULL AND trim(text) = '') AS empty, COUNT(*) AS n
          FROM tickets
          WHERE period IN (\(marks)) GROUP BY period
          """,
        arguments: StatementArguments(periods.map(\.description)))
      var counts: [Period: (empty: Int, total: Int)] = [:]
      for row in rows {
        let period = try Self.period(row, key: Self.periodKey(row))
        counts[period] = (row["empty"], row["n"])
      }
      return counts
    }
  }

  /// How many tickets the store holds.
  public func ticketCount() throws(StoreError) -> Int {
    try read("counting tickets") { db in
      try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tickets") ?? 0
    }
  }

  /// Re-runs `classify` over every stored ticket and stores what changed, in one transaction.
  /// Returns how many tickets moved to another cell or issue.
  public func reclassify(
    _ classify: (Ticket) -> (period: Period, cell: Cell, issue: String, rule: String)
  ) throws(StoreError) -> Int {
    loadCounts.stop()
    return try write("reclassifying stored tickets") { db in
      let update = try db.cachedStatement(
        sql: """
          UPDATE tickets SET period = ?, category = ?, issue = ?, product_line = ?, tier = ?,
            rule = ? WHERE system = ? AND id = ?
          """)
      // In the order the rows were written, so that each narrative block is read once.
      let rows = try Row.fetchCursor(
        db, sql: "SELECT \(Self.everyTicketColumn) FROM tickets ORDER BY rowid")
      var narratives = NarrativeReader()
      var moved = 0
      var updates: [StatementArguments] = []
      while let row = try rows.next() {
        var stored = try Self.classifiedTicket(row)
        if let ref = try NarrativeRef(row, key: Self.ticketKey(row)) {
          stored.ticket.text = try narratives.text(db, ref, key: Self.ticketKey(row))
        }
        let fresh = classify(stored.ticket)
        guard
          fresh.period != stored.period || fresh.cell != stored.cell
            || fresh.issue != stored.issue || fresh.rule != stored.rule
        else { continue }
        if fresh.cell != stored.cell || fresh.issue != stored.issue
          || fresh.period != stored.period
        {
          moved += 1
        }
        updates.append([
          fresh.period.description, fresh.cell.category.rawValue, fresh.issue,
          fresh.cell.productLine, fresh.cell.tier.rawValue, fresh.rule, stored.ticket.system,
          stored.ticket.id,
        ])
      }
      for arguments in updates { try update.execute(arguments: arguments) }
      return moved
    }
  }

  static func cell(_ row: Row) -> Cell? {
    guard let category = Category(rawValue: row["category"]),
      let tier = Tier(rawValue: row["tier"])
    else { return nil }
    return Cell(category: category, productLine: row["product_line"], tier: tier)
  }

  /// The row's period (in `column`); a text no Plaint writes throws `UndecodableRow`, naming
  /// `key`.
  static func period(
    _ row: Row, column: String = "period", table: String = "tickets",
    key: @autoclosure () -> String
  ) throws -> Period {
    let text: String = row[column]
    guard let period = Period(text) else {
      throw UndecodableRow(
        table: table, key: key(), problem: "\(column) \"\(text)\" is not a month or an ISO week")
    }
    return period
  }

  /// The row's cell; a category or tier no Plaint writes throws `UndecodableRow`, naming `key`.
  static func cell(_ row: Row, table: String = "tickets", key: @autoclosure () -> String) throws
    -> Cell
  {
    if let cell = cell(row) { return cell }
    let category: String = row["category"]
    let tier: String = row["tier"]
    let problem =
      Category(rawValue: category) == nil
      ? "category \"\(category)\" is not one of "
        + Category.allCases.map(\.rawValue).joined(separator: ", ")
      : "tier \"\(tier)\" is not one of " + Tier.allCases.map(\.rawValue).joined(separator: ", ")
    throw UndecodableRow(table: table, key: key(), problem: problem)
  }

  /// Every column `classifiedTicket` reads, with `text` in place of the stored text and `block`
  /// in place of its narrative block (`''` and `NULL` read none, a `CASE` reads them for some
  /// rows only). `TicketColumnsDecoder` reads them by position: keep the order.
  static func ticketColumns(text: String, block: String = "NULL") -> String {
    """
    system, id, created, updated, resolved, period, category, issue, product_line, tier,
      customer, customer_name, product, channel, agent, source_category, tags, rule,
      \(text) AS text, \(block) AS text_block, text_slot, \(sourceFile) AS source_file,
      source_line, slices, source
    """
  }

  /// Every column of a `tickets` row a ticket is read from, by name or position, with its
  /// file's path as `source_file`. Named, not `*`: a statement prepared on a connection that has
  /// not yet seen a migration's new columns is prepared again by SQLite when it runs, and `*`
  /// then gives other columns than the names read at the first preparation.
  static let everyTicketColumn = ticketColumns(text: "text", block: "text_block")

  /// The path of a `tickets` row's file (its `source`, a row of `files`); NULL for an id that
  /// names no file, which only a store changed by hand holds.
  static let sourceFile = "(SELECT path FROM files WHERE files.id = tickets.source)"

  /// Every file's path by its id (`files`, a row per file and path tickets were kept from).
  static func filePaths(_ db: Database) throws -> [Int64: String] {
    var paths: [Int64: String] = [:]
    for row in try Row.fetchAll(db, sql: "SELECT id, path FROM files") {
      paths[row["id"]] = row["path"]
    }
    return paths
  }

  /// The path of the file `source` names; an id no file has throws `UndecodableRow`.
  static func path(of source: Int64?, in paths: [Int64: String]) throws -> String {
    guard let source, let path = paths[source] else {
      throw UndecodableRow(
        table: "tickets", key: "the tickets of file id \(source.map(String.init) ?? "NULL")",
        problem: "the file id names no row of `files`")
    }
    return path
  }

  /// The `source_file` of a row that selected it; NULL (a file id that names no file) throws
  /// `UndecodableRow`.
  static func sourceFile(_ row: Row) throws -> String {
    guard let path = row["source_file"] as String? else {
      let source = (row["source"] as Int64?).map(String.init) ?? "NULL"
      throw UndecodableRow(
        table: "tickets",
        key: (row["id"] as String?).map { "ticket \"\($0)\"" }
          ?? "the tickets of file id \(source)",
        problem: "file id \(source) names no row of `files`")
    }
    return path
  }

  /// A `tickets` row's `tags` column as the tags it holds (stored joined by commas).
  static func tags(_ column: String) -> [String] {
    column.isEmpty ? [] : column.split(separator: ",").map(String.init)
  }

  /// A group of `tickets` rows by period, as a message names it.
  static func periodKey(_ row: Row) -> String {
    "the tickets of period \"\(row["period"] as String)\""
  }

  /// A `tickets` row's ticket, as a message names it.
  static func ticketKey(_ row: Row) -> String {
    "ticket \"\(row["id"] as String)\" of \(row["system"] as String)"
  }

  /// The ticket a `tickets` row holds; a row Plaint cannot read back throws `UndecodableRow`.
  static func classifiedTicket(_ row: Row) throws -> ClassifiedTicket {
    // The keys are autoclosures: built only for a message.
    let period = try period(row, key: ticketKey(row))
    let cell = try cell(row, key: ticketKey(row))
    let tags: String = row["tags"]
    var ticket = Ticket(
      system: row["system"], id: row["id"],
      created: Date(timeIntervalSince1970: row["created"]),
      updated: (row["updated"] as Double?).map(Date.init(timeIntervalSince1970:)),
      resolved: (row["resolved"] as Double?).map(Date.init(timeIntervalSince1970:)),
      text: row["text"], customer: row["customer"], customerName: row["customer_name"],
      product: row["product"], channel: row["channel"], agent: row["agent"],
      sourceCategory: row["source_category"],
      tags: Store.tags(tags),
      location: SourceLocation(file: try sourceFile(row), line: row["source_line"]))
    ticket.slices = Ticket.decodeSlices(row["slices"])
    return ClassifiedTicket(
      ticket: ticket, period: period, cell: cell, issue: row["issue"], rule: row["rule"])
  }
}

/// A stored row Plaint cannot read back — a value no version of Plaint writes — which makes
/// the store damaged (exit 65) rather than a row to skip.
struct UndecodableRow: Error, CustomStringConvertible {
  var table: String
  /// Which row: the ticket, the source or the group of rows.
  var key: String
  var problem: String

  var description: String { "table `\(table)`, \(key): \(problem)" }
}
