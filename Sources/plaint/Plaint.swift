import ArgumentParser
import PlaintEngine

@main
struct Plaint: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plaint",
    abstract:
      "Complaint analytics: a grid of complaint rates under control limits, Pareto and anomaly reports.",
    discussion: """
      Exit codes: 0 success · 3 anomalies with --fail-on-anomaly · 64 usage · 65 input data \
      unusable · 66 input missing · 70 internal error · 73 cannot write output · 75 another run \
      holds the lock · 78 configuration error.
      """,
    version: PlaintVersion.current,
    subcommands: [
      Run.self, Validate.self, Chart.self, ParetoCommand.self, Explain.self, Profiles.self,
      Init.self, Baseline.self, Report.self, Shard.self, Map.self, Reduce.self, Summarize.self,
      Select.self,
      TaxonomyCommand.self,
    ])

  /// As ArgumentParser's, but a usage error is one line on stderr (docs/cli.md), not the usage text.
  static func main() {
    var command: any ParsableCommand
    do {
      command = try parseAsRoot()
    } catch {
      guard exitCode(for: error) != .success else { exit(withError: error) }
      let message = message(for: error).split(whereSeparator: \.isNewline)
        .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        .joined(separator: " ")
      printError("\(message) (see plaint --help)")
      exit(withError: ExitCode(ExitStatus.usage.rawValue))
    }
    do {
      try command.run()
    } catch {
      StandardOutput.finish()
      exit(withError: error)
    }
    StandardOutput.finish()
  }
}

/// Options every command that reads a configuration shares.
struct CommonOptions: ParsableArguments {
  @Option(name: .shortAndLong, help: "The configuration file.")
  var config = "plaint.yml"

  @Option(help: "Log format on stderr: text or json.")
  var logFormat: LogFormat = .text

  @Flag(name: .shortAndLong, help: "Only errors on stderr.")
  var quiet = false
}
