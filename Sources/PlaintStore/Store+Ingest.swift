import Foundation
internal import GRDB
internal import GRDBSQLite
import PlaintCore

/// How one input file's rows ended, as recorded in the store.
@dynamicMemberLookup
public struct SourceAccounting: Sendable, Hashable {
  public var path: String
  public var sha256: String
  public var system: String
  public var rows = RowAccounting()
  /// The creation time of the file's earliest and latest dated row, accepted or duplicate: the
  /// span the export covers (nil when no row had a date).
  public var firstCreated: Date?
  public var lastCreated: Date?
  /// Rows per day and per product line (nil for files ingested before profiles were kept).
  public var profile: SourceProfile?

  public init(path: String, sha256: String, system: String) {
    self.path = path
    self.sha256 = sha256
    self.system = system
  }

  /// The counts and reasons, read and written as if they were the source's own.
  public subscript<Value>(dynamicMember count: WritableKeyPath<RowAccounting, Value>) -> Value {
    get { rows[keyPath: count] }
    set { rows[keyPath: count] = newValue }
  }
}

/// Thrown by a load read while its file was still being hashed, into a store that held other
/// files, when the checksum shows the store already held this one (a copy under another name, or
/// a file touched since it was read): nothing of the load is kept (`Store.ingest(digest:)`).
public struct HeldSource: Error, Sendable {
  public let sha256: String
}

/// The checksum of a file read while it is still being hashed (`Store.ingest(digest:)`).
public struct PendingDigest: Sendable {
  /// Whether `wait` would return at once.
  let isReady: @Sendable () -> Bool
  /// The checksum, once the file is hashed.
  let wait: @Sendable () throws -> String

  public init(
    isReady: @escaping @Sendable () -> Bool, wait: @escaping @Sendable () throws -> String
  ) {
    self.isReady = isReady
    self.wait = wait
  }
}

/// Writes one file's tickets and rejects inside the store transaction that ingests the file.
///
/// Of the copies of one ticket (system + id), the store keeps the one `CopyRank` ranks highest
/// (the latest update wins), comparing in SQL as it writes. The kept copy's file counts it as
/// accepted, every other copy's file as a duplicate: when a copy displaces one from an earlier
/// file, that file's accounting moves with it.
public struct TicketSink: ~Copyable {
  private let db: Database
  /// The file's checksum; empty until `digest` gives it, when the file is read while hashed.
  private var sha256: String
  /// The checksum of a file read while it is still being hashed, until it is known. Meanwhile
  /// its tickets name a `files` row not yet written, and its rejects and narrative blocks are
  /// written with an empty checksum; once it is known (`settle`), the row is written and they
  /// are given it. So the writer does not wait for the hash of a large file at its first row.
  /// (Written with a placeholder and updated, the `files` row would fire the trigger that marks
  /// the kept ticket groups stale, and the report would scan every ticket: `LoadCounts`.)
  private var digest: PendingDigest?
  /// The store held other files when the load began: the checksum may name one of them
  /// (`settle` then throws `HeldSource`), and a ticket may have a copy from another file, which
  /// `CopyRank` compares by checksum (the checksum is waited for at the first copy met).
  private let amongOthers: Bool
  /// The first narrative block and reject row written without the checksum.
  private var unsettledBlock: Int64?
  private var unsettledReject: Int64?
  public private(set) var accepted = 0
  public private(set) var duplicates = 0
  /// Duplicates that won and replaced the stored row.
  public private(set) var replaced = 0
  /// The new rows grouped for `Store.baseCounts` (`LoadCounts`), when counting.
  private(set) var counted: ByteGroups?
  /// The earliest and latest creation time of every ticket added, accepted or duplicate.
  public private(set) var firstCreated: Date?
  public private(set) var lastCreated: Date?
  /// Every ticket added, by day and product line.
  public private(set) var profile = SourceProfile()
  private var offsets: ZoneOffsets
  /// The last period seen and its text: tickets come mostly in order.
  private var periodText: (period: Period, text: String)?
  /// The row's texts, bound to the insert without a copy.
  private var texts = RowTexts()
  /// Stored copies of earlier files this file's copies displaced, by that file's checksum.
  public private(set) var displaced: [String: Int] = [:]
  /// The `files` row of the last path a ticket came from (every ticket of a file read from
  /// disk; a store restored from partials names each ticket's path).
  private var source: (path: String, id: Int64)?

  /// The insert, prepared once per file and bound with SQLite's own calls: GRDB's
  /// `StatementArguments` (an array of existentials per ticket) cost as much as SQLite's insert.
  private let insert: Statement
  /// The narratives of the tickets kept since the last block was written, and that block's
  /// number (read from the store when the first narrative comes).
  private var narratives = NarrativeBlock(reservingCapacity: TicketSink.blockBytes + 16 * 1024)
  private var block: Int64?
  /// Compresses full blocks on another thread, so that the thread writing the store (the
  /// run's critical path) does not (README.md, Performance).
  private let compressor = BackgroundCompressor()
  /// The size of a block's texts before compression. zstd finds more to share in a bigger
  /// block; `plaint explain` decompresses a whole block to show one ticket.
  static let blockBytes = 128 * 1024

  init(
    db: Database, sha256: String, digest: PendingDigest? = nil, amongOthers: Bool = false,
    timeZone: TimeZone = .gmt, counting: Bool = false
  ) throws {
    self.db = db
    self.amongOthers = amongOthers
    counted = counting ? ByteGroups(columns: 6, paths: [:]) : nil
    self.sha256 = sha256
    self.digest = digest
    offsets = ZoneOffsets(timeZone: timeZone)
    insert = try db.makeStatement(
      sql: """
        INSERT INTO tickets (system, id, created, updated, resolved, period, category, issue,
          product_line, tier, customer, customer_name, product, channel, agent, source_category,
          tags, rule, text, source, source_line, slices, text_block, text_slot)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (system, id) DO NOTHING
        """)
  }

  public mutating func add(_ item: ClassifiedTicket) throws {
    if let digest, digest.isReady() { try settle() }
    let statement = insert.sqliteStatement
    if firstCreated.map({ item.ticket.created < $0 }) ?? true { firstCreated = item.ticket.created }
    if lastCreated.map({ item.ticket.created > $0 }) ?? true { lastCreated = item.ticket.created }
    profile.add(item.ticket.created, line: item.cell.productLine, offsets: &offsets)
    if periodText?.period != item.period {
      periodText = (item.period, item.period.description)
    }
    sqlite3_reset(statement)
    texts.removeAll()
    texts.append(1, item.ticket.system)
    texts.append(2, item.ticket.id)
    sqlite3_bind_double(statement, 3, item.ticket.created.timeIntervalSince1970)
    bind(statement, 4, item.ticket.updated?.timeIntervalSince1970)
    bind(statement, 5, item.ticket.resolved?.timeIntervalSince1970)
    texts.append(6, periodText?.text)
    texts.append(7, item.cell.category.rawValue)
    texts.append(8, item.issue)
    texts.append(9, item.cell.productLine)
    texts.append(10, item.cell.tier.rawValue)
    texts.append(11, item.ticket.customer)
    texts.append(12, item.ticket.customerName)
    texts.append(13, item.ticket.product)
    texts.append(14, item.ticket.channel)
    texts.append(15, item.ticket.agent)
    texts.append(16, item.ticket.sourceCategory)
    texts.append(17, joining: item.ticket.tags, separator: UInt8(ascii: ","))
    texts.append(18, item.rule)
    // A text of spaces only stays in the row, where `trim(text) = ''` counts it as empty.
    let ref =
      item.ticket.text.utf8.allSatisfy { $0 == 0x20 }
      ? nil : NarrativeRef(block: try nextBlock(), slot: narratives.count)
    texts.append(19, ref == nil ? item.ticket.text : "")
    let source = try sourceID(item.ticket.location.file)
    sqlite3_bind_int64(statement, 20, source)
    sqlite3_bind_int64(statement, 21, Int64(item.ticket.location.line))
    texts.append(22, item.ticket.encodedSlices)
    if let ref {
      sqlite3_bind_int64(statement, 23, ref.block)
      sqlite3_bind_int64(statement, 24, Int64(ref.slot))
    } else {
      sqlite3_bind_null(statement, 23)
      sqlite3_bind_null(statement, 24)
    }
    let code = texts.bound(to: statement) { sqlite3_step(statement) }
    sqlite3_reset(statement)
    guard code == SQLITE_DONE else {
      throw DatabaseError(
        resultCode: ResultCode(rawValue: code),
        message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: insert.sql)
    }
    if db.changesCount == 1 {
      accepted += 1
      counted?.add(
        period: periodText?.text ?? item.period.description, category: item.cell.category.rawValue,
        line: item.cell.productLine, tier: item.cell.tier.rawValue, issue: item.issue,
        path: item.ticket.location.file, flag: 1, resolved: item.ticket.resolved == nil ? 0 : 1,
        empty: ref == nil ? 1 : 0, created: item.ticket.created.timeIntervalSince1970,
        channel: item.ticket.channel, agent: item.ticket.agent, slices: item.ticket.encodedSlices)
      try keep(item.ticket.text, ref)
      return
    }
    // A copy met: ranked by its file's checksum too, so it must be known (read amid others).
    if amongOthers { try settle() }
    var arguments = Self.arguments(item, text: ref == nil ? item.ticket.text : "")
    arguments.append(source)
    arguments.append(item.ticket.location.line)
    arguments.append(item.ticket.encodedSlices)
    arguments.append(ref?.block)
    arguments.append(ref?.slot)
    arguments.append(sha256)
    let holder = try String.fetchOne(
      db,
      sql: """
        SELECT COALESCE((SELECT sha256 FROM files WHERE files.id = tickets.source), '')
        FROM tickets WHERE system = ? AND id = ?
        """,
      arguments: [item.ticket.system, item.ticket.id])
    // `CopyRank`'s keys in its order, the stored copy's against this one's (line = the file's
    // own line, offset 0; the file by its checksum, ?25); no resolution ranks below any
    // (-1e300). CopyRankPathsTests checks that this keeps the copy `CopyRank` says.
    let update = try db.cachedStatement(
      sql: """
        UPDATE tickets SET created = ?3, updated = ?4, resolved = ?5, period = ?6, category = ?7,
          issue = ?8, product_line = ?9, tier = ?10, customer = ?11, customer_name = ?12,
          product = ?13, channel = ?14, agent = ?15, source_category = ?16, tags = ?17, rule = ?18,
          text = ?19, source = ?20, source_line = ?21, slices = ?22, text_block = ?23,
          text_slot = ?24
        WHERE system = ?1 AND id = ?2
          AND (COALESCE(updated, created), COALESCE(resolved, -1e300), created,
            COALESCE((SELECT sha256 FROM files WHERE files.id = tickets.source), ''), source_line)
            < (COALESCE(?4, ?3), COALESCE(?5, -1e300), ?3, ?25, ?21)
        """)
    try update.execute(arguments: StatementArguments(arguments))
    guard db.changesCount == 1 else {
      duplicates += 1
      return
    }
    replaced += 1
    try keep(item.ticket.text, ref)
    if let holder, holder != sha256 {
      // The earlier file's copy is now the duplicate and this one the accepted copy.
      accepted += 1
      if !holder.isEmpty { displaced[holder, default: 0] += 1 }
    } else {
      duplicates += 1
    }
  }

  /// Writes the narratives still waiting for a block, and every block still being compressed;
  /// the store's `ingest` calls it after the last ticket.
  mutating func finish() throws {
    try settle()
    seal()
    try writeCompressed(waiting: true)
  }

  /// Waits for the checksum of a file read while it is still being hashed, then writes what
  /// waited for it: the checksum in the file's `files` row, the rejects, the narrative blocks.
  private mutating func settle() throws {
    guard let digest else { return }
    sha256 = try digest.wait()
    self.digest = nil
    if amongOthers,
      try Bool.fetchOne(
        db, sql: "SELECT EXISTS (SELECT 1 FROM sources WHERE sha256 = ?)", arguments: [sha256])
        == true
    {
      throw HeldSource(sha256: sha256)
    }
    if let source {
      try db.execute(
        sql: "INSERT INTO files (id, sha256, path) VALUES (?, ?, ?)",
        arguments: [source.id, sha256, source.path])
    }
    if let unsettledBlock {
      try db.execute(
        sql: "UPDATE narratives SET source_sha256 = ? WHERE block >= ?",
        arguments: [sha256, unsettledBlock])
    }
    if let unsettledReject {
      try db.execute(
        sql: "UPDATE rejects SET source_sha256 = ? WHERE rowid >= ?",
        arguments: [sha256, unsettledReject])
    }
  }

  /// The file's checksum (settled by `finish`).
  var fileSHA256: String { sha256 }

  /// Hands the block being filled to the compressor; the next narrative starts the next block.
  private mutating func seal() {
    guard !narratives.isEmpty, let block else { return }
    compressor.submit(block, narratives)
    narratives = NarrativeBlock(reservingCapacity: Self.blockBytes + 16 * 1024)
    self.block = block + 1
  }

  /// Inserts the blocks the compressor has finished (all of them, when `waiting`), in order.
  private mutating func writeCompressed(waiting: Bool) throws {
    let insert = try db.cachedStatement(
      sql: "INSERT INTO narratives (block, source_sha256, data) VALUES (?, ?, ?)")
    for (block, data) in compressor.finished(waiting: waiting) {
      if digest != nil && unsettledBlock == nil { unsettledBlock = block }
      try insert.execute(arguments: [block, sha256, Data(data)])
    }
  }

  /// The `files` row of this file's checksum (NULL while it has none: a store restored from
  /// partials) and `path`, added the first time it is needed. While the checksum is not yet
  /// known, the number of a row of its own that `settle` writes (a file read while hashed has
  /// one path).
  private mutating func sourceID(_ path: String) throws -> Int64 {
    if let source, source.path == path { return source.id }
    let checksum = sha256.isEmpty ? nil : sha256
    let id: Int64
    if digest != nil, source != nil { try settle() }
    if digest != nil {
      id = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) + 1 FROM files") ?? 1
    } else if let known = try Int64.fetchOne(
      db, sql: "SELECT id FROM files WHERE sha256 IS ? AND path = ? ORDER BY id LIMIT 1",
      arguments: [checksum, path])
    {
      id = known
    } else {
      try db.execute(
        sql: "INSERT INTO files (sha256, path) VALUES (?, ?)", arguments: [checksum, path])
      id = db.lastInsertedRowID
    }
    source = (path, id)
    return id
  }

  /// The block the next narrative goes into.
  private mutating func nextBlock() throws -> Int64 {
    if let block { return block }
    let next = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(block), 0) + 1 FROM narratives")
    block = next ?? 1
    return next ?? 1
  }

  /// Adds the narrative of a ticket the store now holds to the block `ref` names (nil: the text
  /// stayed in its row), writing the block once it is full.
  private mutating func keep(_ text: String, _ ref: NarrativeRef?) throws {
    guard ref != nil else { return }
    narratives.append(text)
    if narratives.byteCount >= Self.blockBytes {
      seal()
      try writeCompressed(waiting: false)
    }
  }

  public mutating func reject(_ reject: Reject) throws {
    if let digest, digest.isReady() { try settle() }
    let insert = try db.cachedStatement(
      sql: "INSERT INTO rejects (source_sha256, file, line, reason, raw) VALUES (?, ?, ?, ?, ?)")
    try insert.execute(arguments: [sha256, reject.file, reject.line, reject.reason, reject.raw])
    if digest != nil && unsettledReject == nil { unsettledReject = db.lastInsertedRowID }
  }

  private func bind(_ statement: SQLiteStatement, _ index: Int32, _ value: Double?) {
    if let value {
      sqlite3_bind_double(statement, index, value)
    } else {
      sqlite3_bind_null(statement, index)
    }
  }

  private static func arguments(_ item: ClassifiedTicket, text: String)
    -> [(any DatabaseValueConvertible)?]
  {
    let ticket = item.ticket
    return [
      ticket.system, ticket.id, ticket.created.timeIntervalSince1970,
      ticket.updated?.timeIntervalSince1970, ticket.resolved?.timeIntervalSince1970,
      item.period.description, item.cell.category.rawValue, item.issue, item.cell.productLine,
      item.cell.tier.rawValue, ticket.customer, ticket.customerName, ticket.product,
      ticket.channel, ticket.agent, ticket.sourceCategory, ticket.tags.joined(separator: ","),
      item.rule, text,
    ]
  }
}

/// Compresses narrative blocks one after another on a background queue, at most `limit` waiting
/// at once (the writer waits for room beyond that, so memory stays bounded), and hands them back
/// in block order. A sink dropped without `finish` (a failed file) leaves the queue to finish
/// its few blocks, whose results nobody takes.
private final class BackgroundCompressor: @unchecked Sendable {
  private let queue = DispatchQueue(label: "plaint.narratives")
  private let compressor = NarrativeCompressor()
  private let condition = NSCondition()
  private var done: [(block: Int64, data: [UInt8])] = []
  private var pending = 0
  private let limit = 4

  func submit(_ block: Int64, _ narratives: NarrativeBlock) {
    condition.lock()
    while pending >= limit { condition.wait() }
    pending += 1
    condition.unlock()
    queue.async { [self] in
      let data = narratives.compressed(with: compressor)
      condition.lock()
      done.append((block, data))
      pending -= 1
      condition.broadcast()
      condition.unlock()
    }
  }

  /// The blocks compressed so far, oldest first; with `waiting`, every block submitted.
  func finished(waiting: Bool) -> [(block: Int64, data: [UInt8])] {
    condition.lock()
    defer { condition.unlock() }
    while waiting && pending > 0 { condition.wait() }
    let taken = done
    done.removeAll()
    return taken
  }
}

/// The texts of the row being inserted, end to end in one buffer reused for every row, bound
/// without a copy (`SQLITE_STATIC`) while the statement steps: bound as copies
/// (`SQLITE_TRANSIENT`), each text of each ticket cost SQLite a malloc, a copy and a free.
private struct RowTexts {
  private var bytes: [UInt8] = []
  /// Per text: its parameter, and where it is in `bytes` (nil for NULL).
  private var spans: [(parameter: Int32, range: Range<Int>?)] = []

  init() {
    bytes.reserveCapacity(4096)
    spans.reserveCapacity(32)
  }

  mutating func removeAll() {
    bytes.removeAll(keepingCapacity: true)
    spans.removeAll(keepingCapacity: true)
  }

  /// Adds `value` (nil: NULL) as the text of `parameter`.
  mutating func append(_ parameter: Int32, _ value: String?) {
    guard var value else {
      spans.append((parameter, nil))
      return
    }
    let start = bytes.count
    value.withUTF8 { bytes.append(contentsOf: $0) }
    spans.append((parameter, start..<bytes.count))
  }

  /// Adds `parts` joined by `separator` as the text of `parameter`.
  mutating func append(_ parameter: Int32, joining parts: [String], separator: UInt8) {
    let start = bytes.count
    for (index, part) in parts.enumerated() {
      if index > 0 { bytes.append(separator) }
      var part = part
      part.withUTF8 { bytes.append(contentsOf: $0) }
    }
    spans.append((parameter, start..<bytes.count))
  }

  /// Binds every text to `statement` and returns what `step` returns; the bindings are cleared
  /// before the buffer can move, so the statement never holds a pointer into a freed buffer.
  mutating func bound(to statement: SQLiteStatement, _ step: () -> Int32) -> Int32 {
    // Never an empty buffer: an empty text needs a real pointer (a null one binds NULL).
    bytes.append(0)
    let spans = self.spans
    return bytes.withUnsafeBufferPointer { buffer in
      guard let raw = buffer.baseAddress else { preconditionFailure("an empty row buffer") }
      let base = UnsafeRawPointer(raw).assumingMemoryBound(to: CChar.self)
      for (parameter, range) in spans {
        if let range {
          sqlite3_bind_text(statement, parameter, base + range.lowerBound, Int32(range.count), nil)
        } else {
          sqlite3_bind_null(statement, parameter)
        }
      }
      let code = step()
      sqlite3_clear_bindings(statement)
      return code
    }
  }
}

extension Store {
  /// The accounting of the file with this checksum, if it was ingested before (re-ingesting it is
  /// a no-op).
  public func source(sha256: String) throws(StoreError) -> SourceAccounting? {
    try read("looking up a source") { db in
      try Row.fetchOne(db, sql: "SELECT * FROM sources WHERE sha256 = ?", arguments: [sha256])
        .map(Self.sourceAccounting)
    }
  }

  /// Whether the store holds no file at all (a new store, or one whose files were all forgotten):
  /// then no file a run reads can be one it already holds.
  public func holdsNoSource() throws(StoreError) -> Bool {
    try read("looking up sources") { db in
      try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM sources)") ?? false
    }
  }

  /// Whether a file with this checksum was ingested before.
  public func hasSource(sha256: String) throws(StoreError) -> Bool {
    try source(sha256: sha256) != nil
  }

  /// Ingests one file in one transaction: `body` feeds the sink and returns the file's accounting
  /// without the accepted and duplicate counts, which the sink supplies.
  ///
  /// `settings` describes how the file was read (mapping, date formats, encoding, filters): a
  /// file read again with other settings replaces what it gave before.
  ///
  /// With `digest`, the file is read while it is still being hashed: `identity`'s checksum is
  /// not yet known, and `digest` gives it. The sink writes what names the file by its checksum
  /// once it is known (`TicketSink.settle`), and the accounting returned carries it. Into a store
  /// that holds no file, every copy of a ticket the load meets is this file's, and copies compare
  /// alike with or without the checksum. Into a store that holds others, the checksum is waited
  /// for at the first copy met (`CopyRank` compares copies of two files by it), and once known,
  /// a file the store already held throws `HeldSource`, with nothing of the load kept.
  public func ingest(
    _ identity: SourceAccounting, settings: String? = nil, timeZone: TimeZone = .gmt, now: Date,
    digest: PendingDigest? = nil,
    _ body: (inout TicketSink) throws -> SourceAccounting
  ) throws -> SourceAccounting {
    do {
      let (bulk, counting, amongOthers) = try writer.read { db in
        let bulk =
          try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM tickets)") ?? false
        let counting = try loadCounts.begin(
          empty: bulk, generation: try Self.ticketGroupsGeneration(db)
        ) { try Self.keptGroups(db) }
        let amongOthers =
          try digest != nil
          && Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sources)") == true
        return (bulk, counting, amongOthers)
      }
      let (accounting, counted) = try withRollbackJournal {
        try ingestTransaction(
          identity, settings: settings, timeZone: timeZone, now: now, bulk: bulk,
          counting: counting, digest: digest, amongOthers: amongOthers, body)
      }
      // Committed: the file's rows are the table's.
      if counting { loadCounts.add(counted) }
      return accounting
    } catch let error as StoreError {
      throw error
    } catch let error as DatabaseError {
      throw StoreError(path: path, doing: "ingesting \(identity.path)", underlying: error)
    }
  }

  /// Runs `body` with the store's journal in rollback mode (`DELETE`), and back in WAL mode
  /// after it, when no other connection has the store open.
  ///
  /// A load writes mostly new pages, which a rollback journal does not copy: each is written
  /// once, into the store (into an empty tickets table, only new pages; a month added to a
  /// store of years changes a few pages of each index besides, which the journal keeps first).
  /// In WAL mode every page went into the log first (in frames that straddle the file system's
  /// pages, which the kernel zeroes and copies) and was copied again into the store by the
  /// checkpoint after the commit: about a fifth of the writer thread's CPU at 1 GB, and 0.2 to
  /// 0.6 s of a month added to 36 (README.md, Performance), whose report then read its pages
  /// through the log. A crash still leaves the store as it was: the journal holds the pages the
  /// load changed, and the next open rolls them back. When another connection holds the store
  /// open (another Plaint reading it), the mode cannot change and the load runs in WAL mode, as
  /// before.
  private func withRollbackJournal<T>(_ body: () throws -> T) throws -> T {
    guard let pool = writer as? DatabasePool else { return try body() }
    // Leaving WAL mode needs the only connection: the pool's idle readers are closed first.
    pool.releaseMemory()
    _ = try? pool.writeWithoutTransaction { db in
      // A rollback journal is synced fully: NORMAL could lose the last commit to a power cut.
      try db.execute(sql: "PRAGMA synchronous = FULL")
      return try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
    }
    // Back to WAL mode whatever happened; should that fail, the store stays in rollback mode
    // until its next open sets WAL mode again.
    defer {
      try? pool.writeWithoutTransaction { db in
        _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
        try db.execute(sql: "PRAGMA synchronous = NORMAL")
      }
    }
    return try body()
  }

  /// The transaction that ingests one file (`ingest`).
  /// With `counting`, also the file's new rows grouped for `baseCounts` (`LoadCounts`); nil
  /// when a row of the file replaced a stored copy.
  private func ingestTransaction(
    _ identity: SourceAccounting, settings: String?, timeZone: TimeZone, now: Date, bulk: Bool,
    counting: Bool, digest: PendingDigest?, amongOthers: Bool,
    _ body: (inout TicketSink) throws -> SourceAccounting
  ) throws -> (SourceAccounting, ByteGroups?) {
    try writer.write { db in
      // Into an empty table, the period index is built once after the load, by one sort,
      // instead of being kept up to date row by row (README.md, Performance); the
      // transaction puts it back if the file fails.
      if bulk { try db.execute(sql: "DROP INDEX IF EXISTS tickets_by_period") }
      var sink = try TicketSink(
        db: db, sha256: identity.sha256, digest: digest, amongOthers: amongOthers,
        timeZone: timeZone, counting: counting)
      var accounting = try body(&sink)
      try sink.finish()
      if digest != nil { accounting.sha256 = sink.fileSHA256 }
      if bulk { try db.execute(sql: Self.periodIndex) }
      accounting.accepted = sink.accepted
      accounting.duplicates = sink.duplicates
      accounting.firstCreated = sink.firstCreated
      accounting.lastCreated = sink.lastCreated
      accounting.profile = sink.profile
      try Self.insertSource(
        db, accounting, ingestedAt: ISO8601DateFormatter().string(from: now))
      try db.execute(
        sql: "UPDATE sources SET settings = ? WHERE sha256 = ?",
        arguments: [settings, accounting.sha256])
      for (holder, count) in sink.displaced.sorted(by: { $0.key < $1.key }) {
        try db.execute(
          sql: """
            UPDATE sources SET accepted = accepted - ?, duplicates = duplicates + ?
            WHERE sha256 = ?
            """,
          arguments: [count, count, holder])
      }
      return (accounting, sink.replaced == 0 ? sink.counted : nil)
    }
  }

  /// The settings the file with this checksum was read with; nil when it was not read, or read
  /// before the store recorded settings.
  public func sourceSettings(sha256: String) throws(StoreError) -> String? {
    try read("looking up a source's settings") { db in
      try String.fetchOne(
        db, sql: "SELECT settings FROM sources WHERE sha256 = ?", arguments: [sha256])
    }
  }

  /// Records the settings of a file read before the store recorded them.
  public func adoptSettings(_ settings: String, sha256: String) throws(StoreError) {
    try write("recording a source's settings") { db in
      try db.execute(
        sql: "UPDATE sources SET settings = ? WHERE sha256 = ? AND settings IS NULL",
        arguments: [settings, sha256])
    }
  }

  /// Forgets the files with these checksums — their tickets, rejects and accounting — in one
  /// transaction, so that they are read again (with new settings). Returns the tickets removed.
  @discardableResult
  public func forgetSources(_ checksums: [String]) throws(StoreError) -> Int {
    loadCounts.stop()
    return try write("forgetting sources to read them again") { db in
      // One pass over each table, however many files: the checksums as a JSON array.
      let list = String(decoding: try JSONEncoder().encode(checksums), as: UTF8.self)
      let chosen = "(SELECT value FROM json_each(?))"
      try db.execute(
        sql: """
          DELETE FROM tickets WHERE source IN (SELECT id FROM files WHERE sha256 IN \(chosen))
          """,
        arguments: [list])
      let removed = db.changesCount
      try db.execute(sql: "DELETE FROM files WHERE sha256 IN \(chosen)", arguments: [list])
      try db.execute(
        sql: "DELETE FROM rejects WHERE source_sha256 IN \(chosen)", arguments: [list])
      try db.execute(sql: "DELETE FROM sources WHERE sha256 IN \(chosen)", arguments: [list])
      // A ticket's narrative is always in a block its own file wrote.
      try db.execute(
        sql: "DELETE FROM narratives WHERE source_sha256 IN \(chosen)", arguments: [list])
      return removed
    }
  }

  /// Records the file with this checksum under another path (a byte-identical copy that comes
  /// first in the configuration): its source row, the tickets kept from it and its rejects, so
  /// which copy names the data does not depend on which arrived first.
  public func rehome(sha256: String, to path: String) throws(StoreError) {
    loadCounts.stop()
    try write("renaming a source to its first configured copy") { db in
      // The tickets name the file by its `files` row: one small row per path it was read under.
      try db.execute(
        sql: "UPDATE files SET path = ? WHERE sha256 = ?", arguments: [path, sha256])
      try db.execute(
        sql: "UPDATE rejects SET file = ? WHERE source_sha256 = ?", arguments: [path, sha256])
      try db.execute(
        sql: "UPDATE sources SET path = ? WHERE sha256 = ?", arguments: [path, sha256])
    }
  }

  /// The systems of the files with these checksums, as recorded.
  public func systems(ofSources checksums: [String]) throws(StoreError) -> Set<String> {
    try read("looking up sources' systems") { db in
      var systems: Set<String> = []
      for sha in checksums {
        if let system = try String.fetchOne(
          db, sql: "SELECT system FROM sources WHERE sha256 = ?", arguments: [sha])
        {
          systems.insert(system)
        }
      }
      return systems
    }
  }

  /// Every ingested source, in ingestion order.
  public func sources() throws(StoreError) -> [SourceAccounting] {
    try read("listing sources") { db in
      try Row.fetchAll(db, sql: "SELECT * FROM sources ORDER BY rowid").map(Self.sourceAccounting)
    }
  }

  /// The accounting a `sources` row holds; reasons or a profile Plaint cannot read back throw
  /// `UndecodableRow`.
  private static func sourceAccounting(_ row: Row) throws -> SourceAccounting {
    var source = SourceAccounting(path: row["path"], sha256: row["sha256"], system: row["system"])
    let key = "source \(source.path) (sha256 \(source.sha256.prefix(12)))"
    source.rowsRead = row["rows_read"]
    source.accepted = row["accepted"]
    source.rejected = row["rejected"]
    source.duplicates = row["duplicates"]
    source.filtered = row["filtered"]
    source.replacedBytes = row["replaced_bytes"]
    let reasons: String = row["reasons"]
    guard let decoded = try? JSONDecoder().decode([String: Int].self, from: Data(reasons.utf8))
    else {
      throw UndecodableRow(
        table: "sources", key: key,
        problem: "reasons \(excerpt(reasons)) are not a JSON object of counts")
    }
    source.reasons = decoded
    source.firstCreated = (row["first_created"] as Double?).map(Date.init(timeIntervalSince1970:))
    source.lastCreated = (row["last_created"] as Double?).map(Date.init(timeIntervalSince1970:))
    if let profile = row["profile"] as String? {
      // NULL: a file ingested before profiles were kept.
      guard let decoded = SourceProfile(encoded: profile) else {
        throw UndecodableRow(
          table: "sources", key: key, problem: "profile \(excerpt(profile)) is not a file profile")
      }
      source.profile = decoded
    }
    return source
  }

  /// Every stored reject, in file and line order.
  public func rejects() throws(StoreError) -> [Reject] {
    try read("listing rejects") { db in
      try Row.fetchAll(db, sql: "SELECT * FROM rejects ORDER BY file, line, reason").map {
        Reject(file: $0["file"], line: $0["line"], reason: $0["reason"], raw: $0["raw"])
      }
    }
  }
}

extension Store {
  /// The index on each ticket's period, as migration v10 creates it.
  static let periodIndex = "CREATE INDEX IF NOT EXISTS tickets_by_period ON tickets (period)"

  /// Records one ingested file; a file whose checksum is already recorded keeps its first record
  /// when `orIgnore` (a store rebuilt from partials), and fails the transaction otherwise.
  static func insertSource(
    _ db: Database, _ accounting: SourceAccounting, ingestedAt stamp: String, orIgnore: Bool = false
  ) throws {
    let reasons = try JSONEncoder.sorted.encode(accounting.reasons)
    try db.execute(
      sql: """
        INSERT \(orIgnore ? "OR IGNORE " : "")INTO sources (sha256, path, system, ingested_at,
          rows_read, accepted, rejected, duplicates, filtered, replaced_bytes, reasons,
          first_created, last_created, profile)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        accounting.sha256, accounting.path, accounting.system, stamp, accounting.rowsRead,
        accounting.accepted, accounting.rejected, accounting.duplicates, accounting.filtered,
        accounting.replacedBytes, String(decoding: reasons, as: UTF8.self),
        accounting.firstCreated?.timeIntervalSince1970,
        accounting.lastCreated?.timeIntervalSince1970, accounting.profile?.encoded,
      ])
  }
}

extension JSONEncoder {
  static var sorted: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return encoder
  }
}

/// At most 40 characters of a stored value, quoted, for a message.
func excerpt(_ value: String) -> String {
  "\"" + (value.count > 40 ? value.prefix(40) + "…" : value) + "\""
}
