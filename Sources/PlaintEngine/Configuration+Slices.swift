import Foundation
import PlaintCore

extension Configuration {
  /// One `slices:` entry: a name the report uses, and the export column it reads (or `@system`,
  /// the export's system, or `@file`, the export file).
  public struct Slice: Sendable, Equatable {
    public var name: String
    public var column: String

    public init(name: String, column: String) {
      self.name = name
      self.column = column
    }

    /// `@system` or `@file`: known for every ticket without reading a column.
    public var isBuiltIn: Bool { column.hasPrefix("@") }
  }

  /// The slices read from a column, in the order of `slices:`.
  public var columnSlices: [Slice] { slices.filter { !$0.isBuiltIn } }

  /// Names a slice cannot take: the concentration dimensions every export has.
  static let reservedSliceNames = ["channel", "hour", "weekday", "agent"]

  /// Names a slice cannot take because the report already has an output, a CSV or a section, by
  /// that name: a slice "grid" beside grid.csv would read as the grid.
  static let outputNames: Set<String> = [
    "anomalies", "anomaly-tickets", "canaries", "concentrations", "grid", "open-past-sla",
    "pareto", "rejects", "release-effects", "repeat-customers", "resolution", "sales", "report",
    "summary", "index", "manifest", "heatmap", "improvements", "method", "notices", "quality",
    "recurrence", "resolved", "watches", "coverage", "slices", "shares", "drivers", "run-charts",
    "cells",
  ]

  /// `slices: {company: Company, source: "@system"}`.
  static func slices(_ node: YAMLNode?) throws(ConfigError) -> [Slice] {
    guard let node else { return [] }
    var slices: [Slice] = []
    for (name, value) in try node.mapping() {
      let valid =
        !name.isEmpty && name.count <= 40
        && name.unicodeScalars.allSatisfy {
          ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
      guard valid else {
        throw node.error(
          "slice name \"\(name)\" must be lower-case letters, digits, _ or - (it names a CSV file)")
      }
      guard !reservedSliceNames.contains(name) else {
        throw node.error(
          "slice name \"\(name)\" is taken by a concentration dimension; choose another name")
      }
      guard !outputNames.contains(name) else {
        throw node.error(
          "slice name \"\(name)\" is taken by a report output or section; choose another name")
      }
      let column = try value.string().trimmingCharacters(in: .whitespaces)
      guard !column.isEmpty else { throw value.error("expected a column name, @system or @file") }
      if column.hasPrefix("@"), !["@system", "@file"].contains(column) {
        throw value.error("unknown \"\(column)\"; expected a column name, @system or @file")
      }
      if let twin = slices.first(where: { $0.column == column }) {
        throw value.error(
          "slices \"\(twin.name)\" and \"\(name)\" both name \(column); keep one of them")
      }
      slices.append(Slice(name: name, column: column))
    }
    return slices
  }

  /// `concentrations: {fdr: 0.01, min_count: 10}`.
  static func concentrations(_ node: YAMLNode?) throws(ConfigError) -> Concentration.Settings {
    var settings = Concentration.Settings()
    guard let node else { return settings }
    _ = try node.mapping(allowed: ["fdr", "min_count"])
    settings.fdr = try bounded(node["fdr"], Ranges.fdr) ?? Defaults.concentrationFDR
    settings.minCount =
      try bounded(node["min_count"], Ranges.minCount) ?? Defaults.concentrationMinCount
    return settings
  }
}
