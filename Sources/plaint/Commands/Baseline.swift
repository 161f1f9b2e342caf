import ArgumentParser
import Foundation
import PlaintEngine

struct Baseline: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Freeze each series' control limits on its history, show them, or go back to rolling.",
    subcommands: [Freeze.self, Show.self, Clear.self])

  struct Freeze: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Estimate every cell's and roll-up's baseline from the in-control periods up to --through and keep it for later runs."
    )

    @OptionGroup var common: CommonOptions

    @Option(help: "The last period the baseline may use (YYYY-MM, or YYYY-Www for weekly configs).")
    var through: String

    @Option(
      help:
        "Use this store instead of the config's `store`; a relative path is from the current directory."
    )
    var store: String?

    func run() throws {
      let outcome = try failing {
        try BaselineFreezing.freeze(
          configurationPath: common.config, through: through, store: store, now: Date())
      }
      print(
        "froze \(outcome.frozen.count) baselines through \(through); \(outcome.skipped.count) series stay on the rolling baseline (too little history)"
      )
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the frozen baselines.")

    @OptionGroup var common: CommonOptions

    @Option(
      help:
        "Use this store instead of the config's `store`; a relative path is from the current directory."
    )
    var store: String?

    func run() throws {
      print(
        try failing { try BaselineFreezing.show(configurationPath: common.config, store: store) })
    }
  }

  struct Clear: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Remove the frozen baselines: every series goes back to the rolling baseline.")

    @OptionGroup var common: CommonOptions

    @Option(
      help:
        "Use this store instead of the config's `store`; a relative path is from the current directory."
    )
    var store: String?

    func run() throws {
      let count = try failing {
        try BaselineFreezing.clear(configurationPath: common.config, store: store, now: Date())
      }
      print("removed \(count) frozen baselines")
    }
  }
}
