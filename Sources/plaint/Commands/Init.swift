import ArgumentParser
import PlaintEngine

struct Init: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Write a commented starter plaint.yml and taxonomy.yml (phrases in eight languages); never overwrites."
  )

  @Argument(help: "The folder to write into; created when missing.")
  var directory = "."

  func run() throws {
    let written = try failing { try Starter.write(into: directory) }
    for path in written { print("wrote \(path)") }
    print(
      "next: put your exports into \(directory == "." ? "" : directory + "/")exports/, then run plaint validate"
    )
  }
}
