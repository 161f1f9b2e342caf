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

    @Option(help: "The first month the tickets fall in (YYYY-MM).")
    var from: String = "2023-11"

    @Option(help: "How many months the tickets span.")
    var months: Int = 36

    @Option(
      help:
        "The first ticket's id; the others follow it (another month's export needs ids of its own)."
    )
    var firstID: Int = 1_000_000

    @OptionGroup var seed: SeedOption

    /// `--from` as year and month, nil when it is not YYYY-MM.
    private var firstMonth: (year: Int, month: Int)? {
      let parts = from.split(separator: "-")
      guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
        let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month)
      else { return nil }
      return (year, month)
    }

    func validate() throws {
      guard rows >= 0 else { throw ValidationError("--rows must be 0 or more") }
      guard firstMonth != nil else {
        throw ValidationError("--from must be a month as YYYY-MM, got \"\(from)\"")
      }
      guard months >= 1 else { throw ValidationError("--months must be 1 or more") }
      guard firstID >= 0 else { throw ValidationError("--first-id must be 0 or more") }
      guard BenchmarkExport.Profile(rawValue: profile) != nil else {
        throw ValidationError("--profile must be zendesk or legacy, got \"\(profile)\"")
      }
    }

    func run() throws {
      let shape = BenchmarkExport.Profile(rawValue: profile) ?? .zendesk
      var export = BenchmarkExport(rows: rows, profile: shape, seed: seed.seed)
      export.firstMonth = firstMonth ?? export.firstMonth
      export.months = months
      export.firstID = firstID
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
