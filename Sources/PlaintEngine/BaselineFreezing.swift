import Foundation
import Logging
import PlaintCore
import PlaintStore

/// `plaint baseline freeze --through P | show | clear`: fixes each series' limits on the history
/// up to P, so later periods are judged against a baseline that no longer moves (phase II).
///
/// For every cell and roll-up the window is the last `baseline_periods` usable periods up to P that
/// the rolling judgement did not flag; anomalies inside it are listed as exclusions. A series with
/// fewer than `min_baseline_periods` such periods is not frozen and stays on the rolling baseline.
/// After a level shift the window starts at the shift, holding the run that confirmed it.
public enum BaselineFreezing {
  /// What `freeze` did.
  public struct Outcome: Sendable {
    public var frozen: [StoredBaseline]
    /// Series left on the rolling baseline for lack of history.
    public var skipped: [String]
  }

  public static func freeze(
    configurationPath: String, through text: String, store storeOverride: String?, now: Date
  ) throws(PlaintError) -> Outcome {
    try Failure.converting {
      try freezing(
        configurationPath: configurationPath, through: text, store: storeOverride, now: now)
    }
  }

  private static func freezing(
    configurationPath: String, through text: String, store storeOverride: String?, now: Date
  ) throws -> Outcome {
    let configuration = try Configuration.load(path: configurationPath)
    guard let through = Period(text), through.granularity == configuration.granularity else {
      let example = configuration.granularity == .month ? "2025-12" : "2025-W52"
      throw PlaintError(
        .usage,
        "--through \(text): expected \(example) (the config cuts periods by \(configuration.granularity.rawValue))"
      )
    }
    let storePath = try configuration.existingStore(storeOverride)
    let session = try StoreSession(
      configuration: configuration, path: storePath, now: now, checkingColumns: false)
    defer { withExtendedLifetime(session) {} }
    let (context, store) = (session.context, session.store)
    let counts = try store.cellCounts(
      granularity: configuration.granularity, excluding: configuration.canaryExclusion)
    // Periods with an empty stretch are no part of a frozen baseline (`reporting`).
    let coverage = try DataCoverage(store: store, context: context).reporting(
      nil, configuration.granularity)
    if let span = coverage.span(configuration.granularity), !span.contains(through) {
      throw PlaintError(
        .usage,
        "--through \(through): outside the data, which covers \(span.lowerBound) to \(span.upperBound)"
      )
    }
    guard counts.contains(where: { $0.period <= through }) else {
      throw PlaintError(
        .dataError,
        "\(storePath): no complaints up to \(through); nothing to freeze (run plaint run first)")
    }
    let grid = GridSeries(
      counts: counts, sales: context.sales,
      taxonomyLines: context.taxonomy.productLines.map(\.name), through: through,
      tiers: context.tiers, coverage: coverage)
    let settings = DetectorSettings(configuration.control)
    let stamp = ISO8601DateFormatter().string(from: now)

    var outcome = Outcome(frozen: [], skipped: [])
    for series in [grid.cells, grid.rollups] {
      let judged = AnomalyDetector.judge(series, settings: settings)
      for key in series.keys.sorted() {
        let observations = series[key] ?? []
        let points = judged[key]?.points ?? []
        // Left out as the rolling baseline leaves them out: anomalies, and points above the
        // UCL that failed the family adjustment (watches by `beyond_limit`).
        let flagged = Set(
          points.indices.filter {
            points[$0].isAnomaly || points[$0].watchRules.contains(.beyondLimit)
          })
        // After a level shift only the new level is frozen: the periods from the latest shift
        // on (after the point that opened its run), the run that confirmed it included, as the
        // rolling baseline holds them.
        let shift = points.last(where: { $0.shift != nil })?.shift
        let phase = shift.map { $0.baselineStart...$0.confirmed }
        let usable = observations.indices.filter {
          $0 >= (phase?.lowerBound ?? 0) && observations[$0].status == .ok
            && (!flagged.contains($0) || phase?.contains($0) == true)
        }
        let window = Array(usable.suffix(settings.baselinePeriods))
        guard let first = window.first, let last = window.last,
          window.count >= settings.minBaselinePeriods
        else {
          outcome.skipped.append(
            "\(key.category.rawValue) / \(key.productLine) / \(key.tier.rawValue)")
          continue
        }
        let excluded = flagged.filter { (first...last).contains($0) && !usable.contains($0) }
        let chart = ControlChart.compute(
          observations, method: settings.method, sigma: settings.sigma,
          baseline: first..<(last + 1), exclude: excluded, rules: [])
        guard let center = chart.center else { continue }
        outcome.frozen.append(
          StoredBaseline(
            category: key.category.rawValue, productLine: key.productLine, tier: key.tier.rawValue,
            through: through, window: grid.periods[first]...grid.periods[last],
            excluded: excluded.sorted().map { grid.periods[$0] },
            baseline: FrozenBaseline(
              center: center, sigmaZ: chart.sigmaZ, method: chart.method, periods: window.count),
            frozenAt: stamp, version: PlaintVersion.current))
      }
    }
    let frozen = outcome.frozen
    try store.replaceBaselines(frozen)
    return outcome
  }

  /// The frozen baselines as a table, or a line saying every series is on the rolling baseline.
  public static func show(configurationPath: String, store storeOverride: String?)
    throws(PlaintError) -> String
  {
    try Failure.converting {
      try showing(configurationPath: configurationPath, store: storeOverride)
    }
  }

  private static func showing(configurationPath: String, store storeOverride: String?) throws
    -> String
  {
    let configuration = try Configuration.load(path: configurationPath)
    let storePath = try configuration.existingStore(storeOverride)
    let store = try Store.scratchCopy(of: storePath)
    let baselines = try store.baselines()
    guard let sample = baselines.first else {
      return
        "no frozen baselines: every series is judged on the rolling baseline of the last \(configuration.control.baselinePeriods) in-control periods"
    }
    var lines = [
      "frozen through \(sample.through) at \(sample.frozenAt) by plaint \(sample.version)",
      ["series", "window", "periods", "excluded", "method", "centre", "sigma_z"].joined(
        separator: "\t"),
    ]
    for stored in baselines {
      lines.append(
        [
          "\(stored.category) / \(stored.productLine) / \(stored.tier)",
          "\(stored.window.lowerBound)–\(stored.window.upperBound)", "\(stored.baseline.periods)",
          stored.excluded.isEmpty ? "-" : stored.excluded.map(\.description).joined(separator: " "),
          stored.baseline.method.rawValue, format(stored.baseline.center),
          stored.baseline.sigmaZ.map(format) ?? "-",
        ].joined(separator: "\t"))
    }
    return lines.joined(separator: "\n")
  }

  /// Removes every frozen baseline: the rolling baseline judges again.
  public static func clear(configurationPath: String, store storeOverride: String?, now: Date)
    throws(PlaintError) -> Int
  {
    try Failure.converting {
      try clearing(configurationPath: configurationPath, store: storeOverride, now: now)
    }
  }

  private static func clearing(configurationPath: String, store storeOverride: String?, now: Date)
    throws -> Int
  {
    let configuration = try Configuration.load(path: configurationPath)
    let storePath = try configuration.existingStore(storeOverride)
    let lock = try RunLock(storePath: storePath, now: now)
    defer { withExtendedLifetime(lock) {} }
    let store = try Store(path: storePath)
    let count = try store.baselines().count
    try store.replaceBaselines([])
    return count
  }

  private static func format(_ value: Double) -> String {
    String(format: "%.6g", value)
  }
}

extension DetectorSettings {
  /// The detector settings of a configuration's `control` section.
  init(_ control: Configuration.Control) {
    self.init()
    method = control.method.chart
    sigma = control.sigma
    baselinePeriods = control.baselinePeriods
    minBaselinePeriods = control.minBaselinePeriods
    minCount = control.minCount
    rules = control.rules
    fdr = control.fdr
    runRules = control.runRules
    smallCountWeight = control.smallCountWeight
    rebaselineAfter = control.rebaselineAfter
  }
}
