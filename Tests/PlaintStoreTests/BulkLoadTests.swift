import Foundation
import PlaintCore
import PlaintStore
import PlaintTestSupport
import Testing

/// A file loaded into an empty store on disk is written with a rollback journal (README.md,
/// Performance), its row texts bound without copies: what comes back must be what went in,
/// field by field, and the store must be left in WAL mode whether the load succeeded, failed,
/// or could not change the journal because another connection held the store open.
@Suite struct BulkLoadTests {
  static func scratchStore() throws -> (folder: URL, path: String) {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("plaint-bulk-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return (folder, folder.appendingPathComponent("plaint.db").path)
  }

  /// Bytes 18 and 19 of a SQLite file: 2 and 2 in WAL mode, 1 and 1 with a rollback journal.
  static func fileFormat(_ path: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: path))[18..<20])
  }

  static func identity(_ sha: String) -> SourceAccounting {
    SourceAccounting(path: "export.csv", sha256: sha, system: "zendesk")
  }

  /// Random tickets: optional fields absent, empty or holding text of several scripts, texts
  /// long, short, empty or of spaces only, tags, slices, and dates with fractions.
  static func tickets(_ count: Int, seed: UInt64) -> [ClassifiedTicket] {
    var random = SplitMix64(seed: seed)
    let words = ["kettle", "Wasserkocher", "bouilloire", "czajnik", "su ısıtıcı", "水壶", "", " "]
    func text(_ pieces: Int) -> String {
      (0..<pieces).map { _ in words[random.next(below: words.count)] }.joined(separator: " ")
    }
    func optional() -> String? {
      switch random.next(below: 4) {
      case 0: nil
      case 1: ""
      default: text(1 + random.next(below: 3))
      }
    }
    return (0..<count).map { number in
      let created = 1_700_000_000 + Double(random.next(below: 60_000_000)) + 0.25
      let narrative =
        switch random.next(below: 5) {
        case 0: ""
        case 1: "   "
        default: text(random.next(below: 200))
        }
      var ticket = Ticket(
        system: random.next(below: 3) == 0 ? "legacy" : "zendesk", id: "T-\(number)",
        created: Date(timeIntervalSince1970: created),
        updated: random.next(below: 2) == 0 ? nil : Date(timeIntervalSince1970: created + 3_600),
        resolved: random.next(below: 3) == 0 ? nil : Date(timeIntervalSince1970: created + 7),
        text: narrative, customer: optional(), customerName: optional(), product: optional(),
        channel: optional(), agent: optional(), sourceCategory: optional(),
        tags: (0..<random.next(below: 4)).map { "tag\($0)-\(random.next(below: 9))" },
        location: SourceLocation(file: "exports/zendesk.csv", line: 2 + number))
      if random.next(below: 3) == 0 { ticket.slices = ["region": text(1) + "x"] }
      let zone = TimeZone(identifier: "Europe/Berlin") ?? .gmt
      return ClassifiedTicket(
        ticket: ticket,
        period: Period(containing: ticket.created, in: zone, granularity: .month),
        cell: Cell(
          category: Category.allCases[random.next(below: Category.allCases.count)],
          productLine: ["Kettles", "Toasters", Cell.unassigned][random.next(below: 3)],
          tier: random.next(below: 5) == 0 ? .keyAccount : .consumer),
        issue: "defect", rule: random.next(below: 2) == 0 ? "" : "product.defect \"broke*\"")
    }
  }

  /// Every stored ticket, by id.
  static func stored(_ store: Store, _ tickets: [ClassifiedTicket]) throws -> [ClassifiedTicket] {
    let periods = Set(tickets.map(\.period)).sorted()
    return try store.tickets(in: periods).sorted { $0.ticket.id < $1.ticket.id }
  }

  @Test("every field of every ticket comes back as it went in", arguments: [false, true])
  func fieldsRoundTrip(onDisk: Bool) throws {
    let (folder, path) = try Self.scratchStore()
    defer { try? FileManager.default.removeItem(at: folder) }
    let tickets = Self.tickets(3_000, seed: onDisk ? 7 : 8)
    do {
      let store = try Store(path: onDisk ? path : ":memory:")
      let result = try store.ingest(Self.identity("a"), now: .now) { sink in
        for ticket in tickets { try sink.add(ticket) }
        return Self.identity("a")
      }
      #expect(result.accepted == tickets.count)
      let back = try Self.stored(store, tickets)
      #expect(back.count == tickets.count)
      for (stored, given) in zip(back, tickets.sorted { $0.ticket.id < $1.ticket.id })
      where stored != given {
        Issue.record("ticket \(given.ticket.id): stored \(stored), given \(given)")
        break
      }
    }
    if onDisk { #expect(try Self.fileFormat(path) == [2, 2]) }
  }

  @Test("a load that fails part way leaves nothing, and the store takes the next load")
  func failedLoad() throws {
    struct Interrupted: Error {}
    let (folder, path) = try Self.scratchStore()
    defer { try? FileManager.default.removeItem(at: folder) }
    // Enough rows to spill SQLite's page cache into the file before the failure.
    let tickets = Self.tickets(20_000, seed: 9)
    do {
      let store = try Store(path: path)
      #expect(throws: Interrupted.self) {
        _ = try store.ingest(Self.identity("b"), now: .now) { sink in
          for ticket in tickets { try sink.add(ticket) }
          throw Interrupted()
        }
      }
      #expect(try store.ticketCount() == 0)
      #expect(try store.hasSource(sha256: "b") == false)
    }
    #expect(try Self.fileFormat(path) == [2, 2])
    let reopened = try Store(path: path)
    #expect(try reopened.ticketCount() == 0)
    let result = try reopened.ingest(Self.identity("b"), now: .now) { sink in
      for ticket in tickets.prefix(500) { try sink.add(ticket) }
      return Self.identity("b")
    }
    #expect(result.accepted == 500)
    #expect(try reopened.ticketCount() == 500)
  }

  @Test("a load while another connection holds the store open runs, and both see it")
  func loadWhileAnotherConnectionReads() throws {
    let (folder, path) = try Self.scratchStore()
    defer { try? FileManager.default.removeItem(at: folder) }
    let tickets = Self.tickets(2_000, seed: 10)
    do {
      let writer = try Store(path: path)
      let reader = try Store(path: path)
      #expect(try reader.ticketCount() == 0)
      _ = try writer.ingest(Self.identity("c"), now: .now) { sink in
        for ticket in tickets { try sink.add(ticket) }
        return Self.identity("c")
      }
      #expect(try reader.ticketCount() == tickets.count)
      #expect(try Self.stored(reader, tickets).count == tickets.count)
    }
    #expect(try Self.fileFormat(path) == [2, 2])
  }
}
