import Foundation
import PlaintCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reading one large export on several cores (README.md, Performance).
///
/// The file is cut into parts of about `partSize` bytes. Each cut is a guess at a record start,
/// found near the part size by a quote-aware scan (`recordStart`); libcsv itself then checks it:
/// a part is parsed from a fresh parser, and the parser that reads the part before must end that
/// part between records (`CSVReader.isAtRecordStart`). If it does not, the guess was wrong and that
/// parser goes on through the next part, whose own result is dropped. Every part is therefore
/// parsed exactly as the sequential reader parses it; line numbers are counted from the part's
/// start and shifted by the lines of the parts before when the results are merged, in file order,
/// on the calling thread (which writes the store). `transform` (classification) runs on the
/// workers. At most `threads + 1` parts are held at once, so memory does not grow with the file.
extension ExportReader {
  /// Bytes per part when a file is read in parallel.
  public static let partSize = 8 << 20

  /// As `read(onTicket:onReject:onProgress:)`, with parsing and `transform` on `threads` threads;
  /// `relocate` adds a line offset to an item's source line. Small, compressed, headerless or
  /// transcoded files are read sequentially, with the same results.
  public func read<Item: Sendable>(
    threads: Int, partSize: Int = ExportReader.partSize,
    transform: @escaping @Sendable (Ticket) -> Item,
    relocate: (inout Item, Int) -> Void,
    onItem: (Item) throws -> Void, onReject: (Reject) throws -> Void,
    onProgress: (_ bytes: Int, _ rows: Int) -> Void = { _, _ in }
  ) throws(IngestError) -> FileAccounting {
    do {
      return try readParts(
        threads: threads, partSize: partSize, transform: transform, relocate: relocate,
        onItem: { item in try ConsumerFailure.marking { try onItem(item) } },
        onReject: { reject in try ConsumerFailure.marking { try onReject(reject) } },
        onProgress: onProgress)
    } catch {
      throw .converting(error, path: settings.displayPath)
    }
  }

  private func readParts<Item: Sendable>(
    threads: Int, partSize: Int, transform: @escaping @Sendable (Ticket) -> Item,
    relocate: (inout Item, Int) -> Void,
    onItem: (Item) throws -> Void, onReject: (Reject) throws -> Void,
    onProgress: (_ bytes: Int, _ rows: Int) -> Void
  ) throws -> FileAccounting {
    func sequential() throws -> FileAccounting {
      try read(
        onTicket: { try onItem(transform($0)) }, onReject: onReject, onProgress: onProgress)
    }
    let path = settings.path
    guard threads > 1, settings.header, !path.hasSuffix(".gz") else { return try sequential() }
    var info = stat()
    guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
      Int(info.st_size) >= 2 * partSize
    else { return try sequential() }
    // The header, delimiter and encoding, from the file's start; any trouble is the sequential
    // reader's to report.
    var header = RowScan(reader: self, headerOnly: true)
    guard (try? header.run(onTicket: { _ in }, onReject: { _ in })) != nil, header.mapping != nil,
      header.encoding.kind == .utf8 || header.encoding.kind == .windows1252
    else { return try sequential() }
    let file = open(path, O_RDONLY)
    guard file >= 0 else { return try sequential() }
    defer { close(file) }
    let size = Int(info.st_size)
    var bounds = [0]
    var guess = partSize
    while guess < size - partSize / 2 {
      if let start = Self.recordStart(
        near: guess, file: file, size: size, delimiter: header.delimiter),
        start > bounds[bounds.count - 1]
      {
        bounds.append(start)
      }
      guess += partSize
    }
    bounds.append(size)
    guard bounds.count > 2 else { return try sequential() }

    var first = RowScan(reader: self, headerOnly: false)
    first.adopt(layoutOf: header)
    var rest = header
    rest.headerOnly = false
    rest.startsFile = false
    rest.accounting = FileAccounting()
    rest.dayMonth = DayMonthEvidence(patterns: rest.dates.patterns.count)

    let board = PartBoard<Item>(parts: bounds.count - 1, window: threads + 1)
    let workers = DispatchGroup()
    for _ in 0..<threads {
      workers.enter()
      let thread = Thread { [first, rest, bounds] in
        board.work(file: file, bounds: bounds, first: first, rest: rest, transform: transform)
        workers.leave()
      }
      thread.stackSize = 8 << 20
      thread.start()
    }
    defer {
      board.stop()
      workers.wait()
    }

    var total = FileAccounting()
    var evidence = DayMonthEvidence(patterns: rest.dates.patterns.count)
    var lineOffset = 0
    var part = 0
    while part < bounds.count - 1 {
      var result = board.take(part)
      if let error = result.error { throw error }
      if part == 0 && !result.foundHeader {
        board.stop()
        return try sequential()
      }
      // Each event is moved out of the result, an empty one left in its place, rather than
      // copied: a copy retained and released every field of every ticket on the writer thread.
      var events = result.events
      result.events = []
      for index in events.indices {
        var event = PartEvent<Item>.empty
        swap(&event, &events[index])
        switch consume event {
        case .item(var item):
          relocate(&item, lineOffset)
          try onItem(item)
        case .reject(var reject):
          reject.line += lineOffset
          try onReject(reject)
        }
      }
      total.add(result.accounting, lineOffset: lineOffset)
      lineOffset += result.lines
      evidence.add(result.evidence)
      part = result.lastPart + 1
      board.consumed(through: result.lastPart)
      onProgress(bounds[part], total.rowsRead)
    }
    rest.dayMonth = evidence
    rest.accounting = total
    try rest.checkDateOrder()
    total.warnings = rest.notices()
    return total
  }

  /// A guess at the first record start at or after `guess`: the first line break outside quotes
  /// once a quote that can only close a field (followed by a delimiter or line break) has told
  /// whether the scan began inside quotes; when no quote tells, the first line break. Nil when
  /// the window shows no such place.
  static func recordStart(near guess: Int, file: Int32, size: Int, delimiter: UInt8) -> Int? {
    let window = min(1 << 20, size - guess)
    guard window > 0 else { return nil }
    var bytes = [UInt8](repeating: 0, count: window)
    let count = bytes.withUnsafeMutableBytes { pread(file, $0.baseAddress, window, off_t(guess)) }
    guard count > 0 else { return nil }
    let quote = UInt8(ascii: "\""), lineFeed = UInt8(0x0A), carriageReturn = UInt8(0x0D)
    var inQuotes = false
    var decided = false
    /// The first line break after `guess` if the scan began outside quotes.
    var undecided: Int?
    for index in 0..<count {
      let byte = bytes[index]
      if byte == quote {
        if !decided {
          let next = index + 1 < count ? bytes[index + 1] : 0
          let previous = index > 0 ? bytes[index - 1] : 0
          let closes = next == delimiter || next == lineFeed || next == carriageReturn
          let opens = previous == delimiter || previous == lineFeed || previous == quote
          if closes && !opens {
            decided = true
            inQuotes = true
          }
        }
        inQuotes.toggle()
      } else if byte == lineFeed && !inQuotes {
        if decided { return guess + index + 1 }
        if undecided == nil { undecided = guess + index + 1 }
      }
    }
    // No quote told either way (a file without quoted fields, say): guess outside quotes.
    return decided ? nil : undecided
  }
}

extension RowScan {
  /// Takes the encoding, delimiter and row ends `other` found at the file's start.
  mutating func adopt(layoutOf other: RowScan) {
    encoding = other.encoding
    fieldEncoding = other.fieldEncoding
    delimiter = other.delimiter
    rowEnds = other.rowEnds
    hasSeparatorLine = other.hasSeparatorLine
    width = other.width
    earliest = other.earliest
    latest = other.latest
    encodingNote = other.encodingNote
  }

  /// Parses part `index` (bytes `bounds[index]..<bounds[index + 1]`), going on through the next
  /// parts while a part does not end between records — or, when `strict` (a range whose cut was
  /// computed, not guessed), failing instead; returns the last part read and the lines they hold.
  mutating func runParts(
    file: Int32, bounds: [Int], from index: Int, buffer: UnsafeMutableRawBufferPointer,
    strict: Bool = false,
    onTicket: (Ticket) throws -> Void, onReject: (Reject) throws -> Void
  ) throws -> (last: Int, lines: Int) {
    var csv: CSVReader
    do {
      csv = try CSVReader(
        delimiter: delimiter, rowEnds: rowEnds, width: width, fieldLimit: settings.maxFieldBytes)
    } catch {
      throw IngestError.unreadable(path, error.message)
    }
    var part = index
    var offset = bounds[index] + (bounds[index] == 0 ? encoding.bomLength : 0)
    do {
      while true {
        let end = bounds[part + 1]
        while offset < end {
          let count = pread(
            file, buffer.baseAddress, min(buffer.count, end - offset), off_t(offset))
          if count < 0 && errno == EINTR { continue }
          guard count > 0 else {
            throw IngestError.unreadable(
              path, count == 0 ? "the file shrank while read" : String(cString: strerror(errno)))
          }
          offset += count
          try csv.parse(UnsafeRawBufferPointer(rebasing: buffer[..<count])) {
            try handle($0, onTicket, onReject)
          }
        }
        if part + 2 == bounds.count {
          try csv.finish { try handle($0, onTicket, onReject) }
          break
        }
        if csv.isAtRecordStart { break }
        if strict {
          throw IngestError.unreadable(
            path,
            "bytes \(bounds[index])..<\(bounds[part + 1]) do not end between records; shard the file again"
          )
        }
        part += 1
      }
    } catch let error as CSVError {
      throw IngestError.unreadable(path, error.message)
    }
    return (part, csv.line - 1)
  }
}

/// A ticket (as transformed) or a reject, in file order.
enum PartEvent<Item> {
  case item(Item)
  case reject(Reject)

  /// An event that holds nothing on the heap, left where an event was moved out.
  static var empty: PartEvent { .reject(Reject(file: "", line: 0, reason: "", raw: "")) }
}

/// What one worker made of one part (and of the parts it had to go on through).
struct PartResult<Item> {
  var events: [PartEvent<Item>] = []
  var accounting = FileAccounting()
  var evidence = DayMonthEvidence(patterns: 0)
  var lastPart = 0
  var lines = 0
  var foundHeader = true
  var error: (any Error)?
}

/// The parts still to parse and the results not yet merged, shared by the workers and the merger.
final class PartBoard<Item>: @unchecked Sendable {
  private let condition = NSCondition()
  private let parts: Int
  private let window: Int
  private var next = 0
  private var firstUnmerged = 0
  private var results: [Int: PartResult<Item>] = [:]
  private var stopped = false

  init(parts: Int, window: Int) {
    self.parts = parts
    self.window = window
  }

  /// A worker: claims parts in order, no further than `window` ahead of the merge.
  func work(
    file: Int32, bounds: [Int], first: RowScan, rest: RowScan,
    transform: @Sendable (Ticket) -> Item
  ) {
    let buffer = UnsafeMutableRawBufferPointer.allocate(
      byteCount: ExportReader.chunkSize, alignment: 16)
    defer { buffer.deallocate() }
    while true {
      condition.lock()
      next = max(next, firstUnmerged)
      while !stopped && next < parts && next >= firstUnmerged + window { condition.wait() }
      if stopped || next >= parts {
        condition.unlock()
        return
      }
      let part = next
      next += 1
      condition.unlock()

      var scan = part == 0 ? first : rest
      var result = PartResult<Item>()
      do {
        var events: [PartEvent<Item>] = []
        let (last, lines) = try scan.runParts(
          file: file, bounds: bounds, from: part, buffer: buffer,
          onTicket: { events.append(.item(transform($0))) },
          onReject: { events.append(.reject($0)) })
        result.events = events
        result.lastPart = last
        result.lines = lines
        result.accounting = scan.accounting
        result.evidence = scan.dayMonth
        result.foundHeader = scan.mapping != nil
      } catch {
        result.error = error
        result.lastPart = part
      }
      condition.lock()
      if part >= firstUnmerged { results[part] = result }
      condition.broadcast()
      condition.unlock()
    }
  }

  /// The merger: waits for part `index`'s result.
  func take(_ index: Int) -> PartResult<Item> {
    condition.lock()
    defer { condition.unlock() }
    while true {
      if let result = results.removeValue(forKey: index) { return result }
      condition.wait()
    }
  }

  /// The merger is done with every part through `last`; results for them are dropped.
  func consumed(through last: Int) {
    condition.lock()
    firstUnmerged = last + 1
    results = results.filter { $0.key > last }
    condition.broadcast()
    condition.unlock()
  }

  func stop() {
    condition.lock()
    stopped = true
    condition.broadcast()
    condition.unlock()
  }
}
