import Foundation
import PlaintCore
import PlaintStore

/// Where a report's cube and its few whole tickets come from: the store (`plaint run`, `plaint
/// report`) or reduced partials (`plaint report --from-partials`). Both give the same cube.
protocol ReportFeed {
  /// The counts over every period (`CubeBuilder.addBase`).
  func baseCube() throws -> ReportCube
  /// The scope's counts, and the tickets it keeps whole, each list oldest first.
  func window(_ scope: CubeScope) throws -> CubeBuilder
}

extension Configuration {
  func cubeBuilder() -> CubeBuilder {
    CubeBuilder(
      timeZone: timeZone, slaHours: slaHours, exclusion: canaryExclusion,
      dimensions: concentrationDimensions, slices: slices)
  }
}

/// The cube from the store: aggregate queries for the counts over every period, one pass of a
/// cursor over the scope's periods for the rest (hours and weekdays in the configured zone, the
/// words of unclassified complaints and resolution times are computed as the tickets go by, none
/// held).
///
/// The dimension counts of the periods before the reported one are read from the store's
/// summaries of them when those still hold (`DimensionSummaries`), and stored for the next report
/// when they do not. A period of the Pareto and recurrence window whose summary holds is then
/// read only for its customers, summed by SQLite, and its complaints still open at the reported
/// period's end, a few: its tickets are not read one by one.
struct StoreFeed: ReportFeed {
  let store: Store
  let configuration: Configuration
  /// The periods' fingerprints, from `baseCube`.
  private let fingerprints = Fingerprints()

  func baseCube() throws -> ReportCube {
    let exclusion = configuration.canaryExclusion
    let granularity = configuration.granularity
    var cube = ReportCube()
    let counts = try store.baseCounts(granularity: granularity, excluding: exclusion)
    fingerprints.set(counts.fingerprints)
    for count in counts.cells {
      cube.add(
        .cell, [count.period.description] + CubeBuilder.cellFields(count.cell), count: count.count
      )
    }
    for count in counts.issues {
      let issue = String(count.issueKey.dropFirst(count.cell.category.rawValue.count + 1))
      cube.add(
        .issue, [count.period.description] + CubeBuilder.cellFields(count.cell) + [issue],
        count: count.count)
    }
    if !configuration.slices.isEmpty {
      for count in try store.sliceCounts(granularity: granularity, excluding: exclusion) {
        for slice in configuration.slices {
          cube.add(
            .slice,
            CubeBuilder.sliceFields(
              slice, period: count.period.description, value: slice.value(count),
              system: count.system, file: count.file), count: count.count)
        }
      }
    }
    for (file, contents) in counts.files {
      for (line, counts) in contents {
        cube.add(.file, [file, line, "tickets"], count: counts.tickets)
        if counts.resolved > 0 {
          cube.add(.file, [file, line, "resolved"], count: counts.resolved)
        }
      }
    }
    for (period, counts) in counts.emptyText {
      cube.add(.emptyText, [period, "all"], count: counts.total)
      if counts.empty > 0 { cube.add(.emptyText, [period, "empty"], count: counts.empty) }
    }
    return cube
  }

  func window(_ scope: CubeScope) throws -> CubeBuilder {
    guard let reported = scope.period else { return configuration.cubeBuilder() }
    let summaries = DimensionSummaries(
      store: store, configuration: configuration, scope: scope,
      fingerprints: fingerprints.get())
    // The window's earlier periods whose dimensions need no reading (a summary holds them, or
    // they are outside the concentration baseline): tallied, not read. Not with canary id
    // patterns: a ticket read whole is also left out by `TicketExclusion.glob`, which SQLite's
    // GLOB does not match on every id (a literal `[`, a `?` over a decomposed letter; the
    // hostile tester's w2), and the tally's sums know only SQLite's.
    let canTally = configuration.canaryExclusion.idPatterns.isEmpty
    let tallied = scope.window.subtracting([reported]).filter {
      canTally && (summaries.summarized.contains($0) || !scope.dimensionPeriods.contains($0))
    }.sorted()
    // Read: every period but those whose dimensions come from a summary and that are outside
    // the window or tallied.
    let periods = scope.window.union(scope.dimensionPeriods).union([reported])
      .subtracting(summaries.summarized.subtracting(scope.window)).subtracting(tallied).sorted()
    // Read on two threads into two builders whose cubes merge into the cube of them all. Each
    // reads its own periods first (`plan`); when the reported period outweighs the rest (its
    // texts are read and searched), the first reads the rest and both then take the reported
    // period's pieces in turn until none is left, so that neither waits on the other longer
    // than a piece takes, whatever the weights or the machine's other work. The tallied periods
    // go with the first.
    let counts = try store.ticketCounts(in: periods + tallied)
    let talliedTickets = tallied.reduce(0) { $0 + (counts[$1] ?? 0) }
    let plan = Self.plan(
      periods, weights: counts, reported: reported, tallied: talliedTickets,
      threads: ProcessInfo.processInfo.activeProcessorCount)
    let pieces = Pieces(
      of: reported, count: plan.sharesReported ? counts[reported] ?? 0 : 0, store: store)
    let results = ResultSlots<CubeBuilder, any Error>(count: plan.own.count)
    let (store, configuration) = (store, configuration)
    let minimum = configuration.recurrence.repeatCustomerMin
    let threshold = configuration.pareto.threshold
    DispatchQueue.concurrentPerform(iterations: plan.own.count) { index in
      var builder = configuration.cubeBuilder()
      builder.customers = CustomerTally(scope, minimum: minimum, threshold: threshold)
      // Room for what the thread may keep, so that lists of large tickets and the customers'
      // table are not grown and copied as they fill (room not filled is never touched).
      let read = plan.own[index] + (plan.sharesReported ? [reported] : [])
      builder.customers.reserve(
        read.filter(scope.window.contains).reduce(0) { $0 + (counts[$1] ?? 0) }
          + (index == 0 ? talliedTickets : 0))
      if !scope.listedCells.isEmpty, read.contains(reported) {
        builder.listed.reserveCapacity(counts[reported] ?? 0)
      }
      do {
        if index == 0 { try Self.tally(tallied, into: &builder, scope, store, configuration) }
        try store.forEachTicket(
          in: plan.own[index], excluding: configuration.canaryExclusion, textOnlyIn: reported
        ) { builder.addWindow($0, scope) }
        while let piece = try pieces.next() {
          try store.forEachTicket(
            in: [reported], excluding: configuration.canaryExclusion, textOnlyIn: reported,
            fromRow: piece.from, beforeRow: piece.before
          ) { builder.addWindow($0, scope) }
        }
        results.set(index, .success(builder))
      } catch {
        results.set(index, .failure(error))
      }
    }
    // Taken out of their slots, so that each builder is changed in place and not copied whole
    // at the first change.
    var builders = try (0..<plan.own.count).map { try results.take($0) }
    // A value spelled two ways (canonically equivalent) is spelled alike by every builder
    // before any is folded, by the spelling whose bytes sort first of all they met: which
    // thread read which piece then changes no byte of the report.
    var least: [String: String] = [:]
    for builder in builders { builder.spellings(into: &least) }
    let spelled = least
    builders.withUnsafeMutableBufferPointer { all in
      // Each respelled and folded on its own thread, as the threads read them.
      nonisolated(unsafe) let all = all
      DispatchQueue.concurrentPerform(iterations: all.count) { index in
        all[index].respell(spelled)
        all[index].foldWindow()
      }
    }
    var builder = builders.removeFirst()
    while !builders.isEmpty {
      var later = builders.removeFirst()
      builder.cube.merge(later.cube)
      builder.customers.merge(later.customers)
      Self.append(&later.listed, to: &builder.listed)
      Self.append(&later.open, to: &builder.open)
      // What is left of it (its counts, and the tickets copied out of it) is freed on another
      // thread: 0.02 s of this one in the bench's month.
      FreedAside.free(later)
    }
    // The customers' two tables are finished on other threads while this one puts the kept
    // tickets in order and adds the summaries' counts: the two share nothing. One after the
    // other, the finishing kept one core of two idle once its shorter table was done, and the
    // sorting and the summaries kept the other idle (0.1 s of the bench's month). The tally
    // moved out of the builder is the closure's alone, so that it is finished in place.
    nonisolated(unsafe) var customers = CustomerTally()
    swap(&customers, &builder.customers)
    let finished = MadeAside { () -> Result<CustomerTally, PlaintError> in
      Result { () throws(PlaintError) in
        try customers.finish()
        return customers
      }
    }
    // Oldest first (the store gives them in the order they were stored).
    Self.sortOldestFirst(&builder.listed)
    Self.sortOldestFirst(&builder.open)
    builder.canaries = try store.tickets(matching: configuration.canaryExclusion)
    summaries.storeMissing(from: builder.cube)
    summaries.add(to: &builder, except: Set(periods))
    builder.customers = try finished.wait().get()
    return builder
  }

  /// What the window's tallied periods add, as reading their tickets would: their customers'
  /// complaints (from the store's sums), and their complaints still open past the SLA at the
  /// reported period's end (read whole, the only ones of them kept). Their dimensions come from
  /// their summaries (`DimensionSummaries.add`).
  static func tally(
    _ periods: [Period], into builder: inout CubeBuilder, _ scope: CubeScope, _ store: Store,
    _ configuration: Configuration
  ) throws {
    guard let reported = scope.period, !periods.isEmpty else { return }
    for count in try store.customerCounts(in: periods, excluding: configuration.canaryExclusion) {
      builder.customers.add(
        period: count.period.description, customer: count.customer,
        category: count.cell.category, issue: count.issue,
        keyAccount: count.cell.tier == .keyAccount, count: count.count)
    }
    guard scope.measuredFiles != nil, configuration.slaHours != nil else { return }
    let end = reported.next(in: configuration.timeZone).start(in: configuration.timeZone)
    try store.forEachTicket(
      in: periods, excluding: configuration.canaryExclusion, textOnlyIn: reported, openAt: end
    ) { builder.keep($0, scope) }
  }

  /// What each thread reading the window reads first (`own`, a list of periods each), and
  /// whether the threads then share the reported period's pieces (`Pieces`).
  struct WindowPlan: Equatable {
    var own: [[Period]]
    var sharesReported = false
  }

  /// What a ticket of the reported period, one of another period read, and one of a tallied
  /// period weigh (`plan`, `halves`): 15, 10 and 2. Measured on the bench's month (`perf
  /// record`, samples per thread in the window pass), a reported ticket, whose text is read,
  /// folded and cut into terms, took 1.4 times as long as another. SQLite sums a tallied
  /// period's customers in about a fifth of the time its tickets took to read.
  static let weights = (reported: 15, other: 10, tallied: 2)

  /// How `periods` (sorted) are read by `threads`: when the reported period (the last)
  /// weighs more than the others together, the first thread reads the others and the reported
  /// period is shared; otherwise each of at most two threads reads one run of `halves`. One
  /// thread reads everything alone. Every period is read once, by one thread or in pieces.
  ///
  /// `tallied` tickets (of the tallied periods, summed with the first thread) weigh on it.
  static func plan(
    _ periods: [Period], weights: [Period: Int], reported: Period, tallied: Int = 0,
    threads: Int = 2
  ) -> WindowPlan {
    guard threads > 1 else { return WindowPlan(own: [periods]) }
    let heavy = (weights[reported] ?? 0) * Self.weights.reported
    let others = periods.dropLast()
    let light =
      others.reduce(0) { $0 + (weights[$1] ?? 0) } * Self.weights.other
      + tallied * Self.weights.tallied
    guard periods.last == reported, heavy > light else {
      return WindowPlan(
        own: halves(
          periods, weights: weights, heavier: reported, head: tallied * Self.weights.tallied))
    }
    return WindowPlan(own: [Array(others), []], sharesReported: true)
  }

  /// The reported period's pieces, handed out one at a time to whichever thread asks; the
  /// first to ask cuts the period (`Store.cuts(of:every:)`), into 16 pieces or pieces of 256
  /// tickets, whichever are larger. A piece is read from its first row and before the next
  /// piece's (nil: from the period's first ticket, or to its last). No piece when `count` is 0.
  final class Pieces: @unchecked Sendable {
    private let lock = NSLock()
    private let period: Period
    private let count: Int
    private let store: Store
    private var cuts: [Int64]?
    private var handedOut = 0

    init(of period: Period, count: Int, store: Store) {
      self.period = period
      self.count = count
      self.store = store
    }

    func next() throws -> (from: Int64?, before: Int64?)? {
      lock.lock()
      defer { lock.unlock() }
      guard count > 0 else { return nil }
      if cuts == nil {
        cuts = try store.cuts(of: period, every: max(256, (count + 15) / 16))
      }
      let cuts = self.cuts ?? []
      guard handedOut <= cuts.count else { return nil }
      defer { handedOut += 1 }
      return (
        handedOut == 0 ? nil : cuts[handedOut - 1],
        handedOut == cuts.count ? nil : cuts[handedOut]
      )
    }
  }

  /// `list` then `tickets`, in `list`; `tickets` is left as it may. Only the shorter list's
  /// tickets are copied, one by one: the longer one's storage is kept and its tickets moved.
  static func append(_ tickets: inout [ClassifiedTicket], to list: inout [ClassifiedTicket]) {
    if list.count >= tickets.count {
      list += tickets
    } else {
      tickets.insert(contentsOf: list, at: 0)
      swap(&list, &tickets)
    }
  }

  static func isOldestFirst(_ tickets: [ClassifiedTicket]) -> Bool {
    tickets.withUnsafeBufferPointer { all in
      guard let first = all.baseAddress else { return true }
      return all.indices.dropFirst().allSatisfy { !oldestFirst(first + $0, first + $0 - 1) }
    }
  }

  /// `tickets` put oldest first: their positions are sorted, then the tickets moved into place
  /// by swaps along each cycle of the permutation (sorting the tickets themselves moved each of
  /// them many times, and copying them into a new list retained and released all their texts).
  /// They are compared where they lie, through pointers: a ticket passed to the comparison out
  /// of the buffer was copied whole, each of its texts retained and released (the bench's
  /// month: 0.04 s of one core).
  static func sortOldestFirst(_ tickets: inout [ClassifiedTicket]) {
    guard !isOldestFirst(tickets) else { return }
    // `order[at]`: the position the ticket that goes to `at` is at now.
    var order = tickets.withUnsafeBufferPointer { all in
      guard let first = all.baseAddress else { return [Int]() }
      return all.indices.sorted { oldestFirst(first + $0, first + $1) }
    }
    tickets.withUnsafeMutableBufferPointer { all in
      for start in order.indices where order[start] != start {
        var at = start
        while order[at] != start {
          let from = order[at]
          all.swapAt(at, from)
          order[at] = at
          at = from
        }
        order[at] = at
      }
    }
  }

  /// `periods` (sorted) cut into at most two runs of about equal weight, by tickets per period;
  /// `heavier` weighs 15 to the others' 10 (`weights`), and the first run carries `head` more.
  static func halves(
    _ periods: [Period], weights: [Period: Int], heavier: Period, head: Int = 0
  ) -> [[Period]] {
    func weight(_ period: Period) -> Int {
      (weights[period] ?? 0) * (period == heavier ? Self.weights.reported : Self.weights.other)
    }
    let total = head + periods.reduce(0) { $0 + weight($1) }
    guard periods.count > 1, total > 0 else { return [periods] }
    // The cut (before period `at`) whose first run weighs closest to half.
    var (best, bestGap, sum) = (1, Int.max, head)
    for at in 1..<periods.count {
      sum += weight(periods[at - 1])
      let gap = abs(2 * sum - total)
      if gap < bestGap { (best, bestGap) = (at, gap) }
    }
    return [Array(periods[..<best]), Array(periods[best...])]
  }
}

/// The order SQLite's `ORDER BY created, system, id` gives (text compared by its bytes).
func oldestFirst(_ a: ClassifiedTicket, _ b: ClassifiedTicket) -> Bool {
  if a.ticket.created != b.ticket.created { return a.ticket.created < b.ticket.created }
  return Ticket.keyPrecedes(a.ticket.system, a.ticket.id, b.ticket.system, b.ticket.id)
}

/// The same, of tickets read where they lie: only the fields compared are loaded.
func oldestFirst(_ a: UnsafePointer<ClassifiedTicket>, _ b: UnsafePointer<ClassifiedTicket>) -> Bool
{
  let (created, other) = (a.pointee.ticket.created, b.pointee.ticket.created)
  if created != other { return created < other }
  return Ticket.keyPrecedes(
    a.pointee.ticket.system, a.pointee.ticket.id, b.pointee.ticket.system, b.pointee.ticket.id)
}

/// The cube from reduced partials, read as sorted streams: one pass settles the accounting and
/// counts over every period, a second builds the scope's counts and keeps its few tickets.
/// Memory holds the counts and those tickets, never the partials.
///
/// Partials that hold summary lines (`plaint summarize`, merged by `plaint reduce`) already
/// hold the counts: their ticket lines are the few a report keeps (`plaint select`), and the
/// second pass reads only the summary entries of the scope's periods.
struct PartialsFeed: ReportFeed {
  let paths: [String]
  let configuration: Configuration
  var base: ReportCube? = nil
  /// Whether the partials hold summary lines (known after `settle`).
  var summarized = false
  /// The periods a summary was built for alone (`plaint summarize --period`), if any.
  var summarizedFor: Set<String> = []

  private func stream() throws -> SortedPartials {
    var inputs: [PartialInput] = []
    for path in paths { inputs.append(try PartialInput.file(path)) }
    return try SortedPartials(inputs)
  }

  /// Each file's accounting and rejects, as `run` would have stored them, and the counts over
  /// every period.
  mutating func settle() throws -> (sources: [RestoredSource], cube: ReportCube) {
    var builder = configuration.cubeBuilder()
    var sorted = try stream()
    var summarized = false
    var summarizedFor: Set<String> = []
    let sources = try Settlement.settle(
      &sorted,
      onTicket: { item, leftOut in
        if !summarized { builder.addBase(item, textLeftOut: leftOut) }
      },
      onSummary: { entry in
        summarized = true
        switch entry.kind {
        case .cell, .issue, .slice, .file, .emptyText:
          builder.add(entry.kind, entry.key, value: entry.value)
        case .summarizedFor: summarizedFor.insert(entry.key.first ?? "")
        default: break
        }
      })
    self.summarized = summarized
    self.summarizedFor = summarizedFor
    return (sources, builder.cube)
  }

  func baseCube() throws -> ReportCube {
    if let base { return base }
    var feed = self
    return try feed.settle().cube
  }

  /// Fails when the summary was built for another period alone than the report's.
  func check(_ period: Period?) throws {
    guard !summarizedFor.isEmpty, summarizedFor != [period?.description ?? ""] else { return }
    throw PlaintError(
      .usage,
      "the summary was built for \(summarizedFor.sorted().joined(separator: ", ")) alone (plaint summarize --period): report that period, or summarize without --period"
    )
  }

  func window(_ scope: CubeScope) throws -> CubeBuilder {
    try check(scope.period)
    var builder = configuration.cubeBuilder()
    builder.customers = CustomerTally(
      scope, minimum: configuration.recurrence.repeatCustomerMin,
      threshold: configuration.pareto.threshold)
    var sorted = try stream()
    let summarized = summarized
    _ = try Settlement.settle(
      &sorted,
      onTicket: { item, leftOut in
        if leftOut, item.period == scope.period {
          throw ScaleOut.textLeftOut(item)
        }
        // Only the reported period's texts are read; the others are dropped as the store's
        // cursor drops them.
        var item = item
        if let reported = scope.period, item.period != reported { item.ticket.text = "" }
        if summarized { builder.keep(item, scope) } else { builder.addWindow(item, scope) }
      },
      onSummary: { entry in
        if entry.kind == .customer {
          // Sorted by key, so by customer: each is finished when the next begins.
          builder.customers.addSorted(entry.key, count: entry.value.count)
        } else if scope.holds(entry.kind, period: entry.key.first ?? "") {
          builder.add(entry.kind, entry.key, value: entry.value)
        }
      })
    try builder.customers.finish()
    // Oldest first, as the store orders them.
    builder.listed.sort(by: oldestFirst)
    builder.open.sort(by: oldestFirst)
    builder.canaries.sort(by: oldestFirst)
    return builder
  }
}
