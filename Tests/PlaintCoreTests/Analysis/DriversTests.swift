import PlaintTestSupport
import Testing

@testable import PlaintCore

@Suite("Drivers: the vital few against the window before")
struct DriversTests {
  static func counts(_ random: inout SplitMix64) -> [String: Int] {
    var counts: [String: Int] = [:]
    for index in 0..<random.next(below: 9) {
      counts["issue.\(index + random.next(below: 3))"] = random.next(below: 40)
    }
    return counts
  }

  @Test("rows follow the Pareto of this window; the change is now minus then, for every issue")
  func changesAddUp() {
    var random = SplitMix64(seed: 15_50)
    for _ in 0..<500 {
      let now = Self.counts(&random)
      let then = Self.counts(&random)
      let rows = Drivers.table(current: now, previous: then, threshold: 0.8)
      // Every issue of either window, once.
      #expect(Set(rows.map(\.pareto.key)) == Set(now.keys).union(then.keys))
      #expect(rows.count == Set(now.keys).union(then.keys).count)
      for row in rows {
        #expect(row.pareto.count == now[row.pareto.key] ?? 0)
        #expect(row.previousCount == then[row.pareto.key] ?? 0)
        #expect(row.change == row.pareto.count - (then[row.pareto.key] ?? 0))
      }
      // The vital few are those of the Pareto table of this window alone.
      let pareto = Pareto.table(now.map { (key: $0.key, count: $0.value) }, threshold: 0.8)
      #expect(
        Set(rows.filter(\.pareto.vital).map(\.pareto.key))
          == Set(pareto.filter(\.vital).map(\.key)))
      // The changes sum to the change of the total.
      let total = rows.compactMap(\.change).reduce(0, +)
      #expect(total == now.values.reduce(0, +) - then.values.reduce(0, +))
    }
  }

  @Test("without a comparable window before, no change is given and no vanished issue listed")
  func notComparable() {
    let rows = Drivers.table(
      current: ["a": 8, "b": 2], previous: nil, threshold: 0.8)
    #expect(rows.map(\.pareto.key) == ["a", "b"])
    #expect(rows.allSatisfy { $0.previousCount == nil && $0.change == nil })
    let compared = Drivers.table(current: ["a": 8, "b": 2], previous: ["c": 5], threshold: 0.8)
    #expect(compared.map(\.pareto.key) == ["a", "b", "c"])
    #expect(compared.last?.change == -5 && compared.last?.pareto.vital == false)
  }
}
