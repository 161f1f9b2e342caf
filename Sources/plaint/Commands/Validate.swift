import ArgumentParser
import PlaintEngine

struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Dry run: check the config and read every input as `run` would; print the row accounting, write nothing."
  )

  @OptionGroup var common: CommonOptions

  @Option(help: "text or json ({\"inputs\": [...], \"problems\": [...]}; see docs/cli.md).")
  var format: ListingFormat = .text

  @Option(
    help:
      "Compare against this store instead of the config's `store` (read, never written; a relative path is from the current directory)."
  )
  var store: String?

  func run() throws {
    let logger = LogSetup.bootstrap(format: common.logFormat, quiet: common.quiet)
    let validation = Validation.check(
      configurationPath: common.config, store: store, logger: logger)
    let listing = format == .json ? validation.json() : validation.text()
    if !listing.isEmpty { print(listing) }
    // Errors go to stderr, one line each, and (in text) not again on stdout.
    let errors = validation.problems.filter { $0.level == .error }
    guard !errors.isEmpty else { return }
    for error in errors {
      let place = error.path.map { error.message.contains($0) ? "" : "\($0): " } ?? ""
      printError(place + error.message)
    }
    throw ExitCode(validation.status.rawValue)
  }
}
