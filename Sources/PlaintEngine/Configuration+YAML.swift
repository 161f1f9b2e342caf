import Foundation
import PlaintCore
import PlaintIngest

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import PlaintReport

extension Configuration {
  static let profiles = [
    "auto", "zendesk", "freshdesk", "jira", "servicenow", "salesforce", "cfpb", "generic",
  ]
  static let delimiters = ["auto", ",", ";", "\t", "|"]

  /// Reads and checks `plaint.yml`; relative paths resolve against its directory.
  public static func load(path: String) throws(PlaintError) -> Configuration {
    let url = URL(fileURLWithPath: path)
    var info = stat()
    if stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
      let isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
      let inside = url.appendingPathComponent("plaint.yml").path
      let hint =
        isDirectory && FileManager.default.fileExists(atPath: inside)
        ? "; pass --config \(inside)" : "; pass --config with the path of plaint.yml"
      throw PlaintError(
        .config,
        "\(path): is \(isDirectory ? "a directory" : "not a regular file"), not a configuration file\(hint)"
      )
    }
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
      "ingest", "concentrations", "slices", "publication_lag",
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
    var firstEntry: [String: Int] = [:]
    for (index, node) in try sourcesNode.list().enumerated() {
      let entry = try source(node)
      let key = directory.appendingPathComponent(entry.path).standardizedFileURL.path
      if let first = firstEntry[entry.path.hasPrefix("/") ? entry.path : key] {
        throw (node["path"] ?? node).error(
          "repeats `sources.\(first)` (\"\(entry.path)\"): each export is read once; remove the repeat"
        )
      }
      firstEntry[entry.path.hasPrefix("/") ? entry.path : key] = index
      sources.append(entry)
    }
    if sources.isEmpty { throw sourcesNode.error("needs at least one export") }

    var configuration = Configuration(
      file: file, directory: directory,
      store: try root["store"]?.string() ?? Defaults.store,
      granularity: granularity, timeZone: timeZone, sources: sources,
      sales: try root["sales"]?.string(),
      keyAccounts: nil,
      taxonomy: try root["taxonomy"]?.string() ?? Defaults.taxonomy,
      control: try control(root["control"]),
      pareto: try pareto(root["pareto"]),
      recurrence: try recurrence(root["recurrence"]),
      slaHours: try slaHours(root["sla_hours"]),
      reports: try reports(root["reports"]))
    try keyAccounts(root["key_accounts"], into: &configuration)
    configuration.owners = try owners(root["owners"])
    configuration.canaries = try canaries(root["canaries"])
    configuration.releases = try root["releases"]?.string()
    configuration.ingest = try ingest(root["ingest"])
    configuration.concentrations = try concentrations(root["concentrations"])
    configuration.slices = try slices(root["slices"])
    configuration.publicationLag = try publicationLag(root["publication_lag"])
    return configuration
  }

  /// `sla_hours`: a positive number of hours, or `off` when there is no target.
  private static func slaHours(_ node: YAMLNode?) throws(ConfigError) -> Double? {
    guard let node else { return Defaults.slaHours }
    if (try? node.string()) == "off" { return nil }
    return try bounded(node, Ranges.slaHours) ?? Defaults.slaHours
  }

  /// `key_accounts:` — a file, `{path, column, ids}`, or a list of entries.
  private static func keyAccounts(_ node: YAMLNode?, into configuration: inout Configuration)
    throws(ConfigError)
  {
    guard let node else { return }
    var entries: [YAMLNode] = []
    if node.isMapping {
      _ = try node.mapping(allowed: ["path", "column", "ids"])
      configuration.keyAccounts = try node["path"]?.string()
      configuration.keyAccountsColumn = try node["column"]?.string()
      entries = try node["ids"]?.list() ?? []
      if configuration.keyAccounts == nil && entries.isEmpty {
        throw node.error("needs `path` (a CSV file of ids) or `ids` (a list)")
      }
      if configuration.keyAccountsColumn != nil && configuration.keyAccounts == nil {
        throw (node["column"] ?? node).error("names a column of `path`, which is missing")
      }
    } else if node.isList {
      entries = try node.list()
    } else {
      configuration.keyAccounts = try node.string()
    }
    for entry in entries {
      let value = try entry.string().trimmingCharacters(in: .whitespaces)
      if let problem = KeyAccountsLoader.problem(value) { throw entry.error(problem) }
      configuration.keyAccountEntries.append(value)
    }
  }

  private static func ingest(_ node: YAMLNode?) throws(ConfigError) -> Ingest {
    var ingest = Ingest()
    guard let node else { return ingest }
    _ = try node.mapping(allowed: [
      "max_reject_share", "max_field_bytes", "earliest_date", "latest_date",
    ])
    if let share = node["max_reject_share"] {
      if try share.string().lowercased() == "off" {
        ingest.maxRejectShare = 1
      } else {
        let value = try share.double()
        guard value >= 0, value <= 1 else {
          throw share.error("expected a share from 0 to 1 (e.g. 0.05), or off")
        }
        ingest.maxRejectShare = value
      }
    }
    if let bytes = node["max_field_bytes"] {
      let value = try bytes.int()
      guard value >= 1024, value <= 1 << 30 else {
        throw bytes.error("expected a number of bytes from 1024 to 1073741824 (1 GiB)")
      }
      ingest.maxFieldBytes = value
    }
    if let earliest = node["earliest_date"] {
      let text = try earliest.string()
      ingest.earliestDate = text.lowercased() == "off" ? nil : try day(earliest, text)
    }
    if let latest = node["latest_date"] {
      let text = try latest.string()
      switch text.lowercased() {
      case "file": ingest.latestDate = nil
      case "off": ingest.latestDate = .distantFuture
      default: ingest.latestDate = try day(latest, text).addingTimeInterval(86_400 - 0.001)
      }
    }
    if let earliest = ingest.earliestDate, let latest = ingest.latestDate, latest < earliest {
      throw node.error("latest_date is before earliest_date: no date could be read")
    }
    return ingest
  }

  /// A `yyyy-MM-dd` day as its first instant in UTC.
  private static func day(_ node: YAMLNode, _ text: String) throws(ConfigError) -> Date {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
    guard parts.count == 3, let year = parts[0], let month = parts[1], let day = parts[2],
      (1...9999).contains(year), (1...12).contains(month), (1...31).contains(day),
      let date = DateComponents(
        calendar: Calendar(identifier: .gregorian), timeZone: .gmt, year: year, month: month,
        day: day
      ).date
    else {
      throw node.error("expected a day as yyyy-MM-dd (e.g. 1990-01-01), got \"\(text)\"")
    }
    return date
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
      "where", "covers",
    ])
    guard let path = try node["path"]?.string(), !path.isEmpty else {
      throw node.error("missing key `path`: the file or glob to read")
    }
    let profile = try oneOf(node["profile"], profiles) ?? Defaults.profile
    let header = try node["header"]?.bool() ?? Defaults.header
    var columns: [(field: TicketField, columns: [String])] = []
    if let columnsNode = node["columns"] {
      let fields = TicketField.allCases.map(\.rawValue)
      for (name, value) in try columnsNode.mapping(allowed: fields) {
        guard let field = TicketField(rawValue: name) else { continue }
        let refs = try value.strings()
        if !header, let bad = refs.first(where: { Int($0).map { $0 < 1 } ?? true }) {
          throw value.error("with `header: false` columns are 1-based numbers, got \"\(bad)\"")
        }
        columns.append((field, refs))
      }
    }
    if profile == "generic" {
      let mapped = Set(columns.map(\.field))
      for required in [TicketField.id, .created, .text] where !mapped.contains(required) {
        let name = required.rawValue
        throw node.error(
          "profile generic needs `columns.\(name)`: the column that holds the ticket's \(name)")
      }
    }
    var filters: [(column: String, values: [String])] = []
    if let whereNode = node["where"] {
      for (column, values) in try whereNode.mapping() {
        filters.append((column, try values.strings()))
      }
    }
    var source = Source(
      path: path, profile: profile, system: try node["system"]?.string(),
      encoding: try oneOf(node["encoding"], TextEncoding.self) ?? Defaults.encoding,
      delimiter: try oneOf(node["delimiter"], delimiters) ?? Defaults.delimiter,
      dateFormats: try node["date_format"]?.strings() ?? [],
      columns: columns, header: header, filters: filters)
    source.covers = try covers(node["covers"])
    return source
  }

  /// `covers: {from: 2025-01-01, through: 2025-06-30}`: the days the source's exports cover,
  /// when the user knows better than the first and last ticket. Either edge may be left out: it
  /// is then open (`covers: {through: 2099-12-31}` claims only the end).
  private static func covers(_ node: YAMLNode?) throws(ConfigError) -> Source.Covers? {
    guard let node else { return nil }
    _ = try node.mapping(allowed: ["from", "through"])
    func day(_ key: String, open: String) throws(ConfigError) -> Source.Day? {
      guard let value = node[key] else { return Source.Day(open) }
      let text = try value.string()
      guard let day = Source.Day(text) else {
        throw value.error("expected a day such as 2025-01-31, got \"\(text)\"")
      }
      return day
    }
    guard node["from"] != nil || node["through"] != nil else {
      throw node.error(
        "`covers` names `from`, `through` or both: the first and last day the exports cover (`covers: {through: 2099-12-31}` for a help desk closed at weekends)"
      )
    }
    guard let from = try day("from", open: Source.Covers.openFrom),
      let through = try day("through", open: Source.Covers.openThrough)
    else { return nil }
    let covers = Source.Covers(from: from, through: through)
    guard covers.from <= covers.through else {
      throw node.error(
        "`covers.from` (\(covers.from)) is after `covers.through` (\(covers.through))")
    }
    return covers
  }

  private static func control(_ node: YAMLNode?) throws(ConfigError) -> Control {
    _ = try node?.mapping(allowed: [
      "method", "sigma", "baseline_periods", "min_baseline_periods", "min_count", "rules", "fdr",
      "run_rules", "small_count_weight", "rebaseline_after",
    ])
    var rules = Defaults.rules
    if let rulesNode = node?["rules"] {
      rules = []
      for name in try rulesNode.strings() {
        guard let rule = RunRule(rawValue: name) else {
          let known = RunRule.allCases.map(\.rawValue).joined(separator: ", ")
          throw rulesNode.error("unknown rule \"\(name)\"; known: \(known)")
        }
        rules.append(rule)
      }
    }
    var fdr = Defaults.fdr
    if let fdrNode = node?["fdr"] {
      if try fdrNode.string().lowercased() == "off" {
        fdr = nil
      } else {
        fdr = try bounded(fdrNode, Ranges.fdr)
      }
    }
    let baseline =
      try bounded(node?["baseline_periods"], Ranges.baselinePeriods) ?? Defaults.baselinePeriods
    let minBaseline =
      try bounded(node?["min_baseline_periods"], Ranges.baselinePeriods)
      ?? Defaults.minBaselinePeriods
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
    var rebaselineAfter = Defaults.rebaselineAfter
    if let rebaselineNode = node?["rebaseline_after"] {
      let text = Ranges.excerpt(rebaselineNode)
      let range = Ranges.rebaselineAfter
      let expected = "a whole number from \(range.lowerBound) to \(range.upperBound), or off"
      if text.lowercased() == "off" {
        rebaselineAfter = nil
      } else if let value = Int(text) {
        guard range.contains(value) else {
          throw rebaselineNode.error("\(value) is out of range: expected \(expected)")
        }
        rebaselineAfter = value
      } else {
        throw rebaselineNode.error("expected \(expected), got \"\(text)\"")
      }
    }
    return Control(
      method: try oneOf(node?["method"], Method.self) ?? Defaults.controlMethod,
      sigma: try bounded(node?["sigma"], Ranges.sigma) ?? Defaults.sigma,
      baselinePeriods: baseline, minBaselinePeriods: minBaseline,
      minCount: try bounded(node?["min_count"], Ranges.minCount) ?? Defaults.minCount,
      rules: rules, fdr: fdr,
      runRules: try oneOf(node?["run_rules"], RunRulePolicy.self) ?? Defaults.runRules,
      smallCountWeight: smallCountWeight, rebaselineAfter: rebaselineAfter)
  }

  private static func pareto(_ node: YAMLNode?) throws(ConfigError) -> Pareto {
    _ = try node?.mapping(allowed: ["threshold", "window_periods"])
    return Pareto(
      threshold: try bounded(node?["threshold"], Ranges.paretoThreshold)
        ?? Defaults.paretoThreshold,
      windowPeriods: try bounded(node?["window_periods"], Ranges.windowPeriods)
        ?? Defaults.paretoWindow)
  }

  private static func recurrence(_ node: YAMLNode?) throws(ConfigError) -> Recurrence {
    _ = try node?.mapping(allowed: ["repeat_customer_min", "window_periods"])
    return Recurrence(
      repeatCustomerMin: try bounded(node?["repeat_customer_min"], Ranges.repeatCustomerMin)
        ?? Defaults.repeatCustomerMin,
      windowPeriods: try bounded(node?["window_periods"], Ranges.windowPeriods)
        ?? Defaults.recurrenceWindow)
  }

  private static func reports(_ node: YAMLNode?) throws(ConfigError) -> Reports {
    _ = try node?.mapping(allowed: ["dir", "formats", "customer_names", "language"])
    var formats = Defaults.formats
    if let formatsNode = node?["formats"] {
      formats = []
      for item in try formatsNode.list() {
        guard let format = try oneOf(item, ReportFormat.self) else { continue }
        formats.append(format)
      }
    }
    return Reports(
      dir: try node?["dir"]?.string() ?? Defaults.reportsDir, formats: formats,
      customerNames: try node?["customer_names"]?.bool() ?? Defaults.customerNames,
      language: try oneOf(node?["language"], ReportLanguage.self) ?? Defaults.reportLanguage)
  }

  /// The value of a fixed vocabulary `node` names, or a `ConfigError` naming the key and listing
  /// every value the vocabulary allows.
  static func oneOf<Value: RawRepresentable & CaseIterable>(
    _ node: YAMLNode?, _ type: Value.Type
  ) throws(ConfigError) -> Value? where Value.RawValue == String {
    guard let value = try oneOf(node, type.allCases.map(\.rawValue)) else { return nil }
    return Value(rawValue: value)
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

  /// A number within its documented range (docs/configuration-ranges.md), or a `ConfigError`
  /// naming the key and the range.
  static func bounded(_ node: YAMLNode?, _ range: Ranges.Real) throws(ConfigError)
    -> Double?
  {
    guard let node else { return nil }
    let value = try node.double()
    guard range.contains(value) else {
      throw node.error("\(Ranges.shown(value)) is out of range: expected a number \(range.text)")
    }
    return value
  }

  static func bounded(_ node: YAMLNode?, _ range: ClosedRange<Int>) throws(ConfigError)
    -> Int?
  {
    guard let node else { return nil }
    let text = Ranges.excerpt(node)
    guard let value = Int(text) else {
      if let number = Double(text), number.isFinite, number == number.rounded(),
        !range.contains(Int(exactly: number) ?? range.lowerBound - 1)
      {
        throw node.error(
          "\(text) is out of range: expected a whole number from \(range.lowerBound) to \(range.upperBound)"
        )
      }
      throw node.error(
        "expected a whole number from \(range.lowerBound) to \(range.upperBound), got \"\(text)\"")
    }
    guard range.contains(value) else {
      throw node.error(
        "\(value) is out of range: expected a whole number from \(range.lowerBound) to \(range.upperBound)"
      )
    }
    return value
  }
}
