import Foundation
import PlaintCore
import PlaintTestSupport
import Testing

@testable import PlaintEngine

/// What the scale-out's report step gets is all it needs: a summary through a period carries the
/// customers of that period's window only, and the window's ticket partial only the tickets a
/// report may show whole. Each property would fail if the report step needed a customer count or
/// a ticket the cluster no longer sends it.
@Suite("Report step input")
struct ReportStepInputTests {
  static let zone = ReportCubeTests.utc

  /// Tickets over about ten months, with customers that come back, key accounts, canaries, open
  /// and late resolutions.
  static func tickets(_ random: inout SplitMix64) -> [ClassifiedTicket] {
    var tickets = ReportCubeTests.tickets(&random)
    for index in tickets.indices {
      tickets[index].ticket.customer = ["C1", "C2", "C3", "C4", "", nil][random.next(below: 6)]
      tickets[index].ticket.created = Date(
        timeIntervalSince1970: 1_780_000_000 + Double(random.next(below: 26_000_000)))
      tickets[index].ticket.resolved =
        random.next(below: 3) == 0
        ? nil
        : tickets[index].ticket.created.addingTimeInterval(Double(random.next(below: 9_000_000)))
      tickets[index].period = Period(
        containing: tickets[index].ticket.created, in: zone, granularity: .month)
    }
    return tickets
  }

  static func builder() -> CubeBuilder {
    CubeBuilder(
      timeZone: zone, slaHours: 48, exclusion: ReportCubeTests.exclusion,
      dimensions: ConcentrationDimension.standard(timeZone: zone), slices: [])
  }

  /// A report's scope of `reported`: its window the last `length` periods, the Pareto and
  /// recurrence windows the last of those, some cells listed, some files measured.
  static func scope(
    reported: Period, length: Int, pareto: Int, recurrence: Int, tickets: [ClassifiedTicket],
    _ random: inout SplitMix64
  ) -> CubeScope {
    var first = reported
    for _ in 1..<length { first = first.previous(in: zone) }
    let window = Period.range(first, through: reported)
    let cells = Set(tickets.map { SeriesKey($0.cell) }).filter { _ in random.next(below: 2) == 0 }
    let files = Set(tickets.map(\.ticket.location.file)).filter { _ in random.next(below: 3) > 0 }
    return CubeScope(
      period: reported, window: Set(window), dimensionPeriods: [reported], listedCells: cells,
      measuredFiles: files, paretoWindow: Set(window.suffix(pareto)),
      recurrenceWindow: Set(window.suffix(recurrence)))
  }

  @Test("the window's ticket partial holds every ticket a report keeps", arguments: 0..<40)
  func windowTicketsHoldEveryKeptTicket(seed: Int) throws {
    var random = SplitMix64(seed: UInt64(seed) &* 7_919 &+ 3)
    let tickets = Self.tickets(&random)
    let periods = Set(tickets.map(\.period)).sorted()
    let reported = try #require(periods.randomElement(using: &random))
    let length = 1 + random.next(below: 5)
    let scope = Self.scope(
      reported: reported, length: length, pareto: 1, recurrence: 1, tickets: tickets, &random)
    let builder = Self.builder()
    let start = ScaleOut.windowStart(through: reported, length: length, timeZone: Self.zone)
    var kept = 0
    for item in tickets {
      let keeps = builder.keeps(item, scope)
      guard keeps.canary || keeps.listed || keeps.open else { continue }
      kept += 1
      #expect(
        builder.mayKeep(item, reported: reported, windowStart: start),
        "ticket \(item.ticket.id) of \(item.period) is kept by a report of \(reported) but not sent"
      )
    }
    // The property is not empty: reports keep tickets.
    if seed == 0 { #expect(kept > 0) }
  }

  @Test(
    "a summary's customers of the window tally as every customer entry does", arguments: 0..<40)
  func theWindowsCustomersAreEnough(seed: Int) throws {
    var random = SplitMix64(seed: UInt64(seed) &* 104_729 &+ 11)
    let tickets = Self.tickets(&random)
    let periods = Set(tickets.map(\.period)).sorted()
    let reported = try #require(periods.randomElement(using: &random))
    let (pareto, recurrence) = (1 + random.next(below: 3), 1 + random.next(below: 4))
    let length = max(2 * pareto, recurrence, 3)
    let scope = Self.scope(
      reported: reported, length: length, pareto: pareto, recurrence: recurrence,
      tickets: tickets, &random)
    let minimum = 1 + random.next(below: 3)

    /// A summary's customer entries, merged by key and read in key order, as a report reads
    /// them.
    func tally(_ entries: [[String]: ReportCube.Value]) throws -> CustomerTally {
      var tally = CustomerTally(scope, minimum: minimum, threshold: 0.8)
      let sorted = entries.sorted {
        $0.key.joined(separator: "\t").utf8.lexicographicallyPrecedes(
          $1.key.joined(separator: "\t").utf8)
      }
      for (key, value) in sorted { tally.addSorted(key, count: value.count) }
      try tally.finish()
      return tally
    }
    func paretoOf(_ tally: CustomerTally) -> [String: Int] {
      Dictionary(uniqueKeysWithValues: tally.byCustomer.map { ($0.key, $0.count) })
    }

    // Every customer entry of every period, as a summary without a period holds them.
    var everything = Self.builder()
    for item in tickets { everything.addWindow(item, .everyPeriod) }
    let whole = try tally(everything.cube[.customer])

    // A summary through the period, split into pieces as partitions would be, then merged.
    let start = ScaleOut.windowStart(through: reported, length: length, timeZone: Self.zone)
    var merged = ReportCube()
    for part in ReportCubeTests.split(tickets, 1 + random.next(below: 3), &random) {
      var piece = Self.builder()
      for item in part {
        piece.addWindow(item, .summary(through: reported, from: start))
      }
      merged.merge(piece.cube)
    }
    let fromSummary = try tally(merged[.customer])

    // The store's path: the report tallies each complaint as its cursor goes by.
    var direct = Self.builder()
    direct.customers = CustomerTally(scope, minimum: minimum, threshold: 0.8)
    for item in tickets.shuffled(using: &random) where scope.window.contains(item.period) {
      direct.addWindow(item, scope)
    }
    try direct.customers.finish()

    for tally in [fromSummary, direct.customers] {
      #expect(paretoOf(tally) == paretoOf(whole))
      #expect(tally.repeatCustomers == whole.repeatCustomers)
    }
    // And the tally says what the tickets say.
    let inPareto = tickets.filter {
      scope.paretoWindow.contains($0.period) && !ReportCubeTests.exclusion.matches($0.ticket)
    }
    var expected: [String: Int] = [:]
    for item in inPareto {
      guard let customer = item.ticket.customer, !customer.isEmpty else { continue }
      expected[customer, default: 0] += 1
    }
    #expect(paretoOf(whole) == expected)
    let repeats = Recurrence.repeatCustomers(
      tickets.filter { !ReportCubeTests.exclusion.matches($0.ticket) },
      in: scope.recurrenceWindow, minimum: minimum)
    #expect(whole.repeatCustomers.map(\.customer) == repeats.map(\.customer))
    #expect(whole.repeatCustomers.map(\.count) == repeats.map(\.count))
    #expect(whole.repeatCustomers.map(\.keyAccount) == repeats.map(\.keyAccount))
    #expect(whole.repeatCustomers.map(\.issues) == repeats.map(\.issues))
  }

  @Test("issues past the 64th are kept for a repeat customer")
  func manyIssues() throws {
    let period = Period(granularity: .month, year: 2026, number: 10)
    var tally = CustomerTally(pareto: [period], recurrence: [period], minimum: 35)
    var sorted = CustomerTally(pareto: [period], recurrence: [period], minimum: 35)
    for index in 0..<70 {
      tally.add(
        period: "2026-10", customer: "C\(index % 2)", category: .product,
        issue: "issue-\(index)",
        keyAccount: index == 69, count: 1)
    }
    for index in (0..<70).sorted(by: { ($0 % 2, $0) < ($1 % 2, $1) }) {
      sorted.addSorted(
        [
          "C\(index % 2)", "2026-10", "product", "issue-\(index)",
          index == 69 ? "key_account" : "consumer",
        ],
        count: 1)
    }
    for var tally in [tally, sorted] {
      try tally.finish()
      let repeats = Array(tally.repeatCustomers)
      #expect(repeats.map(\.customer) == ["C0", "C1"])
      #expect(repeats.map(\.issues.count) == [35, 35])
      #expect(repeats.map(\.keyAccount) == [false, true])
      #expect(repeats[1].issues.contains("product.issue-69"))
      #expect(tally.byCustomer.map(\.key) == ["C0", "C1"])
      #expect(tally.byCustomer.map(\.count) == [35, 35])
    }
  }
}
