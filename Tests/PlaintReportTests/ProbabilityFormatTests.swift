import Foundation
import Testing

import PlaintReport

/// p- and q-values in the CSVs: never a tiny probability written as 0, one format everywhere,
/// the same number report.json holds.
@Suite struct ProbabilityFormatTests {
  /// Any probability down to 1e-300 reads back as report.json's rounded value: never 0, never
  /// thirty decimals of zeros.
  @Test func anyProbabilityReadsBackAsTheRoundedValue() {
    var state: UInt64 = 0x9E37
    for _ in 0..<2_000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let exponent = -Double((state >> 40) % 300)
      let mantissa = 1 + Double(state & 0xFFFF) / 65_536 * 8.99
      let p = min(1, mantissa * pow(10, exponent))
      let text = OutputNumber.exactProbability(p)
      let rounded = OutputNumber.rounded(p) ?? .nan
      #expect(Double(text) == rounded, "\(p) written \(text)")
      #expect(text != "0", "\(p) written as 0")
      #expect(text.count <= 17, "\(p) written \(text)")
    }
  }

  @Test func smallOnesAreScientificOthersPlain() {
    #expect(OutputNumber.exactProbability(3.16e-34) == "3.16e-34")
    #expect(OutputNumber.exactProbability(0.00001234) == "1.234e-5")
    #expect(OutputNumber.exactProbability(0.0123) == "0.0123")
    #expect(OutputNumber.exactProbability(0.0001) == "0.0001")
    #expect(OutputNumber.exactProbability(1) == "1")
    #expect(OutputNumber.exactProbability(0) == "0")
    #expect(OutputNumber.exactProbability(nil) == "")
  }
}
