import Foundation
import Testing

@testable import PlaintEngine

private func parse(_ yaml: String) throws -> Configuration {
  try Configuration.parse(
    "sources: [{path: a.csv, profile: zendesk}]\n" + yaml, file: "plaint.yml",
    directory: URL(fileURLWithPath: "/tmp/config"))
}

/// Every numeric key has a documented range (docs/configuration-ranges.md), checked when the
/// config is read: a value outside it is exit 78 naming the key, never a crash or a long run.
@Suite struct ConfigurationRangeTests {
  @Test(arguments: [
    (
      "control: {sigma: 1e19}",
      "plaint.yml:2: `control.sigma`: 1e+19 is out of range: expected a number above 0 and at most 10"
    ),
    (
      "pareto: {window_periods: 9223372036854775807}",
      "plaint.yml:2: `pareto.window_periods`: 9223372036854775807 is out of range: expected a whole number from 1 to 260"
    ),
    (
      "control: {baseline_periods: 1000000}",
      "plaint.yml:2: `control.baseline_periods`: 1000000 is out of range: expected a whole number from 1 to 260"
    ),
    (
      "control: {baseline_periods: 1e30}",
      "plaint.yml:2: `control.baseline_periods`: 1e30 is out of range: expected a whole number from 1 to 260"
    ),
    (
      "control: {fdr: 1}",
      "plaint.yml:2: `control.fdr`: 1 is out of range: expected a number above 0 and below 1"
    ),
    (
      "sla_hours: 0",
      "plaint.yml:2: `sla_hours`: 0 is out of range: expected a number above 0 and at most 87600"
    ),
    (
      "recurrence: {repeat_customer_min: 2.5}",
      "plaint.yml:2: `recurrence.repeat_customer_min`: expected a whole number from 1 to 10000, got \"2.5\""
    ),
  ])
  func anOutOfRangeNumberNamesTheKeyAndTheRange(yaml: String, message: String) {
    do {
      _ = try parse(yaml)
      Issue.record("accepted \(yaml)")
    } catch {
      #expect("\(error)" == message)
    }
  }

  /// The keys and their ranges, as documented.
  static let keys:
    [(path: String, section: String?, key: String, accepts: @Sendable (Double) -> Bool)] = [
      ("control.sigma", "control", "sigma", { $0 > 0 && $0 <= 10 }),
      ("control.baseline_periods", "control", "baseline_periods", { whole($0, 1...260) }),
      ("control.min_count", "control", "min_count", { whole($0, 1...1_000_000) }),
      ("control.fdr", "control", "fdr", { $0 > 0 && $0 < 1 }),
      ("pareto.threshold", "pareto", "threshold", { $0 > 0 && $0 <= 1 }),
      ("pareto.window_periods", "pareto", "window_periods", { whole($0, 1...260) }),
      ("recurrence.window_periods", "recurrence", "window_periods", { whole($0, 1...260) }),
      (
        "recurrence.repeat_customer_min", "recurrence", "repeat_customer_min",
        { whole($0, 1...10_000) }
      ),
      ("sla_hours", nil, "sla_hours", { $0 > 0 && $0 <= 87_600 }),
      ("concentrations.fdr", "concentrations", "fdr", { $0 > 0 && $0 < 1 }),
      (
        "concentrations.min_count", "concentrations", "min_count",
        { whole($0, 1...1_000_000) }
      ),
    ]

  static func whole(_ value: Double, _ range: ClosedRange<Int>) -> Bool {
    value == value.rounded() && value >= Double(range.lowerBound)
      && value <= Double(range.upperBound)
  }

  @Test func randomNumbersAreAcceptedExactlyWithinTheirRange() {
    var random = SystemRandomNumberGenerator()
    let specials: [Double] = [
      0, -1, 1, 0.5, 1e19, 9.223372036854775807e18, -9.2e18, 1e308, 1e-300, 260, 261, 10, 10.5,
      87_600, 87_601, 1e6, 1e6 + 1, 10_000, 10_001,
    ]
    for _ in 0..<500 {
      let (path, section, key, accepts) = Self.keys[
        Int.random(in: 0..<Self.keys.count, using: &random)]
      let value: Double =
        Bool.random(using: &random)
        ? specials[Int.random(in: 0..<specials.count, using: &random)]
        : (Bool.random(using: &random)
          ? Double(Int.random(in: -1000...100_000, using: &random))
          : Double.random(in: -10...300, using: &random))
      let text =
        value == value.rounded() && abs(value) < 1e18 ? String(Int(value)) : "\(value)"
      // A short baseline needs a short minimum too (a separate check).
      let also = key == "baseline_periods" ? ", min_baseline_periods: 1" : ""
      let yaml = section.map { "\($0): {\(key): \(text)\(also)}" } ?? "\(key): \(text)"
      do {
        _ = try parse(yaml)
        #expect(accepts(value), "accepted \(yaml)")
      } catch {
        #expect(!accepts(value), "refused \(yaml): \(error)")
        #expect("\(error)".contains("`\(path)`"), "\(error)")
      }
    }
  }
}
