import Foundation

/// The ticket fields an export's columns map to.
public enum TicketField: String, Sendable, CaseIterable {
  case id, created, updated, resolved, text, customer
  case customerName = "customer_name"
  case product, channel, agent, category, tags
}

/// A column by header name, or by 1-based position in a headerless file.
public enum ColumnRef: Hashable, Sendable {
  case header(String)
  case number(Int)
}

/// How to read one export file.
public struct SourceSettings: Sendable {
  /// Absolute path of the file.
  public var path: String
  /// How reports name the file (relative to the config).
  public var displayPath: String
  /// A built-in profile name or "generic".
  public var profile: String
  /// Namespace of ticket ids; defaults to the profile name.
  public var system: String?
  public var encoding: TextEncoding = .auto
  /// nil: sniffed from the header line among `,` `;` tab `|`.
  public var delimiter: UInt8? = nil
  /// Extra date patterns, e.g. "dd.MM.yyyy HH:mm"; ISO 8601 is always accepted.
  public var dateFormats: [String] = []
  /// Column mapping: required for `generic`, overrides for built-in profiles.
  public var columns: [TicketField: [ColumnRef]] = [:]
  public var header: Bool = true
  /// `where:` — keep rows whose column holds one of these values.
  public var filters: [String: [String]] = [:]
  /// Local times without an offset are in this zone.
  public var timeZone: TimeZone = .gmt

  public init(path: String, displayPath: String, profile: String) {
    self.path = path
    self.displayPath = displayPath
    self.profile = profile
  }
}

/// A rejected input row: where, why, and its raw text.
public struct RejectedRow: Sendable, Hashable {
  public var file: String
  public var line: Int
  public var reason: String
  public var raw: String
}

/// How a file's rows ended: rows_read = accepted + rejected + filtered (duplicates are decided
/// by the store).
public struct FileAccounting: Sendable, Equatable {
  public var rowsRead = 0
  public var accepted = 0
  public var rejected = 0
  public var filtered = 0
  /// Bytes not valid in the file's encoding, replaced by U+FFFD.
  public var replacedBytes = 0
  /// Rejects by kind of reason.
  public var reasons: [String: Int] = [:]

  public init() {}
}

/// A problem with an input file as a whole; one line naming the file and what to do.
public enum IngestError: Error, Equatable, CustomStringConvertible {
  case fileMissing(String)
  case unreadable(String, String)
  case notText(String)
  case empty(String)
  case missingColumns(String, [String])
  case unknownProfile(String)
  case badMapping(String, String)
  case unsupportedEncoding(String, String)
  case badRow(String, Int, String)

  public var description: String {
    switch self {
    case .fileMissing(let path):
      "\(path): file not found"
    case .unreadable(let path, let why):
      "\(path): cannot read (\(why))"
    case .notText(let path):
      "\(path): not a text file (binary bytes in the first block); export it as CSV"
    case .empty(let path):
      "\(path): the file is empty"
    case .missingColumns(let path, let wanted):
      "\(path): no header row with the required columns \(wanted.joined(separator: ", ")); check the profile or `columns` mapping"
    case .unknownProfile(let name):
      "unknown profile \"\(name)\"; `plaint profiles` lists the built-in ones"
    case .badMapping(let path, let why):
      "\(path): \(why)"
    case .unsupportedEncoding(let path, let encoding):
      "\(path): encoding \(encoding) is not supported yet; convert the file to UTF-8"
    case .badRow(let path, let line, let why):
      "\(path):\(line): \(why)"
    }
  }
}
