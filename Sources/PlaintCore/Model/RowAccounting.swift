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

  public init(
    rowsRead: Int = 0, accepted: Int = 0, rejected: Int = 0, duplicates: Int = 0,
    filtered: Int = 0, replacedBytes: Int = 0, reasons: [String: Int] = [:]
  ) {
    self.rowsRead = rowsRead
    self.accepted = accepted
    self.rejected = rejected
    self.duplicates = duplicates
    self.filtered = filtered
    self.replacedBytes = replacedBytes
    self.reasons = reasons
  }

  /// The accounting of a byte-identical copy of a file read before: the copy adds nothing, so
  /// the rows the file accepted are its duplicates.
  public mutating func countAcceptedAsDuplicates() {
    duplicates += accepted
    accepted = 0
  }

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

/// The six counts as flat keys (`rows_read`, `accepted`, …, `replaced_bytes`) of the value that
/// holds the accounting: a holder encodes these into its own encoder, then adds its own keys.
///
/// The reasons are not among them: each holder decides whether it shows them.
extension RowAccounting: Codable {
  enum CodingKeys: String, CodingKey {
    case accepted, rejected, duplicates, filtered
    case rowsRead = "rows_read"
    case replacedBytes = "replaced_bytes"
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      rowsRead: try container.decode(Int.self, forKey: .rowsRead),
      accepted: try container.decode(Int.self, forKey: .accepted),
      rejected: try container.decode(Int.self, forKey: .rejected),
      duplicates: try container.decode(Int.self, forKey: .duplicates),
      filtered: try container.decode(Int.self, forKey: .filtered),
      replacedBytes: try container.decode(Int.self, forKey: .replacedBytes))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(rowsRead, forKey: .rowsRead)
    try container.encode(accepted, forKey: .accepted)
    try container.encode(rejected, forKey: .rejected)
    try container.encode(duplicates, forKey: .duplicates)
    try container.encode(filtered, forKey: .filtered)
    try container.encode(replacedBytes, forKey: .replacedBytes)
  }
}
