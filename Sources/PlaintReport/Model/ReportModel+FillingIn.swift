extension ReportModel {
  /// The rule for trailing periods still filling in (publication lag), and what it found: a
  /// period at the end of the exports far below the level of the whole periods before it, whose
  /// latest periods fall away, is shown and never judged until its rows arrive.
  public struct FillingIn: Codable, Sendable, Equatable {
    /// "negative_binomial_lower_tail": each trailing period is tested against the level of the
    /// whole periods before the run and against the period before it.
    public var method: String = FillingIn.methodName
    /// The one-sided level of each test (`publication_lag.level`).
    public var level: Double
    /// At most this many trailing periods are treated as filling in.
    public var maxPeriods: Int
    /// The trailing periods of the exports that reach the end of the data still filling in.
    public var periods: [String] = []
    /// Product lines still filling in in the reported period.
    public var lines: [String] = []
    /// When the reported period is filling in: its complaints in those lines, the mean of the
    /// whole periods before the run, the lowest count not "far below" it, the period before's
    /// count, and how many periods gave the mean.
    @Nullable public var complaints: Int? = nil
    @Rounded public var expected: Double? = nil
    @Nullable public var lowerLimit: Int? = nil
    @Nullable public var previous: Int? = nil
    @Nullable public var baselinePeriods: Int? = nil
    /// How many periods are tested together for "far below" (1 for months, 4 for weeks).
    public var blockPeriods: Int = 1
    /// When the reported period is filling in: the first period of its trailing run, how many
    /// periods the run holds, and their complaints.
    @Nullable public var runFrom: String? = nil
    @Nullable public var runPeriods: Int? = nil
    @Nullable public var runComplaints: Int? = nil
    /// "every_complaint" when most complaints are in no product line and the rule counted every
    /// complaint; absent when it counted the complaints in product lines.
    public var counts: String? = nil

    public static let methodName = "negative_binomial_lower_tail"

    public init(level: Double, maxPeriods: Int) {
      self.level = level
      self.maxPeriods = maxPeriods
    }

    enum CodingKeys: String, CodingKey {
      case method, level, periods, lines, complaints, expected, previous, counts
      case maxPeriods = "max_periods"
      case lowerLimit = "lower_limit"
      case baselinePeriods = "baseline_periods"
      case blockPeriods = "block_periods"
      case runFrom = "run_from"
      case runPeriods = "run_periods"
      case runComplaints = "run_complaints"
    }
  }
}
