import Foundation
import Logging
import PlaintCore
import PlaintTestSupport
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

/// What a job that reports a period no export covers (`--period last --allow-empty` on stale
/// exports) says of the periods before it: never that the empty period "can be judged", and
/// the months without an export as one run.
@Suite("Pipeline lines on an empty report")
struct EmptyReportLinesTests {
  @Test func anEmptyPeriodIsNotCalledJudgeable() throws {
    let scratch = try DailyExport.project()
    defer { scratch.remove() }
    try scratch.kettleProject(store: "plaint.db", exports: ["zendesk.csv"])
    let pipeline = try Pipeline(
      configurationPath: scratch.folder.appendingPathComponent("plaint.yml").path,
      logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
    let now = try #require(ISO8601DateFormatter().date(from: "2026-03-15T12:00:00Z"))
    let first = try pipeline.run(RunOptions(period: "2025-07", now: now))
    #expect(first.unreported == nil && first.gaps == nil)
    let empty = try pipeline.run(RunOptions(period: "last", now: now, allowsEmpty: true))
    #expect(empty.period == "2026-02")
    #expect(
      empty.unreported?.hasPrefix(
        "2025-08 to 2025-10 are covered whole by the exports now, and no run has reported them: this run reports 2026-02, which no export covers, and"
      ) == true, "\(empty.unreported ?? "nil")")
    #expect(
      empty.gaps?.hasPrefix(
        "the exports leave a gap before 2026-02: 2025-11 (the exports cover only 2025-11-01 to 2025-11-18), 2025-12 to 2026-01 (no export covers them)"
      ) == true, "\(empty.gaps ?? "nil")")
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

/// How the run's lines name a list of periods: runs of consecutive periods as their ends.
@Suite("Periods as a reader takes them in")
struct SpokenPeriodsTests {
  /// Any subset of 40 months or 40 ISO weeks (across a year's end and a 53-week year): the
  /// words name exactly the subset, each run once, and never two runs that touch.
  @Test(arguments: ["2024-11", "2026-W40"])
  func anySubsetIsNamedExactly(first: String) throws {
    let zone = try #require(TimeZone(identifier: "UTC"))
    var all = [try #require(Period(first))]
    while all.count < 40, let last = all.last { all.append(last.next(in: zone)) }
    var random = SplitMix64(seed: 20_261_204)
    for _ in 0..<300 {
      let chosen = all.filter { _ in random.next() % 3 != 0 }
      let words = Pipeline.spoken(chosen, in: zone)
      var named: [Period] = []
      for part in words.split(separator: ", ", omittingEmptySubsequences: true) {
        let ends = part.components(separatedBy: " to ").compactMap { Period($0) }
        let (from, through) = (try #require(ends.first), try #require(ends.last))
        #expect(from != through || ends.count == 1, "\(words)")
        if let before = named.last { #expect(before.next(in: zone) != from, "\(words)") }
        var at = from
        while at <= through {
          named.append(at)
          at = at.next(in: zone)
        }
      }
      #expect(named == chosen, "\(words)")
    }
  }
}
