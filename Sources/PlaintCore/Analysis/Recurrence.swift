/// Defects that come back: customers who complain again and again, issues that stay in the vital
/// few, and anomalies that return after their cell was back in control.
public enum Recurrence {
  /// A customer with at least the minimum number of complaints in the window.
  public struct RepeatCustomer: Sendable, Equatable {
    public var customer: String
    public var count: Int
    /// Whether any of the complaints came from the key-account tier.
    public var keyAccount: Bool
    /// The issue keys of the complaints, sorted, each once.
    public var issues: [String]
  }

  /// The customers with `minimum` or more complaints in `periods`, most complaints first, then by
  /// customer; complaints without a customer are not counted.
  public static func repeatCustomers(
    _ tickets: [ClassifiedTicket], in periods: Set<Period>, minimum: Int
  ) -> [RepeatCustomer] {
    var byCustomer: [String: [ClassifiedTicket]] = [:]
    for ticket in tickets where periods.contains(ticket.period) {
      guard let customer = ticket.ticket.customer, !customer.isEmpty else { continue }
      byCustomer[customer, default: []].append(ticket)
    }
    return byCustomer.filter { $0.value.count >= minimum }
      .map { customer, tickets in
        RepeatCustomer(
          customer: customer, count: tickets.count,
          keyAccount: tickets.contains { $0.cell.tier == .keyAccount },
          issues: Array(Set(tickets.map(\.issueKey))).sorted())
      }
      .sorted { ($0.count, $1.customer) > ($1.count, $0.customer) }
  }

  /// An issue in the vital few of the Pareto by issue in several of the periods looked at.
  public struct RecurringIssue: Sendable, Equatable {
    public var issue: String
    /// The periods it was vital in, in time order.
    public var periods: [Period]
  }

  /// The issues in the vital few (at `threshold`) of at least `minimumPeriods` of `periods`,
  /// sorted by issue key.
  public static func recurringIssues(
    _ tickets: [ClassifiedTicket], periods: [Period], threshold: Double, minimumPeriods: Int = 2
  ) -> [RecurringIssue] {
    var vitalPeriods: [String: [Period]] = [:]
    for period in periods {
      var counts: [String: Int] = [:]
      for ticket in tickets where ticket.period == period {
        counts[ticket.issueKey, default: 0] += 1
      }
      let rows = Pareto.table(counts.map { (key: $0.key, count: $0.value) }, threshold: threshold)
      for row in rows where row.vital {
        vitalPeriods[row.key, default: []].append(period)
      }
    }
    return vitalPeriods.filter { $0.value.count >= minimumPeriods }
      .map { RecurringIssue(issue: $0.key, periods: $0.value) }
      .sorted { $0.issue < $1.issue }
  }

  /// Where an anomaly that returned was flagged before, and where its cell was back in control.
  public struct Return: Sendable, Equatable {
    /// The index of the last anomalous point before the current run of anomalies.
    public var previous: Int
    /// The index of the first usable point after `previous` (the one after it when none is).
    public var resolved: Int
  }

  /// Whether the series' latest point is an anomaly that returns: its cell was flagged before,
  /// then not flagged for at least one period, and is flagged again now (the current run of
  /// anomalies counts as one). Nil when the latest point is not an anomaly or never was before.
  public static func returning(_ points: [JudgedPoint]) -> Return? {
    guard let last = points.last, last.isAnomaly else { return nil }
    var start = points.count - 1
    while start > 0, points[start - 1].isAnomaly { start -= 1 }
    guard let previous = points[..<start].lastIndex(where: \.isAnomaly) else { return nil }
    let resolved =
      points[(previous + 1)..<start].firstIndex { $0.point.status == .ok } ?? previous + 1
    return Return(previous: previous, resolved: resolved)
  }

  /// The `limit` most frequent issue keys of `tickets`, ties broken by key.
  public static func topIssues(_ tickets: [ClassifiedTicket], limit: Int) -> [String] {
    Dictionary(grouping: tickets, by: \.issueKey).map { ($0.key, $0.value.count) }
      .sorted { ($0.1, $1.0) > ($1.1, $0.0) }.prefix(limit).map(\.0)
  }
}
