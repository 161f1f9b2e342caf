import Foundation
import PlaintTestSupport
import Testing

@testable import PlaintReport

/// Numbers are rounded from their shortest text (`RoundedDecimal`) instead of through `printf`:
/// over random values of the kinds a report writes, and the hard ones (texts halfway between two
/// ten-digit decimals and their neighbours, powers of ten and theirs, subnormals), the rounded
/// value and the plain text must be the ones the `printf` path gives.
@Suite struct RoundedDecimalTests {
  /// A random value: any bit pattern, a ratio of counts as shares are, a decimal of 1 to 17
  /// digits, a ten-digit decimal with a 5 after it (or a neighbour of one), a power of ten (or a
  /// neighbour), a whole number or a half; of either sign.
  static func value(_ random: inout SplitMix64) -> Double {
    let sign: Double = random.next(below: 2) == 0 ? 1 : -1
    let nudge = [{ (x: Double) in x }, { $0.nextUp }, { $0.nextDown }][random.next(below: 3)]
    switch random.next(below: 7) {
    case 0: return Double(bitPattern: random.next())
    case 1:
      return sign * Double(random.next(below: 1_000_000))
        / Double(1 + random.next(below: 9_999_999))
    case 2:
      let digits = (0...random.next(below: 17)).map { _ in String(random.next(below: 10)) }
      return sign * (Double("\(digits.joined())e\(random.next(below: 61) - 30)") ?? 0)
    case 3:
      let digits = (0..<10).map { _ in String(random.next(below: 10)) }.joined()
      let exponent = random.next(below: 38) - 25
      return sign * nudge(Double("1\(digits.dropFirst())5e\(exponent)") ?? 0)
    case 4: return sign * nudge(pow(10, Double(random.next(below: 61) - 30)))
    case 5: return sign * Double(random.next(below: 1 << 62)) / [1, 2, 4][random.next(below: 3)]
    default: return sign * Double.leastNonzeroMagnitude * Double(random.next(below: 1 << 40))
    }
  }

  @Test("rounded values and plain texts equal printf's", arguments: 0..<20)
  func sameAsPrintf(seed: Int) {
    var random = SplitMix64(seed: UInt64(seed) &* 6151 &+ 3)
    for _ in 0..<2_000 {
      let value = Self.value(&random)
      #expect(
        Rounding.rounded(value)?.bitPattern == Rounding.printfRounded(value)?.bitPattern,
        "\(value)")
      #expect(OutputNumber.plain(value) == OutputNumber.printfPlain(value), "\(value)")
    }
  }

  @Test(
    "texts halfway between two ten-digit decimals are left to printf",
    arguments: ["1.0000000005", "0.12345678905", "98765432105", "-4.0000000035e-7"])
  func halfwayTextsFallBack(text: String) throws {
    let value = try #require(Double(text))
    #expect(RoundedDecimal(value) == nil)
  }

  @Test func decimalsAreReadFromTheShortestText() {
    #expect(
      RoundedDecimal(0.1 + 0.2) == RoundedDecimal(negative: false, significand: 3, exponent: -1))
    #expect(
      RoundedDecimal(-1.0 / 3)
        == RoundedDecimal(negative: true, significand: 3_333_333_333, exponent: -10))
    #expect(RoundedDecimal(1200) == RoundedDecimal(negative: false, significand: 12, exponent: 2))
    #expect(RoundedDecimal(0.000_012_5)?.fractionText == "0.0000125")
    #expect(RoundedDecimal(-19.5)?.fractionText == "-19.5")
    #expect(RoundedDecimal(0) == nil)
  }
}
