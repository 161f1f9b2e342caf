import Foundation
import PlaintTestSupport
import Testing

@testable import PlaintEngine

/// `FileDigest` reads a file in chunks into one reused buffer: the digest must be the one of the
/// whole file at every length around the chunk size, and the background `FileDigests` must give
/// each file its own.
@Suite struct FileDigestTests {
  static func scratchFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("plaint-digest-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  static func bytes(_ count: Int, seed: UInt64) -> Data {
    var random = SplitMix64(seed: seed)
    return Data((0..<count).map { _ in UInt8(random.next(below: 256)) })
  }

  /// The digest of the bytes held whole in memory.
  static func expected(_ data: Data) -> String { FileDigest.sha256(data) }

  @Test("known digests (FIPS 180-2's examples)")
  func known() throws {
    let folder = try Self.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let cases = [
      ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
      ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    ]
    for (text, digest) in cases {
      let path = folder.appendingPathComponent("known.txt").path
      try Data(text.utf8).write(to: URL(fileURLWithPath: path))
      #expect(try FileDigest.sha256(path: path) == digest)
    }
  }

  @Test("the digest of a file is the digest of its bytes, at every length around the chunk")
  func lengths() throws {
    let folder = try Self.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let chunk = FileDigest.chunkSize
    var random = SplitMix64(seed: 16)
    let lengths =
      [0, 1, chunk - 1, chunk, chunk + 1, 2 * chunk, 3 * chunk + 17]
      + (0..<4).map { _ in random.next(below: 4 * chunk) }
    var paths: [String] = []
    var digests: [String] = []
    for (index, length) in lengths.enumerated() {
      let data = Self.bytes(length, seed: UInt64(index))
      let path = folder.appendingPathComponent("file-\(index).csv").path
      try data.write(to: URL(fileURLWithPath: path))
      #expect(try FileDigest.sha256(path: path) == Self.expected(data), "length \(length)")
      paths.append(path)
      digests.append(Self.expected(data))
    }
    let background = FileDigests(paths: paths, threads: 3)
    for index in paths.indices.reversed() {
      #expect(try background.sha256(at: index) == digests[index])
    }
  }

  @Test("a file that cannot be opened is named")
  func missing() throws {
    let folder = try Self.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("gone.csv").path
    #expect {
      _ = try FileDigest.sha256(path: path)
    } throws: { error in
      (error as? PlaintError)?.message == "\(path): cannot open the file to checksum it"
    }
  }
}
