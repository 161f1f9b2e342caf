import Foundation
import PlaintCore
import PlaintStore
import PlaintTestSupport
import Testing

@testable import PlaintEngine

/// A report's window is read on two threads, in two runs of periods, and the two builders are
/// merged: the result must be what one cursor over every period gives — the same counts, and the
/// same listed and open tickets in the same order.
@Suite struct WindowSplitTests {
  @Test("the window read in two runs is the window read in one", arguments: 7...11)
  func splitMatchesOneCursor(month: Int) throws {
    let scratch = try DailyExport.project { $0 % 5 == 0 }
    defer { scratch.remove() }
    let project = try scratch.ingested()
    let (configuration, store) = (project.configuration, project.store)
    let reported = Period.month(2025, month)
    let earlier = (6..<month).map { Period.month(2025, $0) }
    let base = try StoreFeed(store: store, configuration: configuration).baseCube()
    let cells = Set(base[.cell].keys.compactMap { CubeCounts.cell($0) })
    let scope = CubeScope(
      period: reported, window: Set(earlier.suffix(2) + [reported]),
      dimensionPeriods: Set(earlier + [reported]), listedCells: cells,
      measuredFiles: ["zendesk.csv"])

    let split = try StoreFeed(store: store, configuration: configuration).window(scope)
    var one = configuration.cubeBuilder()
    let periods = scope.window.union(scope.dimensionPeriods).union([reported]).sorted()
    try store.forEachTicket(
      in: periods, excluding: configuration.canaryExclusion, textOnlyIn: reported
    ) { one.addWindow($0, scope) }
    // The store gives tickets in the order stored; the report lists them oldest first.
    StoreFeed.sortOldestFirst(&one.listed)
    StoreFeed.sortOldestFirst(&one.open)
    #expect(split.cube == one.cube)
    #expect(split.listed == one.listed)
    #expect(split.open == one.open)
    #expect(!split.listed.isEmpty)
  }

  @Test(
    "a reported period stored out of time order and read in two parts is one cursor's window",
    arguments: 0..<4)
  func shuffledReportedPeriodCutInTwo(seed: Int) throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.kettleProject(exports: ["zendesk.csv"], settings: "sla_hours: 48\n")
    // June: 20 tickets; July, the reported month, 600 (so it outweighs June and is cut), in an
    // order shuffled by `seed`: customers repeat, a fifth say nothing the taxonomy knows (their
    // words are counted), some are still open at the month's end.
    var random = SplitMix64(seed: UInt64(seed) &+ 41)
    var rows: [String] = []
    for number in 0..<620 {
      let id = 5_000 + number
      let (month, day) = number < 20 ? (6, 1 + number) : (7, 1 + number % 31)
      let at = String(format: "2025-%02d-%02d %02d:%02d", month, day, number % 24, number % 60)
      let solved =
        number % 7 == 0 ? "" : String(format: "2025-%02d-%02d 23:59", month, min(28, day + 1))
      let text =
        number % 5 == 0
        ? "Hello there question \(number % 13) about billing"
        : "The kettle stopped working after \(number % 9) days"
      rows.append(
        "\(id),\(text),\(text),solved,normal,email,Person,"
          + "c\(number % 37)@mail.example,Agent,,KT-1,,\(at),\(at),\(solved)")
    }
    for at in rows.indices.reversed() { rows.swapAt(at, random.next(below: at + 1)) }
    _ = try scratch.file(
      "zendesk.csv",
      ([
        "Id,Subject,Description,Status,Priority,Via,Requester,Requester email,Assignee,Category,"
          + "Product,Tags,Created at,Updated at,Solved at"
      ] + rows).joined(separator: "\n") + "\n")
    let project = try scratch.ingested()
    let (configuration, store) = (project.configuration, project.store)
    let (june, july) = (Period.month(2025, 6), Period.month(2025, 7))
    let feed = StoreFeed(store: store, configuration: configuration)
    let base = try feed.baseCube()
    let cells = Set(base[.cell].keys.compactMap { CubeCounts.cell($0) })
    let scope = CubeScope(
      period: july, window: [june, july], dimensionPeriods: [june, july], listedCells: cells,
      measuredFiles: ["zendesk.csv"])
    // The split this test is for: July read in two parts.
    let runs = StoreFeed.runs(
      [june, july], weights: try store.ticketCounts(in: [june, july]), reported: july)
    #expect(runs.joined().contains { $0.from != nil })

    let split = try feed.window(scope)
    var one = configuration.cubeBuilder()
    try store.forEachTicket(
      in: [june, july], excluding: configuration.canaryExclusion, textOnlyIn: july
    ) { one.addWindow($0, scope) }
    #expect(split.cube == one.cube)
    #expect(!one.cube[.term].isEmpty && !split.open.isEmpty)
    // Listed oldest first, whatever order the export had.
    #expect(split.listed.count == 600)
    #expect(StoreFeed.isOldestFirst(split.listed) && StoreFeed.isOldestFirst(split.open))
    StoreFeed.sortOldestFirst(&one.listed)
    StoreFeed.sortOldestFirst(&one.open)
    #expect(split.listed == one.listed)
    #expect(split.open == one.open)
  }

  @Test("a reported period heavier than the rest is read in two parts", arguments: 0..<200)
  func reportedPeriodCutWhereTheWeightsEvenOut(seed: Int) throws {
    var random = SplitMix64(seed: UInt64(seed) &* 13 &+ 2)
    let periods = (0...random.next(below: 6)).map { Period.month(2026, 1 + $0) }
    let reported = try #require(periods.last)
    var weights: [Period: Int] = [:]
    for period in periods { weights[period] = random.next(below: 1_000) }
    // Tickets of periods tallied with the first run, not read: none, or up to 3,000.
    let tallied = random.next(below: 2) == 0 ? 0 : random.next(below: 3_000)
    let runs = StoreFeed.runs(periods, weights: weights, reported: reported, tallied: tallied)
    #expect(runs.count <= 2)
    let parts = runs.flatMap { $0 }
    let count = weights[reported] ?? 0
    let heavy = count * StoreFeed.weights.reported
    let light =
      periods.dropLast().reduce(0) { $0 + (weights[$1] ?? 0) } * StoreFeed.weights.other
      + tallied * StoreFeed.weights.tallied
    if heavy > light {
      // Every other period once, in order, then the reported period's tickets before the cut
      // and from it.
      #expect(runs.count == 2)
      let last = try #require(parts.last)
      let before = parts[parts.count - 2]
      #expect(parts.dropLast(2).flatMap(\.periods) == Array(periods.dropLast()))
      #expect(before.periods == [reported] && last.periods == [reported])
      let cut = try #require(before.before)
      #expect(before.from == nil && last.from == cut && last.before == nil)
      #expect(0 <= cut && cut <= count)
      // The first run, tallied periods and all, weighs what the second does, to a ticket.
      let first = light + cut * StoreFeed.weights.reported
      let second = (count - cut) * StoreFeed.weights.reported
      #expect(abs(first - second) < 2 * StoreFeed.weights.reported)
    } else {
      #expect(parts.flatMap(\.periods) == periods)
      #expect(parts.allSatisfy { $0.from == nil && $0.before == nil })
    }
  }

  @Test("periods are cut into at most two runs, in order, none empty", arguments: 0..<200)
  func halvesKeepEveryPeriodInOrder(seed: Int) {
    var random = SplitMix64(seed: UInt64(seed) &+ 1)
    let periods = (0..<random.next(below: 14)).map { Period.month(2020 + $0 / 12, 1 + $0 % 12) }
    var weights: [Period: Int] = [:]
    for period in periods where random.next(below: 5) > 0 {
      weights[period] = random.next(below: 1_000)
    }
    let heavier =
      periods.isEmpty ? Period.month(2020, 1) : periods[random.next(below: periods.count)]
    let head = random.next(below: 3) == 0 ? random.next(below: 5_000) : 0
    let runs = StoreFeed.halves(periods, weights: weights, heavier: heavier, head: head)
    #expect(runs.flatMap { $0 } == periods)
    #expect(runs.count <= 2)
    #expect(runs.count == 1 || runs.allSatisfy { !$0.isEmpty })
    // No other cut gives two runs closer in weight, the first carrying `head`.
    func weight(_ period: Period) -> Int {
      (weights[period] ?? 0)
        * (period == heavier ? StoreFeed.weights.reported : StoreFeed.weights.other)
    }
    if runs.count == 2 {
      let total = head + periods.reduce(0) { $0 + weight($1) }
      let gap = abs(2 * (head + runs[0].reduce(0) { $0 + weight($1) }) - total)
      for at in 1..<periods.count {
        #expect(gap <= abs(2 * (head + periods[..<at].reduce(0) { $0 + weight($1) }) - total))
      }
    }
  }
}
