import ArgumentParser
import Foundation

/// Deterministic generator of Plaint's bundled demo dataset and of large benchmark exports.
@main
struct PlaintDatagen: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plaint-datagen",
    abstract: "Generate realistic help-desk exports: the same seed always gives the same bytes.",
    subcommands: [Demo.self, Export.self, Simulate.self])
}

struct SeedOption: ParsableArguments {
  @Option(help: "Seed of the random stream.")
  var seed: UInt64 = 42
}

extension PlaintDatagen {
  struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write the demo dataset: two exports, sales, key accounts, taxonomy, config.")

    @Option(help: "Directory to write into (created if missing).")
    var out: String = "datasets/demo"

    @OptionGroup var seed: SeedOption

    @Option(
      help: ArgumentHelp(
        "Also write the ground truth, one line per complaint, to this file.",
        discussion: "Columns: system,id,period,category,issue,product_line,tier."))
    var truth: String?

    func run() throws {
      var dataset = DemoDataset(seed: seed.seed)
      do {
        try dataset.write(to: out, truthPath: truth)
      } catch let error as OutputError {
        FileHandle.standardError.write(Data("plaint-datagen: \(error)\n".utf8))
        throw ExitCode(73)
      }
      let complaints = dataset.model.complaints.count
      print("demo dataset in \(out) (seed \(seed.seed)): \(complaints) complaints")
      for summary in dataset.summaries {
        let rows = summary.rows > 0 ? "\(summary.rows) rows, " : ""
        print("  \(summary.path): \(rows)\(summary.bytes) bytes (\(summary.note))")
      }
      for row in dataset.planted { print("  planted \(row.file):\(row.line): \(row.what)") }
    }
  }

  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write one large export with long multilingual narratives, for benchmarks.")

    @Option(help: "Number of tickets.")
    var rows: Int

    @Option(help: "The file to write.")
    var out: String

    @Option(help: "Export shape: zendesk (comma, help-desk columns) or legacy (semicolon, German).")
    var profile: String = "zendesk"

    @OptionGroup var seed: SeedOption

    func validate() throws {
      guard rows >= 0 else { throw ValidationError("--rows must be 0 or more") }
      guard BenchmarkExport.Profile(rawValue: profile) != nil else {
        throw ValidationError("--profile must be zendesk or legacy, got \"\(profile)\"")
      }
    }

    func run() throws {
      let shape = BenchmarkExport.Profile(rawValue: profile) ?? .zendesk
      let export = BenchmarkExport(rows: rows, profile: shape, seed: seed.seed)
      do {
        let bytes = try export.write(to: out)
        print("\(out): \(rows) tickets, \(bytes) bytes (\(profile), seed \(seed.seed))")
      } catch let error as OutputError {
        FileHandle.standardError.write(Data("plaint-datagen: \(error)\n".utf8))
        throw ExitCode(73)
      }
    }
  }
}
