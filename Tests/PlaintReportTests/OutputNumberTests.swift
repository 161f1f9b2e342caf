import Foundation
import Testing

import PlaintReport

/// The one number format behind the renderers, the sentences and the tools.
@Suite struct OutputNumberTests {
  @Test func countsGroupThousandsWithCommas() {
    #expect(OutputNumber.count(999) == "999")
    #expect(OutputNumber.count(12345) == "12,345")
    #expect(OutputNumber.count(-1_234_567) == "-1,234,567")
    #expect(OutputNumber.ungrouped(12345) == "12345")
  }

  @Test func anyWholeNumberReadsBackWithoutItsCommas() {
    var state: UInt64 = 0x5EED
    for _ in 0..<500 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let value = Int(Int32(truncatingIfNeeded: state >> 16))
      #expect(OutputNumber.count(value).replacingOccurrences(of: ",", with: "") == String(value))
      #expect(OutputNumber.ungrouped(Double(value), decimals: 0) == String(value))
      #expect(OutputNumber.fixed(Double(value), decimals: 0) == OutputNumber.count(value))
    }
  }

  @Test func decimalsAreFixedShortOrSignificant() {
    #expect(OutputNumber.fixed(12345.678, decimals: 2) == "12,345.68")
    #expect(OutputNumber.fixed(-0.001, decimals: 2) == "0.00")
    #expect(OutputNumber.ungrouped(12345.678, decimals: 2) == "12345.68")
    #expect(OutputNumber.short(2.5) == "2.5")
    #expect(OutputNumber.short(3.0001) == "3")
    #expect(OutputNumber.short(nil) == "–")
    #expect(OutputNumber.significant(19.8512) == "19.85")
    #expect(OutputNumber.significant(0.000123456) == "0.0001235")
    #expect(OutputNumber.significant(1200) == "1,200")
    #expect(OutputNumber.significant(.infinity) == "–")
  }

  @Test func sharesWholeNumbersAndHours() {
    #expect(OutputNumber.percent(0.813) == "81.3%")
    #expect(OutputNumber.percent(nil) == "–")
    #expect(OutputNumber.whole(44.5) == "45")
    #expect(OutputNumber.whole(44.49) == "44")
    #expect(OutputNumber.twoDigits(9) == "09")
    #expect(OutputNumber.twoDigits(0) == "00")
    #expect(OutputNumber.twoDigits(23) == "23")
    #expect(OutputNumber.probability(0.00001) == "< 0.0001")
    #expect(OutputNumber.probability(0.01234) == "0.0123")
  }
}
