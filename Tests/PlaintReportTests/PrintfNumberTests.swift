import Foundation
import PlaintTestSupport
import Testing

@testable import PlaintReport

/// Numbers are written by the C library's formatter directly (`PrintfNumber`), no longer through
/// Foundation's `String(format:)`: over random values of every size the report writes, with
/// every number of digits it asks for, the bytes must be the ones `String(format:)` gives.
@Suite struct PrintfNumberTests {
  /// A random finite value: a random mantissa at a random power of ten from 1e-40 to 1e40, of
  /// either sign, now and then a whole number, a half, or zero.
  static func value(_ random: inout SplitMix64) -> Double {
    let sign: Double = random.next(below: 2) == 0 ? 1 : -1
    switch random.next(below: 6) {
    case 0: return sign * Double(random.next(below: 1_000_000))
    case 1: return sign * (Double(random.next(below: 10_000)) + 0.5) / 100
    case 2: return random.next(below: 2) == 0 ? 0 : -0.0
    default:
      let exponent = random.next(below: 81) - 40
      return sign * random.unit() * pow(10, Double(exponent))
    }
  }

  @Test("fixed and scientific text equal String(format:)", arguments: 0..<20)
  func sameBytesAsFoundation(seed: Int) {
    var random = SplitMix64(seed: UInt64(seed) &* 7919 &+ 11)
    for _ in 0..<500 {
      let value = Self.value(&random)
      let digits = random.next(below: 31)
      #expect(
        PrintfNumber.fixed(value, digits: digits) == String(format: "%.\(digits)f", value),
        "\(value) \(digits)")
      #expect(
        PrintfNumber.scientific(value, digits: digits) == String(format: "%.\(digits)e", value),
        "\(value) \(digits)")
    }
  }

  @Test("a number longer than the stack buffer is written whole")
  func longNumbers() {
    for value in [1e120, -3.5e200, Double.greatestFiniteMagnitude] {
      #expect(PrintfNumber.fixed(value, digits: 2) == String(format: "%.2f", value))
    }
  }

  @Test("the report's plain decimals are unchanged", arguments: 0..<10)
  func plainDecimals(seed: Int) {
    var random = SplitMix64(seed: UInt64(seed) &+ 101)
    for _ in 0..<300 {
      let value = Self.value(&random)
      // As `OutputNumber.plain` wrote it with String(format:) (rounded the same way first).
      guard let rounded = Double(String(format: "%.9e", value)) else { continue }
      var expected: String
      if rounded == rounded.rounded(), abs(rounded) < 1e15 {
        expected = String(Int64(rounded))
      } else {
        let magnitude = Int(log10(abs(rounded)).rounded(.down))
        let decimals = min(max(9 - magnitude, 0), 30)
        expected = String(format: "%.\(decimals)f", rounded)
        if expected.contains(".") {
          while expected.hasSuffix("0") { expected.removeLast() }
          if expected.hasSuffix(".") { expected.removeLast() }
        }
        if expected == "-0" { expected = "0" }
      }
      #expect(OutputNumber.plain(value) == expected, "\(value)")
    }
  }
}
