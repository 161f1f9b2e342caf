import Foundation
import PlaintCore
import PlaintTestSupport
import Testing

@testable import PlaintEngine

/// The window's per-ticket counts, held compactly as tickets go by (`WindowTally`), read back as
/// the entries the cube held when each ticket added them to it directly.
@Suite("Window tally")
struct WindowTallyTests {
  static let sla = 48.0

  /// What `CubeBuilder.addWindow` adds for one complaint of the summary scope, written out the
  /// way it was before the tally: one cube entry at a time.
  static func reference(_ item: ClassifiedTicket, into cube: inout ReportCube) {
    let utc = ReportCubeTests.utc
    guard !ReportCubeTests.exclusion.matches(item.ticket) else { return }
    let ticket = item.ticket
    let period = item.period.description
    let cell = CubeBuilder.cellFields(item.cell)
    if let customer = ticket.customer, !customer.isEmpty {
      cube.add(
        .customer,
        [customer, period, item.cell.category.rawValue, item.issue, item.cell.tier.rawValue])
    }
    let dimensions =
      ConcentrationDimension.standard(timeZone: utc) + [ReportCubeTests.slices[0].dimension]
    for dimension in dimensions {
      if let value = dimension.value(item) {
        cube.add(.dimension, [period] + cell + [dimension.name.rawValue, value])
      }
    }
    if ticket.text.allSatisfy({ $0.isWhitespace || $0.isNewline }) { cube.add(.blank, [period]) }
    if !item.isClassified {
      for phrase in Terms.phrases(of: Terms.words(ofFolded: TextFolding.fold(ticket.text))) {
        cube.add(.term, [period, phrase])
      }
    }
    let key = [period] + cell + [ticket.location.file]
    let end = item.period.next(in: utc).start(in: utc)
    cube.add(.resolution, key + ["complaints"])
    var (breach, openPast) = (false, false)
    if let resolved = ticket.resolved {
      let hours = resolved.timeIntervalSince(ticket.created) / 3600
      if hours >= 0 { cube.add(.hours, key, value: ReportCube.Value(count: 1, values: [hours])) }
      breach = hours > sla
      openPast = resolved >= end && end.timeIntervalSince(ticket.created) / 3600 > sla
    } else if end.timeIntervalSince(ticket.created) / 3600 > sla {
      (breach, openPast) = (true, true)
    }
    if breach { cube.add(.resolution, key + ["breaches"]) }
    if openPast { cube.add(.resolution, key + ["open_past_sla"]) }
  }

  /// Tickets whose texts give terms, some repeated, some blank.
  static func tickets(_ random: inout SplitMix64) -> [ClassifiedTicket] {
    let texts = [
      "the kettle lid broke after two days", "Lid broke again!", "  ", "",
      "refund never arrived for order 12345", "kettle lid broke",
    ]
    return ReportCubeTests.tickets(&random).map { item in
      var item = item
      item.ticket.text = texts[random.next(below: texts.count)]
      return item
    }
  }

  @Test("the tally reads back as the entries added one by one", arguments: 0..<30)
  func tallyMatchesDirectEntries(seed: Int) {
    var random = SplitMix64(seed: UInt64(seed) &* 977 &+ 3)
    let tickets = Self.tickets(&random)
    var expected = ReportCube()
    for item in tickets { Self.reference(item, into: &expected) }
    var builder = CubeBuilder(
      timeZone: ReportCubeTests.utc, slaHours: Self.sla, exclusion: ReportCubeTests.exclusion,
      dimensions: ConcentrationDimension.standard(timeZone: ReportCubeTests.utc)
        + [ReportCubeTests.slices[0].dimension],
      slices: ReportCubeTests.slices)
    // The cube is read, and added to directly, part way through: neither loses nor doubles a
    // count held in the tally.
    let readAt = random.next(below: tickets.count + 1)
    var early = ReportCube()
    for (index, item) in tickets.enumerated() {
      if index == readAt {
        early = builder.cube
        builder.cube.add(.settled, ["0", "accepted"])
      }
      builder.addWindow(item, .everyPeriod)
    }
    if readAt == tickets.count {
      early = builder.cube
      builder.cube.add(.settled, ["0", "accepted"])
    }
    expected.add(.settled, ["0", "accepted"])
    #expect(builder.cube == expected)
    var before = ReportCube()
    for item in tickets.prefix(readAt) { Self.reference(item, into: &before) }
    #expect(early == before)
    #expect(!expected[.term].isEmpty || tickets.allSatisfy(\.isClassified))
  }
}

/// The terms of unclassified complaints are counted by word numbers (`WindowTally.addTerms`):
/// over random texts of words, stopwords, noise and unspaced characters, they must read back as
/// one count per ticket for each distinct phrase `Terms.phrases` finds.
@Suite("Window tally terms")
struct WindowTallyTermsTests {
  static let pieces = [
    "the", "and", "kettle", "lid", "broke", "lid broke", "refund", "never", "arrived", "x",
    "xx", "xxxx", "42", "2019", "a", "ab", "café", "über", "水", "壶坏", "水壶 坏了", "ß", "½",
    "no", "über die", "kettle lid", "de", "zu", "x1", "ελατήριο", "σπασμένο", "बिजली", "कि",
    "ไทย", "\u{93F}", "ا\u{600}",
  ]

  static func text(_ random: inout SplitMix64) -> String {
    (0..<random.next(below: 14)).map { _ in pieces[random.next(below: pieces.count)] }
      .joined(separator: random.next(below: 5) == 0 ? "  " : " ")
  }

  @Test("phrases counted by number equal the phrases of each text", arguments: 0..<30)
  func termsMatchPhrases(seed: Int) {
    var random = SplitMix64(seed: UInt64(seed) &* 31 &+ 5)
    var tally = WindowTally()
    var expected: [[String]: Int] = [:]
    for _ in 0..<(1 + random.next(below: 40)) {
      let period = ["2026-09", "2026-10"][random.next(below: 2)]
      let folded = TextFolding.fold(Self.text(&random))
      tally.addTerms(period, folded: folded)
      for phrase in Terms.phrases(of: Terms.words(ofFolded: folded)) {
        expected[[period, phrase], default: 0] += 1
      }
    }
    var cube = ReportCube()
    tally.fold(into: &cube)
    #expect(cube[.term].mapValues(\.count) == expected)
  }

  /// Values spelled two ways that Swift takes as one ("José" with its "é" composed or
  /// decomposed, "Ω" as the ohm sign or omega), spread over two tallies in any order.
  @Test(
    "two tallies of one window, whoever met which spelling first, fold into the same entries",
    arguments: 0..<40)
  func spellingsDoNotDependOnTheSplit(seed: Int) throws {
    var random = SplitMix64(seed: UInt64(seed) &* 7 &+ 3)
    let spellings = [
      ["Jos\u{E9} N\u{FA}\u{F1}ez", "Jose\u{301} Nu\u{301}n\u{303}ez"],
      ["t\u{E9}l\u{E9}phone", "te\u{301}le\u{301}phone"],
      ["\u{2126}hm desk", "\u{3A9}hm desk"], ["chat", "chat"],
    ]
    let cell = Cell(category: .product, productLine: "Kettles", tier: .consumer)
    let period = Period.month(2026, 1)
    var values: [String] = []
    for _ in 0..<(2 + random.next(below: 60)) {
      let pair = spellings[random.next(below: spellings.count)]
      values.append(pair[random.next(below: 2)])
    }
    func cube(_ parts: [[String]]) -> ReportCube {
      var tallies = parts.map { part in
        var tally = WindowTally()
        let prefix = tally.prefix(period, cell)
        for value in part { tally.add(.dimension, prefix, "agent", value) }
        return tally
      }
      var least: [String: String] = [:]
      for tally in tallies { tally.spellings(into: &least) }
      for index in tallies.indices { tallies[index].respell(least) }
      var cube = ReportCube()
      for index in tallies.indices {
        var folded = ReportCube()
        tallies[index].fold(into: &folded)
        cube.merge(folded)
      }
      return cube
    }
    // One tally of every value, and two of a split at any point of a shuffled order.
    let whole = cube([values])
    var shuffled = values
    for at in shuffled.indices.reversed() { shuffled.swapAt(at, random.next(below: at + 1)) }
    let cut = random.next(below: shuffled.count + 1)
    let split = cube([Array(shuffled[..<cut]), Array(shuffled[cut...])])
    // The same counts, under keys spelled byte for byte alike: the least spelling met.
    let bytes = { (cube: ReportCube) in
      cube[.dimension].map { ($0.key.map { Array($0.utf8) }, $0.value.count) }
        .sorted { $0.0.lexicographicallyPrecedes($1.0) { $0.lexicographicallyPrecedes($1) } }
    }
    #expect(bytes(split).elementsEqual(bytes(whole)) { $0.0 == $1.0 && $0.1 == $1.1 })
    for (key, _) in whole[.dimension] {
      let met = values.filter { $0 == key[5] }
      let least = try #require(met.min { $0.utf8.lexicographicallyPrecedes($1.utf8) })
      #expect(Array(key[5].utf8) == Array(least.utf8))
    }
  }
}
