/// Picks the delimiter of a file from its first lines: the candidate found most often, outside
/// quotes, on the longest of the first lines (the header, past any banner line).
enum DelimiterSniffer {
  static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 9, UInt8(ascii: "|")]

  static func sniff(_ chunk: UnsafeRawBufferPointer) -> UInt8 {
    var best = (delimiter: UInt8(ascii: ","), count: 0)
    var counts = [Int](repeating: 0, count: candidates.count)
    var quoted = false
    var lines = 0
    for byte in chunk.prefix(1 << 16) {
      if byte == UInt8(ascii: "\"") { quoted.toggle() }
      if quoted { continue }
      if byte == 10 || byte == 13 {
        for (index, count) in counts.enumerated() where count > best.count {
          best = (candidates[index], count)
        }
        counts = counts.map { _ in 0 }
        lines += 1
        if lines >= 10 { break }
        continue
      }
      if let index = candidates.firstIndex(of: byte) { counts[index] += 1 }
    }
    for (index, count) in counts.enumerated() where count > best.count {
      best = (candidates[index], count)
    }
    return best.delimiter
  }
}
