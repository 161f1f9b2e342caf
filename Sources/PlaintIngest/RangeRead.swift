import Foundation
import PlaintCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reading one export in byte ranges by separate processes (`plaint shard` / `plaint map`,
/// docs/scale-out.md).
///
/// Unlike the parallel reader, whose cuts are guesses that the reader before checks, a range here
/// is read by a process that never sees its neighbours, so its cuts must be right before anyone
/// reads: `ranges(near:)` replays libcsv's state machine over the whole file (`RecordBoundaries`)
/// and cuts only where libcsv is between records. A range's lines are counted from its own start;
/// whoever merges the ranges shifts them by the lines of the ranges before (`lines` tells how many
/// a range holds).
extension ExportReader {
  /// The ranges of about `size` bytes each that this file can be read in, cut at record starts;
  /// one range for the whole file when it cannot be split: compressed, UTF-16 or GB18030, without
  /// a header row, or not larger than `size`.
  public func ranges(near size: Int) throws(IngestError) -> [Range<Int>] {
    var info = stat()
    let path = settings.path
    guard stat(path, &info) == 0 else { throw IngestError.fileMissing(settings.displayPath) }
    let length = Int(info.st_size)
    let whole = [0..<length]
    guard size > 0, length > size, settings.header, !path.hasSuffix(".gz") else { return whole }
    var header = RowScan(reader: self, headerOnly: true)
    do {
      try header.run(onTicket: { _ in }, onReject: { _ in })
    } catch {
      throw .converting(error, path: settings.displayPath)
    }
    guard header.mapping != nil,
      header.encoding.kind == .utf8 || header.encoding.kind == .windows1252
    else { return whole }

    let file = open(path, O_RDONLY)
    guard file >= 0 else { throw IngestError.fileMissing(settings.displayPath) }
    defer { close(file) }
    var scanner = RecordBoundaries(delimiter: header.delimiter, rowEnds: header.rowEnds)
    var cuts = [0]
    var target = size
    var offset = header.encoding.bomLength
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
    defer { buffer.deallocate() }
    while offset < length {
      let count = pread(file, buffer.baseAddress, min(buffer.count, length - offset), off_t(offset))
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { break }
      let base = offset
      let bytes = UnsafeRawBufferPointer(rebasing: buffer[..<count])
      scanner.scan(bytes) { start in
        let position = base + start
        // Only after an LF: a cut between the CR and LF of a CRLF would count a line twice.
        if position >= target && position < length && bytes[start - 1] == 0x0A {
          cuts.append(position)
          target = position + size
        }
      }
      offset += count
    }
    cuts.append(length)
    return zip(cuts, cuts.dropFirst()).map { $0..<$1 }
  }

  /// Reads the bytes `range` (from `ranges(near:)`) as `read` reads the whole file: the range that
  /// starts the file finds the header; a later one takes it from the file's start. Lines are
  /// counted from the range's start; `lines` is how many physical lines the range holds.
  public func read(
    range: Range<Int>, onTicket: (Ticket) throws -> Void, onReject: (Reject) throws -> Void
  ) throws(IngestError) -> (accounting: FileAccounting, lines: Int) {
    do {
      return try readRange(
        range, onTicket: { ticket in try ConsumerFailure.marking { try onTicket(ticket) } },
        onReject: { reject in try ConsumerFailure.marking { try onReject(reject) } })
    } catch {
      throw .converting(error, path: settings.displayPath)
    }
  }

  private func readRange(
    _ range: Range<Int>, onTicket: (Ticket) throws -> Void, onReject: (Reject) throws -> Void
  ) throws -> (accounting: FileAccounting, lines: Int) {
    var info = stat()
    guard stat(settings.path, &info) == 0 else {
      throw IngestError.fileMissing(settings.displayPath)
    }
    if range.lowerBound == 0 && range.upperBound >= Int(info.st_size) {
      let accounting = try read(onTicket: onTicket, onReject: onReject)
      return (accounting, 0)
    }
    var header = RowScan(reader: self, headerOnly: true)
    try header.run(onTicket: { _ in }, onReject: { _ in })
    var scan: RowScan
    if range.lowerBound == 0 {
      scan = RowScan(reader: self, headerOnly: false)
      scan.adopt(layoutOf: header)
    } else {
      scan = header
      scan.headerOnly = false
      scan.startsFile = false
      scan.accounting = FileAccounting()
      scan.dayMonth = DayMonthEvidence(patterns: scan.dates.patterns.count)
    }
    let file = open(settings.path, O_RDONLY)
    guard file >= 0 else { throw IngestError.fileMissing(settings.displayPath) }
    defer { close(file) }
    let buffer = UnsafeMutableRawBufferPointer.allocate(
      byteCount: ExportReader.chunkSize, alignment: 16)
    defer { buffer.deallocate() }
    let lines = try scan.runRange(
      file: file, range: range, isLast: range.upperBound >= Int(info.st_size), buffer: buffer,
      onTicket: onTicket, onReject: onReject)
    if range.lowerBound == 0 && scan.mapping == nil { throw scan.missingColumnsError() }
    return (scan.accounting, lines)
  }
}

extension RowScan {
  /// Parses exactly the bytes of `range` with a fresh parser; the range must end between records
  /// unless it ends the file.
  mutating func runRange(
    file: Int32, range: Range<Int>, isLast: Bool, buffer: UnsafeMutableRawBufferPointer,
    onTicket: (Ticket) throws -> Void, onReject: (Reject) throws -> Void
  ) throws -> Int {
    // A bound past the range makes it "not the last part", so its end is checked, never passed.
    let bounds = [range.lowerBound, range.upperBound] + (isLast ? [] : [Int.max])
    return try runParts(
      file: file, bounds: bounds, from: 0, buffer: buffer, strict: true, onTicket: onTicket,
      onReject: onReject
    ).lines
  }

  /// The error for a file whose header row was never found.
  func missingColumnsError() -> IngestError { missingColumns() }
}
