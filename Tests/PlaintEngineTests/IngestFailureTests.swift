import Foundation
import PlaintCore
import PlaintIngest
import Testing

@testable import PlaintEngine

/// The exit status of a failed read: bad data is 65, a missing file 66; an error nobody expected
/// — thrown by what the rows were handed to, or inside the reader — is a bug (70), never "bad
/// data"; and an error the consumer throws with a status of its own keeps it.
@Suite struct IngestFailureTests {
  struct Unexpected: Error {}

  static func export(_ body: String) throws -> String {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("plaint-failure-\(UUID().uuidString).csv").path
    try Data(body.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  static let rows =
    "Id,Created at,Subject\n"
    + (1...40).map { "\($0),2026-10-0\(1 + $0 % 9) 10:00:00,kettle leaks" }.joined(separator: "\n")
    + "\n"

  /// Reads `path` (sequentially, or in parts of 64 bytes on two threads) with `onTicket`, and
  /// gives the failure as the engine reports it.
  static func failure(
    _ path: String, parallel: Bool, onTicket: @escaping (Ticket) throws -> Void
  ) throws -> PlaintError? {
    var settings = SourceSettings(path: path, displayPath: "exports/z.csv", profile: "zendesk")
    settings.timeZone = .gmt
    do throws(IngestError) {
      let reader = try ExportReader(settings: settings)
      if parallel {
        _ = try reader.read(
          threads: 2, partSize: 64, transform: { $0 }, relocate: { _, _ in },
          onItem: onTicket, onReject: { _ in })
      } else {
        _ = try reader.read(onTicket: onTicket, onReject: { _ in })
      }
      return nil
    } catch {
      return Failure.ingest(error, file: "exports/z.csv")
    }
  }

  @Test(arguments: [false, true])
  func anUnexpectedErrorFromTheConsumerIsABugNotBadData(parallel: Bool) throws {
    let path = try Self.export(Self.rows)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let failure = try #require(
      try Self.failure(path, parallel: parallel) { _ in throw Unexpected() })
    #expect(failure.status == .software)
    #expect(failure.message.contains("exports/z.csv") && failure.message.contains("Unexpected"))
  }

  @Test(arguments: [false, true])
  func aConsumersOwnFailureKeepsItsStatus(parallel: Bool) throws {
    let path = try Self.export(Self.rows)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let failure = try #require(
      try Self.failure(path, parallel: parallel) { _ in
        throw PlaintError(.cannotCreate, "store s.db: disk full")
      })
    #expect(failure.status == .cannotCreate && failure.message == "store s.db: disk full")
  }

  @Test func badDataIs65AndAMissingFile66() throws {
    let empty = try Self.export("")
    defer { try? FileManager.default.removeItem(atPath: empty) }
    let noHeader = try Self.export("a,b\n1,2\n")
    defer { try? FileManager.default.removeItem(atPath: noHeader) }
    for path in [empty, noHeader] {
      let failure = try #require(try Self.failure(path, parallel: false) { _ in })
      #expect(failure.status == .dataError, "\(failure.message)")
    }
    let missing = try #require(try Self.failure("/nonexistent/z.csv", parallel: false) { _ in })
    #expect(missing.status == .noInput)
    #expect(Failure.ingest(IngestError.internal("z.csv", "x"), file: "z.csv").status == .software)
  }
}
