import Foundation
import PlaintCore
import Testing

@testable import PlaintEngine

/// The starter `plaint.yml` and the demo's spell out the defaults as text, for users to read;
/// the values a run takes when a key is left out live in `Defaults`. The texts must say the same.
@Suite struct ConfigurationDefaultsTests {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// Every analysis key whose value differs from its default, as "key: found, default".
  static func departures(_ configuration: Configuration) -> [String] {
    var found: [String] = []
    func check<Value: Equatable>(_ key: String, _ value: Value, _ fallback: Value) {
      if value != fallback { found.append("\(key): \(value), default \(fallback)") }
    }
    let control = configuration.control
    check("control.method", control.method, Defaults.controlMethod)
    check("control.sigma", control.sigma, Defaults.sigma)
    check("control.baseline_periods", control.baselinePeriods, Defaults.baselinePeriods)
    check("control.min_baseline_periods", control.minBaselinePeriods, Defaults.minBaselinePeriods)
    check("control.min_count", control.minCount, Defaults.minCount)
    check("control.rules", control.rules, Defaults.rules)
    check("control.fdr", control.fdr, Defaults.fdr)
    check("control.run_rules", control.runRules, Defaults.runRules)
    check("control.small_count_weight", control.smallCountWeight, Defaults.smallCountWeight)
    check("control.rebaseline_after", control.rebaselineAfter, Defaults.rebaselineAfter)
    check("pareto.threshold", configuration.pareto.threshold, Defaults.paretoThreshold)
    check("pareto.window_periods", configuration.pareto.windowPeriods, Defaults.paretoWindow)
    check(
      "recurrence.repeat_customer_min", configuration.recurrence.repeatCustomerMin,
      Defaults.repeatCustomerMin)
    check(
      "recurrence.window_periods", configuration.recurrence.windowPeriods,
      Defaults.recurrenceWindow)
    check("sla_hours", configuration.slaHours, Defaults.slaHours)
    check("store", configuration.store, Defaults.store)
    check("period", configuration.granularity.rawValue, Defaults.period)
    check("taxonomy", configuration.taxonomy, Defaults.taxonomy)
    check("reports.formats", configuration.reports.formats, Defaults.formats)
    return found
  }

  @Test func theStarterConfigWritesOutTheDefaults() throws {
    let configuration = try Configuration.parse(
      Starter.configuration, file: "plaint.yml", directory: URL(fileURLWithPath: "/tmp/starter"))
    #expect(Self.departures(configuration) == [])
    #expect(configuration.timeZone == TimeZone(identifier: Defaults.timezone))
    #expect(configuration.reports.dir == Defaults.reportsDir)
    #expect(configuration.reports.language == Defaults.reportLanguage)
    #expect(configuration.reports.customerNames == Defaults.customerNames)
  }

  /// The demo's config (written by plaint-datagen from its template) keeps every analysis key at
  /// its default, so the demo report shows what a new user's first run does.
  @Test func theDemoConfigKeepsTheAnalysisDefaults() throws {
    let path = Self.root.appendingPathComponent("datasets/demo/plaint.yml").path
    try #require(FileManager.default.fileExists(atPath: path))
    let configuration = try Configuration.load(path: path)
    #expect(Self.departures(configuration) == [])
  }

  /// A config naming only its sources takes every default, and those match the detector's own.
  @Test func aMinimalConfigRunsTheDetectorAtItsDefaults() throws {
    let configuration = try Configuration.parse(
      "sources:\n  - path: exports/*.csv\n    profile: zendesk\n", file: "plaint.yml",
      directory: URL(fileURLWithPath: "/tmp/minimal"))
    #expect(Self.departures(configuration) == [])
    let settings = DetectorSettings(configuration.control)
    let detector = DetectorSettings()
    #expect(settings.method == detector.method)
    #expect(settings.sigma == detector.sigma)
    #expect(settings.baselinePeriods == detector.baselinePeriods)
    #expect(settings.minBaselinePeriods == detector.minBaselinePeriods)
    #expect(settings.minCount == detector.minCount)
    #expect(settings.rules == detector.rules)
    #expect(settings.fdr == detector.fdr)
    #expect(settings.runRules == detector.runRules)
    #expect(settings.smallCountWeight == detector.smallCountWeight)
    #expect(settings.rebaselineAfter == detector.rebaselineAfter)
  }
}
