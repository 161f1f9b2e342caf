import Foundation
import PlaintStore

/// A labelled sample as a person writes it: a CSV of `id,issue`, one row per label, so a ticket
/// with two issues has two rows (or one row with the issues separated by `|`).
struct LabelsFile {
  /// The labels of one ticket id, as written, and the line that first named it.
  struct Entry {
    var id: String
    var labels: [String]
    var line: Int
  }

  var entries: [Entry]
  /// Rows that repeat a label already given to their ticket.
  var duplicates = 0

  /// Reads the file; a row without an id or issue stops it with the file, line and reason.
  static func load(path: String, shownAs shown: String) throws(PlaintError) -> LabelsFile {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw PlaintError(.noInput, "\(shown): no such labels file")
    }
    var text = String(decoding: data, as: UTF8.self)
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    let rows = try parseCSV(text, file: shown)
    guard let header = rows.first else {
      throw PlaintError(.dataError, "\(shown): empty; expected a header `id,issue`")
    }
    let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    guard let idColumn = names.firstIndex(of: "id"),
      let issueColumn = names.firstIndex(where: { $0 == "issue" || $0 == "label" })
    else {
      throw PlaintError(
        .dataError,
        "\(shown):\(header.line): expected a header with `id` and `issue`, found "
          + names.joined(separator: ", "))
    }
    var order: [String] = []
    var byID: [String: Entry] = [:]
    var duplicates = 0
    for row in rows.dropFirst() {
      if row.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
      guard row.fields.count > max(idColumn, issueColumn) else {
        throw PlaintError(
          .dataError,
          "\(shown):\(row.line): \(row.fields.count) fields, expected \(names.count)")
      }
      let id = row.fields[idColumn].trimmingCharacters(in: .whitespaces)
      let labels = row.fields[issueColumn].split(separator: "|")
        .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      guard !id.isEmpty else { throw PlaintError(.dataError, "\(shown):\(row.line): empty id") }
      guard !labels.isEmpty else {
        throw PlaintError(.dataError, "\(shown):\(row.line): ticket \(id) has an empty issue")
      }
      if byID[id] == nil {
        order.append(id)
        byID[id] = Entry(id: id, labels: [], line: row.line)
      }
      var added = false
      for label in labels where byID[id]?.labels.contains(label) == false {
        byID[id]?.labels.append(label)
        added = true
      }
      if !added { duplicates += 1 }
    }
    return LabelsFile(entries: order.compactMap { byID[$0] }, duplicates: duplicates)
  }

  /// A CSV record and the line it starts on.
  struct Row {
    var fields: [String]
    var line: Int
  }

  /// RFC 4180: `,` between fields, `"` around fields that hold commas, quotes or line breaks.
  static func parseCSV(_ text: String, file: String) throws(PlaintError) -> [Row] {
    var rows: [Row] = []
    var fields: [String] = []
    var field = ""
    var quoted = false
    var line = 1
    var start = 1
    var characters = Array(text.unicodeScalars)[...]
    while let character = characters.popFirst() {
      if quoted {
        if character == "\"" {
          if characters.first == "\"" {
            field.unicodeScalars.append("\"")
            characters.removeFirst()
          } else {
            quoted = false
          }
        } else {
          if character == "\n" { line += 1 }
          field.unicodeScalars.append(character)
        }
        continue
      }
      switch character {
      case "\"" where field.isEmpty: quoted = true
      case ",":
        fields.append(field)
        field = ""
      case "\r": continue
      case "\n":
        fields.append(field)
        rows.append(Row(fields: fields, line: start))
        fields = []
        field = ""
        line += 1
        start = line
      default: field.unicodeScalars.append(character)
      }
    }
    if quoted {
      throw PlaintError(.dataError, "\(file):\(start): a quoted field is never closed")
    }
    if !field.isEmpty || !fields.isEmpty {
      fields.append(field)
      rows.append(Row(fields: fields, line: start))
    }
    return rows
  }

  /// Pairs each entry with the stored ticket it names (by id, or `system:id`); entries naming
  /// none, or an id several systems hold, are set aside with the reason.
  func match(_ tickets: [TicketText], shownAs shown: String) -> (
    matched: [(entry: Entry, ticket: TicketText)], rejected: [String]
  ) {
    var byID: [String: [TicketText]] = [:]
    var byQualified: [String: TicketText] = [:]
    for ticket in tickets {
      byID[ticket.id, default: []].append(ticket)
      byQualified["\(ticket.system):\(ticket.id)"] = ticket
    }
    var matched: [(entry: Entry, ticket: TicketText)] = []
    var rejected: [String] = []
    for entry in entries {
      if let found = byID[entry.id] {
        if found.count == 1 {
          matched.append((entry, found[0]))
        } else {
          rejected.append(
            "\(shown):\(entry.line): ticket \(entry.id) is in several systems ("
              + found.map(\.system).joined(separator: ", ") + "); write it as system:id")
        }
      } else if let ticket = byQualified[entry.id] {
        matched.append((entry, ticket))
      } else {
        rejected.append("\(shown):\(entry.line): ticket \(entry.id) is not in the store")
      }
    }
    return (matched, rejected)
  }
}

/// Which half of a labelled sample a ticket falls in, decided by its id alone.
public enum SampleHalf: String, Sendable, CaseIterable, Codable {
  /// The half suggestions are mined from.
  case train
  /// The half held out to score them.
  case test

  /// The half of a ticket id (without its system): by the parity of its 64-bit FNV-1a hash, so
  /// the split is the same on every machine and for every order of the file.
  public static func of(id: String) -> SampleHalf {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in id.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    return (hash >> 17) & 1 == 0 ? .train : .test
  }

  var other: SampleHalf { self == .train ? .test : .train }
}
