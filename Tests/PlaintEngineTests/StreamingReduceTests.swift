import Foundation
import PlaintCore
import PlaintTestSupport
import Testing

@testable import PlaintEngine

/// `plaint reduce` streams over input sorted by key: however the sorted lines are ordered within
/// a key, split between inputs or reduced in stages, it prints the same bytes, keeping the copy
/// with the latest update of every ticket.
@Suite("Streaming reduce")
struct StreamingReduceTests {
  /// Map output of a few files: copies of a dozen tickets (some in several files, updated at
  /// different times), each file's accounting in one or two ranges, and rejects.
  static func mapLines(_ random: inout SplitMix64) -> [String] {
    var lines: [String] = []
    for _ in 0..<(5 + random.next(below: 40)) {
      var copy = PartialLineTests.ticket(&random)
      copy.ticket.ticket.id = "T-\(random.next(below: 12))"
      copy.ticket.ticket.system = ["zendesk", "jira"][random.next(below: 2)]
      copy.ticket.ticket.updated = copy.ticket.ticket.created.addingTimeInterval(
        Double(random.next(below: 5) * 3_600))
      copy.occurrences = [copy.winner.file: 1]
      lines.append(PartialLine.ticket(copy).encoded())
    }
    for file in 0..<4 {
      for range in [0, 4_096].prefix(1 + random.next(below: 2)) {
        var accounting = PartialLineTests.accounting(&random, file: file)
        accounting.range = range
        lines.append(PartialLine.accounting(accounting).encoded())
      }
    }
    for _ in 0..<random.next(below: 4) {
      lines.append(
        PartialLine.reject(
          RejectPartial(
            file: random.next(below: 4), range: 0,
            reject: Reject(
              file: "", line: 1 + random.next(below: 30), reason: "bad date",
              raw: PartialLineTests.awkwardText(&random)))
        ).encoded())
    }
    return lines
  }

  static func reduce(_ inputs: [[String]]) throws -> [String] {
    var out: [String] = []
    try ScaleOut.reduce(
      inputs.enumerated().map { PartialInput(name: "in-\($0)", lines: $1.map { Substring($0) }) },
      output: { out.append($0) })
    return out
  }

  static func byBytes(_ a: String, _ b: String) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
  }

  /// Shuffled, then sorted by key only: lines of one key in any order.
  static func sortedByKey(_ lines: [String], _ random: inout SplitMix64) -> [String] {
    var shuffled = lines
    for index in shuffled.indices.reversed() {
      shuffled.swapAt(index, random.next(below: index + 1))
    }
    return shuffled.enumerated().sorted { a, b in
      let (x, y) = (
        PartialLine.sortKey(Substring(a.element)), PartialLine.sortKey(Substring(b.element))
      )
      if x.utf8.elementsEqual(y.utf8) { return a.offset < b.offset }
      return PartialLine.precedes(x, y)
    }.map(\.element)
  }

  @Test("any order within a key, any split and any staging give the same bytes", arguments: 0..<30)
  func orderAndStagingFree(seed: Int) throws {
    var random = SplitMix64(seed: UInt64(seed) &* 31 &+ 17)
    let lines = Self.mapLines(&random)
    let reference = try Self.reduce([lines.sorted(by: Self.byBytes)])

    #expect(try Self.reduce([Self.sortedByKey(lines, &random)]) == reference)

    // Split between inputs at random, each sorted; merged in one reduce, or reduced in stages.
    let parts = 1 + random.next(below: 4)
    var split = [[String]](repeating: [], count: parts)
    for line in lines { split[random.next(below: parts)].append(line) }
    let sortedParts = split.map { Self.sortedByKey($0, &random) }
    #expect(try Self.reduce(sortedParts) == reference)
    let staged = try sortedParts.map { try Self.reduce([$0]) }
    #expect(try Self.reduce(staged.reversed()) == reference)
    // Reducing the result again changes nothing.
    #expect(try Self.reduce([reference]) == reference)

    // The output is sorted, one line per key.
    let keys = reference.compactMap { PartialLine.mergeKey(Substring($0)) }.map(String.init)
    #expect(Set(keys).count == keys.count)
    #expect(reference == reference.sorted(by: Self.byBytes))
  }

  @Test(
    "each ticket keeps the copy with the latest update and counts every copy", arguments: 0..<30)
  func latestUpdateWins(seed: Int) throws {
    var random = SplitMix64(seed: UInt64(seed) &+ 9_001)
    let lines = Self.mapLines(&random)
    var copies: [String: [TicketPartial]] = [:]
    for line in lines {
      guard
        case .ticket(let partial) = try PartialLine.decode(Substring(line), source: "", number: 1)
      else { continue }
      copies["\(partial.ticket.ticket.system):\(partial.ticket.ticket.id)", default: []].append(
        partial)
    }
    let reduced = try Self.reduce([Self.sortedByKey(lines, &random)])
    var seen = 0
    for line in reduced {
      guard
        case .ticket(let partial) = try PartialLine.decode(Substring(line), source: "", number: 1)
      else { continue }
      seen += 1
      let all = try #require(copies["\(partial.ticket.ticket.system):\(partial.ticket.ticket.id)"])
      let latest = all.compactMap(\.ticket.ticket.updated).max()
      #expect(partial.ticket.ticket.updated == latest)
      #expect(partial.occurrences.values.reduce(0, +) == all.count)
    }
    #expect(seen == copies.count)
  }

  @Test func anInputOutOfOrderNamesItsLine() throws {
    var random = SplitMix64(seed: 5)
    let lines = Self.mapLines(&random).sorted(by: Self.byBytes)
    #expect {
      try Self.reduce([Array(lines.reversed())])
    } throws: { error in
      "\(error)".hasPrefix("in-0:") && "\(error)".contains("not sorted by key")
    }
  }
}
