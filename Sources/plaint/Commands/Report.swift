import ArgumentParser
import Foundation
import PlaintEngine

struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Write the period's report from the store without reading exports, or from reduced partials (--from-partials)."
  )

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

  @Option(
    help:
      "A folder of reduced partial files (plaint reduce output), or of summary and selected ticket lines (plaint summarize, plaint select), in it or in its folders."
  )
  var fromPartials: String?

  @Option(
    help:
      "With --from-partials: write what the report reads closer (JSON, for plaint select) to this file and stop."
  )
  var plan: String?

  @Option(
    help:
      "Use this store instead of the config's `store`; a relative path is from the current directory."
  )
  var store: String?

  @Option(
    help:
      "Write reports under this directory instead of the config's `reports.dir`; a relative path is from the current directory."
  )
  var reportsDir: String?

  @Flag(help: "Exit 3 when the reported period has anomalies.")
  var failOnAnomaly = false

  @Flag(
    help:
      "Hash every export again, also those the store recorded and that look unchanged (same size, times and inode); for file systems whose times or inodes cannot be trusted."
  )
  var rehash = false

  func run() throws {
    let logger = LogSetup.bootstrap(format: common.logFormat, quiet: common.quiet)
    var options = RunOptions(
      period: period, store: store, reportsDir: reportsDir, now: Date(), allowsEmpty: allowEmpty)
    options.rehash = rehash
    if plan != nil && fromPartials == nil {
      printError("--plan: give --from-partials too (the plan is for plaint select over partials)")
      throw ExitCode(ExitStatus.usage.rawValue)
    }
    let finished = try failing {
      if let fromPartials {
        return try ScaleOut.report(
          configurationPath: common.config, partials: fromPartials, options: options,
          logger: logger, plan: plan)
      }
      return try Pipeline(configurationPath: common.config, logger: logger).reportFromStore(options)
    }
    guard let outcome = finished else { return }
    outcome.logSkipped(logger)
    print(outcome.summary)
    if failOnAnomaly && outcome.anomalies > 0 { throw ExitCode(ExitStatus.anomalies.rawValue) }
  }
}
