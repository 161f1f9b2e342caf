import Foundation
import PlaintCore

/// The shape of the simulated business: a grid like the demo's, with sales that move by season
/// and grow, and complaint counts that are Poisson or overdispersed around a constant rate.
public struct GridShape: Sendable, Hashable {
  public var lines: Int
  public var categories: Int
  public var tiers: Int
  public var months: Int
  /// The expected monthly count of the smallest and the largest cell at average sales.
  public var smallestExpected: Double
  public var largestExpected: Double
  /// The dispersion ratios φ handed out, in turn, to every `overdispersedEvery`-th of the cells
  /// whose expected count is at least `overdispersedFrom`; the other cells are Poisson (φ = 1).
  public var dispersions: [Double]
  public var overdispersedEvery: Int
  public var overdispersedFrom: Double

  /// The demo's grid: 7 product lines × 4 categories × 2 tiers over 36 months, about 1 to 250
  /// complaints a cell a month, every third cell expecting 30 or more overdispersed (φ 2 to 7:
  /// month-to-month rate variation of 12 to 29 %; the demo's Robot Vacuums service cell has 20 %).
  public init(
    lines: Int = 7, categories: Int = 4, tiers: Int = 2, months: Int = 36,
    smallestExpected: Double = 1, largestExpected: Double = 250,
    dispersions: [Double] = [2, 3, 5, 7], overdispersedEvery: Int = 3,
    overdispersedFrom: Double = 30
  ) {
    self.lines = lines
    self.categories = categories
    self.tiers = tiers
    self.months = months
    self.smallestExpected = smallestExpected
    self.largestExpected = largestExpected
    self.dispersions = dispersions
    self.overdispersedEvery = overdispersedEvery
    self.overdispersedFrom = overdispersedFrom
  }

  public var cellCount: Int { lines * categories * tiers }

  /// Each cell's expected count at average sales, and its dispersion ratio φ.
  ///
  /// Product lines are spaced geometrically in volume, categories take shares of 45, 25, 20 and
  /// 10 % and the key-account tier a quarter of the consumer tier's volume, then the whole is
  /// scaled to run from `smallestExpected` to `largestExpected`.
  public func cells() -> [SimulatedCell] {
    let categoryShares = [0.45, 0.25, 0.2, 0.1]
    var raw: [Double] = []
    for line in 0..<lines {
      let volume = lines > 1 ? pow(10, Double(line) / Double(lines - 1)) : 1
      for category in 0..<categories {
        let share = categoryShares[category % categoryShares.count]
        for tier in 0..<tiers { raw.append(volume * share * (tier == 0 ? 1 : 0.25)) }
      }
    }
    let low = raw.min() ?? 1
    let high = raw.max() ?? 1
    let span = high > low ? log(largestExpected / smallestExpected) / log(high / low) : 0
    var cells: [SimulatedCell] = []
    var large = 0
    var overdispersed = 0
    for (index, value) in raw.enumerated() {
      let expected = smallestExpected * pow(value / low, span)
      var phi = 1.0
      if !dispersions.isEmpty, expected >= overdispersedFrom {
        if large % max(1, overdispersedEvery) == overdispersedEvery - 1 {
          phi = dispersions[overdispersed % dispersions.count]
          overdispersed += 1
        }
        large += 1
      }
      cells.append(SimulatedCell(line: index / (categories * tiers), expected: expected, phi: phi))
    }
    return cells
  }
}

/// One cell of the simulated grid.
public struct SimulatedCell: Sendable, Hashable {
  /// The product line whose sales are the cell's exposure.
  public var line: Int
  /// The expected monthly count at average sales.
  public var expected: Double
  /// The dispersion ratio Var/mean at `expected` (1 = Poisson), made by a gamma-distributed
  /// month-to-month rate with squared coefficient of variation (φ − 1)/expected.
  public var phi: Double
}

/// An event planted in one cell from a given month on.
public enum PlantedEvent: Sendable, Hashable {
  /// The rate multiplied by `factor` from the onset on.
  case step(factor: Double)
  /// The rate multiplied by (1 + `perMonth`)ᵏ in the k-th month from the onset (k = 1…`months`),
  /// then held.
  case trend(perMonth: Double, months: Int)
  /// One month with `count` complaints (nil: a Poisson draw with mean `mean`), then back to normal.
  case spike(count: Int?, mean: Double)

  /// The multiple of the usual rate in month `offset` after the onset (0 = the onset month).
  func factor(at offset: Int) -> Double {
    guard offset >= 0 else { return 1 }
    switch self {
    case .step(let factor): return factor
    case .trend(let perMonth, let months): return pow(1 + perMonth, Double(min(offset + 1, months)))
    case .spike: return 1
    }
  }
}

extension GridShape {
  /// One simulated history: each cell's observations (index = month), drawn from `random`.
  ///
  /// Sales per product line follow a season (±15 %), 4 % yearly growth and 2 % noise; a cell's
  /// rate is constant, so its counts are in control unless `planted` says otherwise.
  func history(
    _ cells: [SimulatedCell], random: inout SimulationRandom,
    planted: (cell: Int, event: PlantedEvent, onset: Int)? = nil
  ) -> [[ChartObservation]] {
    let units: [[Double]] = (0..<lines).map { _ in
      (0..<months).map { month in
        let season = 1 + 0.15 * sin(2 * Double.pi * Double(month) / 12)
        let growth = 1 + 0.04 * Double(month) / 12
        return (1000 * season * growth * (1 + 0.02 * random.normal())).rounded()
      }
    }
    return cells.enumerated().map { index, cell in
      let rate = cell.expected / 1000
      let cv2 = (cell.phi - 1) / cell.expected
      return (0..<months).map { month in
        let n = units[cell.line][month]
        var mean = rate * n
        if cv2 > 0 { mean = random.gamma(shape: 1 / cv2, scale: mean * cv2) }
        if let planted, planted.cell == index {
          let offset = month - planted.onset
          if case .spike(let count, let spikeMean) = planted.event, offset == 0 {
            if let count { return ChartObservation(count: count, units: n) }
            mean = spikeMean * n / 1000
          } else {
            mean *= planted.event.factor(at: offset)
          }
        }
        return ChartObservation(count: random.poisson(mean), units: n)
      }
    }
  }
}
