import Foundation
import PlaintCore
import PlaintStore
import PlaintTestSupport
import Testing

@testable import PlaintEngine

/// The report's summary adds up: cubes merge the same in any grouping and order, a cube built in
/// pieces is the cube of all the tickets, and its summary lines, split, sorted and reduced in any
/// way, read back as that cube.
@Suite("Report cube")
struct ReportCubeTests {
  static let utc = TimeZone(secondsFromGMT: 0) ?? .current
  static let exclusion = TicketExclusion(tags: ["canary"], idPatterns: ["TEST-*"])
  /// A column slice (also a concentration dimension), and the two built-in ones.
  static let slices = [
    Configuration.Slice(name: "region", column: "Region"),
    Configuration.Slice(name: "source", column: "@system"),
    Configuration.Slice(name: "export", column: "@file"),
  ]

  /// Tickets of a few periods, cells, issues, customers, channels and agents, some resolved,
  /// some canaries, some unclassified with awkward text.
  static func tickets(_ random: inout SplitMix64) -> [ClassifiedTicket] {
    (0..<(10 + random.next(below: 60))).map { index in
      var item = PartialLineTests.ticket(&random).ticket
      item.ticket.id = random.next(below: 10) == 0 ? "TEST-\(index)" : "T-\(index)"
      item.ticket.created = Date(
        timeIntervalSince1970: 1_780_000_000 + Double(random.next(below: 10_000_000)))
      item.ticket.resolved =
        random.next(below: 3) == 0
        ? nil : item.ticket.created.addingTimeInterval(Double(random.next(below: 400_000)))
      item.ticket.channel = ["email", "web", " ", nil][random.next(below: 4)]
      item.ticket.agent = ["ann", "bo", nil][random.next(below: 3)]
      item.ticket.customer = ["C1", "C2", "C3", "", nil][random.next(below: 5)]
      item.ticket.location.file = ["a.csv", "b.csv"][random.next(below: 2)]
      item.ticket.system = ["zendesk", "legacy"][random.next(below: 2)]
      let region = ["north", "south", " ", nil][random.next(below: 4)]
      item.ticket.slices = region.map { ["region": $0] } ?? [:]
      item.period = Period(containing: item.ticket.created, in: utc, granularity: .month)
      item.cell = Cell(
        category: [.product, .service, .other][random.next(below: 3)],
        productLine: ["Kettles", "Blenders", Cell.unassigned][random.next(below: 3)],
        tier: [.consumer, .keyAccount][random.next(below: 2)])
      item.issue = random.next(below: 3) == 0 ? ClassifiedTicket.unclassified : "late delivery"
      return item
    }
  }

  static func cube(_ tickets: some Sequence<ClassifiedTicket>) -> ReportCube {
    var builder = CubeBuilder(
      timeZone: utc, slaHours: 48, exclusion: exclusion,
      dimensions: ConcentrationDimension.standard(timeZone: utc) + [slices[0].dimension],
      slices: slices)
    for ticket in tickets {
      builder.addBase(ticket)
      builder.addWindow(ticket, .everyPeriod)
    }
    return builder.cube
  }

  static func split<T>(_ items: [T], _ parts: Int, _ random: inout SplitMix64) -> [[T]] {
    var split = [[T]](repeating: [], count: parts)
    for item in items { split[random.next(below: parts)].append(item) }
    return split
  }

  @Test("cubes merge the same in any grouping and order", arguments: 0..<25)
  func mergeIsAssociativeAndCommutative(seed: Int) {
    var random = SplitMix64(seed: UInt64(seed) &* 131 &+ 7)
    let parts = Self.split(Self.tickets(&random), 3, &random).map { Self.cube($0) }
    let (a, b, c) = (parts[0], parts[1], parts[2])
    func merged(_ x: ReportCube, _ y: ReportCube) -> ReportCube {
      var result = x
      result.merge(y)
      return result
    }
    let left = merged(merged(a, b), c)
    #expect(left == merged(a, merged(b, c)))
    #expect(left == merged(merged(c, a), b))
    #expect(merged(a, ReportCube()) == a)
  }

  @Test("a cube built in pieces is the cube of every ticket", arguments: 0..<25)
  func piecesAddUp(seed: Int) {
    var random = SplitMix64(seed: UInt64(seed) &+ 4_242)
    let tickets = Self.tickets(&random)
    let whole = Self.cube(tickets)
    var pieces = ReportCube()
    for part in Self.split(tickets, 1 + random.next(below: 4), &random) {
      pieces.merge(Self.cube(part))
    }
    #expect(pieces == whole)
    // Canaries count only where the report counts them: in the files and the text check.
    let canaries = tickets.filter { Self.exclusion.matches($0.ticket) }
    let complaints = whole[.cell].values.reduce(0) { $0 + $1.count }
    #expect(complaints == tickets.count - canaries.count)
    let all = whole[.emptyText].filter { $0.key[1] == "all" }.values.reduce(0) { $0 + $1.count }
    #expect(all == tickets.count)
    // Every complaint counts once in each slice, with its value or without one.
    for slice in Self.slices {
      let counted = whole[.slice].filter { $0.key[1] == slice.name }.values.reduce(0) {
        $0 + $1.count
      }
      #expect(counted == complaints, "slice \(slice.name)")
    }
    let regions = Set(whole[.dimension].keys.filter { $0[4] == "region" }.map { $0[5] })
    #expect(regions.isSubset(of: ["north", "south", " "]))
  }

  @Test(
    "summary lines, split, sorted and reduced in any way, read back as the cube", arguments: 0..<25)
  func summaryLinesReduceToTheCube(seed: Int) throws {
    var random = SplitMix64(seed: UInt64(seed) &+ 77)
    let tickets = Self.tickets(&random)
    let whole = Self.cube(tickets)
    // Each piece's lines, as `plaint summarize` prints a partition's.
    var lines: [String] = []
    for part in Self.split(tickets, 1 + random.next(below: 4), &random) {
      let cube = Self.cube(part)
      for kind in ReportCube.Kind.allCases {
        for (key, value) in cube[kind] {
          lines.append(
            PartialLine.summary(SummaryPartial(kind: kind, key: key, value: value)).encoded())
        }
      }
    }
    let inputs = Self.split(lines, 1 + random.next(below: 3), &random).map {
      $0.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
    var reduced: [String] = []
    try ScaleOut.reduce(
      inputs.enumerated().map { PartialInput(name: "in-\($0)", lines: $1.map { Substring($0) }) },
      output: { reduced.append($0) })
    var read = ReportCube()
    for line in reduced {
      guard
        case .summary(let entry) = try PartialLine.decode(Substring(line), source: "", number: 1)
      else {
        Issue.record("not a summary line: \(line)")
        continue
      }
      read.add(entry.kind, entry.key, value: entry.value)
    }
    #expect(read == whole)
    // One line per key.
    let keys = reduced.compactMap { PartialLine.mergeKey(Substring($0)) }.map(String.init)
    #expect(Set(keys).count == reduced.count)
  }
}
