import Foundation
import PlaintCore
import PlaintStore

/// The report's input: mergeable counts of the deduplicated tickets, keyed by kind and fields
/// (docs/scale-out.md). Every entry adds up: two cubes of disjoint tickets merge into the cube of
/// them all, in any grouping and order, so a cluster can build it in pieces and one machine
/// reads only it and a small set of tickets.
///
/// A new way to slice the complaints is one more kind, or one more `dimension` value: the key is
/// a list of fields, the value a count (and, for resolution times, the times themselves).
struct ReportCube: Equatable {
  /// What an entry counts. Canaries are left out of every kind but `emptyText` and `file`, as
  /// the report leaves them out of every statistic.
  enum Kind: String, CaseIterable, Comparable {
    /// period, category, product line, tier → complaints.
    case cell = "C"
    /// period, category, product line, tier, issue → complaints.
    case issue = "I"
    /// source file, product line, `tickets` or `resolved` → tickets (canaries included): what
    /// each export carries, for its coverage.
    case file = "F"
    /// period, `all` or `empty` → tickets, and those whose text is only spaces (canaries
    /// included): the check that categories did not shift with an export's missing text.
    case emptyText = "E"
    /// customer, period, category, issue, tier → complaints; the window's only. Customer first,
    /// so a sorted summary holds each customer's entries together: a report sums them as they go
    /// by into a `CustomerTally`, never holding them.
    case customer = "K"
    /// period, category, product line, tier, dimension, value → complaints; the reported and
    /// the concentration baseline's periods only. Dimensions: channel, hour, weekday, agent, and
    /// the slices read from a column.
    case dimension = "D"
    /// period, slice name, value (empty: none), file (`@system` and `@file` only) → complaints,
    /// `unassigned` included: the slice sections' Paretos and charts.
    case slice = "V"
    /// period, category, product line, tier, source file, `complaints`, `breaches` or
    /// `open_past_sla` → complaints; the reported period only.
    case resolution = "H"
    /// period, category, product line, tier, source file → the resolution times in hours
    /// (exact, sorted); the reported period only.
    case hours = "L"
    /// period, term → unclassified complaints whose text has the word or phrase; the reported
    /// period only.
    case term = "W"
    /// period → complaints without text (blank); the reported period only.
    case blank = "Q"
    /// input file (its position), `accepted` or `duplicates` → tickets: the settled copies.
    case settled = "N"
    /// period → summarize processes that counted the reported period's kinds for it alone
    /// (`plaint summarize --period`); a report of another period would lack them.
    case summarizedFor = "P"

    static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
  }

  struct Value: Equatable {
    var count = 0
    /// Sorted; only the `hours` kind has any.
    var values: [Double] = []

    mutating func add(_ other: Value) {
      count += other.count
      guard !other.values.isEmpty else { return }
      values = Self.mergeSorted(values, other.values)
    }

    static func mergeSorted(_ a: [Double], _ b: [Double]) -> [Double] {
      guard !a.isEmpty else { return b }
      guard !b.isEmpty else { return a }
      var result: [Double] = []
      result.reserveCapacity(a.count + b.count)
      var (i, j) = (0, 0)
      while i < a.count, j < b.count {
        if b[j] < a[i] {
          result.append(b[j])
          j += 1
        } else {
          result.append(a[i])
          i += 1
        }
      }
      result += a[i...]
      result += b[j...]
      return result
    }
  }

  private(set) var entries: [Kind: [[String]: Value]] = [:]

  subscript(kind: Kind) -> [[String]: Value] { entries[kind] ?? [:] }

  mutating func add(_ kind: Kind, _ key: [String], count: Int = 1) {
    entries[kind, default: [:]][key, default: Value()].count += count
  }

  mutating func add(_ kind: Kind, _ key: [String], value: Value) {
    entries[kind, default: [:]][key, default: Value()].add(value)
  }

  mutating func merge(_ other: ReportCube) {
    for (kind, theirs) in other.entries {
      // A kind only one side counted (the window's dimensions, merged into the counts over
      // every period) is taken whole: adding its entries one by one into nothing gives the same.
      guard let ours = entries[kind], !ours.isEmpty else {
        entries[kind] = theirs
        continue
      }
      for (key, value) in theirs { add(kind, key, value: value) }
    }
  }

  /// Drops the entries of `kinds` whose period (their first field) `keep` refuses.
  mutating func filter(_ kinds: Set<Kind>, period keep: (String) -> Bool) {
    for kind in kinds {
      entries[kind] = entries[kind]?.filter { keep($0.key.first ?? "") }
    }
  }
}

/// What the tickets of a report add to its cube, and which tickets it keeps whole.
///
/// The cube's counts over every period come first (`addBase`): they decide the report's period
/// and judge every cell. The scope then names the periods the report reads closer and the cells
/// whose tickets it lists (`addWindow`).
struct CubeScope: Sendable, Equatable {
  /// The reported period; nil for every period (a cluster's summary, before a period is chosen).
  var period: Period?
  /// The Pareto and recurrence window (customers).
  var window: Set<Period>
  /// The reported period and the concentration baseline's periods (dimensions).
  var dimensionPeriods: Set<Period>
  /// Cells whose tickets of the reported period the report lists (anomalies, improvements,
  /// resolved anomalies, watches).
  var listedCells: Set<SeriesKey>
  /// Files that carry resolution times; nil when no `sla_hours` asks for open complaints.
  var measuredFiles: Set<String>?
  /// Files of dates without a time of day (`SourceProfile.carriesDatesOnly`): their complaints
  /// created at midnight have no hour of the day.
  var datesOnlyFiles: Set<String> = []
  /// The Pareto window and the recurrence window (each the last periods of `window`): the
  /// customer counts the report tallies.
  var paretoWindow: Set<Period> = []
  var recurrenceWindow: Set<Period> = []

  /// A cluster's summary (`plaint summarize`), built before the report's period is judged:
  /// counts and no ticket. Through a period (the one the report will be of), the kinds read only
  /// for the reported period are counted for it alone and the others for the periods up to it
  /// (a window and a baseline never reach past it); without one, for every period.
  var summarizing = false
  var summarizedThrough: Period? = nil
  /// The first period whose customers a summary through a period counts: a report of that
  /// period reads the customers of its window only.
  var summarizedFrom: Period? = nil

  static let everyPeriod = summary(through: nil)

  static func summary(through last: Period?, from first: Period? = nil) -> CubeScope {
    var scope = CubeScope(
      period: nil, window: [], dimensionPeriods: [], listedCells: [], measuredFiles: nil)
    scope.summarizing = true
    scope.summarizedThrough = last
    scope.summarizedFrom = first
    return scope
  }

  func inWindow(_ at: Period) -> Bool {
    guard summarizing else { return window.contains(at) }
    return (summarizedThrough.map { at <= $0 } ?? true) && (summarizedFrom.map { $0 <= at } ?? true)
  }
  func hasDimensions(_ at: Period) -> Bool {
    summarizing ? summarizedThrough.map { at <= $0 } ?? true : dimensionPeriods.contains(at)
  }
  func isReported(_ at: Period) -> Bool {
    summarizing ? summarizedThrough.map { at == $0 } ?? true : period == at
  }

  /// Whether an entry of `kind` whose first field is `period` belongs to the scope.
  func holds(_ kind: ReportCube.Kind, period text: String) -> Bool {
    guard let at = Period(text) else { return false }
    switch kind {
    case .dimension: return hasDimensions(at)
    case .resolution, .hours, .term, .blank: return isReported(at)
    // Customers are tallied as they are read (`CustomerTally`), never held in the cube.
    case .cell, .issue, .slice, .file, .emptyText, .settled, .summarizedFor, .customer:
      return false
    }
  }
}

struct CubeBuilder {
  let timeZone: TimeZone
  let slaHours: Double?
  let exclusion: TicketExclusion
  /// The dimensions concentrations are looked for in (`Configuration.concentrationDimensions`).
  let dimensions: [ConcentrationDimension]
  /// The configured `slices:`, counted per value over every period.
  let slices: [Configuration.Slice]
  /// The counts, with the window's per-ticket counts folded in (`WindowTally`).
  var cube: ReportCube {
    get {
      guard !tally.isEmpty else { return counted }
      var cube = counted
      var tally = tally
      tally.fold(into: &cube)
      return cube
    }
    _modify {
      tally.fold(into: &counted)
      yield &counted
    }
    set {
      counted = newValue
      tally = WindowTally()
    }
  }
  /// Folds the window's counts into the cube's entries now: each thread of the window pass
  /// does it for its own builder, so that the merge after them does not, on one core.
  mutating func foldWindow() {
    tally.fold(into: &counted)
  }

  /// The spellings of the values this builder's window counts hold, and the same spelled as
  /// `least` spells them, before they are folded (`WindowTally.spellings`, `respell`).
  func spellings(into least: inout [String: String]) { tally.spellings(into: &least) }
  mutating func respell(_ least: [String: String]) { tally.respell(least) }
  /// The cube's entries so far, and the window's counts not yet folded into them.
  private var counted = ReportCube()
  private var tally = WindowTally()
  /// A report's customer counts (`customer` entries go here, not into `cube`, unless the scope
  /// is a summary's).
  var customers = CustomerTally()
  /// The tickets a scope keeps, cut to what the report shows of them: listed cells', open past
  /// the SLA, canaries.
  var listed: [ClassifiedTicket] = []
  var open: [ClassifiedTicket] = []
  var canaries: [ClassifiedTicket] = []
  /// The end of the last period asked for (`end(of:)`): tickets come by period, and finding a
  /// period's end in the time zone costs more than the rest of what a ticket adds.
  private var lastEnd: (period: Period, end: Date)?
  private var lastName: (period: Period, name: String)?

  init(
    timeZone: TimeZone, slaHours: Double?, exclusion: TicketExclusion,
    dimensions: [ConcentrationDimension], slices: [Configuration.Slice]
  ) {
    self.timeZone = timeZone
    self.slaHours = slaHours
    self.exclusion = exclusion
    self.dimensions = dimensions
    self.slices = slices
  }

  /// Adds to the cube's entries directly, folding nothing (the per-ticket counts of kinds the
  /// window adds nothing to: accounting, summary entries).
  mutating func add(_ kind: ReportCube.Kind, _ key: [String], count: Int = 1) {
    counted.add(kind, key, count: count)
  }

  mutating func add(_ kind: ReportCube.Kind, _ key: [String], value: ReportCube.Value) {
    counted.add(kind, key, value: value)
  }

  static func cellFields(_ cell: Cell) -> [String] {
    [cell.category.rawValue, cell.productLine, cell.tier.rawValue]
  }

  /// Counts over every period: complaints per cell and per issue, what each file carries, and
  /// the tickets without text. `textLeftOut`: the ticket's text was left out of its partial
  /// line, which map does only for a text that is not blank.
  mutating func addBase(_ item: ClassifiedTicket, textLeftOut: Bool = false) {
    // Through the tally: a ticket's entries are a few integers, not arrays of strings.
    let ticket = item.ticket
    let periodOnly = tally.prefix(item.period)
    tally.add(.emptyText, periodOnly, "all")
    if !textLeftOut, ticket.text.utf8.allSatisfy({ $0 == 0x20 }) {
      tally.add(.emptyText, periodOnly, "empty")
    }
    let file = tally.prefix(file: ticket.location.file, productLine: item.cell.productLine)
    tally.add(.file, file, "tickets")
    if ticket.resolved != nil { tally.add(.file, file, "resolved") }
    guard !exclusion.matches(ticket) else { return }
    let cell = tally.prefix(item.period, item.cell)
    tally.add(.cell, cell)
    tally.add(.issue, cell, item.issue)
    guard !slices.isEmpty else { return }
    let period = item.period.description
    for slice in slices {
      counted.add(
        .slice,
        Self.sliceFields(
          slice, period: period, value: slice.value(item), system: ticket.system,
          file: ticket.location.file))
    }
  }

  /// The key of a `slice` entry: period, slice name, the value as the report reads it (trimmed;
  /// empty when the ticket has none), and, for an `@system` or `@file` slice only, the file as
  /// the ticket records it (a value's coverage is its files' spans).
  static func sliceFields(
    _ slice: Configuration.Slice, period: String, value: String?, system: String, file: String
  ) -> [String] {
    [
      period, slice.name, value.flatMap(ConcentrationDimension.text) ?? "",
      slice.isBuiltIn ? file : "",
    ]
  }

  /// Counts of the scope's periods, and the tickets it keeps whole.
  mutating func addWindow(_ item: ClassifiedTicket, _ scope: CubeScope) {
    if exclusion.matches(item.ticket) {
      keep(item, scope)
      return
    }
    let ticket = item.ticket
    let period = name(of: item.period)
    if scope.inWindow(item.period), let customer = ticket.customer, !customer.isEmpty {
      if scope.summarizing {
        counted.add(
          .customer,
          [customer, period, item.cell.category.rawValue, item.issue, item.cell.tier.rawValue])
      } else {
        customers.add(
          period: period, customer: customer, category: item.cell.category, issue: item.issue,
          keyAccount: item.cell.tier == .keyAccount, count: 1)
      }
    }
    let hasDimensions = scope.hasDimensions(item.period)
    let isReported = scope.isReported(item.period)
    let prefix = hasDimensions || isReported ? tally.prefix(item.period, item.cell) : 0
    if hasDimensions {
      let noHour =
        !scope.datesOnlyFiles.isEmpty && scope.datesOnlyFiles.contains(ticket.location.file)
        && isMidnight(ticket.created)
      for dimension in dimensions where !(noHour && dimension.name == .hour) {
        if let value = dimension.value(item) {
          tally.add(.dimension, prefix, dimension.name.rawValue, value)
        }
      }
    }
    keep(item, scope)
    guard isReported else { return }
    if ticket.text.allSatisfy({ $0.isWhitespace || $0.isNewline }) {
      counted.add(.blank, [period])
    }
    if !item.isClassified {
      tally.addTerms(period, text: ticket.text)
    }
    addResolution(item, prefix: prefix)
  }

  /// Where the scope keeps a ticket whole: a canary; a complaint of a listed cell in the
  /// reported period; one of the window still open past the SLA at the period's end (a ticket
  /// can be both of the last two).
  func keeps(_ item: ClassifiedTicket, _ scope: CubeScope) -> (
    canary: Bool, listed: Bool, open: Bool
  ) {
    keeps(item, scope) { $0.next(in: timeZone).start(in: timeZone) }
  }

  /// The same, with the end of a period from `end`.
  private func keeps(
    _ item: ClassifiedTicket, _ scope: CubeScope, end periodEnd: (Period) -> Date
  ) -> (canary: Bool, listed: Bool, open: Bool) {
    let ticket = item.ticket
    guard let reported = scope.period else { return (false, false, false) }
    if exclusion.matches(ticket) { return (true, false, false) }
    let listed = item.period == reported && scope.listedCells.contains(SeriesKey(item.cell))
    var open = false
    if scope.window.contains(item.period), let measured = scope.measuredFiles,
      let sla = slaHours, measured.contains(ticket.location.file)
    {
      let end = periodEnd(reported)
      open =
        ticket.created < end && (ticket.resolved.map({ $0 >= end }) ?? true)
        && end.timeIntervalSince(ticket.created) / 3600 > sla
    }
    return (false, listed, open)
  }

  /// Whether a report of `reported` may show `item` whole, known before any cell is judged: a
  /// canary, any complaint of the period, or one created from `windowStart` on that is still
  /// open past the SLA at the period's end, whatever its file. For every scope of that period,
  /// `keeps` picks from these alone; the report drops the rest as it reads them.
  func mayKeep(_ item: ClassifiedTicket, reported: Period, windowStart: Period) -> Bool {
    let ticket = item.ticket
    if item.period == reported || exclusion.matches(ticket) { return true }
    guard let sla = slaHours, windowStart <= item.period, item.period <= reported else {
      return false
    }
    let end = reported.next(in: timeZone).start(in: timeZone)
    return ticket.created < end && (ticket.resolved.map({ $0 >= end }) ?? true)
      && end.timeIntervalSince(ticket.created) / 3600 > sla
  }

  /// Keeps `item` where the scope keeps it, with no more of its text than the report shows: an
  /// anomaly's tickets are listed with their first 200 characters, the others without text.
  mutating func keep(_ item: ClassifiedTicket, _ scope: CubeScope) {
    var ends = lastEnd
    let kept = keeps(item, scope) { period in
      if let known = ends, known.period == period { return known.end }
      let end = period.next(in: timeZone).start(in: timeZone)
      ends = (period, end)
      return end
    }
    lastEnd = ends
    guard kept.canary || kept.listed || kept.open else { return }
    var item = item
    item.ticket.text = kept.listed ? item.ticket.text.excerpt(200) : ""
    if kept.canary { canaries.append(item) }
    if kept.listed { listed.append(item) }
    if kept.open { open.append(item) }
  }

  /// Whether `date` is midnight to the second in the time zone: a date read without a time of
  /// day.
  private func isMidnight(_ date: Date) -> Bool {
    let local = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
    return local == (local / 86_400).rounded(.down) * 86_400
  }

  /// A period's name; tickets come by period, so the last one is kept.
  private mutating func name(of period: Period) -> String {
    if let known = lastName, known.period == period { return known.name }
    let name = period.description
    lastName = (period, name)
    return name
  }

  /// The start of the period after `period`, in the time zone.
  private mutating func end(of period: Period) -> Date {
    if let known = lastEnd, known.period == period { return known.end }
    let end = period.next(in: timeZone).start(in: timeZone)
    lastEnd = (period, end)
    return end
  }

  /// A complaint breaches the SLA when it was resolved later than `sla_hours` after creation, or
  /// is still unresolved and older than that at the end of its period.
  private mutating func addResolution(_ item: ClassifiedTicket, prefix: Int32) {
    let ticket = item.ticket
    let file = ticket.location.file
    let sla = slaHours ?? .infinity
    let periodEnd = end(of: item.period)
    tally.add(.resolution, prefix, file, "complaints")
    var breach = false
    var openPast = false
    if let resolved = ticket.resolved {
      let hours = resolved.timeIntervalSince(ticket.created) / 3600
      if hours >= 0 { tally.addHours(prefix, file: file, hours) }
      breach = hours > sla
      openPast = resolved >= periodEnd && periodEnd.timeIntervalSince(ticket.created) / 3600 > sla
    } else if periodEnd.timeIntervalSince(ticket.created) / 3600 > sla {
      breach = true
      openPast = true
    }
    if breach { tally.add(.resolution, prefix, file, "breaches") }
    if openPast { tally.add(.resolution, prefix, file, "open_past_sla") }
  }
}

extension ReportCube {
  /// The fields of an `issue` entry: period, category, product line, tier, issue.
  struct IssueFields {
    let key: [String]
    init(_ key: [String]) { self.key = key }
    var category: String { key[1] }
    var productLine: String { key[2] }
    var cell: String { "\(key[1])/\(key[2])/\(key[3])" }
    var issueKey: String { "\(key[1]).\(key[4])" }
  }

  /// The cell counts as the grid reads them.
  func cellCounts(granularity: Granularity) -> [CellCount] {
    self[.cell].compactMap { key, value in
      guard let period = Period(key[0]), period.granularity == granularity,
        let category = Category(rawValue: key[1]), let tier = Tier(rawValue: key[3])
      else { return nil }
      return CellCount(
        period: period, cell: Cell(category: category, productLine: key[2], tier: tier),
        count: value.count)
    }
  }

  /// What the tickets kept from each file hold, for its coverage.
  var fileContents: [String: FileContents] {
    var contents: [String: FileContents] = [:]
    for (key, value) in self[.file] {
      if key[2] == "tickets" {
        contents[key[0], default: FileContents()].productLines.insert(key[1])
        contents[key[0], default: FileContents()].tickets += value.count
      } else {
        contents[key[0], default: FileContents()].resolved += value.count
      }
    }
    return contents
  }
}

/// The sums of a merged cube the report reads, for its period.
struct CubeCounts {
  let cube: ReportCube
  let period: Period
  /// Complaints per cell in the period, `unassigned` included.
  let current: [SeriesKey: Int]
  /// Complaints per issue key, per cell, in the period.
  private let currentIssues: [SeriesKey: [String: Int]]

  init(cube: ReportCube, period: Period) {
    self.cube = cube
    self.period = period
    let name = period.description
    var current: [SeriesKey: Int] = [:]
    for (key, value) in cube[.cell] where key[0] == name {
      guard let cell = Self.cell(key) else { continue }
      current[cell, default: 0] += value.count
    }
    self.current = current
    var issues: [SeriesKey: [String: Int]] = [:]
    for (key, value) in cube[.issue] where key[0] == name {
      guard let cell = Self.cell(key) else { continue }
      issues[cell, default: [:]]["\(key[1]).\(key[4])", default: 0] += value.count
    }
    currentIssues = issues
  }

  /// The cell of an entry whose fields are period, category, product line, tier, ….
  static func cell(_ key: [String]) -> SeriesKey? {
    SeriesKey(category: key[1], productLine: key[2], tier: key[3])
  }

  /// Counts of `kind` in `periods` (the first field), summed by `key`; nil keys are left out.
  func sum(_ kind: ReportCube.Kind, _ periods: Set<String>, by key: ([String]) -> String?)
    -> [String: Int]
  {
    var sums: [String: Int] = [:]
    for (fields, value) in cube[kind] where periods.contains(fields[0]) {
      if let name = key(fields) { sums[name, default: 0] += value.count }
    }
    return sums
  }

  func cells(_ at: Period) -> [SeriesKey: Int] {
    guard at != period else { return current }
    var counts: [SeriesKey: Int] = [:]
    for (key, value) in cube[.cell] where key[0] == at.description {
      guard let cell = Self.cell(key) else { continue }
      counts[cell, default: 0] += value.count
    }
    return counts
  }

  /// Complaints per issue key (`category.issue`) of one cell in one period.
  func issues(_ at: Period, cell: SeriesKey) -> [String: Int] {
    guard at != period else { return currentIssues[cell] ?? [:] }
    var counts: [String: Int] = [:]
    for (key, value) in cube[.issue]
    where key[0] == at.description && key[1] == cell.category.rawValue
      && key[2] == cell.productLine && key[3] == cell.tier.rawValue
    {
      counts["\(key[1]).\(key[4])", default: 0] += value.count
    }
    return counts
  }

  /// Complaints of one cell per value of one dimension, over `periods`.
  func values(_ cell: SeriesKey, _ dimension: String, in periods: Set<String>) -> [String: Int] {
    var counts: [String: Int] = [:]
    for (key, value) in cube[.dimension]
    where periods.contains(key[0]) && key[1] == cell.category.rawValue
      && key[2] == cell.productLine && key[3] == cell.tier.rawValue && key[4] == dimension
    {
      counts[key[5], default: 0] += value.count
    }
    return counts
  }

  /// The counts of one slice as the store's `sliceCounts` gives them: per period, the value
  /// and, for `@system` and `@file`, the file.
  func sliceCounts(_ slice: Configuration.Slice, granularity: Granularity) -> [SliceCount] {
    cube[.slice].compactMap { key, value in
      guard key[1] == slice.name, let at = Period(key[0]), at.granularity == granularity else {
        return nil
      }
      return SliceCount(
        period: at, system: slice.column == "@system" ? key[2] : "",
        file: key[3],
        slices: slice.isBuiltIn ? [:] : [slice.name: key[2]], count: value.count)
    }
  }

  var complaints: Int { current.values.reduce(0, +) }

  var unclassified: Int {
    cube[.issue].reduce(0) { total, entry in
      entry.key[0] == period.description && entry.key[4] == ClassifiedTicket.unclassified
        ? total + entry.value.count : total
    }
  }

  /// Complaints whose text is blank.
  var blank: Int { cube[.blank][[period.description]]?.count ?? 0 }

  /// Unclassified complaints per word or phrase of their text.
  var terms: [String: Int] {
    var terms: [String: Int] = [:]
    for (key, value) in cube[.term] where key[0] == period.description {
      terms[key[1], default: 0] += value.count
    }
    return terms
  }
}
