import Foundation

/// A sentence with `{slot}` placeholders, split once into UTF-8 literals and slots.
struct Template {
  enum Slot: String {
    case product, sku, n, order, name, count
  }

  enum Part {
    case bytes([UInt8])
    case slot(Slot)
  }

  let parts: [Part]

  var hasProduct: Bool {
    parts.contains {
      if case .slot(.product) = $0 { return true }
      return false
    }
  }

  /// Parses `text`; the literal parts pass through `transform` (case and accent variants).
  init(_ text: String, transform: (String) -> String = { $0 }) {
    var parts: [Part] = []
    var rest = Substring(text)
    while let open = rest.firstIndex(of: "{") {
      guard let close = rest[open...].firstIndex(of: "}"),
        let slot = Slot(rawValue: String(rest[rest.index(after: open)..<close]))
      else { break }
      if open > rest.startIndex {
        parts.append(.bytes(Array(transform(String(rest[..<open])).utf8)))
      }
      parts.append(.slot(slot))
      rest = rest[rest.index(after: close)...]
    }
    if !rest.isEmpty { parts.append(.bytes(Array(transform(String(rest)).utf8))) }
    self.parts = parts
  }
}

/// The values that fill a template's slots.
struct SlotValues {
  var product: [UInt8] = []
  var sku: [UInt8] = []
  var n = 7
  var order = 0
  var name: [UInt8] = []
  var count = 12

  func render(_ template: Template, into out: inout [UInt8]) {
    for part in template.parts {
      switch part {
      case .bytes(let bytes): out.append(contentsOf: bytes)
      case .slot(.product): out.append(contentsOf: product)
      case .slot(.sku): out.append(contentsOf: sku)
      case .slot(.n): WallClock.append(n, to: &out)
      case .slot(.order):
        out.append(contentsOf: SlotValues.orderPrefix)
        WallClock.append(order, width: 7, to: &out)
      case .slot(.name): out.append(contentsOf: name)
      case .slot(.count): WallClock.append(count, to: &out)
      }
    }
  }

  private static let orderPrefix = Array("WEB-".utf8)
}

/// Spelling variants customers produce: shouting, no accents, all lower case.
enum Spelling: CaseIterable {
  case asWritten, upper, unaccented, lower

  func apply(_ text: String) -> String {
    switch self {
    case .asWritten: text
    case .upper: text.uppercased()
    case .lower: text.lowercased()
    case .unaccented: Spelling.stripAccents(text)
    }
  }

  /// Removes combining marks and writes ł, ı and ø as their plain letters, as people do when
  /// typing on a keyboard without the layout.
  static func stripAccents(_ text: String) -> String {
    var scalars = String.UnicodeScalarView()
    for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
      switch scalar.value {
      case 0x0300...0x036F: continue
      case 0x0142: scalars.append("l")
      case 0x0141: scalars.append("L")
      case 0x0131: scalars.append("i")
      case 0x00F8: scalars.append("o")
      default: scalars.append(scalar)
      }
    }
    return String(scalars)
  }
}
