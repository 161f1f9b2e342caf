import Foundation
import Logging
import PlaintCore
import Testing

@testable import PlaintEngine

/// Which period `plaint run` reports: the latest month the exports cover whole by default, the
/// calendar's last month with `--period last` (65 when no export covers it), and 64 for a named
/// month outside the data.
@Suite("Pipeline period choice")
struct PipelinePeriodTests {
  static func run(period: String?, now: String = "2025-11-19T12:00:00Z") throws -> Result<
    RunOutcome, PlaintError
  > {
    let scratch = try DailyExport.project()
    defer { scratch.remove() }
    let pipeline = try Pipeline(
      configurationPath: scratch.folder.appendingPathComponent("plaint.yml").path,
      logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
    let options = RunOptions(
      period: period, now: try #require(ISO8601DateFormatter().date(from: now)))
    do throws(PlaintError) {
      return .success(try pipeline.run(options))
    } catch {
      return .failure(error)
    }
  }

  @Test("by default the report is the latest month covered whole, not the partial one")
  func defaultIsLatestWholeMonth() throws {
    let outcome = try Self.run(period: nil).get()
    #expect(outcome.period == "2025-10")
    #expect(outcome.complaints == 31)
    // Covered whole: not passed over as partial (its cells have too little history of their own).
    #expect(outcome.unjudged == nil || outcome.unjudged == "not judged (too little history)")
  }

  @Test("`last` is the calendar's last month when the exports cover it")
  func lastCoveredMonth() throws {
    let outcome = try Self.run(period: "last", now: "2025-11-19T12:00:00Z").get()
    #expect(outcome.period == "2025-10")
  }

  @Test("`last` on stale exports fails with 65 and says so")
  func lastOnStaleExports() throws {
    let result = try Self.run(period: "last", now: "2026-03-15T12:00:00Z")
    guard case .failure(let error) = result else {
      Issue.record("expected a failure, got \(result)")
      return
    }
    #expect(error.status == .dataError)
    #expect(error.status.rawValue == 65)
    #expect(error.message.contains("2026-02"))
    #expect(error.message.contains("stale"))
  }

  @Test("a named month outside the data fails with 64 and names the span")
  func namedMonthOutsideTheData() throws {
    let result = try Self.run(period: "2024-05")
    guard case .failure(let error) = result else {
      Issue.record("expected a failure, got \(result)")
      return
    }
    #expect(error.status.rawValue == 64)
    #expect(error.message.contains("outside the data"))
    #expect(error.message.contains("2025-06") && error.message.contains("2025-11"))
  }

  @Test("a named partial month is reported, unjudged")
  func namedPartialMonth() throws {
    let outcome = try Self.run(period: "2025-11").get()
    #expect(outcome.period == "2025-11")
    #expect(outcome.complaints == 18)
    #expect(outcome.unjudged != nil)
  }
}

/// A small project on disk for the pipeline and report-assembly tests.
enum DailyExport {
  /// A config and one Zendesk export with a ticket every day from 1 June to 18 November 2025
  /// (ids 1001 on): June to October are covered whole, November only partly. Tickets whose id
  /// `noise` picks say nothing the taxonomy knows (no issue, no product line).
  static func project(noise: (Int) -> Bool = { _ in false }) throws -> Scratch {
    let scratch = try Scratch()
    try scratch.kettleProject(exports: ["zendesk.csv"])
    var rows = [header]
    // Month and last day: every day of June to October, and November to the 18th.
    let months = [(6, 30), (7, 31), (8, 31), (9, 30), (10, 31), (11, 18)]
    var id = 1000
    for (month, days) in months {
      for day in 1...days {
        id += 1
        rows.append(row(id, month, day, noise(id) ? "Hello there" : "The kettle stopped working"))
      }
    }
    _ = try scratch.file("zendesk.csv", rows.joined(separator: "\n") + "\n")
    return scratch
  }

  /// The header of the Zendesk exports `row` writes.
  static let header =
    "Id,Subject,Description,Status,Priority,Via,Requester,Requester email,Assignee,Category,"
    + "Product,Tags,Created at,Updated at,Solved at"

  /// A solved ticket of 2025 created, updated and solved at 09:00 on `day` of `month`, its
  /// subject and description `text`, its requester `p<id>@mail.example`.
  static func row(_ id: Int, _ month: Int, _ day: Int, _ text: String) -> String {
    let at = "2025-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day) 09:00"
    return "\(id),\(text),\(text),solved,normal,email,Person,p\(id)@mail.example,Agent,,KT-1,,"
      + "\(at),\(at),\(at)"
  }
}
