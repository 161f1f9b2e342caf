import Foundation

/// What `plaint init --from` makes of an export: a profile or a column mapping, date patterns and
/// the most frequent products, each with how sure it is.
public struct ExportGuess: Sendable {
  /// How sure a guess is, in words the command prints.
  public enum Confidence: String, Sendable, Comparable {
    case guess = "a guess"
    case likely
    case sure

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }

    private var rank: Int {
      switch self {
      case .guess: 0
      case .likely: 1
      case .sure: 2
      }
    }
  }

  /// One mapped field: the headers it reads, how sure, and why.
  public struct Column: Sendable {
    public var field: TicketField
    public var headers: [String]
    public var confidence: Confidence
    public var reason: String
  }

  /// The day/month order of the created dates, when no sampled date settles it.
  public struct DateOrder: Sendable {
    /// The pattern chosen, and the one with day and month swapped.
    public var chosen: String
    public var swapped: String
    /// Sampled dates that fit both.
    public var dates: Int
    /// The chosen pattern puts the day first.
    public var isDayFirst: Bool
  }

  public var sample: ExportSample
  /// The built-in profile's name when one matched; nil for a generic mapping.
  public var profile: String?
  /// Fields and their headers; empty when a profile matched.
  public var columns: [Column] = []
  /// Patterns to write as `date_format`; empty when ISO 8601 (or the profile's) reads them all.
  public var dateFormats: [String] = []
  /// Sampled non-empty dates, and how many of them the profile's or the written patterns read.
  public var datesSampled = 0
  public var datesRead = 0
  /// Set when day and month could be either way round.
  public var dateOrder: DateOrder?
  /// The product column's header and its most frequent values, most frequent first.
  public var productColumn: String?
  public var products: [(value: String, count: Int)] = []
  /// Sampled rows with a non-empty product.
  public var productRows = 0
  /// The help desk's own category column (a profile's, or a mapped `category`) and its most
  /// frequent values, most frequent first: proposed as issues matched by `source_values`.
  public var categoryColumn: String?
  public var categories: [(value: String, count: Int)] = []

  /// Product values proposed as lines at most, and the smallest share one must hold.
  public static let productLimit = 10
  static let productMinimumShare = 0.01
  /// Category values proposed as issues at most (the same smallest share).
  static let categoryLimit = 20

  /// Candidate date patterns, tried in this order; ISO 8601 needs none.
  static let datePatterns = [
    "dd.MM.yyyy HH:mm:ss", "dd.MM.yyyy HH:mm", "dd.MM.yyyy", "dd.MM.yy HH:mm", "dd.MM.yy",
    "dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy HH:mm", "dd/MM/yyyy h:mm a", "dd/MM/yyyy", "dd/MM/yy",
    "MM/dd/yyyy HH:mm:ss", "MM/dd/yyyy HH:mm", "MM/dd/yyyy h:mm a", "MM/dd/yyyy",
    "MM/dd/yy h:mm a", "MM/dd/yy HH:mm", "MM/dd/yy",
    "dd-MM-yyyy HH:mm:ss", "dd-MM-yyyy HH:mm", "dd-MM-yyyy",
    "yyyy/MM/dd HH:mm:ss", "yyyy/MM/dd HH:mm", "yyyy/MM/dd", "yyyy.MM.dd HH:mm:ss", "yyyy.MM.dd",
    "d MMM yyyy HH:mm", "d MMM yyyy", "dd-MMM-yyyy HH:mm", "dd-MMM-yyyy", "MMM d, yyyy",
    "MMM d, yyyy h:mm a", "dd/MMM/yy h:mm a", "dd/MMM/yy HH:mm", "EEE MMM dd HH:mm:ss Z yyyy",
    "EEE, dd MMM yyyy HH:mm:ss Z", "yyyy年M月d日 HH:mm:ss", "yyyy年M月d日 HH:mm", "yyyy年M月d日",
  ]

  /// Reads the first records of `path` and guesses.
  public init(path: String, displayPath: String) throws(IngestError) {
    let sample = try ExportSample(path: path, displayPath: displayPath)
    self.sample = sample
    var productIndex: Int?
    var categoryIndex: Int?
    var dateColumns: [Int] = []
    var known: [String] = []
    if let profile = sample.profile, let mapping = sample.profileMapping {
      self.profile = profile.name
      known = profile.dateFormats
      dateColumns = [mapping[.created], mapping[.updated], mapping[.resolved]].compactMap(\.first)
      productIndex = mapping[.product].first
      categoryIndex = mapping[.category].first
      let empties = Set(profile.emptyValues)
      for index in dateColumns.prefix(1) { datesSampled = nonEmpty(index, empties).count }
      if let index = dateColumns.first {
        dateOrder = Self.assumedOrder(nonEmpty(index, empties), patterns: known)
      }
      for index in dateColumns {
        let values = nonEmpty(index, empties)
        if let formats = Self.cover(values, known: known) {
          let added = formats.patterns.filter { !dateFormats.contains($0) }
          dateFormats += added
          if index == dateColumns.first {
            datesRead = formats.read
            dateOrder = formats.order ?? dateOrder
          }
        }
      }
    } else {
      mapColumns()
      productIndex = columns.first { $0.field == .product }
        .flatMap { column in sample.header.firstIndex(of: column.headers[0]) }
      categoryIndex = columns.first { $0.field == .category }
        .flatMap { column in sample.header.firstIndex(of: column.headers[0]) }
    }
    if let productIndex {
      productColumn = sample.header[productIndex]
      let values = nonEmpty(productIndex, Set(sample.profile?.emptyValues ?? []))
      productRows = values.count
      products = frequent(values, limit: Self.productLimit)
    }
    if let categoryIndex {
      categoryColumn = sample.header[categoryIndex]
      categories = frequent(
        nonEmpty(categoryIndex, Set(sample.profile?.emptyValues ?? [])), limit: Self.categoryLimit)
    }
  }

  /// The most frequent of `values` (at most `limit`, each at least 1 % of the sampled rows and
  /// twice), most frequent first.
  private func frequent(_ values: [String], limit: Int) -> [(value: String, count: Int)] {
    var counts: [String: Int] = [:]
    for value in values { counts[value, default: 0] += 1 }
    let floor = max(2, Int((Double(sample.rows.count) * Self.productMinimumShare).rounded(.up)))
    return counts.filter { $0.value >= floor }
      .sorted { ($0.value, $1.key) > ($1.value, $0.key) }
      .prefix(limit).map { ($0.key, $0.value) }
  }

  /// The mapped column of `field`, when there is one.
  public func headers(of field: TicketField) -> [String] {
    columns.first { $0.field == field }?.headers ?? []
  }

  /// The overall confidence: the least sure of id, created and text.
  public var confidence: Confidence {
    if profile != nil { return datesRead == datesSampled ? .sure : .likely }
    let required = columns.filter { ExportProfile.requiredFields.contains($0.field) }
    guard required.count == ExportProfile.requiredFields.count else { return .guess }
    let least = required.map(\.confidence).min() ?? .guess
    return datesRead == datesSampled ? least : min(least, .likely)
  }

  // MARK: - A mapping from header names and values

  private mutating func mapColumns() {
    let header = sample.header
    var taken: Set<Int> = []
    func usable(_ index: Int) -> Bool {
      !taken.contains(index) && !header[index].isEmpty
        && header.firstIndex(of: header[index]) == index
    }
    func scored(_ field: TicketField) -> [(index: Int, score: Int)] {
      header.indices.filter(usable).map { ($0, HeaderNames.score(header[$0], field)) }
    }

    // id: a named column, the one with the fewest repeats; else any column of unique values.
    let ids = scored(.id).map { candidate in
      let values = sample.values(candidate.index)
      let filled = values.filter { !$0.isEmpty }
      return (candidate.index, candidate.score, Set(filled).count, filled.count)
    }
    if let best = ids.filter({ $0.1 > 0 }).max(by: { ($0.1, $0.2, -$0.0) < ($1.1, $1.2, -$1.0) })
      ?? ids.filter({ $0.2 == sample.rows.count && $0.2 > 0 }).first
    {
      let (index, score, unique, filled) = best
      let repeats = filled - unique
      let confidence: Confidence =
        score == 3 && repeats == 0 ? .sure : score > 0 && repeats == 0 ? .likely : .guess
      let why =
        score == 0
        ? "no header names an id; every sampled value is different"
        : repeats == 0
          ? "\(nameMatch(score)); all \(filled) sampled values differ"
          : "\(nameMatch(score)); \(repeats) of \(filled) sampled values repeat (counted as duplicates: the latest update wins)"
      columns.append(
        Column(field: .id, headers: [header[index]], confidence: confidence, reason: why))
      taken.insert(index)
    }

    // created: a column whose values are dates; a named one first, then one every date reads,
    // then one ISO 8601 reads (no pattern: nothing to misread in next month's export, where a
    // written-out date such as "26 May 2026" may take another form), then the fullest.
    var dated: [(index: Int, score: Int, readsAll: Bool, filled: Int, cover: DateCover)] = []
    for (index, score) in scored(.created) {
      let values = nonEmpty(index, [])
      let probe = Array(values.prefix(500))
      guard !probe.isEmpty, let quick = Self.cover(probe, known: []),
        quick.read * 10 >= probe.count * 9
      else { continue }
      guard let cover = Self.cover(values, known: []) else { continue }
      dated.append((index, score, cover.read == values.count, values.count, cover))
    }
    let byRank = dated.sorted {
      (
        $0.score > 0 ? 1 : 0, $0.readsAll ? 1 : 0, $0.score, -$0.cover.patterns.count, $0.filled,
        -$0.index
      )
        > (
          $1.score > 0 ? 1 : 0, $1.readsAll ? 1 : 0, $1.score, -$1.cover.patterns.count, $1.filled,
          -$1.index
        )
    }
    if let best = byRank.first {
      let confidence: Confidence =
        best.score == 3 && best.readsAll ? .sure : best.score > 0 ? .likely : .guess
      columns.append(
        Column(
          field: .created, headers: [header[best.index]], confidence: confidence,
          reason: best.score > 0
            ? nameMatch(best.score) : "no header names a date; its values are dates"))
      taken.insert(best.index)
      dateFormats = best.cover.patterns
      datesSampled = best.filled
      datesRead = best.cover.read
      dateOrder = best.cover.order
    }

    // text: every column named exactly as text (Subject and Description), else the best partial
    // name, else the column with the longest values.
    let texts = scored(.text)
    var chosen = texts.filter { $0.score == 3 }.prefix(3).map(\.index)
    var reason = "\(nameMatch(3))"
    var confidence = Confidence.sure
    if chosen.isEmpty, let partial = texts.first(where: { $0.score == 2 }) {
      chosen = [partial.index]
      reason = nameMatch(2)
      confidence = .likely
    }
    if chosen.isEmpty {
      let lengths = header.indices.filter(usable).map { index in
        (index, sample.values(index).reduce(0) { $0 + $1.count })
      }
      if let longest = lengths.max(by: { ($0.1, -$0.0) < ($1.1, -$1.0) }), longest.1 > 0 {
        chosen = [longest.0]
        reason = "no header names the text; it holds the longest values"
        confidence = .guess
      }
    }
    if !chosen.isEmpty {
      columns.append(
        Column(
          field: .text, headers: chosen.map { header[$0] }, confidence: confidence, reason: reason))
      taken.formUnion(chosen)
    }

    // The optional fields: a named column with values in it.
    let optional: [TicketField] = [
      .updated, .resolved, .customer, .customerName, .product, .channel, .agent, .category, .tags,
    ]
    for field in optional {
      let candidates = scored(field).filter { candidate in
        candidate.score > 0 && sample.values(candidate.index).contains { !$0.isEmpty }
      }
      guard let best = candidates.max(by: { ($0.score, -$0.index) < ($1.score, -$1.index) })
      else { continue }
      if field == .updated || field == .resolved {
        let values = nonEmpty(best.index, [])
        guard let cover = Self.cover(values, known: dateFormats), cover.read == values.count
        else { continue }
        let added = cover.patterns.filter { !dateFormats.contains($0) }
        dateFormats += added
      }
      columns.append(
        Column(
          field: field, headers: [header[best.index]],
          confidence: best.score == 3 ? .sure : .likely, reason: nameMatch(best.score)))
      taken.insert(best.index)
    }
    columns.sort { $0.field.ordinal < $1.field.ordinal }
  }

  private func nameMatch(_ score: Int) -> String {
    score == 3 ? "the header is a usual name for it" : "the header contains a usual name for it"
  }

  private func nonEmpty(_ index: Int, _ empties: Set<String>) -> [String] {
    sample.values(index).filter { !$0.isEmpty && !empties.contains($0) }
  }

  // MARK: - Date patterns

  struct DateCover {
    var patterns: [String]
    /// Values read by ISO 8601, `known` or `patterns`.
    var read: Int
    var order: DateOrder?
  }

  /// The fewest candidate patterns that, after `known` and ISO 8601, read the most of `values`;
  /// nil when none reads any value that `known` and ISO leave unread, and some are unread.
  static func cover(_ values: [String], known: [String]) -> DateCover? {
    let knownPatterns = known.compactMap { try? DatePattern($0) }
    var unread: [[UInt8]] = []
    var read = 0
    for value in values {
      let bytes = Array(value.utf8)
      if reads(bytes, knownPatterns) || isISO(bytes) {
        read += 1
      } else {
        unread.append(bytes)
      }
    }
    if unread.isEmpty { return DateCover(patterns: [], read: read) }
    let candidates = datePatterns.compactMap { try? DatePattern($0) }
    var chosen: [DatePattern] = []
    var order: DateOrder?
    while !unread.isEmpty {
      var best: (pattern: Int, read: Int) = (-1, 0)
      for (index, pattern) in candidates.enumerated() {
        let count = unread.count(where: { reads($0, [pattern]) })
        if count > best.read { best = (index, count) }
      }
      guard best.pattern >= 0 else { break }
      let pattern = candidates[best.pattern]
      if pattern.hasNumericDayAndMonth, !pattern.format.hasPrefix("y"), order == nil,
        let swapped = try? DatePattern(swapDayAndMonth(pattern.format)),
        unread.allSatisfy({ reads($0, [pattern]) == reads($0, [swapped]) })
      {
        order = DateOrder(
          chosen: pattern.format, swapped: swapped.format, dates: best.read,
          isDayFirst: pattern.isDayFirst)
      }
      chosen.append(pattern)
      read += best.read
      unread.removeAll { reads($0, [pattern]) }
    }
    if chosen.isEmpty { return read > 0 ? DateCover(patterns: [], read: read) : nil }
    return DateCover(patterns: chosen.map(\.format), read: read, order: order)
  }

  /// The order of day and month that the first of `patterns` to read `values` assumes, when
  /// every value would read the other way round as well.
  static func assumedOrder(_ values: [String], patterns: [String]) -> DateOrder? {
    let compiled = patterns.compactMap { try? DatePattern($0) }
    let byteValues = values.map { Array($0.utf8) }
    let readsSome = { (pattern: DatePattern) in byteValues.contains { reads($0, [pattern]) } }
    guard let pattern = compiled.first(where: readsSome),
      pattern.hasNumericDayAndMonth, !pattern.format.hasPrefix("y"),
      let swapped = try? DatePattern(swapDayAndMonth(pattern.format))
    else { return nil }
    let read = byteValues.filter { reads($0, [pattern]) }
    guard read.allSatisfy({ reads($0, [swapped]) }) else { return nil }
    return DateOrder(
      chosen: pattern.format, swapped: swapped.format, dates: read.count,
      isDayFirst: pattern.isDayFirst)
  }

  static func swapDayAndMonth(_ format: String) -> String {
    String(
      format.map { character -> Character in
        character == "d" ? "M" : character == "M" ? "d" : character
      })
  }

  private static func reads(_ bytes: [UInt8], _ patterns: [DatePattern]) -> Bool {
    bytes.withUnsafeBufferPointer { buffer in
      patterns.contains { $0.match(buffer)?.localSeconds != nil }
    }
  }

  private static func isISO(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { DateParser.iso8601($0)?.localSeconds != nil }
  }
}
