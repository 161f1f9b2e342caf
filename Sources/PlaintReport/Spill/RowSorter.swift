/// Sorts more rows than it holds, as `sort(1)` does with its temporary files.
///
/// Rows are held `runLength` at a time; each full run is sorted and written to a scratch file,
/// and at the end the runs are merged, `fanIn` at a time, until one sorted run is left, which
/// the renderers read back a row at a time (`CustomerRows`). Held at any moment: one run's rows,
/// and a read buffer per run being merged, however many rows there are. Rows that fit in one
/// run (`runLength` or fewer) never touch a file.
///
/// The order is that of a stable sort of every row appended: a row sorts before an equal one
/// appended after it. The tables sorted here have no two equal rows (one per customer), so they
/// come out as `sorted(by:)` would give them.
public struct RowSorter<Row: SpillableRow>: Sendable {
  public let runLength: Int
  public let fanIn: Int
  private let areInIncreasingOrder: @Sendable (Row, Row) -> Bool
  /// The rows not yet in a run.
  private var held: [Row] = []
  /// The runs written, each a range of bytes of `file`, in the order written.
  private var runs: [Range<Int>] = []
  private var file: ScratchFile?
  /// Where the next byte goes in `file`.
  private var end = 0
  /// The rows appended.
  public private(set) var count = 0

  public init(
    runLength: Int = 4_096, fanIn: Int = 16,
    by areInIncreasingOrder: @escaping @Sendable (Row, Row) -> Bool
  ) {
    self.runLength = max(1, runLength)
    self.fanIn = max(2, fanIn)
    self.areInIncreasingOrder = areInIncreasingOrder
  }

  public mutating func append(_ row: Row) throws(ReportError) {
    if held.count == runLength { try spillHeld() }
    held.append(row)
    count += 1
  }

  /// Every row appended, in order, each passed through `transform` as it comes out, first to
  /// last (a running total can be kept in it). The sorter is spent.
  public mutating func sorted(_ transform: (Row) -> Row = { $0 }) throws(ReportError)
    -> CustomerRows<Row>
  {
    defer { held = [] }
    guard !runs.isEmpty else {
      return CustomerRows(held.sorted(by: areInIncreasingOrder).map(transform))
    }
    if !held.isEmpty { try spillHeld() }
    while runs.count > fanIn {
      var merged: [Range<Int>] = []
      for start in stride(from: 0, to: runs.count, by: fanIn) {
        merged.append(try merge(runs[start..<min(start + fanIn, runs.count)], { $0 }))
      }
      runs = merged
    }
    let last = try merge(runs[...], transform)
    runs = []
    return CustomerRows(file: try scratch(), bytes: last, count: count)
  }

  private mutating func scratch() throws(ReportError) -> ScratchFile {
    if let file { return file }
    let made = try ScratchFile()
    file = made
    return made
  }

  private mutating func spillHeld() throws(ReportError) {
    held.sort(by: areInIncreasingOrder)
    var writer = SpillWriter(file: try scratch(), at: end)
    for row in held { try writer.write(row) }
    try writer.flush()
    runs.append(end..<writer.end)
    end = writer.end
    held.removeAll(keepingCapacity: true)
  }

  /// Merges `group` into one run written after the others: each next row is the least of the
  /// runs' heads, the earliest run's on a tie.
  private mutating func merge(_ group: ArraySlice<Range<Int>>, _ transform: (Row) -> Row)
    throws(ReportError) -> Range<Int>
  {
    let file = try scratch()
    var readers = group.map { SpillReader<Row>(file: file, bytes: $0) }
    var heads: [Row?] = []
    for index in readers.indices { heads.append(try readers[index].next()) }
    var writer = SpillWriter(file: file, at: end)
    while true {
      var least: Int? = nil
      for index in heads.indices {
        guard let head = heads[index] else { continue }
        if let current = least, let best = heads[current], !areInIncreasingOrder(head, best) {
          continue
        }
        least = index
      }
      guard let least, let row = heads[least] else { break }
      try writer.write(transform(row))
      heads[least] = try readers[least].next()
    }
    try writer.flush()
    let run = end..<writer.end
    end = writer.end
    return run
  }
}

/// Writes records to a scratch file from an offset on, through a buffer.
struct SpillWriter {
  /// The bytes written or read at a time.
  static let chunk = 64 * 1_024
  let file: ScratchFile
  /// Where the next record goes.
  private(set) var end: Int
  private var buffer: [UInt8] = []
  private var record = SpillRecord()

  init(file: ScratchFile, at offset: Int) {
    self.file = file
    end = offset
  }

  /// Each record is its length (4 bytes) and its fields.
  mutating func write(_ row: some SpillableRow) throws(ReportError) {
    record.bytes.removeAll(keepingCapacity: true)
    row.spill(into: &record)
    let length = UInt32(record.bytes.count)
    for shift in stride(from: 0, to: 32, by: 8) {
      buffer.append(UInt8(truncatingIfNeeded: length >> shift))
    }
    buffer.append(contentsOf: record.bytes)
    if buffer.count >= Self.chunk { try flush() }
  }

  mutating func flush() throws(ReportError) {
    guard !buffer.isEmpty else { return }
    try file.write(buffer, at: end)
    end += buffer.count
    buffer.removeAll(keepingCapacity: true)
  }
}

/// Reads the records of a range of a scratch file back in order, a chunk at a time.
struct SpillReader<Row: SpillableRow> {
  let file: ScratchFile
  /// The bytes not yet read from the file.
  private var rest: Range<Int>
  private var buffer: [UInt8] = []
  private var position = 0

  init(file: ScratchFile, bytes: Range<Int>) {
    self.file = file
    rest = bytes
  }

  mutating func next() throws(ReportError) -> Row? {
    guard try fill(4) else { return nil }
    var length = 0
    for index in 0..<4 { length |= Int(buffer[position + index]) << (8 * index) }
    guard try fill(4 + length) else { throw cutShort() }
    var fields = SpillFields(buffer[position + 4..<position + 4 + length])
    position += 4 + length
    do {
      return try Row(unspilling: &fields)
    } catch {
      throw cutShort()
    }
  }

  /// Whether `count` bytes are at hand after reading more; false only at the end of the range.
  private mutating func fill(_ count: Int) throws(ReportError) -> Bool {
    if buffer.count - position >= count { return true }
    buffer.removeFirst(position)
    position = 0
    let wanted = min(rest.count, max(SpillWriter.chunk, count - buffer.count))
    if wanted > 0 {
      let before = buffer.count
      try file.read(wanted, at: rest.lowerBound, into: &buffer)
      rest = rest.lowerBound + (buffer.count - before)..<rest.upperBound
      if buffer.count - before < wanted { throw cutShort() }
    }
    if buffer.count >= count { return true }
    if buffer.isEmpty { return false }
    throw cutShort()
  }

  private func cutShort() -> ReportError {
    ReportError.scratch(folder: file.folder, reason: "a row read back is cut short")
  }
}
