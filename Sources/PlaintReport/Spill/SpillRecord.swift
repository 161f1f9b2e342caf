/// A row that can go to a scratch file and come back as it was (`RowSorter`, `CustomerRows`).
public protocol SpillableRow: Codable, Sendable, Equatable {
  /// Appends the row's fields to `record`.
  func spill(into record: inout SpillRecord)
  /// The row `spill` wrote, its fields read in the same order.
  init(unspilling fields: inout SpillFields) throws(ReportError)
}

/// The fields of one row as bytes: integers and numbers as 8 bytes (a number's exact bits),
/// flags as one, text as its length (4 bytes) and its UTF-8, lists as their length and items.
/// All little-endian; the file lives only as long as the process that wrote it.
public struct SpillRecord {
  var bytes: [UInt8] = []

  public mutating func append(_ value: Int) {
    append(UInt64(bitPattern: Int64(value)))
  }

  public mutating func append(_ value: Double) {
    append(value.bitPattern)
  }

  public mutating func append(_ flag: Bool) {
    bytes.append(flag ? 1 : 0)
  }

  public mutating func append(_ text: String) {
    var text = text
    text.withUTF8 { utf8 in
      append32(UInt32(utf8.count))
      bytes.append(contentsOf: utf8)
    }
  }

  public mutating func append(_ texts: [String]) {
    append32(UInt32(texts.count))
    for text in texts { append(text) }
  }

  private mutating func append(_ value: UInt64) {
    for shift in stride(from: 0, to: 64, by: 8) {
      bytes.append(UInt8(truncatingIfNeeded: value >> shift))
    }
  }

  private mutating func append32(_ value: UInt32) {
    for shift in stride(from: 0, to: 32, by: 8) {
      bytes.append(UInt8(truncatingIfNeeded: value >> shift))
    }
  }
}

/// One record's bytes, read field by field in the order `SpillRecord` wrote them.
public struct SpillFields {
  let bytes: ArraySlice<UInt8>
  private var position: Int

  init(_ bytes: ArraySlice<UInt8>) {
    self.bytes = bytes
    position = bytes.startIndex
  }

  public mutating func int() throws(ReportError) -> Int {
    Int(Int64(bitPattern: try unsigned(8)))
  }

  public mutating func double() throws(ReportError) -> Double {
    Double(bitPattern: try unsigned(8))
  }

  public mutating func bool() throws(ReportError) -> Bool {
    try unsigned(1) != 0
  }

  public mutating func string() throws(ReportError) -> String {
    let count = Int(try unsigned(4))
    try need(count)
    defer { position += count }
    return String(decoding: bytes[position..<position + count], as: UTF8.self)
  }

  public mutating func strings() throws(ReportError) -> [String] {
    let count = Int(try unsigned(4))
    var texts: [String] = []
    for _ in 0..<count { texts.append(try string()) }
    return texts
  }

  private mutating func unsigned(_ width: Int) throws(ReportError) -> UInt64 {
    try need(width)
    var value: UInt64 = 0
    for index in 0..<width {
      value |= UInt64(bytes[position + index]) << (8 * UInt64(index))
    }
    position += width
    return value
  }

  private func need(_ count: Int) throws(ReportError) {
    guard count <= bytes.endIndex - position else {
      throw ReportError.scratch(folder: "", reason: "a row read back is cut short")
    }
  }
}
