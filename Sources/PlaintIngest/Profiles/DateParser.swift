import Foundation

/// Parses dates from field bytes: configured patterns, then ISO 8601, then Excel serial numbers.
///
/// Patterns are compiled once into tokens and matched on bytes, so a row costs no formatter and
/// no `String`. Times without an offset are local to `timeZone`; its offsets are cached per hour.
struct DateParser: Sendable {
  let patterns: [DatePattern]
  let timeZone: TimeZone
  private let fixedOffset: Int?
  private var offsets: [Int: Int] = [:]

  init(formats: [String], timeZone: TimeZone) throws(DatePatternError) {
    var patterns: [DatePattern] = []
    for format in formats { patterns.append(try DatePattern(format)) }
    self.patterns = patterns
    self.timeZone = timeZone
    let id = timeZone.identifier
    let isFixed =
      ["GMT", "UTC", "Etc/UTC", "Etc/GMT", "Z"].contains(id) || id.hasPrefix("GMT+")
      || id.hasPrefix("GMT-")
    fixedOffset = isFixed ? timeZone.secondsFromGMT() : nil
  }

  /// The instant `bytes` names, or nil when no pattern, ISO 8601 or Excel serial fits.
  mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
    var ignored = DayMonthEvidence(patterns: 0)
    return parse(bytes, evidence: &ignored)
  }

  /// As `parse(_:)`, noting in `evidence` whether a numeric day and month could be swapped.
  mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>, evidence: inout DayMonthEvidence)
    -> Date?
  {
    let bytes = trimmed(bytes)
    guard !bytes.isEmpty else { return nil }
    var fields: DateFields?
    // The first pattern that reads a real date wins: 04/26/2025 falls through dd/MM to MM/dd.
    for (index, pattern) in patterns.enumerated() {
      guard let matched = pattern.match(bytes), matched.localSeconds != nil else { continue }
      if pattern.hasNumericDayAndMonth { evidence.note(matched, pattern: index) }
      fields = matched
      break
    }
    if fields == nil { fields = Self.iso8601(bytes) }
    if let fields {
      guard let local = fields.localSeconds else { return nil }
      let seconds = fields.offset.map { local - $0 } ?? utc(local: local)
      return Date(timeIntervalSince1970: TimeInterval(seconds) + fields.fraction)
    }
    return excelSerial(bytes)
  }

  private mutating func utc(local: Int) -> Int {
    if let fixedOffset { return local - fixedOffset }
    let hour = local >= 0 ? local / 3600 : (local - 3599) / 3600
    if let offset = offsets[hour] { return local - offset }
    let guess = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local)))
    let offset = timeZone.secondsFromGMT(
      for: Date(timeIntervalSince1970: TimeInterval(local - guess)))
    if offsets.count < 1 << 18 { offsets[hour] = offset }
    return local - offset
  }

  /// Days since 1899-12-30, as spreadsheets store dates; local to `timeZone`.
  private mutating func excelSerial(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
    guard bytes.allSatisfy({ isDigit($0) || $0 == 0x2E }), bytes.filter({ $0 == 0x2E }).count <= 1,
      isDigit(bytes[0]), let value = Double(String(decoding: bytes, as: UTF8.self)),
      value >= 1, value < 2_958_466
    else { return nil }
    let days = value.rounded(.down)
    let seconds = ((value - days) * 86_400).rounded()
    let local = (Int(days) - 25_569) * 86_400 + Int(seconds)
    return Date(timeIntervalSince1970: TimeInterval(utc(local: local)))
  }

  /// `yyyy-MM-dd`, optionally `T` or a space and `HH:mm[:ss[.fff]]`, optionally `Z` or `±hh[:mm]`.
  static func iso8601(_ bytes: UnsafeBufferPointer<UInt8>) -> DateFields? {
    var scanner = ByteScanner(bytes: bytes)
    var fields = DateFields()
    guard let year = scanner.number(4, 4), scanner.skip(0x2D), let month = scanner.number(1, 2),
      scanner.skip(0x2D), let day = scanner.number(1, 2)
    else { return nil }
    (fields.year, fields.month, fields.day) = (year, month, day)
    if scanner.isAtEnd { return fields }
    guard scanner.skip(0x54) || scanner.skip(0x74) || scanner.skip(0x20),
      let hour = scanner.number(1, 2), scanner.skip(0x3A), let minute = scanner.number(2, 2)
    else { return nil }
    (fields.hour, fields.minute) = (hour, minute)
    if scanner.skip(0x3A) {
      guard let second = scanner.number(2, 2) else { return nil }
      fields.second = second
      if scanner.skip(0x2E) || scanner.skip(0x2C) {
        guard let fraction = scanner.fraction() else { return nil }
        fields.fraction = fraction
      }
    }
    _ = scanner.skip(0x20)
    if !scanner.isAtEnd {
      guard let offset = scanner.offset(), scanner.isAtEnd else { return nil }
      fields.offset = offset
    }
    return fields
  }
}

/// What a column's dates say about the order of day and month, per numeric pattern that read them.
///
/// A date such as 03/04/2025 fits both orders; 13/04/2025 fits only one. When every date a pattern
/// read fits both, the pattern's order is an assumption the file never confirmed.
struct DayMonthEvidence: Sendable {
  /// Per pattern: dates that would read differently with day and month swapped.
  private(set) var ambiguous: [Int]
  /// Per pattern: dates whose day is above 12, so only the pattern's order fits.
  private(set) var confirming: [Int]

  init(patterns: Int) {
    ambiguous = Array(repeating: 0, count: patterns)
    confirming = Array(repeating: 0, count: patterns)
  }

  mutating func note(_ fields: DateFields, pattern: Int) {
    guard pattern < ambiguous.count else { return }
    if fields.day > 12 {
      confirming[pattern] += 1
    } else if fields.day != fields.month {
      ambiguous[pattern] += 1
    }
  }

  /// Whether a date read by `pattern` had a day above 12, so only that pattern's order fits.
  func confirms(_ pattern: Int) -> Bool {
    pattern < confirming.count && confirming[pattern] > 0
  }

  /// Adds the evidence another part of the same column gathered.
  mutating func add(_ other: DayMonthEvidence) {
    for index in other.ambiguous.indices where index < ambiguous.count {
      ambiguous[index] += other.ambiguous[index]
      confirming[index] += other.confirming[index]
    }
  }

  /// The patterns that read dates with both orders possible and none confirming the order.
  var unconfirmed: [(pattern: Int, dates: Int)] {
    ambiguous.indices.filter { ambiguous[$0] > 0 && confirming[$0] == 0 }
      .map { ($0, ambiguous[$0]) }
  }

  /// Patterns that read dates in opposite orders in the same column.
  func mixedOrders(_ patterns: [DatePattern]) -> (dayFirst: [Int], monthFirst: [Int])? {
    let used = ambiguous.indices.filter { ambiguous[$0] + confirming[$0] > 0 }
    let dayFirst = used.filter { patterns[$0].isDayFirst }
    let monthFirst = used.filter { !patterns[$0].isDayFirst }
    return dayFirst.isEmpty || monthFirst.isEmpty ? nil : (dayFirst, monthFirst)
  }
}

/// A pattern that does not compile, with the reason.
struct DatePatternError: Error, Equatable {
  var format: String
  var reason: String
}

/// Date and time parts as read; validated when converted to seconds.
struct DateFields: Equatable {
  var year = 1970
  var month = 1
  var day = 1
  var hour = 0
  var minute = 0
  var second = 0
  var fraction = 0.0
  var isPM: Bool?
  /// Seconds east of UTC, when the text has an offset.
  var offset: Int?

  /// Seconds since 1970 as if the wall-clock time were UTC; nil for an impossible date.
  var localSeconds: Int? {
    var hour = self.hour
    if let isPM {
      guard (1...12).contains(hour) else { return nil }
      hour = hour % 12 + (isPM ? 12 : 0)
    }
    guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
      (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second)
    else { return nil }
    return daysFromCivil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + min(second, 59)
  }
}

/// A compiled pattern such as `dd.MM.yyyy HH:mm`.
///
/// Letters: `yyyy` `yy` `y` year, `M` `MM` month, `MMM` `MMMM` English month name, `d` `dd` day,
/// `H` `HH` hour, `h` `hh` hour with `a` (AM/PM), `m` `mm` minute, `s` `ss` second, `S…` fraction,
/// `E…` weekday name (skipped), `Z` `X` `x` offset (`Z`, `+02:00`, `+0200`). Other characters
/// match themselves; text in single quotes is literal.
struct DatePattern: Sendable {
  enum Part: Sendable {
    case number(Component, minDigits: Int, maxDigits: Int)
    case monthName
    case weekdayName
    case meridiem
    case fraction
    case offset
    case literal(UInt8)
  }

  enum Component: Sendable { case year, shortYear, month, day, hour, minute, second }

  let format: String
  let parts: [Part]
  /// Day and month are both numbers, so a date may fit with them swapped.
  let hasNumericDayAndMonth: Bool
  /// The day comes before the month (`dd.MM.yyyy`), as opposed to `M/d/yy`.
  let isDayFirst: Bool

  init(_ format: String) throws(DatePatternError) {
    self.format = format
    var runs: [(letter: Character?, count: Int, text: [UInt8])] = []
    var quoted = false
    for character in format {
      if character == "'" {
        quoted.toggle()
        continue
      }
      if !quoted, character.isASCII, character.isLetter {
        if let last = runs.last, last.letter == character {
          runs[runs.count - 1].count += 1
        } else {
          runs.append((character, 1, []))
        }
      } else {
        runs.append((nil, 0, Array(String(character).utf8)))
      }
    }
    var parts: [Part] = []
    for (index, run) in runs.enumerated() {
      guard let letter = run.letter else {
        parts += run.text.map(Part.literal)
        continue
      }
      let nextIsNumber =
        index + 1 < runs.count && runs[index + 1].letter.map { "yMdHhmsS".contains($0) } == true
      let two = nextIsNumber ? 2 : 1
      switch (letter, run.count) {
      case ("y", 2): parts.append(.number(.shortYear, minDigits: 2, maxDigits: 2))
      case ("y", 1): parts.append(.number(.year, minDigits: 1, maxDigits: 4))
      case ("y", _): parts.append(.number(.year, minDigits: 4, maxDigits: 4))
      case ("M", 1...2):
        parts.append(.number(.month, minDigits: run.count == 2 ? two : 1, maxDigits: 2))
      case ("M", _): parts.append(.monthName)
      case ("d", 1...2):
        parts.append(.number(.day, minDigits: run.count == 2 ? two : 1, maxDigits: 2))
      case ("H", 1...2), ("h", 1...2), ("k", 1...2):
        parts.append(.number(.hour, minDigits: run.count == 2 ? two : 1, maxDigits: 2))
      case ("m", 1...2):
        parts.append(.number(.minute, minDigits: run.count == 2 ? two : 1, maxDigits: 2))
      case ("s", 1...2):
        parts.append(.number(.second, minDigits: run.count == 2 ? two : 1, maxDigits: 2))
      case ("S", _): parts.append(.fraction)
      case ("E", _): parts.append(.weekdayName)
      case ("a", _): parts.append(.meridiem)
      case ("Z", _), ("X", _), ("x", _): parts.append(.offset)
      default:
        throw DatePatternError(
          format: format,
          reason: "unknown pattern letters \"\(String(repeating: letter, count: run.count))\"")
      }
    }
    if quoted { throw DatePatternError(format: format, reason: "unclosed quote") }
    guard parts.contains(where: { if case .number(.day, _, _) = $0 { true } else { false } }) else {
      throw DatePatternError(format: format, reason: "no day (d or dd)")
    }
    self.parts = parts
    let day = parts.firstIndex { if case .number(.day, _, _) = $0 { true } else { false } }
    let month = parts.firstIndex { if case .number(.month, _, _) = $0 { true } else { false } }
    hasNumericDayAndMonth = day != nil && month != nil
    isDayFirst = (day ?? 0) < (month ?? .max)
  }

  /// The parts of `bytes` when the whole of it fits the pattern.
  func match(_ bytes: UnsafeBufferPointer<UInt8>) -> DateFields? {
    var scanner = ByteScanner(bytes: bytes)
    var fields = DateFields()
    for part in parts {
      switch part {
      case .literal(let byte):
        if byte == 0x20 {
          guard scanner.skip(0x20) else { return nil }
          while scanner.skip(0x20) {}
        } else if !scanner.skipIgnoringCase(byte) {
          return nil
        }
      case .number(let component, let minDigits, let maxDigits):
        guard let value = scanner.number(minDigits, maxDigits) else { return nil }
        switch component {
        case .year: fields.year = value
        case .shortYear: fields.year = value < 69 ? 2000 + value : 1900 + value
        case .month: fields.month = value
        case .day: fields.day = value
        case .hour: fields.hour = value
        case .minute: fields.minute = value
        case .second: fields.second = value
        }
      case .monthName:
        guard let month = monthNumber(scanner.letters()) else { return nil }
        fields.month = month
      case .weekdayName:
        guard scanner.letters().count >= 2 else { return nil }
      case .meridiem:
        let word = scanner.letters().lowercased()
        guard word == "am" || word == "pm" else { return nil }
        fields.isPM = word == "pm"
      case .fraction:
        guard let fraction = scanner.fraction() else { return nil }
        fields.fraction = fraction
      case .offset:
        guard let offset = scanner.offset() else { return nil }
        fields.offset = offset
      }
    }
    return scanner.isAtEnd ? fields : nil
  }
}

/// A cursor over the bytes of one field.
private struct ByteScanner {
  let bytes: UnsafeBufferPointer<UInt8>
  var index = 0

  var isAtEnd: Bool { index == bytes.count }

  mutating func skip(_ byte: UInt8) -> Bool {
    guard index < bytes.count, bytes[index] == byte else { return false }
    index += 1
    return true
  }

  mutating func skipIgnoringCase(_ byte: UInt8) -> Bool {
    guard index < bytes.count, bytes[index] | 0x20 == byte | 0x20,
      bytes[index] == byte || isLetter(byte)
    else { return false }
    index += 1
    return true
  }

  mutating func number(_ minDigits: Int, _ maxDigits: Int) -> Int? {
    var value = 0
    var digits = 0
    while digits < maxDigits, index < bytes.count, isDigit(bytes[index]) {
      value = value * 10 + Int(bytes[index] - 0x30)
      digits += 1
      index += 1
    }
    return digits >= minDigits ? value : nil
  }

  mutating func fraction() -> Double? {
    var value = 0.0
    var scale = 1.0
    let start = index
    while index < bytes.count, isDigit(bytes[index]) {
      scale /= 10
      value += Double(bytes[index] - 0x30) * scale
      index += 1
    }
    return index > start ? value : nil
  }

  mutating func letters() -> String {
    let start = index
    while index < bytes.count, isLetter(bytes[index]) || bytes[index] == 0x2E { index += 1 }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
      .replacingOccurrences(of: ".", with: "")
  }

  /// `Z`, or `+hh`, `+hhmm`, `+hh:mm` (and `-`), as seconds east of UTC.
  mutating func offset() -> Int? {
    if skip(0x5A) || skip(0x7A) { return 0 }
    let sign: Int
    if skip(0x2B) {
      sign = 1
    } else if skip(0x2D) {
      sign = -1
    } else {
      return nil
    }
    guard let hours = number(2, 2), hours <= 18 else { return nil }
    _ = skip(0x3A)
    let minutes = number(2, 2) ?? 0
    return sign * (hours * 3600 + minutes * 60)
  }
}

private let monthNames = [
  "january", "february", "march", "april", "may", "june", "july", "august", "september",
  "october", "november", "december",
]

/// 1...12 for an English month name or its abbreviation of three letters or more.
private func monthNumber(_ word: String) -> Int? {
  let word = word.lowercased()
  guard word.count >= 3 else { return nil }
  return monthNames.firstIndex { $0.hasPrefix(word) }.map { $0 + 1 }
}

@inline(__always) private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

@inline(__always) private func isLetter(_ byte: UInt8) -> Bool {
  (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
}

private func daysIn(month: Int, year: Int) -> Int {
  switch month {
  case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
  case 4, 6, 9, 11: 30
  default: 31
  }
}

/// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's algorithm).
func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
  let year = month <= 2 ? year - 1 : year
  let era = (year >= 0 ? year : year - 399) / 400
  let yearOfEra = year - era * 400
  let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
  let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}
