import Foundation
import PlaintCore
import PlaintTestSupport
import Testing

@testable import PlaintReport

/// The customer tables are sorted a run at a time through a scratch file (`RowSorter`) and read
/// back as the report is written (`CustomerRows`). Whatever the run length, the rows must come
/// out as one sort of them all would give them, and every rendering must be the bytes of the
/// same tables held in memory.
@Suite("Row sorter")
struct RowSorterTests {
  /// Names a report may meet: quotes, separators, line breaks, formulas, non-ASCII, and "".
  ///
  /// Not a letter decomposed ("cafe\u{301}") beside composed ones: Swift's `<` is no strict
  /// order across the two forms (decomposed "café2" is neither before nor after composed
  /// "café22"), so no two sorts need agree on such keys, held or not. The round trip of the
  /// record bytes below does take them.
  static let awkward = [
    "K-10017", "a@b.example", "say \"hi\"", "comma, here", "line\nbreak", "cr\r\nlf", "=SUM(A1)",
    "+1", "caf\u{E9}", "\u{4E2D}\u{6587}", "\u{1F600}", "tab\there", "", "<b>&</b>", "\u{2028}sep",
  ]

  static func name(_ random: inout SplitMix64) -> String {
    "\(awkward[random.next(below: awkward.count)])\(random.next(below: 40))"
  }

  /// Rows with few distinct counts (many ties, broken by key). Unless `unique`, some keys repeat
  /// (or are the same letters composed otherwise), which tells a stable sort from another only
  /// by their shares; a real table has one row per customer.
  static func paretoRows(_ count: Int, unique: Bool = false, _ random: inout SplitMix64)
    -> [ReportModel.ParetoRow]
  {
    (0..<count).map { index in
      ReportModel.ParetoRow(
        key: name(&random) + (unique ? "#\(index)" : ""), count: 1 + random.next(below: 4),
        share: Double(index),
        cumulative: random.unit(), vital: random.next(below: 2) == 0)
    }
  }

  static func repeatRows(_ count: Int, unique: Bool = false, _ random: inout SplitMix64)
    -> [ReportModel.RepeatCustomer]
  {
    (0..<count).map { index in
      ReportModel.RepeatCustomer(
        customer: name(&random) + (unique ? "#\(index)" : ""), count: 2 + random.next(below: 3),
        keyAccount: random.next(below: 3) == 0,
        issues: (0..<random.next(below: 4)).map { _ in "product.\(name(&random))" })
    }
  }

  static func paretoOrder(_ a: ReportModel.ParetoRow, _ b: ReportModel.ParetoRow) -> Bool {
    Pareto.precedes((a.key, a.count), (b.key, b.count))
  }

  static func repeatOrder(_ a: ReportModel.RepeatCustomer, _ b: ReportModel.RepeatCustomer)
    -> Bool
  {
    Pareto.precedes((a.customer, a.count), (b.customer, b.count))
  }

  /// The rows through a sorter of `runLength` and `fanIn`.
  static func sorted<Row: SpillableRow>(
    _ rows: [Row], runLength: Int, fanIn: Int, by order: @escaping @Sendable (Row, Row) -> Bool,
    _ transform: (Row) -> Row = { $0 }
  ) throws -> CustomerRows<Row> {
    var sorter = RowSorter(runLength: runLength, fanIn: fanIn, by: order)
    for row in rows { try sorter.append(row) }
    return try sorter.sorted(transform)
  }

  @Test("rows come out as a stable sort of them all gives them, spilled or held", arguments: 0..<60)
  func sortsAsOneSort(seed: Int) throws {
    var random = SplitMix64(seed: UInt64(seed) &* 7_727 &+ 1)
    // Around the run length and past several merge passes.
    let count = [0, 1, 2, 5, 17, 64, 300][seed % 7] + random.next(below: 3)
    let runLength = 1 + random.next(below: 9)
    let fanIn = 2 + random.next(below: 4)
    let pareto = Self.paretoRows(count, &random)
    let repeats = Self.repeatRows(count, &random)

    let sortedPareto = try Self.sorted(
      pareto, runLength: runLength, fanIn: fanIn, by: Self.paretoOrder)
    #expect(Array(sortedPareto) == pareto.sorted(by: Self.paretoOrder))
    #expect(sortedPareto.count == count)
    #expect(sortedPareto.isSpilled == (count > runLength))
    let sortedRepeats = try Self.sorted(
      repeats, runLength: runLength, fanIn: fanIn, by: Self.repeatOrder)
    #expect(Array(sortedRepeats) == repeats.sorted(by: Self.repeatOrder))
    // Read again, the rows are the same.
    #expect(Array(sortedRepeats) == Array(sortedRepeats))
  }

  @Test("the transform sees every row once, in order", arguments: [0, 1, 3, 10, 257])
  func transformRunsInOrder(count: Int) throws {
    var random = SplitMix64(seed: UInt64(count))
    let rows = Self.paretoRows(count, &random)
    var seen = 0
    let numbered = try Self.sorted(rows, runLength: 4, fanIn: 3, by: Self.paretoOrder) { row in
      var row = row
      seen += 1
      row.cumulative = Double(seen)
      return row
    }
    #expect(seen == count)
    #expect(numbered.map(\.cumulative) == (0..<count).map { Double($0 + 1) })
  }

  @Test("spilled customer tables render the bytes of the same tables held", arguments: 0..<12)
  func spilledRendersAsHeld(seed: Int) throws {
    var random = SplitMix64(seed: UInt64(seed) &* 131 &+ 5)
    let count = [0, 1, 2, 25, 600, 1_100][seed % 6]
    let pareto = Self.paretoRows(count, unique: true, &random).sorted(by: Self.paretoOrder)
    let repeats = Self.repeatRows(count / 2, unique: true, &random).sorted(by: Self.repeatOrder)
    var held = Fixture.bundle()
    held.report.pareto.byCustomer = CustomerRows(pareto)
    held.report.recurrence.repeatCustomers = CustomerRows(repeats)
    var spilled = held
    spilled.report.pareto.byCustomer = try Self.sorted(
      pareto.shuffled(using: &random), runLength: 1 + random.next(below: 7), fanIn: 2,
      by: Self.paretoOrder)
    spilled.report.recurrence.repeatCustomers = try Self.sorted(
      repeats.shuffled(using: &random), runLength: 1 + random.next(below: 7), fanIn: 3,
      by: Self.repeatOrder)
    if count > 7 { #expect(spilled.report.pareto.byCustomer.isSpilled) }

    #expect(spilled == held)
    #expect(try JSONRenderer().render(spilled.report) == JSONRenderer().render(held.report))
    var streamed = Data()
    try JSONRenderer().write(spilled.report) { streamed.append($0) }
    #expect(streamed == (try JSONRenderer().render(held.report)))
    let csv = CSVRenderer().render(held)
    #expect(CSVRenderer().render(spilled).map(\.contents) == csv.map(\.contents))
    #expect(CSVRenderer().render(spilled).map(\.name) == csv.map(\.name))
    #expect(HTMLRenderer().render(spilled) == HTMLRenderer().render(held))
    #expect(MarkdownRenderer().render(spilled) == MarkdownRenderer().render(held))
    // And report.json reads back with every row.
    let decoded = try JSONDecoder().decode(
      ReportModel.self, from: try JSONRenderer().render(spilled.report))
    #expect(decoded.pareto.byCustomer.map(\.key) == pareto.map(\.key))
    #expect(decoded.recurrence.repeatCustomers.map(\.customer) == repeats.map(\.customer))
  }

  @Test("threads read the same spilled rows at once")
  func readsFromThreads() throws {
    var random = SplitMix64(seed: 99)
    let rows = Self.paretoRows(2_000, &random)
    let sorted = try Self.sorted(rows, runLength: 100, fanIn: 4, by: Self.paretoOrder)
    let expected = rows.sorted(by: Self.paretoOrder)
    let matches = Matches()
    DispatchQueue.concurrentPerform(iterations: 8) { _ in
      matches.add(Array(sorted) == expected)
    }
    #expect(matches.all == [Bool](repeating: true, count: 8))
  }

  private final class Matches: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Bool] = []
    func add(_ result: Bool) {
      lock.lock()
      results.append(result)
      lock.unlock()
    }
    var all: [Bool] {
      lock.lock()
      defer { lock.unlock() }
      return results
    }
  }

  #if os(Linux)
    @Test("the scratch file has no name while its rows are read")
    func scratchFileIsUnlinked() throws {
      var random = SplitMix64(seed: 7)
      let rows = try Self.sorted(
        Self.paretoRows(50, &random), runLength: 8, fanIn: 2, by: Self.paretoOrder)
      let file = try #require(rows.scratchFile)
      let target = try FileManager.default.destinationOfSymbolicLink(
        atPath: "/proc/self/fd/\(file.descriptor)")
      #expect(target.contains("plaint-rows."))
      #expect(target.hasSuffix("(deleted)"))
      #expect(rows.count == 50)
    }
  #endif

  @Test("a folder that cannot hold the scratch file fails with one line naming it")
  func scratchFolderMissing() {
    let folder = "/nonexistent-plaint-folder/x"
    #expect(throws: ReportError.self) { try ScratchFile(folder: folder) }
    do {
      _ = try ScratchFile(folder: folder)
    } catch {
      let message = "\(error)"
      #expect(message.hasPrefix("cannot use a scratch file in \(folder) for the rows"))
      #expect(message.contains("No such file or directory"))
      #expect(message.hasSuffix("set TMPDIR to a folder with room"))
      #expect(!message.contains("\n"))
    }
  }

  @Test("a field list round-trips any text", arguments: 0..<20)
  func recordsRoundTrip(seed: Int) throws {
    var random = SplitMix64(seed: UInt64(seed))
    let rows =
      Self.repeatRows(20, &random) + [
        ReportModel.RepeatCustomer(customer: "", count: Int.min, keyAccount: true, issues: [""]),
        ReportModel.RepeatCustomer(
          customer: "cafe\u{301}", count: 0, keyAccount: false, issues: ["caf\u{E9}", "\u{0}"]),
        ReportModel.RepeatCustomer(customer: "x", count: Int.max, keyAccount: false, issues: []),
      ]
    for row in rows {
      var record = SpillRecord()
      row.spill(into: &record)
      var fields = SpillFields(record.bytes[...])
      let back = try ReportModel.RepeatCustomer(unspilling: &fields)
      #expect(back == row)
      #expect(Array(back.customer.utf8) == Array(row.customer.utf8))
    }
  }
}
