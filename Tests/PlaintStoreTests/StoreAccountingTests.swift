import Foundation
import PlaintCore
import PlaintStore
import PlaintTestSupport
import Testing

/// Each file's accepted count in the sources table is the number of tickets the store keeps from
/// it, however copies of one ticket are spread over files and in whatever order the files come,
/// so a disagreement can only be a row changed by hand: `checkAccounting` never names a store
/// Plaint wrote, and names the file and both counts of one that lost a row.
@Suite struct StoreAccountingTests {
  static let shas = (0..<3).map { String(repeating: "\($0 + 1)", count: 64) }

  static func identity(_ file: Int) -> SourceAccounting {
    SourceAccounting(path: "export-\(file).csv", sha256: shas[file], system: "zendesk")
  }

  /// Random copies of 30 ticket ids over three files, with random updates, so later files
  /// displace earlier files' copies, lose to them, or repeat an id within one file.
  static func files(_ random: inout SplitMix64) -> [[ClassifiedTicket]] {
    (0..<3).map { file in
      (0..<(10 + random.next(below: 30))).map { line in
        let ticket = Ticket(
          system: "zendesk", id: "\(random.next(below: 30))",
          created: Date(timeIntervalSince1970: 1_760_000_000),
          updated: Date(timeIntervalSince1970: 1_760_000_000 + Double(random.next(below: 5))),
          text: "copy \(file)-\(line)",
          location: SourceLocation(file: "export-\(file).csv", line: line + 2))
        return ClassifiedTicket(
          ticket: ticket, period: .month(2025, 10),
          cell: Cell(category: .product, productLine: "Kettles", tier: .consumer),
          issue: "defect", rule: "defect")
      }
    }
  }

  static func ingest(_ store: Store, _ files: [[ClassifiedTicket]], order: [Int]) throws {
    for file in order {
      _ = try store.ingest(identity(file), now: Date(timeIntervalSince1970: 1_800_000_000)) {
        sink in
        for item in files[file] { try sink.add(item) }
        return identity(file)
      }
    }
  }

  @Test(arguments: 0..<60 as Range<UInt64>)
  func aStorePlaintWroteAgreesWithItsAccounting(seed: UInt64) throws {
    var random = SplitMix64(seed: seed)
    let files = Self.files(&random)
    var order = [0, 1, 2]
    order.shuffle(using: &random)
    let store = try Store(path: ":memory:")
    try Self.ingest(store, files, order: order)
    try store.checkAccounting()
    try store.checkAccountingTotals()
    // A file read again (its settings changed) is forgotten and read anew.
    let again = order[random.next(below: 3)]
    _ = try store.forgetSources([Self.shas[again]])
    try store.checkAccounting()
    try Self.ingest(store, files, order: [again])
    try store.checkAccounting()
    let sources = try store.sources()
    #expect(sources.reduce(0) { $0 + $1.accepted } == Set(files.joined().map(\.ticket.id)).count)
  }

  @Test(
    .enabled(
      if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3"), "no sqlite3"),
    arguments: 0..<5 as Range<UInt64>)
  func aDeletedRowIsNamedWithItsFileAndBothCounts(seed: UInt64) throws {
    var random = SplitMix64(seed: seed)
    let files = Self.files(&random)
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("plaint-accounting-\(UUID().uuidString).db").path
    defer {
      for suffix in ["", "-wal", "-shm", "-seal"] {
        try? FileManager.default.removeItem(atPath: path + suffix)
      }
    }
    let (victim, holder, accepted): (String, String, Int)
    do {
      let store = try Store(path: path)
      try Self.ingest(store, files, order: [0, 1, 2])
      let kept = try store.ticket(id: "\(files[1][0].ticket.id)")
      let file = try #require(kept.first?.ticket.location.file)
      let source = try #require(try store.sources().first { $0.path == file })
      (victim, holder, accepted) = (files[1][0].ticket.id, file, source.accepted)
    }
    let sqlite = Process()
    sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    sqlite.arguments = [path, "DELETE FROM tickets WHERE id = '\(victim)'"]
    try sqlite.run()
    sqlite.waitUntilExit()
    #expect(sqlite.terminationStatus == 0)

    let store = try Store(path: path)
    for check in [store.checkAccounting, store.checkAccountingTotals] {
      let error = #expect(throws: StoreError.self) { try check() }
      let message = error?.description ?? ""
      #expect(error?.kind == .damaged)
      #expect(message.contains("source \(holder)"), "\(message)")
      #expect(
        message.contains(
          "counts \(accepted) accepted rows, the store holds \(accepted - 1) tickets from it"),
        "\(message)")
    }
  }
}
