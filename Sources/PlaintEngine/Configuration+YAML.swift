import Foundation
import PlaintCore

extension Configuration {
  static let profiles = [
    "auto", "zendesk", "freshdesk", "jira", "servicenow", "salesforce", "cfpb", "generic",
  ]
  static let encodings = ["auto", "utf-8", "utf-16", "windows-1252", "gb18030"]
  static let delimiters = ["auto", ",", ";", "\t", "|"]
  static let methods = ["auto", "u", "laney", "poisson"]
  static let formats = ["html", "md", "json", "csv"]
  static let fields = [
    "id", "created", "updated", "resolved", "text", "customer", "customer_name", "product",
    "channel", "agent", "category", "tags",
  ]

  /// Reads and checks `plaint.yml`; relative paths resolve against its directory.
  public static func load(path: String) throws(PlaintError) -> Configuration {
    let url = URL(fileURLWithPath: path)
    let text: String
    do {
      text = try String(contentsOf: url, encoding: .utf8)
    } catch {
      let exists = FileManager.default.fileExists(atPath: path)
      throw PlaintError(
        exists ? .config : .noInput,
        exists
          ? "\(path): cannot read the configuration (\(error.localizedDescription))"
          : "\(path): configuration file not found; pass --config PATH")
    }
    do {
      return try parse(text, file: path, directory: url.deletingLastPathComponent())
    } catch {
      throw error.asPlaintError
    }
  }

  /// Builds a configuration from YAML text.
  static func parse(_ text: String, file: String, directory: URL) throws(ConfigError)
    -> Configuration
  {
    let root = try YAMLNode.parse(text, file: file)
    _ = try root.mapping(allowed: [
      "store", "period", "timezone", "sources", "sales", "key_accounts", "taxonomy", "control",
      "pareto", "recurrence", "sla_hours", "reports", "owners", "canaries", "releases",
    ])

    let granularityName = try root["period"]?.string() ?? Defaults.period
    guard let granularity = Granularity(rawValue: granularityName) else {
      throw (root["period"] ?? root).error("expected month or week, got \"\(granularityName)\"")
    }
    let zoneName = try root["timezone"]?.string() ?? Defaults.timezone
    guard let timeZone = TimeZone(identifier: zoneName) else {
      throw (root["timezone"] ?? root).error(
        "unknown time zone \"\(zoneName)\"; use an IANA name such as Europe/Berlin or UTC")
    }
    guard let sourcesNode = root["sources"] else {
      throw ConfigError(
        file: file, line: nil, key: "sources",
        message: "missing key: list the exports to read (path and profile)")
    }
    var sources: [Source] = []
    for node in try sourcesNode.list() { sources.append(try source(node)) }
    if sources.isEmpty { throw sourcesNode.error("needs at least one export") }

    var configuration = Configuration(
      file: file, directory: directory,
      store: try root["store"]?.string() ?? Defaults.store,
      granularity: granularity, timeZone: timeZone, sources: sources,
      sales: try root["sales"]?.string(),
      keyAccounts: try root["key_accounts"]?.string(),
      taxonomy: try root["taxonomy"]?.string() ?? Defaults.taxonomy,
      control: try control(root["control"]),
      pareto: try pareto(root["pareto"]),
      recurrence: try recurrence(root["recurrence"]),
      slaHours: try positive(root["sla_hours"]) ?? Defaults.slaHours,
      reports: try reports(root["reports"]))
    configuration.owners = try owners(root["owners"])
    configuration.canaries = try canaries(root["canaries"])
    configuration.releases = try root["releases"]?.string()
    return configuration
  }

  private static func owners(_ node: YAMLNode?) throws(ConfigError) -> Owners {
    var owners = Owners()
    guard let node else { return owners }
    _ = try node.mapping(allowed: ["categories", "product_lines", "default"])
    if let categories = node["categories"] {
      for (category, team) in try categories.mapping(allowed: Category.allCases.map(\.rawValue)) {
        owners.categories[category] = try nonEmpty(team)
      }
    }
    if let lines = node["product_lines"] {
      for (line, team) in try lines.mapping() {
        owners.productLines.append((line, try nonEmpty(team), team.line))
      }
    }
    if let fallback = node["default"] { owners.fallback = try nonEmpty(fallback) }
    return owners
  }

  private static func canaries(_ node: YAMLNode?) throws(ConfigError) -> Canaries {
    var canaries = Canaries()
    guard let node else { return canaries }
    _ = try node.mapping(allowed: ["tags", "ids", "expected"])
    canaries.tags = try node["tags"]?.strings() ?? []
    canaries.ids = try node["ids"]?.strings() ?? []
    canaries.expected = try node["expected"]?.strings() ?? []
    for (key, values) in [("tags", canaries.tags), ("ids", canaries.ids)]
    where values.contains(where: \.isEmpty) {
      throw (node[key] ?? node).error("an empty entry would match nothing; remove it")
    }
    return canaries
  }

  private static func nonEmpty(_ node: YAMLNode) throws(ConfigError) -> String {
    let value = try node.string()
    guard !value.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw node.error("expected a team name")
    }
    return value
  }

  private static func source(_ node: YAMLNode) throws(ConfigError) -> Source {
    _ = try node.mapping(allowed: [
      "path", "profile", "system", "encoding", "delimiter", "date_format", "columns", "header",
      "where",
    ])
    guard let path = try node["path"]?.string(), !path.isEmpty else {
      throw node.error("missing key `path`: the file or glob to read")
    }
    let profile = try oneOf(node["profile"], profiles) ?? Defaults.profile
    let header = try node["header"]?.bool() ?? Defaults.header
    var columns: [(field: String, columns: [String])] = []
    if let columnsNode = node["columns"] {
      for (field, value) in try columnsNode.mapping(allowed: fields) {
        let refs = try value.strings()
        if !header, let bad = refs.first(where: { Int($0).map { $0 < 1 } ?? true }) {
          throw value.error("with `header: false` columns are 1-based numbers, got \"\(bad)\"")
        }
        columns.append((field, refs))
      }
    }
    if profile == "generic" {
      let mapped = Set(columns.map(\.field))
      for required in ["id", "created", "text"] where !mapped.contains(required) {
        throw node.error(
          "profile generic needs `columns.\(required)`: the column that holds the ticket's \(required)"
        )
      }
    }
    var filters: [(column: String, values: [String])] = []
    if let whereNode = node["where"] {
      for (column, values) in try whereNode.mapping() {
        filters.append((column, try values.strings()))
      }
    }
    return Source(
      path: path, profile: profile, system: try node["system"]?.string(),
      encoding: try oneOf(node["encoding"], encodings) ?? Defaults.encoding,
      delimiter: try oneOf(node["delimiter"], delimiters) ?? Defaults.delimiter,
      dateFormats: try node["date_format"]?.strings() ?? [],
      columns: columns, header: header, filters: filters)
  }

  private static func control(_ node: YAMLNode?) throws(ConfigError) -> Control {
    _ = try node?.mapping(allowed: [
      "method", "sigma", "baseline_periods", "min_baseline_periods", "min_count", "rules", "fdr",
      "run_rules", "small_count_weight",
    ])
    let rules = try node?["rules"]?.strings() ?? Defaults.rules
    if let unknown = rules.first(where: { !Defaults.rules.contains($0) }), let node {
      throw (node["rules"] ?? node).error(
        "unknown rule \"\(unknown)\"; known: \(Defaults.rules.joined(separator: ", "))")
    }
    var fdr = Defaults.fdr
    if let fdrNode = node?["fdr"] {
      if try fdrNode.string().lowercased() == "off" {
        fdr = nil
      } else {
        let value = try fdrNode.double()
        guard value > 0, value < 1 else {
          throw fdrNode.error("expected a rate between 0 and 1, or off")
        }
        fdr = value
      }
    }
    let baseline = try positiveInt(node?["baseline_periods"]) ?? Defaults.baselinePeriods
    let minBaseline = try positiveInt(node?["min_baseline_periods"]) ?? Defaults.minBaselinePeriods
    if minBaseline > baseline, let node {
      throw (node["min_baseline_periods"] ?? node).error(
        "is \(minBaseline), more than baseline_periods (\(baseline)): no cell could ever be judged")
    }
    var smallCountWeight = Defaults.smallCountWeight
    if let weightNode = node?["small_count_weight"] {
      smallCountWeight = try weightNode.double()
      guard smallCountWeight >= 0, smallCountWeight <= 1 else {
        throw weightNode.error("expected a weight from 0 to 1 (1: small cells weigh like the rest)")
      }
    }
    return Control(
      method: try oneOf(node?["method"], methods) ?? Defaults.controlMethod,
      sigma: try positive(node?["sigma"]) ?? Defaults.sigma,
      baselinePeriods: baseline, minBaselinePeriods: minBaseline,
      minCount: try positiveInt(node?["min_count"]) ?? Defaults.minCount,
      rules: rules, fdr: fdr,
      runRules: try oneOf(node?["run_rules"], ["watch", "anomaly"]) ?? Defaults.runRules,
      smallCountWeight: smallCountWeight)
  }

  private static func pareto(_ node: YAMLNode?) throws(ConfigError) -> Pareto {
    _ = try node?.mapping(allowed: ["threshold", "window_periods"])
    let threshold = try positive(node?["threshold"]) ?? Defaults.paretoThreshold
    if threshold > 1, let node {
      throw (node["threshold"] ?? node).error("expected a share up to 1, e.g. 0.8")
    }
    return Pareto(
      threshold: threshold,
      windowPeriods: try positiveInt(node?["window_periods"]) ?? Defaults.paretoWindow)
  }

  private static func recurrence(_ node: YAMLNode?) throws(ConfigError) -> Recurrence {
    _ = try node?.mapping(allowed: ["repeat_customer_min", "window_periods"])
    return Recurrence(
      repeatCustomerMin: try positiveInt(node?["repeat_customer_min"])
        ?? Defaults.repeatCustomerMin,
      windowPeriods: try positiveInt(node?["window_periods"]) ?? Defaults.recurrenceWindow)
  }

  private static func reports(_ node: YAMLNode?) throws(ConfigError) -> Reports {
    _ = try node?.mapping(allowed: ["dir", "formats", "customer_names"])
    var formats = Defaults.formats
    if let formatsNode = node?["formats"] {
      formats = []
      for item in try formatsNode.list() {
        guard let format = try oneOf(item, Self.formats) else { continue }
        formats.append(format)
      }
    }
    return Reports(
      dir: try node?["dir"]?.string() ?? Defaults.reportsDir, formats: formats,
      customerNames: try node?["customer_names"]?.bool() ?? Defaults.customerNames)
  }

  private static func oneOf(_ node: YAMLNode?, _ allowed: [String]) throws(ConfigError) -> String? {
    guard let node else { return nil }
    let value = try node.string()
    guard allowed.contains(value) else {
      let shown = allowed.map { $0 == "\t" ? "\"\\t\"" : $0 }.joined(separator: ", ")
      throw node.error("\"\(value)\" is not one of: \(shown)")
    }
    return value
  }

  private static func positive(_ node: YAMLNode?) throws(ConfigError) -> Double? {
    guard let node else { return nil }
    let value = try node.double()
    guard value > 0 else { throw node.error("must be greater than 0") }
    return value
  }

  private static func positiveInt(_ node: YAMLNode?) throws(ConfigError) -> Int? {
    guard let node else { return nil }
    let value = try node.int()
    guard value > 0 else { throw node.error("must be at least 1") }
    return value
  }
}
