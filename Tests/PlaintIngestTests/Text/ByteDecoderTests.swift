import Foundation
import Testing

@testable import PlaintIngest

struct ByteDecoderTests {
  /// Decodes `bytes` fed in chunks of `size`, as the reader does.
  static func decode(_ bytes: [UInt8], requested: TextEncoding, chunk size: Int) throws -> (
    String, Int
  ) {
    let encoding = try #require(
      bytes.withUnsafeBytes { DetectedEncoding.detect($0, requested: requested, isWhole: true) })
    var decoder = ByteDecoder(encoding)
    var output: [UInt8] = []
    var offset = 0
    repeat {
      let end = min(offset + size, bytes.count)
      bytes[offset..<end].withUnsafeBytes { chunk in
        decoder.decode(chunk, isLast: end == bytes.count) { output.append(contentsOf: $0) }
      }
      offset = end
    } while offset < bytes.count
    var replaced = decoder.replacedBytes
    let text = output.withUnsafeBufferPointer {
      encoding.fieldEncoding.string($0, replaced: &replaced)
    }
    return (text, replaced)
  }

  static let sample = "id,text\n1,Gerät 😀 空气炸锅 déjà vu\n"

  @Test(arguments: [1, 2, 3, 5, 4096])
  func utf16InAnyChunking(size: Int) throws {
    let little = [0xFF, 0xFE] + Array(Self.sample.data(using: .utf16LittleEndian) ?? Data())
    let big = [0xFE, 0xFF] + Array(Self.sample.data(using: .utf16BigEndian) ?? Data())
    #expect(try Self.decode(little, requested: .auto, chunk: size) == (Self.sample, 0))
    #expect(try Self.decode(big, requested: .auto, chunk: size) == (Self.sample, 0))
  }

  @Test(arguments: [1, 2, 3, 5, 4096])
  func gb18030InAnyChunking(size: Int) throws {
    let encoding = String.Encoding(rawValue: 0x8000_0632)
    let bytes = Array(try #require(Self.sample.data(using: encoding)))
    #expect(try Self.decode(bytes, requested: .gb18030, chunk: size) == (Self.sample, 0))
  }

  @Test func loneSurrogateIsReplacedAndCounted() throws {
    let bytes: [UInt8] = [0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x42, 0x00]
    #expect(try Self.decode(bytes, requested: .auto, chunk: 3) == ("A\u{FFFD}B", 2))
  }

  @Test func utf16WithoutBOMIsRecognised() throws {
    let bytes = Array(Self.sample.data(using: .utf16LittleEndian) ?? Data())
    #expect(try Self.decode(bytes, requested: .auto, chunk: 7).0 == Self.sample)
  }

  @Test func autoDetection() {
    func detect(_ bytes: [UInt8], isWhole: Bool = true) -> DetectedEncoding? {
      bytes.withUnsafeBytes { DetectedEncoding.detect($0, requested: .auto, isWhole: isWhole) }
    }
    #expect(detect([0xEF, 0xBB, 0xBF, 0x61]) == DetectedEncoding(kind: .utf8, bomLength: 3))
    #expect(detect(Array("Grüße".utf8)) == DetectedEncoding(kind: .utf8))
    #expect(detect([0x47, 0x72, 0xFC, 0xDF, 0x65]) == DetectedEncoding(kind: .windows1252))
    // A UTF-8 sequence cut by the end of a partial sample is still UTF-8.
    #expect(detect([0x61, 0xE2, 0x82], isWhole: false) == DetectedEncoding(kind: .utf8))
    #expect(detect([0x61, 0xE2, 0x82], isWhole: true) == DetectedEncoding(kind: .windows1252))
    #expect(detect([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00]) == nil)
  }

  @Test func windows1252Bytes() {
    var replaced = 0
    let bytes: [UInt8] = [0x80, 0x20, 0x93, 0x71, 0x94, 0x20, 0xE9]
    let text = bytes.withUnsafeBufferPointer {
      FieldEncoding.windows1252.string($0, replaced: &replaced)
    }
    #expect(text == "€ “q” é")
    #expect(replaced == 0)
  }
}
