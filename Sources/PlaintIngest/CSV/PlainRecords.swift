#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The reader's fast path: the records libcsv would read without any of its special cases are
/// read here, a quoted field by `memchr` to its closing quote, instead of byte by byte through
/// libcsv's state machine and a callback per field.
///
/// A record is plain when it is whole in the bytes at hand and each of its fields is
/// - empty,
/// - unquoted, without a quote, CR or LF, and neither starting nor ending with a blank (libcsv
///   trims blanks around an unquoted field), or
/// - quoted from its first byte, with `""` for a quote and any other byte as data (CR and LF
///   too), and the closing quote followed at once by the delimiter or the row end;
///
/// and when no field is longer than the field limit, the record has fewer fields than
/// `FieldBatch.recordFieldLimit` and fewer bytes than `recordByteLimit`. The row end is what
/// libcsv reports for it as the reader configures it: LF, or in `.lf` mode CRLF, whose CR libcsv
/// trims as a blank (`CSVReader.feedReturn`); in `.crOrLF` mode a CR is a row end of its own, and
/// the LF of a CRLF is then an empty row, as libcsv reports it.
///
/// libcsv reads a plain record into exactly these fields, so the batch takes them as its
/// callbacks would have: the same bytes, field ends and row ends. Everything else, from the first
/// record that is not plain, is left to libcsv (`CSVReader.parse`), and `CSVReaderEquivalenceTests`
/// compares the two paths on random inputs.
extension FieldBatch {
  /// Appends the plain records at the start of `input`, read with `delimiter`, and returns the
  /// number of bytes they take (0 if the first record is not plain).
  mutating func appendPlainRecords(
    _ input: UnsafeRawBufferPointer, delimiter: UInt8, lfOnly: Bool
  ) -> Int {
    guard let base = input.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return 0 }
    let end = input.count
    let quote: UInt8 = 0x22
    let fieldLimit = self.fieldLimit
    let recordByteLimit = self.recordByteLimit
    var taken = 0
    // What the batch held after the last whole record: a record cut short is taken back to it.
    var keptFields = fieldEnds.count
    var keptBytes = bytes.count
    records: while taken < end {
      // Empty rows (blank lines, the LF of a CRLF in `.crOrLF` mode) are row ends without
      // fields, as libcsv reports them with `CSV_REPALL_NL`.
      if let (terminator, length) = Self.rowEnd(base, at: taken, end: end, lfOnly: lfOnly) {
        rowEnds.append((fieldEnds.count, terminator, 0))
        taken += length
        continue records
      }
      var index = taken
      var terminator: Int32
      fields: while true {
        guard index < end, fieldEnds.count - keptFields < Self.recordFieldLimit else {
          break records
        }
        let fieldStart = bytes.count
        if base[index] == quote {
          var start = index + 1
          while true {
            guard start < end, let found = memchr(base + start, Int32(quote), end - start) else {
              break records
            }
            let close = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            bytes.append(contentsOf: UnsafeBufferPointer(start: base + start, count: close - start))
            guard close + 1 < end else { break records }
            guard base[close + 1] == quote else {
              index = close + 1
              break
            }
            bytes.append(quote)
            start = close + 2
          }
        } else {
          var stop = index
          while stop < end {
            let byte = base[stop]
            if byte == delimiter || byte == 0x0A || byte == 0x0D || byte == quote { break }
            stop += 1
          }
          if stop > index {
            guard !Self.isBlank(base[index], delimiter), !Self.isBlank(base[stop - 1], delimiter)
            else { break records }
            bytes.append(contentsOf: UnsafeBufferPointer(start: base + index, count: stop - index))
          }
          index = stop
        }
        guard index < end, bytes.count - fieldStart <= fieldLimit,
          bytes.count - keptBytes <= recordByteLimit
        else { break records }
        fieldEnds.append(bytes.count)
        if base[index] == delimiter {
          index += 1
        } else if let (ending, length) = Self.rowEnd(base, at: index, end: end, lfOnly: lfOnly) {
          index += length
          terminator = ending
          break fields
        } else {
          break records
        }
      }
      rowEnds.append((fieldEnds.count, terminator, 0))
      taken = index
      keptFields = fieldEnds.count
      keptBytes = bytes.count
      plainRecords += 1
    }
    if fieldEnds.count > keptFields { fieldEnds.removeSubrange(keptFields...) }
    if bytes.count > keptBytes { bytes.removeSubrange(keptBytes...) }
    return taken
  }

  /// The row end at `index`, as libcsv reports it, and its length: LF; CR alone in `.crOrLF`
  /// mode; CRLF in `.lf` mode (libcsv trims its CR as a blank, and reports the LF). Nil for
  /// anything else, a bare CR in `.lf` mode included.
  @inline(__always) private static func rowEnd(
    _ base: UnsafePointer<UInt8>, at index: Int, end: Int, lfOnly: Bool
  ) -> (terminator: Int32, length: Int)? {
    switch base[index] {
    case 0x0A: (0x0A, 1)
    case 0x0D where !lfOnly: (0x0D, 1)
    case 0x0D where index + 1 < end && base[index + 1] == 0x0A: (0x0A, 2)
    default: nil
    }
  }

  /// A byte libcsv trims around an unquoted field: space or tab, unless it is the delimiter.
  @inline(__always) private static func isBlank(_ byte: UInt8, _ delimiter: UInt8) -> Bool {
    (byte == 0x20 || byte == 0x09) && byte != delimiter
  }
}
