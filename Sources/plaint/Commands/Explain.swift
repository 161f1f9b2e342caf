import ArgumentParser
import PlaintEngine

struct Explain: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show why a ticket landed in its cell: folded text, matched rules, the winner.")

  @OptionGroup var common: CommonOptions

  @Argument(help: "The ticket id, as in the export.")
  var ticketID: String

  func run() throws {
    let explanations = try failing {
      try Explanation.explain(id: ticketID, configurationPath: common.config)
    }
    print(terminalSafe(explanations.map(\.text).joined(separator: "\n\n")))
  }
}

/// Text from tickets shown on a terminal: control characters (an escape sequence in a ticket id
/// or narrative) are written as `\u{…}` instead of being obeyed; line breaks and tabs stay.
func terminalSafe(_ text: String) -> String {
  var out = ""
  out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
  for scalar in text.unicodeScalars {
    let value = scalar.value
    let isControl =
      (value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F..<0xA0).contains(value)
    if isControl {
      out += "\\u{\(String(value, radix: 16))}"
    } else {
      out.unicodeScalars.append(scalar)
    }
  }
  return out
}
