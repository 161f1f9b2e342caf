import Foundation
import PlaintCore
import PlaintTestSupport
import Testing

/// The concentration family: one Benjamini–Hochberg family over every test, with the count and
/// effect-size gates.
@Suite struct ConcentrationTests {
  static let values = ["a", "b", "c", "d", "e"]

  /// Tallies of `units` units whose values all follow the same shares now and before.
  static func inControl(_ random: inout SplitMix64, units: Int) -> [Concentration.Tally] {
    (0..<units).map { unit in
      var tally = Concentration.Tally(
        unit: .init(Cell(category: .service, productLine: "line \(unit)", tier: .consumer)),
        dimension: .agent)
      for isCurrent in [true, false] {
        for _ in 0..<(isCurrent ? 20 + random.next(below: 60) : 300 + random.next(below: 300)) {
          tally.add(values[min(random.next(below: 7), 4)], current: isCurrent)
        }
      }
      return tally
    }
  }

  @Test("in-control families stay quiet", arguments: 0..<20)
  func inControlFamiliesStayQuiet(seed: Int) {
    var random = SplitMix64(seed: UInt64(seed) &+ 11)
    let outcome = Concentration.family(Self.inControl(&random, units: 30))
    #expect(outcome.tested == 30 * 5)
    #expect(outcome.findings.isEmpty)
  }

  @Test("a pile-up is found among many quiet units, with its q-value", arguments: 0..<10)
  func aPileUpIsFoundAmongQuietUnits(seed: Int) {
    var random = SplitMix64(seed: UInt64(seed) &+ 101)
    var tallies = Self.inControl(&random, units: 30)
    for _ in 0..<40 { tallies[7].add("a", current: true) }
    let outcome = Concentration.family(tallies)
    #expect(outcome.findings.map(\.unit.productLine) == ["line 7"])
    #expect(outcome.findings.first?.value == "a")
    let finding = try? #require(outcome.findings.first)
    #expect((finding?.qValue ?? 1) <= 0.01)
    #expect((finding?.pValue ?? 1) <= (finding?.qValue ?? 0))
  }

  @Test func theGatesHoldBackSmallOrModestShifts() {
    var tally = Concentration.Tally(
      unit: .init(Cell(category: .product, productLine: "Kettles", tier: .consumer)),
      dimension: .hour)
    for index in 0..<1_000 { tally.add(index % 4 == 0 ? "09" : "10", current: false) }
    // 45 % against 25 %: significant with 400 complaints, but under twice the baseline share.
    for index in 0..<400 { tally.add(index % 20 < 9 ? "09" : "10", current: true) }
    #expect(Concentration.family([tally]).findings.isEmpty)
    var settings = Concentration.Settings()
    settings.minRatio = 0
    settings.minDifference = 0
    #expect(Concentration.family([tally], settings: settings).findings.map(\.value) == ["09"])
    // Below the unit's count gate nothing is tested at all.
    var few = Concentration.Tally(unit: tally.unit, dimension: .hour)
    for _ in 0..<9 { few.add("09", current: true) }
    for index in 0..<100 { few.add(index % 4 == 0 ? "09" : "10", current: false) }
    #expect(Concentration.family([few]).tested == 0)
  }

  @Test func aRollUpContainsItsCells() {
    let cell = Concentration.Unit(
      Cell(category: .service, productLine: "Toasters", tier: .consumer))
    let everyLine = Rollup<Category>.allRawValue
    #expect(
      Concentration.Unit(category: .only(.service), productLine: everyLine, tier: .all)
        .contains(cell))
    #expect(Concentration.Unit(category: .all, productLine: "Toasters", tier: .all).contains(cell))
    #expect(!Concentration.Unit(category: .all, productLine: "Kettles", tier: .all).contains(cell))
    #expect(!cell.contains(cell))
    #expect(cell.isCell)
  }

  @Test func aDimensionIsWrittenAsItsName() throws {
    for dimension in Concentration.Dimension.standard + [.slice("company")] {
      let data = try JSONEncoder().encode([dimension])
      #expect(String(decoding: data, as: UTF8.self) == "[\"\(dimension.rawValue)\"]")
      #expect(try JSONDecoder().decode([Concentration.Dimension].self, from: data) == [dimension])
    }
    #expect(Concentration.Dimension(rawValue: "hour") == .hour)
    #expect(Concentration.Dimension(rawValue: "state") == .slice("state"))
  }
}
