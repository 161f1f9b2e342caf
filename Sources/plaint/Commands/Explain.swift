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
    print(explanations.map(\.text).joined(separator: "\n\n"))
  }
}
