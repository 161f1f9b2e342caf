import Foundation
import Testing

@testable import PlaintReport

@Suite struct RoundedTests {
  private func json(_ value: some Encodable) throws -> [String: Any] {
    let data = try JSONEncoder().encode(value)
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  private func totals(rate: Double?) -> ReportModel.Totals {
    ReportModel.Totals(complaints: 3, units: nil, rate: rate, classifiedShare: 0.5)
  }

  @Test(arguments: [
    0.1 + 0.2, 1.0 / 3.0, 2.0 / 3.0 * 1e-7, -123_456.789_012_345_6, 1e300 / 3, 0, -0.0,
    0.000_012_5,
  ])
  func numbersAreWrittenRoundedToTenSignificantDigits(value: Double) throws {
    let written = try #require(try json(totals(rate: value))["rate"] as? Double)
    #expect(written == Rounding.rounded(value))
    #expect(abs(written - value) <= abs(value) * 1e-9)
  }

  @Test(arguments: [nil, Double.nan, .infinity, -.infinity])
  func missingOrNonFiniteNumbersAreNull(value: Double?) throws {
    let object = try json(totals(rate: value))
    #expect(object.keys.contains("rate"))
    #expect(object["rate"] is NSNull)
    #expect(object["units"] is NSNull)
  }

  @Test func optionalTextIsNullNotLeftOut() throws {
    let row = ReportModel.OpenComplaint(
      system: "crm", id: "T-1", created: "2026-10-01T09:00:00Z", category: "product",
      productLine: "Kettles", tier: .only(.consumer), issue: "product.leak", hoursOpen: 100.0 / 3,
      owner: nil)
    let object = try json(row)
    #expect(object["owner"] is NSNull)
    #expect(object["hours_open"] as? Double == Rounding.rounded(100.0 / 3))
  }

  @Test func writtenReportDecodesToTheRoundedModel() throws {
    let data = Data(#"{"complaints": 3, "units": null, "rate": 0.1, "classified_share": 1}"#.utf8)
    let decoded = try JSONDecoder().decode(ReportModel.Totals.self, from: data)
    #expect(decoded == ReportModel.Totals(complaints: 3, units: nil, rate: 0.1, classifiedShare: 1))
  }

  @Test func missingOptionalKeysDecodeAsNil() throws {
    let data = Data(#"{"complaints": 3}"#.utf8)
    let decoded = try JSONDecoder().decode(ReportModel.Totals.self, from: data)
    #expect(decoded.units == nil && decoded.rate == nil && decoded.classifiedShare == nil)
    let returning = Data(
      #"""
      {"category": "product", "product_line": "Kettles", "tier": "consumer",
       "previous_issues": [], "previous_period": "2026-08", "resolved_period": "2026-09",
       "period": "2026-10"}
      """#.utf8)
    let anomaly = try JSONDecoder().decode(ReportModel.ReturningAnomaly.self, from: returning)
    #expect(anomaly.issue == nil && anomaly.owner == nil)
  }

  @Test func requiredNumbersStayRequired() throws {
    let data = Data(#"{"key": "a", "count": 1, "cumulative": 0.5, "vital": true}"#.utf8)
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(ReportModel.ParetoRow.self, from: data)
    }
  }
}
