import Foundation
import Logging
import PlaintCore
import PlaintStore
import Testing

@testable import PlaintEngine

/// A month added to a store of years: the one file the store has not recorded is read while it is
/// still being hashed. What the run keeps must be what it keeps when every file is hashed first
/// (`--rehash`): the same accounting, the same copy of each ticket (a tie between two files'
/// copies is broken by their checksums), and a file the store held under another name is not
/// read twice.
@Suite struct LoneNewFileTests {
  /// history.csv: a ticket a day, June to October 2025 (ids 1001 on). month.csv: a ticket a day
  /// of November, and `copies` of history's tickets exported again with the same times, so that
  /// only the files' checksums rank the two copies; `seed` changes the month's texts, and so
  /// which checksum is the larger. With `copyOfHistory`, month.csv is history.csv's bytes.
  static func project(seed: Int, copies: Int, copyOfHistory: Bool = false) throws -> Scratch {
    let scratch = try Scratch()
    try scratch.kettleProject("history.yml", store: "plaint.db", exports: ["history.csv"])
    try scratch.kettleProject(store: "plaint.db", exports: ["history.csv", "month.csv"])
    let (header, row) = (DailyExport.header, DailyExport.row)
    var history = [header]
    var days: [(id: Int, month: Int, day: Int)] = []
    var id = 1000
    for (month, last) in [(6, 30), (7, 31), (8, 31), (9, 30), (10, 31)] {
      for day in 1...last {
        id += 1
        days.append((id, month, day))
        history.append(row(id, month, day, "The kettle stopped working"))
      }
    }
    var month = [header]
    for day in 1...30 {
      month.append(row(5000 + day, 11, day, "The kettle stopped working again \(seed)"))
    }
    for copy in days.prefix(copies) {
      month.append(row(copy.id, copy.month, copy.day, "Exported again \(seed)"))
    }
    let historyText = history.joined(separator: "\n") + "\n"
    _ = try scratch.file("history.csv", historyText)
    _ = try scratch.file(
      "month.csv", copyOfHistory ? historyText : month.joined(separator: "\n") + "\n")
    return scratch
  }

  /// What a user sees of a run: its line, each file's accounting, and which file each of the
  /// first tickets comes from (as `plaint explain` names it).
  struct Kept: Equatable {
    var summary: String
    var files: [String]
    var sources: [String]
  }

  /// Runs history.yml, then plaint.yml (the month added) with `rehash` or not; with
  /// `expectLone`, checks first that the month is the one file read while hashed.
  static func monthAdded(
    _ scratch: Scratch, rehash: Bool, expectLone: Int?, period: String = "2025-11"
  ) throws -> Kept {
    let folder = scratch.folder
    let store = folder.appendingPathComponent("plaint.db").path
    let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
    // The run's clock an hour on, so that the files just written count as settled: recorded.
    let later = Date().addingTimeInterval(3600)
    let options = RunOptions(
      period: period, store: store, reportsDir: folder.appendingPathComponent("reports").path,
      now: later)
    _ = try Pipeline(
      configurationPath: folder.appendingPathComponent("history.yml").path, logger: logger
    ).run(RunOptions(period: "2025-10", store: store, now: later))
    let pipeline = try Pipeline(
      configurationPath: folder.appendingPathComponent("plaint.yml").path, logger: logger)
    if !rehash {
      let session = try StoreSession(
        configuration: pipeline.configuration, path: store, now: later, checkingColumns: false,
        hashingInputs: true)
      let ingestion = Ingestion(
        configuration: pipeline.configuration, placement: session.context.placement,
        logger: logger)
      let lone = try ingestion.loneNewFile(
        session.context.files, hashed: try #require(session.digests), store: session.store)
      #expect(lone == expectLone)
    }
    var added = options
    added.rehash = rehash
    let outcome = try pipeline.run(added)
    let opened = try Store(path: store)
    return Kept(
      summary: "\(outcome.complaints) complaints, \(outcome.anomalies) anomalies",
      files: outcome.inputs.map {
        "\($0.path) \($0.sha256) read \($0.rowsRead) accepted \($0.accepted) duplicates \($0.duplicates)"
      },
      sources: try (1001...1040).map { id in
        try opened.ticket(id: "\(id)").map { "\($0.ticket.id) \($0.ticket.location.file)" }
          .joined()
      })
  }

  @Test(
    "A month read while hashed keeps what a run hashing first keeps, copies tied on time too",
    arguments: 0..<6)
  func sameAsHashedFirst(seed: Int) throws {
    let (read, hashed) = (
      try Self.project(seed: seed, copies: 20), try Self.project(seed: seed, copies: 20)
    )
    defer {
      read.remove()
      hashed.remove()
    }
    let whileHashing = try Self.monthAdded(read, rehash: false, expectLone: 1)
    let first = try Self.monthAdded(hashed, rehash: true, expectLone: nil)
    #expect(whileHashing == first)
    // Not vacuous: the month's 20 copies are duplicates, and 30 tickets are new.
    #expect(
      first.files.last?.hasSuffix("read 50 accepted 50 duplicates 0") == true
        || first.files.last?.hasSuffix("read 50 accepted 30 duplicates 20") == true,
      "\(first.files)")
  }

  @Test("Across seeds, the month's copies win some ties and lose others, alike either way")
  func tiesGoBothWays() throws {
    var winners: Set<String> = []
    for seed in 0..<6 {
      let scratch = try Self.project(seed: seed, copies: 20)
      defer { scratch.remove() }
      let kept = try Self.monthAdded(scratch, rehash: false, expectLone: 1)
      winners.insert(kept.sources[0].hasSuffix("month.csv") ? "month" : "history")
    }
    #expect(winners == ["month", "history"])
  }

  @Test("A copy of a held file under a new name is not read twice")
  func heldUnderAnotherName() throws {
    let (read, hashed) = (
      try Self.project(seed: 0, copies: 0, copyOfHistory: true),
      try Self.project(seed: 0, copies: 0, copyOfHistory: true)
    )
    defer {
      read.remove()
      hashed.remove()
    }
    let whileHashing = try Self.monthAdded(
      read, rehash: false, expectLone: 1, period: "2025-10")
    let first = try Self.monthAdded(hashed, rehash: true, expectLone: nil, period: "2025-10")
    #expect(whileHashing == first)
    // History's 153 tickets once: the copy's rows are all duplicates.
    #expect(whileHashing.files.count == 2)
    #expect(whileHashing.files[1].hasSuffix("accepted 0 duplicates 153"), "\(whileHashing.files)")
    #expect(whileHashing.sources.allSatisfy { $0.hasSuffix("history.csv") })
  }

  /// A month whose file changes while it is read and hashed (the hostile tester appended a row
  /// after the read, before a slowed hash: the store recorded the checksum of bytes it never
  /// read, and the row was lost to every later run) is not kept: the load is undone, and the
  /// run reads the file as when every file is hashed first.
  @Test("A month that changed while it was read is not kept from that read")
  func changedWhileRead() throws {
    let scratch = try Self.project(seed: 0, copies: 5)
    defer { scratch.remove() }
    let folder = scratch.folder
    let store = folder.appendingPathComponent("plaint.db").path
    let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
    let later = Date().addingTimeInterval(3600)
    _ = try Pipeline(
      configurationPath: folder.appendingPathComponent("history.yml").path, logger: logger
    ).run(RunOptions(period: "2025-10", store: store, now: later))
    let pipeline = try Pipeline(
      configurationPath: folder.appendingPathComponent("plaint.yml").path, logger: logger)
    let session = try StoreSession(
      configuration: pipeline.configuration, path: store, now: later, checkingColumns: false,
      hashingInputs: true)
    let digests = try #require(session.digests)
    let ingestion = Ingestion(
      configuration: pipeline.configuration, placement: session.context.placement,
      logger: logger)
    let month = session.context.files[1]
    let before = (try session.store.ticketCount(), try session.store.sources())
    let undone = try ingestion.load(
      month, sha256: "", digest: digests.pending(at: 1), store: session.store, now: later,
      unchanged: { false })
    #expect(undone == nil)
    #expect(try session.store.ticketCount() == before.0)
    #expect(try session.store.sources() == before.1)
    // The same file, unchanged while read and hashed: kept, 30 new tickets and 5 copies.
    let path = month.settings.path
    let start = try #require(FileStat(path: path))
    #expect(digests.steadyStat(at: 1) == start)
    let kept = try ingestion.load(
      month, sha256: "", digest: digests.pending(at: 1), store: session.store, now: later,
      unchanged: { FileStat(path: path) == start && digests.steadyStat(at: 1) == start })
    #expect(kept?.accounting.rowsRead == 35)
    #expect(kept?.accounting.sha256 == (try FileDigest.sha256(path: path)))
    #expect(try session.store.ticketCount() == before.0 + 30)
  }
}
