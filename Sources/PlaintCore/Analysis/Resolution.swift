import Foundation

/// How long complaints took to resolve, and which of them breached the SLA.
///
/// A complaint breaches the SLA when it was resolved later than the SLA after creation, or is
/// still unresolved and older than the SLA at the end of the period. Without an SLA nothing
/// breaches.
public enum Resolution {
  /// The resolution times of one group of complaints (a category, a cell).
  public struct Summary: Sendable, Equatable {
    /// Complaints in the group.
    public var complaints: Int
    /// Hours from creation to resolution, sorted; times that run backwards are left out.
    public var hours: [Double]
    /// Breaches of the SLA; 0 without one.
    public var breaches: Int
    /// Complaints open at the end of the period (unresolved, or resolved only later) and older
    /// than the SLA then.
    public var openPastSLA: Int

    public init(complaints: Int, hours: [Double], breaches: Int, openPastSLA: Int) {
      self.complaints = complaints
      self.hours = hours
      self.breaches = breaches
      self.openPastSLA = openPastSLA
    }

    /// The median resolution time in hours; nil when none was resolved.
    public var medianHours: Double? { Resolution.quantile(hours, 0.5) }
    /// The 90th percentile of the resolution times in hours; nil when none was resolved.
    public var p90Hours: Double? { Resolution.quantile(hours, 0.9) }
  }

  /// A file measures resolution only when its tickets old enough to have been resolved carry a
  /// resolution time at least this often: under one in ten, the column is practically unused
  /// (2 of 871 rows, the hostile tester's F-L), and its open tickets would be read as breaches.
  public static let inUseShare = 0.1
  /// Fewer older tickets than this say too little for the test: the file is trusted.
  public static let inUseMinimum = 20.0

  /// How old a ticket must be, at a file's last row, to count as old enough to have been
  /// resolved: 30 days, or twice the SLA when that is longer.
  public static func settledDays(slaHours: Double?) -> Int {
    max(30, Int((2 * (slaHours ?? 0) / 24).rounded(.up)))
  }

  /// Whether a file whose tickets carry `resolved` resolution times in all, against about
  /// `olderTickets` tickets created `settledDays` or more before its last row, uses the column
  /// too rarely to measure resolution. A young backlog, most of it recent and open, has few
  /// older tickets and is trusted; every resolution time is counted against the older tickets,
  /// so a file is called sparse only when even they could not be resolved one in ten.
  public static func isSparse(resolved: Int, olderTickets: Double) -> Bool {
    olderTickets >= inUseMinimum && Double(resolved) < inUseShare * olderTickets
  }

  /// The summary of `tickets` for a period that ends at `periodEnd`, against `slaHours`.
  public static func summary(_ tickets: [Ticket], slaHours: Double?, periodEnd: Date) -> Summary {
    let sla = slaHours ?? .infinity
    let hours = tickets.compactMap { ticket in
      ticket.resolved.map { $0.timeIntervalSince(ticket.created) / 3600 }
    }.filter { $0 >= 0 }.sorted()
    var breaches = 0
    var openPast = 0
    for ticket in tickets {
      if let resolved = ticket.resolved {
        if resolved.timeIntervalSince(ticket.created) / 3600 > sla { breaches += 1 }
        if resolved >= periodEnd, periodEnd.timeIntervalSince(ticket.created) / 3600 > sla {
          openPast += 1
        }
      } else if periodEnd.timeIntervalSince(ticket.created) / 3600 > sla {
        breaches += 1
        openPast += 1
      }
    }
    return Summary(
      complaints: tickets.count, hours: hours, breaches: breaches, openPastSLA: openPast)
  }

  /// The q-quantile of sorted values, by linear interpolation between the closest ranks; nil
  /// when there are none.
  public static func quantile(_ sorted: [Double], _ q: Double) -> Double? {
    guard !sorted.isEmpty else { return nil }
    let position = q * Double(sorted.count - 1)
    let lower = Int(position.rounded(.down))
    let upper = min(lower + 1, sorted.count - 1)
    return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
  }

  /// A complaint still open at the end of the period and older than the SLA then.
  public struct OpenComplaint: Sendable, Equatable {
    public var ticket: ClassifiedTicket
    /// Hours from creation to the end of the period.
    public var hoursOpen: Double
  }

  /// The complaints created before `periodEnd` and open then (unresolved, or resolved only at or
  /// after it) for longer than `slaHours`; the longest open first, then by system and id. None
  /// without an SLA.
  public static func openPastSLA(
    _ tickets: [ClassifiedTicket], slaHours: Double?, periodEnd: Date
  ) -> [OpenComplaint] {
    guard let sla = slaHours else { return [] }
    return tickets.compactMap { item -> OpenComplaint? in
      let ticket = item.ticket
      guard ticket.created < periodEnd, ticket.resolved.map({ $0 >= periodEnd }) ?? true else {
        return nil
      }
      let hours = periodEnd.timeIntervalSince(ticket.created) / 3600
      return hours > sla ? OpenComplaint(ticket: item, hoursOpen: hours) : nil
    }
    .sorted { a, b in
      // Longest open first, then by system and id as bytes, as every other list of tickets.
      if a.hoursOpen != b.hoursOpen { return a.hoursOpen > b.hoursOpen }
      let (first, second) = (a.ticket.ticket, b.ticket.ticket)
      return Ticket.keyPrecedes(first.system, first.id, second.system, second.id)
    }
  }
}
