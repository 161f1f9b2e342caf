import Foundation
import PlaintCore
import PlaintStore
import PlaintTestSupport
import Testing

@testable import PlaintEngine

/// The concentration baseline's dimension counts come from the store's summaries of its periods
/// when those still hold (`DimensionSummaries`): the window must give the cube that reading every
/// ticket gives, over random histories, before and after the tickets change under the summaries
/// (a late file adding rows to old periods, a reclassification) or the settings do.
@Suite struct DimensionSummaryTests {
  /// Fourteen months: the reported one, twelve before it (the baseline), one older.
  static let utc = TimeZone(secondsFromGMT: 0) ?? .current
  static let kettles = Cell(category: .product, productLine: "Kettles", tier: .consumer)
  static let months = (0..<14).map { Period.month(2024 + ($0 + 9) / 12, 1 + ($0 + 9) % 12) }

  static func configuration(_ scratch: Scratch, timezone: String) throws -> Configuration {
    _ = try scratch.file(
      "taxonomy.yml",
      """
      categories:
        product:
          issues:
            defect: {phrases: [stopped working]}
      product_lines:
        Kettles: {phrases: [kettle]}

      """)
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
        tags: [canary]

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
      for line in 0..<(40 + random2.next(below: 160)) {
        // Every period has tickets (a period without any needs no summary).
        let period =
          line < periods.count ? periods[line] : periods[random2.next(below: periods.count)]
        let start = period.start(in: Self.utc).timeIntervalSince1970
        let created = start + Double(random2.next(below: 27 * 86_400))
        let ticket = Ticket(
          system: "zendesk", id: "\(name)-\(line)",
          created: Date(timeIntervalSince1970: created), updated: nil, resolved: nil,
          text: "kettle", customer: "C\(random2.next(below: 30))",
          channel: ["email", "phone", nil, " web "][random2.next(below: 4)],
          agent: ["Ana", "Bo", nil][random2.next(below: 3)],
          tags: random2.next(below: 12) == 0 ? ["canary"] : [],
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
    return CubeScope(
      period: reported, window: Set(months[11...13]),
      dimensionPeriods: Set(months[1...13]), listedCells: [], measuredFiles: nil)
  }

  /// The window as a report reads it (base cube first, so summaries are used and stored).
  static func reported(_ store: Store, _ configuration: Configuration) throws -> ReportCube {
    let feed = StoreFeed(store: store, configuration: configuration)
    _ = try feed.baseCube()
    return try feed.window(scope(configuration)).cube
  }

  /// The window from every ticket: a feed that read no base cube uses no summary.
  static func recounted(_ store: Store, _ configuration: Configuration) throws -> ReportCube {
    try StoreFeed(store: store, configuration: configuration).window(scope(configuration)).cube
  }

  /// The baseline periods outside the window whose counts the next report takes from summaries.
  static func summarized(_ store: Store, _ configuration: Configuration) throws -> Set<Period> {
    let base = try store.baseCounts(
      granularity: .month, excluding: configuration.canaryExclusion)
    return DimensionSummaries(
      store: store, configuration: configuration, scope: scope(configuration),
      fingerprints: base.fingerprints
    ).summarized
  }

  @Test("summaries give the cube every ticket gives, and follow the tickets", arguments: 0..<8)
  func summariesMatchTickets(seed: Int) throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let configuration = try Self.configuration(scratch, timezone: "Europe/Berlin")
    var random = SplitMix64(seed: UInt64(seed) &* 7_919 &+ 3)
    let store = try Store(path: ":memory:")
    try Self.addFile("history.csv", periods: Self.months, to: store, &random)
    let dimensionOnly = Set(Self.months[1...10])

    #expect(try Self.summarized(store, configuration).isEmpty)
    let first = try Self.reported(store, configuration)
    #expect(first == (try Self.recounted(store, configuration)))
    #expect(!first[.dimension].isEmpty)
    // The first report stored them: the next reads no ticket of those periods.
    #expect(try Self.summarized(store, configuration) == dimensionOnly)
    #expect(try Self.reported(store, configuration) == first)

    // A late file adds rows to two old periods: their summaries no longer hold.
    let late = [Self.months[2 + random.next(below: 4)], Self.months[7]]
    try Self.addFile("late.csv", periods: late, to: store, &random)
    #expect(try Self.summarized(store, configuration) == dimensionOnly.subtracting(late))
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
    #expect(try Self.summarized(store, configuration) == dimensionOnly)

    // Another time zone moves the hours and weekdays: no summary of the old one is used.
    let tokyo = try Self.configuration(scratch, timezone: "Asia/Tokyo")
    #expect(try Self.summarized(store, tokyo).isEmpty)
    let inTokyo = try Self.reported(store, tokyo)
    #expect(inTokyo == (try Self.recounted(store, tokyo)))
    #expect(inTokyo != afterReclassify)
  }
}
