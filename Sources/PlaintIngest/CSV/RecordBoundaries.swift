/// Where records start in a CSV file, found by replaying libcsv's own state machine over the raw
/// bytes (libcsv.c `csv_parse`, non-strict, as `CSVReader` configures it).
///
/// A position where libcsv is between rows (`ROW_NOT_BEGUN`) is a safe cut: a fresh parser started
/// there reads the rest exactly as the parser that read the file from its start. The scan knows
/// libcsv's rules that a parity count of quotes gets wrong — a quote inside an unquoted field is
/// data, spaces before an opening quote are skipped, a quote followed by other text inside a
/// quoted field does not close it — and it works for UTF-8 and windows-1252 bytes alike, where the
/// delimiter, quote, CR and LF never occur inside a multi-byte character.
public struct RecordBoundaries: Sendable {
  private enum State { case rowNotBegun, fieldNotBegun, fieldBegun, fieldMightHaveEnded }

  let delimiter: UInt8
  /// CR and LF end rows, or only LF (then CR counts as a space).
  let lineFeedOnly: Bool
  private var state = State.rowNotBegun
  private var quoted = false

  init(delimiter: UInt8, rowEnds: RowEnds) {
    self.delimiter = delimiter
    lineFeedOnly = rowEnds == .lf
  }

  /// Whether the bytes so far end between records.
  var isBetweenRecords: Bool { state == .rowNotBegun }

  @inline(__always) private func isTerm(_ c: UInt8) -> Bool {
    lineFeedOnly ? c == 0x0A : (c == 0x0A || c == 0x0D)
  }

  /// libcsv's space test as `CSVReader` sets it: space and tab, without tab when it delimits,
  /// plus CR when only LF ends rows.
  @inline(__always) private func isSpace(_ c: UInt8) -> Bool {
    if c == 0x20 { return true }
    if c == 0x09 { return delimiter != 0x09 }
    return lineFeedOnly && c == 0x0D
  }

  /// Feeds `bytes`; calls `onRecordStart` with the offset (within `bytes`) just after each byte
  /// that leaves the parser between records.
  mutating func scan(_ bytes: UnsafeRawBufferPointer, onRecordStart: (Int) -> Void) {
    let quote: UInt8 = 0x22
    for index in 0..<bytes.count {
      let c = bytes[index]
      switch state {
      case .rowNotBegun, .fieldNotBegun:
        if isSpace(c) && c != delimiter {
          continue
        } else if isTerm(c) {
          state = .rowNotBegun
          onRecordStart(index + 1)
        } else if c == delimiter {
          state = .fieldNotBegun
        } else {
          state = .fieldBegun
          quoted = c == quote
        }
      case .fieldBegun:
        // Inside quotes only a quote matters; unquoted, a quote is data (non-strict libcsv).
        if quoted {
          if c == quote { state = .fieldMightHaveEnded }
        } else if c == delimiter {
          state = .fieldNotBegun
        } else if isTerm(c) {
          state = .rowNotBegun
          onRecordStart(index + 1)
        }
      case .fieldMightHaveEnded:
        if c == delimiter {
          state = .fieldNotBegun
        } else if isTerm(c) {
          state = .rowNotBegun
          onRecordStart(index + 1)
        } else if !isSpace(c) {
          // A second quote (escaped, or unescaped after spaces) or any other byte: the field
          // goes on, still quoted. Spaces after the closing quote keep it open to ending.
          state = .fieldBegun
        }
      }
    }
  }
}
