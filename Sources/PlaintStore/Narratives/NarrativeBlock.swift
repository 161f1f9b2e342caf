internal import CZstd
import Foundation

/// The narratives of a run of stored tickets, kept together as one zstd frame in the
/// `narratives` table, so that the ticket rows hold only small fixed fields.
///
/// A block is the texts' UTF-8 bytes end to end after a header: the number of texts and where
/// each one ends, as little-endian 32-bit counts. A ticket names its block and its slot in it.
struct NarrativeBlock {
  /// The texts added so far, end to end.
  private(set) var bytes: [UInt8] = []
  /// Where each text ends in `bytes`.
  private(set) var ends: [UInt32] = []

  init() {}

  /// An empty block with room for `bytes` bytes of texts, so that filling it copies each text
  /// once (grown by doubling, a block of 128 KiB was copied again on its way).
  init(reservingCapacity bytes: Int) {
    self.bytes.reserveCapacity(bytes)
    ends.reserveCapacity(bytes / 256)
  }

  var count: Int { ends.count }
  var isEmpty: Bool { ends.isEmpty }
  var byteCount: Int { bytes.count }

  /// Appends `text` as the next slot.
  mutating func append(_ text: String) {
    var text = text
    text.withUTF8 { bytes.append(contentsOf: $0) }
    ends.append(UInt32(bytes.count))
  }

  mutating func removeAll() {
    bytes.removeAll(keepingCapacity: true)
    ends.removeAll(keepingCapacity: true)
  }

  /// The block as it is stored: header and texts, compressed by `compressor`.
  func compressed(with compressor: NarrativeCompressor) -> [UInt8] {
    var plain: [UInt8] = []
    plain.reserveCapacity(4 * (ends.count + 1) + bytes.count)
    Self.appendLittleEndian(UInt32(ends.count), to: &plain)
    for end in ends { Self.appendLittleEndian(end, to: &plain) }
    plain.append(contentsOf: bytes)
    return compressor.compress(plain)
  }

  private static func appendLittleEndian(_ value: UInt32, to bytes: inout [UInt8]) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  /// The texts of a stored block; nil when the bytes are not a block Plaint wrote. The block is
  /// decompressed by `decompressor` into `buffer`'s memory when it is not shared (a block read
  /// before, given back by `StoredNarratives.buffer`): a reader going through a month's blocks
  /// then neither makes a zstd context per block nor takes fresh pages for each block's bytes
  /// from the system, which zeroed them first (a tenth of the reported month's read).
  ///
  /// `buffer` is consumed, so that the caller holds no second reference to it: borrowed, it
  /// was shared with the caller's copy for the whole call, and emptying it took a new buffer
  /// every time (a fifth of the bench's month's page faults).
  static func texts(
    _ stored: Data, decompressor: NarrativeDecompressor, reusing buffer: consuming [UInt8] = []
  ) -> StoredNarratives? {
    let size = stored.withUnsafeBytes { ZSTD_getFrameContentSize($0.baseAddress, $0.count) }
    // Unknown or error sizes are the top values; no block Plaint writes comes near 1 GiB.
    guard size >= 4, size < 1 << 30 else { return nil }
    var plain = consume buffer
    plain.removeAll(keepingCapacity: true)
    plain.append(contentsOf: repeatElement(0, count: Int(size)))
    let written = plain.withUnsafeMutableBytes { target in
      stored.withUnsafeBytes { source in
        decompressor.decompress(into: target, from: UnsafeRawBufferPointer(source))
      }
    }
    guard ZSTD_isError(written) == 0, written == size else { return nil }
    return StoredNarratives(plain)
  }
}

/// A zstd decompression context, reused for every block a reader decompresses.
final class NarrativeDecompressor {
  private let context: OpaquePointer?

  init() {
    context = ZSTD_createDCtx()
  }

  deinit { ZSTD_freeDCtx(context) }

  /// zstd's result: the bytes written, or an error code (`ZSTD_isError`).
  func decompress(into target: UnsafeMutableRawBufferPointer, from source: UnsafeRawBufferPointer)
    -> Int
  {
    guard let context else {
      preconditionFailure("zstd: cannot allocate a decompression context")
    }
    return ZSTD_decompressDCtx(
      context, target.baseAddress, target.count, source.baseAddress, source.count)
  }
}

/// The texts of one decompressed block, by slot.
struct StoredNarratives {
  private let plain: [UInt8]
  private let ends: [Int]
  private let start: Int

  /// Reads the header; nil when it does not describe the bytes that follow.
  fileprivate init?(_ plain: [UInt8]) {
    func word(_ index: Int) -> Int {
      let at = 4 * index
      return Int(plain[at]) | Int(plain[at + 1]) << 8 | Int(plain[at + 2]) << 16
        | Int(plain[at + 3]) << 24
    }
    let count = word(0)
    guard count < plain.count / 4 else { return nil }
    start = 4 * (count + 1)
    var ends: [Int] = []
    ends.reserveCapacity(count)
    var previous = 0
    for index in 0..<count {
      let end = word(index + 1)
      guard end >= previous, start + end <= plain.count else { return nil }
      ends.append(end)
      previous = end
    }
    guard start + previous == plain.count else { return nil }
    self.plain = plain
    self.ends = ends
  }

  var count: Int { ends.count }

  /// The block's bytes, for the next block to be decompressed into (`NarrativeBlock.texts`).
  var buffer: [UInt8] { plain }

  /// The text in `slot`; nil for a slot the block does not have.
  func text(_ slot: Int) -> String? {
    guard slot >= 0, slot < ends.count else { return nil }
    let from = start + (slot == 0 ? 0 : ends[slot - 1])
    return String(decoding: plain[from..<(start + ends[slot])], as: UTF8.self)
  }
}

/// A zstd compression context, reused for every block a file's ingest writes.
final class NarrativeCompressor {
  private let context: OpaquePointer?
  /// zstd's level: 1 is its fastest; narratives repeat enough that it already shrinks them
  /// several times.
  let level: Int32

  init(level: Int32 = 1) {
    context = ZSTD_createCCtx()
    self.level = level
  }

  deinit { ZSTD_freeCCtx(context) }

  /// One zstd frame with its content checksum, so that a block damaged on disk fails to
  /// decompress (and is named as damage) instead of reading back as other text.
  func compress(_ plain: [UInt8]) -> [UInt8] {
    guard let context else { preconditionFailure("zstd: cannot allocate a compression context") }
    ZSTD_CCtx_reset(context, ZSTD_reset_session_and_parameters)
    ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, level)
    ZSTD_CCtx_setParameter(context, ZSTD_c_checksumFlag, 1)
    let bound = ZSTD_compressBound(plain.count)
    var out = [UInt8](repeating: 0, count: bound)
    let written = out.withUnsafeMutableBytes { target in
      plain.withUnsafeBytes { source in
        ZSTD_compress2(context, target.baseAddress, target.count, source.baseAddress, source.count)
      }
    }
    // Into a buffer of the bound, zstd fails only when it cannot allocate its working memory.
    precondition(ZSTD_isError(written) == 0, "zstd: cannot compress a narrative block")
    out.removeLast(out.count - written)
    return out
  }
}
