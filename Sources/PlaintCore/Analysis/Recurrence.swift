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

    public init(customer: String, count: Int, keyAccount: Bool, issues: [String]) {
      self.customer = customer
      self.count = count
      self.keyAccount = keyAccount
      self.issues = issues
    }
  }

  /// The customers with `minimum` or more complaints in `periods`, most complaints first, then by
  /// customer; complaints without a customer are not counted.
  public static func repeatCustomers(
    _ tickets: [ClassifiedTicket], in periods: Set<Period>, minimum: Int
  ) -> [RepeatCustomer] {
    var counts: [CustomerCount] = []
    for ticket in tickets where periods.contains(ticket.period) {
      guard let customer = ticket.ticket.customer, !customer.isEmpty else { continue }
      counts.append(
        CustomerCount(
          customer: customer, issueKey: ticket.issueKey,
          keyAccount: ticket.cell.tier == .keyAccount, count: 1))
    }
    return repeatCustomers(counts: counts, minimum: minimum)
  }

  /// Complaints of one customer with one issue, in or out of the key-account tier: what a
  /// report's summary counts.
  public struct CustomerCount: Sendable, Equatable {
    public var customer: String
    public var issueKey: String
    public var keyAccount: Bool
    public var count: Int

    public init(customer: String, issueKey: String, keyAccount: Bool, count: Int) {
      self.customer = customer
      self.issueKey = issueKey
      self.keyAccount = keyAccount
      self.count = count
    }
  }

  /// The same from counts (of the window's periods only).
  public static func repeatCustomers(counts: [CustomerCount], minimum: Int) -> [RepeatCustomer] {
    var byCustomer: [String: RepeatCustomer] = [:]
    var issues: [String: Set<String>] = [:]
    for entry in counts {
      var customer =
        byCustomer[entry.customer]
        ?? RepeatCustomer(customer: entry.customer, count: 0, keyAccount: false, issues: [])
      customer.count += entry.count
      customer.keyAccount = customer.keyAccount || entry.keyAccount
      byCustomer[entry.customer] = customer
      issues[entry.customer, default: []].insert(entry.issueKey)
    }
    return repeatCustomers(
      totals: byCustomer.values.map { customer in
        var customer = customer
        customer.issues = Array(issues[customer.customer] ?? [])
        return customer
      }, minimum: minimum)
  }

  /// The same from each customer's totals over the window (its complaints, whether any came
  /// from the key-account tier, its issue keys, each once).
  public static func repeatCustomers(totals: some Sequence<RepeatCustomer>, minimum: Int)
    -> [RepeatCustomer]
  {
    totals.filter { $0.count >= minimum }
      .map { customer in
        var customer = customer
        customer.issues.sort()
        return customer
      }
      // Most complaints first, then by customer: a Pareto table's order.
      .sorted { Pareto.precedes(($0.customer, $0.count), ($1.customer, $1.count)) }
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
    let counts = periods.map { period in
      var counts: [String: Int] = [:]
      for ticket in tickets where ticket.period == period {
        counts[ticket.issueKey, default: 0] += 1
      }
      return counts
    }
    return recurringIssues(
      counts: counts, periods: periods, threshold: threshold, minimumPeriods: minimumPeriods)
  }

  /// The same from counts: complaints per issue key in each of `periods` (in their order).
  public static func recurringIssues(
    counts: [[String: Int]], periods: [Period], threshold: Double, minimumPeriods: Int = 2
  ) -> [RecurringIssue] {
    var vitalPeriods: [String: [Period]] = [:]
    for (period, counts) in zip(periods, counts) {
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
    topIssues(
      counts: Dictionary(grouping: tickets, by: \.issueKey).mapValues(\.count), limit: limit)
  }

  /// The same from counts of complaints per issue key.
  public static func topIssues(counts: [String: Int], limit: Int) -> [String] {
    counts.map { ($0.key, $0.value) }
      .sorted { ($0.1, $1.0) > ($1.1, $0.0) }.prefix(limit).map(\.0)
  }
}
