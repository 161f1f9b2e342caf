import Foundation
import PlaintCore
@testable import PlaintStore
import PlaintTestSupport
import Testing

/// The report's counts over every period come from one pass over the tickets, grouped in Swift
/// (`Store.baseCounts`), and the report's window reads its rows by position
/// (`Store.forEachTicket`): both must give what the per-kind queries and the by-name reads give,
/// whatever the store holds — copies that replace earlier ones, canaries, blank texts, weeks
/// beside months, several files.
@Suite struct BaseCountsTests {
  static let months: [Period] = [.month(2025, 9), .month(2025, 10), .month(2025, 11)]
  static let exclusion = TicketExclusion(tags: ["canary"], idPatterns: ["TEST-*"])

  /// Three files whose ids overlap (a later copy replaces the kept one), with random cells,
  /// issues, resolution times, tags and texts.
  static func store(seed: UInt64) throws -> Store {
    let store = try Store(path: ":memory:")
    var random = SplitMix64(seed: seed)
    var updated = 1_760_000_000.0
    let week = try #require(Period("2025-W40"))
    for file in ["a.csv", "b.csv", "dir/c.csv"] {
      let identity = SourceAccounting(path: file, sha256: file, system: "zendesk")
      _ = try store.ingest(identity, now: .now) { sink in
        for line in 0..<(50 + random.next(below: 200)) {
          let id = random.next(below: 8) == 0 ? "TEST-\(line)" : "T\(random.next(below: 300))"
          updated += 1
          let created = 1_750_000_000 + Double(random.next(below: 9_000_000))
          let ticket = Ticket(
            system: ["zendesk", "legacy"][random.next(below: 2)], id: id,
            created: Date(timeIntervalSince1970: created),
            updated: Date(timeIntervalSince1970: updated),
            resolved: random.next(below: 3) == 0
              ? nil : Date(timeIntervalSince1970: created + Double(random.next(below: 500_000))),
            text: ["", "  ", "kettle broke", "Wasserkocher defekt", "水壶坏了"][
              random.next(below: 5)],
            channel: ["email", nil][random.next(below: 2)],
            tags: [[], ["canary"], ["vip", "CANARY"], ["vip"]][random.next(below: 4)],
            location: SourceLocation(file: file, line: line + 2))
          let period = random.next(below: 10) == 0 ? week : months[random.next(below: 3)]
          try sink.add(
            ClassifiedTicket(
              ticket: ticket, period: period,
              cell: Cell(
                category: [.product, .service, .other][random.next(below: 3)],
                productLine: ["Kettles", "Blenders", Cell.unassigned][random.next(below: 3)],
                tier: [.consumer, .keyAccount][random.next(below: 2)]),
              issue: ["defect", "late", ClassifiedTicket.unclassified][random.next(below: 3)],
              rule: "rule"))
        }
        return identity
      }
    }
    return store
  }

  @Test(
    "one pass gives the cell, issue, file and blank-text counts of the per-kind reads",
    arguments: 0..<12)
  func onePassMatchesPerKindQueries(seed: Int) throws {
    let store = try Self.store(seed: UInt64(seed) &* 7919 &+ 3)
    for exclusion in [Self.exclusion, .none] {
      let counts = try store.baseCounts(granularity: .month, excluding: exclusion)
      #expect(counts.cells.allSatisfy { $0.period.granularity == .month })
      let issues = try store.issueCounts(granularity: .month, excluding: exclusion)
      #expect(
        Set(counts.issues.map { "\($0.period) \($0.cell) \($0.issueKey) \($0.count)" })
          == Set(issues.map { "\($0.period) \($0.cell) \($0.issueKey) \($0.count)" }))
      // The cells of SQLite's per-issue counts, summed over issues.
      var cells: [String: Int] = [:]
      for issue in issues { cells["\(issue.period) \(issue.cell)", default: 0] += issue.count }
      #expect(
        Dictionary(counts.cells.map { ("\($0.period) \($0.cell)", $0.count) }, uniquingKeysWith: +)
          == cells)
      // `cellCounts` lists them in the order of their texts' bytes, as SQLite sorts them.
      let listed = try store.cellCounts(granularity: .month, excluding: exclusion)
      #expect(Set(listed) == Set(counts.cells))
      let keys = listed.map {
        [
          $0.period.description, $0.cell.category.rawValue, $0.cell.productLine,
          $0.cell.tier.rawValue,
        ]
        .map { Array($0.utf8) }
      }
      #expect(
        zip(keys, keys.dropFirst()).allSatisfy {
          $0.lexicographicallyPrecedes($1) { $0.lexicographicallyPrecedes($1) }
        })
      let blank = try store.emptyTextCounts()
      #expect(
        counts.emptyText.mapValues { "\($0.empty)/\($0.total)" }
          == blank.mapValues { "\($0.empty)/\($0.total)" })
      // Files and lines from the tickets themselves, canaries included.
      let week = try #require(Period("2025-W40"))
      var files: [String: [String: String]] = [:]
      var tally: [String: [String: (Int, Int)]] = [:]
      for item in try store.tickets(in: Self.months + [week]) {
        let file = item.ticket.location.file
        let line = item.cell.productLine
        let resolved = item.ticket.resolved == nil ? 0 : 1
        let now = tally[file, default: [:]][line, default: (0, 0)]
        tally[file, default: [:]][line] = (now.0 + 1, now.1 + resolved)
      }
      for (file, lines) in tally { files[file] = lines.mapValues { "\($0.0)/\($0.1)" } }
      #expect(
        counts.files.mapValues { $0.mapValues { "\($0.tickets)/\($0.resolved)" } } == files)
    }
  }

  /// A large table is scanned in two halves of its rows on two threads: the merged groups must
  /// be one scan's, in one scan's order (the cells and issues are listed in it), with the same
  /// fingerprints, whatever rows the replaced copies left out of either half.
  @Test("a table scanned in two halves gives one scan's counts, in its order", arguments: 0..<12)
  func halvesMatchOneScan(seed: Int) throws {
    let store = try Self.store(seed: UInt64(seed) &* 6_700_417 &+ 5)
    for exclusion in [Self.exclusion, .none] {
      let one = try store.baseCounts(granularity: .month, excluding: exclusion, halvedFrom: nil)
      let halves = try store.baseCounts(granularity: .month, excluding: exclusion, halvedFrom: 1)
      #expect(halves.cells == one.cells)
      #expect(halves.issues == one.issues)
      #expect(
        halves.files.mapValues { $0.mapValues { "\($0.tickets)/\($0.resolved)" } }
          == one.files.mapValues { $0.mapValues { "\($0.tickets)/\($0.resolved)" } })
      #expect(
        halves.emptyText.mapValues { "\($0.empty)/\($0.total)" }
          == one.emptyText.mapValues { "\($0.empty)/\($0.total)" })
      #expect(halves.fingerprints == one.fingerprints)
      #expect(!one.cells.isEmpty && !one.fingerprints.isEmpty)
    }
    #expect(Store.scanRanges(low: 1, high: 10, halvedFrom: 1) == [1..<5, 5..<11])
    #expect(Store.scanRanges(low: 1, high: 10, halvedFrom: 100) == [nil])
    #expect(Store.scanRanges(low: nil, high: nil, halvedFrom: 1) == [nil])
  }

  @Test(
    "the window's reads by position give the tickets the reads by name give",
    arguments: 0..<6)
  func positionalReadsMatchNamedReads(seed: Int) throws {
    let store = try Self.store(seed: UInt64(seed) &* 104_729 &+ 11)
    for exclusion in [Self.exclusion, .none] {
      for textPeriod in Self.months {
        var streamed: [ClassifiedTicket] = []
        try store.forEachTicket(in: Self.months, excluding: exclusion, textOnlyIn: textPeriod) {
          streamed.append($0)
        }
        let read = try store.tickets(in: Self.months, excluding: exclusion, textOnlyIn: textPeriod)
        // The same tickets; the cursor gives them period by period, in the order stored.
        func byKey(_ a: ClassifiedTicket, _ b: ClassifiedTicket) -> Bool {
          (a.ticket.system, a.ticket.id) < (b.ticket.system, b.ticket.id)
        }
        #expect(streamed.sorted(by: byKey) == read.sorted(by: byKey))
        #expect(zip(streamed, streamed.dropFirst()).allSatisfy { $0.period <= $1.period })
        #expect(!streamed.isEmpty)
      }
    }
  }
}
