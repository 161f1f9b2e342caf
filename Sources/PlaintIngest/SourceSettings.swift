import Foundation
import PlaintCore

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

/// A slice (`slices:` in plaint.yml) read from a column of the export.
public struct SliceColumn: Sendable, Hashable {
  public var name: String
  public var column: ColumnRef

  public init(name: String, column: ColumnRef) {
    self.name = name
    self.column = column
  }
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
  /// `slices:` read from columns, in the configured order: each ticket keeps the value of each.
  public var slices: [SliceColumn] = []
  /// `where:` column -> the values a row must hold to be read; other rows count as filtered.
  public var filters: [String: [String]] = [:]
  /// Local times without an offset are in this zone.
  public var timeZone: TimeZone = .gmt
  /// Bytes kept of one field; longer fields are cut, counted and named in a warning.
  public var maxFieldBytes = 1 << 20
  /// A created date before this is rejected (a default of 1990-01-01 catches 0001 and 1900).
  public var earliestDate: Date? = SourceSettings.defaultEarliestDate
  /// A created date after this is rejected; nil: one day after the file's modification time.
  public var latestDate: Date? = nil

  /// 1990-01-01T00:00:00Z.
  public static let defaultEarliestDate = Date(timeIntervalSince1970: 631_152_000)

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
  /// Rows read, accepted, rejected, filtered; replaced bytes; reject reasons.
  public var rows = RowAccounting()
  public var rowsRead: Int {
    get { rows.rowsRead }
    set { rows.rowsRead = newValue }
  }
  public var accepted: Int {
    get { rows.accepted }
    set { rows.accepted = newValue }
  }
  public var rejected: Int {
    get { rows.rejected }
    set { rows.rejected = newValue }
  }
  public var filtered: Int {
    get { rows.filtered }
    set { rows.filtered = newValue }
  }
  /// Bytes not valid in the file's encoding, replaced by U+FFFD in the columns read.
  public var replacedBytes: Int {
    get { rows.replacedBytes }
    set { rows.replacedBytes = newValue }
  }
  /// Rejected rows by reason.
  public var reasons: [String: Int] {
    get { rows.reasons }
    set { rows.reasons = newValue }
  }
  /// What the reader assumed and the user should confirm, such as the order of day and month.
  public var warnings: [String] = []
  /// Rows with non-empty fields beyond the header's; the extra fields are not read.
  public var wideRows = 0
  /// Fields cut at `maxFieldBytes`.
  public var truncatedFields = 0
  /// Created dates that only the other day/month order reads (rejected as unparseable).
  public var swappedDates = 0
  /// The first row of each reject reason and notice (`wide`, `truncated`), with a short value.
  public var samples: [String: Sample] = [:]

  /// A value seen at a line, quoted and escaped for messages.
  public struct Sample: Sendable, Equatable {
    public var value: String
    public var line: Int

    public init(value: String, line: Int) {
      self.value = value
      self.line = line
    }
  }

  public init() {}

  /// Adds the accounting of a later part of the same file, whose lines start after `lineOffset`.
  mutating func add(_ other: FileAccounting, lineOffset: Int) {
    rows += other.rows
    wideRows += other.wideRows
    truncatedFields += other.truncatedFields
    swappedDates += other.swappedDates
    for (key, sample) in other.samples where samples[key] == nil {
      samples[key] = Sample(value: sample.value, line: sample.line + lineOffset)
    }
  }

  /// Notes the first sample of `key`.
  mutating func note(_ key: String, _ value: @autoclosure () -> String, line: Int) {
    if samples[key] == nil { samples[key] = Sample(value: value(), line: line) }
  }
}

/// A short, quoted, escaped excerpt of text for a one-line message: control characters and line
/// breaks are shown as escapes and long text is cut, so no message can carry a file's contents.
public func excerpt(_ text: String, limit: Int = 40) -> String {
  var out = ""
  var count = 0
  for scalar in text.unicodeScalars {
    if count >= limit {
      out += "…"
      break
    }
    switch scalar {
    case "\n": out += "\\n"
    case "\r": out += "\\r"
    case "\t": out += "\\t"
    case "\"": out += "\\\""
    case "\\": out += "\\\\"
    default:
      if scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value)
        || scalar.properties.generalCategory == .format
      {
        out += "\\u{\(String(scalar.value, radix: 16))}"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    count += 1
  }
  return "\"" + out + "\""
}
