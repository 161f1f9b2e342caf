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
    // The split this test is for: July read in pieces (three, of 256, 256 and 88 tickets), by
    // whichever thread takes each.
    let plan = StoreFeed.plan(
      [june, july], weights: try store.ticketCounts(in: [june, july]), reported: july)
    #expect(plan.sharesReported)

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

  @Test("a reported period heavier than the rest is shared; otherwise two runs", arguments: 0..<200)
  func reportedPeriodSharedWhenHeavier(seed: Int) throws {
    var random = SplitMix64(seed: UInt64(seed) &* 13 &+ 2)
    let periods = (0...random.next(below: 6)).map { Period.month(2026, 1 + $0) }
    let reported = try #require(periods.last)
    var weights: [Period: Int] = [:]
    for period in periods { weights[period] = random.next(below: 1_000) }
    // Tickets of periods tallied with the first thread, not read: none, or up to 3,000.
    let tallied = random.next(below: 2) == 0 ? 0 : random.next(below: 3_000)
    let plan = StoreFeed.plan(periods, weights: weights, reported: reported, tallied: tallied)
    let heavy = (weights[reported] ?? 0) * StoreFeed.weights.reported
    let light =
      periods.dropLast().reduce(0) { $0 + (weights[$1] ?? 0) } * StoreFeed.weights.other
      + tallied * StoreFeed.weights.tallied
    if heavy > light {
      // Every other period once, in order, by the first thread; the reported period by both.
      #expect(plan.sharesReported)
      #expect(plan.own == [Array(periods.dropLast()), []])
    } else {
      #expect(!plan.sharesReported)
      #expect(plan.own.count <= 2 && plan.own.flatMap { $0 } == periods)
    }
    // One thread reads every period itself.
    let alone = StoreFeed.plan(
      periods, weights: weights, reported: reported, tallied: tallied, threads: 1)
    #expect(alone == StoreFeed.WindowPlan(own: [periods]))
  }

  @Test(
    "a period's pieces hold each of its tickets once, in stored order",
    arguments: [1, 255, 256, 257, 600, 4_100])
  func piecesHoldEveryTicketOnce(count: Int) throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.kettleProject(exports: ["zendesk.csv"])
    // The month's tickets, and one of the month after stored among them.
    var rows: [String] = []
    for number in 0..<count {
      rows.append(DailyExport.row(1_000 + number, 7, 1 + number % 31, "The kettle leaks"))
      if number == count / 2 { rows.append(DailyExport.row(9, 8, 2, "The kettle leaks")) }
    }
    _ = try scratch.file(
      "zendesk.csv", ([DailyExport.header] + rows).joined(separator: "\n") + "\n")
    let project = try scratch.ingested()
    let (configuration, store) = (project.configuration, project.store)
    let july = Period.month(2025, 7)
    var whole: [String] = []
    try store.forEachTicket(in: [july], textOnlyIn: july) { whole.append($0.ticket.id) }
    #expect(whole.count == count)

    let pieces = StoreFeed.Pieces(of: july, count: count, store: store)
    var read: [String] = []
    var taken = 0
    while let piece = try pieces.next() {
      taken += 1
      try store.forEachTicket(
        in: [july], excluding: configuration.canaryExclusion, textOnlyIn: july,
        fromRow: piece.from, beforeRow: piece.before
      ) { read.append($0.ticket.id) }
    }
    #expect(read == whole)
    // 16 pieces, or pieces of 256 tickets when those are fewer.
    let size = max(256, (count + 15) / 16)
    #expect(taken == (count + size - 1) / size)
    #expect(try pieces.next() == nil)
    #expect(try StoreFeed.Pieces(of: july, count: 0, store: store).next() == nil)
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
