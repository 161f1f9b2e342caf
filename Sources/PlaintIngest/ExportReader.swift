import Foundation
import PlaintCore

/// Reads one help-desk export as a stream of tickets and rejects, accounting for every row.
public struct ExportReader: Sendable {
  public let settings: SourceSettings
  let profile: ExportProfile
  let dates: DateParser

  /// Checks the profile and mapping; the file itself is opened by `read` or `checkColumns`.
  public init(settings: SourceSettings) throws {
    self.settings = settings
    if settings.profile == "generic" {
      var columns: [TicketField: [String]] = [:]
      for (field, refs) in settings.columns {
        columns[field] = refs.map { ref in
          switch ref {
          case .header(let name): name
          case .number(let number): "#\(number)"
          }
        }
      }
      let missing = ExportProfile.required.filter { columns[$0] == nil }
      if !missing.isEmpty {
        throw IngestError.badMapping(
          settings.displayPath,
          "profile generic needs columns for \(missing.map(\.rawValue).joined(separator: ", "))")
      }
      profile = ExportProfile(name: "generic", columns: columns)
    } else if var builtIn = ExportProfile.named(settings.profile) {
      for (field, refs) in settings.columns {
        builtIn.columns[field] = refs.compactMap {
          if case .header(let name) = $0 { return name }
          return nil
        }
      }
      profile = builtIn
    } else {
      throw IngestError.unknownProfile(settings.profile)
    }
    dates = DateParser(
      formats: settings.dateFormats + profile.dateFormats, timeZone: settings.timeZone)
  }

  /// Finds the header row and the mapped columns without reading further (the run's preflight).
  public func checkColumns() throws {
    _ = try scan(onTicket: { _ in }, onReject: { _ in }, headerOnly: true)
  }

  /// Streams the file: every accepted row to `onTicket`, every rejected one to `onReject`.
  public func read(
    onTicket: (Ticket) throws -> Void, onReject: (RejectedRow) throws -> Void
  ) throws -> FileAccounting {
    try scan(onTicket: onTicket, onReject: onReject, headerOnly: false)
  }

  private func scan(
    onTicket: (Ticket) throws -> Void, onReject: (RejectedRow) throws -> Void, headerOnly: Bool
  ) throws -> FileAccounting {
    let source = try ByteSource(
      path: settings.path, encoding: settings.encoding, displayPath: settings.displayPath)
    var accounting = FileAccounting()
    var reader: CSVRecordReader?
    var columns: Columns?
    var headerSearch = 0
    var sawBytes = false
    var failure: (any Error)?

    func handle(_ record: CSVRecord) throws -> Bool {
      guard let mapped = columns else {
        headerSearch += 1
        if let found = try self.header(record) {
          columns = found
          return !headerOnly
        }
        return headerSearch < 100
      }
      if record.isBlank { return true }
      accounting.rowsRead += 1
      switch self.row(record, mapped, &accounting) {
      case .accepted(let ticket):
        accounting.accepted += 1
        try onTicket(ticket)
      case .filtered:
        accounting.filtered += 1
      case .rejected(let kind, let detail):
        accounting.rejected += 1
        accounting.reasons[kind, default: 0] += 1
        var raw = record.raw(delimiter: self.delimiterOf(reader))
        if raw.count > 2_000 { raw = String(raw.prefix(2_000)) + "…" }
        try onReject(
          RejectedRow(
            file: self.settings.displayPath, line: record.line,
            reason: detail.isEmpty ? kind : "\(kind): \(detail)", raw: raw))
      }
      return true
    }

    var going = true
    while going {
      let more = try source.next { chunk in
        if !sawBytes {
          sawBytes = !chunk.isEmpty
          if chunk.prefix(4096).contains(0) && source.encoding != .utf16 {
            failure = IngestError.notText(settings.displayPath)
            return
          }
        }
        if reader == nil {
          reader = CSVRecordReader(delimiter: settings.delimiter ?? DelimiterSniffer.sniff(chunk))
        }
        do {
          going = try reader?.feed(chunk, handle) ?? false
        } catch {
          failure = error
        }
      }
      if let failure { throw failure }
      if !more { break }
    }
    if !sawBytes { throw IngestError.empty(settings.displayPath) }
    if going, var finishing = reader {
      let delimiter = finishing.delimiter
      _ = try finishing.finish { record in
        if record.brokenQuote, columns != nil {
          accounting.rowsRead += 1
          accounting.rejected += 1
          accounting.reasons["broken quote", default: 0] += 1
          var raw = record.raw(delimiter: delimiter)
          if raw.count > 2_000 { raw = String(raw.prefix(2_000)) + "…" }
          try onReject(
            RejectedRow(
              file: settings.displayPath, line: record.line,
              reason: "broken quote: the file ends inside a quoted field", raw: raw))
          return true
        }
        return try handle(record)
      }
    }
    if columns == nil {
      throw IngestError.missingColumns(settings.displayPath, requiredHeaders)
    }
    return accounting
  }

  private func delimiterOf(_ reader: CSVRecordReader?) -> UInt8 {
    reader?.delimiter ?? settings.delimiter ?? UInt8(ascii: ",")
  }

  // MARK: - Header

  /// Where each mapped field is in a row.
  struct Columns {
    var indexes: [TicketField: [Int]] = [:]
    var headers: [TicketField: String] = [:]
    var filters: [(index: Int, values: Set<String>)] = []
    /// The highest index a row needs for its required fields.
    var requiredWidth = 0

    func first(_ field: TicketField) -> Int? { indexes[field]?.first }
  }

  private var requiredHeaders: [String] {
    ExportProfile.required.map { field in
      "\(field.rawValue) (\((profile.columns[field] ?? []).joined(separator: " or ")))"
    }
  }

  /// The column positions, if `record` is the header row (or the file has none).
  private func header(_ record: CSVRecord) throws -> Columns? {
    var columns = Columns()
    if !settings.header {
      for (field, names) in profile.columns {
        let numbers = names.compactMap { Int($0.dropFirst()) }.map { $0 - 1 }
        if !numbers.isEmpty { columns.indexes[field] = numbers }
        columns.headers[field] = names.joined(separator: "+")
      }
      columns.requiredWidth =
        ExportProfile.required.compactMap { columns.indexes[$0]?.max() }.max().map { $0 + 1 } ?? 0
      return columns
    }
    var position: [String: Int] = [:]
    var folded: [String: Int] = [:]
    for index in 0..<record.count {
      var name = record.string(index).trimmingCharacters(in: .whitespacesAndNewlines)
      if name.hasPrefix("\u{FEFF}") { name.removeFirst() }
      if position[name] == nil { position[name] = index }
      if folded[name.lowercased()] == nil { folded[name.lowercased()] = index }
    }
    func find(_ name: String) -> Int? { position[name] ?? folded[name.lowercased()] }
    for (field, names) in profile.columns {
      if field == .text {
        let found = names.compactMap(find)
        if !found.isEmpty { columns.indexes[field] = found }
        columns.headers[field] = names.filter { find($0) != nil }.joined(separator: "+")
      } else if let name = names.first(where: { find($0) != nil }), let index = find(name) {
        columns.indexes[field] = [index]
        columns.headers[field] = name
      }
    }
    guard ExportProfile.required.allSatisfy({ columns.indexes[$0] != nil }) else { return nil }
    for (column, values) in settings.filters.sorted(by: { $0.key < $1.key }) {
      guard let index = find(column) else {
        throw IngestError.badMapping(
          settings.displayPath, "`where` names the column \"\(column)\", which the header lacks")
      }
      columns.filters.append((index, Set(values)))
    }
    columns.requiredWidth =
      [TicketField.id, .created].compactMap { columns.indexes[$0]?.max() }.max().map { $0 + 1 } ?? 0
    return columns
  }

  // MARK: - Rows

  enum Outcome {
    case accepted(Ticket)
    case filtered
    case rejected(String, String)
  }

  private func row(_ record: CSVRecord, _ columns: Columns, _ accounting: inout FileAccounting)
    -> Outcome
  {
    for filter in columns.filters {
      let value =
        filter.index < record.count
        ? record.string(filter.index).trimmingCharacters(in: .whitespaces) : ""
      if !filter.values.contains(value) { return .filtered }
    }
    guard record.count >= columns.requiredWidth else {
      return .rejected("too few fields", "\(record.count) of \(columns.requiredWidth)")
    }
    func text(_ index: Int?) -> String? {
      guard let index, index < record.count else { return nil }
      let bytes = record[index]
      if bytes.isEmpty { return nil }
      var value: String
      if let valid = String(validating: bytes, as: UTF8.self) {
        value = valid
      } else {
        value = String(decoding: bytes, as: UTF8.self)
        accounting.replacedBytes += value.unicodeScalars.lazy.filter { $0 == "\u{FFFD}" }.count
      }
      value = value.trimmingCharacters(in: .whitespacesAndNewlines)
      if value.isEmpty || (profile.noneIsEmpty && value == "None") { return nil }
      return value
    }
    func date(_ field: TicketField) -> Date? {
      guard let index = columns.first(field), index < record.count else { return nil }
      return dates.parse(record[index])
    }
    guard let id = text(columns.first(.id)) else { return .rejected("empty id", "") }
    guard let created = date(.created) else {
      let raw = columns.first(.created).map { record.string($0) } ?? ""
      return .rejected(
        "unparseable date",
        "column \(columns.headers[.created] ?? "created") holds \"\(raw.prefix(40))\"")
    }
    let body = (columns.indexes[.text] ?? []).compactMap { text($0) }.joined(separator: "\n")
    let tags = text(columns.first(.tags)).map {
      $0.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
    }
    return .accepted(
      Ticket(
        system: settings.system ?? settings.profile, id: id, created: created,
        updated: date(.updated), resolved: date(.resolved), text: body,
        customer: text(columns.first(.customer)),
        customerName: text(columns.first(.customerName)),
        product: text(columns.first(.product)), channel: text(columns.first(.channel)),
        agent: text(columns.first(.agent)), sourceCategory: text(columns.first(.category)),
        tags: tags ?? [],
        location: SourceLocation(file: settings.displayPath, line: record.line)))
  }
}
