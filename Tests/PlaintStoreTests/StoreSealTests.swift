import Foundation
import PlaintCore
import Testing

@testable import PlaintStore

/// A store opens without reading all its pages only when its seal vouches that nothing touched
/// the file since a Plaint closed it cleanly, and the last whole check is under a week old.
@Suite struct StoreSealTests {
  /// A closed store in a folder of its own, holding `tickets` tickets with some text each.
  static func closedStore(tickets: Int = 5) throws -> (folder: URL, path: String) {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("plaint-seal-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("plaint.db").path
    let store = try Store(path: path)
    let identity = SourceAccounting(path: "x.csv", sha256: "x", system: "t")
    _ = try store.ingest(identity, now: .now) { sink in
      for index in 0..<tickets {
        try sink.add(
          ClassifiedTicket(
            ticket: Ticket(
              system: "t", id: "T\(index)", created: Date(timeIntervalSince1970: 1_760_000_000),
              text: "kettle \(index) stopped " + String(repeating: "x", count: index % 700),
              location: SourceLocation(file: "x.csv", line: index + 2)),
            period: .month(2025, 10),
            cell: Cell(category: .product, productLine: "kettles", tier: .consumer),
            issue: "defect", rule: "defect"))
      }
      return identity
    }
    return (folder, path)
  }

  /// Rewrites bytes of `path` in place, after the clock has moved on from the seal.
  static func patch(_ path: String, at offset: Int, with bytes: [UInt8]) throws {
    Thread.sleep(forTimeInterval: 0.05)
    let handle = try #require(FileHandle(forUpdatingAtPath: path))
    try handle.seek(toOffset: UInt64(offset))
    try handle.write(contentsOf: Data(bytes))
    try handle.close()
  }

  @Test func aCleanlyClosedStoreIsVouchedForAndOpensAgain() throws {
    let (folder, path) = try Self.closedStore()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(StoreSeal.vouchedCheck(of: path, now: .now) != nil)
    // Opened and closed again without a whole check, it is still vouched for.
    do { #expect(try Store(path: path).ticketCount() == 5) }
    #expect(StoreSeal.vouchedCheck(of: path, now: .now) != nil)
  }

  struct Change: CustomTestStringConvertible, Sendable {
    var name: String
    var apply: @Sendable (String) throws -> Void
    var testDescription: String { name }
  }

  static let changes: [Change] = [
    Change(name: "a byte rewritten with its own value") { path in
      let handle = try #require(FileHandle(forReadingAtPath: path))
      try handle.seek(toOffset: 100)
      let byte = try #require(try handle.read(upToCount: 1))
      try handle.close()
      try patch(path, at: 100, with: Array(byte))
    },
    Change(name: "grown by a page") { path in
      let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
      try patch(path, at: size, with: Array(repeating: 0, count: 4096))
    },
    Change(name: "a write-ahead log left behind") { path in
      try Data("not empty".utf8).write(to: URL(fileURLWithPath: path + "-wal"))
    },
    Change(name: "replaced by a copy") { path in
      let copy = path + ".copy"
      try FileManager.default.copyItem(atPath: path, toPath: copy)
      #expect(rename(copy, path) == 0)
    },
    Change(name: "its seal garbled") { path in
      try Data("plaint-seal 1 x".utf8).write(to: URL(fileURLWithPath: path + "-seal"))
    },
    Change(name: "its seal removed") { path in
      try FileManager.default.removeItem(atPath: path + "-seal")
    },
  ]

  @Test(arguments: changes)
  func aStoreChangedSinceItsSealIsCheckedWhole(change: Change) throws {
    let (folder, path) = try Self.closedStore()
    defer { try? FileManager.default.removeItem(at: folder) }
    try change.apply(path)
    #expect(StoreSeal.vouchedCheck(of: path, now: .now) == nil)
  }

  @Test func aWholeCheckMoreThanAWeekOldIsDoneAgain() throws {
    let (folder, path) = try Self.closedStore()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(StoreSeal.vouchedCheck(of: path, now: .now + 6 * 86_400) != nil)
    #expect(StoreSeal.vouchedCheck(of: path, now: .now + 8 * 86_400) == nil)
  }

  /// The damage a whole check finds (bytes flipped in the middle of the file after a clean
  /// close) is named when the store next opens, though the seal was there.
  @Test func damageAfterACleanCloseIsNamedAtTheNextOpen() throws {
    let (folder, path) = try Self.closedStore(tickets: 3000)
    defer { try? FileManager.default.removeItem(at: folder) }
    let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
    for offset in stride(from: size / 3, to: size / 3 + 3 * 4096, by: 97) {
      try Self.patch(path, at: offset, with: [0xFF, 0x00, 0x13])
    }
    #expect(throws: StoreError.self) { try Store(path: path) }
    do {
      _ = try Store(path: path)
    } catch {
      #expect(error.kind == .damaged, "\(error)")
    }
  }
}
