import Foundation
import PlaintCore
import PlaintReport
import PlaintStore
import Testing

@testable import PlaintEngine

/// The report's coverage and data-quality sections, assembled from a small in-memory store: what
/// the reader is told about the period's coverage and about complaints the taxonomy cannot place.
@Suite("Report assembly")
struct ReportAssemblyTests {
  /// The report model for `period` (`YYYY-MM`) of the daily export, `noise` as in `DailyExport`.
  static func report(_ period: String, noise: @escaping (Int) -> Bool = { _ in false }) throws
    -> ReportModel
  {
    let scratch = try DailyExport.project(noise: noise)
    defer { scratch.remove() }
    let project = try scratch.ingested()
    let (configuration, context, store) = (project.configuration, project.context, project.store)
    let inputs = project.inputs
    let feed = StoreFeed(store: store, configuration: configuration)
    let base = try feed.baseCube()
    let coverage = try DataCoverage(store: store, context: context, contents: base.fileContents)
    return try ReportAssembly(
      configuration: configuration, context: context, store: store,
      period: try #require(Period(period)), inputs: inputs, reclassified: 0, coverage: coverage,
      base: base, feed: feed
    ).build().report
  }

  @Test("a month the export covers whole is reported whole, with its days and file")
  func wholeMonthCoverage() throws {
    let report = try Self.report("2025-10")
    #expect(report.coverage.period == "whole")
    #expect(report.coverage.periodFrom == "2025-10-01")
    #expect(report.coverage.periodThrough == "2025-10-31")
    #expect(report.coverage.latestWholePeriod == "2025-10")
    #expect(report.coverage.files.map(\.path) == ["zendesk.csv"])
    #expect(report.coverage.files.first?.basis == "tickets")
    #expect(!report.dataQuality.warnings.contains("partial_period"))
    #expect(report.dataQuality.complaints == 31)
  }

  @Test("a partly covered month says where coverage stops and warns")
  func partialMonthCoverage() throws {
    let report = try Self.report("2025-11")
    #expect(report.coverage.period == "partial")
    #expect(report.coverage.periodThrough == "2025-11-18")
    #expect(report.coverage.latestWholePeriod == "2025-10")
    #expect(report.dataQuality.warnings.contains("partial_period"))
  }

  @Test("complaints the taxonomy cannot place are counted and warned about")
  func unplacedComplaintsWarn() throws {
    // Every other ticket says nothing the taxonomy knows: about half of October.
    let noisy = try Self.report("2025-10") { $0 % 2 == 0 }
    // October's tickets follow the 30 + 31 + 31 + 30 of June to September: ids 1123 to 1153.
    let october = (1001 + 122)...(1001 + 122 + 30)
    let expected = october.filter { $0 % 2 == 0 }.count
    #expect(noisy.dataQuality.unclassified == expected)
    #expect(noisy.dataQuality.unassigned == expected)
    #expect(noisy.dataQuality.warnings.contains("unclassified"))
    #expect(noisy.dataQuality.warnings.contains("unassigned"))

    let clean = try Self.report("2025-10")
    #expect(clean.dataQuality.unclassified == 0 && clean.dataQuality.unassigned == 0)
    #expect(!clean.dataQuality.warnings.contains("unclassified"))
    #expect(!clean.dataQuality.warnings.contains("unassigned"))
  }
}
