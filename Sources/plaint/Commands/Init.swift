import ArgumentParser
import PlaintEngine

struct Init: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Write a commented starter plaint.yml and taxonomy.yml (phrases in eight languages); never overwrites.",
    discussion: """
      With --from EXPORT, plaint.yml reads that export: the built-in profile its header matches, \
      or columns mapped by their header names (in English, German, French, Spanish, Polish, \
      Turkish, Greek or Chinese), its encoding, delimiter and date pattern; taxonomy.yml proposes \
      product lines from its most frequent products. It prints each guess and how sure it is.
      """
  )

  @Option(
    help: ArgumentHelp(
      "An export (CSV, TSV or .gz) to fit the starter configuration to.", valueName: "export"))
  var from: String?

  @Argument(help: "The folder to write into; created when missing.")
  var directory = "."

  func run() throws {
    let folder = directory == "." ? "" : directory + "/"
    guard let export = from else {
      let written = try failing { try Starter.write(into: directory) }
      for path in written { print("wrote \(path)") }
      let config = folder.isEmpty ? "" : " --config \(folder)plaint.yml"
      print("next: put your exports into \(folder)exports/, then run plaint validate\(config)")
      return
    }
    let fitted = try failing { try Starter.write(into: directory, from: export) }
    for line in fitted.summary { print(line) }
    for path in fitted.written { print("wrote \(path)") }
    print("next: plaint validate --config \(folder)plaint.yml")
  }
}
