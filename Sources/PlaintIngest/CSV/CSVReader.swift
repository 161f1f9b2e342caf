internal import CLibCSV

/// A streaming CSV parser over libcsv: feed it chunks of any size, take whole records out.
///
/// libcsv calls two C callbacks per chunk. They only append bytes and offsets to a `CSVBatch`
/// lent for the duration of one `csv_parse` call (no Swift logic, no allocation per field beyond
/// amortised array growth); records are read afterwards as views into the batch. The batch is
/// reused between chunks, so memory follows the longest record, not the file. libcsv reports
/// neither line numbers nor raw text, so the batch also records every line break it sees
/// (`CSV_REPALL_NL`) and the reader counts physical lines from them.
final class CSVParser {
  private var parser = csv_parser()
  private(set) var batch = CSVBatch()

  init(delimiter: UInt8) {
    csv_init(&parser, UInt8(CSV_REPALL_NL))
    csv_set_delim(&parser, delimiter)
  }

  deinit { csv_free(&parser) }

  /// Parses one chunk; complete records become available in `batch`.
  func feed(_ bytes: UnsafeRawBufferPointer) {
    guard let base = bytes.baseAddress, bytes.count > 0 else { return }
    withUnsafeMutablePointer(to: &batch) { context in
      _ = csv_parse(&parser, base, bytes.count, onField, onRecord, context)
    }
  }

  /// Ends the input. Returns true when the file ended inside a quoted field (a broken quote).
  @discardableResult
  func finish() -> Bool {
    let brokenQuote = parser.quoted != 0 && parser.pstate != 0
    withUnsafeMutablePointer(to: &batch) { context in
      _ = csv_fini(&parser, onField, onRecord, context)
    }
    return brokenQuote
  }

  /// Drops the records already consumed, keeping a record still in progress.
  func compact() { batch.compact() }
}

/// Field bytes and boundaries of the records parsed so far, in flat reused arrays.
struct CSVBatch {
  /// The bytes of every field, back to back.
  var bytes: [UInt8] = []
  /// End offset in `bytes` of each field.
  var fieldEnds: [Int] = []
  /// Events in order: a record (its end index in `fieldEnds`, terminator) or a bare line break.
  var events: [Event] = []

  struct Event {
    /// Index one past the record's last field in `fieldEnds`; -1 for a bare line break.
    var fieldEnd: Int
    /// The character that ended it: CR, LF, or -1 at end of input.
    var terminator: Int32
  }

  init() {
    bytes.reserveCapacity(1 << 20)
    fieldEnds.reserveCapacity(1 << 14)
    events.reserveCapacity(1 << 12)
  }

  /// Index of the first field of the record in progress.
  var firstPendingField: Int {
    events.last { $0.fieldEnd >= 0 }?.fieldEnd ?? 0
  }

  mutating func compact() {
    let keepFrom = firstPendingField
    let byteStart = keepFrom == 0 ? 0 : fieldEnds[keepFrom - 1]
    if byteStart > 0 {
      bytes.removeSubrange(0..<byteStart)
    }
    let pending = fieldEnds[keepFrom...].map { $0 - byteStart }
    fieldEnds.removeAll(keepingCapacity: true)
    fieldEnds.append(contentsOf: pending)
    events.removeAll(keepingCapacity: true)
  }
}

private func onField(_ field: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
  guard let batch = context?.assumingMemoryBound(to: CSVBatch.self) else { return }
  if let field, length > 0 {
    batch.pointee.bytes.append(
      contentsOf: UnsafeRawBufferPointer(start: field, count: length))
  }
  batch.pointee.fieldEnds.append(batch.pointee.bytes.count)
}

private func onRecord(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
  guard let batch = context?.assumingMemoryBound(to: CSVBatch.self) else { return }
  let fieldCount = batch.pointee.fieldEnds.count
  let previous = batch.pointee.firstPendingField
  let isBareBreak = fieldCount == previous && terminator != -1
  batch.pointee.events.append(
    CSVBatch.Event(fieldEnd: isBareBreak ? -1 : fieldCount, terminator: terminator))
}
