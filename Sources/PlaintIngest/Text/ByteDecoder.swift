import Foundation

/// The encoding a file turned out to have, and how many BOM bytes start it.
struct DetectedEncoding: Equatable {
  enum Kind: Equatable {
    case utf8
    case utf16(bigEndian: Bool)
    case windows1252
    case gb18030
  }

  var kind: Kind
  var bomLength = 0

  /// How fields reach libcsv: UTF-16 and GB18030 are transcoded to UTF-8 on the way.
  var fieldEncoding: FieldEncoding { kind == .windows1252 ? .windows1252 : .utf8 }

  /// Decides from the first bytes; `isWhole` says the sample is the entire file.
  static func detect(
    _ sample: UnsafeRawBufferPointer, requested: TextEncoding, isWhole: Bool
  ) -> DetectedEncoding? {
    let bytes = Array(sample.prefix(4))
    let utf8BOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
    let utf16BOM: Bool? =
      bytes.starts(with: [0xFF, 0xFE]) ? false : bytes.starts(with: [0xFE, 0xFF]) ? true : nil
    switch requested {
    case .utf8:
      return DetectedEncoding(kind: .utf8, bomLength: utf8BOM ? 3 : 0)
    case .windows1252:
      return DetectedEncoding(kind: .windows1252)
    case .gb18030:
      let bom = bytes.starts(with: [0x84, 0x31, 0x95, 0x33])
      return DetectedEncoding(kind: .gb18030, bomLength: bom ? 4 : 0)
    case .utf16:
      if let bigEndian = utf16BOM {
        return DetectedEncoding(kind: .utf16(bigEndian: bigEndian), bomLength: 2)
      }
      return DetectedEncoding(kind: .utf16(bigEndian: utf16ByZeros(sample) ?? false))
    case .auto:
      if utf8BOM { return DetectedEncoding(kind: .utf8, bomLength: 3) }
      if let bigEndian = utf16BOM {
        return DetectedEncoding(kind: .utf16(bigEndian: bigEndian), bomLength: 2)
      }
      if let bigEndian = utf16ByZeros(sample) {
        return DetectedEncoding(kind: .utf16(bigEndian: bigEndian))
      }
      if sample.prefix(8192).contains(0) { return nil }
      return isUTF8Like(utf8Evidence(sample, isWhole: isWhole))
        ? DetectedEncoding(kind: .utf8) : DetectedEncoding(kind: .windows1252)
    }
  }

  /// UTF-16 without a BOM shows as zero bytes in every other position of ASCII-heavy text.
  private static func utf16ByZeros(_ sample: UnsafeRawBufferPointer) -> Bool? {
    let pairs = min(sample.count, 1024) / 2
    guard pairs >= 2 else { return nil }
    var evenZeros = 0
    var oddZeros = 0
    for pair in 0..<pairs {
      if sample[2 * pair] == 0 { evenZeros += 1 }
      if sample[2 * pair + 1] == 0 { oddZeros += 1 }
    }
    if oddZeros * 10 >= pairs * 4 && evenZeros * 20 < pairs { return false }
    if evenZeros * 10 >= pairs * 4 && oddZeros * 20 < pairs { return true }
    return nil
  }

  /// Multi-byte UTF-8 characters and invalid sequences in the sample; a sequence cut by the end
  /// of a partial sample is neither.
  static func utf8Evidence(_ sample: UnsafeRawBufferPointer, isWhole: Bool)
    -> (characters: Int, invalid: Int)
  {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = sample.makeIterator()
    var offset = 0
    var characters = 0
    var invalid = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let scalar):
        offset += scalar.count
        if scalar.count > 1 { characters += 1 }
      case .emptyInput:
        return (characters, invalid)
      case .error(let length):
        offset += length
        if isWhole || offset < sample.count - 3 { invalid += 1 }
      }
    }
  }

  /// UTF-8 with a few bad bytes stays UTF-8: windows-1252 text almost never holds a valid
  /// multi-byte sequence, so more valid characters than invalid sequences means UTF-8.
  static func isUTF8Like(_ evidence: (characters: Int, invalid: Int)) -> Bool {
    evidence.invalid == 0 || evidence.characters > evidence.invalid
  }
}

/// Turns a file's bytes into the bytes libcsv parses: UTF-8, or windows-1252 as is.
///
/// UTF-8 and windows-1252 pass through without a copy (their delimiters and quotes are ASCII);
/// UTF-16 and GB18030 are transcoded to UTF-8 chunk by chunk, carrying a character cut by a
/// chunk's end into the next.
struct ByteDecoder {
  let encoding: DetectedEncoding
  /// Invalid bytes replaced while transcoding.
  private(set) var replacedBytes = 0
  private var bomToSkip: Int
  private var carry: [UInt8] = []
  private var output: [UInt8] = []
  /// A UTF-16 high surrogate waiting for its partner.
  private var highSurrogate: UInt16?

  init(_ encoding: DetectedEncoding) {
    self.encoding = encoding
    bomToSkip = encoding.bomLength
  }

  /// Calls `body` with the decoded bytes of `chunk`; `isLast` flushes what is carried.
  mutating func decode(
    _ chunk: UnsafeRawBufferPointer, isLast: Bool, _ body: (UnsafeRawBufferPointer) throws -> Void
  ) rethrows {
    var input = chunk
    if bomToSkip > 0 {
      let skip = min(bomToSkip, input.count)
      bomToSkip -= skip
      input = UnsafeRawBufferPointer(rebasing: input[skip...])
    }
    switch encoding.kind {
    case .utf8, .windows1252:
      try body(input)
    case .utf16(let bigEndian):
      output.removeAll(keepingCapacity: true)
      transcodeUTF16(input, bigEndian: bigEndian, isLast: isLast)
      try output.withUnsafeBytes(body)
    case .gb18030:
      output.removeAll(keepingCapacity: true)
      transcodeGB18030(input, isLast: isLast)
      try output.withUnsafeBytes(body)
    }
  }

  private mutating func transcodeUTF16(
    _ input: UnsafeRawBufferPointer, bigEndian: Bool, isLast: Bool
  ) {
    var bytes = carry
    carry.removeAll(keepingCapacity: true)
    bytes.append(contentsOf: input)
    let units = bytes.count / 2
    output.reserveCapacity(units + units / 2)
    for index in 0..<units {
      let first = UInt16(bytes[2 * index])
      let second = UInt16(bytes[2 * index + 1])
      emitUTF16(bigEndian ? first << 8 | second : second << 8 | first)
    }
    if bytes.count % 2 == 1 { carry.append(bytes[bytes.count - 1]) }
    if isLast {
      if highSurrogate != nil { replace(2) }
      highSurrogate = nil
      if !carry.isEmpty { replace(carry.count) }
      carry.removeAll()
    }
  }

  private mutating func emitUTF16(_ unit: UInt16) {
    if let high = highSurrogate {
      highSurrogate = nil
      if (0xDC00...0xDFFF).contains(unit) {
        let value = 0x10000 + (UInt32(high - 0xD800) << 10) + UInt32(unit - 0xDC00)
        appendUTF8(value)
        return
      }
      replace(2)
    }
    switch unit {
    case 0xD800...0xDBFF: highSurrogate = unit
    case 0xDC00...0xDFFF: replace(2)
    default: appendUTF8(UInt32(unit))
    }
  }

  private mutating func appendUTF8(_ value: UInt32) {
    if value < 0x80 {
      output.append(UInt8(value))
    } else if let scalar = Unicode.Scalar(value), let encoded = UTF8.encode(scalar) {
      output.append(contentsOf: encoded)
    } else {
      replace(2)
    }
  }

  private mutating func replace(_ count: Int) {
    replacedBytes += count
    output.append(contentsOf: [0xEF, 0xBF, 0xBD])
  }

  /// GB18030 to UTF-8 through Foundation (ICU), one complete character run at a time.
  private mutating func transcodeGB18030(_ input: UnsafeRawBufferPointer, isLast: Bool) {
    var bytes = carry
    carry.removeAll(keepingCapacity: true)
    bytes.append(contentsOf: input)
    var characters: [Range<Int>] = []
    var index = 0
    while index < bytes.count {
      let length = Self.gb18030Length(bytes, at: index)
      guard index + length <= bytes.count else { break }
      characters.append(index..<index + length)
      index += length
    }
    if index < bytes.count {
      if isLast {
        characters.append(index..<bytes.count)
      } else {
        carry.append(contentsOf: bytes[index...])
      }
    }
    let complete = characters.last.map { 0..<$0.upperBound } ?? 0..<0
    if let text = String(data: Data(bytes[complete]), encoding: Self.gb18030) {
      output.append(contentsOf: text.utf8)
      return
    }
    for range in characters {
      if bytes[range.lowerBound] < 0x80 {
        output.append(bytes[range.lowerBound])
      } else if let text = String(data: Data(bytes[range]), encoding: Self.gb18030) {
        output.append(contentsOf: text.utf8)
      } else {
        replace(range.count)
      }
    }
  }

  /// Foundation's GB18030 (kCFStringEncodingGB_18030_2000 as an NSStringEncoding).
  private static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

  /// Length of the GB18030 character starting at `index`: 1, 2 or 4 bytes.
  private static func gb18030Length(_ bytes: [UInt8], at index: Int) -> Int {
    let lead = bytes[index]
    guard (0x81...0xFE).contains(lead) else { return 1 }
    guard index + 1 < bytes.count else { return 2 }
    return (0x30...0x39).contains(bytes[index + 1]) ? 4 : 2
  }
}
