import Foundation

/// The byte encoding of an export; `auto` reads a BOM, else UTF-8, else windows-1252.
public enum TextEncoding: String, Sendable, CaseIterable {
  case auto
  case utf8 = "utf-8"
  case utf16 = "utf-16"
  case windows1252 = "windows-1252"
  case gb18030
}

/// The ticket fields an export's columns map to.
public enum TicketField: String, Sendable, CaseIterable {
  case id, created, updated, resolved, text, customer
  case customerName = "customer_name"
  case product, channel, agent, category, tags
}

/// A column by header name, or by 1-based position.
public enum ColumnRef: Hashable, Sendable {
  case header(String)
  case number(Int)
}

/// How to read one export file.
public struct SourceSettings: Sendable {
  /// Absolute path of the file; a `.gz` file is decompressed while it is read.
  public var path: String
  /// How reports name the file (relative to the config).
  public var displayPath: String
  /// A built-in profile, `generic`, or `auto` (the built-in profile whose columns the header has).
  public var profile: String
  /// Namespace of ticket ids; defaults to the profile name.
  public var system: String?
  public var encoding: TextEncoding = .auto
  /// nil: sniffed from the first lines among `,` `;` tab `|`.
  public var delimiter: UInt8? = nil
  /// Date patterns such as "dd.MM.yyyy HH:mm", tried first; ISO 8601 is always accepted.
  public var dateFormats: [String] = []
  /// The mapping for `generic`; for built-in profiles, overrides of single fields.
  public var columns: [TicketField: [ColumnRef]] = [:]
  public var header: Bool = true
  /// `where:` column -> the values a row must hold to be read; other rows count as filtered.
  public var filters: [String: [String]] = [:]
  /// Local times without an offset are in this zone.
  public var timeZone: TimeZone = .gmt

  public init(path: String, displayPath: String, profile: String) {
    self.path = path
    self.displayPath = displayPath
    self.profile = profile
  }
}

/// How a file's rows ended: rows_read = accepted + rejected + filtered.
///
/// Duplicates are decided later by the store, so they are part of `accepted` here.
public struct FileAccounting: Sendable, Equatable {
  public var rowsRead = 0
  public var accepted = 0
  public var rejected = 0
  public var filtered = 0
  /// Bytes not valid in the file's encoding, replaced by U+FFFD in the columns read.
  public var replacedBytes = 0
  /// Rejected rows by reason.
  public var reasons: [String: Int] = [:]
  /// What the reader assumed and the user should confirm, such as the order of day and month.
  public var warnings: [String] = []

  public init() {}
}
