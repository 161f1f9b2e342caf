import Foundation
import PlaintCore

/// A planted event to measure the detector's power on: what, in a cell of which size.
public struct PowerScenario: Sendable, Hashable {
  public var name: String
  public var event: PlantedEvent
  /// The planted cell's expected monthly count before the event, at average sales.
  public var expected: Double

  public init(name: String, event: PlantedEvent, expected: Double) {
    self.name = name
    self.event = event
    self.expected = expected
  }

  /// The scenarios of issue 21: ×1.5 and ×2 steps at 5, 20 and 100 expected, a 15 %/month trend
  /// over 4 months at 20 and 100, and a spike of 9 against 1 expected (observed, and drawn).
  public static let standard: [PowerScenario] = {
    var scenarios: [PowerScenario] = []
    for factor in [1.5, 2.0] {
      for expected in [5.0, 20, 100] {
        let times = factor == 2 ? "×2" : "×1.5"
        scenarios.append(
          PowerScenario(
            name: "step \(times) at \(Int(expected))", event: .step(factor: factor),
            expected: expected))
      }
    }
    for expected in [20.0, 100] {
      scenarios.append(
        PowerScenario(
          name: "trend +15 %/month × 4 at \(Int(expected))",
          event: .trend(perMonth: 0.15, months: 4), expected: expected))
    }
    scenarios.append(
      PowerScenario(name: "spike: 9 against 1", event: .spike(count: 9, mean: 9), expected: 1))
    scenarios.append(
      PowerScenario(
        name: "spike: Poisson(9) against 1", event: .spike(count: nil, mean: 9), expected: 1))
    return scenarios
  }()
}

/// How often an in-control monthly report flags anything, overall and by rule.
public struct SizeResult: Sendable, Hashable {
  /// Monthly reports judged (every history contributes its months after the first baseline).
  public var reports = 0
  /// Reports with at least one anomaly.
  public var flagged = 0
  /// Reports with at least one anomaly raised by each rule.
  public var flaggedByRule: [RunRule: Int] = [:]
  /// Reports with at least one watch (and how many by each rule).
  public var watched = 0
  public var watchedByRule: [RunRule: Int] = [:]
  /// Anomalies by cell (index into `GridShape.cells()`), summed over the reports.
  public var anomaliesByCell: [Int: Int] = [:]

  public var size: Double { reports == 0 ? 0 : Double(flagged) / Double(reports) }
  public func share(_ count: Int) -> Double { reports == 0 ? 0 : Double(count) / Double(reports) }
}

/// How often, and how soon, a planted event is flagged.
public struct PowerResult: Sendable, Hashable {
  public var scenario: PowerScenario
  public var histories = 0
  /// Histories flagging the planted cell in the onset month.
  public var firstMonth = 0
  /// … within the first three months from the onset.
  public var withinThree = 0
  /// … at all before the history ends.
  public var detected = 0
  /// Months from the onset to the first flag (0 = the onset month), summed over `detected`.
  public var delaySum = 0
  /// Histories where the planted cell was at least a watch in the onset month.
  public var watchedFirstMonth = 0
  /// Histories where the planted cell is still an anomaly in the history's last month: a step
  /// that holds and is still flagged there is judged against its old level (a report crying
  /// wolf once the change is known).
  public var flaggedLastMonth = 0
  /// The last month's place in the event (1 = the onset month).
  public var lastMonthOfEvent = 0

  public var firstMonthPower: Double { share(firstMonth) }
  public var withinThreePower: Double { share(withinThree) }
  public var detectedShare: Double { share(detected) }
  /// Mean months from onset to the first flag, over the histories that flagged it.
  public var meanDelay: Double? { detected == 0 ? nil : Double(delaySum) / Double(detected) }
  func share(_ count: Int) -> Double { histories == 0 ? 0 : Double(count) / Double(histories) }
}

/// The size and power of the detector at one setting.
public struct SimulationResult: Sendable {
  public var settings: DetectorSettings
  public var histories: Int
  public var size: SizeResult
  public var power: [PowerResult]
}

/// Simulates monthly reports of an in-control business and of planted events, and measures what
/// `AnomalyDetector.judge` makes of them.
public struct DetectorSimulation: Sendable {
  public var grid: GridShape
  public var histories: Int
  public var seed: UInt64
  /// The first month counted as a monthly report (0-based): the size is measured once every
  /// cell has a full baseline.
  public var firstReport: Int
  /// The month (0-based) the planted events start.
  public var onset: Int
  public var scenarios: [PowerScenario]

  public init(
    grid: GridShape = GridShape(), histories: Int = 1000, seed: UInt64 = 21,
    firstReport: Int = 12, onset: Int = 29, scenarios: [PowerScenario] = PowerScenario.standard
  ) {
    self.grid = grid
    self.histories = histories
    self.seed = seed
    self.firstReport = firstReport
    self.onset = onset
    self.scenarios = scenarios
  }

  /// Runs the in-control histories and every scenario with `settings`.
  public func run(_ settings: DetectorSettings) -> SimulationResult {
    SimulationResult(
      settings: settings, histories: histories, size: size(settings),
      power: scenarios.map { power($0, settings) })
  }

  /// The share of in-control monthly reports that flag anything.
  public func size(_ settings: DetectorSettings) -> SizeResult {
    let cells = grid.cells()
    let root = SimulationRandom(seed: seed)
    var result = SizeResult()
    for index in 0..<histories {
      var random = root.fork(UInt64(index))
      let history = grid.history(cells, random: &random)
      let judged = judge(history, settings)
      for month in firstReport..<grid.months {
        var anomalyRules = Set<RunRule>()
        var watchRules = Set<RunRule>()
        var flagged = false
        var watched = false
        for (cell, series) in judged.enumerated() where month < series.points.count {
          let point = series.points[month]
          if point.isAnomaly {
            flagged = true
            result.anomaliesByCell[cell, default: 0] += 1
            anomalyRules.formUnion(point.anomalyRules)
          }
          if point.isWatch {
            watched = true
            watchRules.formUnion(point.watchRules)
          }
        }
        result.reports += 1
        if flagged { result.flagged += 1 }
        if watched { result.watched += 1 }
        for rule in anomalyRules { result.flaggedByRule[rule, default: 0] += 1 }
        for rule in watchRules { result.watchedByRule[rule, default: 0] += 1 }
      }
    }
    return result
  }

  /// How often and how soon the planted cell of `scenario` is flagged.
  public func power(_ scenario: PowerScenario, _ settings: DetectorSettings) -> PowerResult {
    var cells = grid.cells()
    // The planted cell replaces a Poisson cell of the grid, so the family keeps its size.
    let planted = cells.firstIndex { $0.phi == 1 } ?? 0
    cells[planted].expected = scenario.expected
    let salt = UInt64(truncatingIfNeeded: scenario.name.utf8.reduce(5381) { ($0 &* 33) &+ Int($1) })
    let root = SimulationRandom(seed: seed).fork(salt)
    var result = PowerResult(scenario: scenario)
    for index in 0..<histories {
      var random = root.fork(UInt64(index))
      let history = grid.history(
        cells, random: &random, planted: (planted, scenario.event, onset))
      let points = judge(history, settings)[planted].points
      result.histories += 1
      if points[onset].isWatch || points[onset].isAnomaly { result.watchedFirstMonth += 1 }
      result.lastMonthOfEvent = points.count - onset
      if points.last?.isAnomaly == true { result.flaggedLastMonth += 1 }
      guard let first = (onset..<points.count).first(where: { points[$0].isAnomaly }) else {
        continue
      }
      let delay = first - onset
      result.detected += 1
      result.delaySum += delay
      if delay == 0 { result.firstMonth += 1 }
      if delay < 3 { result.withinThree += 1 }
    }
    return result
  }

  private func judge(_ history: [[ChartObservation]], _ settings: DetectorSettings)
    -> [JudgedSeries]
  {
    var series: [Int: [ChartObservation]] = [:]
    for (index, observations) in history.enumerated() { series[index] = observations }
    let judged = AnomalyDetector.judge(series, settings: settings)
    return history.indices.map { judged[$0] ?? JudgedSeries(method: .u, phi: nil, points: []) }
  }
}
