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

/// Recurring defects: returning anomalies, concentrations, releases, canaries and the open
/// complaints past the SLA. Everything here reads tickets and counts without the canaries.
extension ReportAssembly {
  /// How many whole periods on each side of a release its rates are compared over.
  static let releasePeriods = 6
  /// How many of the top cells of the Pareto by cell are checked for concentrations.
  static let concentrationParetoCells = 5

  // MARK: - Returning anomalies

  /// Each anomaly whose cell was flagged before, then in control, and is flagged again now.
  func returning(
    _ anomalies: [ReportModel.Anomaly], judged: [SeriesKey: JudgedSeries], periods: [Period],
    counts: CubeCounts
  ) -> [ReportModel.ReturningAnomaly] {
    var found: [ReportModel.ReturningAnomaly] = []
    for anomaly in anomalies {
      let key = SeriesKey(
        category: anomaly.category, productLine: anomaly.productLine, tier: anomaly.tier)
      guard let points = judged[key]?.points, !points.isEmpty else { continue }
      var start = points.count - 1
      while start > 0, points[start - 1].isAnomaly { start -= 1 }
      guard let previous = points[..<start].lastIndex(where: \.isAnomaly) else { continue }
      let resolved =
        points[(previous + 1)..<start].firstIndex { $0.point.status == .ok } ?? previous + 1
      let earlier = counts.issues(periods[previous], cell: key)
      found.append(
        ReportModel.ReturningAnomaly(
          category: anomaly.category, productLine: anomaly.productLine, tier: anomaly.tier,
          issue: anomaly.topIssues.first?.key, previousIssues: Self.topIssues(earlier, limit: 3),
          previousPeriod: periods[previous].description,
          resolvedPeriod: periods[resolved].description, period: period.description,
          owner: anomaly.owner))
    }
    return found
  }

  static func topIssues(_ counts: [String: Int], limit: Int) -> [String] {
    counts.map { ($0.key, $0.value) }
      .sorted { ($0.1, $1.0) > ($1.1, $0.0) }.prefix(limit).map(\.0)
  }

  // MARK: - Concentrations

  /// For each anomalous cell and the top cells of the Pareto: a channel, hour, weekday or agent
  /// this period's complaints gather on, compared with the cell's own baseline periods.
  func concentrations(cells: [SeriesKey], counts: CubeCounts, baseline: [Period])
    -> [ReportModel.Concentration]
  {
    let now: Set<String> = [period.description]
    let before = Set(baseline.map(\.description))
    let names = configuration.cubeBuilder().dimensions.map(\.name)
    var found: [ReportModel.Concentration] = []
    for key in cells {
      let total = counts.current[key] ?? 0
      let baselineTotal = baseline.reduce(0) { $0 + (counts.cells($1)[key] ?? 0) }
      for dimension in names {
        guard
          let finding = Concentration.find(
            current: counts.values(key, dimension, in: now), total: total,
            baseline: counts.values(key, dimension, in: before), baselineTotal: baselineTotal)
        else { continue }
        found.append(
          ReportModel.Concentration(
            category: key.category, productLine: key.productLine, tier: key.tier,
            dimension: dimension, value: finding.value, share: finding.share,
            baselineShare: finding.baselineShare, pValue: finding.pValue, count: finding.count,
            total: finding.total, effectSize: finding.effectSize))
      }
    }
    return found
  }

  // MARK: - Releases

  /// The complaint rate of each release's product line (in its category) over up to six whole
  /// periods before and after it, with the exact Poisson rate-ratio test.
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
      let releasePeriod = Period(containing: day, in: zone, granularity: configuration.granularity)
      guard releasePeriod <= period else { continue }
      let firstAfter =
        releasePeriod.start(in: zone) == day ? releasePeriod : releasePeriod.next(in: zone)
      // Only periods the line's exports cover whole are compared: a gap is not zero.
      let line = grid.rollups[SeriesKey(category: "*", productLine: release.productLine, tier: "*")]
      func observation(_ at: Period) -> (count: Int, units: Double)? {
        guard let i = index[at], (line?[i].coverage ?? .whole) == .whole else { return nil }
        var count = 0
        for tier in Tier.allCases {
          let key = SeriesKey(
            category: release.category.rawValue, productLine: release.productLine,
            tier: tier.rawValue)
          count += grid.cells[key]?[i].count ?? 0
        }
        let exposure = context.sales == nil ? 1 : units[release.productLine]?[at] ?? 0
        return exposure > 0 ? (count, exposure) : nil
      }
      var before: [(Period, Int, Double)] = []
      var cursor = releasePeriod.previous(in: zone)
      while before.count < Self.releasePeriods, let first = grid.periods.first, cursor >= first {
        if let seen = observation(cursor) { before.insert((cursor, seen.count, seen.units), at: 0) }
        cursor = cursor.previous(in: zone)
      }
      var after: [(Period, Int, Double)] = []
      cursor = firstAfter
      while after.count < Self.releasePeriods, cursor <= period {
        if let seen = observation(cursor) { after.append((cursor, seen.count, seen.units)) }
        cursor = cursor.next(in: zone)
      }
      effects.append(
        effect(release, period: releasePeriod, before: before, after: after))
    }
    return effects
  }

  private func effect(
    _ release: ReleaseRow, period releasePeriod: Period, before: [(Period, Int, Double)],
    after: [(Period, Int, Double)]
  ) -> ReportModel.ReleaseEffect {
    let c1 = before.reduce(0) { $0 + $1.1 }
    let c2 = after.reduce(0) { $0 + $1.1 }
    let e1 = before.reduce(0) { $0 + $1.2 }
    let e2 = after.reduce(0) { $0 + $1.2 }
    let rate1 = e1 > 0 ? Double(c1) / e1 : nil
    let rate2 = e2 > 0 ? Double(c2) / e2 : nil
    let ratio = rate1.flatMap { r1 in rate2.flatMap { r1 > 0 ? $0 / r1 : nil } }
    let p = ExactTests.rateRatioPValue(before: c1, exposure: e1, after: c2, exposure: e2)
    let verdict: String
    if let p, let rate1, let rate2 {
      verdict = p > Self.releaseAlpha ? "no change" : rate2 > rate1 ? "up" : "down"
    } else {
      verdict = "not enough data"
    }
    return ReportModel.ReleaseEffect(
      productLine: release.productLine, component: release.component, version: release.version,
      date: release.date, period: releasePeriod.description,
      category: release.category.rawValue,
      periodsBefore: before.map { $0.0.description }, periodsAfter: after.map { $0.0.description },
      countBefore: c1, countAfter: c2, rateBefore: rate1, rateAfter: rate2, ratio: ratio,
      pValue: p, verdict: verdict, text: "")
  }

  /// A release changed the rate when the two-sided test says so at this level.
  static let releaseAlpha = 0.01

  // MARK: - Canaries

  /// The canaries of the reported period and every expected one, found or missing, from every
  /// stored ticket the canary rules match.
  func canaries(_ stored: [ClassifiedTicket]) -> ReportModel.Canaries {
    let settings = configuration.canaries
    guard !settings.isEmpty else { return ReportModel.Canaries() }
    let expected = Set(settings.expected)
    let byTag = TicketExclusion(tags: settings.tags)
    let byID = TicketExclusion(idPatterns: settings.ids)
    let found = stored.filter { $0.period == period || expected.contains($0.ticket.id) }
      .map { item in
        let matchedBy =
          byTag.matches(item.ticket) ? "tag" : byID.matches(item.ticket) ? "id" : "expected"
        return ReportModel.Canary(
          system: item.ticket.system, id: item.ticket.id, period: item.period.description,
          category: item.cell.category.rawValue, productLine: item.cell.productLine,
          tier: item.cell.tier.rawValue, issue: item.issue, matchedBy: matchedBy,
          expected: expected.contains(item.ticket.id))
      }
      .sorted { ($0.period, $0.system, $0.id) < ($1.period, $1.system, $1.id) }
    let seen = Set(stored.map(\.ticket.id))
    return ReportModel.Canaries(
      found: found, missing: settings.expected.filter { !seen.contains($0) })
  }

  // MARK: - Open past the SLA

  /// Complaints of the window still open at the end of the period and older than the SLA then.
  func openPastSLA(_ tickets: [ClassifiedTicket], timestamps: ISO8601DateFormatter)
    -> [ReportModel.OpenComplaint]
  {
    let end = period.next(in: configuration.timeZone).start(in: configuration.timeZone)
    return tickets.compactMap { item -> ReportModel.OpenComplaint? in
      let ticket = item.ticket
      guard ticket.created < end, ticket.resolved.map({ $0 >= end }) ?? true else { return nil }
      let hours = end.timeIntervalSince(ticket.created) / 3600
      guard let sla = configuration.slaHours, hours > sla else { return nil }
      return ReportModel.OpenComplaint(
        system: ticket.system, id: ticket.id, created: timestamps.string(from: ticket.created),
        category: item.cell.category.rawValue, productLine: item.cell.productLine,
        tier: item.cell.tier.rawValue, issue: item.issue, hoursOpen: hours,
        owner: configuration.owners.owner(
          category: item.cell.category.rawValue, productLine: item.cell.productLine))
    }
    .sorted { ($1.hoursOpen, $0.system, $0.id) < ($0.hoursOpen, $1.system, $1.id) }
  }
}
