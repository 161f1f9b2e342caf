import Foundation
import PlaintCore
import Testing

@testable import PlaintIngest
import PlaintTestSupport

/// Hundreds of randomly damaged copies of the fixtures: none may crash the reader, and every one
/// either fails with a one-line error naming the file or accounts for each row it read.
struct DamagedInputTests {
  static let fixtures = [
    "zendesk.csv", "jira.csv", "servicenow.csv", "salesforce.csv", "excel-sep.csv",
    "cr-row-ends.csv", "utf16le-bom.csv", "utf16be-bom.csv", "windows-1252.csv",
    "invalid-utf8.csv", "title-before-header.csv", "rejects.csv",
  ]
  static let variantsPerFixture = 25

  enum Damage: CaseIterable {
    case truncate, flipBytes, dropQuotes, dropOneQuote, insertNul, duplicateLines
  }

  @Test(arguments: fixtures)
  func damagedCopiesNeverCrashAndAlwaysAddUp(fixture: String) throws {
    let original = try #require(FileManager.default.contents(atPath: Fixture.path(fixture)))
    var random = SplitMix64(
      seed: UInt64(truncatingIfNeeded: fixture.utf8.reduce(7) { $0 &* 31 &+ Int($1) }))
    for variant in 0..<Self.variantsPerFixture {
      let damage = Damage.allCases[variant % Damage.allCases.count]
      let bytes = Self.damage(Array(original), damage, &random)
      let name = "damaged-\(variant)-\(fixture)"
      let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("plaint-\(getpid())-\(name)").path
      FileManager.default.createFile(atPath: path, contents: Data(bytes))
      defer { try? FileManager.default.removeItem(atPath: path) }
      let settings = SourceSettings(path: path, displayPath: name, profile: "auto")
      var tickets = 0
      var rejects: [Reject] = []
      do throws(IngestError) {
        let accounting = try ExportReader(settings: settings).read(
          onTicket: { _ in tickets += 1 }, onReject: { rejects.append($0) })
        let context = Comment(rawValue: "\(damage) variant \(variant) of \(fixture)")
        #expect(
          accounting.rowsRead == accounting.accepted + accounting.rejected + accounting.filtered,
          context)
        #expect(tickets == accounting.accepted, context)
        #expect(rejects.count == accounting.rejected, context)
        #expect(accounting.reasons.values.reduce(0, +) == accounting.rejected, context)
        #expect(
          rejects.allSatisfy { $0.file == name && $0.line >= 1 && !$0.reason.isEmpty }, context)
      } catch {
        #expect(error.description.contains(name), "\(damage): \(error)")
        #expect(!error.description.contains("\n"), "\(damage): \(error)")
      }
    }
  }

  static func damage(_ bytes: [UInt8], _ damage: Damage, _ random: inout SplitMix64) -> [UInt8] {
    guard !bytes.isEmpty else { return bytes }
    var bytes = bytes
    switch damage {
    case .truncate:
      bytes.removeLast(Int.random(in: 1...bytes.count, using: &random))
    case .flipBytes:
      for _ in 0..<Int.random(in: 1...8, using: &random) {
        let index = Int.random(in: 0..<bytes.count, using: &random)
        bytes[index] ^= UInt8.random(in: 1...255, using: &random)
      }
    case .dropQuotes:
      bytes.removeAll { $0 == 0x22 }
    case .dropOneQuote:
      if let index = bytes.indices.filter({ bytes[$0] == 0x22 }).randomElement(using: &random) {
        bytes.remove(at: index)
      } else {
        bytes.insert(0x22, at: Int.random(in: 0...bytes.count, using: &random))
      }
    case .insertNul:
      bytes.insert(0, at: Int.random(in: 0...bytes.count, using: &random))
    case .duplicateLines:
      let breaks = bytes.indices.filter { bytes[$0] == 0x0A }
      if let cut = breaks.randomElement(using: &random) {
        bytes.insert(contentsOf: bytes[...cut], at: cut + 1)
      }
    }
    return bytes
  }
}
