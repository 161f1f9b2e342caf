import Foundation
import PlaintCore

/// Everything `plaint.yml` says, with every default filled in and every path made absolute.
public struct Configuration: Sendable {
  /// The config file as the user named it, for messages.
  public var file: String
  /// The directory relative paths are resolved against.
  public var directory: URL
  public var store: String
  public var granularity: Granularity
  public var timeZone: TimeZone
  public var sources: [Source]
  public var sales: String?
  public var keyAccounts: String?
  public var taxonomy: String
  public var control: Control
  public var pareto: Pareto
  public var recurrence: Recurrence
  public var slaHours: Double
  public var reports: Reports
  /// Which team owns an anomaly (`owners:`); empty when the key is absent.
  public var owners: Owners = Owners()
  /// Test complaints sent on purpose (`canaries:`): listed, never counted.
  public var canaries: Canaries = Canaries()
  /// `releases:`, a CSV of product changes (product_line, component or version, date); nil: none.
  public var releases: String? = nil

  /// One `sources:` entry: a glob of exports read the same way.
  public struct Source: Sendable {
    public var path: String
    public var profile: String
    public var system: String?
    public var encoding: String
    public var delimiter: String
    public var dateFormats: [String]
    /// Field name → columns (header names, or 1-based numbers when `header: false`).
    public var columns: [(field: String, columns: [String])]
    public var header: Bool
    public var filters: [(column: String, values: [String])]
  }

  public struct Control: Sendable {
    public var method: String
    public var sigma: Double
    public var baselinePeriods: Int
    public var minBaselinePeriods: Int
    public var minCount: Int
    public var rules: [String]
    /// nil when `fdr: off`.
    public var fdr: Double?
    /// `watch` or `anomaly`: what a run-rule signal makes of a point.
    public var runRules: String = Defaults.runRules
    /// The family weight of a cell whose expected count is below 5, against 1 for the others.
    public var smallCountWeight: Double = Defaults.smallCountWeight
  }

  public struct Pareto: Sendable {
    public var threshold: Double
    public var windowPeriods: Int
  }

  public struct Recurrence: Sendable {
    public var repeatCustomerMin: Int
    public var windowPeriods: Int
  }

  /// `owners:` — teams by category and by product line, and a default.
  ///
  /// An anomaly's owner is its category's team when the category is mapped (a service or policy
  /// problem belongs to the team that runs the service or the policy, whatever the product), else
  /// its product line's team, else `default`, else none.
  public struct Owners: Sendable {
    public var categories: [String: String] = [:]
    /// Product line → team, with the line of the config each entry sits on (checked against the
    /// taxonomy once it is loaded).
    public var productLines: [(name: String, team: String, line: Int?)] = []
    public var fallback: String? = nil

    public init() {}

    public var isEmpty: Bool { categories.isEmpty && productLines.isEmpty && fallback == nil }

    /// The team that owns a cell, or nil.
    public func owner(category: String, productLine: String) -> String? {
      if let team = categories[category] { return team }
      if let entry = productLines.first(where: { $0.name == productLine }) { return entry.team }
      return fallback
    }
  }

  /// `canaries:` — how a test complaint is recognised, and which ones must arrive.
  ///
  /// A ticket is a canary when one of its tags is in `tags` or its id matches one of `ids`
  /// (globs: `*` any run of characters, `?` one character; case-sensitive). `expected` lists the
  /// ids that must be in the store (an expected id is a canary too); one that is not is reported
  /// missing.
  public struct Canaries: Sendable {
    public var tags: [String] = []
    public var ids: [String] = []
    public var expected: [String] = []

    public init() {}

    public var isEmpty: Bool { tags.isEmpty && ids.isEmpty && expected.isEmpty }
  }

  public struct Reports: Sendable {
    public var dir: String
    public var formats: [String]
    /// Customer display names appear in reports only when this is true.
    public var customerNames: Bool
  }

  /// Resolves a path from the config against the config's directory.
  public func resolve(_ path: String) -> String {
    if path == ":memory:" || path.hasPrefix("/") { return path }
    return directory.appendingPathComponent(path).standardizedFileURL.path
  }
}
