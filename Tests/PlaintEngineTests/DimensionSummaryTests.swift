import Foundation
import PlaintCore
import PlaintReport
import PlaintStore
import PlaintTestSupport
import Testing

@testable import PlaintEngine

/// The concentration baseline's dimension counts come from the store's summaries of its periods
/// when those still hold (`DimensionSummaries`), and the window's earlier periods are then only
/// tallied (customers summed by SQLite, open complaints read alone): the window must give the
/// cube, the customer tables and the open complaints that reading every ticket gives, over
/// random histories, before and after the tickets change under the summaries (a late file
/// adding rows to old periods, a reclassification) or the settings do.
@Suite struct DimensionSummaryTests {
  /// Fourteen months: the reported one, twelve before it (the baseline), one older.
  static let utc = TimeZone(secondsFromGMT: 0) ?? .current
  static let kettles = Cell(category: .product, productLine: "Kettles", tier: .consumer)
  static let months = (0..<14).map { Period.month(2024 + ($0 + 9) / 12, 1 + ($0 + 9) % 12) }

  /// With `ids`, canaries by id pattern too, one that SQLite's GLOB and `TicketExclusion.glob`
  /// read apart (a literal bracket): the window's periods are then read, not tallied.
  static func configuration(_ scratch: Scratch, timezone: String, ids: Bool = false) throws
    -> Configuration
  {
    try scratch.kettleTaxonomy()
    _ = try scratch.file("zendesk.csv", "Id,Description,Created at\n")
    let path = try scratch.file(
      "plaint.yml",
      """
      store: ":memory:"
      period: month
      timezone: \(timezone)
      sources:
        - path: zendesk.csv
          profile: zendesk
      taxonomy: taxonomy.yml
      canaries:
        tags: [canary, kanärie]
      \(ids ? "  ids: [\"T[1]*\"]" : "")
      recurrence: {repeat_customer_min: 2}

      """)
    return try Configuration.load(path: path)
  }

  /// Adds a file of random tickets of `periods` to `store`.
  static func addFile(
    _ name: String, periods: [Period], to store: Store, _ random: inout SplitMix64
  ) throws {
    let identity = SourceAccounting(path: name, sha256: name, system: "zendesk")
    var random2 = random
    _ = try store.ingest(identity, now: .now) { sink in
      for line in 0..<(120 + random2.next(below: 160)) {
        // Every period has tickets (a period without any needs no summary).
        let period =
          line < periods.count ? periods[line] : periods[random2.next(below: periods.count)]
        let start = period.start(in: Self.utc).timeIntervalSince1970
        let created = start + Double(random2.next(below: 27 * 86_400))
        // Resolved within hours, weeks later, or never: some still open past the SLA at the
        // reported period's end.
        let resolved = [nil, 3_600, 40 * 86_400, 400 * 86_400][random2.next(below: 4)].map {
          Date(timeIntervalSince1970: created + Double($0))
        }
        let ticket = Ticket(
          system: "zendesk", id: line % 7 == 3 ? "T[1]-\(name)-\(line)" : "\(name)-\(line)",
          created: Date(timeIntervalSince1970: created), updated: nil, resolved: resolved,
          text: "kettle",
          customer: ["C\(random2.next(below: 8))", nil, ""][random2.next(below: 4) % 3],
          channel: ["email", "phone", nil, " web "][random2.next(below: 4)],
          agent: ["Ana", "Bo", nil][random2.next(below: 3)],
          // Canaries by tag, in any case: SQLite's LIKE folds ASCII letters only.
          tags: [[], ["canary"], ["x", "CANARY"], ["KANÄRIE"], ["x"]][
            random2.next(below: 5) == 0 ? 1 + random2.next(below: 4) : 0],
          location: SourceLocation(file: name, line: line + 2))
        try sink.add(
          ClassifiedTicket(
            ticket: ticket, period: period,
            cell: Cell(
              category: [.product, .service][random2.next(below: 2)],
              productLine: ["Kettles", Cell.unassigned][random2.next(below: 2)],
              tier: .consumer),
            issue: ["defect", ClassifiedTicket.unclassified][random2.next(below: 2)],
            rule: "rule"))
      }
      return identity
    }
    random = random2
  }

  static func scope(_ configuration: Configuration) -> CubeScope {
    let reported = months[13]
    var scope = CubeScope(
      period: reported, window: Set(months[11...13]),
      dimensionPeriods: Set(months[1...13]), listedCells: [],
      measuredFiles: ["history.csv", "late.csv"])
    scope.paretoWindow = Set(months[12...13])
    scope.recurrenceWindow = Set(months[11...13])
    return scope
  }

  /// What a report takes from its window: the cube, the customer tables, the open complaints.
  struct Window: Equatable {
    var cube: ReportCube
    var byCustomer: CustomerRows<ReportModel.ParetoRow>
    var repeatCustomers: CustomerRows<ReportModel.RepeatCustomer>
    var open: [ClassifiedTicket]

    init(_ builder: CubeBuilder) {
      cube = builder.cube
      byCustomer = builder.customers.byCustomer
      repeatCustomers = builder.customers.repeatCustomers
      open = builder.open
    }
  }

  /// The window as a report reads it (base cube first, so summaries are used and stored).
  static func reported(_ store: Store, _ configuration: Configuration) throws -> Window {
    let feed = StoreFeed(store: store, configuration: configuration)
    _ = try feed.baseCube()
    return Window(try feed.window(scope(configuration)))
  }

  /// The window from every ticket: a feed that read no base cube uses no summary.
  static func recounted(_ store: Store, _ configuration: Configuration) throws -> Window {
    Window(try StoreFeed(store: store, configuration: configuration).window(scope(configuration)))
  }

  /// The periods before the reported one whose counts the next report takes from summaries.
  static func summarized(_ store: Store, _ configuration: Configuration) throws -> Set<Period> {
    let base = try store.baseCounts(
      granularity: .month, excluding: configuration.canaryExclusion)
    return DimensionSummaries(
      store: store, configuration: configuration, scope: scope(configuration),
      fingerprints: base.fingerprints
    ).summarized
  }

  @Test(
    "summaries give the cube every ticket gives, and follow the tickets",
    arguments: 0..<8, [false, true])
  func summariesMatchTickets(seed: Int, ids: Bool) throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let configuration = try Self.configuration(scratch, timezone: "Europe/Berlin", ids: ids)
    var random = SplitMix64(seed: UInt64(seed) &* 7_919 &+ 3)
    let store = try Store(path: ":memory:")
    try Self.addFile("history.csv", periods: Self.months, to: store, &random)
    let earlier = Set(Self.months[1...12])

    #expect(try Self.summarized(store, configuration).isEmpty)
    let first = try Self.reported(store, configuration)
    #expect(first == (try Self.recounted(store, configuration)))
    #expect(!first.cube[.dimension].isEmpty)
    #expect(!first.byCustomer.isEmpty && !first.repeatCustomers.isEmpty)
    #expect(first.open.contains { $0.period != Self.months[13] })
    // The first report stored them: the next reads no ticket of those periods but the open
    // ones of the window's.
    #expect(try Self.summarized(store, configuration) == earlier)
    #expect(try Self.reported(store, configuration) == first)

    // A late file adds rows to two old periods: their summaries no longer hold.
    let late = [Self.months[2 + random.next(below: 4)], Self.months[7]]
    try Self.addFile("late.csv", periods: late, to: store, &random)
    #expect(try Self.summarized(store, configuration) == earlier.subtracting(late))
    let afterLate = try Self.reported(store, configuration)
    #expect(afterLate == (try Self.recounted(store, configuration)))
    #expect(afterLate != first)

    // A reclassification moves some tickets to the other category.
    var stored: [String: ClassifiedTicket] = [:]
    for item in try store.tickets(in: Self.months, textOnlyIn: Self.months[13]) {
      stored[item.ticket.id] = item
    }
    var moved = 0
    _ = try store.reclassify { ticket in
      guard let item = stored[ticket.id] else { return (Self.months[0], Self.kettles, "", "") }
      var cell = item.cell
      if ticket.id.hasSuffix("7") {
        cell.category = cell.category == .product ? .service : .product
        moved += 1
      }
      return (item.period, cell, item.issue, item.rule)
    }
    #expect(moved > 0)
    let afterReclassify = try Self.reported(store, configuration)
    #expect(afterReclassify == (try Self.recounted(store, configuration)))
    #expect(afterReclassify != afterLate)
    #expect(try Self.summarized(store, configuration) == earlier)

    // Another time zone moves the hours and weekdays: no summary of the old one is used.
    let tokyo = try Self.configuration(scratch, timezone: "Asia/Tokyo", ids: ids)
    #expect(try Self.summarized(store, tokyo).isEmpty)
    let inTokyo = try Self.reported(store, tokyo)
    #expect(inTokyo == (try Self.recounted(store, tokyo)))
    #expect(inTokyo != afterReclassify)
  }
}
