import PlaintTestSupport
import Testing

@testable import PlaintIngest

/// UTF-8 fields become text as `String(validating:)` reads them: valid bytes unchanged, NUL
/// replaced and counted, invalid sequences replaced and counted; in random byte strings that mix
/// ASCII, NUL, well-formed multi-byte characters and broken ones.
struct FieldEncodingPropertyTests {
  private static let pieces: [[UInt8]] = [
    [0x61], [0x20], [0x00], Array("é".utf8), Array("中".utf8), Array("😀".utf8), [0xC3],
    [0xE4, 0xB8], [0xFF], [0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF],
  ]

  @Test func utf8FieldsDecodeAsValidatingDoes() {
    var random = SplitMix64(seed: 0xF1E1D)
    var valid = 0
    var invalid = 0
    for _ in 0..<20_000 {
      var bytes: [UInt8] = []
      for _ in 0..<random.next(below: 12) {
        bytes += Self.pieces[random.next(below: Self.pieces.count)]
      }
      var replaced = 0
      let text = bytes.withUnsafeBufferPointer {
        FieldEncoding.utf8.string($0, replaced: &replaced)
      }
      let nuls = bytes.count { $0 == 0 }
      let withoutNUL = { (text: String) in
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\0" ? "\u{FFFD}" : $0 }))
      }
      if let expected = bytes.withUnsafeBufferPointer({ String(validating: $0, as: UTF8.self) }) {
        valid += 1
        #expect(text == withoutNUL(expected), "\(bytes)")
        #expect(replaced == nuls, "\(bytes)")
      } else {
        invalid += 1
        #expect(text == withoutNUL(String(decoding: bytes, as: UTF8.self)), "\(bytes)")
        #expect(replaced > nuls, "\(bytes)")
      }
    }
    #expect(valid > 2_000 && invalid > 2_000, "\(valid) valid, \(invalid) invalid")
  }
}
