import Foundation
import PlaintCore
import PlaintTestSupport
import Testing

/// The parts of a file, read apart and added with `+=`, account for every row the whole file
/// has, in whatever order the parts are added.
@Suite struct RowAccountingTests {
  static func part(_ random: inout SplitMix64) -> RowAccounting {
    var part = RowAccounting()
    part.accepted = random.next(below: 200)
    part.rejected = random.next(below: 20)
    part.duplicates = random.next(below: 20)
    part.filtered = random.next(below: 20)
    part.rowsRead = part.accepted + part.rejected + part.duplicates + part.filtered
    part.replacedBytes = random.next(below: 5)
    for _ in 0..<part.rejected {
      part.reasons[["bad date", "no id", "short row"][random.next(below: 3)], default: 0] += 1
    }
    return part
  }

  @Test(arguments: 0..<50 as Range<UInt64>)
  func partsAddUpToTheWholeInAnyOrder(seed: UInt64) {
    var random = SplitMix64(seed: seed)
    let parts = (0..<(1 + random.next(below: 6))).map { _ in Self.part(&random) }
    var forward = RowAccounting()
    for part in parts { forward += part }
    var backward = RowAccounting()
    for part in parts.reversed() { backward += part }
    #expect(forward == backward)
    #expect(forward.rowsRead == parts.map(\.rowsRead).reduce(0, +))
    #expect(
      forward.rowsRead == forward.accepted + forward.rejected + forward.duplicates
        + forward.filtered)
    #expect(forward.reasons.values.reduce(0, +) == forward.rejected)
    #expect(forward.replacedBytes == parts.map(\.replacedBytes).reduce(0, +))
  }
}

/// The counts encode as flat keys of whatever holds them, and read back as they were.
@Suite struct RowAccountingCodingTests {
  struct Holder: Codable, Equatable {
    var path: String
    var rows: RowAccounting

    enum CodingKeys: String, CodingKey { case path }

    init(path: String, rows: RowAccounting) {
      self.path = path
      self.rows = rows
    }

    init(from decoder: any Decoder) throws {
      path = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .path)
      rows = try RowAccounting(from: decoder)
    }

    func encode(to encoder: any Encoder) throws {
      try rows.encode(to: encoder)
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(path, forKey: .path)
    }
  }

  @Test(arguments: 0..<20 as Range<UInt64>)
  func countsAreFlatKeysBesideTheHoldersOwn(seed: UInt64) throws {
    var random = SplitMix64(seed: seed)
    var rows = RowAccountingTests.part(&random)
    let data = try JSONEncoder().encode(Holder(path: "a.csv", rows: rows))
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(
      Set(object.keys) == [
        "path", "rows_read", "accepted", "rejected", "duplicates", "filtered", "replaced_bytes",
      ])
    #expect(object["rows_read"] as? Int == rows.rowsRead)
    #expect(object["replaced_bytes"] as? Int == rows.replacedBytes)
    // The reasons are the holder's to show; the counts come back whole.
    rows.reasons = [:]
    #expect(try JSONDecoder().decode(Holder.self, from: data) == Holder(path: "a.csv", rows: rows))
  }
}
