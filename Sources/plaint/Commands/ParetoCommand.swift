import ArgumentParser
import PlaintEngine

struct ParetoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pareto",
    abstract: "Print a Pareto table of key,count[,weight] rows with its vital few.",
    discussion: """
      Items are ranked by count (descending, then key); the vital few are the shortest prefix \
      whose cumulative share reaches the threshold, cut in integer arithmetic: the item that \
      crosses it is included, items tied with it are reported, zero items are never vital. \
      With a weight column (a plain number ≥ 0 with at most two decimals, such as a cost per \
      complaint) each item's value is count × weight, and the items are ranked and cut on \
      those values. JSON lists every item; md and svg show the top 15 and one "other" row \
      (md keeps every vital item).
      """)

  @Option(help: "The key,count[,weight] CSV file.")
  var input: String

  @Option(help: "The cumulative share the vital few reach, above 0 and at most 1.")
  var threshold = "0.8"

  @Option(help: "Output: json, md or svg.")
  var format = "json"

  func run() throws {
    let output = try failing {
      let options = try ParetoOptions(threshold: threshold)
      let format = try ToolFormat(parsing: format)
      return try ParetoTool.table(inputPath: input, options: options).render(format)
    }
    print(output, terminator: "")
  }
}
