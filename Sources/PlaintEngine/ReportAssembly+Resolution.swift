import Foundation
import PlaintCore
import PlaintReport

/// Resolution times per category and per cell, and the complaints open past the SLA.
extension ReportAssembly {
  /// The first instant after the reported period, where open complaints are aged.
  var periodEnd: Date {
    period.next(in: configuration.timeZone).start(in: configuration.timeZone)
  }

  /// Resolution times of the period's complaints per category and per cell (`Resolution`). Only
  /// tickets from files that carry resolution times are measured; without `sla_hours` there are
  /// no breaches to count.
  func resolution(_ tickets: [ClassifiedTicket]) -> ReportModel.Resolution {
    let sla = configuration.slaHours
    let end = periodEnd
    func row(_ key: String, _ group: [ClassifiedTicket]) -> ReportModel.ResolutionRow {
      let summary = Resolution.summary(group.map(\.ticket), slaHours: sla, periodEnd: end)
      return ReportModel.ResolutionRow(
        key: key, medianHours: summary.medianHours, p90Hours: summary.p90Hours,
        slaBreachShare: sla == nil ? nil : Double(summary.breaches) / Double(summary.complaints),
        complaints: summary.complaints, resolved: summary.hours.count,
        openPastSLA: summary.openPastSLA)
    }
    let byCategory = Category.allCases.compactMap { category -> ReportModel.ResolutionRow? in
      let inCategory = tickets.filter { $0.cell.category == category }
      return inCategory.isEmpty ? nil : row(category.rawValue, inCategory)
    }
    let byCell = Dictionary(grouping: tickets) { $0.cell }
      .sorted { SeriesKey($0.key) < SeriesKey($1.key) }
      .map { row($0.key.description, $0.value) }
    return ReportModel.Resolution(byCategory: byCategory, byCell: byCell, slaHours: sla)
  }

  /// Complaints of the window still open at the end of the period and older than the SLA then.
  func openPastSLA(_ tickets: [ClassifiedTicket], timestamps: ISO8601DateFormatter)
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
