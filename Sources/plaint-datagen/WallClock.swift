/// A local wall-clock time to the minute, as a help desk prints it; no time zone, no `Date`.
///
/// Plain calendar arithmetic keeps the generator independent of the machine's zone database.
/// Times in the 02:00 hour are moved to 03:00, so no timestamp falls into the hour that daylight
/// saving time skips or repeats in Europe/Berlin.
struct WallClock: Comparable, Hashable {
  /// Minutes since 1970-01-01 00:00.
  var minutes: Int

  init(minutes: Int) { self.minutes = minutes }

  init(year: Int, month: Int, day: Int, hour: Int, minute: Int) {
    minutes = (WallClock.days(year: year, month: month, day: day) * 24 + hour) * 60 + minute
  }

  /// Number of days in a month of the Gregorian calendar.
  static func daysIn(year: Int, month: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
  static func days(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// Year, month, day, hour and minute.
  var parts: (year: Int, month: Int, day: Int, hour: Int, minute: Int) {
    let dayCount = minutes >= 0 ? minutes / 1440 : (minutes - 1439) / 1440
    let minuteOfDay = minutes - dayCount * 1440
    let z = dayCount + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    return (year, month, day, minuteOfDay / 60, minuteOfDay % 60)
  }

  /// This time plus `count` minutes, moved out of the 02:00 hour.
  func adding(minutes count: Int) -> WallClock {
    var later = WallClock(minutes: minutes + count)
    if later.parts.hour == 2 { later.minutes += 60 }
    return later
  }

  static func < (lhs: WallClock, rhs: WallClock) -> Bool { lhs.minutes < rhs.minutes }

  /// Appends "yyyy-MM-dd HH:mm".
  func appendISO(to out: inout [UInt8]) {
    let p = parts
    WallClock.append(p.year, width: 4, to: &out)
    out.append(UInt8(ascii: "-"))
    WallClock.append(p.month, width: 2, to: &out)
    out.append(UInt8(ascii: "-"))
    WallClock.append(p.day, width: 2, to: &out)
    out.append(UInt8(ascii: " "))
    WallClock.append(p.hour, width: 2, to: &out)
    out.append(UInt8(ascii: ":"))
    WallClock.append(p.minute, width: 2, to: &out)
  }

  /// Appends "dd.MM.yyyy HH:mm".
  func appendGerman(to out: inout [UInt8]) {
    let p = parts
    WallClock.append(p.day, width: 2, to: &out)
    out.append(UInt8(ascii: "."))
    WallClock.append(p.month, width: 2, to: &out)
    out.append(UInt8(ascii: "."))
    WallClock.append(p.year, width: 4, to: &out)
    out.append(UInt8(ascii: " "))
    WallClock.append(p.hour, width: 2, to: &out)
    out.append(UInt8(ascii: ":"))
    WallClock.append(p.minute, width: 2, to: &out)
  }

  /// Appends a non-negative number, left-padded with zeros to `width` digits.
  static func append(_ value: Int, width: Int = 1, to out: inout [UInt8]) {
    let number = max(0, value)
    var divisor = 1
    var digits = 1
    while divisor <= number / 10 {
      divisor *= 10
      digits += 1
    }
    for _ in digits..<max(digits, width) { out.append(UInt8(ascii: "0")) }
    var rest = number
    while divisor > 0 {
      out.append(UInt8(ascii: "0") + UInt8(rest / divisor))
      rest %= divisor
      divisor /= 10
    }
  }
}
