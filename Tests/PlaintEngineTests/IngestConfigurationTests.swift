import Foundation
import Testing

@testable import PlaintEngine

/// The `ingest:` keys: the data-quality limits, their defaults, and the range each accepts.
@Suite struct IngestConfigurationTests {
  private func parse(_ yaml: String) throws -> Configuration {
    try Configuration.parse(
      "sources: [{path: a.csv, profile: zendesk}]\n" + yaml, file: "plaint.yml",
      directory: URL(fileURLWithPath: "/tmp/config"))
  }

  @Test func defaultsAreTheDocumentedOnes() throws {
    let ingest = try parse("").ingest
    #expect(ingest.maxRejectShare == 0.05)
    #expect(ingest.maxFieldBytes == 1 << 20)
    #expect(ingest.earliestDate == Date(timeIntervalSince1970: 631_152_000))
    #expect(ingest.latestDate == nil)
  }

  @Test func everyKeyIsRead() throws {
    let ingest = try parse(
      """
      ingest:
        max_reject_share: 0.2
        max_field_bytes: 4096
        earliest_date: 2020-01-01
        latest_date: 2025-12-31
      """
    ).ingest
    #expect(ingest.maxRejectShare == 0.2)
    #expect(ingest.maxFieldBytes == 4096)
    #expect(ingest.earliestDate == Date(timeIntervalSince1970: 1_577_836_800))
    // The whole last day is inside the window.
    let endOfYear = try #require(ingest.latestDate)
    #expect(endOfYear > Date(timeIntervalSince1970: 1_767_225_599))
    #expect(endOfYear < Date(timeIntervalSince1970: 1_767_225_600))
    let open = try parse("ingest: {max_reject_share: off, earliest_date: off, latest_date: off}")
    #expect(open.ingest.maxRejectShare == 1)
    #expect(open.ingest.earliestDate == nil)
    #expect(open.ingest.latestDate == .distantFuture)
  }

  @Test(arguments: [
    (
      "ingest: {max_reject_share: 5}",
      "plaint.yml:2: `ingest.max_reject_share`: expected a share from 0 to 1 (e.g. 0.05), or off"
    ),
    (
      "ingest: {max_field_bytes: 10}",
      "plaint.yml:2: `ingest.max_field_bytes`: expected a number of bytes from 1024 to 1073741824 (1 GiB)"
    ),
    (
      "ingest: {earliest_date: 01.01.1990}",
      "plaint.yml:2: `ingest.earliest_date`: expected a day as yyyy-MM-dd (e.g. 1990-01-01), got \"01.01.1990\""
    ),
    (
      "ingest: {earliest_date: 2025-01-01, latest_date: 2024-01-01}",
      "plaint.yml:2: `ingest`: latest_date is before earliest_date: no date could be read"
    ),
  ])
  func outOfRangeValuesNameTheKey(yaml: String, message: String) {
    do {
      _ = try parse(yaml)
      Issue.record("accepted \(yaml)")
    } catch {
      #expect("\(error)" == message)
    }
  }
}
