/// Guesses a file's delimiter among `,` `;` tab `|` from its first lines.
enum DelimiterSniffer {
  static let candidates: [UInt8] = [0x2C, 0x3B, 0x09, 0x7C]

  /// The delimiter that splits some early line into a header `isHeader` accepts; else the one
  /// that splits the most lines into the same number of fields; else a comma.
  static func sniff(
    _ sample: UnsafeRawBufferPointer, encoding: FieldEncoding = .utf8,
    isHeader: ([String]) -> Bool = { _ in false }
  ) -> UInt8 {
    let lines = logicalLines(sample, limit: 50)
    for line in lines {
      for candidate in candidates
      where isHeader(fields(of: line, delimiter: candidate, encoding: encoding)) {
        return candidate
      }
    }
    var best: (delimiter: UInt8, lines: Int, fields: Int) = (0x2C, 0, 0)
    for candidate in candidates {
      var frequency: [Int: Int] = [:]
      for line in lines.prefix(20) {
        let count = fields(of: line, delimiter: candidate, encoding: encoding).count - 1
        if count > 0 { frequency[count, default: 0] += 1 }
      }
      let top = frequency.max { ($0.value, $0.key) < ($1.value, $1.key) }
      if let top, (top.value, top.key) > (best.lines, best.fields) {
        best = (candidate, top.value, top.key)
      }
    }
    return best.delimiter
  }

  /// The delimiter named by Excel's `sep=X` first line (optionally quoted), if the sample has one.
  static func excelSeparator(_ sample: UnsafeRawBufferPointer) -> UInt8? {
    var bytes = sample.prefix(16).prefix { $0 != 0x0A && $0 != 0x0D }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    if bytes.first == 0x22 && bytes.last == 0x22 && bytes.count >= 2 {
      bytes = bytes.dropFirst().dropLast()
    }
    let line = Array(bytes)
    guard line.count == 5, String(decoding: line.prefix(4), as: UTF8.self).lowercased() == "sep="
    else { return nil }
    return line[4]
  }

  /// The first `limit` records' bytes: line breaks inside quotes do not end a record.
  private static func logicalLines(_ sample: UnsafeRawBufferPointer, limit: Int) -> [ArraySlice<
    UInt8
  >] {
    let bytes = Array(sample)
    var lines: [ArraySlice<UInt8>] = []
    var start = 0
    var quoted = false
    for (index, byte) in bytes.enumerated() {
      if byte == 0x22 {
        quoted.toggle()
      } else if !quoted && (byte == 0x0A || byte == 0x0D) {
        if index > start { lines.append(bytes[start..<index]) }
        start = index + 1
        if lines.count == limit { return lines }
      }
    }
    if start < bytes.count && lines.count < limit { lines.append(bytes[start...]) }
    return lines
  }

  /// A line's fields, unquoted, for header matching.
  private static func fields(
    of line: ArraySlice<UInt8>, delimiter: UInt8, encoding: FieldEncoding
  ) -> [String] {
    var fields: [String] = []
    var current: [UInt8] = []
    var quoted = false
    for byte in line {
      if byte == 0x22 {
        quoted.toggle()
      } else if byte == delimiter && !quoted {
        fields.append(decode(current, encoding))
        current.removeAll(keepingCapacity: true)
      } else {
        current.append(byte)
      }
    }
    fields.append(decode(current, encoding))
    return fields
  }

  private static func decode(_ bytes: [UInt8], _ encoding: FieldEncoding) -> String {
    var ignored = 0
    return bytes.withUnsafeBufferPointer { encoding.string($0, replaced: &ignored) }
  }
}
