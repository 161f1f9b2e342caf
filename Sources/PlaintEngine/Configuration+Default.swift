import Foundation
import PlaintCore
import PlaintIngest
import PlaintReport

/// Every configuration default in one place: a key left out of `plaint.yml` takes this value.
///
/// The starter `plaint.yml` (`Starter.configuration`) and the demo's (written by plaint-datagen)
/// spell the defaults out as text; ConfigurationDefaultsTests holds them to these values.
enum Defaults {
  static let store = "plaint.db"
  static let period = "month"
  static let timezone = "UTC"
  static let taxonomy = "taxonomy.yml"
  static let profile = "generic"
  static let encoding = TextEncoding.auto
  static let delimiter = "auto"
  static let header = true

  // The `control` section: the detector's own defaults (`DetectorSettings.init`, in PlaintCore,
  // which cannot see this module), read here so each value is written once.
  private static let detector = DetectorSettings()
  static let controlMethod = Configuration.Method.auto
  static let sigma = detector.sigma
  static let baselinePeriods = detector.baselinePeriods
  static let minBaselinePeriods = detector.minBaselinePeriods
  static let minCount = detector.minCount
  static let rules = detector.rules
  static let fdr = detector.fdr
  static let runRules = detector.runRules
  static let smallCountWeight = detector.smallCountWeight
  static let rebaselineAfter = detector.rebaselineAfter

  // The `concentrations` section: the family's own defaults (`Concentration.Settings`).
  private static let concentration = Concentration.Settings()
  static let concentrationFDR = concentration.fdr
  static let concentrationMinCount = concentration.minCount

  static let paretoThreshold = 0.8
  static let paretoWindow = 1
  static let repeatCustomerMin = 3
  static let recurrenceWindow = 3
  static let slaHours = 72.0

  /// 5 %: a healthy export rejects well under 1 % (the real exports tried: 0.05–0.3 %); a wrong
  /// date pattern or mapping rejects 20–100 %. See docs/input-rules.md.
  static let maxRejectShare = 0.05
  static let maxFieldBytes = 1 << 20
  /// 1990-01-01T00:00:00Z, before any help desk whose export Plaint reads.
  static let earliestDate: Date? = Date(timeIntervalSince1970: 631_152_000)

  static let reportsDir = "reports"
  static let formats = ReportFormat.allCases
  static let customerNames = false
  static let reportLanguage = ReportLanguage.english
}

/// The range every numeric key must lie in, checked when the config is read (exit 78 naming the
/// key). docs/configuration-ranges.md lists them with the reason for each bound.
///
/// The bounds are generous for any real use and small enough that no value can overflow an
/// integer or make a run's work grow past what the data holds.
enum Ranges {
  /// A range of real numbers, each end open or closed.
  struct Real {
    var lower: Double
    var upper: Double
    var includesLower: Bool
    var includesUpper = true

    func contains(_ value: Double) -> Bool {
      (includesLower ? value >= lower : value > lower)
        && (includesUpper ? value <= upper : value < upper)
    }

    /// "above 0 and at most 10", for messages.
    var text: String {
      let low = includesLower ? "from \(shown(lower))" : "above \(shown(lower))"
      let high = includesUpper ? "at most \(shown(upper))" : "below \(shown(upper))"
      return includesLower ? "\(low) to \(shown(upper))" : "\(low) and \(high)"
    }
  }

  /// `control.sigma`: the limits' width in standard deviations.
  static let sigma = Real(lower: 0, upper: 10, includesLower: false)
  /// `control.baseline_periods` and `control.min_baseline_periods`: five years of weeks.
  static let baselinePeriods = 1...260
  /// `control.min_count`.
  static let minCount = 1...1_000_000
  /// `control.rebaseline_after`, when not `off`: a run of one period is no sustained shift; 260
  /// as `baseline_periods`.
  static let rebaselineAfter = 2...260
  /// `control.fdr`, when not `off`.
  static let fdr = Real(lower: 0, upper: 1, includesLower: false, includesUpper: false)
  /// `pareto.threshold`: a share.
  static let paretoThreshold = Real(lower: 0, upper: 1, includesLower: false)
  /// `pareto.window_periods` and `recurrence.window_periods`.
  static let windowPeriods = 1...260
  /// `recurrence.repeat_customer_min`.
  static let repeatCustomerMin = 1...10_000
  /// `sla_hours`: up to ten years.
  static let slaHours = Real(lower: 0, upper: 87_600, includesLower: false)

  /// A number as the user would write it: `3`, `0.05`, `1e+19`.
  static func shown(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
  }

  /// The node's text, cut short for a message.
  static func excerpt(_ node: YAMLNode) -> String {
    let text = (try? node.string()) ?? "a list or a mapping"
    return text.count > 40 ? String(text.prefix(40)) + "…" : text
  }
}

private func shown(_ value: Double) -> String { Ranges.shown(value) }
