import Foundation
import Logging
import PlaintCore
import Testing

@testable import PlaintEngine

/// A file the store recorded (path, size, modification and change times, device, inode) and
/// that still looks the same is not hashed again; a file edited in place — same size, its
/// modification time set back to the nanosecond — is hashed and read again, as any changed
/// file is; `--rehash` hashes every file.
@Suite struct RecordedFileTests {
  @Test("a recorded file is trusted while unchanged, hashed again once edited in place")
  func trustedUntilEdited() throws {
    let scratch = try DailyExport.project()
    defer { scratch.remove() }
    let folder = scratch.folder
    let export = folder.appendingPathComponent("zendesk.csv").path
    let storePath = folder.appendingPathComponent("plaint.db").path
    let pipeline = try Pipeline(
      configurationPath: folder.appendingPathComponent("plaint.yml").path,
      logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
    // The run's clock an hour on, so the files just written count as settled.
    let later = Date().addingTimeInterval(3600)
    let options = RunOptions(
      period: "2025-10", store: storePath,
      reportsDir: folder.appendingPathComponent("reports").path, now: later)
    let first = try pipeline.run(options)

    func session(rehashing: Bool = false) throws -> (trusted: Bool, sha: String) {
      let session = try StoreSession(
        configuration: pipeline.configuration, path: storePath, now: later,
        checkingColumns: false, hashingInputs: true, rehashing: rehashing)
      let digests = try #require(session.digests)
      return (digests.isTrusted(0), try digests.sha256(at: 0))
    }
    let original = try FileDigest.sha256(path: export)
    #expect(first.inputs.first?.sha256 == original)
    #expect(try session() == (true, original))
    #expect(try session(rehashing: true) == (false, original))

    // Edit in place: one letter's case, same size, the modification time put back exactly.
    let before = try #require(FileStat(path: export))
    var bytes = try Data(contentsOf: URL(fileURLWithPath: export))
    let at = try #require(bytes.firstRange(of: Data("kettle".utf8)))
    bytes[at.lowerBound] = UInt8(ascii: "K")
    let handle = try #require(FileHandle(forUpdatingAtPath: export))
    try handle.write(contentsOf: bytes)
    try handle.close()
    let modified = timespec(
      tv_sec: Int(before.modified / 1_000_000_000), tv_nsec: Int(before.modified % 1_000_000_000))
    var times = [modified, modified]
    #expect(utimensat(AT_FDCWD, export, &times, 0) == 0)
    let after = try #require(FileStat(path: export))
    #expect(after.size == before.size && after.modified == before.modified)
    #expect(after.inode == before.inode)

    let edited = try FileDigest.sha256(path: export)
    #expect(edited != original)
    #expect(try session() == (false, edited))
    // The run reads it as it reads any changed file: a new source, its tickets in the report.
    let second = try pipeline.run(options)
    #expect(second.inputs.first?.sha256 == edited)
    #expect(second.complaints == first.complaints)
    #expect(try session() == (true, edited))
  }
}
