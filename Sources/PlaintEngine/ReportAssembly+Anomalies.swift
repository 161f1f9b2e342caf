import Foundation
import PlaintCore
import PlaintReport
import PlaintStore

/// The charted series, their points' statuses, and the anomalies, improvements, resolved cells
/// and watches of the period, with the tickets behind each anomaly.
extension ReportAssembly {
  func series(
    _ key: SeriesKey, _ judged: JudgedSeries?, _ frozen: StoredBaseline?, _ periods: [Period]
  ) -> ReportModel.CellSeries {
    let points = (judged?.points ?? []).enumerated().map { index, judgedPoint in
      let point = judgedPoint.point
      return ReportModel.Point(
        period: periods[index].description,
        status: status(judgedPoint, line: key.productLine, periods[index]), count: point.count,
        units: point.units, rate: point.rate, center: point.center, ucl: point.ucl,
        lcl: point.lcl,
        signals: point.signals.map {
          ReportModel.Signal(
            rule: $0.rule.rawValue, first: periods[$0.first].description,
            trigger: periods[$0.trigger].description, last: periods[$0.last].description)
        })
    }
    return ReportModel.CellSeries(
      category: key.category.rawValue, productLine: key.productLine, tier: key.tier,
      chart: judged?.method ?? .u, phi: judged?.phi,
      baseline: frozen.map(Self.baseline) ?? rolling(judged?.points ?? [], periods),
      series: points)
  }

  /// The rolling baseline of the reported period: its window, how many periods entered it, and
  /// the level shift it follows.
  func rolling(_ points: [JudgedPoint], _ periods: [Period]) -> ReportModel.Baseline {
    var baseline = ReportModel.Baseline.rolling
    guard let last = points.last else { return baseline }
    if let window = last.baselineWindow {
      baseline.window = [window.lowerBound, window.upperBound].map { periods[$0].description }
      baseline.periods = last.baselineCount
    }
    if let shift = last.shift {
      let confirmedNow = shift.confirmed == periods.count - 1
      // The first period after the confirmation that was judged (a gap or a partial period
      // right after it is not); the next period when none was yet.
      let judgedAfter = points.indices.dropFirst(shift.confirmed + 1)
        .first { points[$0].point.status == .ok }
      let judgedFrom =
        judgedAfter.map { periods[$0] }
        ?? periods[shift.confirmed].next(in: configuration.timeZone)
      let level = confirmedNow ? shift.centerAfter : last.point.center ?? shift.centerAfter
      baseline.shift = ReportModel.Shift(
        direction: shift.direction.rawValue, since: periods[shift.start].description,
        confirmed: periods[shift.confirmed].description, judgedFrom: judgedFrom.description,
        level: last.point.units.map { level * $0 },
        levelBefore: last.point.units.map { shift.centerBefore * $0 })
    }
    return baseline
  }

  func status(_ point: JudgedPoint) -> ReportModel.PointStatus {
    switch point.point.status {
    case .noExposure: return .noExposure
    case .missing: return .missing
    case .notCovered: return .notCovered
    case .partial: return .partial
    case .ok:
      if point.isAnomaly { return .anomaly }
      if point.isImprovement { return .improvement }
      if point.isWatch { return .watch }
      if point.silentBaseline { return .silentBaseline }
      if point.insufficientHistory { return .insufficientHistory }
      return .inControl
    }
  }

  /// A flagged cell of the period: its point, its top issues (from the summary's counts) and
  /// the tickets behind it (`system:id`).
  func anomaly(
    _ key: SeriesKey, _ judged: JudgedSeries, _ last: JudgedPoint, _ issueCounts: [String: Int],
    _ ticketIDs: [String]
  ) -> ReportModel.Anomaly {
    let point = last.point
    let expected = point.center.flatMap { center in point.units.map { center * $0 } }
    let issues = issueCounts.map { ReportModel.KeyCount(key: $0.key, count: $0.value) }
      .sorted { ($0.count, $1.key) > ($1.count, $0.key) }
    var anomaly = ReportModel.Anomaly(
      id: ReportModel.Anomaly.id(
        period: period.description, category: key.category.rawValue,
        productLine: key.productLine, tier: key.tier.rawValue),
      category: key.category.rawValue, productLine: key.productLine, tier: key.tier,
      period: period.description,
      count: point.count, expected: expected, ucl: point.ucl, rate: point.rate,
      chart: point.method ?? judged.method,
      rules: last.anomalyRules.map(\.rawValue), pValue: point.pValue, qValue: last.qValue,
      status: last.status.map(ReportModel.AnomalyStatus.init) ?? .new, streak: last.streak,
      topIssues: Array(issues.prefix(5)),
      ticketIDs: ticketIDs)
    anomaly.owner = configuration.owners.owner(
      category: key.category.rawValue, productLine: key.productLine)
    return anomaly
  }

  func dataGaps(_ grid: GridSeries, _ judged: [SeriesKey: JudgedSeries])
    -> [ReportModel.DataGap]
  {
    var seen = Set<String>()
    var gaps: [ReportModel.DataGap] = []
    for key in grid.cells.keys.sorted() {
      for (index, point) in (judged[key]?.points ?? []).enumerated() {
        let reason: String
        switch point.point.status {
        case .noExposure: reason = "no_exposure"
        case .missing: reason = "missing"
        case .ok, .notCovered, .partial: continue
        }
        let period = grid.periods[index].description
        guard seen.insert("\(key.productLine)|\(key.tier.rawValue)|\(period)").inserted else {
          continue
        }
        gaps.append(
          ReportModel.DataGap(
            productLine: key.productLine, tier: key.tier, period: period, reason: reason))
      }
    }
    return gaps.sorted {
      ($0.period, $0.productLine, $0.tier) < ($1.period, $1.productLine, $1.tier)
    }
  }

  func gridRows(_ cells: [ReportModel.CellSeries]) -> [ReportBundle.GridRow] {
    cells.flatMap { cell in
      cell.series.map { point in
        ReportBundle.GridRow(
          period: point.period, category: cell.category, productLine: cell.productLine,
          tier: cell.tier, count: point.count, units: point.units, rate: point.rate,
          center: point.center, ucl: point.ucl, lcl: point.lcl, status: point.status,
          chart: cell.chart)
      }
    }
  }

  /// The rows of anomaly-tickets.csv: each anomaly's tickets (`rows`, positions in `listed`),
  /// in order; made on two threads when there are many (every ticket of a month can be behind
  /// an anomaly).
  func anomalyTickets(_ rows: [(id: String, positions: [Int])], listed: [ClassifiedTicket])
    -> [ReportBundle.AnomalyTicket]
  {
    var order: [(id: String, position: Int)] = []
    order.reserveCapacity(rows.reduce(0) { $0 + $1.positions.count })
    for row in rows {
      for position in row.positions { order.append((row.id, position)) }
    }
    // Read, never changed, by the two threads.
    nonisolated(unsafe) let assembly = self
    let (pairs, zone) = (order, configuration.timeZone)
    return [ReportBundle.AnomalyTicket].made(count: pairs.count, inHalvesFrom: 4_096) {
      range, put in
      // A formatter per thread: the one for times before 1970 is not shared.
      let timestamps = InternetTimestamp(timeZone: zone)
      // Each ticket read where it lies, through a pointer: through the array's subscript, and
      // then through the buffer's, each was copied whole, its every text retained and released
      // (every ticket of the bench's month: 0.06 s of the two cores).
      listed.withUnsafeBufferPointer { listed in
        guard let first = listed.baseAddress else { return }
        for at in range {
          put(at, assembly.anomalyTicket(pairs[at].id, first + pairs[at].position, timestamps))
        }
      }
    }
  }

  func anomalyTicket(
    _ id: String, _ listed: UnsafePointer<ClassifiedTicket>, _ timestamps: InternetTimestamp
  ) -> ReportBundle.AnomalyTicket {
    // Each field loaded from where it lies: `let` of the ticket was a copy of it whole.
    let cell = listed.pointee.cell
    return ReportBundle.AnomalyTicket(
      anomalyID: id, system: listed.pointee.ticket.system, ticketID: listed.pointee.ticket.id,
      created: timestamps.string(from: listed.pointee.ticket.created),
      category: cell.category.rawValue, issue: listed.pointee.issue,
      productLine: cell.productLine, tier: .only(cell.tier),
      customer: listed.pointee.ticket.customer ?? "",
      customerName: configuration.reports.customerNames
        ? listed.pointee.ticket.customerName ?? "" : "",
      channel: listed.pointee.ticket.channel ?? "", agent: listed.pointee.ticket.agent ?? "",
      matchedRule: listed.pointee.rule, source: listed.pointee.ticket.location.description,
      excerpt: listed.pointee.ticket.text.excerpt(200))
  }
}

extension Array {
  /// `count` elements made by `make`, which is given a range of positions and puts the element
  /// of each; with at least `inHalvesFrom` elements, the two halves are made on two threads,
  /// each into its own part of the one array (no half copied after).
  static func made(
    count: Int, inHalvesFrom minimum: Int,
    _ make: @escaping (Range<Int>, (Int, Element) -> Void) -> Void
  ) -> [Element] {
    let halves = count >= minimum && count > 1 ? 2 : 1
    return [Element](unsafeUninitializedCapacity: count) { buffer, made in
      // Each thread initializes only its own half of the buffer; `make` only reads.
      nonisolated(unsafe) let base = buffer.baseAddress
      nonisolated(unsafe) let make = make
      DispatchQueue.concurrentPerform(iterations: halves) { half in
        guard let base else { return }
        let cut = count / halves
        make(half == 0 ? 0..<cut : cut..<count) { at, element in
          (base + at).initialize(to: element)
        }
      }
      made = count
    }
  }
}
