import Foundation

/// Renders `report.json`: sorted keys, pretty-printed, one trailing newline.
///
/// Byte-identical for the same model: keys are sorted, slashes are not escaped, and every number
/// is rounded to ten significant digits as it is encoded (the model's `@Rounded`), so float noise
/// in the last bits of a rate or a limit never changes the file. Optional numbers are `null`.
public struct JSONRenderer: Sendable {
  public init() {}

  public func render(_ report: ReportModel) throws(ReportError) -> Data {
    var data = Data()
    try write(report) { data.append($0) }
    return data
  }

  /// The same bytes as `render`, handed to `output` in pieces, so that a writer need not hold
  /// them whole.
  ///
  /// Two tables grow with the customers, not with the grid: the Pareto by customer and the
  /// repeat customers. The model is encoded without their rows, and the rows are spliced into
  /// that text in batches, each encoded alone and indented to its place, so neither a whole
  /// encoding of them nor the whole file is ever in memory. A pretty-printed array's elements
  /// read the same alone as inside it, one level of indentation apart; a test holds the result to
  /// one encoding of the whole model.
  public func write(_ report: ReportModel, to output: (Data) -> Void) throws(ReportError) {
    var skeleton = report
    skeleton.pareto.byCustomer = []
    skeleton.recurrence.repeatCustomers = []
    let text = try encode(skeleton)
    let counts = [report.pareto.byCustomer.count, report.recurrence.repeatCustomers.count]
    // Each table is an empty array at the second level: `"key" : [`, a blank line, `]`.
    let closing = Data("\n\n    ]".utf8)
    var places: [(at: Int, table: Int)] = []
    for (table, key) in ["by_customer", "repeat_customers"].enumerated() where counts[table] > 0 {
      let empty = Data("\n    \"\(key)\" : [".utf8) + closing
      guard let found = Self.firstRange(of: empty, in: text, from: text.startIndex),
        Self.firstRange(of: empty, in: text, from: found.upperBound) == nil
      else {
        // Not where it is expected: the model encoded whole.
        output(try encode(report) + Data("\n".utf8))
        return
      }
      places.append((found.upperBound - closing.count, table))
    }
    var written = text.startIndex
    for place in places.sorted(by: { $0.at < $1.at }) {
      output(text[written..<place.at])
      if place.table == 0 {
        try splice(report.pareto.byCustomer, to: output)
      } else {
        try splice(report.recurrence.repeatCustomers, to: output)
      }
      output(Data("\n    ]".utf8))
      written = place.at + closing.count
    }
    output(text[written...])
    output(Data("\n".utf8))
  }

  /// The rows of a table as they are read, 512 at a time, each batch written alone: directly
  /// (`PrettyJSONRow`), or encoded when a row holds text the encoder would escape.
  private func splice<Row: SpillableRow & PrettyJSONRow>(
    _ rows: CustomerRows<Row>, to output: (Data) -> Void
  ) throws(ReportError) {
    let batch = 512
    var pending: [Row] = []
    pending.reserveCapacity(batch)
    var first = true
    func flush() throws(ReportError) {
      guard !pending.isEmpty else { return }
      if let written = PrettyJSONBytes.elements(pending, indent: 6, leadingComma: !first) {
        output(written)
      } else {
        output(Self.elements(of: try encode(pending), indent: 6, leadingComma: !first))
      }
      first = false
      pending.removeAll(keepingCapacity: true)
    }
    for row in rows {
      pending.append(row)
      if pending.count == batch { try flush() }
    }
    try flush()
  }

  private func encode(_ value: some Encodable) throws(ReportError) -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    do {
      return try encoder.encode(value)
    } catch {
      throw ReportError.render(file: "report.json", reason: "\(error)")
    }
  }

  /// Where `needle` (not empty) first occurs in `text` from `start` on, found by `memchr` on
  /// its first byte and `memcmp`: Foundation's `Data.range(of:)` took 40 ms over the 15 MB of
  /// a month whose every ticket is an anomaly's.
  static func firstRange(of needle: Data, in text: Data, from start: Int) -> Range<Int>? {
    text.withUnsafeBytes { haystack -> Range<Int>? in
      needle.withUnsafeBytes { pattern -> Range<Int>? in
        guard let base = haystack.baseAddress, let key = pattern.baseAddress,
          let first = pattern.first
        else { return nil }
        var offset = start - text.startIndex
        while haystack.count - offset >= pattern.count {
          guard
            let hit = memchr(
              base + offset, Int32(first), haystack.count - offset - pattern.count + 1)
          else { return nil }
          offset = UnsafeRawPointer(hit) - base
          if memcmp(hit, key, pattern.count) == 0 {
            return (text.startIndex + offset)..<(text.startIndex + offset + pattern.count)
          }
          offset += 1
        }
        return nil
      }
    }
  }

  /// The elements of a pretty-printed array (`[`, its elements two spaces in, `]`), each line
  /// but a blank one moved to `indent` spaces, after a line break (and a comma when they follow
  /// others).
  static func elements(of array: Data, indent: Int, leadingComma: Bool) -> Data {
    let bytes = [UInt8](array)
    // Drop the first line (`[`) and the last (`]`); a string never holds a raw line break.
    guard let first = bytes.firstIndex(of: 0x0A), let last = bytes.lastIndex(of: 0x0A),
      first < last
    else { return Data() }
    var out: [UInt8] = leadingComma ? [0x2C] : []
    out.reserveCapacity(bytes.count + bytes.count / 8)
    let padding = [UInt8](repeating: 0x20, count: indent - 2)
    var lineStart = first + 1
    while lineStart <= last {
      let lineEnd = bytes[lineStart...last].firstIndex(of: 0x0A) ?? last
      out.append(0x0A)
      // An empty array's blank line stays blank, as in the whole encoding.
      if lineEnd > lineStart { out += padding }
      out += bytes[lineStart..<lineEnd]
      lineStart = lineEnd + 1
    }
    return Data(out)
  }
}
