import Foundation
import PlaintCore
import Testing

@testable import PlaintIngest

/// Several files read at once (`ReadAhead`) give each file exactly what reading it alone gives:
/// the same tickets in the same order, the same rejects, accounting and warnings, or the same
/// error at that file's turn, whatever the number of files read at once and however small the
/// queues (which makes the readers wait for the consumer all the time).
struct ReadAheadTests {
  /// Fixtures of several profiles, with rejects, a gzip file and a file that fails.
  static let files: [SourceSettings] = [
    Fixture.settings("zendesk.csv", profile: "zendesk"),
    Fixture.settings("rejects.csv", profile: "zendesk"),
    Fixture.settings("binary.xlsx", profile: "zendesk"),
    Fixture.settings("jira.csv", profile: "jira"),
    Fixture.settings("zendesk.csv.gz", profile: "zendesk"),
    Fixture.settings("servicenow.csv", profile: "servicenow"),
    Fixture.settings("windows-1252.csv", profile: "auto"),
  ]

  static func alone(_ settings: SourceSettings) -> ParallelReadTests.Outcome {
    ParallelReadTests.sequential(settings)
  }

  @Test(arguments: [1, 2, 3, 7], [1, 5, ReadAhead<Ticket>.defaultCapacity])
  func eachFileReadsAsAlone(ahead: Int, capacity: Int) {
    let readAhead = ReadAhead<Ticket>(
      files: Self.files, ahead: ahead, threads: 2, capacity: capacity, transform: { $0 },
      relocate: { $0.location.line += $1 })
    defer { readAhead.finish() }
    var failures = 0
    for (index, settings) in Self.files.enumerated() {
      var outcome = ParallelReadTests.Outcome()
      do {
        outcome.accounting = try readAhead.read(
          index, onItem: { outcome.tickets.append($0) },
          onReject: { outcome.rejects.append($0) })
      } catch {
        outcome.error = "\(error)"
        failures += 1
      }
      let expected = Self.alone(settings)
      #expect(outcome == expected, "\(settings.displayPath), ahead \(ahead), capacity \(capacity)")
      #expect(!outcome.tickets.isEmpty || outcome.error != nil, "\(settings.displayPath)")
    }
    #expect(failures == 1)
  }

  @Test func consumerErrorsComeOutAsTheConsumers() {
    struct Full: Error {}
    let readAhead = ReadAhead<Ticket>(
      files: Self.files, ahead: 3, threads: 2, capacity: 1, transform: { $0 },
      relocate: { $0.location.line += $1 })
    defer { readAhead.finish() }
    #expect {
      _ = try readAhead.read(0, onItem: { _ in throw Full() }, onReject: { _ in })
    } throws: { error in
      if case IngestError.consumer(let failure) = error { failure.error is Full } else { false }
    }
  }

  @Test func finishingEarlyStopsTheReaders() {
    // Queues of one event: every reader is waiting for a consumer that never comes.
    let readAhead = ReadAhead<Ticket>(
      files: Self.files, ahead: Self.files.count, threads: 2, capacity: 1, transform: { $0 },
      relocate: { $0.location.line += $1 })
    var first = 0
    _ = try? readAhead.read(0, onItem: { _ in first += 1 }, onReject: { _ in })
    readAhead.finish()
    #expect(first == Self.alone(Self.files[0]).tickets.count)
  }
}
