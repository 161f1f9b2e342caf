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
  }

  public struct Pareto: Sendable {
    public var threshold: Double
    public var windowPeriods: Int
  }

  public struct Recurrence: Sendable {
    public var repeatCustomerMin: Int
    public var windowPeriods: Int
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
