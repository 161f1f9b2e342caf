import PlaintCore

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
  /// Cells with too few whole periods for a control chart, judged as run charts instead.
  public var runCharts: [RunChart] = []
  /// Each issue's share of all complaints on a p or Laney p′ chart; null where sales give rates.
  @Nullable public var shares: Shares? = nil
  /// The vital few issues inside each product line and each anomaly's cell.
  public var drivers: Drivers = Drivers()
  /// The language of the report's fixed text ("de", "tr", …); absent for English.
  public var language: String? = nil
  /// The taxonomy's display labels in that language, by id; absent when the taxonomy has none.
  public var labels: Labels? = nil
  /// One section per configured slice (`slices:` in plaint.yml); absent when none is set.
  public var slices: [SliceSection]? = nil

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
    case language, labels, slices
    case runCharts = "run_charts"
    case shares, drivers
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
    @Rounded public var sigma: Double
    public var baselinePeriods: Int
    public var minBaselinePeriods: Int
    public var minCount: Int
    /// The Benjamini–Hochberg level; nil when the configuration says "off".
    @Rounded public var fdr: Double?
    public var rules: [String]
    /// "watch" (run-rule signals are watches) or "anomaly" (they are anomalies, unadjusted).
    public var runRules: String = "anomaly"
    /// The family weight of a cell whose expected count is below 5, against 1 for the others.
    @Rounded public var smallCountWeight: Double = 1
    /// A level shift is followed after this many judged periods in a row that began beyond a
    /// limit and stayed on that side of the centre; null when `rebaseline_after: off`.
    @Nullable public var rebaselineAfter: Int? = nil
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
    /// The concentration family's method, gates and size; nil when the period supports none.
    public var concentrations: ConcentrationMethod? = nil

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
      case rebaselineAfter = "rebaseline_after"
      case simulatedAtDefaults = "simulated_at_defaults"
      case concentrations
    }
  }

  /// Headline numbers of the reported period.
  public struct Totals: Codable, Sendable, Equatable {
    /// Counted in the period; `null` in JSON when nothing is known of it (`known` false).
    public var complaints: Int
    /// False for a period the exports do not cover: its count is no data, not zero.
    public var known = true
    /// Sales units behind the charted complaints; nil without exposure.
    @Rounded public var units: Double?
    /// Complaints per unit; renderers show it per 1,000 units.
    @Rounded public var rate: Double?
    /// The share of complaints a taxonomy rule classified (0...1).
    @Rounded public var classifiedShare: Double?

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

    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      let counted = try container.decodeIfPresent(Int.self, forKey: .complaints)
      complaints = counted ?? 0
      known = counted != nil
      _units = try container.decode(Rounded<Double?>.self, forKey: .units)
      _rate = try container.decode(Rounded<Double?>.self, forKey: .rate)
      _classifiedShare = try container.decode(Rounded<Double?>.self, forKey: .classifiedShare)
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      if known {
        try container.encode(complaints, forKey: .complaints)
      } else {
        try container.encodeNil(forKey: .complaints)
      }
      try container.encode(_units, forKey: .units)
      try container.encode(_rate, forKey: .rate)
      try container.encode(_classifiedShare, forKey: .classifiedShare)
    }
  }

  /// Row accounting of one input file: rows_read = accepted + rejected + duplicates + filtered.
  @dynamicMemberLookup
  public struct Input: Codable, Sendable, Equatable {
    public var path: String
    public var sha256: String
    /// How the file's rows ended (the report shows the counts, not the reasons).
    public var rows: RowAccounting

    /// The reasons in `rows` are left out: the report lists the rejects themselves.
    public init(path: String, sha256: String, rows: RowAccounting) {
      self.path = path
      self.sha256 = sha256
      self.rows = rows
      self.rows.reasons = [:]
    }

    public subscript<Value>(dynamicMember count: KeyPath<RowAccounting, Value>) -> Value {
      rows[keyPath: count]
    }

    enum CodingKeys: String, CodingKey {
      case path, sha256
    }

    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      path = try container.decode(String.self, forKey: .path)
      sha256 = try container.decode(String.self, forKey: .sha256)
      rows = try RowAccounting(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
      try rows.encode(to: encoder)
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(path, forKey: .path)
      try container.encode(sha256, forKey: .sha256)
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
}

extension ReportModel {
  /// The roll-up over every cell ("*" / "*" / "*"), if the report has one.
  public var total: CellSeries? {
    rollups.first { $0.category == "*" && $0.productLine == "*" && $0.tier == .all }
  }

  /// The baseline centre line of the total roll-up in the reported period.
  public var baselineCenter: Double? {
    total?.series.last { $0.period == period }?.center
  }
}
