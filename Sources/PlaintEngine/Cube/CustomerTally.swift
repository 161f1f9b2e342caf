import Foundation
import PlaintCore
import PlaintReport
import PlaintStore

/// The customer counts a report shows, tallied as the window's complaints or `customer` entries go
/// by: per customer, its complaints in the Pareto window (the Pareto table by customer) and, over
/// the recurrence window, its complaints, whether any came from the key-account tier and its
/// issues (the repeat customers).
///
/// The cube's `customer` kind has an entry per customer, period, issue and tier; a report reads
/// only these sums of them. A summary's entries come sorted by customer, so each customer is
/// finished when the next begins; complaints in any order (the store's cursor, ticket partials)
/// are summed per customer first. Each finished customer's rows (its Pareto row, and its
/// repeat-customer row if it has one) go to a `RowSorter`, which holds a run of them at a time
/// and writes the rest to a scratch file, to be read back in print order as the report is
/// written. So the report step holds neither the entries nor a row per customer
/// (docs/scale-out.md). Call `finish()` before reading the tables.
struct CustomerTally {
  /// The names of the Pareto window's and the recurrence window's periods.
  let paretoPeriods: Set<String>
  let recurrencePeriods: Set<String>
  /// Complaints in the recurrence window that make a repeat customer (`repeat_customer_min`).
  let minimum: Int
  /// The cumulative share that ends the vital few of the Pareto by customer.
  let threshold: Double

  struct Entry {
    /// Complaints in the Pareto window.
    var pareto = 0
    /// Complaints in the recurrence window, and whether any came from the key-account tier.
    var recurring = 0
    var keyAccount = false
    /// The recurrence window's issues, as positions in `issueKeys`: the first 64 as bits, the
    /// others listed.
    var issueBits: UInt64 = 0
    var moreIssues: [Int] = []
  }

  /// Customers of complaints in any order, summed.
  private var entries: [String: Entry] = [:]
  /// The customer of sorted entries at hand.
  private var current: (customer: String, entry: Entry)?
  /// The finished customers' rows, on their way into print order: complaints per customer in
  /// the Pareto window (share and vital mark filled in at the end), and the repeat customers.
  private var paretoRows: RowSorter<ReportModel.ParetoRow>
  private var repeatRows: RowSorter<ReportModel.RepeatCustomer>
  /// The Pareto window's complaints of every customer: the table's total.
  private var paretoTotal = Int128(0)
  /// The first failure to write a scratch file, thrown by `finish()`.
  private var failure: ReportError?
  /// The two tables in print order, once finished.
  private(set) var byCustomer: CustomerRows<ReportModel.ParetoRow> = []
  private(set) var repeatCustomers: CustomerRows<ReportModel.RepeatCustomer> = []
  /// Each issue key (`category.issue`) seen, once, in the order seen.
  private var issueKeys: [String] = []
  private var issuePositions: [String: Int] = [:]
  private var positionsByName: [IssueName: Int] = [:]
  private struct IssueName: Hashable {
    var category: Category
    var issue: String
  }
  /// The last period added and whether it is in each window.
  private var lastPeriod: (name: String, pareto: Bool, recurrence: Bool)?

  /// `runLength` rows of each table are held before they go to the scratch file.
  init(
    pareto: Set<Period> = [], recurrence: Set<Period> = [], minimum: Int = 1,
    threshold: Double = 0.8, runLength: Int = 4_096
  ) {
    paretoPeriods = Set(pareto.map(\.description))
    recurrencePeriods = Set(recurrence.map(\.description))
    self.minimum = minimum
    self.threshold = threshold
    paretoRows = RowSorter(runLength: runLength) {
      Pareto.precedes(($0.key, $0.count), ($1.key, $1.count))
    }
    repeatRows = RowSorter(runLength: runLength) {
      Pareto.precedes(($0.customer, $0.count), ($1.customer, $1.count))
    }
  }

  /// The tally a report of `scope` keeps.
  init(_ scope: CubeScope, minimum: Int, threshold: Double, runLength: Int = 4_096) {
    self.init(
      pareto: scope.paretoWindow, recurrence: scope.recurrenceWindow, minimum: minimum,
      threshold: threshold, runLength: runLength)
  }

  /// Room for `customers` customers of complaints in any order, so the table of them is not
  /// grown and copied as they come (a tenth of a month's window pass on 100,000 customers).
  mutating func reserve(_ customers: Int) {
    entries.reserveCapacity(customers)
  }

  /// Adds `count` complaints of `customer` in `period` (its name) with `issue` of `category`, in
  /// or out of the key-account tier, in any order; a period in neither window, or no customer,
  /// adds nothing.
  mutating func add(
    period: String, customer: String, category: Category, issue: String, keyAccount: Bool,
    count: Int
  ) {
    guard !customer.isEmpty else { return }
    let windows = self.windows(period)
    guard windows.pareto || windows.recurrence else { return }
    let position = windows.recurrence ? self.position(category, issue) : nil
    Self.add(
      pareto: windows.pareto, issue: position, keyAccount: keyAccount, count: count,
      to: &entries[spelling(customer), default: Entry()])
  }

  /// The key `customer`'s complaints are summed under: Swift's strings compare canonically, so
  /// "café" composed and decomposed are one customer, named by the spelling whose UTF-8 bytes
  /// sort first, whichever came first (a cursor by creation time and SQLite's sums by bytes
  /// meet them in other orders: the hostile tester's w4). The entry is moved to that spelling
  /// when it is new. An ASCII name has no other spelling: it is its own key, with no lookup.
  private mutating func spelling(_ customer: String) -> String {
    guard !customer.utf8.allSatisfy({ $0 < 0x80 }),
      let index = entries.index(forKey: customer)
    else { return customer }
    let held = entries.keys[index]
    guard !held.utf8.elementsEqual(customer.utf8),
      customer.utf8.lexicographicallyPrecedes(held.utf8)
    else { return held }
    entries[customer] = entries.remove(at: index).value
    return customer
  }

  /// Whether `period` is in the Pareto window and in the recurrence window. Complaints come by
  /// period: the last period's answer is kept.
  private mutating func windows(_ period: String) -> (pareto: Bool, recurrence: Bool) {
    if let last = lastPeriod, last.name == period { return (last.pareto, last.recurrence) }
    let windows = (
      pareto: paretoPeriods.contains(period), recurrence: recurrencePeriods.contains(period)
    )
    lastPeriod = (period, windows.pareto, windows.recurrence)
    return windows
  }

  /// Adds a `customer` entry of the cube (customer, period, category, issue, tier), entries
  /// coming sorted by customer, as a summary's do.
  mutating func addSorted(_ key: [String], count: Int) {
    guard key.count == 5, !key[0].isEmpty, counts(key[1]) else { return }
    if current?.customer != key[0] {
      finishCurrent()
      current = (key[0], Entry())
    }
    let position = recurrencePeriods.contains(key[1]) ? self.position("\(key[2]).\(key[3])") : nil
    guard let (customer, held) = current else { return }
    var entry = held
    current = nil
    Self.add(
      pareto: paretoPeriods.contains(key[1]), issue: position,
      keyAccount: key[4] == Tier.keyAccount.rawValue, count: count, to: &entry)
    current = (customer, entry)
  }

  /// Adds the complaints `other` summed in any order (a run of the store's periods read on
  /// another thread), customer by customer; neither may have sorted entries at hand.
  mutating func merge(_ other: CustomerTally) {
    let positions = other.issueKeys.map { position($0) }
    for (theirCustomer, theirs) in other.entries {
      let customer = spelling(theirCustomer)
      var entry = entries[customer] ?? Entry()
      entry.pareto += theirs.pareto
      entry.recurring += theirs.recurring
      entry.keyAccount = entry.keyAccount || theirs.keyAccount
      var issues = theirs.moreIssues.map { positions[$0] }
      for position in 0..<min(64, positions.count)
      where theirs.issueBits & (1 << UInt64(position)) != 0 {
        issues.append(positions[position])
      }
      for position in issues {
        if position < 64 {
          entry.issueBits |= 1 << UInt64(position)
        } else if !entry.moreIssues.contains(position) {
          entry.moreIssues.append(position)
        }
      }
      entries[customer] = entry
    }
  }

  /// Ends the tally: every customer's rows are out, and the two tables sorted into print order
  /// (the Pareto by customer with its shares and vital few marked). Fails only when the scratch
  /// file cannot be made, written or read.
  mutating func finish() throws(PlaintError) {
    finishCurrent()
    let summed = entries
    entries = [:]
    do throws(ReportError) {
      if let failure { throw failure }
      // The two tables share nothing: each is kept and sorted on its own thread (a month of
      // 100,000 customers took 0.15 to 0.3 s for both on one).
      let tables = Tables(
        pareto: paretoRows, paretoTotal: paretoTotal, repeats: repeatRows,
        threshold: threshold, minimum: minimum, issueKeys: issueKeys)
      let pareto = ResultSlots<CustomerRows<ReportModel.ParetoRow>, ReportError>(count: 1)
      let repeats = ResultSlots<CustomerRows<ReportModel.RepeatCustomer>, ReportError>(count: 1)
      DispatchQueue.concurrentPerform(iterations: 2) { index in
        if index == 0 {
          pareto.set(0, Result { () throws(ReportError) in try tables.pareto(summed) })
        } else {
          repeats.set(0, Result { () throws(ReportError) in try tables.repeats(summed) })
        }
      }
      byCustomer = try pareto.take(0)
      repeatCustomers = try repeats.take(0)
    } catch {
      throw PlaintError(.cannotCreate, "\(error)")
    }
  }

  /// What finishing each table needs, apart from the customers summed in any order.
  ///
  /// Those are kept in a sorted order first: the sorter sorts each run of rows with a generic
  /// comparison, and rows in the dictionary's order cost it one per row and merge level (half of
  /// `finish` on a month of 40,000 customers), where a run already sorted is passed over once.
  /// The tables come out the same in any order of appending: no two of their rows are equal
  /// (one per customer).
  private struct Tables: Sendable {
    let pareto: RowSorter<ReportModel.ParetoRow>
    let paretoTotal: Int128
    let repeats: RowSorter<ReportModel.RepeatCustomer>
    let threshold: Double
    let minimum: Int
    let issueKeys: [String]

    /// The Pareto by customer in print order, with its shares and vital few marked.
    func pareto(_ summed: [String: Entry]) throws(ReportError)
      -> CustomerRows<ReportModel.ParetoRow>
    {
      var rows = pareto
      var total = paretoTotal
      var kept = summed.compactMap { $0.value.pareto > 0 ? ($0.key, $0.value.pareto) : nil }
      kept.sort { Pareto.precedes(($0.0, $0.1), ($1.0, $1.1)) }
      for (customer, count) in kept {
        total += Int128(count)
        try rows.append(CustomerTally.paretoRow(customer, count))
      }
      var running = Pareto.Running(total: total, threshold: threshold)
      return try rows.sorted { row in
        let mark = running.next(row.count)
        return ReportModel.ParetoRow(
          key: row.key, count: row.count, share: mark.share, cumulative: mark.cumulative,
          vital: mark.vital)
      }
    }

    /// The repeat customers in print order.
    func repeats(_ summed: [String: Entry]) throws(ReportError)
      -> CustomerRows<ReportModel.RepeatCustomer>
    {
      var rows = repeats
      var kept = summed.compactMap { $0.value.recurring >= minimum ? ($0.key, $0.value) : nil }
      kept.sort { Pareto.precedes(($0.0, $0.1.recurring), ($1.0, $1.1.recurring)) }
      for (customer, entry) in kept {
        try rows.append(CustomerTally.repeatRow(customer, entry, issueKeys: issueKeys))
      }
      return try rows.sorted()
    }
  }

  private func counts(_ period: String) -> Bool {
    paretoPeriods.contains(period) || recurrencePeriods.contains(period)
  }

  /// Adds complaints of one period to a customer's entry: to its Pareto count when the period is
  /// in that window, and to its recurrence (`issue`, the issue's position) when in that one.
  private static func add(
    pareto: Bool, issue position: Int?, keyAccount: Bool, count: Int, to entry: inout Entry
  ) {
    if pareto { entry.pareto += count }
    guard let position else { return }
    entry.recurring += count
    entry.keyAccount = entry.keyAccount || keyAccount
    if position < 64 {
      entry.issueBits |= 1 << UInt64(position)
    } else if !entry.moreIssues.contains(position) {
      entry.moreIssues.append(position)
    }
  }

  private mutating func finishCurrent() {
    guard let (customer, entry) = current else { return }
    keep(customer, entry)
    current = nil
  }

  private mutating func keep(_ customer: String, _ entry: Entry) {
    keepPareto(customer, entry.pareto)
    keepRepeat(customer, entry)
  }

  /// The customer's Pareto row, when it has complaints in the Pareto window.
  private mutating func keepPareto(_ customer: String, _ count: Int) {
    guard failure == nil, count > 0 else { return }
    paretoTotal += Int128(count)
    do throws(ReportError) {
      try paretoRows.append(Self.paretoRow(customer, count))
    } catch {
      failure = error
    }
  }

  /// The customer's repeat-customer row, when it is one.
  private mutating func keepRepeat(_ customer: String, _ entry: Entry) {
    guard failure == nil, entry.recurring >= minimum else { return }
    do throws(ReportError) {
      try repeatRows.append(Self.repeatRow(customer, entry, issueKeys: issueKeys))
    } catch {
      failure = error
    }
  }

  /// A Pareto row before its share and vital mark are known.
  static func paretoRow(_ customer: String, _ count: Int) -> ReportModel.ParetoRow {
    ReportModel.ParetoRow(key: customer, count: count, share: 0, cumulative: 0, vital: false)
  }

  /// A repeat customer's row, its issues named and sorted.
  static func repeatRow(_ customer: String, _ entry: Entry, issueKeys: [String])
    -> ReportModel.RepeatCustomer
  {
    var issues: [String] = []
    for position in 0..<min(64, issueKeys.count)
    where entry.issueBits & (1 << UInt64(position)) != 0 {
      issues.append(issueKeys[position])
    }
    issues += entry.moreIssues.map { issueKeys[$0] }
    return ReportModel.RepeatCustomer(
      customer: customer, count: entry.recurring, keyAccount: entry.keyAccount,
      issues: issues.sorted())
  }

  /// The position of an issue of a category, its key (`category.issue`) made once.
  private mutating func position(_ category: Category, _ issue: String) -> Int {
    let name = IssueName(category: category, issue: issue)
    if let known = positionsByName[name] { return known }
    let position = self.position("\(category.rawValue).\(issue)")
    positionsByName[name] = position
    return position
  }

  private mutating func position(_ issueKey: String) -> Int {
    if let known = issuePositions[issueKey] { return known }
    issuePositions[issueKey] = issueKeys.count
    issueKeys.append(issueKey)
    return issueKeys.count - 1
  }
}
