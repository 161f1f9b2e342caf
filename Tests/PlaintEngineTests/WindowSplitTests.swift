import Foundation
import Logging
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
    let configuration = try Configuration.load(
      path: scratch.folder.appendingPathComponent("plaint.yml").path)
    let context = try RunContext(configuration: configuration)
    let store = try Store(path: ":memory:")
    let ingestion = Ingestion(
      configuration: configuration, placement: context.placement,
      logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
    _ = try ingestion.run(context.files, store: store, now: Date())
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
    #expect(split.cube == one.cube)
    #expect(split.listed == one.listed)
    #expect(split.open == one.open)
    #expect(!split.listed.isEmpty)
  }

  @Test("a reported period heavier than the rest is read in two parts", arguments: 0..<200)
  func reportedPeriodCutByTime(seed: Int) throws {
    var random = SplitMix64(seed: UInt64(seed) &* 13 &+ 2)
    let zone = try #require(TimeZone(identifier: ["UTC", "Europe/Berlin"][seed % 2]))
    let periods = (0...random.next(below: 6)).map { Period.month(2026, 1 + $0) }
    let reported = try #require(periods.last)
    var weights: [Period: Int] = [:]
    for period in periods { weights[period] = random.next(below: 1_000) }
    // Tickets of periods tallied with the first run, not read: none, or up to 3,000.
    let tallied = random.next(below: 2) == 0 ? 0 : random.next(below: 3_000)
    let runs = StoreFeed.runs(
      periods, weights: weights, reported: reported, timeZone: zone, tallied: tallied)
    #expect(runs.count <= 2)
    let parts = runs.flatMap { $0 }
    let heavy = (weights[reported] ?? 0) * StoreFeed.weights.reported
    let light =
      periods.dropLast().reduce(0) { $0 + (weights[$1] ?? 0) } * StoreFeed.weights.other
      + tallied * StoreFeed.weights.tallied
    if heavy > light {
      // Every other period once, in order, then the reported period before the cut and from it.
      #expect(runs.count == 2)
      let last = try #require(parts.last)
      let before = parts[parts.count - 2]
      #expect(parts.dropLast(2).flatMap(\.periods) == Array(periods.dropLast()))
      #expect(before.periods == [reported] && last.periods == [reported])
      let cut = try #require(before.before)
      #expect(before.from == nil && last.from == cut && last.before == nil)
      #expect(reported.start(in: zone) <= cut && cut < reported.next(in: zone).start(in: zone))
      // The first run, tallied periods and all, weighs about what the second does.
      let start = reported.start(in: zone).timeIntervalSince1970
      let length = reported.next(in: zone).start(in: zone).timeIntervalSince1970 - start
      let share = (cut.timeIntervalSince1970 - start) / length
      #expect(
        abs(Double(light) + share * Double(heavy) - (1 - share) * Double(heavy))
          <= 2 * Double(heavy) / length + 1e-6)
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
