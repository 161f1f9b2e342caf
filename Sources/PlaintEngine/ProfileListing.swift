import Foundation
import PlaintIngest

/// What `plaint profiles` prints: each built-in export profile, the headers it reads, and what
/// its export cannot contain (the fields it has no column for, and what is lost without them).
public enum ProfileListing {
  public static func text() -> String {
    var lines: [String] = []
    for profile in ExportProfile.builtIn {
      lines.append(profile.name)
      for field in TicketField.allCases {
        guard let headers = profile.columns[field] else { continue }
        let names = headers.map { "\"\($0)\"" }.joined(separator: " or ")
        let joined = field == .text && headers.count > 1 ? "  (joined)" : ""
        lines.append(
          "  \(field.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0))\(names)\(joined)")
      }
      if !profile.dateFormats.isEmpty {
        let formats = profile.dateFormats.map { "\"\($0)\"" }.joined(separator: ", ")
        lines.append("  dates         \(formats), then ISO 8601 and Excel serial numbers")
      }
      if !profile.emptyValues.isEmpty {
        let values = profile.emptyValues.map { "\"\($0)\"" }.joined(separator: ", ")
        lines.append("  read as empty \(values)")
      }
      for field in profile.absentFields {
        lines.append("  no \(field.rawValue): \(field.absenceMeaning)")
      }
      lines.append("")
    }
    lines.append("generic")
    lines.append(
      "  columns by header (`columns: {id: [\"Ticket\"], …}`), or by 1-based number with `header: false`;"
    )
    lines.append("  needs id, created and text; every other field is optional")
    lines.append("")
    lines.append(
      "`profile: auto` picks the first profile whose columns the header row has and which has none of another system's marks."
    )
    return lines.joined(separator: "\n")
  }

  /// The same as JSON: `[{name, columns{field: [header]}, date_formats, empty_values, lacks[{field, meaning}]}]`.
  public static func json() -> String {
    struct Lack: Encodable {
      var field: String
      var meaning: String
    }
    struct Entry: Encodable {
      var name: String
      var columns: [String: [String]]
      var dateFormats: [String]
      var emptyValues: [String]
      var otherSystemMarks: [String]
      var lacks: [Lack]
    }
    let entries = ExportProfile.builtIn.map { profile in
      Entry(
        name: profile.name,
        columns: Dictionary(
          uniqueKeysWithValues: profile.columns.map { ($0.key.rawValue, $0.value) }),
        dateFormats: profile.dateFormats, emptyValues: profile.emptyValues,
        otherSystemMarks: profile.cannotContain,
        lacks: profile.absentFields.map { Lack(field: $0.rawValue, meaning: $0.absenceMeaning) })
    }
    let data = (try? PrettyJSON.encode(entries, snakeCase: true)) ?? Data("[]".utf8)
    return String(decoding: data, as: UTF8.self)
  }
}

extension ExportProfile {
  /// The ticket fields this export has no column for.
  public var absentFields: [TicketField] {
    TicketField.allCases.filter { columns[$0] == nil }
  }
}

extension TicketField {
  /// What a report cannot show when an export lacks this field.
  public var absenceMeaning: String {
    switch self {
    case .id, .created, .text: "the export cannot be read"
    case .updated: "a re-exported ticket cannot be told newer; the first copy read is kept"
    case .resolved: "no resolution times or SLA breaches"
    case .customer: "no repeat complainants, and every ticket is a consumer (no key accounts)"
    case .customerName: "no customer names (reports leave them out unless the config allows)"
    case .product: "the product line comes from the ticket text only"
    case .channel: "no patterns by channel"
    case .agent: "no patterns by agent"
    case .category: "the help desk's own category is not used as a hint"
    case .tags: "no tags"
    }
  }
}
