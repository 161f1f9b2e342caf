import Foundation
import PlaintCore
import PlaintReport

/// Resolution times per category and per cell, and the complaints open past the SLA.
extension ReportAssembly {
  /// The first instant after the reported period, where open complaints are aged.
  var periodEnd: Date {
    period.next(in: configuration.timeZone).start(in: configuration.timeZone)
  }

  /// Which files resolution is measured for, and why not for the others, in the coverage's
  /// order of files.
  struct ResolutionFiles {
    var measured: Set<String> = []
    /// Not measured: no resolution time at all, too few (`Resolution.isSparse`), or dates
    /// without a time of day, whose resolution times would be whole days, not hours.
    var without: [String] = []
    var sparse: [ReportModel.DataQuality.SparseResolution] = []
    var datesOnly: [String] = []
  }

  var resolutionFiles: ResolutionFiles {
    var files = ResolutionFiles()
    let days = Resolution.settledDays(slaHours: configuration.slaHours)
    for file in coverage.files where file.tickets > 0 {
      let older = file.tickets(olderThan: days)
      if file.datesOnly {
        files.without.append(file.path)
        files.datesOnly.append(file.path)
      } else if file.resolved == 0 {
        files.without.append(file.path)
      } else if Resolution.isSparse(resolved: file.resolved, olderTickets: older) {
        files.without.append(file.path)
        files.sparse.append(
          .init(
            path: file.path, resolved: file.resolved, olderTickets: Int(older.rounded()),
            days: days))
      } else {
        files.measured.insert(file.path)
      }
    }
    return files
  }

  /// Resolution times of the period's complaints per category and per cell (`Resolution`). Only
  /// tickets from files that carry resolution times are measured; without `sla_hours` there are
  /// no breaches to count. The quantiles are exact: the summary keeps the period's resolution
  /// times themselves, per cell and file.
  func resolution(_ counts: CubeCounts, measured: Set<String>) -> ReportModel.Resolution {
    let sla = configuration.slaHours
    // period, category, line, tier, file (, measure)
    var byCell: [SeriesKey: Resolution.Summary] = [:]
    let name = period.description
    func cell(_ key: [String]) -> SeriesKey? {
      SeriesKey(category: key[1], productLine: key[2], tier: key[3])
    }
    let empty = Resolution.Summary(complaints: 0, hours: [], breaches: 0, openPastSLA: 0)
    for (key, value) in counts.cube[.resolution] where key[0] == name && measured.contains(key[4]) {
      guard let cell = cell(key) else { continue }
      switch key[5] {
      case "complaints": byCell[cell, default: empty].complaints += value.count
      case "breaches": byCell[cell, default: empty].breaches += value.count
      default: byCell[cell, default: empty].openPastSLA += value.count
      }
    }
    for (key, value) in counts.cube[.hours] where key[0] == name && measured.contains(key[4]) {
      guard let cell = cell(key) else { continue }
      byCell[cell, default: empty].hours = ReportCube.Value.mergeSorted(
        byCell[cell]?.hours ?? [], value.values)
    }
    func row(_ key: String, _ summary: Resolution.Summary) -> ReportModel.ResolutionRow {
      ReportModel.ResolutionRow(
        key: key, medianHours: summary.medianHours, p90Hours: summary.p90Hours,
        slaBreachShare: sla == nil ? nil : Double(summary.breaches) / Double(summary.complaints),
        complaints: summary.complaints, resolved: summary.hours.count,
        openPastSLA: summary.openPastSLA)
    }
    let byCategory = Category.allCases.compactMap { category -> ReportModel.ResolutionRow? in
      var total = empty
      for (cell, summary) in byCell where cell.category == .only(category) {
        total.complaints += summary.complaints
        total.breaches += summary.breaches
        total.openPastSLA += summary.openPastSLA
        total.hours = ReportCube.Value.mergeSorted(total.hours, summary.hours)
      }
      return total.complaints == 0 ? nil : row(category.rawValue, total)
    }
    let cells = byCell.filter { $0.value.complaints > 0 }.sorted { $0.key < $1.key }
      .compactMap { key, summary in key.cell.map { row($0.description, summary) } }
    return ReportModel.Resolution(byCategory: byCategory, byCell: cells, slaHours: sla)
  }

  /// Complaints of the window still open at the end of the period and older than the SLA then.
  func openPastSLA(_ tickets: [ClassifiedTicket], timestamps: InternetTimestamp)
    -> [ReportModel.OpenComplaint]
  {
    Resolution.openPastSLA(tickets, slaHours: configuration.slaHours, periodEnd: periodEnd).map {
      open in
      let item = open.ticket
      let ticket = item.ticket
      return ReportModel.OpenComplaint(
        system: ticket.system, id: ticket.id, created: timestamps.string(from: ticket.created),
        category: item.cell.category.rawValue, productLine: item.cell.productLine,
        tier: .only(item.cell.tier), issue: item.issue, hoursOpen: open.hoursOpen,
        owner: configuration.owners.owner(
          category: item.cell.category.rawValue, productLine: item.cell.productLine))
    }
  }
}
