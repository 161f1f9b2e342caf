import Foundation

/// Why a file could not be written.
struct OutputError: Error, CustomStringConvertible {
  var description: String
}

/// A file written through one large reused buffer, so memory stays constant whatever the size.
///
/// A class because it owns the C `FILE` handle; `close()` must be called to see write errors.
final class OutputFile {
  private let path: String
  private var handle: UnsafeMutablePointer<FILE>?
  private var buffer: [UInt8] = []
  private let capacity: Int
  /// Bytes written so far, buffered ones included.
  private(set) var byteCount = 0
  /// Line breaks written so far; the next byte starts line `lineBreaks + 1`.
  private(set) var lineBreaks = 0

  init(path: String, capacity: Int = 1 << 20) throws {
    guard let handle = fopen(path, "wb") else {
      throw OutputError(description: "\(path): cannot create the file (errno \(errno))")
    }
    self.path = path
    self.handle = handle
    self.capacity = capacity
    buffer.reserveCapacity(capacity + capacity / 2)
  }

  deinit {
    if let handle { fclose(handle) }
  }

  /// Appends bytes; flushes when the buffer is full.
  func write(_ bytes: [UInt8]) throws {
    for byte in bytes where byte == 0x0A { lineBreaks += 1 }
    buffer.append(contentsOf: bytes)
    byteCount += bytes.count
    if buffer.count >= capacity { try flush() }
  }

  func write(_ text: String) throws { try write(Array(text.utf8)) }

  private func flush() throws {
    guard let handle, !buffer.isEmpty else { return }
    let written = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, handle) }
    guard written == buffer.count else {
      throw OutputError(description: "\(path): write failed after \(byteCount) bytes")
    }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes and closes the file.
  func close() throws {
    try flush()
    if let handle {
      self.handle = nil
      guard fclose(handle) == 0 else { throw OutputError(description: "\(path): close failed") }
    }
  }
}

/// Builds CSV records in a reused byte buffer, quoting only fields that need it (RFC 4180).
struct CSVLine {
  let delimiter: UInt8
  private(set) var bytes: [UInt8] = []
  private var fieldCount = 0

  init(delimiter: UInt8) {
    self.delimiter = delimiter
    bytes.reserveCapacity(16_384)
  }

  mutating func reset() {
    bytes.removeAll(keepingCapacity: true)
    fieldCount = 0
  }

  private mutating func separate() {
    if fieldCount > 0 { bytes.append(delimiter) }
    fieldCount += 1
  }

  /// A field from raw UTF-8 bytes.
  mutating func field(_ value: [UInt8]) {
    separate()
    var needsQuotes = false
    for byte in value
    where byte == delimiter || byte == 0x22 || byte == 0x0A || byte == 0x0D {
      needsQuotes = true
      break
    }
    guard needsQuotes else {
      bytes.append(contentsOf: value)
      return
    }
    bytes.append(0x22)
    for byte in value {
      if byte == 0x22 { bytes.append(0x22) }
      bytes.append(byte)
    }
    bytes.append(0x22)
  }

  mutating func field(_ value: String) { field(Array(value.utf8)) }

  mutating func field(_ value: Int) {
    separate()
    WallClock.append(value, to: &bytes)
  }

  /// A field written by `body` straight into the buffer; it must not need quoting.
  mutating func plainField(_ body: (inout [UInt8]) -> Void) {
    separate()
    body(&bytes)
  }

  /// Ends the record with a line break.
  mutating func end() { bytes.append(0x0A) }
}
