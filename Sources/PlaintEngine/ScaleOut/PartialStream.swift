import Foundation

/// Partial lines read one at a time from a file, standard input or memory, so that `reduce` and
/// `report --from-partials` never hold a whole partial file.
public struct PartialInput {
  /// How errors name the input (a path, or `stdin`).
  public var name: String
  let nextLine: () throws -> Substring?

  /// Lines already in memory (tests, small inputs).
  public init(name: String, lines: [Substring]) {
    self.name = name
    var iterator = lines.makeIterator()
    nextLine = { iterator.next() }
  }

  init(name: String, handle: FileHandle) {
    self.name = name
    let reader = ChunkedLines(handle: handle)
    nextLine = { try reader.next() }
  }

  /// The lines of a file, read in chunks; exit 66 when it cannot be opened.
  public static func file(_ path: String) throws(PlaintError) -> PartialInput {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw PlaintError(.noInput, "\(path): file not found")
    }
    return PartialInput(name: path, handle: handle)
  }

  /// The lines of standard input, read in chunks.
  public static func standardInput() -> PartialInput {
    PartialInput(name: "stdin", handle: FileHandle.standardInput)
  }
}

/// Lines split on LF bytes (a CR before it is dropped), read 256 KiB at a time (a report reads
/// several inputs side by side, each with its buffer: a megabyte each showed in its peak);
/// neither task nor partial text has a raw line break inside a line. Bytes that are not UTF-8
/// become U+FFFD.
final class ChunkedLines {
  private let handle: FileHandle
  private var buffer: [UInt8] = []
  private var start = 0
  /// Where the search for the next LF resumes (everything before it is known to hold none).
  private var scanned = 0
  private var atEnd = false

  init(handle: FileHandle) { self.handle = handle }

  func next() throws -> Substring? {
    while true {
      if let lf = buffer[scanned...].firstIndex(of: 0x0A) {
        var end = lf
        if end > start, buffer[end - 1] == 0x0D { end -= 1 }
        let line = String(decoding: buffer[start..<end], as: UTF8.self)
        start = lf + 1
        scanned = start
        return Substring(line)
      }
      if atEnd {
        guard start < buffer.count else { return nil }
        let line = String(decoding: buffer[start...], as: UTF8.self)
        start = buffer.count
        scanned = start
        return Substring(line)
      }
      buffer.removeFirst(start)
      scanned -= start
      start = 0
      scanned = buffer.count
      let chunk = try handle.read(upToCount: 1 << 18) ?? Data()
      if chunk.isEmpty { atEnd = true } else { buffer.append(contentsOf: chunk) }
    }
  }
}

/// The lines of one ticket key or one file range, merged: the line itself while the key was seen
/// once, the decoded merge once it was seen again. A reject line is a group of its own.
struct PartialGroup {
  /// Kind and ticket key, or kind, file and range; nil for a reject line.
  var key: Substring?
  var line: Substring
  var merged: PartialLine?

  func decoded() throws(PlaintError) -> PartialLine {
    if let merged { return merged }
    do throws(PartialFormatError) {
      return try PartialLine.decode(line, source: "partials", number: 0)
    } catch {
      throw PlaintError(.dataError, error.description)
    }
  }

  var text: String { merged?.encoded() ?? String(line) }
}

extension PartialLine {
  /// What sorted partial text is ordered by: the line through its third tab (kind and ticket key,
  /// or kind, file and range), compared as bytes; a reject line, never merged, whole (so its
  /// place never depends on the order of the input). Sorting whole lines by their bytes
  /// (`LC_ALL=C sort`, or Python's string order in Spark) orders them by it too.
  static func sortKey(_ line: Substring) -> Substring {
    guard line.first != "R" else { return line }
    if line.first == "S" { return PartialLine.summaryKey(line).map { line[...$0] } ?? line }
    var tabs = 0
    for index in line.utf8.indices where line.utf8[index] == 0x09 {
      tabs += 1
      if tabs == 3 { return line[...index] }
    }
    return line
  }

  static func precedes(_ a: Substring, _ b: Substring) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
  }

  /// Calls `body` with the byte offset of every tab of `line`, in order: on its bytes when they
  /// are contiguous (a line read from a file always is), as every line is scanned once or twice.
  static func forEachTab(in line: Substring, _ body: (Int) -> Void) {
    let scanned: Void? = line.utf8.withContiguousStorageIfAvailable { bytes in
      for offset in 0..<bytes.count where bytes[offset] == 0x09 { body(offset) }
    }
    guard scanned == nil else { return }
    for (offset, byte) in line.utf8.enumerated() where byte == 0x09 { body(offset) }
  }
}

/// Sorted partial inputs merged into one sorted stream, and cut into groups of one key.
///
/// Each input must be sorted by `PartialLine.sortKey`; the merge then holds one line per input
/// and one group at a time, whatever the size of the inputs. An input that goes backwards fails
/// with the line that does.
struct SortedPartials {
  private var inputs: [PartialInput]
  /// The next line of each input, with its number and sort key; nil once the input is done.
  private var heads: [(line: Substring, number: Int, key: Substring)?]

  init(_ inputs: [PartialInput]) throws(PlaintError) {
    self.inputs = inputs
    heads = Array(repeating: nil, count: inputs.count)
    for index in inputs.indices { try advance(index, after: 0) }
  }

  private mutating func advance(_ index: Int, after number: Int) throws(PlaintError) {
    let previous = heads[index]?.key
    var number = number
    while true {
      let line: Substring?
      do {
        line = try inputs[index].nextLine()
      } catch {
        throw PlaintError(.noInput, "\(inputs[index].name): cannot read: \(error)")
      }
      number += 1
      guard let line else {
        heads[index] = nil
        return
      }
      guard !line.isEmpty else { continue }
      let kind = line.first ?? " "
      // One pass finds the tabs and where the key ends (`PartialLine.sortKey`).
      var tabs = 0
      var third: Int?
      var last: Int?
      var beforeLast: Int?
      PartialLine.forEachTab(in: line) { offset in
        tabs += 1
        if tabs == 3 { third = offset }
        beforeLast = last
        last = offset
      }
      if !PartialLine.hasFields(kind, tabs: tabs) {
        do throws(PartialFormatError) {
          _ = try PartialLine.decode(line, source: inputs[index].name, number: number)
        } catch {
          throw PlaintError(.dataError, error.description)
        }
        throw PlaintError(.dataError, "\(inputs[index].name):\(number): not a plaint partial line")
      }
      let key: Substring
      let cut = kind == "R" ? nil : kind == "S" ? beforeLast : third
      if let cut {
        key = line[...line.utf8.index(line.startIndex, offsetBy: cut)]
      } else {
        key = line
      }
      if let previous, PartialLine.precedes(key, previous) {
        throw PlaintError(
          .dataError,
          "\(inputs[index].name):\(number): partial lines are not sorted by key; sort them first (LC_ALL=C sort), as plaint_spark.py does"
        )
      }
      heads[index] = (line, number, key)
      return
    }
  }

  /// The least line of all inputs (by key, then by its bytes, then by input), or nil at the end.
  mutating func next() throws(PlaintError) -> (line: Substring, input: String, number: Int)? {
    var best: Int?
    for index in heads.indices {
      guard let head = heads[index] else { continue }
      guard let current = best, let other = heads[current] else {
        best = index
        continue
      }
      if PartialLine.precedes(head.key, other.key)
        || (head.key.utf8.elementsEqual(other.key.utf8)
          && PartialLine.precedes(head.line, other.line))
      {
        best = index
      }
    }
    guard let best, let head = heads[best] else { return nil }
    try advance(best, after: head.number)
    return (head.line, inputs[best].name, head.number)
  }

  /// Calls `body` with each group, in key order: lines of one key merged, reject lines alone.
  mutating func forEachGroup(_ body: (PartialGroup) throws(PlaintError) -> Void)
    throws(PlaintError)
  {
    var pending: PartialGroup?
    while let (line, input, number) = try next() {
      guard let key = PartialLine.mergeKey(line) else {
        if let group = pending { try body(group) }
        pending = nil
        try body(PartialGroup(key: nil, line: line, merged: nil))
        continue
      }
      guard var group = pending, let groupKey = group.key, groupKey.utf8.elementsEqual(key.utf8)
      else {
        if let group = pending { try body(group) }
        pending = PartialGroup(key: key, line: line, merged: nil)
        continue
      }
      let earlier = try group.decoded()
      let next: PartialLine
      do throws(PartialFormatError) {
        next = try PartialLine.decode(line, source: input, number: number)
      } catch {
        throw PlaintError(.dataError, error.description)
      }
      switch (earlier, next) {
      case (.ticket(let a), .ticket(let b)): group.merged = .ticket(a.merged(with: b))
      case (.accounting(let a), .accounting(let b)): group.merged = .accounting(a.merged(with: b))
      case (.summary(var a), .summary(let b)):
        a.value.add(b.value)
        group.merged = .summary(a)
      default:
        throw PlaintError(.dataError, "\(input):\(number): a line of another kind shares its key")
      }
      pending = group
    }
    if let group = pending { try body(group) }
  }
}
