import Foundation
import PlaintCore
import PlaintStore

/// The cluster's side of the cube (docs/scale-out.md): `plaint summarize` turns sorted partials
/// (map's, or reduced) into summary lines, and, given the period, the few ticket lines its report
/// may show whole; `plaint reduce` merges the summary lines by key. Without the period, `plaint
/// report --plan` names what the report reads closer and `plaint select` picks those tickets.
extension ScaleOut {
  /// The settled tickets of sorted partial lines (the lines of one key are merged here, as
  /// `reduce` merges them), each with its copies in files `run` skips (an identical earlier file)
  /// left out. Which files those are comes from `files` (file → sha256, from the tasks), else
  /// from `accounting` (every file's `A` lines), else from the input's own `A` lines (they sort
  /// first). Accounting and reject lines go to `passing`.
  static func settledTickets(
    accounting: PartialInput?, files: [Int: String]? = nil, input: PartialInput,
    passing: (PartialGroup) throws(PlaintError) -> Void,
    onTicket: (TicketPartial, PartialGroup) throws(PlaintError) -> Void
  ) throws(PlaintError) {
    var ranges: [Int: AccountingPartial] = [:]
    func addAccounting(_ group: PartialGroup) throws(PlaintError) {
      if case .accounting(let partial) = try group.decoded() {
        ranges[partial.file] = ranges[partial.file].map { $0.merged(with: partial) } ?? partial
      }
    }
    if let accounting {
      var lines = try SortedPartials([accounting])
      try lines.forEachGroup { group throws(PlaintError) in try addAccounting(group) }
    }
    var skipped: [Int: Int]? =
      files.map(Settlement.skippedFiles)
      ?? (accounting == nil ? nil : Settlement.skippedFiles(ranges))
    let known = skipped != nil
    var sorted = try SortedPartials([input])
    try sorted.forEachGroup { group throws(PlaintError) in
      guard group.key?.first == "T" else {
        if !known, group.key?.first == "A" { try addAccounting(group) }
        try passing(group)
        return
      }
      let known = skipped ?? Settlement.skippedFiles(ranges)
      skipped = known
      guard case .ticket(var partial) = try group.decoded() else { return }
      for file in known.keys { partial.occurrences[file] = nil }
      guard !partial.occurrences.isEmpty else { return }
      try onTicket(partial, group)
    }
  }

  /// How many tickets `summarize` counts before it writes out what it holds and starts afresh:
  /// its memory is bounded by this, not by the partition (summary lines of one key add up
  /// wherever they are).
  static let summaryFlushTickets = 50_000

  /// Summary lines of sorted partials (map's, or reduced): the cube entries of their tickets
  /// (every period's, or through `period` as `CubeScope.summary(through:)` says), the settled
  /// copies per file, and the accounting and reject lines as they came. Written every
  /// `summaryFlushTickets` tickets, in no order: sort them before `plaint reduce`.
  ///
  /// With `windowTickets` (and `period`), it also writes the ticket lines a report of `period`
  /// may show whole (`CubeBuilder.mayKeep`): the small partial of the judged window, so that no
  /// later step reads the ticket lines again. `tasks` (the lines `plaint shard` printed) names
  /// the files identical to an earlier one, in place of `accounting`.
  public static func summarize(
    configurationPath: String, period: String? = nil, accounting: PartialInput?,
    tasks: String? = nil, windowTickets: Bool = false, input: PartialInput,
    output: PartialWriter
  ) throws(PlaintError) {
    let configuration = try Configuration.load(path: configurationPath)
    var through: Period?
    if let period {
      guard let parsed = Period(period), parsed.granularity == configuration.granularity else {
        throw PlaintError(
          .usage, "--period \(period): expected a period of the config's granularity")
      }
      through = parsed
    }
    if windowTickets, through == nil {
      throw PlaintError(.usage, "--window-tickets needs --period: the window is that period's")
    }
    let windowStart = through.map {
      Self.windowStart(
        through: $0, length: configuration.reportWindowLength, timeZone: configuration.timeZone)
    }
    let scope = CubeScope.summary(through: through, from: windowStart)
    var builder = configuration.cubeBuilder()
    let files = try tasks.map(Self.fileDigests)
    var held = 0
    // Written as they are held, unsorted: every consumer sorts them by key before merging.
    func flush() {
      let cube = builder.cube
      for kind in ReportCube.Kind.allCases {
        for (key, value) in cube[kind] {
          output.write(PartialLine.summary(SummaryPartial(kind: kind, key: key, value: value)))
        }
      }
      builder.cube = ReportCube()
      held = 0
    }
    if let through { builder.add(.summarizedFor, [through.description]) }
    try settledTickets(
      accounting: accounting, files: files, input: input,
      passing: { group throws(PlaintError) in output.write(group) },
      onTicket: { partial, group throws(PlaintError) in
        if windowTickets, let through, let windowStart,
          builder.mayKeep(partial.ticket, reported: through, windowStart: windowStart)
        {
          output.write(group)
        }
        builder.add(.settled, [String(partial.winner.file), "accepted"])
        for (file, count) in partial.occurrences {
          let copies = count - (file == partial.winner.file ? 1 : 0)
          if copies > 0 { builder.add(.settled, [String(file), "duplicates"], count: copies) }
        }
        if partial.textLeftOut, scope.isReported(partial.ticket.period) {
          throw textLeftOut(partial.ticket)
        }
        builder.addBase(partial.ticket, textLeftOut: partial.textLeftOut)
        builder.addWindow(partial.ticket, scope)
        held += 1
        if held >= summaryFlushTickets { flush() }
      })
    flush()
  }

  /// The error for a ticket whose text a step needs but its partial line left out: the map
  /// lines were written for another period (`plaint map --period`).
  static func textLeftOut(_ item: ClassifiedTicket) -> PlaintError {
    PlaintError(
      .usage,
      "ticket \(item.ticket.system):\(item.ticket.id) (\(item.period)): its text was left out by plaint map --period, which was given another period; map again with this period, or without --period"
    )
  }

  /// The first period of a report's window that a summary through `last` covers: one period
  /// more than the window's `length`, a superset whatever the calendar's weeks. Its customers
  /// are all a report of `last` reads of them, and its tickets all it may show whole.
  static func windowStart(through last: Period, length: Int, timeZone: TimeZone) -> Period {
    var start = last
    for _ in 0..<length { start = start.previous(in: timeZone) }
    return start
  }

  /// Each file's sha256 by its place in the run's order, from the task lines `plaint shard`
  /// printed (in the file at `path`).
  static func fileDigests(_ path: String) throws(PlaintError) -> [Int: String] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw PlaintError(.noInput, "\(path): file not found")
    }
    var digests: [Int: String] = [:]
    for (index, line) in ScaleOut.lines(of: data).enumerated() where !line.isEmpty {
      guard let task = try? JSONDecoder().decode(ShardTask.self, from: Data(line.utf8)) else {
        throw PlaintError(.dataError, "\(path):\(index + 1): not a task line of plaint shard")
      }
      digests[task.file] = task.sha256
    }
    return digests
  }

  /// The ticket lines of sorted partials (map's, or reduced) that a report's scope keeps whole (`plan`,
  /// written by `plaint report --from-partials DIR --plan FILE`): canaries, the listed cells'
  /// complaints, those open past the SLA.
  public static func select(
    configurationPath: String, plan: Data, accounting: PartialInput?, tasks: String? = nil,
    input: PartialInput, output: PartialWriter
  ) throws(PlaintError) {
    let configuration = try Configuration.load(path: configurationPath)
    let builder = configuration.cubeBuilder()
    guard let decoded = try? JSONDecoder().decode(ScopePlan.self, from: plan),
      let scope = decoded.scope
    else {
      throw PlaintError(.dataError, "the plan is not one plaint report --plan wrote")
    }
    try settledTickets(
      accounting: accounting, files: try tasks.map(Self.fileDigests), input: input,
      passing: { _ throws(PlaintError) in },
      onTicket: { partial, group throws(PlaintError) in
        let kept = builder.keeps(partial.ticket, scope)
        if kept.listed, partial.textLeftOut { throw textLeftOut(partial.ticket) }
        if kept.canary || kept.listed || kept.open { output.write(group) }
      })
  }
}

/// A report's scope as JSON, for `plaint select` on executors.
struct ScopePlan: Codable, Equatable {
  var period: String
  var window: [String]
  var dimensionPeriods: [String]
  /// category, product line, tier
  var listedCells: [[String]]
  var measuredFiles: [String]?
  /// Files of dates without a time of day; nil when none.
  var datesOnlyFiles: [String]?

  init(_ scope: CubeScope) {
    period = scope.period?.description ?? ""
    window = scope.window.map(\.description).sorted()
    dimensionPeriods = scope.dimensionPeriods.map(\.description).sorted()
    listedCells = scope.listedCells.sorted().map {
      [$0.category.rawValue, $0.productLine, $0.tier.rawValue]
    }
    measuredFiles = scope.measuredFiles?.sorted()
    datesOnlyFiles = scope.datesOnlyFiles.isEmpty ? nil : scope.datesOnlyFiles.sorted()
  }

  var scope: CubeScope? {
    guard let reported = Period(period) else { return nil }
    let window = Set(self.window.compactMap { Period($0) })
    let dimensions = Set(dimensionPeriods.compactMap { Period($0) })
    let cells = Set(
      listedCells.filter { $0.count == 3 }.compactMap {
        SeriesKey(category: $0[0], productLine: $0[1], tier: $0[2])
      })
    return CubeScope(
      period: reported, window: window, dimensionPeriods: dimensions, listedCells: cells,
      measuredFiles: measuredFiles.map(Set.init), datesOnlyFiles: Set(datesOnlyFiles ?? []))
  }
}
