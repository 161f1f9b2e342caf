import Foundation
import PlaintCore

/// The harness's results as Markdown tables, the form docs/statistics.md prints them in.
public enum SimulationTable {
  /// The size and power tables of one setting.
  public static func markdown(_ result: SimulationResult, grid: GridShape) -> String {
    let size = result.size
    var lines: [String] = []
    lines.append("Settings: \(describe(result.settings)).")
    lines.append("")
    lines.append(
      "Grid: \(grid.lines) product lines × \(grid.categories) categories × \(grid.tiers) tiers = "
        + "\(grid.cellCount) cells, \(grid.months) months, "
        + "\(result.histories) histories per row.")
    lines.append("")
    lines.append("| in-control monthly reports | share |")
    lines.append("|---|---:|")
    lines.append("| with at least one anomaly (size) | \(percent(size.size)) |")
    for rule in RunRule.allCases {
      lines.append(
        "| … an anomaly by `\(rule.rawValue)` | \(percent(size.share(size.flaggedByRule[rule] ?? 0))) |"
      )
    }
    lines.append("| with at least one watch | \(percent(size.share(size.watched))) |")
    for rule in RunRule.allCases {
      lines.append(
        "| … a watch by `\(rule.rawValue)` | \(percent(size.share(size.watchedByRule[rule] ?? 0))) |"
      )
    }
    lines.append("")
    let last = result.power.first?.lastMonthOfEvent ?? 0
    lines.append(
      "| planted event | flagged in the first month | within 3 months | by month \(last) | mean delay (months) | watch or anomaly in the first month | still an anomaly in month \(last) |"
    )
    lines.append("|---|---:|---:|---:|---:|---:|---:|")
    for power in result.power {
      let delay = power.meanDelay.map { String(format: "%.1f", $0) } ?? "–"
      lines.append(
        "| \(power.scenario.name) | \(percent(power.firstMonthPower)) | "
          + "\(percent(power.withinThreePower)) | \(percent(power.detectedShare)) | \(delay) | "
          + "\(percent(power.share(power.watchedFirstMonth))) | "
          + "\(percent(power.share(power.flaggedLastMonth))) |")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Where the in-control anomalies fell: each cell's expected count, φ and anomaly rate.
  public static func byCell(_ result: SimulationResult, grid: GridShape) -> String {
    var lines = ["| cell | expected | φ | anomalies per 1,000 reports |", "|---:|---:|---:|---:|"]
    for (index, cell) in grid.cells().enumerated() {
      let count = result.size.anomaliesByCell[index] ?? 0
      let rate = result.size.reports == 0 ? 0 : Double(count) * 1000 / Double(result.size.reports)
      lines.append(
        "| \(index) | \(String(format: "%.1f", cell.expected)) | \(format(cell.phi)) | "
          + "\(String(format: "%.1f", rate)) |")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// One row per setting: the size against each event's power in its first month and within
  /// three, for choosing a default.
  public static func curve(_ results: [SimulationResult]) -> String {
    let names = results.first?.power.map(\.scenario.name) ?? []
    var lines: [String] = []
    lines.append(
      "| settings | size | "
        + names.map { "\($0): month 1 | within 3" }.joined(separator: " | ") + " |")
    lines.append("|---|---:|" + names.map { _ in "---:|---:" }.joined(separator: "|") + "|")
    for result in results {
      let power = result.power.map {
        "\(percent($0.firstMonthPower)) | \(percent($0.withinThreePower))"
      }
      lines.append(
        "| \(describe(result.settings, short: true)) | \(percent(result.size.size)) | "
          + power.joined(separator: " | ") + " |")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The detector settings in the words of `plaint.yml`.
  public static func describe(_ settings: DetectorSettings, short: Bool = false) -> String {
    let fdr = settings.fdr.map { format($0) } ?? "off"
    if short {
      return
        "sigma \(format(settings.sigma)), fdr \(fdr), small_count_weight "
        + "\(format(settings.smallCountWeight)), run_rules \(settings.runRules.rawValue)"
    }
    return
      "method \(settings.method.rawValue), sigma \(format(settings.sigma)), fdr \(fdr), "
      + "run_rules \(settings.runRules.rawValue), small_count_weight "
      + "\(format(settings.smallCountWeight)), min_count \(settings.minCount), "
      + "baseline_periods \(settings.baselinePeriods), rebaseline_after "
      + (settings.rebaselineAfter.map { "\($0)" } ?? "off")
  }

  static func percent(_ share: Double) -> String { String(format: "%.1f %%", share * 100) }

  static func format(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
  }
}
