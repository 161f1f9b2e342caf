import Foundation
import PlaintCore

/// Reads one help-desk export as a stream of tickets and rejects, accounting for every row.
public struct ExportReader: Sendable {
  public let settings: SourceSettings
  /// One plan for a named profile; every built-in profile's for `auto`.
  let plans: [ColumnPlan]
  /// A date parser per plan: the settings' patterns, then the plan's profile's.
  let dateParsers: [DateParser]

  /// Bytes read per system call, and the prefix that decides encoding and delimiter.
  static let chunkSize = 1 << 20
  static let sampleSize = 1 << 16
  /// Records searched for the header row before giving up.
  static let headerSearchLimit = 100
  /// Raw text kept for a rejected row.
  static let rawLimit = 8 * 1024

  /// Checks the profile and mapping; the file is opened by `read` or `checkColumns`.
  public init(settings: SourceSettings) throws(IngestError) {
    self.settings = settings
    let path = settings.displayPath
    let refs = settings.columns.values.joined()
    if refs.contains(where: { if case .number(let n) = $0 { n < 1 } else { false } }) {
      throw IngestError.badMapping(path, "`columns`: column numbers start at 1")
    }
    if !settings.header && refs.contains(where: { if case .header = $0 { true } else { false } }) {
      throw IngestError.badMapping(
        path, "`columns`: a file without a header row (`header: false`) needs column numbers")
    }
    var filters: [ColumnPlan.Filter] = []
    for key in settings.filters.keys.sorted() {
      let values = Set(
        (settings.filters[key] ?? []).map { $0.trimmingCharacters(in: .whitespaces) })
      if settings.header {
        filters.append(.init(ref: .header(key), values: values))
      } else if let number = Int(key), number >= 1 {
        filters.append(.init(ref: .number(number), values: values))
      } else {
        throw IngestError.badMapping(
          path, "`where`: \"\(key)\" must be a column number in a file without a header row")
      }
    }
    let profiles: [ExportProfile]
    switch settings.profile.lowercased() {
    case "generic":
      let missing = ExportProfile.requiredFields.filter { settings.columns[$0]?.isEmpty ?? true }
      guard missing.isEmpty else {
        throw IngestError.badMapping(
          path,
          "profile generic needs `columns` for id, created and text; missing "
            + missing.map(\.rawValue).joined(separator: ", "))
      }
      profiles = [ExportProfile(name: "generic", columns: [:])]
    case "auto":
      profiles = ExportProfile.builtIn
    default:
      guard let profile = ExportProfile.named(settings.profile) else {
        throw IngestError.unknownProfile(settings.profile)
      }
      profiles = [profile]
    }
    if !settings.header {
      let unmapped = ExportProfile.requiredFields.filter { settings.columns[$0]?.isEmpty ?? true }
      guard unmapped.isEmpty else {
        throw IngestError.badMapping(
          path,
          "a file without a header row needs column numbers for "
            + unmapped.map(\.rawValue).joined(separator: ", "))
      }
    }
    plans = profiles.map { profile in
      var needs: [ColumnPlan.Need] = []
      for field in TicketField.allCases {
        let required = ExportProfile.requiredFields.contains(field)
        if let refs = settings.columns[field], !refs.isEmpty {
          needs.append(.init(field: field, refs: refs, isExplicit: true, isRequired: required))
        } else if settings.header, let names = profile.columns[field] {
          needs.append(
            .init(
              field: field, refs: names.map(ColumnRef.header), isExplicit: false,
              isRequired: required))
        }
      }
      return ColumnPlan(profile: profile, needs: needs, filters: filters)
    }
    do {
      dateParsers = try profiles.map { profile throws(DatePatternError) in
        try DateParser(
          formats: settings.dateFormats + profile.dateFormats, timeZone: settings.timeZone)
      }
    } catch {
      throw IngestError.badMapping(path, "`date_format` \"\(error.format)\": \(error.reason)")
    }
  }

  /// Finds the header row and the mapped columns without reading further (the run's preflight).
  public func checkColumns() throws(IngestError) {
    var scan = RowScan(reader: self, headerOnly: true)
    do {
      try scan.run(onTicket: { _ in }, onReject: { _ in })
    } catch {
      throw .converting(error, path: settings.displayPath)
    }
  }

  /// Streams the file; calls `onTicket` for every accepted row and `onReject` for every rejected
  /// one; returns the accounting (rows_read = accepted + rejected + filtered). `onProgress` gets
  /// the bytes read so far (decompressed, for a `.gz`) and the rows read, after each chunk. What
  /// the callbacks throw comes out as `IngestError.consumer`.
  public func read(
    onTicket: (Ticket) throws -> Void, onReject: (Reject) throws -> Void,
    onProgress: (_ bytes: Int, _ rows: Int) -> Void = { _, _ in }
  ) throws(IngestError) -> FileAccounting {
    var scan = RowScan(reader: self, headerOnly: false)
    do {
      try scan.run(
        onTicket: { ticket in try ConsumerFailure.marking { try onTicket(ticket) } },
        onReject: { reject in try ConsumerFailure.marking { try onReject(reject) } },
        onProgress: onProgress)
    } catch {
      throw .converting(error, path: settings.displayPath)
    }
    return scan.accounting
  }
}

/// One pass over a file: decoding, parsing, finding the header, turning rows into tickets.
struct RowScan: @unchecked Sendable {
  let reader: ExportReader
  var headerOnly: Bool
  var accounting = FileAccounting()
  var dates: DateParser
  /// Which patterns read the created column, and whether any date confirmed their day/month order.
  var dayMonth: DayMonthEvidence
  var planIndex = 0
  /// Cell values of the chosen profile that mean "no value", as bytes.
  var emptyValues: [[UInt8]]
  var mapping: ColumnMapping?
  /// `mapping.highestColumn`, worked out once when the mapping is set rather than once per row.
  private var highestColumn = 0
  var system: String
  var fieldEncoding = FieldEncoding.utf8
  var headerCandidates = 0
  var sawRecord = false
  /// The header-like record that came closest, for the message when none fits.
  var nearest: (line: Int, missing: [String], names: [String], profile: String, known: Int)?
  /// The first header-like record's names, for the message when no profile fits at all.
  var firstNames: [String]?
  /// What `run` found in the file's first bytes, kept for the parallel reader.
  var encoding = DetectedEncoding(kind: .utf8)
  var delimiter = UInt8(ascii: ",")
  var rowEnds = RowEnds.lf
  /// Line 1 of this scan is the file's line 1 (only there can Excel's `sep=` line be).
  var startsFile = true
  /// The file starts with Excel's `sep=;` line, which is not a row.
  var hasSeparatorLine = false
  /// Fields in the header row (or, without one, in most rows of the sample): a bare CR in an
  /// LF file ends a row that has this many (see `CSVReader`).
  var width: Int?
  /// Created dates outside this window are rejected (docs/input-rules.md, plausible dates).
  var earliest: Date?
  var latest: Date?
  /// The bytes of a ticket's text columns, joined (`joinedText`); reused from row to row.
  private var textBytes: [UInt8] = []
  /// The sample's UTF-8 evidence when it was read as windows-1252 by `auto`, for the warning.
  var encodingNote: String?
  /// The configured patterns with day and month swapped, to tell a wrong order from bad dates.
  var swappedDates: DateParser?
  /// Common patterns, tried on a date no configured pattern reads, to suggest one.
  static let suggestions: [DatePattern] = [
    "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "yyyy/MM/dd HH:mm", "yyyy/MM/dd",
    "dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy HH:mm", "dd/MM/yyyy", "MM/dd/yyyy HH:mm:ss",
    "MM/dd/yyyy HH:mm", "MM/dd/yyyy", "M/d/yyyy h:mm a", "M/d/yyyy", "M/d/yy", "d/M/yy",
    "dd.MM.yyyy HH:mm:ss", "dd.MM.yyyy HH:mm", "dd.MM.yyyy", "dd-MM-yyyy", "MM-dd-yyyy",
    "d MMM yyyy", "MMM d, yyyy", "EEE MMM dd HH:mm:ss Z yyyy", "yyyyMMdd",
  ].compactMap { try? DatePattern($0) }

  /// Thrown to stop reading once the header is found by `checkColumns`.
  struct HeaderFound: Error {}

  init(reader: ExportReader, headerOnly: Bool) {
    self.reader = reader
    self.headerOnly = headerOnly
    dates = reader.dateParsers[0]
    dayMonth = DayMonthEvidence(patterns: dates.patterns.count)
    emptyValues = reader.plans[0].profile.emptyValues.map { Array($0.utf8) }
    system = reader.settings.system ?? reader.plans[0].profile.name
  }

  var settings: SourceSettings { reader.settings }
  var path: String { settings.displayPath }

  /// Tickets and rejects go to the two callbacks, in file order.
  mutating func run(
    onTicket: (Ticket) throws -> Void, onReject: (Reject) throws -> Void,
    onProgress: (_ bytes: Int, _ rows: Int) -> Void = { _, _ in }
  ) throws {
    let source = try ByteSource(path: settings.path, displayPath: path)
    earliest = settings.earliestDate
    latest = settings.latestDate ?? source.modified.addingTimeInterval(86_400)
    let buffer = UnsafeMutableRawBufferPointer.allocate(
      byteCount: ExportReader.chunkSize, alignment: 16)
    defer { buffer.deallocate() }
    let filled = try source.fill(
      UnsafeMutableRawBufferPointer(rebasing: buffer[..<ExportReader.sampleSize]))
    guard filled > 0 else { throw IngestError.empty(path) }
    let isWhole = filled < ExportReader.sampleSize
    let sample = UnsafeRawBufferPointer(rebasing: buffer[..<filled])
    guard
      let encoding = DetectedEncoding.detect(sample, requested: settings.encoding, isWhole: isWhole)
    else { throw IngestError.notText(path) }
    fieldEncoding = encoding.fieldEncoding
    self.encoding = encoding
    if settings.encoding == .auto && encoding.kind == .windows1252 {
      let evidence = DetectedEncoding.utf8Evidence(sample, isWhole: isWhole)
      if evidence.invalid > 0 {
        encodingNote =
          "read as windows-1252: the first \(filled / 1024 + 1) KB hold \(evidence.invalid) byte sequences that are not UTF-8 and \(evidence.characters) that are; set `encoding` if that is wrong"
      }
    }
    var decoder = ByteDecoder(encoding)
    let (delimiter, rowEnds, hasSeparatorLine, width) = sniffLayout(
      sample, decoder: decoder, isWhole: isWhole)
    self.delimiter = delimiter
    self.rowEnds = rowEnds
    self.hasSeparatorLine = hasSeparatorLine
    self.width = width
    if !settings.header {
      mapping = try resolveHeaderless()
      highestColumn = mapping?.highestColumn ?? 0
    }
    var csv: CSVReader
    do {
      csv = try CSVReader(
        delimiter: delimiter, rowEnds: rowEnds, width: width, fieldLimit: settings.maxFieldBytes)
    } catch {
      throw IngestError.unreadable(path, error.message)
    }
    do {
      try decoder.decode(sample, isLast: isWhole) {
        try csv.parse($0) { try handle($0, onTicket, onReject) }
      }
      if !isWhole {
        var bytesRead = filled
        while true {
          onProgress(bytesRead, accounting.rowsRead)
          let count = try source.read(into: buffer)
          bytesRead += count
          try decoder.decode(UnsafeRawBufferPointer(rebasing: buffer[..<count]), isLast: count == 0)
          {
            try csv.parse($0) { try handle($0, onTicket, onReject) }
          }
          if count == 0 { break }
        }
      }
      try csv.finish { try handle($0, onTicket, onReject) }
    } catch is HeaderFound {
      return
    } catch let error as CSVError {
      throw IngestError.unreadable(path, error.message)
    }
    accounting.replacedBytes += decoder.replacedBytes
    guard sawRecord else { throw IngestError.empty(path) }
    guard mapping != nil else { throw missingColumns() }
    try checkDateOrder()
    accounting.warnings = notices()
  }

  /// The column that holds the created date, by name.
  var createdColumn: String {
    mapping.map { $0.name(of: $0[.created].first ?? 0) } ?? ""
  }

  /// Fails when the created dates contradict the configured day/month order: some rows are read
  /// only by the other order, and no date confirms the configured one.
  func checkDateOrder() throws {
    let patterns = dates.patterns
    // One column read day first in some rows and month first in others: at least one order
    // misdated its rows, and nothing tells which rows.
    if let mixed = dayMonth.mixedOrders(patterns) {
      let confirmed = (mixed.dayFirst + mixed.monthFirst).filter { dayMonth.confirms($0) }
      let names = { (indices: [Int]) in
        indices.map { "\"\(patterns[$0].format)\"" }.joined(separator: ", ")
      }
      let advice =
        confirmed.count == 1
        ? "only \(names(confirmed)) is confirmed by a date with a day above 12: set date_format: \"\(patterns[confirmed[0]].format)\""
        : "set date_format to the one order the export uses"
      throw IngestError.contradicted(
        path,
        "column \"\(createdColumn)\": dates were read in both orders, day first by \(names(mixed.dayFirst)) and month first by \(names(mixed.monthFirst)), so some rows are misdated; \(advice)"
      )
    }
    guard accounting.swappedDates > 0, let sample = accounting.samples["swapped"] else { return }
    let used = patterns.indices.filter { patterns[$0].hasNumericDayAndMonth }
    guard !used.contains(where: { dayMonth.confirms($0) }),
      let first = used.first
    else { return }
    let format = patterns[first].format
    let other = Self.swapped(format)
    let order = patterns[first].isDayFirst ? "day first" : "month first"
    let readable = accounting.accepted + accounting.swappedDates
    throw IngestError.contradicted(
      path,
      "line \(sample.line): column \"\(createdColumn)\": the date \(sample.value) does not fit \"\(format)\" (\(order)), and \(accounting.swappedDates) rows are readable only with day and month swapped while no date confirms \"\(format)\"; \"\(other)\" reads all \(readable): set date_format: \"\(other)\""
    )
  }

  /// `format` with its day and month letters swapped ("dd/MM/yyyy" → "MM/dd/yyyy").
  static func swapped(_ format: String) -> String {
    var quoted = false
    return String(
      format.map { character -> Character in
        if character == "'" { quoted.toggle() }
        guard !quoted else { return character }
        return character == "d" ? "M" : character == "M" ? "d" : character
      })
  }

  /// The warnings of a read: encoding, rows wider than the header, cut fields, unread dates and
  /// the day/month order.
  func notices() -> [String] {
    var notes: [String] = []
    if let encodingNote { notes.append(encodingNote) }
    if accounting.wideRows > 0, let sample = accounting.samples["wide"] {
      let width = mapping?.header?.count ?? self.width ?? 0
      notes.append(
        "\(accounting.wideRows) \(accounting.wideRows == 1 ? "row has" : "rows have") more fields than the header's \(width), first at line \(sample.line) (\(sample.value)); the extra fields were not read: quote fields that hold the delimiter, or check the row ends"
      )
    }
    if accounting.truncatedFields > 0, let sample = accounting.samples["truncated"] {
      notes.append(
        "\(accounting.truncatedFields) \(accounting.truncatedFields == 1 ? "field was" : "fields were") longer than \(settings.maxFieldBytes) bytes and cut to that length, first at line \(sample.line); raise `ingest.max_field_bytes` if such fields are real"
      )
    }
    for (reason, count) in accounting.reasons.sorted(by: { $0.key < $1.key })
    where reason.hasPrefix("unparseable date") {
      guard let sample = accounting.samples[reason] else { continue }
      let advice = accounting.samples["date-advice"]?.value ?? "set date_format"
      notes.append(
        "\(reason): \(count) \(count == 1 ? "row" : "rows"), first at line \(sample.line): \(sample.value); \(advice)"
      )
    }
    notes += dateOrderWarnings(column: createdColumn)
    return notes
  }

  /// A pattern that would read `value`, a date no configured pattern reads, or what to do.
  func advice(forDate value: String) -> String {
    let bytes = Array(value.utf8)
    let shaped = bytes.withUnsafeBufferPointer { buffer in
      dates.patterns.first { pattern in pattern.match(trimmed(buffer)) != nil }
    }
    if let shaped {
      return "it has the shape of \"\(shaped.format)\" but is no real date or time"
    }
    let found = bytes.withUnsafeBufferPointer { buffer in
      Self.suggestions.first { pattern in pattern.match(trimmed(buffer))?.localSeconds != nil }
    }
    guard let found else {
      return "no common pattern reads it; set date_format to the pattern of these dates"
    }
    // 04/10/2025 reads both ways: name both orders rather than pick one.
    let other = Self.swapped(found.format)
    let readsSwapped =
      found.hasNumericDayAndMonth
      && ((try? DatePattern(other)).map { pattern in
        bytes.withUnsafeBufferPointer { pattern.match(trimmed($0))?.localSeconds != nil }
      } ?? false)
    if readsSwapped {
      return
        "date_format \"\(found.format)\" or \"\(other)\" would read it (day and month cannot be told apart here)"
    }
    return "date_format \"\(found.format)\" would read it"
  }

  /// Says when the created column's day/month order was assumed rather than seen, or mixed.
  func dateOrderWarnings(column: String) -> [String] {
    let patterns = dates.patterns
    let configured = settings.dateFormats.count
    let profile = reader.plans[planIndex].profile.name
    func named(_ index: Int) -> String {
      let source = index < configured ? "from date_format" : "the \(profile) profile's format"
      return "\"\(patterns[index].format)\" (\(source))"
    }
    if let mixed = dayMonth.mixedOrders(patterns) {
      let dayFirst = mixed.dayFirst.map(named).joined(separator: ", ")
      let monthFirst = mixed.monthFirst.map(named).joined(separator: ", ")
      return [
        "column \"\(column)\": dates were read in both orders, day first by \(dayFirst) and month first by \(monthFirst); keep one order in date_format"
      ]
    }
    return dayMonth.unconfirmed.filter { $0.pattern >= configured }.map { unconfirmed in
      let order = patterns[unconfirmed.pattern].isDayFirst ? "day first" : "month first"
      return
        "column \"\(column)\": no date has a day above 12, so day and month cannot be told apart in \(unconfirmed.dates) dates; read \(order) as \(named(unconfirmed.pattern)); set date_format if that is wrong"
    }
  }

  /// The delimiter (unless configured) and the row ends, from the decoded sample.
  private func sniffLayout(
    _ sample: UnsafeRawBufferPointer, decoder: ByteDecoder, isWhole: Bool
  ) -> (UInt8, RowEnds, hasSeparatorLine: Bool, width: Int?) {
    var probe = decoder
    var text: [UInt8] = []
    probe.decode(sample, isLast: isWhole) { text.append(contentsOf: $0) }
    let plans = reader.plans
    return text.withUnsafeBytes { bytes in
      let separator = DelimiterSniffer.excelSeparator(bytes)
      let delimiter =
        settings.delimiter ?? separator
        ?? DelimiterSniffer.sniff(bytes, encoding: fieldEncoding) { fields in
          plans.contains { plan in
            if case .success = plan.resolve(header: fields) { true } else { false }
          }
        }
      let rowEnds = RowEnds.sniff(bytes)
      return (
        delimiter, rowEnds, separator != nil,
        width(bytes, delimiter: delimiter, skipsFirstLine: separator != nil)
      )
    }
  }

  /// The header row's field count in the sample (the first row some plan resolves), or without a
  /// header row the most common field count.
  private func width(
    _ bytes: UnsafeRawBufferPointer, delimiter: UInt8, skipsFirstLine: Bool
  ) -> Int? {
    // CR or LF ends a probe's row, so a header ended by a bare CR is still seen whole.
    guard var probe = try? CSVReader(delimiter: delimiter, rowEnds: .crOrLF) else { return nil }
    var found: Int?
    var counts: [Int: Int] = [:]
    let plans = reader.plans
    let header = settings.header
    let encoding = fieldEncoding
    func look(_ record: CSVRecord) {
      guard found == nil, !(skipsFirstLine && record.line == 1), !record.isCutOff else { return }
      if header {
        var ignored = 0
        let names = (0..<record.fieldCount).map {
          encoding.string(trimmed(record[$0]), replaced: &ignored)
        }
        let fits = plans.contains { plan in
          if case .success = plan.resolve(header: names) { true } else { false }
        }
        if fits { found = record.fieldCount }
      } else {
        counts[record.fieldCount, default: 0] += 1
      }
    }
    try? probe.parse(bytes) { look($0) }
    try? probe.finish { look($0) }
    if header { return found }
    return counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key
  }

  private mutating func resolveHeaderless() throws -> ColumnMapping {
    switch reader.plans[0].resolve(header: nil) {
    case .success(var mapping):
      if let missing = ColumnPlan.resolve(settings.slices, header: nil, into: &mapping) {
        throw unknownSlice(missing)
      }
      return mapping
    case .failure(let missing): throw IngestError.missingColumns(path, missing.descriptions)
    }
  }

  func unknownSlice(_ slice: SliceColumn) -> IngestError {
    switch slice.column {
    case .header(let name): .unknownSliceColumn(path, slice: slice.name, column: "\"\(name)\"")
    case .number(let number): .unknownSliceColumn(path, slice: slice.name, column: "\(number)")
    }
  }

  func missingColumns() -> IngestError {
    if reader.plans.count > 1, let names = nearest?.names ?? firstNames {
      return .noProfileMatches(
        path, header: names,
        nearest: nearest.map { ProfileMiss(profile: $0.profile, missing: $0.missing) })
    }
    if let nearest {
      // Short, escaped excerpts: the file may not be an export at all (a link to a secret file).
      let names = nearest.names.prefix(12).map { excerpt($0, limit: 40) }
        .joined(separator: ", ")
      let more = nearest.names.count > 12 ? ", …" : ""
      var hints = ["the likeliest header (line \(nearest.line)) has \(names)\(more)"]
      if let other = Self.matchingProfile(nearest.names, path: path) {
        hints.append("that header matches the built-in profile `\(other)`")
      }
      return .missingColumns(path, nearest.missing + hints)
    }
    return .missingColumns(path, ["no header row found"])
  }

  /// How many of `header`'s names `profile` reads for some field.
  static func known(_ profile: ExportProfile, _ header: [String]) -> Int {
    let names = Set(profile.columns.values.joined().map(ColumnPlan.normalized))
    return header.filter { names.contains(ColumnPlan.normalized($0)) }.count
  }

  /// The built-in profile whose columns `header` has, if any.
  static func matchingProfile(_ header: [String], path: String) -> String? {
    let auto = try? ExportReader(
      settings: SourceSettings(path: path, displayPath: path, profile: "auto"))
    return auto?.plans.first { plan in
      if case .success = plan.resolve(header: header) { true } else { false }
    }?.profile.name
  }

  mutating func handle(
    _ record: CSVRecord, _ onTicket: (Ticket) throws -> Void,
    _ onReject: (Reject) throws -> Void
  ) throws {
    // Excel's `sep=;` line names the delimiter; it is not a row, even in a headerless file.
    if hasSeparatorLine && startsFile && record.line == 1 { return }
    sawRecord = true
    guard let mapping else { return try findHeader(record) }
    // A row of empty fields (",,,," as spreadsheets leave) is a blank line, not a row.
    let isBlank = !(0..<record.fieldCount).contains { !trimmed(record[$0]).isEmpty }
    if isBlank && !record.isCutOff { return }
    accounting.rowsRead += 1
    if record.truncatedFields > 0 {
      accounting.truncatedFields += record.truncatedFields
      accounting.note("truncated", "", line: record.line)
    }
    if let width = mapping.header?.count ?? width, record.fieldCount > width,
      (width..<record.fieldCount).contains(where: { !trimmed(record[$0]).isEmpty })
    {
      accounting.wideRows += 1
      if accounting.samples["wide"] == nil {
        let sample = excerpt(rawText(record))
        accounting.note("wide", sample, line: record.line)
      }
    }
    if record.isCutOff { return try reject(record, onReject, "broken quote") }
    guard highestColumn < record.fieldCount else {
      return try reject(record, onReject, "too few fields")
    }
    for filter in mapping.filters {
      if !filter.values.contains(text(record, filter.column) ?? "") {
        accounting.filtered += 1
        return
      }
    }
    var replaced = 0
    guard let id = value(record, mapping[.id], &replaced) else {
      return try reject(record, onReject, "empty id")
    }
    guard let createdColumn = mapping[.created].first else {
      return try reject(record, onReject, "no date")
    }
    // The column's name only for a reason: trimming it through Foundation for every row cost
    // the parse threads 6 % of their time.
    var column: String { mapping.name(of: createdColumn) }
    guard let created = createdDate(record, createdColumn) else {
      if isEmpty(record, createdColumn) {
        return try reject(record, onReject, "empty date in column \(column)")
      }
      let value = text(record, createdColumn) ?? ""
      if readsSwapped(record[createdColumn]) {
        accounting.swappedDates += 1
        accounting.note("swapped", excerpt(value), line: record.line)
      }
      if accounting.samples["date-advice"] == nil {
        let advice = advice(forDate: String(value.prefix(100)))
        accounting.note("date-advice", advice, line: record.line)
      }
      return try reject(
        record, onReject, "unparseable date in column \(column)", sample: excerpt(value))
    }
    if let earliest, created < earliest {
      return try reject(
        record, onReject,
        "date before \(Self.day(earliest)) in column \(column)",
        sample: excerpt(text(record, createdColumn) ?? ""))
    }
    if let latest, created > latest {
      let limit = settings.latestDate == nil ? " (a day after the file was written)" : ""
      return try reject(
        record, onReject, "date after \(Self.day(latest))\(limit) in column \(column)",
        sample: excerpt(text(record, createdColumn) ?? ""))
    }
    let text = joinedText(record, mapping[.text], &replaced)
    // Repeated tag columns (Jira's several `Labels`) are gathered into one list.
    let tags = mapping[.tags].flatMap { value(record, [$0], &replaced).map(Self.tags) ?? [] }
    var ticket = Ticket(
      system: system, id: id, created: created,
      updated: mapping[.updated].first.flatMap { date(record, $0) },
      resolved: mapping[.resolved].first.flatMap { date(record, $0) },
      text: text, customer: value(record, mapping[.customer], &replaced),
      customerName: value(record, mapping[.customerName], &replaced),
      product: value(record, mapping[.product], &replaced),
      channel: value(record, mapping[.channel], &replaced),
      agent: value(record, mapping[.agent], &replaced),
      sourceCategory: value(record, mapping[.category], &replaced), tags: tags,
      location: SourceLocation(file: path, line: record.line))
    for slice in mapping.slices {
      guard let value = value(record, [slice.column], &replaced) else { continue }
      // The store keeps slices joined by the ASCII separators; a value never holds them.
      ticket.slices[slice.name] =
        value.utf8.contains(where: { $0 == 0x1E || $0 == 0x1F })
        ? String(value.map { $0 == "\u{1E}" || $0 == "\u{1F}" ? " " : $0 }) : value
    }
    try onTicket(ticket)
    accounting.accepted += 1
    accounting.replacedBytes += replaced
  }

  /// Takes `record` as the header row when some plan finds all it needs in it.
  private mutating func findHeader(_ record: CSVRecord) throws {
    guard !record.isCutOff else { return }
    var replaced = 0
    let names = (0..<record.fieldCount).map {
      fieldEncoding.string(trimmed(record[$0]), replaced: &replaced)
    }
    if firstNames == nil && names.count > 1 { firstNames = names }
    for (index, plan) in reader.plans.enumerated() {
      switch plan.resolve(header: names) {
      case .success(var found):
        if let missing = ColumnPlan.resolve(settings.slices, header: names, into: &found) {
          throw unknownSlice(missing)
        }
        mapping = found
        highestColumn = found.highestColumn
        planIndex = index
        dates = reader.dateParsers[index]
        dayMonth = DayMonthEvidence(patterns: dates.patterns.count)
        emptyValues = plan.profile.emptyValues.map { Array($0.utf8) }
        if settings.system == nil || (settings.system == "auto" && reader.plans.count > 1) {
          system = plan.profile.name
        }
        if headerOnly { throw HeaderFound() }
        return
      case .failure(let missing):
        // Fewest missing needs first; among those, the profile that finds its id column (ids are
        // what a help desk names most its own way), then the one that knows most of the header.
        let hasID = !missing.descriptions.contains { $0.hasPrefix("id:") }
        let known = Self.known(plan.profile, names) + (hasID ? 1_000 : 0)
        let closer =
          (missing.descriptions.count, -known, -names.count)
          < (nearest?.missing.count ?? .max, -(nearest?.known ?? 0), -(nearest?.names.count ?? 0))
        if !missing.isOtherSystem, closer {
          nearest = (record.line, missing.descriptions, names, plan.profile.name, known)
        }
      }
    }
    headerCandidates += 1
    if headerCandidates >= ExportReader.headerSearchLimit { throw missingColumns() }
  }

  private mutating func reject(
    _ record: CSVRecord, _ onReject: (Reject) throws -> Void, _ reason: String,
    sample: String? = nil
  ) throws {
    accounting.rejected += 1
    accounting.reasons[reason, default: 0] += 1
    let raw = rawText(record)
    accounting.note(reason, sample ?? excerpt(raw), line: record.line)
    try onReject(Reject(file: path, line: record.line, reason: reason, raw: raw))
  }

  /// The record as CSV text, cut at `rawLimit` bytes.
  private func rawText(_ record: CSVRecord) -> String {
    var ignored = 0
    var raw = record.raw(limit: ExportReader.rawLimit).withUnsafeBufferPointer {
      fieldEncoding.string($0, replaced: &ignored)
    }
    if raw.utf8.count >= ExportReader.rawLimit { raw += "…" }
    return raw
  }

  /// Whether the configured patterns read `bytes` once day and month are swapped.
  private mutating func readsSwapped(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    if swappedDates == nil {
      let formats = dates.patterns.filter(\.hasNumericDayAndMonth).map { Self.swapped($0.format) }
      swappedDates =
        (try? DateParser(formats: formats, timeZone: settings.timeZone))
        ?? (try? DateParser(formats: [], timeZone: settings.timeZone))
    }
    guard swappedDates?.patterns.isEmpty == false else { return false }
    return swappedDates?.parse(bytes) != nil
  }

  /// A date as yyyy-MM-dd in UTC, for reasons.
  static func day(_ date: Date) -> String {
    let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
    let fields = civil(days: days)
    return String(format: "%04d-%02d-%02d", fields.year, fields.month, fields.day)
  }

  /// Year, month and day of a count of days since 1970-01-01 (Howard Hinnant's algorithm).
  static func civil(days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  /// The first non-empty of `columns` as text, nil when all are empty or an "empty" marker.
  private func value(_ record: CSVRecord, _ columns: [Int], _ replaced: inout Int) -> String? {
    for column in columns {
      let bytes = trimmed(record[column])
      if bytes.isEmpty || emptyValues.contains(where: { $0.elementsEqual(bytes) }) {
        continue
      }
      return fieldEncoding.string(bytes, replaced: &replaced)
    }
    return nil
  }

  /// The non-empty values of `columns` joined by line feeds ("" when none), as one text.
  ///
  /// UTF-8 fields are joined as bytes and decoded once: a line feed ends any invalid sequence
  /// before it, so the text and the replaced count are those of decoding each value apart,
  /// without building each value and then the joined copy.
  private mutating func joinedText(
    _ record: CSVRecord, _ columns: [Int], _ replaced: inout Int
  ) -> String {
    guard columns.count > 1, case .utf8 = fieldEncoding else {
      return columns.compactMap { value(record, [$0], &replaced) }.joined(separator: "\n")
    }
    textBytes.removeAll(keepingCapacity: true)
    var values = 0
    for column in columns {
      let bytes = trimmed(record[column])
      if bytes.isEmpty || emptyValues.contains(where: { $0.elementsEqual(bytes) }) { continue }
      if values > 0 { textBytes.append(0x0A) }
      textBytes.append(contentsOf: bytes)
      values += 1
    }
    return textBytes.withUnsafeBufferPointer { fieldEncoding.string($0, replaced: &replaced) }
  }

  private func text(_ record: CSVRecord, _ column: Int) -> String? {
    var ignored = 0
    return value(record, [column], &ignored)
  }

  private func isEmpty(_ record: CSVRecord, _ column: Int) -> Bool {
    let bytes = trimmed(record[column])
    return bytes.isEmpty || emptyValues.contains { $0.elementsEqual(bytes) }
  }

  /// Tags split on commas when there are any (CFPB's "Older American, Servicemember"), else on
  /// whitespace (Zendesk's "refund urgent").
  static func tags(_ value: String) -> [String] {
    var utf8 = value.utf8
    if let tags = utf8.withContiguousStorageIfAvailable(asciiTags) ?? nil { return tags }
    utf8 = value.utf8
    let separator: (Character) -> Bool = value.contains(",") ? { $0 == "," } : { $0.isWhitespace }
    return value.split(whereSeparator: separator)
      .map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
  }

  /// `tags` for ASCII text, on bytes: the same splits (a comma, else any of space, tab, LF, VT, FF,
  /// CR) and the same trimming (space and tab); nil when a byte is not ASCII.
  private static func asciiTags(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
    guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
    let comma = bytes.contains(0x2C)
    var tags: [String] = []
    var start = 0
    func take(_ end: Int) {
      var lower = start
      var upper = end
      while lower < upper && (bytes[lower] == 0x20 || bytes[lower] == 0x09) { lower += 1 }
      while upper > lower && (bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09) { upper -= 1 }
      if lower < upper {
        tags.append(
          String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self))
      }
    }
    for index in 0..<bytes.count {
      let byte = bytes[index]
      if comma ? byte == 0x2C : (byte == 0x20 || (0x09...0x0D).contains(byte)) {
        take(index)
        start = index + 1
      }
    }
    take(bytes.count)
    return tags
  }

  private mutating func date(_ record: CSVRecord, _ column: Int) -> Date? {
    isEmpty(record, column) ? nil : dates.parse(record[column])
  }

  private mutating func createdDate(_ record: CSVRecord, _ column: Int) -> Date? {
    isEmpty(record, column) ? nil : dates.parse(record[column], evidence: &dayMonth)
  }

}
