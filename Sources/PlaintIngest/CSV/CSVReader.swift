/// A streaming CSV reader over libcsv: feed it byte chunks of any size, get records as views.
///
/// Ownership and buffers. The reader owns one heap-allocated `csv_parser` (libcsv keeps the field
/// being parsed in its own growing buffer) and one `FieldBatch`: flat arrays of field bytes, field
/// end offsets and record ends. `parse(_:_:)` lends a pointer to the batch to libcsv for exactly one
/// `csv_parse` call; the callbacks are top-level `@convention(c)` functions that only append to
/// those arrays. After `csv_parse` returns, the complete records are handed to the caller as
/// `CSVRecord` views into the batch (no `String` per field, no copy), then the batch is cleared,
/// keeping its capacity and the fields of a record still open at the chunk's end. Memory is thus
/// bounded by the chunk size plus the longest record, never by the file size.
///
/// libcsv reports neither line numbers nor raw text. With `CSV_REPALL_NL` it reports every
/// unquoted CR and LF as a row end (an empty one for blank lines and the LF of a CRLF), so the
/// reader counts physical lines itself: row ends plus the line breaks inside quoted fields.
/// In `.lf` mode LF ends a row and a CR is trimmed like a space, so a stray CR inside an unquoted
/// field (common in pasted text) stays data instead of splitting the record. A bare CR outside
/// quotes ends the row after all when the row already has the header's `width` fields: that is a
/// row end, not text (an export with mixed row ends), and reading it as data would fold the next
/// row into this one's last field.
///
/// libcsv keeps its own byte tests inline unless a space or row-end function is set, and then it
/// calls that function for nearly every byte. So no function is set: libcsv's defaults (space and
/// tab are blanks, CR and LF end rows) already treat a tab delimiter as a delimiter, and in `.lf`
/// mode the reader finds every CR itself (`memchr`) and hands it over as libcsv would have read
/// it with CR as a blank: as data inside a quoted field, else as a space that is then written
/// back as a CR in libcsv's field buffer.
///
/// A field longer than `fieldLimit` bytes is cut to that length while it is parsed: libcsv's
/// buffer is trimmed back after every chunk, so memory stays near the limit plus one chunk.
internal import CLibCSV

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A failure inside libcsv itself (it only fails when memory runs out).
struct CSVError: Error, Equatable, CustomStringConvertible {
  var message: String
  var description: String { message }
}

/// One record as a view into the reader's buffers, valid only during the call that receives it.
struct CSVRecord {
  /// 1-based physical line the record starts on.
  let line: Int
  /// True when the input ended inside this record's open quote.
  let isCutOff: Bool
  let delimiter: UInt8
  /// Fields of this record cut at the reader's field limit (or dropped past its field count).
  let truncatedFields: Int
  private let bytes: UnsafeBufferPointer<UInt8>
  private let ends: UnsafeBufferPointer<Int>
  private let start: Int

  fileprivate init(
    line: Int, isCutOff: Bool, delimiter: UInt8, truncatedFields: Int,
    bytes: UnsafeBufferPointer<UInt8>, ends: UnsafeBufferPointer<Int>, start: Int
  ) {
    self.line = line
    self.isCutOff = isCutOff
    self.delimiter = delimiter
    self.truncatedFields = truncatedFields
    self.bytes = bytes
    self.ends = ends
    self.start = start
  }

  var fieldCount: Int { ends.count }

  /// The bytes of field `index` (0-based), unquoted and unescaped.
  subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
    let lower = index == 0 ? start : ends[index - 1]
    return UnsafeBufferPointer(rebasing: bytes[lower..<ends[index]])
  }

  /// The record written back as CSV (quoting where needed), at most `limit` bytes.
  func raw(limit: Int = .max) -> [UInt8] {
    var out: [UInt8] = []
    for index in 0..<fieldCount {
      if index > 0 { out.append(delimiter) }
      let field = self[index]
      let needsQuotes = field.contains { $0 == delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
      if needsQuotes { out.append(0x22) }
      for byte in field {
        if byte == 0x22 { out.append(0x22) }
        out.append(byte)
      }
      if needsQuotes && !(isCutOff && index == fieldCount - 1) { out.append(0x22) }
      if out.count >= limit { return Array(out.prefix(limit)) }
    }
    return out
  }
}

/// Flat, reused storage the libcsv callbacks append to during one `csv_parse` call, and the fast
/// path between calls (`appendPlainRecords`).
struct FieldBatch {
  /// Field bytes, back to back.
  var bytes: [UInt8] = []
  /// End offset in `bytes` of each field.
  var fieldEnds: [Int] = []
  /// For each row end: the number of fields in `fieldEnds` so far, and the terminator (-1 at EOF).
  var rowEnds: [(fields: Int, terminator: Int32, droppedBreaks: Int)] = []
  /// Bytes kept of one field; the rest are dropped and counted.
  var fieldLimit = Int.max
  /// Bytes the reader trimmed from the field libcsv is still reading.
  var openFieldDropped = 0
  /// Indices in `fieldEnds` of fields that lost bytes (or after which fields were dropped).
  var truncated: [Int] = []
  /// Line breaks in the bytes dropped from the open record, so line numbers stay right.
  var droppedBreaks = 0
  /// Only LF counts as a line break (`RowEnds.lf`).
  var lfOnly = false
  /// Records the fast path read (`appendPlainRecords`), for the tests.
  var plainRecords = 0

  /// Fields one record may hold, and bytes, before further fields are dropped (memory bound).
  static let recordFieldLimit = 10_000
  /// Trailing blanks kept past the field limit, pending the field's end (memory bound).
  static let keptTailLimit = 64 * 1024
  var recordByteLimit: Int { fieldLimit > Int.max / 4 ? Int.max : fieldLimit * 4 }
}

private func onField(
  _ field: UnsafeMutableRawPointer?, _ count: Int, _ data: UnsafeMutableRawPointer?
) {
  guard let batch = data?.assumingMemoryBound(to: FieldBatch.self) else { return }
  var dropped = batch.pointee.openFieldDropped
  batch.pointee.openFieldDropped = 0
  let openFields = batch.pointee.fieldEnds.count - (batch.pointee.rowEnds.last?.fields ?? 0)
  guard openFields < FieldBatch.recordFieldLimit else {
    // Past the record's field limit the field is dropped whole; the last kept one is marked.
    if let field, count > 0 {
      batch.pointee.droppedBreaks += lineBreaks(
        in: UnsafeBufferPointer(start: field.assumingMemoryBound(to: UInt8.self), count: count),
        lfOnly: batch.pointee.lfOnly)
    }
    let last = batch.pointee.fieldEnds.count - 1
    if batch.pointee.truncated.last != last { batch.pointee.truncated.append(last) }
    return
  }
  let firstOpen = batch.pointee.fieldEnds.count - openFields
  let recordBytes =
    batch.pointee.bytes.count - (firstOpen == 0 ? 0 : batch.pointee.fieldEnds[firstOpen - 1])
  var kept = min(count, batch.pointee.fieldLimit)
  if recordBytes + kept > batch.pointee.recordByteLimit { kept = 0 }
  dropped += count - kept
  if let field, kept < count {
    batch.pointee.droppedBreaks += lineBreaks(
      in: UnsafeBufferPointer(
        start: field.assumingMemoryBound(to: UInt8.self) + kept, count: count - kept),
      lfOnly: batch.pointee.lfOnly)
  }
  if let field, kept > 0 {
    batch.pointee.bytes.append(
      contentsOf: UnsafeBufferPointer(
        start: field.assumingMemoryBound(to: UInt8.self), count: kept))
  }
  batch.pointee.fieldEnds.append(batch.pointee.bytes.count)
  if dropped > 0 {
    batch.pointee.truncated.append(batch.pointee.fieldEnds.count - 1)
  }
}

private func onRowEnd(_ terminator: Int32, _ data: UnsafeMutableRawPointer?) {
  guard let batch = data?.assumingMemoryBound(to: FieldBatch.self) else { return }
  batch.pointee.rowEnds.append(
    (batch.pointee.fieldEnds.count, terminator, batch.pointee.droppedBreaks))
  batch.pointee.droppedBreaks = 0
}

// The per-byte tests of the former configuration, kept as the reference the tests compare the
// reader against (`CSVReader(byteCallbacks: true)`).

/// Only the space character is blank: with a tab delimiter libcsv's default would eat empty fields.
private func isSpaceOnly(_ byte: UInt8) -> Int32 { byte == 0x20 ? 1 : 0 }

/// Blanks when only LF ends rows: a CR is trimmed like a space (so CRLF ends a row cleanly).
private func isSpaceTabOrCR(_ byte: UInt8) -> Int32 {
  byte == 0x20 || byte == 0x09 || byte == 0x0D ? 1 : 0
}

private func isSpaceOrCR(_ byte: UInt8) -> Int32 { byte == 0x20 || byte == 0x0D ? 1 : 0 }

private func isLF(_ byte: UInt8) -> Int32 { byte == 0x0A ? 1 : 0 }

/// Which bytes end a row outside quotes.
enum RowEnds: Sendable {
  /// CR, LF or CRLF (libcsv's default); lines are counted the same way.
  case crOrLF
  /// Only LF (or CRLF); a bare CR inside an unquoted field is data, and lines are LF-counted.
  case lf

  /// `.lf` when the sample's LFs outnumber its bare CRs, as in files with stray CRs in fields.
  static func sniff(_ sample: UnsafeRawBufferPointer) -> RowEnds {
    var lineFeeds = 0
    var bareReturns = 0
    for (index, byte) in sample.enumerated() where byte == 0x0A || byte == 0x0D {
      if byte == 0x0A {
        lineFeeds += 1
      } else if index + 1 < sample.count && sample[index + 1] != 0x0A {
        bareReturns += 1
      }
    }
    return lineFeeds > 0 && lineFeeds >= bareReturns ? .lf : .crOrLF
  }
}

/// libcsv's state while inside a field (libcsv.c `FIELD_BEGUN`).
private let fieldBegun: Int32 = 2
/// libcsv's state after a quote inside a quoted field (`FIELD_MIGHT_HAVE_ENDED`).
private let fieldMightHaveEnded: Int32 = 3

/// The streaming reader; it owns the libcsv parser, hence not copyable.
struct CSVReader: ~Copyable {
  let delimiter: UInt8
  let rowEnds: RowEnds
  /// The header's field count, when known (see the type's comment on bare CRs).
  let width: Int?
  private let parser: UnsafeMutablePointer<csv_parser>
  private var batch = FieldBatch()
  /// A CR ended the last chunk: whether it is bare depends on the next chunk's first byte.
  private var pendingCR = false
  /// Physical line of the next byte the caller has not yet seen as part of a record.
  private(set) var line = 1
  /// The previous row end was a CR, so an empty row ending in LF is the rest of a CRLF.
  private var afterCR = false
  /// `.lf` mode without libcsv's per-byte functions: every CR is handed over by `feedReturn`.
  private let interceptsReturns: Bool
  /// Plain records are read by the fast path; not with libcsv's per-byte functions, the
  /// reference the tests compare the fast path against.
  private let readsPlainRecords: Bool

  /// With `byteCallbacks`, libcsv calls Swift functions for its space and row-end tests on every
  /// byte, as the reader once did; only the tests use it, as the reference for the fast path.
  init(
    delimiter: UInt8 = 0x2C, rowEnds: RowEnds = .crOrLF, width: Int? = nil,
    fieldLimit: Int = .max, byteCallbacks: Bool = false
  ) throws(CSVError) {
    self.delimiter = delimiter
    self.rowEnds = rowEnds
    self.width = width
    self.interceptsReturns = rowEnds == .lf && !byteCallbacks
    self.readsPlainRecords = !byteCallbacks
    batch.fieldLimit = max(1, fieldLimit)
    batch.lfOnly = rowEnds == .lf
    parser = .allocate(capacity: 1)
    guard csv_init(parser, UInt8(CSV_REPALL_NL)) == 0 else {
      parser.deallocate()
      throw CSVError(message: "cannot initialise the CSV parser")
    }
    csv_set_delim(parser, delimiter)
    if byteCallbacks {
      switch rowEnds {
      case .crOrLF:
        if delimiter == 0x09 { csv_set_space_func(parser, isSpaceOnly) }
      case .lf:
        csv_set_term_func(parser, isLF)
        if delimiter == 0x09 {
          csv_set_space_func(parser, isSpaceOrCR)
        } else {
          csv_set_space_func(parser, isSpaceTabOrCR)
        }
      }
    }
    csv_set_blk_size(parser, 64 * 1024)
  }

  deinit {
    csv_free(parser)
    parser.deallocate()
  }

  /// True between records: every record fed so far is delivered and libcsv is in its initial
  /// state, so the bytes read next parse exactly as they would from the start of a file.
  var isAtRecordStart: Bool {
    parser.pointee.pstate == 0 && batch.fieldEnds.isEmpty && !afterCR && !pendingCR
  }

  /// Parses one chunk and calls `body` with every record it completes.
  ///
  /// Between records the plain ones are read by the fast path (`FieldBatch.appendPlainRecords`);
  /// from the first that is not, libcsv reads to the end of the line, where the next record may
  /// be plain again. After `missesBeforeLibcsv` records in a row that are not, libcsv reads the
  /// rest of the chunk in one call: a file of odd records pays a few tries per chunk, not a try
  /// and a call per line.
  mutating func parse(
    _ chunk: UnsafeRawBufferPointer, _ body: (CSVRecord) throws -> Void
  ) throws {
    guard chunk.count > 0 else { return }
    guard readsPlainRecords, let base = chunk.baseAddress else {
      try feedThroughLibcsv(chunk)
      return try deliver(cutOff: false, body)
    }
    var start = 0
    var misses = 0
    while start < chunk.count {
      if isBetweenRecords {
        let taken = batch.appendPlainRecords(
          UnsafeRawBufferPointer(rebasing: chunk[start...]), delimiter: delimiter,
          lfOnly: rowEnds == .lf)
        start += taken
        guard start < chunk.count else { break }
        misses = taken > 0 ? 1 : misses + 1
        if misses > Self.missesBeforeLibcsv {
          try feedThroughLibcsv(UnsafeRawBufferPointer(rebasing: chunk[start...]))
          break
        }
      }
      var lineEnd = chunk.count
      if let found = memchr(base + start, 0x0A, chunk.count - start) {
        lineEnd = UnsafeRawPointer(found) - base + 1
      }
      try feedThroughLibcsv(UnsafeRawBufferPointer(rebasing: chunk[start..<lineEnd]))
      start = lineEnd
    }
    try deliver(cutOff: false, body)
  }

  /// Records the fast path read, for the tests.
  var plainRecordCount: Int { batch.plainRecords }

  /// Records in a row the fast path may fail to read in a chunk before libcsv reads the rest.
  static let missesBeforeLibcsv = 8

  /// libcsv is between records and no record is open in the batch: the next bytes start one.
  private var isBetweenRecords: Bool {
    parser.pointee.pstate == 0 && !pendingCR && batch.openFieldDropped == 0
      && batch.droppedBreaks == 0 && batch.fieldEnds.count == (batch.rowEnds.last?.fields ?? 0)
  }

  /// Hands `bytes` to libcsv; in `.lf` mode every CR in them is handed over by `feedReturn`.
  private mutating func feedThroughLibcsv(_ bytes: UnsafeRawBufferPointer) throws {
    guard rowEnds == .lf, interceptsReturns || width != nil else { return try feed(bytes) }
    let width = self.width ?? .max
    var rest = bytes
    if pendingCR {
      pendingCR = false
      try feedReturn(bare: rest[0] != 0x0A, width: width)
    }
    // With per-byte functions only a bare CR needs a decision (the CRs of CRLF pass to libcsv
    // with the bytes around them); without them, every CR does.
    guard let base = rest.baseAddress else { return }
    var start = 0
    var search = 0
    while search < rest.count, let found = memchr(base + search, 0x0D, rest.count - search) {
      let index = UnsafeRawPointer(found) - base
      if index + 1 == rest.count {
        try feed(UnsafeRawBufferPointer(rebasing: rest[start..<index]))
        // Without a width no CR ends a row, so the next chunk cannot change what this one is.
        if self.width == nil {
          try feedReturn(bare: true, width: width)
        } else {
          pendingCR = true
        }
        start = rest.count
        break
      }
      let bare = rest[index + 1] != 0x0A
      if !bare && !interceptsReturns {
        search = index + 2
        continue
      }
      try feed(UnsafeRawBufferPointer(rebasing: rest[start..<index]))
      try feedReturn(bare: bare, width: width)
      start = index + 1
      search = start
    }
    rest = UnsafeRawBufferPointer(rebasing: rest[start...])
    try feed(rest)
  }

  /// Hands bytes to libcsv, then cuts the field it is inside back to the field limit.
  private mutating func feed(_ bytes: UnsafeRawBufferPointer) throws {
    try parseOnly(bytes)
    trimOpenField()
  }

  /// Hands bytes to libcsv.
  private mutating func parseOnly(_ bytes: UnsafeRawBufferPointer) throws {
    guard bytes.count > 0 else { return }
    let parser = self.parser
    let consumed = withUnsafeMutablePointer(to: &batch) { batch in
      csv_parse(parser, bytes.baseAddress, bytes.count, onField, onRowEnd, batch)
    }
    guard consumed == bytes.count else {
      throw CSVError(message: String(cString: csv_strerror(csv_error(parser))))
    }
  }

  /// Cuts the field libcsv is inside back to the field limit.
  private mutating func trimOpenField() {
    let limit = batch.fieldLimit
    let position = parser.pointee.entry_pos
    let state = parser.pointee.pstate
    guard state >= fieldBegun && position > limit, let buffer = parser.pointee.entry_buf else {
      return
    }
    // What libcsv trims when the field ends (trailing blanks, and after a quote the quote) stays
    // behind the kept bytes until it is clear whether the field ends there or more text follows:
    // dropping it now would count trimmed blanks as cut text, or trim kept text later, depending
    // on where a chunk happened to end.
    var tail = parser.pointee.spaces + (state == fieldMightHaveEnded ? 1 : 0)
    if tail > FieldBatch.keptTailLimit {
      tail = 0
      parser.pointee.spaces = 0
    }
    var dropped = position - limit - tail
    // A CR whose LF may come in the next chunk stays too, so that a CRLF counts as one line.
    if dropped > 0 && !batch.lfOnly && buffer[limit + dropped - 1] == 0x0D { dropped -= 1 }
    guard dropped > 0 else { return }
    batch.openFieldDropped += dropped
    batch.droppedBreaks += lineBreaks(
      in: UnsafeBufferPointer(start: buffer + limit, count: dropped), lfOnly: batch.lfOnly)
    let kept = position - limit - dropped
    if kept > 0 { (buffer + limit).update(from: buffer + limit + dropped, count: kept) }
    parser.pointee.entry_pos = limit + kept
  }

  /// A CR in `.lf` mode: a row end when bare, outside quotes and after a full row; else a blank
  /// (data inside a quoted field).
  private mutating func feedReturn(bare: Bool, width: Int) throws {
    let state = parser.pointee.pstate
    let insideQuotes = state == fieldBegun && parser.pointee.quoted != 0
    var byte: UInt8 = 0x0D
    if bare {
      let open = batch.fieldEnds.count - (batch.rowEnds.last?.fields ?? 0)
      if !insideQuotes && open + (state == 0 ? 0 : 1) >= width { byte = 0x0A }
    }
    guard interceptsReturns && byte == 0x0D && !insideQuotes else {
      return try withUnsafeBytes(of: &byte) { try feed($0) }
    }
    // libcsv's default reads CR as a row end; a space takes the path a blank CR took (skipped
    // before a field, kept and counted as trailing inside one), then becomes a CR again.
    let position = parser.pointee.entry_pos
    var space: UInt8 = 0x20
    try withUnsafeBytes(of: &space) { try parseOnly($0) }
    if parser.pointee.entry_pos == position + 1, let buffer = parser.pointee.entry_buf {
      buffer[position] = 0x0D
    }
    trimOpenField()
  }

  /// Ends the input: delivers a last record without a line break, flagged when cut off in a quote.
  mutating func finish(_ body: (CSVRecord) throws -> Void) throws {
    if pendingCR {
      pendingCR = false
      try feedReturn(bare: true, width: width ?? .max)
    }
    let cutOff = parser.pointee.pstate == fieldBegun && parser.pointee.quoted != 0
    let parser = self.parser
    _ = withUnsafeMutablePointer(to: &batch) { batch in
      csv_fini(parser, onField, onRowEnd, batch)
    }
    try deliver(cutOff: cutOff, body)
  }

  private mutating func deliver(cutOff: Bool, _ body: (CSVRecord) throws -> Void) throws {
    var firstField = 0
    let rowEnds = batch.rowEnds
    let truncatedIndices = batch.truncated
    let delimiter = self.delimiter
    let lfOnly = self.rowEnds == .lf
    try batch.bytes.withUnsafeBufferPointer { bytes in
      try batch.fieldEnds.withUnsafeBufferPointer { ends in
        for (index, rowEnd) in rowEnds.enumerated() {
          let fieldRange = firstField..<rowEnd.fields
          if !fieldRange.isEmpty {
            let start = firstField == 0 ? 0 : ends[firstField - 1]
            let truncated =
              truncatedIndices.isEmpty ? 0 : truncatedIndices.count { fieldRange.contains($0) }
            let record = CSVRecord(
              line: line, isCutOff: cutOff && index == rowEnds.count - 1, delimiter: delimiter,
              truncatedFields: truncated, bytes: bytes,
              ends: UnsafeBufferPointer(rebasing: ends[fieldRange]), start: start)
            try body(record)
            line += lineBreaks(
              in: UnsafeBufferPointer(rebasing: bytes[start..<ends[rowEnd.fields - 1]]),
              lfOnly: lfOnly)
          }
          line += rowEnd.droppedBreaks
          switch rowEnd.terminator {
          case 0x0D:
            line += 1
            afterCR = true
          case 0x0A:
            if !(afterCR && fieldRange.isEmpty) { line += 1 }
            afterCR = false
          default:
            afterCR = false
          }
          firstField = rowEnd.fields
        }
      }
    }
    compact(keepingFieldsFrom: firstField)
  }

  /// Drops delivered records, moving the fields of an unfinished record to the front.
  private mutating func compact(keepingFieldsFrom firstField: Int) {
    batch.rowEnds.removeAll(keepingCapacity: true)
    if !batch.truncated.isEmpty {
      batch.truncated = batch.truncated.filter { $0 >= firstField }.map { $0 - firstField }
    }
    guard firstField > 0 else { return }
    let byteStart = batch.fieldEnds[firstField - 1]
    if firstField == batch.fieldEnds.count {
      batch.bytes.removeAll(keepingCapacity: true)
      batch.fieldEnds.removeAll(keepingCapacity: true)
      return
    }
    batch.bytes.removeSubrange(0..<byteStart)
    batch.fieldEnds.removeSubrange(0..<firstField)
    for index in batch.fieldEnds.indices { batch.fieldEnds[index] -= byteStart }
  }
}

/// Line breaks inside field bytes: LF, CRLF and bare CR count one each (only LF if `lfOnly`).
private func lineBreaks(in bytes: UnsafeBufferPointer<UInt8>, lfOnly: Bool) -> Int {
  guard let base = bytes.baseAddress else { return 0 }
  guard !lfOnly && memchr(base, 0x0D, bytes.count) != nil else { return lineFeeds(in: bytes) }
  var count = 0
  var index = 0
  while index < bytes.count {
    let byte = bytes[index]
    index += 1
    guard byte <= 0x0D else { continue }
    if byte == 0x0A || (byte == 0x0D && (index == bytes.count || bytes[index] != 0x0A)) {
      count += 1
    }
  }
  return count
}

/// The LFs in `bytes`, counted eight bytes at a time: a record's narrative is most of its bytes.
private func lineFeeds(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
  let raw = UnsafeRawBufferPointer(bytes)
  let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
  let feeds: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
  var count = 0
  var offset = 0
  while offset + 8 <= raw.count {
    let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) ^ feeds
    // The high bit of each byte of `word` that is zero, and no other bit.
    count += (~(((word & low7) &+ low7) | word | low7)).nonzeroBitCount
    offset += 8
  }
  while offset < raw.count {
    if raw[offset] == 0x0A { count += 1 }
    offset += 1
  }
  return count
}
