import Foundation

/// A row of a customer table, written as `JSONEncoder` writes it pretty-printed with sorted keys,
/// without the encoder.
///
/// `report.json` splices the Pareto by customer and the repeat customers in, a row per
/// customer (`JSONRenderer.splice`); through `JSONEncoder` each row cost a tree of boxed values
/// and a second pass to indent it, most of the time `report.json` took at a hundred thousand
/// customers. These rows are a few numbers and texts: written directly they are the same bytes
/// (`PrettyJSONTests` compares both over random rows), except where a text holds a byte the
/// encoder escapes, and such a batch still goes through the encoder.
protocol PrettyJSONRow {
  /// Appends the row's object from its `{` to its `}`, its keys `indent + 2` spaces in and its
  /// `}` `indent` spaces in; false when a text holds a byte the encoder would escape.
  func appendPrettyJSON(indent: Int, to out: inout [UInt8]) -> Bool
}

extension ReportModel.ParetoRow: PrettyJSONRow {
  func appendPrettyJSON(indent: Int, to out: inout [UInt8]) -> Bool {
    out.append(UInt8(ascii: "{"))
    PrettyJSONBytes.key("count", indent + 2, to: &out)
    out += String(count).utf8
    PrettyJSONBytes.key("cumulative", indent + 2, to: &out, after: true)
    PrettyJSONBytes.appendRounded(cumulative, to: &out)
    PrettyJSONBytes.key("key", indent + 2, to: &out, after: true)
    guard PrettyJSONBytes.appendString(key, to: &out) else { return false }
    PrettyJSONBytes.key("share", indent + 2, to: &out, after: true)
    PrettyJSONBytes.appendRounded(share, to: &out)
    PrettyJSONBytes.key("vital", indent + 2, to: &out, after: true)
    out += (vital ? "true" : "false").utf8
    PrettyJSONBytes.newLine(indent, to: &out)
    out.append(UInt8(ascii: "}"))
    return true
  }
}

extension ReportModel.RepeatCustomer: PrettyJSONRow {
  func appendPrettyJSON(indent: Int, to out: inout [UInt8]) -> Bool {
    // The encoder writes an empty array as `[`, a blank line, `]`: left to it.
    guard !issues.isEmpty else { return false }
    out.append(UInt8(ascii: "{"))
    PrettyJSONBytes.key("count", indent + 2, to: &out)
    out += String(count).utf8
    PrettyJSONBytes.key("customer", indent + 2, to: &out, after: true)
    guard PrettyJSONBytes.appendString(customer, to: &out) else { return false }
    PrettyJSONBytes.key("issues", indent + 2, to: &out, after: true)
    out.append(UInt8(ascii: "["))
    for (index, issue) in issues.enumerated() {
      if index > 0 { out.append(UInt8(ascii: ",")) }
      PrettyJSONBytes.newLine(indent + 4, to: &out)
      guard PrettyJSONBytes.appendString(issue, to: &out) else { return false }
    }
    PrettyJSONBytes.newLine(indent + 2, to: &out)
    out.append(UInt8(ascii: "]"))
    PrettyJSONBytes.key("key_account", indent + 2, to: &out, after: true)
    out += (keyAccount ? "true" : "false").utf8
    PrettyJSONBytes.newLine(indent, to: &out)
    out.append(UInt8(ascii: "}"))
    return true
  }
}

/// The pieces of `JSONEncoder`'s pretty-printed text that `PrettyJSONRow`s are written with.
enum PrettyJSONBytes {
  /// The elements of a pretty-printed array of `rows`, as `JSONRenderer.elements(of:)` gives
  /// them from the encoder's text (each line `indent` spaces in, a comma first when they follow
  /// others); nil when a row would need the encoder.
  static func elements(_ rows: [some PrettyJSONRow], indent: Int, leadingComma: Bool) -> Data? {
    var out: [UInt8] = leadingComma ? [UInt8(ascii: ",")] : []
    for (index, row) in rows.enumerated() {
      if index > 0 { out.append(UInt8(ascii: ",")) }
      newLine(indent, to: &out)
      guard row.appendPrettyJSON(indent: indent, to: &out) else { return nil }
    }
    return Data(out)
  }

  /// Appends `text` quoted; false when it holds a byte the encoder escapes (a quote, a
  /// backslash, a control character; DEL too, to be safe), and then `out` is to be dropped.
  static func appendString(_ text: String, to out: inout [UInt8]) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      for byte in bytes where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F {
        return false
      }
      out.append(UInt8(ascii: "\""))
      out.append(contentsOf: bytes)
      out.append(UInt8(ascii: "\""))
      return true
    }
  }

  /// Appends a `@Rounded` number as it encodes: rounded (`Rounding`), then as the encoder writes
  /// a double, its shortest text without a trailing ".0"; `null` when it is not finite.
  static func appendRounded(_ value: Double, to out: inout [UInt8]) {
    guard let rounded = Rounding.rounded(value) else {
      out += "null".utf8
      return
    }
    var text = rounded.description
    if text.hasSuffix(".0") { text.removeLast(2) }
    out += text.utf8
  }

  /// A line break and `count` spaces.
  static func newLine(_ count: Int, to out: inout [UInt8]) {
    out.append(0x0A)
    out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
  }

  /// `"key" : ` on a new line `indent` spaces in, after a comma ending the line before when the
  /// key comes `after` another.
  static func key(_ key: String, _ indent: Int, to out: inout [UInt8], after: Bool = false) {
    if after { out.append(UInt8(ascii: ",")) }
    newLine(indent, to: &out)
    out.append(UInt8(ascii: "\""))
    out += key.utf8
    out += "\" : ".utf8
  }
}
