import Foundation
import PlaintCore
import PlaintStore

/// The dimension counts (channel, hour, weekday, agent, slices per cell) of the periods before
/// the reported one, the concentration baseline's, taken from the store's summaries of those
/// periods instead of their tickets. A baseline period outside the Pareto and recurrence window
/// is then not read at all; one inside it is read only for what the summary does not hold, its
/// customers (summed by SQLite, `Store.customerCounts`) and its complaints still open at the
/// reported period's end (`StoreFeed.window`).
///
/// A period's summary is used only when it was counted from tickets with the period's present
/// fingerprint (`BaseCounts.fingerprints`, read in the report's pass over every ticket) and under
/// the present settings; otherwise the tickets are read as before and the summary is stored
/// anew. A late file adding rows to an old period, a file read again, a reclassification, a
/// taxonomy or time-zone change each change a fingerprint or the settings, so a summary never
/// outlives the tickets it counted (docs/statistics.md). The report's bytes are the same either
/// way (`DimensionSummaryTests`).
struct DimensionSummaries {
  static let kind = "dimension"

  let store: Store
  let settings: String
  let fingerprints: [String: String]
  /// The periods whose dimensions the report counts, and the valid stored summaries of those
  /// before the reported period.
  let dimensionPeriods: Set<Period>
  private let valid: [Period: [[String]]]
  /// The periods whose stored summary holds (or that have no tickets).
  private let current: Set<Period>

  /// The periods whose counts come from a stored summary (their tickets need no reading).
  var summarized: Set<Period> { Set(valid.keys) }

  /// Without fingerprints (a feed whose base cube was not read), no summary is used or stored.
  init(
    store: Store, configuration: Configuration, scope: CubeScope, fingerprints: [String: String]?
  ) {
    self.store = store
    self.fingerprints = fingerprints ?? [:]
    settings = Self.settings(configuration, datesOnly: scope.datesOnlyFiles)
    guard let reported = scope.period, fingerprints != nil else {
      dimensionPeriods = []
      valid = [:]
      current = []
      return
    }
    dimensionPeriods = scope.dimensionPeriods
    var valid: [Period: [[String]]] = [:]
    var current: Set<Period> = []
    var toDecode: [(period: Period, counts: Data)] = []
    // A summary that cannot be read is counted again from the tickets.
    let stored =
      (try? store.periodSummaries(
        kind: Self.kind, periods: dimensionPeriods.map(\.description))) ?? [:]
    for period in dimensionPeriods {
      let text = period.description
      guard let fingerprint = self.fingerprints[text] else {
        // No tickets: nothing to count, read or store.
        current.insert(period)
        if period != reported { valid[period] = [] }
        continue
      }
      guard let summary = stored[text], summary.settings == settings,
        summary.fingerprint == fingerprint
      else { continue }
      guard period != reported else {
        current.insert(period)
        continue
      }
      toDecode.append((period, summary.counts))
    }
    for (summary, entries) in zip(toDecode, Self.decoded(toDecode.map(\.counts))) {
      guard let entries else { continue }
      current.insert(summary.period)
      valid[summary.period] = entries
    }
    self.current = current
    self.valid = valid
  }

  /// Each stored summary's entries, nil for one that cannot be read (its period is counted again
  /// from its tickets).
  ///
  /// Decoded on every core: with a summary per period of the concentration baseline, the
  /// decoding was the longest serial step of a report before its window pass (70–125 perf
  /// samples on the bench store).
  static func decoded(_ summaries: [Data]) -> [[[String]]?] {
    let slots = ResultSlots<[[String]]?, Never>(count: summaries.count)
    DispatchQueue.concurrentPerform(iterations: summaries.count) { index in
      let entries = StringRowsJSON.rows(summaries[index])
      let readable = entries?.allSatisfy { $0.count == 6 && Int($0[5]) != nil } ?? false
      slots.set(index, .success(readable ? entries : nil))
    }
    return summaries.indices.map { slots.value($0) }
  }

  /// What a period's dimension counts depend on beyond its tickets' fields.
  /// The files of dates only are among them: their complaints at midnight have no hour.
  static func settings(_ configuration: Configuration, datesOnly: Set<String> = []) -> String {
    let dimensions = configuration.concentrationDimensions.map(\.name.rawValue)
    var fields = [
      "dimension/1", configuration.timeZone.identifier,
      dimensions.joined(separator: "\u{1F}"),
      String(describing: configuration.canaryExclusion),
    ]
    if !datesOnly.isEmpty { fields.append(datesOnly.sorted().joined(separator: "\u{1F}")) }
    return fields.joined(separator: "\u{1E}")
  }

  /// Adds the summarized periods' counts to the builder's cube, but for the periods `read`
  /// (whose tickets were read and counted).
  func add(to builder: inout CubeBuilder, except read: Set<Period> = []) {
    for (period, entries) in valid where !read.contains(period) {
      let text = period.description
      for entry in entries {
        builder.add(.dimension, [text] + entry[0..<5], count: Int(entry[5]) ?? 0)
      }
    }
  }

  /// Stores the summaries of the periods whose dimensions were just counted from their tickets
  /// (the `dimension` entries of `cube`), the window's and the reported period's too: next
  /// month's report reads them from here. A store that cannot take them is left as it is.
  func storeMissing(from cube: ReportCube) {
    let counted = dimensionPeriods.subtracting(current)
    guard !counted.isEmpty else { return }
    let countedText = Set(counted.map(\.description))
    var entries: [String: StringRowsJSON.Writer] = [:]
    for (key, value) in cube[.dimension] {
      guard let first = key.first, countedText.contains(first) else { continue }
      entries[first, default: StringRowsJSON.Writer()].row(
        key.dropFirst(), then: String(value.count))
    }
    var summaries: [PeriodSummary] = []
    for period in counted {
      let text = period.description
      guard let fingerprint = fingerprints[text] else { continue }
      summaries.append(
        PeriodSummary(
          period: text, settings: settings, fingerprint: fingerprint,
          counts: (entries[text] ?? StringRowsJSON.Writer()).data))
    }
    try? store.storePeriodSummaries(kind: Self.kind, summaries)
  }
}

/// The fingerprints `StoreFeed.baseCube` read, for its `window`.
final class Fingerprints: @unchecked Sendable {
  private let lock = NSLock()
  private var value: [String: String]?

  func set(_ fingerprints: [String: String]) {
    lock.lock()
    value = fingerprints
    lock.unlock()
  }

  func get() -> [String: String]? {
    lock.lock()
    defer { lock.unlock() }
    return value
  }
}
