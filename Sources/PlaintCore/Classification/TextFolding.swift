/// Folds text for matching: lower case, no accents, one space between words.
///
/// Taxonomy phrases and ticket text go through the same function, so whatever a user types in
/// either place meets: `ARIZALI`, `arızalı` and `arizali` all fold to `arizali`, `Heißluft` to
/// `heissluft`, `ΕΠΙΣΤΡΟΦΉ` to `επιστροφη`, `ＡＢＣ` to `abc`. Letters, digits and the marks of
/// scripts that need them (Thai tone marks, Devanagari vowel signs) are kept; every run of
/// whitespace, punctuation and symbols becomes a single space; the result has no leading or
/// trailing space. Han, Kana and Hangul are copied unchanged.
public enum TextFolding {
  /// The folded form of `text`.
  public static func fold(_ text: String) -> String {
    withFolded(text) { String(decoding: $0, as: UTF8.self) }
  }

  /// Calls `body` with the folded UTF-8 bytes of `text`, without allocating on the heap for
  /// short texts.
  public static func withFolded<Result>(
    _ text: String, trimming: Bool = true, _ body: (UnsafeBufferPointer<UInt8>) -> Result
  ) -> Result {
    var text = text
    return text.withUTF8 { input in
      let capacity = capacity(forUTF8Count: input.count)
      return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { output in
        let count = fold(input, into: output, trimming: trimming)
        return body(UnsafeBufferPointer(rebasing: output[..<count]))
      }
    }
  }

  /// The output capacity `fold(_:into:trimming:)` needs for an input of `count` bytes.
  static func capacity(forUTF8Count count: Int) -> Int {
    (FoldTable.shared.maxExpansion + 2) * count + 16
  }

  /// Folds UTF-8 bytes into `output` and returns the number of bytes written.
  ///
  /// Invalid UTF-8 counts as a separator. With `trimming` false, a separator at either end is
  /// kept as one space (used for the literal parts of product globs).
  static func fold(
    _ input: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>,
    trimming: Bool = true
  ) -> Int {
    var writer = FoldWriter(output: output, trimming: trimming)
    fold(input, into: &writer)
    return writer.finish()
  }

  /// Folds UTF-8 bytes into `sink`, scalar by scalar; the sink collapses separators.
  @inline(__always)
  static func fold<Sink: FoldSink>(_ input: UnsafeBufferPointer<UInt8>, into sink: inout Sink) {
    let table = FoldTable.shared
    let count = input.count
    var index = 0
    while index < count {
      let lead = input[index]
      if lead < 0x80 {
        let folded = foldASCII(lead)
        if folded == space { sink.separator() } else { sink.word(folded) }
        index += 1
        continue
      }
      index += foldNonASCII(input, at: index, with: table, into: &sink)
    }
  }

  /// Folds the character that starts at byte `index` of `input`, whose lead byte is not ASCII,
  /// into `sink`, and returns the number of bytes it took (1 for invalid UTF-8, a separator).
  @inline(__always)
  static func foldNonASCII<Sink: FoldSink>(
    _ input: UnsafeBufferPointer<UInt8>, at index: Int, with table: FoldTable,
    into sink: inout Sink
  ) -> Int {
    guard let (value, length) = UTF8Scalar.decode(input, at: index) else {
      sink.separator()
      return 1
    }
    if let entry = FoldTable.index(of: value) {
      table.emit(entry, into: &sink)
    } else if Script.isCopiedVerbatim(value) {
      for offset in index..<(index + length) { sink.word(input[offset]) }
    } else if let scalar = Unicode.Scalar(value) {
      FoldTable.foldScalar(scalar, resolvingWith: table) { byte in
        if byte == space { sink.separator() } else { sink.word(byte) }
      }
    } else {
      sink.separator()
    }
    return length
  }

  /// The folded form of an ASCII byte: lower-case letters and digits, a space for the rest.
  @inline(__always) static func foldASCII(_ byte: UInt8) -> UInt8 {
    switch byte {
    case 0x41...0x5A: byte | 0x20
    case 0x61...0x7A, 0x30...0x39: byte
    default: space
    }
  }

  static let space: UInt8 = 0x20
}

/// Where folding puts its output: word bytes, and separators that the sink collapses.
protocol FoldSink {
  /// Records a separator; it is written only before the next word byte.
  mutating func separator()
  /// Writes one byte of a word.
  mutating func word(_ byte: UInt8)
}

/// Appends folded bytes, turning runs of separators into one space.
struct FoldWriter: FoldSink {
  private let output: UnsafeMutableBufferPointer<UInt8>
  private let trimming: Bool
  private var count = 0
  private var pendingSpace = false

  init(output: UnsafeMutableBufferPointer<UInt8>, trimming: Bool) {
    self.output = output
    self.trimming = trimming
  }

  /// Records a separator; it is written only before the next word byte.
  @inline(__always) mutating func separator() {
    pendingSpace = true
  }

  /// Writes one byte of a word.
  @inline(__always) mutating func word(_ byte: UInt8) {
    if pendingSpace {
      pendingSpace = false
      if count > 0 || !trimming { put(TextFolding.space) }
    }
    put(byte)
  }

  /// Ends the output and returns its length.
  mutating func finish() -> Int {
    if pendingSpace && !trimming { put(TextFolding.space) }
    pendingSpace = false
    return count
  }

  @inline(__always) private mutating func put(_ byte: UInt8) {
    // The capacity covers the largest expansion in the table; this guard only keeps absurd
    // input from writing out of bounds.
    guard count < output.count else { return }
    output[count] = byte
    count += 1
  }
}

/// Decoding of single UTF-8 scalars in byte buffers.
enum UTF8Scalar {
  /// The scalar starting at `index` and its length in bytes, or nil when the bytes there are not
  /// well-formed UTF-8.
  @inline(__always)
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int)? {
    let lead = UInt32(bytes[index])
    let count = bytes.count
    func continuation(_ offset: Int) -> UInt32? {
      guard index + offset < count else { return nil }
      let byte = bytes[index + offset]
      return byte & 0xC0 == 0x80 ? UInt32(byte & 0x3F) : nil
    }
    switch lead {
    case 0..<0x80:
      return (lead, 1)
    case 0xC2..<0xE0:
      guard let b1 = continuation(1) else { return nil }
      return ((lead & 0x1F) << 6 | b1, 2)
    case 0xE0..<0xF0:
      guard let b1 = continuation(1), let b2 = continuation(2) else { return nil }
      let value = (lead & 0x0F) << 12 | b1 << 6 | b2
      guard value >= 0x800, !(0xD800...0xDFFF).contains(value) else { return nil }
      return (value, 3)
    case 0xF0..<0xF5:
      guard let b1 = continuation(1), let b2 = continuation(2), let b3 = continuation(3) else {
        return nil
      }
      let value = (lead & 0x07) << 18 | b1 << 12 | b2 << 6 | b3
      guard (0x10000...0x10FFFF).contains(value) else { return nil }
      return (value, 4)
    default:
      return nil
    }
  }

  /// The scalar that ends just before `index` in well-formed UTF-8, or nil at the start.
  @inline(__always)
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>, before index: Int) -> UInt32? {
    guard index > 0 else { return nil }
    var start = index - 1
    while start > 0 && index - start < 4 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
    return decode(bytes, at: start)?.0
  }

  /// The index of the next scalar after the one that starts at `index`.
  @inline(__always)
  static func next(_ bytes: UnsafeBufferPointer<UInt8>, after index: Int) -> Int {
    var next = index + 1
    while next < bytes.count && bytes[next] & 0xC0 == 0x80 { next += 1 }
    return next
  }
}

/// Which scripts are written without spaces between words.
enum Script {
  /// Whether text in the script of `value` is matched as substrings: Han, Kana, Hangul, Thai, Lao,
  /// Khmer and Myanmar, which do not put spaces between words.
  @inline(__always) static func isUnspaced(_ value: UInt32) -> Bool {
    switch value {
    case 0x0E00...0x0EFF, 0x1000...0x109F, 0x1100...0x11FF, 0x1780...0x17FF: true
    case 0x3005...0x3007, 0x3040...0x30FF, 0x3100...0x318F, 0x31A0...0x31FF: true
    case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA960...0xA97F, 0xAC00...0xD7FF: true
    case 0xF900...0xFAFF, 0xFF66...0xFF9F, 0x20000...0x3FFFF: true
    default: false
    }
  }

  /// Whether folding copies the scalar unchanged: Han ideographs and Hangul syllables, which have
  /// no case and no accents to strip.
  @inline(__always) static func isCopiedVerbatim(_ value: UInt32) -> Bool {
    switch value {
    case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0x20000...0x3FFFF:
      true
    default: false
    }
  }
}
