import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The ingest progress line — bytes, rows/s and ETA — redrawn in place on stderr, only when stderr
/// is a terminal: a cron job's mail and a log file never see it.
final class ProgressLine {
  private let isEnabled: Bool
  private var lastDrawn = Date.distantPast
  private var width = 0

  /// Enabled when asked for and stderr is a terminal.
  init(requested: Bool) {
    isEnabled = requested && isatty(STDERR_FILENO) == 1
  }

  /// Redraws at most four times a second; `total` is the file size when it is known.
  func update(file: String, bytes: Int, total: Int?, rows: Int, started: Date) {
    guard isEnabled else { return }
    let now = Date()
    guard now.timeIntervalSince(lastDrawn) >= 0.25 else { return }
    lastDrawn = now
    let text = Self.describe(
      file: file, bytes: bytes, total: total, rows: rows,
      seconds: now.timeIntervalSince(started))
    let padding = String(repeating: " ", count: max(0, width - text.count))
    width = text.count
    FileHandle.standardError.write(Data("\r\(text)\(padding)".utf8))
  }

  /// Clears the line before the next log line or the result.
  func finish() {
    guard isEnabled, width > 0 else { return }
    FileHandle.standardError.write(Data("\r\(String(repeating: " ", count: width))\r".utf8))
    width = 0
    lastDrawn = .distantPast
  }

  /// `exports/big.csv: 412.0 of 1024.0 MB, 210,000 rows/s, ETA 9 s`.
  static func describe(file: String, bytes: Int, total: Int?, rows: Int, seconds: TimeInterval)
    -> String
  {
    let megabytes = { (count: Int) in String(format: "%.1f", Double(count) / 1_048_576) }
    let rate = seconds > 0 ? Int(Double(rows) / seconds) : 0
    var text = "\(file): \(megabytes(bytes))"
    text += total.map { " of \(megabytes($0)) MB" } ?? " MB"
    text +=
      ", \(rate.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))) rows/s"
    if let total, bytes > 0, seconds > 0, total >= bytes {
      let remaining = Double(total - bytes) / (Double(bytes) / seconds)
      text += ", ETA \(Int(remaining.rounded())) s"
    }
    return text
  }
}
