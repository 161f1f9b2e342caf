#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `String(format: "%.<digits>e", value)` and `String(format: "%.<digits>f", value)`, written by
/// the C library's `vsnprintf` into a buffer on the stack.
///
/// Foundation's `String(format:)` formats a double through the same C formatter, after parsing
/// the format string and building an `NSString` per call; a report writes hundreds of thousands
/// of numbers (every rate and limit of `report.json` and the CSV files is rounded through
/// `Rounding`), and that overhead was most of their cost. The bytes are the same
/// (`PrintfNumberTests` compares them over random values).
enum PrintfNumber {
  /// `value` in scientific notation with `digits` digits after the point: "1.234500000e-05".
  static func scientific(_ value: Double, digits: Int) -> String {
    format(value, digits: digits, conversion: "e")
  }

  /// `value` with exactly `digits` digits after the point: "12345.68".
  static func fixed(_ value: Double, digits: Int) -> String {
    format(value, digits: digits, conversion: "f")
  }

  private static func format(_ value: Double, digits: Int, conversion: Character) -> String {
    let spec = conversion == "e" ? "%.*e" : "%.*f"
    let capacity = 128
    return withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity) { buffer in
      let written = withVaList([Int32(digits), value]) { arguments in
        vsnprintf(buffer.baseAddress, capacity, spec, arguments)
      }
      guard written >= 0, Int(written) < capacity else {
        // Longer than the buffer (a huge number written without an exponent): formatted again
        // into a buffer of its length.
        let length = Int(max(written, 0)) + 1
        var bytes = [CChar](repeating: 0, count: length)
        _ = withVaList([Int32(digits), value]) { arguments in
          vsnprintf(&bytes, length, spec, arguments)
        }
        let text = bytes.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: text, as: UTF8.self)
      }
      return String(
        decoding: UnsafeRawBufferPointer(start: buffer.baseAddress, count: Int(written)),
        as: UTF8.self)
    }
  }
}
