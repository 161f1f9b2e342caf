import Foundation
import Testing

@testable import PlaintCore

private func ticket(
  _ id: Int, _ period: Period, customer: String? = nil, issue: String = "slow",
  tier: Tier = .consumer
) -> ClassifiedTicket {
  ClassifiedTicket(
    ticket: Ticket(
      system: "desk", id: "\(id)", created: period.start(in: .gmt), text: "",
      customer: customer, location: SourceLocation(file: "t.csv", line: id)),
    period: period, cell: Cell(category: .service, productLine: "Kettles", tier: tier),
    issue: issue, rule: "")
}

/// A judged point that is an anomaly or not, with the chart status given.
private func point(_ anomaly: Bool, _ status: PointStatus = .ok) -> JudgedPoint {
  JudgedPoint(
    point: ChartPoint(count: 0, units: 1, status: status), baselineCount: 0, qValue: nil,
    isAnomaly: anomaly, isImprovement: false, insufficientHistory: false, status: nil, streak: 0,
    anomalyRules: [])
}

@Suite("Recurrence")
struct RecurrenceTests {
  let september = Period.month(2026, 9)
  let october = Period.month(2026, 10)
  let august = Period.month(2026, 8)

  @Test func repeatCustomersCountOnlyTheWindowAndNamedCustomers() {
    let tickets = [
      ticket(1, october, customer: "ann", issue: "slow"),
      ticket(2, september, customer: "ann", issue: "rude", tier: .keyAccount),
      ticket(3, october, customer: "ann", issue: "slow"),
      // Outside the window: not counted.
      ticket(4, august, customer: "ann"),
      ticket(5, october, customer: "bob"),
      ticket(6, october, customer: "bob"),
      ticket(7, october, customer: ""),
      ticket(8, october, customer: ""),
      ticket(9, october, customer: ""),
      ticket(10, october),
      ticket(11, october),
      ticket(12, october),
    ]
    let window: Set = [september, october]
    let three = Recurrence.repeatCustomers(tickets, in: window, minimum: 3)
    #expect(
      three == [
        .init(
          customer: "ann", count: 3, keyAccount: true, issues: ["service.rude", "service.slow"])
      ])
    let two = Recurrence.repeatCustomers(tickets, in: window, minimum: 2)
    #expect(two.map(\.customer) == ["ann", "bob"])
    #expect(two.last?.keyAccount == false)
  }

  @Test func anIssueVitalInTwoOfThreePeriodsRecurs() {
    var tickets: [ClassifiedTicket] = []
    var id = 0
    func add(_ period: Period, _ issue: String, _ count: Int) {
      for _ in 0..<count {
        id += 1
        tickets.append(ticket(id, period, issue: issue))
      }
    }
    // Ten of twelve (83 %) is past the 80 % cut on its own: the top issue alone is vital.
    add(august, "leak", 10)
    add(august, "noise", 1)
    add(august, "rust", 1)
    add(september, "noise", 10)
    add(september, "leak", 1)
    add(september, "rust", 1)
    add(october, "leak", 10)
    add(october, "rust", 1)
    add(october, "noise", 1)
    let recurring = Recurrence.recurringIssues(
      tickets, periods: [august, september, october], threshold: 0.8)
    #expect(recurring == [.init(issue: "service.leak", periods: [august, october])])
    let once = Recurrence.recurringIssues(
      tickets, periods: [august, september, october], threshold: 0.8, minimumPeriods: 1)
    #expect(once.map(\.issue) == ["service.leak", "service.noise"])
  }

  @Test func anAnomalyReturnsAfterAGapInControl() {
    let points = [point(false), point(true), point(false), point(false), point(true)]
    #expect(Recurrence.returning(points) == .init(previous: 1, resolved: 2))
  }

  @Test func theCurrentRunOfAnomaliesCountsAsOne() {
    #expect(Recurrence.returning([point(false), point(true), point(true)]) == nil)
    let back = Recurrence.returning([point(true), point(false), point(true), point(true)])
    #expect(back == .init(previous: 0, resolved: 1))
  }

  @Test func theResolvedPeriodIsTheFirstUsableOneAfterTheEarlierAnomaly() {
    let gap = [point(true), point(false, .missing), point(false), point(true)]
    #expect(Recurrence.returning(gap) == .init(previous: 0, resolved: 2))
    // No usable period between: the one right after the earlier anomaly stands in.
    let unusable = [point(true), point(false, .notCovered), point(true)]
    #expect(Recurrence.returning(unusable) == .init(previous: 0, resolved: 1))
  }

  @Test func nothingReturnsWithoutAnAnomalyNowOrBefore() {
    #expect(Recurrence.returning([]) == nil)
    #expect(Recurrence.returning([point(true), point(false)]) == nil)
    #expect(Recurrence.returning([point(false), point(false), point(true)]) == nil)
  }

  @Test func topIssuesAreTheMostFrequentTiesByKey() {
    let tickets = [
      ticket(1, october, issue: "b"), ticket(2, october, issue: "a"),
      ticket(3, october, issue: "c"), ticket(4, october, issue: "c"),
    ]
    #expect(Recurrence.topIssues(tickets, limit: 2) == ["service.c", "service.a"])
  }
}
