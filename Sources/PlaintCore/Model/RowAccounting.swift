/// How an input's rows ended: rows_read = accepted + rejected + duplicates + filtered.
///
/// The accounting of the parts of one file, or of one file's runs, adds up with `+=`.
public struct RowAccounting: Sendable, Hashable {
  public var rowsRead = 0
  public var accepted = 0
  public var rejected = 0
  /// Copies of a ticket another row or file keeps (decided by the store, so 0 while reading).
  public var duplicates = 0
  public var filtered = 0
  /// Bytes not valid in the file's encoding, replaced by U+FFFD.
  public var replacedBytes = 0
  /// Rejected rows by reason.
  public var reasons: [String: Int] = [:]

  public init() {}

  public static func += (total: inout RowAccounting, part: RowAccounting) {
    total.rowsRead += part.rowsRead
    total.accepted += part.accepted
    total.rejected += part.rejected
    total.duplicates += part.duplicates
    total.filtered += part.filtered
    total.replacedBytes += part.replacedBytes
    total.reasons.merge(part.reasons, uniquingKeysWith: +)
  }
}
