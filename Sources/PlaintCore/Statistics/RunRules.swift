/// A Western Electric style rule that flags a pattern on the standardised chart.
public enum RunRule: String, Codable, Sendable, CaseIterable {
  /// One point above the upper control limit.
  case beyondLimit = "beyond_limit"
  /// Eight usable points in a row strictly above the centre line.
  case runOf8 = "run_of_8"
  /// Six usable points in a row, each strictly higher than the one before.
  case trendOf6 = "trend_of_6"
  /// Two of three consecutive usable points strictly beyond +2σ, the latest among them.
  case twoOfThreeBeyond2Sigma = "two_of_three_beyond_2sigma"
}

/// One occurrence of a rule: where its pattern starts, the point completing it, and where it ends.
///
/// The indices are 0-based positions in the charted series. `trigger...last` are the points the
/// rule flags (every point that completes the pattern again extends it); `first` is where the
/// pattern began, which may lie before a data gap since gaps are skipped, not counted.
public struct Signal: Codable, Sendable, Hashable {
  public var rule: RunRule
  public var first: Int
  public var trigger: Int
  public var last: Int

  public init(rule: RunRule, first: Int, trigger: Int, last: Int) {
    self.rule = rule
    self.first = first
    self.trigger = trigger
    self.last = last
  }
}

/// What the rules need to know about one usable point.
struct RulePoint: Hashable, Sendable {
  /// The standardised distance from the centre, in the chart's own σ (Laney: σ_z·σᵢ).
  var z: Double
  /// Strictly above the upper limit as drawn (exact limits compare counts, not z).
  var aboveLimit: Bool
  /// Strictly below the lower limit as drawn.
  var belowLimit: Bool

  /// The same point seen from below, so the upward rules detect the downward patterns.
  var mirrored: RulePoint { RulePoint(z: -z, aboveLimit: belowLimit, belowLimit: aboveLimit) }
}

/// The run-rule state of one series, fed one usable point at a time in time order.
///
/// The detector judges period by period and needs to know which rules a point completes as soon
/// as it is judged; `RunRules.signals` replays the same tracker over a whole series.
struct RuleTracker: Sendable {
  private var rules: Set<RunRule>
  private var aboveCentre = 0
  private var rising = 0
  private var previousZ: Double?
  /// Whether each of the last (up to) three points was beyond +2σ, oldest first.
  private var window: [Bool] = []

  init(rules: some Sequence<RunRule>) {
    self.rules = Set(rules)
  }

  /// Takes the next usable point and returns the rules it completes, each with how many usable
  /// points back its pattern began (0 = this point).
  mutating func push(_ point: RulePoint) -> [(rule: RunRule, back: Int)] {
    aboveCentre = point.z > 0 ? aboveCentre + 1 : 0
    if let previousZ, point.z > previousZ { rising += 1 } else { rising = 1 }
    previousZ = point.z
    window.append(point.z > 2)
    if window.count > 3 { window.removeFirst() }

    var fired: [(rule: RunRule, back: Int)] = []
    for rule in RunRule.allCases where rules.contains(rule) {
      switch rule {
      case .beyondLimit:
        if point.aboveLimit { fired.append((rule, 0)) }
      case .runOf8:
        if aboveCentre >= 8 { fired.append((rule, aboveCentre - 1)) }
      case .trendOf6:
        if rising >= 6 { fired.append((rule, rising - 1)) }
      case .twoOfThreeBeyond2Sigma:
        let beyond = window.filter { $0 }.count
        // As qcc: the point itself is beyond, with a full window of three behind the pattern.
        if window.count == 3, point.z > 2, beyond >= 2, let start = window.firstIndex(of: true) {
          fired.append((rule, 2 - start))
        }
      }
    }
    return fired
  }
}

/// Replays the rules over a whole series and reports each pattern as one `Signal`.
enum RunRules {
  /// Upward signals over `points` (nil = a gap, skipped); indices are positions in `points`.
  static func signals(_ points: [RulePoint?], rules: some Sequence<RunRule>) -> [Signal] {
    var tracker = RuleTracker(rules: rules)
    var usable: [Int] = []
    var open: [RunRule: Int] = [:]  // rule → index into `signals` of the episode still growing
    var signals: [Signal] = []
    for (index, point) in points.enumerated() {
      guard let point else { continue }
      let previous = usable.last
      usable.append(index)
      var stillOpen: [RunRule: Int] = [:]
      for (rule, back) in tracker.push(point) {
        if rule != .beyondLimit, let episode = open[rule], signals[episode].last == previous {
          signals[episode].last = index
          stillOpen[rule] = episode
        } else {
          let first = usable[usable.count - 1 - back]
          signals.append(Signal(rule: rule, first: first, trigger: index, last: index))
          stillOpen[rule] = signals.count - 1
        }
      }
      open = stillOpen
    }
    return signals.sorted { ($0.trigger, $0.rule.order) < ($1.trigger, $1.rule.order) }
  }
}

extension RunRules {
  /// Adds every signal to the points it flags: the upward rules, plus `beyond_limit` below the
  /// LCL so a chart shows both sides (the detector calls those improvements, not anomalies).
  static func attachSignals(
    to points: inout [ChartPoint], _ rulePoints: [RulePoint?], rules: [RunRule]
  ) {
    var signals = Self.signals(rulePoints, rules: rules)
    if rules.contains(.beyondLimit) {
      signals += Self.signals(rulePoints.map { $0?.mirrored }, rules: [.beyondLimit])
    }
    signals.sort { ($0.trigger, $0.rule.order) < ($1.trigger, $1.rule.order) }
    for signal in signals {
      for index in signal.trigger...signal.last { points[index].signals.append(signal) }
    }
  }
}

extension RunRule {
  /// Declaration order, for sorting signals deterministically.
  var order: Int { RunRule.allCases.firstIndex(of: self) ?? 0 }
}
