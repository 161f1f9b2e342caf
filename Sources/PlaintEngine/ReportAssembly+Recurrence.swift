import Foundation
import PlaintCore
import PlaintIngest
import PlaintReport
import PlaintStore

extension Configuration {
  /// The tickets every statistic leaves out: the canaries, by tag, id pattern or expected id.
  var canaryExclusion: TicketExclusion {
    TicketExclusion(tags: canaries.tags, idPatterns: canaries.ids + canaries.expected)
  }
}

/// Recurring defects: repeat customers, recurring issues, returning anomalies, concentrations and
/// releases. Everything here reads the summary's counts, which leave the canaries out.
extension ReportAssembly {
  // MARK: - Repeat customers and recurring issues

  /// Repeat customers of the recurrence window (from the report's customer tally), and the
  /// issues in the vital few of at least two of the last three periods (`Recurrence`, from the
  /// summary's issue counts).
  func recurrence(_ counts: CubeCounts, customers: CustomerTally, window: [Period])
    -> ReportModel.Recurrence
  {
    let recent = Array(window.suffix(3))
    let recurring = Recurrence.recurringIssues(
      counts: recent.map { period in
        counts.sum(.issue, [period.description]) { ReportCube.IssueFields($0).issueKey }
      },
      periods: recent, threshold: configuration.pareto.threshold
    ).map { ReportModel.RecurringIssue(issue: $0.issue, periods: $0.periods.map(\.description)) }
    var recurrence = ReportModel.Recurrence(recurringIssues: recurring)
    recurrence.repeatCustomers = customers.repeatCustomers
    // No customer in the window at all: not measured, not none (a new user's CFPB export read
    // "Repeat complainants: none").
    if customers.repeatCustomers.isEmpty && customers.byCustomer.isEmpty {
      recurrence.customersNamed = false
    }
    return recurrence
  }

  // MARK: - Returning anomalies

  /// Each anomaly whose cell was flagged before, then in control, and is flagged again now.
  func returning(
    _ anomalies: some Sequence<(SeriesKey, ReportModel.Anomaly)>,
    judged: [SeriesKey: JudgedSeries], periods: [Period], counts: CubeCounts
  ) -> [ReportModel.ReturningAnomaly] {
    var found: [ReportModel.ReturningAnomaly] = []
    for (key, anomaly) in anomalies {
      guard let points = judged[key]?.points, let back = Recurrence.returning(points) else {
        continue
      }
      let earlier = counts.issues(periods[back.previous], cell: key)
      found.append(
        ReportModel.ReturningAnomaly(
          category: anomaly.category, productLine: anomaly.productLine, tier: anomaly.tier,
          issue: anomaly.topIssues.first?.key,
          previousIssues: Recurrence.topIssues(counts: earlier, limit: 3),
          previousPeriod: periods[back.previous].description,
          resolvedPeriod: periods[back.resolved].description, period: period.description,
          owner: anomaly.owner))
    }
    return found
  }

  // MARK: - Releases

  /// The complaint rate of each release's product line (in its category) over up to six whole
  /// periods before and after it, with the exact Poisson rate-ratio test (`ReleaseEffect`).
  func releaseEffects(_ grid: GridSeries) -> [ReportModel.ReleaseEffect] {
    let zone = configuration.timeZone
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    var units: [String: [Period: Double]] = [:]
    for volume in context.sales ?? [] {
      units[volume.productLine, default: [:]][volume.period, default: 0] += volume.units
    }
    let index = Dictionary(uniqueKeysWithValues: grid.periods.enumerated().map { ($1, $0) })
    let releases = context.releases.sorted {
      ($0.date, $0.productLine, $0.name) < ($1.date, $1.productLine, $1.name)
    }
    var effects: [ReportModel.ReleaseEffect] = []
    for release in releases {
      guard
        let day = calendar.date(
          from: DateComponents(year: release.year, month: release.month, day: release.day))
      else { continue }
      let periods = ReleaseEffect.periods(
        releasedOn: day, in: zone, granularity: configuration.granularity)
      guard periods.release <= period else { continue }
      // Only periods the line's exports cover whole are compared: a gap is not zero.
      let line = grid.rollups[
        SeriesKey(category: .all, productLine: release.productLine, tier: .all)]
      let window = ReleaseEffect.window(
        release: periods.release, firstAfter: periods.firstAfter,
        from: grid.periods.first ?? period, through: period, in: zone
      ) { at -> ReleaseEffect.Observation? in
        guard let i = index[at], (line?[i].coverage ?? .whole) == .whole else { return nil }
        var count = 0
        for tier in Tier.allCases {
          let key = SeriesKey(
            Cell(category: release.category, productLine: release.productLine, tier: tier))
          count += grid.cells[key]?[i].count ?? 0
        }
        let exposure = context.sales == nil ? 1 : units[release.productLine]?[at] ?? 0
        return exposure > 0
          ? ReleaseEffect.Observation(period: at, count: count, exposure: exposure) : nil
      }
      let test = ReleaseEffect.test(before: window.before, after: window.after)
      effects.append(
        ReportModel.ReleaseEffect(
          productLine: release.productLine, component: release.component,
          version: release.version, date: release.date, period: periods.release.description,
          category: release.category.rawValue,
          periodsBefore: window.before.map(\.period.description),
          periodsAfter: window.after.map(\.period.description),
          countBefore: test.countBefore, countAfter: test.countAfter,
          rateBefore: test.rateBefore, rateAfter: test.rateAfter, ratio: test.ratio,
          pValue: test.pValue, verdict: test.verdict, text: ""))
    }
    return effects
  }
}
