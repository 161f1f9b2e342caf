/// Everything a report says about one period: the single value every renderer reads.
///
/// Encodes to `report.json` (schema `plaint.report/1`, docs/outputs.md). Periods, categories, tiers,
/// chart methods and rule names are plain strings so the report stays a stable wire format that
/// does not move when the statistics types do. Optional numbers encode as `null`, so every key is
/// always present — but `language` and `labels`, which an English report without taxonomy labels
/// leaves out, so its bytes are those of a report written before either existed.
public struct ReportModel: Codable, Sendable, Equatable {
  public static let schemaName = "plaint.report/1"

  public var schema: String
  /// The reported period, "YYYY-MM" or "YYYY-Www".
  public var period: String
  /// "month" or "week".
  public var granularity: String
  public var method: Method
  public var totals: Totals
  public var inputs: [Input]
  /// Base cells only (category × product line × tier, `unassigned` excluded).
  public var cells: [CellSeries]
  /// Roll-ups, with "*" in each rolled-up field.
  public var rollups: [CellSeries]
  public var anomalies: [Anomaly]
  /// Points below the lower limit, in the same shape as anomalies.
  public var improvements: [Anomaly]
  /// Cells flagged in the previous usable period and in control now (status "resolved").
  public var resolved: [Anomaly]
  /// Cells with a signal that did not pass as an anomaly this period (a `beyond_limit` above the
  /// UCL that failed the period's family adjustment, or a run rule), in the shape of anomalies:
  /// listed so nothing is hidden, not acted on.
  public var watches: [Anomaly] = []
  public var dataGaps: [DataGap]
  public var pareto: ParetoTables
  public var recurrence: Recurrence
  public var resolution: Resolution
  /// Test complaints sent on purpose: found (and where they landed) or missing. They are left out
  /// of every other number in the report.
  public var canaries: Canaries = Canaries()
  /// The hash of the taxonomy the tickets were classified with.
  public var taxonomyHash: String
  /// How many stored tickets were re-placed because the taxonomy or grid settings changed.
  public var reclassified: Int
  /// Frequent words of unclassified tickets, to help extend the taxonomy.
  public var unclassifiedTerms: [TermCount]
  /// What the exports cover: the reported period whole, partial or not at all, each file's span,
  /// and the periods of each product line that no export (or only part of one) covers.
  public var coverage: Coverage = Coverage()
  /// The shares of the period's complaints a reader should know about: unassigned,
  /// unclassified, empty text, outside the judged cells; and the limits of the data.
  public var dataQuality: DataQuality = DataQuality()
  /// The language of the report's fixed text ("de", "tr", …); absent for English.
  public var language: String? = nil
  /// The taxonomy's display labels in that language, by id; absent when the taxonomy has none.
  public var labels: Labels? = nil

  public init(
    period: String, granularity: String, method: Method, totals: Totals, inputs: [Input] = [],
    cells: [CellSeries] = [], rollups: [CellSeries] = [], anomalies: [Anomaly] = [],
    improvements: [Anomaly] = [], resolved: [Anomaly] = [], dataGaps: [DataGap] = [],
    pareto: ParetoTables = .init(),
    recurrence: Recurrence = .init(), resolution: Resolution = .init(), taxonomyHash: String = "",
    reclassified: Int = 0, unclassifiedTerms: [TermCount] = []
  ) {
    self.schema = Self.schemaName
    self.period = period
    self.granularity = granularity
    self.method = method
    self.totals = totals
    self.inputs = inputs
    self.cells = cells
    self.rollups = rollups
    self.anomalies = anomalies
    self.improvements = improvements
    self.resolved = resolved
    self.dataGaps = dataGaps
    self.pareto = pareto
    self.recurrence = recurrence
    self.resolution = resolution
    self.taxonomyHash = taxonomyHash
    self.reclassified = reclassified
    self.unclassifiedTerms = unclassifiedTerms
  }

  enum CodingKeys: String, CodingKey {
    case schema, period, granularity, method, totals, inputs, cells, rollups, anomalies
    case improvements, resolved, pareto, recurrence, resolution, reclassified, canaries
    case coverage
    case dataQuality = "data_quality"
    case watches
    case dataGaps = "data_gaps"
    case taxonomyHash = "taxonomy_hash"
    case unclassifiedTerms = "unclassified_terms"
    case language, labels
  }
}

extension ReportModel {
  /// Display labels by id: what the report shows instead of `service.slow_response`.
  public struct Labels: Codable, Sendable, Equatable {
    /// By category id ("product").
    public var categories: [String: String]
    /// By tier id ("key_account", "consumer").
    public var tiers: [String: String]
    /// By product line name.
    public var productLines: [String: String]
    /// By issue key ("service.slow_response").
    public var issues: [String: String]

    public init(
      categories: [String: String] = [:], tiers: [String: String] = [:],
      productLines: [String: String] = [:], issues: [String: String] = [:]
    ) {
      self.categories = categories
      self.tiers = tiers
      self.productLines = productLines
      self.issues = issues
    }

    public var isEmpty: Bool {
      categories.isEmpty && tiers.isEmpty && productLines.isEmpty && issues.isEmpty
    }

    enum CodingKeys: String, CodingKey {
      case categories, tiers, issues
      case productLines = "product_lines"
    }
  }
}

extension ReportModel {
  /// The control-chart settings the report was judged with.
  public struct Method: Codable, Sendable, Equatable {
    /// The configured method: "auto", "u", "laney" or "poisson".
    public var name: String
    public var sigma: Double
    public var baselinePeriods: Int
    public var minBaselinePeriods: Int
    public var minCount: Int
    /// The Benjamini–Hochberg level; nil when the configuration says "off".
    public var fdr: Double?
    public var rules: [String]
    /// "watch" (run-rule signals are watches) or "anomaly" (they are anomalies, unadjusted).
    public var runRules: String = "anomaly"
    /// The family weight of a cell whose expected count is below 5, against 1 for the others.
    public var smallCountWeight: Double = 1
    /// Whether the settings are those the simulated size and power were measured at.
    public var simulatedAtDefaults: Bool = false
    /// "sales units", or "none: count chart, one unit per period" without a sales file.
    public var exposure: String
    /// One sentence naming the method, for people.
    public var description: String
    /// Base cells charted in the reported period by the chart they got ("u", "laney", "poisson").
    public var charts: [String: Int] = [:]
    /// Base cells in the reported period's Benjamini–Hochberg family (a p-value and enough history).
    public var cellsTested: Int = 0

    public static let salesExposure = "sales units"
    public static let countExposure = "none: count chart, one unit per period"

    public init(
      name: String, sigma: Double, baselinePeriods: Int, minBaselinePeriods: Int, minCount: Int,
      fdr: Double?, rules: [String], exposure: String, description: String
    ) {
      self.name = name
      self.sigma = sigma
      self.baselinePeriods = baselinePeriods
      self.minBaselinePeriods = minBaselinePeriods
      self.minCount = minCount
      self.fdr = fdr
      self.rules = rules
      self.exposure = exposure
      self.description = description
    }

    enum CodingKeys: String, CodingKey {
      case name, sigma, fdr, rules, exposure, description
      case baselinePeriods = "baseline_periods"
      case minBaselinePeriods = "min_baseline_periods"
      case minCount = "min_count"
      case charts
      case cellsTested = "cells_tested"
      case runRules = "run_rules"
      case smallCountWeight = "small_count_weight"
      case simulatedAtDefaults = "simulated_at_defaults"
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(name, forKey: .name)
      try container.encodeNumber(sigma, forKey: .sigma)
      try container.encode(baselinePeriods, forKey: .baselinePeriods)
      try container.encode(minBaselinePeriods, forKey: .minBaselinePeriods)
      try container.encode(minCount, forKey: .minCount)
      try container.encodeNumber(fdr, forKey: .fdr)
      try container.encode(rules, forKey: .rules)
      try container.encode(runRules, forKey: .runRules)
      try container.encodeNumber(smallCountWeight, forKey: .smallCountWeight)
      try container.encode(simulatedAtDefaults, forKey: .simulatedAtDefaults)
      try container.encode(exposure, forKey: .exposure)
      try container.encode(description, forKey: .description)
      try container.encode(charts, forKey: .charts)
      try container.encode(cellsTested, forKey: .cellsTested)
    }
  }

  /// Headline numbers of the reported period.
  public struct Totals: Codable, Sendable, Equatable {
    public var complaints: Int
    /// Sales units behind the charted complaints; nil without exposure.
    public var units: Double?
    /// Complaints per unit; renderers show it per 1,000 units.
    public var rate: Double?
    /// The share of complaints a taxonomy rule classified (0...1).
    public var classifiedShare: Double?

    public init(complaints: Int, units: Double?, rate: Double?, classifiedShare: Double?) {
      self.complaints = complaints
      self.units = units
      self.rate = rate
      self.classifiedShare = classifiedShare
    }

    enum CodingKeys: String, CodingKey {
      case complaints, units, rate
      case classifiedShare = "classified_share"
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(complaints, forKey: .complaints)
      try container.encodeNumber(units, forKey: .units)
      try container.encodeNumber(rate, forKey: .rate)
      try container.encodeNumber(classifiedShare, forKey: .classifiedShare)
    }
  }

  /// Row accounting of one input file: rows_read = accepted + rejected + duplicates + filtered.
  public struct Input: Codable, Sendable, Equatable {
    public var path: String
    public var sha256: String
    public var rowsRead: Int
    public var accepted: Int
    public var rejected: Int
    public var duplicates: Int
    public var filtered: Int
    /// Bytes that were not valid in the file's encoding and became U+FFFD.
    public var replacedBytes: Int

    public init(
      path: String, sha256: String, rowsRead: Int, accepted: Int, rejected: Int, duplicates: Int,
      filtered: Int, replacedBytes: Int = 0
    ) {
      self.path = path
      self.sha256 = sha256
      self.rowsRead = rowsRead
      self.accepted = accepted
      self.rejected = rejected
      self.duplicates = duplicates
      self.filtered = filtered
      self.replacedBytes = replacedBytes
    }

    enum CodingKeys: String, CodingKey {
      case path, sha256, accepted, rejected, duplicates, filtered
      case rowsRead = "rows_read"
      case replacedBytes = "replaced_bytes"
    }
  }

  /// One charted cell or roll-up and its whole series up to the reported period.
  public struct CellSeries: Codable, Sendable, Equatable {
    /// A category, or "*" in a roll-up over categories.
    public var category: String
    public var productLine: String
    public var tier: String
    /// The chart actually used: "u", "laney", "poisson", ….
    public var chart: String
    /// Pearson dispersion ratio over the baseline; nil when it could not be estimated.
    public var phi: Double?
    /// Which baseline judged the series: the rolling one, or one frozen by `plaint baseline`.
    public var baseline: Baseline?
    public var series: [Point]

    public init(
      category: String, productLine: String, tier: String, chart: String, phi: Double?,
      baseline: Baseline? = nil, series: [Point]
    ) {
      self.category = category
      self.productLine = productLine
      self.tier = tier
      self.chart = chart
      self.phi = phi
      self.baseline = baseline
      self.series = series
    }

    enum CodingKeys: String, CodingKey {
      case category, tier, chart, phi, baseline, series
      case productLine = "product_line"
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(category, forKey: .category)
      try container.encode(productLine, forKey: .productLine)
      try container.encode(tier, forKey: .tier)
      try container.encode(chart, forKey: .chart)
      try container.encodeNumber(phi, forKey: .phi)
      try container.encodeIfPresent(baseline, forKey: .baseline)
      try container.encode(series, forKey: .series)
    }

    /// "category / product line / tier", for people.
    public var label: String { "\(category) / \(productLine) / \(tier)" }
  }

  /// The baseline a series was judged against.
  public struct Baseline: Codable, Sendable, Equatable {
    /// "rolling" (the last in-control periods before each period) or "frozen".
    public var kind: String
    /// Frozen: the `--through` period, the estimation window, the anomalies left out of it.
    public var through: String?
    public var window: [String]?
    public var excluded: [String]?
    public var frozenAt: String?
    public var version: String?

    public static let rolling = Baseline(kind: "rolling")

    public init(
      kind: String, through: String? = nil, window: [String]? = nil, excluded: [String]? = nil,
      frozenAt: String? = nil, version: String? = nil
    ) {
      self.kind = kind
      self.through = through
      self.window = window
      self.excluded = excluded
      self.frozenAt = frozenAt
      self.version = version
    }

    enum CodingKeys: String, CodingKey {
      case kind, through, window, excluded, version
      case frozenAt = "frozen_at"
    }
  }

  /// One period of a chart.
  public struct Point: Codable, Sendable, Equatable {
    public var period: String
    /// "in_control", "anomaly", "improvement", "no_exposure", "missing", "insufficient_history", ….
    public var status: String
    public var count: Int
    public var units: Double?
    public var rate: Double?
    public var center: Double?
    public var ucl: Double?
    public var lcl: Double?
    public var signals: [Signal]

    public init(
      period: String, status: String, count: Int, units: Double?, rate: Double?, center: Double?,
      ucl: Double?, lcl: Double?, signals: [Signal] = []
    ) {
      self.period = period
      self.status = status
      self.count = count
      self.units = units
      self.rate = rate
      self.center = center
      self.ucl = ucl
      self.lcl = lcl
      self.signals = signals
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(period, forKey: .period)
      try container.encode(status, forKey: .status)
      try container.encode(count, forKey: .count)
      try container.encodeNumber(units, forKey: .units)
      try container.encodeNumber(rate, forKey: .rate)
      try container.encodeNumber(center, forKey: .center)
      try container.encodeNumber(ucl, forKey: .ucl)
      try container.encodeNumber(lcl, forKey: .lcl)
      try container.encode(signals, forKey: .signals)
    }
  }

  /// A run-rule signal: the rule and the periods where its run began, fired and ended.
  public struct Signal: Codable, Sendable, Equatable {
    public var rule: String
    public var first: String
    public var trigger: String
    public var last: String

    public init(rule: String, first: String, trigger: String, last: String) {
      self.rule = rule
      self.first = first
      self.trigger = trigger
      self.last = last
    }
  }

  /// A cell judged out of control in the reported period (or an improvement, below the LCL).
  public struct Anomaly: Codable, Sendable, Equatable {
    /// Stable id, e.g. "2025-10/product/Air Fryers/consumer".
    public var id: String
    public var category: String
    public var productLine: String
    public var tier: String
    public var period: String
    public var count: Int
    /// ū·nᵢ, the count the baseline expects.
    public var expected: Double?
    public var ucl: Double?
    public var rate: Double?
    public var chart: String
    public var rules: [String]
    public var pValue: Double?
    public var qValue: Double?
    /// "new", "continuing" or "resolved".
    public var status: String
    public var streak: Int
    public var topIssues: [KeyCount]
    public var ticketIDs: [String]
    /// The team `owners:` names for the cell; nil when none does.
    public var owner: String? = nil

    public init(
      id: String, category: String, productLine: String, tier: String, period: String,
      count: Int, expected: Double?, ucl: Double?, rate: Double?, chart: String, rules: [String],
      pValue: Double?, qValue: Double?, status: String, streak: Int, topIssues: [KeyCount] = [],
      ticketIDs: [String] = []
    ) {
      self.id = id
      self.category = category
      self.productLine = productLine
      self.tier = tier
      self.period = period
      self.count = count
      self.expected = expected
      self.ucl = ucl
      self.rate = rate
      self.chart = chart
      self.rules = rules
      self.pValue = pValue
      self.qValue = qValue
      self.status = status
      self.streak = streak
      self.topIssues = topIssues
      self.ticketIDs = ticketIDs
    }

    enum CodingKeys: String, CodingKey {
      case id, category, tier, period, count, expected, ucl, rate, chart, rules, status, streak
      case productLine = "product_line"
      case pValue = "p_value"
      case qValue = "q_value"
      case topIssues = "top_issues"
      case ticketIDs = "ticket_ids"
      case owner
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(id, forKey: .id)
      try container.encode(category, forKey: .category)
      try container.encode(productLine, forKey: .productLine)
      try container.encode(tier, forKey: .tier)
      try container.encode(period, forKey: .period)
      try container.encode(count, forKey: .count)
      try container.encodeNumber(expected, forKey: .expected)
      try container.encodeNumber(ucl, forKey: .ucl)
      try container.encodeNumber(rate, forKey: .rate)
      try container.encode(chart, forKey: .chart)
      try container.encode(rules, forKey: .rules)
      try container.encodeNumber(pValue, forKey: .pValue)
      try container.encodeNumber(qValue, forKey: .qValue)
      try container.encode(status, forKey: .status)
      try container.encode(streak, forKey: .streak)
      try container.encode(topIssues, forKey: .topIssues)
      try container.encode(ticketIDs, forKey: .ticketIDs)
      try container.encode(owner, forKey: .owner)
    }

    /// "category / product line / tier", for people.
    public var label: String { "\(category) / \(productLine) / \(tier)" }
  }

  /// A key and how often it occurred.
  public struct KeyCount: Codable, Sendable, Equatable {
    public var key: String
    public var count: Int

    public init(key: String, count: Int) {
      self.key = key
      self.count = count
    }
  }

  /// A word and how often it occurred.
  public struct TermCount: Codable, Sendable, Equatable {
    public var term: String
    public var count: Int

    public init(term: String, count: Int) {
      self.term = term
      self.count = count
    }
  }

  /// A period of a product line (and tier) that could not be charted.
  public struct DataGap: Codable, Sendable, Equatable {
    public var productLine: String
    public var tier: String
    public var period: String
    /// "no_exposure" or "missing".
    public var reason: String

    public init(productLine: String, tier: String, period: String, reason: String) {
      self.productLine = productLine
      self.tier = tier
      self.period = period
      self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
      case tier, period, reason
      case productLine = "product_line"
    }
  }

  /// One row of a Pareto table.
  public struct ParetoRow: Codable, Sendable, Equatable {
    public var key: String
    public var count: Int
    public var share: Double
    public var cumulative: Double
    public var vital: Bool

    public init(key: String, count: Int, share: Double, cumulative: Double, vital: Bool) {
      self.key = key
      self.count = count
      self.share = share
      self.cumulative = cumulative
      self.vital = vital
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(key, forKey: .key)
      try container.encode(count, forKey: .count)
      try container.encodeNumber(share, forKey: .share)
      try container.encodeNumber(cumulative, forKey: .cumulative)
      try container.encode(vital, forKey: .vital)
    }
  }

  /// The five Pareto tables over the Pareto window.
  public struct ParetoTables: Codable, Sendable, Equatable {
    /// The cumulative share that ends the vital few.
    public var threshold: Double
    public var byCategory: [ParetoRow]
    public var byCell: [ParetoRow]
    public var byIssue: [ParetoRow]
    public var byProductLine: [ParetoRow]
    public var byCustomer: [ParetoRow]
    /// By issue over the window just before this one, for "this period beside the previous".
    public var previousByIssue: [ParetoRow] = []
    /// The periods of that earlier window; empty when the data starts inside it.
    public var previousPeriods: [String] = []

    public init(
      threshold: Double = 0.8, byCategory: [ParetoRow] = [], byCell: [ParetoRow] = [],
      byIssue: [ParetoRow] = [], byProductLine: [ParetoRow] = [], byCustomer: [ParetoRow] = []
    ) {
      self.threshold = threshold
      self.byCategory = byCategory
      self.byCell = byCell
      self.byIssue = byIssue
      self.byProductLine = byProductLine
      self.byCustomer = byCustomer
    }

    enum CodingKeys: String, CodingKey {
      case threshold
      case byCategory = "by_category"
      case byCell = "by_cell"
      case byIssue = "by_issue"
      case byProductLine = "by_product_line"
      case byCustomer = "by_customer"
      case previousByIssue = "previous_by_issue"
      case previousPeriods = "previous_periods"
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encodeNumber(threshold, forKey: .threshold)
      try container.encode(byCategory, forKey: .byCategory)
      try container.encode(byCell, forKey: .byCell)
      try container.encode(byIssue, forKey: .byIssue)
      try container.encode(byProductLine, forKey: .byProductLine)
      try container.encode(byCustomer, forKey: .byCustomer)
      try container.encode(previousByIssue, forKey: .previousByIssue)
      try container.encode(previousPeriods, forKey: .previousPeriods)
    }

    /// The tables with their JSON and CSV names, in a fixed order.
    public var named: [(name: String, rows: [ParetoRow])] {
      [
        ("by_category", byCategory), ("by_cell", byCell), ("by_issue", byIssue),
        ("by_product_line", byProductLine), ("by_customer", byCustomer),
      ]
    }
  }

  /// Repeat complainants, recurring issues and concentrations.
  public struct Recurrence: Codable, Sendable, Equatable {
    public var repeatCustomers: [RepeatCustomer]
    public var recurringIssues: [RecurringIssue]
    public var concentrations: [Concentration]
    /// Cells flagged again this period after an earlier anomaly of theirs was resolved.
    public var returning: [ReturningAnomaly] = []
    /// Each release of `releases:` up to the period, with the rate before and after it.
    public var releases: [ReleaseEffect] = []

    public init(
      repeatCustomers: [RepeatCustomer] = [], recurringIssues: [RecurringIssue] = [],
      concentrations: [Concentration] = [], returning: [ReturningAnomaly] = [],
      releases: [ReleaseEffect] = []
    ) {
      self.repeatCustomers = repeatCustomers
      self.recurringIssues = recurringIssues
      self.concentrations = concentrations
      self.returning = returning
      self.releases = releases
    }

    enum CodingKeys: String, CodingKey {
      case repeatCustomers = "repeat_customers"
      case recurringIssues = "recurring_issues"
      case concentrations, returning, releases
    }
  }

  /// A cell anomalous again after an earlier anomaly of it was resolved.
  public struct ReturningAnomaly: Codable, Sendable, Equatable {
    public var category: String
    public var productLine: String
    public var tier: String
    /// The top issue of the cell this period, and the top issues of the earlier anomaly.
    public var issue: String?
    public var previousIssues: [String]
    /// The last period of the earlier anomaly, the first period in control after it, and the
    /// reported period.
    public var previousPeriod: String
    public var resolvedPeriod: String
    public var period: String
    public var owner: String?

    public init(
      category: String, productLine: String, tier: String, issue: String?,
      previousIssues: [String], previousPeriod: String, resolvedPeriod: String, period: String,
      owner: String? = nil
    ) {
      self.category = category
      self.productLine = productLine
      self.tier = tier
      self.issue = issue
      self.previousIssues = previousIssues
      self.previousPeriod = previousPeriod
      self.resolvedPeriod = resolvedPeriod
      self.period = period
      self.owner = owner
    }

    enum CodingKeys: String, CodingKey {
      case category, tier, issue, period, owner
      case productLine = "product_line"
      case previousIssues = "previous_issues"
      case previousPeriod = "previous_period"
      case resolvedPeriod = "resolved_period"
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(category, forKey: .category)
      try container.encode(productLine, forKey: .productLine)
      try container.encode(tier, forKey: .tier)
      try container.encode(issue, forKey: .issue)
      try container.encode(previousIssues, forKey: .previousIssues)
      try container.encode(previousPeriod, forKey: .previousPeriod)
      try container.encode(resolvedPeriod, forKey: .resolvedPeriod)
      try container.encode(period, forKey: .period)
      try container.encode(owner, forKey: .owner)
    }
  }

  /// A release and the complaint rate of its product line (in one category) before and after it.
  public struct ReleaseEffect: Codable, Sendable, Equatable {
    public var productLine: String
    public var component: String
    public var version: String
    /// The release day, "YYYY-MM-DD", and the period it falls in (where charts mark it).
    public var date: String
    public var period: String
    public var category: String
    /// The whole periods compared on each side (the release's own period belongs to "after" only
    /// when the release is on its first day; otherwise it is left out).
    public var periodsBefore: [String]
    public var periodsAfter: [String]
    public var countBefore: Int
    public var countAfter: Int
    /// Complaints per unit (per period without sales).
    public var rateBefore: Double?
    public var rateAfter: Double?
    /// rate after / rate before.
    public var ratio: Double?
    /// Two-sided exact Poisson rate-ratio test (conditional binomial).
    public var pValue: Double?
    /// "up", "down", "no change" or "not enough data".
    public var verdict: String
    public var text: String

    public init(
      productLine: String, component: String, version: String, date: String, period: String,
      category: String, periodsBefore: [String], periodsAfter: [String], countBefore: Int,
      countAfter: Int,
      rateBefore: Double?, rateAfter: Double?, ratio: Double?, pValue: Double?, verdict: String,
      text: String
    ) {
      self.productLine = productLine
      self.component = component
      self.version = version
      self.date = date
      self.period = period
      self.category = category
      self.periodsBefore = periodsBefore
      self.periodsAfter = periodsAfter
      self.countBefore = countBefore
      self.countAfter = countAfter
      self.rateBefore = rateBefore
      self.rateAfter = rateAfter
      self.ratio = ratio
      self.pValue = pValue
      self.verdict = verdict
      self.text = text
    }

    enum CodingKeys: String, CodingKey {
      case component, version, date, period, category, ratio, verdict, text
      case productLine = "product_line"
      case periodsBefore = "periods_before"
      case periodsAfter = "periods_after"
      case countBefore = "count_before"
      case countAfter = "count_after"
      case rateBefore = "rate_before"
      case rateAfter = "rate_after"
      case pValue = "p_value"
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(productLine, forKey: .productLine)
      try container.encode(component, forKey: .component)
      try container.encode(version, forKey: .version)
      try container.encode(date, forKey: .date)
      try container.encode(period, forKey: .period)
      try container.encode(category, forKey: .category)
      try container.encode(periodsBefore, forKey: .periodsBefore)
      try container.encode(periodsAfter, forKey: .periodsAfter)
      try container.encode(countBefore, forKey: .countBefore)
      try container.encode(countAfter, forKey: .countAfter)
      try container.encodeNumber(rateBefore, forKey: .rateBefore)
      try container.encodeNumber(rateAfter, forKey: .rateAfter)
      try container.encodeNumber(ratio, forKey: .ratio)
      try container.encodeNumber(pValue, forKey: .pValue)
      try container.encode(verdict, forKey: .verdict)
      try container.encode(text, forKey: .text)
    }
  }

  /// Test complaints: the ones found, where each landed, and the expected ones never seen.
  public struct Canaries: Codable, Sendable, Equatable {
    public var found: [Canary]
    /// Expected ids (`canaries.expected`) that no stored ticket has.
    public var missing: [String]

    public init(found: [Canary] = [], missing: [String] = []) {
      self.found = found
      self.missing = missing
    }
  }

  /// A canary ticket and the cell it landed in.
  public struct Canary: Codable, Sendable, Equatable {
    public var system: String
    public var id: String
    public var period: String
    public var category: String
    public var productLine: String
    public var tier: String
    public var issue: String
    /// "tag", "id" or "expected": what made it a canary.
    public var matchedBy: String
    /// Whether `canaries.expected` lists it.
    public var expected: Bool

    public init(
      system: String, id: String, period: String, category: String, productLine: String,
      tier: String, issue: String, matchedBy: String, expected: Bool
    ) {
      self.system = system
      self.id = id
      self.period = period
      self.category = category
      self.productLine = productLine
      self.tier = tier
      self.issue = issue
      self.matchedBy = matchedBy
      self.expected = expected
    }

    enum CodingKeys: String, CodingKey {
      case system, id, period, category, tier, issue, expected
      case productLine = "product_line"
      case matchedBy = "matched_by"
    }
  }

  /// A customer who complained at least `repeat_customer_min` times in the window.
  public struct RepeatCustomer: Codable, Sendable, Equatable {
    /// The customer id (never the display name unless the configuration allows it).
    public var customer: String
    public var count: Int
    public var keyAccount: Bool
    public var issues: [String]

    public init(customer: String, count: Int, keyAccount: Bool, issues: [String]) {
      self.customer = customer
      self.count = count
      self.keyAccount = keyAccount
      self.issues = issues
    }

    enum CodingKeys: String, CodingKey {
      case customer, count, issues
      case keyAccount = "key_account"
    }
  }

  /// An issue in the vital few of at least two of the last three periods.
  public struct RecurringIssue: Codable, Sendable, Equatable {
    public var issue: String
    public var periods: [String]

    public init(issue: String, periods: [String]) {
      self.issue = issue
      self.periods = periods
    }
  }

  /// A cell whose complaints gather on one channel, hour or agent more than in its baseline.
  public struct Concentration: Codable, Sendable, Equatable {
    public var category: String
    public var productLine: String
    public var tier: String
    /// "channel", "hour", "weekday" or "agent".
    public var dimension: String
    /// The channel or agent as exported, the hour as "09" (09:00–09:59), the weekday in English.
    public var value: String
    public var share: Double
    public var baselineShare: Double?
    public var pValue: Double?
    /// Complaints of the cell with the value this period, and all of the cell's this period.
    public var count: Int = 0
    public var total: Int = 0
    /// Cohen's h between share and baseline share.
    public var effectSize: Double? = nil
    /// The finding in one sentence.
    public var text: String = ""

    public init(
      category: String, productLine: String, tier: String, dimension: String, value: String,
      share: Double, baselineShare: Double?, pValue: Double?, count: Int = 0, total: Int = 0,
      effectSize: Double? = nil, text: String = ""
    ) {
      self.category = category
      self.productLine = productLine
      self.tier = tier
      self.dimension = dimension
      self.value = value
      self.share = share
      self.baselineShare = baselineShare
      self.pValue = pValue
      self.count = count
      self.total = total
      self.effectSize = effectSize
      self.text = text
    }

    enum CodingKeys: String, CodingKey {
      case category, tier, dimension, value, share, count, total, text
      case productLine = "product_line"
      case baselineShare = "baseline_share"
      case pValue = "p_value"
      case effectSize = "effect_size"
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(category, forKey: .category)
      try container.encode(productLine, forKey: .productLine)
      try container.encode(tier, forKey: .tier)
      try container.encode(dimension, forKey: .dimension)
      try container.encode(value, forKey: .value)
      try container.encodeNumber(share, forKey: .share)
      try container.encodeNumber(baselineShare, forKey: .baselineShare)
      try container.encodeNumber(pValue, forKey: .pValue)
      try container.encode(count, forKey: .count)
      try container.encode(total, forKey: .total)
      try container.encodeNumber(effectSize, forKey: .effectSize)
      try container.encode(text, forKey: .text)
    }
  }

  /// Resolution times.
  public struct Resolution: Codable, Sendable, Equatable {
    public var byCategory: [ResolutionRow]
    /// The same per base cell ("category/product line/tier").
    public var byCell: [ResolutionRow] = []
    /// The target the breach shares are measured against.
    public var slaHours: Double? = nil
    /// Complaints of the window not resolved by the end of the period and older than the SLA then,
    /// longest open first.
    public var openPastSLA: [OpenComplaint] = []

    public init(
      byCategory: [ResolutionRow] = [], byCell: [ResolutionRow] = [], slaHours: Double? = nil,
      openPastSLA: [OpenComplaint] = []
    ) {
      self.byCategory = byCategory
      self.byCell = byCell
      self.slaHours = slaHours
      self.openPastSLA = openPastSLA
    }

    enum CodingKeys: String, CodingKey {
      case byCategory = "by_category"
      case byCell = "by_cell"
      case slaHours = "sla_hours"
      case openPastSLA = "open_past_sla"
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(byCategory, forKey: .byCategory)
      try container.encode(byCell, forKey: .byCell)
      try container.encodeNumber(slaHours, forKey: .slaHours)
      try container.encode(openPastSLA, forKey: .openPastSLA)
    }
  }

  /// A complaint still open past the SLA at the end of the reported period.
  public struct OpenComplaint: Codable, Sendable, Equatable {
    public var system: String
    public var id: String
    /// Creation time, ISO 8601.
    public var created: String
    public var category: String
    public var productLine: String
    public var tier: String
    public var issue: String
    /// Hours from creation to the end of the period.
    public var hoursOpen: Double
    public var owner: String?

    public init(
      system: String, id: String, created: String, category: String, productLine: String,
      tier: String, issue: String, hoursOpen: Double, owner: String?
    ) {
      self.system = system
      self.id = id
      self.created = created
      self.category = category
      self.productLine = productLine
      self.tier = tier
      self.issue = issue
      self.hoursOpen = hoursOpen
      self.owner = owner
    }

    enum CodingKeys: String, CodingKey {
      case system, id, created, category, tier, issue, owner
      case productLine = "product_line"
      case hoursOpen = "hours_open"
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(system, forKey: .system)
      try container.encode(id, forKey: .id)
      try container.encode(created, forKey: .created)
      try container.encode(category, forKey: .category)
      try container.encode(productLine, forKey: .productLine)
      try container.encode(tier, forKey: .tier)
      try container.encode(issue, forKey: .issue)
      try container.encodeNumber(hoursOpen, forKey: .hoursOpen)
      try container.encode(owner, forKey: .owner)
    }
  }

  /// Resolution times of one key; nil where no ticket was resolved.
  public struct ResolutionRow: Codable, Sendable, Equatable {
    public var key: String
    public var medianHours: Double?
    public var p90Hours: Double?
    public var slaBreachShare: Double?
    /// Complaints of the period, those resolved by now, and those open at the end of the period
    /// for longer than the SLA.
    public var complaints: Int = 0
    public var resolved: Int = 0
    public var openPastSLA: Int = 0

    public init(
      key: String, medianHours: Double?, p90Hours: Double?, slaBreachShare: Double?,
      complaints: Int = 0, resolved: Int = 0, openPastSLA: Int = 0
    ) {
      self.key = key
      self.medianHours = medianHours
      self.p90Hours = p90Hours
      self.slaBreachShare = slaBreachShare
      self.complaints = complaints
      self.resolved = resolved
      self.openPastSLA = openPastSLA
    }

    enum CodingKeys: String, CodingKey {
      case key, complaints, resolved
      case medianHours = "median_hours"
      case p90Hours = "p90_hours"
      case slaBreachShare = "sla_breach_share"
      case openPastSLA = "open_past_sla"
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(key, forKey: .key)
      try container.encodeNumber(medianHours, forKey: .medianHours)
      try container.encodeNumber(p90Hours, forKey: .p90Hours)
      try container.encodeNumber(slaBreachShare, forKey: .slaBreachShare)
      try container.encode(complaints, forKey: .complaints)
      try container.encode(resolved, forKey: .resolved)
      try container.encode(openPastSLA, forKey: .openPastSLA)
    }
  }
}

extension ReportModel {
  /// The roll-up over every cell ("*" / "*" / "*"), if the report has one.
  public var total: CellSeries? {
    rollups.first { $0.category == "*" && $0.productLine == "*" && $0.tier == "*" }
  }

  /// The baseline centre line of the total roll-up in the reported period.
  public var baselineCenter: Double? {
    total?.series.last { $0.period == period }?.center
  }
}

extension KeyedEncodingContainer {
  /// Encodes a number rounded for output (see `OutputNumber`), writing `null` for nil or non-finite.
  mutating func encodeNumber(_ value: Double?, forKey key: Key) throws {
    if let value, let rounded = OutputNumber.rounded(value) {
      try encode(rounded, forKey: key)
    } else {
      try encodeNil(forKey: key)
    }
  }
}

extension ReportModel.ReleaseEffect {
  /// "component version", or whichever of the two is given.
  public var name: String {
    [component, version].filter { !$0.isEmpty }.joined(separator: " ")
  }

  /// The marker a control chart of this product line draws.
  public var marker: ControlChartSVG.Marker {
    ControlChartSVG.Marker(period: period, label: name)
  }
}

extension ReportModel {
  /// Release markers for the charts of one product line.
  public func releaseMarkers(productLine: String) -> [ControlChartSVG.Marker] {
    recurrence.releases.filter { $0.productLine == productLine }.map(\.marker)
  }
}
