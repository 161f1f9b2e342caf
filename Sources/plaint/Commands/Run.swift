import ArgumentParser
import Foundation
import PlaintEngine

struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Ingest new exports, judge every cell against its sales, write the period's report.")

  @OptionGroup var common: CommonOptions

  @Option(
    help:
      "YYYY-MM (or YYYY-Www): that period, judged only when the exports cover it whole; `last`: the last complete calendar period, which the exports must cover (when it is still filling in, the newest whole period before it, named on stderr). Default: the latest period the exports cover whole."
  )
  var period: String?

  @Flag(
    help:
      "Write the report even when no export covers the period (stale exports); without it such a run exits 65."
  )
  var allowEmpty = false

  @Flag(help: "Exit 3 when the reported period has anomalies.")
  var failOnAnomaly = false

  @Option(
    help:
      "Use this store instead of the config's `store` (\":memory:\" for a stateless run; a relative path is from the current directory)."
  )
  var store: String?

  @Option(
    help:
      "Write reports under this directory instead of the config's `reports.dir`; a relative path is from the current directory."
  )
  var reportsDir: String?

  @Flag(
    help:
      "Move a damaged store aside (kept as <store>.before-rebuild-<time>) and rebuild it from the exports; frozen baselines and earlier runs' anomaly history are not carried over."
  )
  var rebuild = false

  @Flag(
    help:
      "Hash every export again, also those the store recorded and that look unchanged (same size, times and inode); for file systems whose times or inodes cannot be trusted."
  )
  var rehash = false

  func run() throws {
    let logger = LogSetup.bootstrap(format: common.logFormat, quiet: common.quiet)
    var options = RunOptions(
      period: period, store: store, reportsDir: reportsDir, now: Date(),
      showsProgress: !common.quiet, allowsEmpty: allowEmpty)
    options.rebuild = rebuild
    options.rehash = rehash
    let outcome = try failing {
      try Pipeline(configurationPath: common.config, logger: logger).run(options)
    }
    outcome.logSkipped(logger)
    print(outcome.summary)
    if failOnAnomaly && outcome.anomalies > 0 {
      throw ExitCode(ExitStatus.anomalies.rawValue)
    }
  }
}
