import Testing

@testable import PlaintCore

@Suite("Text shift")
struct TextShiftTests {
  @Test func aSteadyShareIsNoShift() {
    #expect(TextShift.find(current: (3, 100), earlier: [(2, 100), (4, 100)]) == nil)
    // Ten points exactly is still within the limit.
    #expect(TextShift.find(current: (30, 100), earlier: [(20, 100)]) == nil)
  }

  @Test func aJumpOfMoreThanTenPointsIsAShift() throws {
    let shift = try #require(TextShift.find(current: (40, 100), earlier: [(1, 50), (3, 150)]))
    #expect(shift.now == 0.4)
    // Before pools the earlier periods: 4 of 200.
    #expect(shift.before == 0.02)
    let fall = try #require(TextShift.find(current: (0, 100), earlier: [(50, 100)]))
    #expect(fall.now == 0 && fall.before == 0.5)
  }

  @Test func aPeriodMostlyWithoutTextIsAShiftEvenWhenSteady() throws {
    let shift = try #require(TextShift.find(current: (60, 100), earlier: [(60, 100)]))
    #expect(shift.now == 0.6 && shift.before == 0.6)
    // Without earlier periods "before" is "now": only a mostly empty period counts.
    #expect(TextShift.find(current: (40, 100), earlier: []) == nil)
    #expect(TextShift.find(current: (51, 100), earlier: [(0, 0)])?.before == 0.51)
  }

  @Test func anEmptyPeriodSaysNothing() {
    #expect(TextShift.find(current: (0, 0), earlier: [(90, 100)]) == nil)
  }
}
