import Foundation
import PlaintCore
import PlaintTestSupport
import Testing

@testable import PlaintIngest

/// A ticket's text is its text columns' non-empty values joined by line feeds. The reader joins
/// UTF-8 fields as bytes and decodes them once: the text must be what decoding each value apart
/// and joining them gives, for any bytes (invalid UTF-8, NUL, the profile's "no value" markers,
/// blanks), in every column that is empty or not.
@Suite struct JoinedTextTests {
  static let pieces: [[UInt8]] = [
    Array("kettle".utf8), Array("Wasserkocher heiß".utf8), Array("水壶".utf8), [0xC3], [0xE6, 0xB0],
    [0xFF], [0x00], [0x80, 0x80], Array("None".utf8), Array("N/A".utf8), [0x20], [0x09], [0x0A],
    Array("\"quoted\"".utf8), Array(",".utf8), [0xF0, 0x9F, 0x98], [0xF0, 0x9F, 0x98, 0x80],
  ]

  /// A field of random pieces; sometimes exactly a "no value" marker or blank.
  static func field(_ random: inout SplitMix64) -> [UInt8] {
    switch random.next(below: 8) {
    case 0: return []
    case 1: return Array("None".utf8)
    case 2: return Array(" N/A ".utf8)
    default:
      return (0..<random.next(below: 6)).flatMap { _ in pieces[random.next(below: pieces.count)] }
    }
  }

  /// The text as each value decoded apart and joined.
  static func expected(_ fields: [[UInt8]]) -> String {
    let markers = [Array("None".utf8), Array("N/A".utf8)]
    var ignored = 0
    return fields.compactMap { field -> String? in
      field.withUnsafeBufferPointer { buffer in
        let bytes = trimmed(buffer)
        if bytes.isEmpty || markers.contains(where: { $0.elementsEqual(bytes) }) { return nil }
        return FieldEncoding.utf8.string(bytes, replaced: &ignored)
      }
    }.joined(separator: "\n")
  }

  @Test("joined as bytes, the text is the values decoded apart and joined")
  func matchesValuesDecodedApart() throws {
    var random = SplitMix64(seed: 0x7E47)
    // CFPB exports join three text columns: Issue, Sub-issue and the narrative.
    var file: [UInt8] = Array(
      "Complaint ID,Date received,Issue,Sub-issue,Consumer complaint narrative,Product\n".utf8)
    var texts: [String] = []
    for number in 0..<2_000 {
      let fields = (0..<3).map { _ in Self.field(&random) }
      // The Issue column is also the category, which must not be empty of text for a row to
      // be read the same way: any value will do.
      file += Array("\(number + 1),01/15/2024,".utf8)
      for field in fields {
        file.append(0x22)
        for byte in field {
          if byte == 0x22 { file.append(0x22) }
          file.append(byte)
        }
        file += Array("\",".utf8)
      }
      file += Array("Kettles\n".utf8)
      texts.append(Self.expected(fields))
    }
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("plaint-joined-\(UUID().uuidString).csv").path
    try Data(file).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    var settings = SourceSettings(path: path, displayPath: "joined.csv", profile: "cfpb")
    settings.encoding = .utf8
    let result = try Fixture.read(settings)
    #expect(result.rejects.isEmpty)
    #expect(result.tickets.map(\.text) == texts)
    // Not vacuous: texts of no value, one value and several, with replaced bytes among them.
    #expect(texts.contains(""))
    #expect(texts.contains { $0.contains("\n") && $0.contains("\u{FFFD}") })
  }
}
