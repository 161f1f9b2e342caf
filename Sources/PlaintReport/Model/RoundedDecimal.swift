import Foundation

/// A finite, non-zero number rounded to `Rounding.significantDigits` significant digits, as a
/// decimal: `±significand × 10^exponent`, the significand without trailing zeros.
///
/// Read from the number's shortest round-trip text (`description`, exact and correctly rounded)
/// rather than from `printf`'s `%.9e`, which costs a format and a `CVarArg` array per number.
/// The two agree except where the text lies exactly halfway between two ten-digit decimals
/// (then only the binary value can tell which way it rounds, so `init` gives nil): the text is
/// within half a unit in the last place (about 1e-16 of the number) of the binary value, while
/// ten-digit decimals and the midpoints between them are at least 1e-11 of the number apart, and
/// a midpoint between the two would be a shorter text that round-trips. Subnormal numbers, whose
/// last place is far wider, also give nil.
struct RoundedDecimal: Equatable {
  var negative: Bool
  var significand: UInt64
  var exponent: Int

  /// `±significand × 10^exponent`.
  init(negative: Bool, significand: UInt64, exponent: Int) {
    self.negative = negative
    self.significand = significand
    self.exponent = exponent
  }

  /// `value` rounded to the nearest ten-digit decimal, as `printf`'s `%.9e` rounds it; nil for
  /// zero, a value that is subnormal or not finite, and a shortest text exactly halfway.
  init?(_ value: Double) {
    guard value.isFinite, value.magnitude >= 1e-290 else { return nil }
    guard let shortest = Self.shortest(value.magnitude.description) else { return nil }
    var (significand, exponent) = shortest
    let digits = Self.digitCount(significand)
    let kept = Rounding.significantDigits
    if digits > kept {
      let unit = Self.powerOfTen(digits - kept)
      let rest = significand % unit
      guard rest != unit / 2 else { return nil }
      significand = significand / unit + (rest > unit / 2 ? 1 : 0)
      exponent += digits - kept
    }
    while significand % 10 == 0 {
      significand /= 10
      exponent += 1
    }
    self.init(negative: value < 0, significand: significand, exponent: exponent)
  }

  /// The double nearest the decimal: one exact operation on two exact doubles where both the
  /// significand and the power of ten are exact (Clinger's fast path), else the parser's.
  var double: Double {
    let magnitude: Double
    if exponent.magnitude <= 22 {
      let power = Self.exactPowers[Int(exponent.magnitude)]
      let digits = Double(significand)
      magnitude = exponent < 0 ? digits / power : digits * power
    } else {
      // Always parses: digits and an exponent.
      magnitude = Double("\(significand)e\(exponent)") ?? .nan
    }
    return negative ? -magnitude : magnitude
  }

  /// The decimal written out without an exponent when it has a fraction and is at least 1e-20
  /// ("0.00125", "-19.5"), as `printf`'s `%f` writes it with trailing zeros dropped; nil
  /// otherwise.
  var fractionText: String? {
    let digits = String(significand)
    let whole = digits.utf8.count + exponent
    guard exponent < 0, whole > -20 else { return nil }
    var text = negative ? "-" : ""
    if whole > 0 {
      text += digits.prefix(whole) + "." + digits.dropFirst(whole)
    } else {
      text += "0." + String(repeating: "0", count: -whole) + digits
    }
    return text
  }

  /// The digits of a non-negative number's text as an integer, and the power of ten of its last
  /// digit: "1.25e-05" gives (125, -7), "1200.0" (12000, -1); nil for other text. Read in one
  /// pass over the bytes (splitting the text at "e" by characters cost as much as the rest).
  static func shortest(_ text: String) -> (significand: UInt64, exponent: Int)? {
    var significand: UInt64 = 0
    var digits = 0
    var exponent = 0
    var inFraction = false
    var bytes = text.utf8.makeIterator()
    while let byte = bytes.next() {
      switch byte {
      case UInt8(ascii: "."): inFraction = true
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        if inFraction { exponent -= 1 }
        // Leading zeros are not digits of the significand; a double's text has at most 17.
        guard significand != 0 || byte != UInt8(ascii: "0") else { continue }
        guard digits < 19 else { return nil }
        significand = significand * 10 + UInt64(byte - UInt8(ascii: "0"))
        digits += 1
      case UInt8(ascii: "e"):
        guard let written = writtenExponent(&bytes) else { return nil }
        exponent += written
      default: return nil
      }
    }
    guard significand != 0 else { return nil }
    return (significand, exponent)
  }

  /// The exponent after a text's "e": a sign, then one to four digits, then the end.
  private static func writtenExponent(_ bytes: inout String.UTF8View.Iterator) -> Int? {
    var sign = 1
    var value = 0
    var digits = 0
    while let byte = bytes.next() {
      switch byte {
      case UInt8(ascii: "+") where digits == 0: continue
      case UInt8(ascii: "-") where digits == 0: sign = -1
      case UInt8(ascii: "0")...UInt8(ascii: "9") where digits < 4:
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
        digits += 1
      default: return nil
      }
    }
    return digits > 0 ? sign * value : nil
  }

  /// The number of decimal digits of `value`.
  static func digitCount(_ value: UInt64) -> Int {
    var count = 1
    var rest = value
    while rest >= 10 {
      rest /= 10
      count += 1
    }
    return count
  }

  /// 10 to the `exponent` (at most 19).
  static func powerOfTen(_ exponent: Int) -> UInt64 {
    var power: UInt64 = 1
    for _ in 0..<exponent { power *= 10 }
    return power
  }

  /// 1e0 through 1e22, every one exactly a double.
  static let exactPowers: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  ]
}
