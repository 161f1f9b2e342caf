/// Partial lines gathered into one buffer and handed on about a megabyte at a time (to standard
/// output, by the commands).
///
/// Lines are encoded straight into the buffer, so a line is never a `String` of its own.
public final class PartialWriter {
  private var buffer: [UInt8] = []
  private let sink: ([UInt8]) -> Void

  /// A writer that hands its bytes to `sink`: whole lines, each ended by LF.
  public init(_ sink: @escaping ([UInt8]) -> Void) {
    self.sink = sink
    buffer.reserveCapacity(Self.limit + (64 << 10))
  }

  private static let limit = 1 << 20

  func write(_ line: PartialLine) {
    line.encode(into: &buffer)
    endLine()
  }

  /// A group's line as it came, or its merged line.
  func write(_ group: PartialGroup) {
    if let merged = group.merged { write(merged) } else { write(group.line) }
  }

  /// One line of text (without its line end), as it is.
  public func write(_ text: some StringProtocol) {
    buffer.append(contentsOf: text.utf8)
    endLine()
  }

  private func endLine() {
    buffer.append(0x0A)
    if buffer.count >= Self.limit { flush() }
  }

  /// Hands on whatever is buffered.
  public func flush() {
    guard !buffer.isEmpty else { return }
    sink(buffer)
    buffer.removeAll(keepingCapacity: true)
  }
}
