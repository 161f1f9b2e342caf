import Foundation

/// Parses dates from field bytes: ISO 8601, configured patterns, Excel serial numbers.
///
/// Patterns compile once into tokens; parsing reads digits straight from the bytes, so no
/// formatter or String is made per row. Times without an offset are local to `timeZone`.
struct DateParser: Sendable {
  let patterns: [[Token]]
  let timeZone: TimeZone

  enum Token: Sendable, Equatable {
    case year4, year2, month2, month, day2, day, hour2, hour, minute2, second2
    case monthName, weekdayName, offset
    case literal(UInt8)
  }

  init(formats: [String], timeZone: TimeZone) {
    patterns = formats.map(Self.compile)
    self.timeZone = timeZone
  }

  static func compile(_ format: String) -> [Token] {
    let characters = Array(format.utf8)
    var tokens: [Token] = []
    var index = 0
    while index < characters.count {
      let character = characters[index]
      var run = 1
      while index + run < characters.count, characters[index + run] == character { run += 1 }
      switch (character, run) {
      case (UInt8(ascii: "y"), 4): tokens.append(.year4)
      case (UInt8(ascii: "y"), 2): tokens.append(.year2)
      case (UInt8(ascii: "M"), 1): tokens.append(.month)
      case (UInt8(ascii: "M"), 2): tokens.append(.month2)
      case (UInt8(ascii: "M"), 3...): tokens.append(.monthName)
      case (UInt8(ascii: "d"), 1): tokens.append(.day)
      case (UInt8(ascii: "d"), 2): tokens.append(.day2)
      case (UInt8(ascii: "H"), 1): tokens.append(.hour)
      case (UInt8(ascii: "H"), 2): tokens.append(.hour2)
      case (UInt8(ascii: "m"), 2): tokens.append(.minute2)
      case (UInt8(ascii: "s"), 2): tokens.append(.second2)
      case (UInt8(ascii: "E"), _): tokens.append(.weekdayName)
      case (UInt8(ascii: "Z"), _), (UInt8(ascii: "X"), _), (UInt8(ascii: "x"), _):
        tokens.append(.offset)
      default:
        for _ in 0..<run { tokens.append(.literal(character)) }
      }
      index += run
    }
    return tokens
  }

  /// The instant a field names, or nil when no accepted form fits.
  func parse(_ field: UnsafeBufferPointer<UInt8>) -> Date? {
    var start = 0
    var end = field.count
    while start < end, field[start] == 32 || field[start] == 9 { start += 1 }
    while end > start, field[end - 1] == 32 || field[end - 1] == 9 || field[end - 1] == 13 {
      end -= 1
    }
    guard start < end else { return nil }
    let bytes = UnsafeBufferPointer(rebasing: field[start..<end])
    if let date = iso(bytes) { return date }
    for pattern in patterns {
      if let date = match(pattern, bytes) { return date }
    }
    return excelSerial(bytes)
  }

  private struct Fields {
    var year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0
    var fraction = 0.0
    var offset: Int? = nil
  }

  private func iso(_ b: UnsafeBufferPointer<UInt8>) -> Date? {
    var reader = Reader(bytes: b)
    var fields = Fields()
    guard let year = reader.digits(4), reader.take(UInt8(ascii: "-")),
      let month = reader.digits(2), reader.take(UInt8(ascii: "-")), let day = reader.digits(2)
    else { return nil }
    fields.year = year
    fields.month = month
    fields.day = day
    if reader.take(UInt8(ascii: "T")) || reader.take(UInt8(ascii: " ")) {
      guard let hour = reader.digits(2), reader.take(UInt8(ascii: ":")),
        let minute = reader.digits(2)
      else { return nil }
      fields.hour = hour
      fields.minute = minute
      if reader.take(UInt8(ascii: ":")) {
        guard let second = reader.digits(2) else { return nil }
        fields.second = second
        if reader.take(UInt8(ascii: ".")) || reader.take(UInt8(ascii: ",")) {
          fields.fraction = reader.fraction()
        }
      }
      _ = reader.take(UInt8(ascii: " "))
      if !reader.atEnd {
        guard let offset = reader.offset() else { return nil }
        fields.offset = offset
      }
    }
    guard reader.atEnd else { return nil }
    return instant(fields)
  }

  private func match(_ pattern: [Token], _ b: UnsafeBufferPointer<UInt8>) -> Date? {
    var reader = Reader(bytes: b)
    var fields = Fields()
    for token in pattern {
      switch token {
      case .year4: guard let v = reader.digits(4) else { return nil }; fields.year = v
      case .year2:
        guard let v = reader.digits(2) else { return nil }
        fields.year = v < 70 ? 2000 + v : 1900 + v
      case .month2: guard let v = reader.digits(2) else { return nil }; fields.month = v
      case .month: guard let v = reader.digits(1...2) else { return nil }; fields.month = v
      case .day2: guard let v = reader.digits(2) else { return nil }; fields.day = v
      case .day: guard let v = reader.digits(1...2) else { return nil }; fields.day = v
      case .hour2: guard let v = reader.digits(2) else { return nil }; fields.hour = v
      case .hour: guard let v = reader.digits(1...2) else { return nil }; fields.hour = v
      case .minute2: guard let v = reader.digits(2) else { return nil }; fields.minute = v
      case .second2: guard let v = reader.digits(2) else { return nil }; fields.second = v
      case .monthName: guard let v = reader.monthName() else { return nil }; fields.month = v
      case .weekdayName: guard reader.letters() else { return nil }
      case .offset: guard let v = reader.offset() else { return nil }; fields.offset = v
      case .literal(let byte): guard reader.take(byte) else { return nil }
      }
    }
    guard reader.atEnd else { return nil }
    return instant(fields)
  }

  /// Excel's serial day numbers (days since 1899-12-30), for dates Excel re-saved as numbers.
  private func excelSerial(_ b: UnsafeBufferPointer<UInt8>) -> Date? {
    guard b.count <= 24, b.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 46 }),
      let value = Double(String(decoding: b, as: UTF8.self)), (20_000...80_000).contains(value)
    else { return nil }
    let seconds = (value - 25_569) * 86_400
    let local = seconds.rounded()
    return Date(timeIntervalSince1970: local - Double(offset(forLocal: local)))
  }

  private func instant(_ f: Fields) -> Date? {
    guard (1...12).contains(f.month), (1...31).contains(f.day), f.day <= daysIn(f.year, f.month),
      (0...23).contains(f.hour), (0...59).contains(f.minute), (0...60).contains(f.second)
    else { return nil }
    let days = daysFromCivil(f.year, f.month, f.day)
    let local = Double(days * 86_400 + f.hour * 3_600 + f.minute * 60 + f.second) + f.fraction
    let offset = f.offset ?? self.offset(forLocal: local)
    return Date(timeIntervalSince1970: local - Double(offset))
  }

  /// The zone's UTC offset at a local wall-clock time (seconds since 1970 as if UTC).
  private func offset(forLocal local: Double) -> Int {
    if timeZone.identifier == "UTC" || timeZone.identifier == "GMT" { return 0 }
    let guess = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: local))
    return timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: local - Double(guess)))
  }
}

/// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's algorithm).
func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
  let y = month <= 2 ? year - 1 : year
  let era = (y >= 0 ? y : y - 399) / 400
  let yoe = y - era * 400
  let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
  let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
  return era * 146_097 + doe - 719_468
}

private func daysIn(_ year: Int, _ month: Int) -> Int {
  switch month {
  case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
  case 4, 6, 9, 11: return 30
  default: return 31
  }
}

/// A cursor over date bytes.
private struct Reader {
  let bytes: UnsafeBufferPointer<UInt8>
  var index = 0

  var atEnd: Bool { index >= bytes.count }

  mutating func take(_ byte: UInt8) -> Bool {
    guard index < bytes.count, bytes[index] == byte else { return false }
    index += 1
    return true
  }

  mutating func digits(_ count: Int) -> Int? { digits(count...count) }

  mutating func digits(_ range: ClosedRange<Int>) -> Int? {
    var value = 0
    var taken = 0
    while taken < range.upperBound, index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
      value = value * 10 + Int(bytes[index] - 48)
      index += 1
      taken += 1
    }
    return taken >= range.lowerBound ? value : nil
  }

  mutating func fraction() -> Double {
    var value = 0.0
    var scale = 0.1
    while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
      value += Double(bytes[index] - 48) * scale
      scale /= 10
      index += 1
    }
    return value
  }

  /// "Z", "+02:00", "+0200" or "-05"; seconds east of UTC.
  mutating func offset() -> Int? {
    if take(UInt8(ascii: "Z")) { return 0 }
    let sign: Int
    if take(UInt8(ascii: "+")) {
      sign = 1
    } else if take(UInt8(ascii: "-")) {
      sign = -1
    } else {
      return nil
    }
    guard let hours = digits(2) else { return nil }
    _ = take(UInt8(ascii: ":"))
    let minutes = digits(2) ?? 0
    return sign * (hours * 3_600 + minutes * 60)
  }

  mutating func letters() -> Bool {
    let start = index
    while index < bytes.count, (bytes[index] | 0x20) >= 97, (bytes[index] | 0x20) <= 122 {
      index += 1
    }
    return index > start
  }

  mutating func monthName() -> Int? {
    let start = index
    guard letters() else { return nil }
    let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
      .lowercased().prefix(3)
    let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    return months.firstIndex(of: String(name)).map { $0 + 1 }
  }
}
