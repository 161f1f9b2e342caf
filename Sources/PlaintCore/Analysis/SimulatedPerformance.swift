/// What the simulation harness (`plaint-datagen simulate`) measured for the default detector
/// settings, so every report can say how often its procedure cries wolf and how soon it sees a
/// real change. docs/statistics.md holds the full table; a test re-measures these at a small
/// number of histories.
public struct SimulatedPerformance: Sendable, Hashable {
  /// In-control histories per figure.
  public var histories: Int
  /// The share of in-control monthly reports that flag anything.
  public var size: Double
  /// A ×2 step in a cell expecting 20 complaints, flagged in its first month.
  public var stepTwiceAt20: Double
  /// A ×2 step in a cell expecting 100 complaints, flagged in its first month.
  public var stepTwiceAt100: Double
  /// 9 complaints against about 1 expected, flagged that month.
  public var spike: Double
  /// A 15 %/month trend over 4 months in a cell expecting 100, flagged within 3 months.
  public var trendAt100: Double
  /// The same trend in a cell expecting 20, flagged within 3 months.
  public var trendAt20: Double

  /// The figures for `DetectorSettings()`, from `make simulate` (1,000 histories per row).
  public static let defaults = SimulatedPerformance(
    histories: 1000, size: 0.046, stepTwiceAt20: 0.681, stepTwiceAt100: 0.999, spike: 0.985,
    trendAt100: 0.777, trendAt20: 0.095)

  /// Whether `settings` are the ones the default figures were measured at.
  public static func measured(at settings: DetectorSettings) -> Bool {
    let defaults = DetectorSettings()
    return settings.method == defaults.method && settings.sigma == defaults.sigma
      && settings.baselinePeriods == defaults.baselinePeriods
      && settings.minBaselinePeriods == defaults.minBaselinePeriods
      && settings.minCount == defaults.minCount && Set(settings.rules) == Set(defaults.rules)
      && settings.fdr == defaults.fdr && settings.runRules == defaults.runRules
      && settings.smallCountWeight == defaults.smallCountWeight
      && settings.rebaselineAfter == defaults.rebaselineAfter
  }

  /// One sentence for a report's method section.
  public var sentence: String {
    func percent(_ share: Double) -> String {
      let value = (share * 1000).rounded() / 10
      return value == value.rounded() ? "\(Int(value)) %" : "\(value) %"
    }
    return
      "Simulated on a grid like the demo's (56 cells, \(histories) histories): "
      + "\(percent(size)) of in-control monthly reports flag anything; "
      + "a doubling is flagged in its first month \(percent(stepTwiceAt20)) of the time in a cell "
      + "expecting 20 complaints and \(percent(stepTwiceAt100)) in one expecting 100; "
      + "9 complaints against 1 expected \(percent(spike)); a 15 %/month trend within 3 months "
      + "\(percent(trendAt100)) at 100 expected, \(percent(trendAt20)) at 20 "
      + "(docs/statistics.md)."
  }
}
