import PlaintTestSupport
import Testing

@testable import PlaintEngine

/// The anomaly tickets' rows are made in two halves on two threads when there are many
/// (`Array.made`): any count, on one thread or two, gives the rows in their order, each once.
@Suite struct ArrayMadeTests {
  @Test(arguments: 0..<60)
  func madeInHalvesIsMadeInOrder(seed: Int) {
    var random = SplitMix64(seed: UInt64(seed))
    let count = seed < 5 ? seed : random.next(below: 5_000)
    let minimum = [1, 2, 3, 4_096, 10_000][random.next(below: 5)]
    let made = [String].made(count: count, inHalvesFrom: minimum) { range, put in
      for at in range { put(at, "row \(at)") }
    }
    #expect(made == (0..<count).map { "row \($0)" })
  }
}
