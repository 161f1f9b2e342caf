/// An input row that was rejected: where it was, why, and its raw text.
///
/// One value from the reader to the store to `rejects.csv`, so no layer copies it field by field.
public struct Reject: Hashable, Codable, Sendable {
  public var file: String
  /// The 1-based line the record starts on.
  public var line: Int
  public var reason: String
  public var raw: String

  public init(file: String, line: Int, reason: String, raw: String) {
    self.file = file
    self.line = line
    self.reason = reason
    self.raw = raw
  }
}
