import Foundation
import PlaintCore
import PlaintReport
import PlaintTestSupport
import Testing

@testable import PlaintEngine

/// The customer tally gives the Pareto by customer and the repeat customers in print order,
/// however its complaints arrive (sorted by customer from a summary, in any order from the
/// store, on two threads merged) and however few rows it holds before it spills them to its
/// scratch file: always the tables one sort of every customer's counts gives.
@Suite("Customer tally")
struct CustomerTallyTests {
  /// One complaint: its period's number (month of 2026), customer, issue and tier.
  struct Complaint {
    var month: Int
    var customer: String
    var category: Category
    var issue: String
    var keyAccount: Bool
    var issueKey: String { "\(category.rawValue).\(issue)" }
    var period: String { Period(granularity: .month, year: 2026, number: month).description }
  }

  /// Customer names with quotes, separators, line breaks, formulas, non-ASCII, and none.
  static let names = [
    "K-10017", "a@b.example", "say \"hi\"", "comma, here", "line\nbreak", "cr\r\nlf", "=SUM(A1)",
    "+1", "caf\u{E9}", "\u{4E2D}\u{6587}", "\u{1F600}", "tab\there", "<b>&</b>", "",
  ]

  static func months(_ numbers: ClosedRange<Int>) -> Set<Period> {
    Set(numbers.map { Period(granularity: .month, year: 2026, number: $0) })
  }

  /// Complaints of up to `customers` customers over months 1–6, with up to 80 issues (past the
  /// 64 kept as bits), few distinct counts (many ties) and some key accounts.
  static func complaints(_ random: inout SplitMix64) -> [Complaint] {
    let customers = 1 + random.next(below: 60)
    let issues = 1 + random.next(below: 80)
    return (0..<random.next(below: 400)).map { _ in
      let who = random.next(below: customers)
      return Complaint(
        month: 1 + random.next(below: 6),
        customer: who == 0 ? "" : "\(names[who % names.count])\(who)",
        category: [.product, .service][random.next(below: 2)],
        issue: "issue-\(random.next(below: issues))", keyAccount: random.next(below: 5) == 0)
    }
  }

  /// A tally of Pareto window months 5–6 and recurrence window 3–6.
  static func tally(minimum: Int, threshold: Double, runLength: Int = 4_096) -> CustomerTally {
    CustomerTally(
      pareto: months(5...6), recurrence: months(3...6), minimum: minimum, threshold: threshold,
      runLength: runLength)
  }

  static func add(_ complaints: [Complaint], to tally: inout CustomerTally) {
    for item in complaints {
      tally.add(
        period: item.period, customer: item.customer,
        category: item.category, issue: item.issue,
        keyAccount: item.keyAccount, count: 1)
    }
  }

  /// The complaints as a summary's `customer` entries, merged by key and sorted by customer.
  static func addSorted(_ complaints: [Complaint], to tally: inout CustomerTally) {
    var entries: [[String]: Int] = [:]
    for item in complaints {
      let tier = item.keyAccount ? Tier.keyAccount.rawValue : "consumer"
      let key = [item.customer, item.period, item.category.rawValue, item.issue, tier]
      entries[key, default: 0] += 1
    }
    let sorted = entries.sorted {
      $0.key.joined(separator: "\t").utf8.lexicographicallyPrecedes(
        $1.key.joined(separator: "\t").utf8)
    }
    for (key, count) in sorted { tally.addSorted(key, count: count) }
  }

  /// What the report showed when it held every row: one Pareto table of every customer's
  /// counts, and the repeat customers of the recurrence window (PlaintCore).
  static func expected(_ complaints: [Complaint], minimum: Int, threshold: Double)
    -> (pareto: [ReportModel.ParetoRow], repeats: [ReportModel.RepeatCustomer])
  {
    let named = complaints.filter { !$0.customer.isEmpty }
    var counts: [String: Int] = [:]
    for item in named where (5...6).contains(item.month) { counts[item.customer, default: 0] += 1 }
    let pareto = Pareto.table(counts.map { ($0.key, $0.value) }, threshold: threshold).map {
      ReportModel.ParetoRow(
        key: $0.key, count: $0.count, share: $0.share, cumulative: $0.cumulative,
        vital: $0.vital)
    }
    let repeats = Recurrence.repeatCustomers(
      counts: named.filter { (3...6).contains($0.month) }.map {
        Recurrence.CustomerCount(
          customer: $0.customer, issueKey: $0.issueKey, keyAccount: $0.keyAccount, count: 1)
      }, minimum: minimum
    ).map {
      ReportModel.RepeatCustomer(
        customer: $0.customer, count: $0.count, keyAccount: $0.keyAccount, issues: $0.issues)
    }
    return (pareto, repeats)
  }

  @Test("two halves merged give the tables of one pass, in any split", arguments: 0..<40)
  func mergeEqualsOnePass(seed: Int) throws {
    var random = SplitMix64(seed: UInt64(seed) &* 6_151 &+ 17)
    let complaints = Self.complaints(&random)
    let minimum = 1 + random.next(below: 4)
    // Any split: each complaint to either half, some halves empty.
    let share = [0, 1, 2, 3, 4][seed % 5]
    var halves: [[Complaint]] = [[], []]
    for item in complaints { halves[random.next(below: 4) < share ? 0 : 1].append(item) }

    var whole = Self.tally(minimum: minimum, threshold: 0.8)
    Self.add(complaints, to: &whole)
    try whole.finish()
    for (first, second) in [(0, 1), (1, 0)] {
      var merged = Self.tally(minimum: minimum, threshold: 0.8)
      var other = Self.tally(minimum: minimum, threshold: 0.8)
      Self.add(halves[first], to: &merged)
      Self.add(halves[second], to: &other)
      merged.merge(other)
      try merged.finish()
      #expect(Array(merged.byCustomer) == Array(whole.byCustomer))
      #expect(Array(merged.repeatCustomers) == Array(whole.repeatCustomers))
    }
    let expected = Self.expected(complaints, minimum: minimum, threshold: 0.8)
    #expect(Array(whole.byCustomer) == expected.pareto)
    #expect(Array(whole.repeatCustomers) == expected.repeats)
  }

  /// "café" composed and decomposed, "Å" as one letter, as A and a ring, and as the ångström
  /// sign: one customer each, named by the spelling whose bytes sort first, in any order of
  /// arrival and any split of the complaints between two merged tallies.
  @Test("canonically equal spellings are one customer, named alike in any order", arguments: 0..<20)
  func spellingsOfOneCustomer(seed: Int) throws {
    var random = SplitMix64(seed: UInt64(seed) &+ 99)
    let spellings = [
      ["caf\u{E9}", "cafe\u{301}"], ["\u{C5}sa", "A\u{30A}sa", "\u{212B}sa"],
    ]
    var complaints: [Complaint] = []
    for (group, names) in spellings.enumerated() {
      for name in names {
        for _ in 0..<(1 + random.next(below: 3)) {
          complaints.append(
            Complaint(
              month: 5 + random.next(below: 2), customer: name, category: .product,
              issue: "issue-\(group)", keyAccount: false))
        }
      }
    }
    complaints.shuffle(using: &random)
    let cut = random.next(below: complaints.count + 1)
    var first = Self.tally(minimum: 1, threshold: 0.8)
    var second = Self.tally(minimum: 1, threshold: 0.8)
    Self.add(Array(complaints[..<cut]), to: &first)
    Self.add(Array(complaints[cut...]), to: &second)
    first.merge(second)
    try first.finish()
    let named = Set(first.byCustomer.map(\.key).map { Array($0.utf8) })
    let expected = Set(
      spellings.map { names in
        names.map { Array($0.utf8) }.min { $0.lexicographicallyPrecedes($1) } ?? []
      })
    #expect(named == expected)
    #expect(first.byCustomer.map(\.count).reduce(0, +) == complaints.count)
  }

  @Test(
    "spilled or held, sorted or in any order, the tables are one sort of the counts",
    arguments: 0..<40)
  func spilledEqualsHeld(seed: Int) throws {
    var random = SplitMix64(seed: UInt64(seed) &* 40_503 &+ 3)
    let complaints = Self.complaints(&random)
    let minimum = 1 + random.next(below: 3)
    let threshold = [0.8, 0.5, 1, 0, 0.333][seed % 5]
    let expected = Self.expected(complaints, minimum: minimum, threshold: threshold)
    for runLength in [4_096, 1, 2 + random.next(below: 6)] {
      var sorted = Self.tally(minimum: minimum, threshold: threshold, runLength: runLength)
      Self.addSorted(complaints, to: &sorted)
      var unordered = Self.tally(minimum: minimum, threshold: threshold, runLength: runLength)
      Self.add(complaints.shuffled(using: &random), to: &unordered)
      for var tally in [sorted, unordered] {
        try tally.finish()
        #expect(Array(tally.byCustomer) == expected.pareto, "run length \(runLength)")
        #expect(Array(tally.repeatCustomers) == expected.repeats, "run length \(runLength)")
        #expect(tally.byCustomer.isSpilled == (expected.pareto.count > runLength))
      }
    }
  }
}
