/// A sustained shift in a series' level, after which its rolling baseline starts again at the
/// shift: the way SPC practice re-computes a chart's limits at a confirmed change of phase.
///
/// A point beyond its limit stays out of later baselines, so a step missed in its first month
/// does not become the new normal. Without a phase change the same rule keeps a baseline at its
/// old level for ever once the step holds: every later period is "beyond the limit" and none of
/// them may enter. A shift is confirmed when a run of `DetectorSettings.rebaselineAfter` judged
/// periods began with a point beyond a limit and stayed on that side of its centre line (Anhøj's
/// shift rule counts points on one side of the centre; the run here must also open beyond the
/// 3σ limit, so a run of chance points on one side never starts one). From the next period the
/// baseline holds only the periods from the shift's start. The run's own periods are judged
/// against the old level as before, so the first months of a step are flagged as they were.
public struct LevelShift: Sendable, Hashable {
  public enum Direction: String, Codable, Sendable {
    case up, down
  }

  public var direction: Direction
  /// The period (index) of the run's first point: where the new level begins.
  public var start: Int
  /// The period whose point completed the run; the next usable period is judged against the
  /// new level.
  public var confirmed: Int
  /// The baseline's centre (a rate per unit) at the run's first point: the level before.
  public var centerBefore: Double
  /// The centre of the run's own periods: the new level as first estimated.
  public var centerAfter: Double

  public init(
    direction: Direction, start: Int, confirmed: Int, centerBefore: Double, centerAfter: Double
  ) {
    self.direction = direction
    self.start = start
    self.confirmed = confirmed
    self.centerBefore = centerBefore
    self.centerAfter = centerAfter
  }
}

/// Counts the run that may confirm a level shift, one judged point at a time.
struct ShiftTracker: Sendable {
  private var direction: LevelShift.Direction?
  private var start = 0
  private var length = 0
  private var centerBefore = 0.0

  /// Forgets any run (a point not judged, or a new phase).
  mutating func reset() {
    direction = nil
    length = 0
  }

  /// Takes the next judged point (period index, count, expected count, centre, whether it lies
  /// beyond the upper or lower limit) and returns the run's start and the centre before it when
  /// this point makes the run `needed` periods long.
  mutating func push(
    period: Int, count: Int, expected: Double, center: Double, above: Bool, below: Bool,
    needed: Int
  ) -> (start: Int, direction: LevelShift.Direction, centerBefore: Double)? {
    let side: LevelShift.Direction? =
      Double(count) > expected ? .up : Double(count) < expected ? .down : nil
    if let direction, side == direction {
      length += 1
    } else if above || below {
      direction = above ? .up : .down
      start = period
      length = 1
      centerBefore = center
    } else {
      reset()
    }
    guard let direction, length >= needed else { return nil }
    reset()
    return (start, direction, centerBefore)
  }
}
