import ArgumentParser
import Foundation
import PlaintEngine

/// Partial lines to standard output, in large writes.
func standardOutputWriter() -> PartialWriter { PartialWriter(StandardOutput.write) }

/// Lines of standard input, without their line ends.
func standardInputLines() -> [Substring] {
  ScaleOut.lines(of: FileHandle.standardInput.readDataToEndOfFile())
}

struct Shard: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Print the map tasks of a configuration, one JSON line per input file or byte range (docs/scale-out.md)."
  )

  @OptionGroup var common: CommonOptions

  @Option(
    help:
      "Split uncompressed UTF-8 and windows-1252 files larger than this many bytes into ranges cut at record starts."
  )
  var rangeSize = ScaleOut.defaultRangeSize

  func run() throws {
    guard rangeSize > 0 else {
      printError("--range-size \(rangeSize): give a positive number of bytes, e.g. 67108864")
      throw ExitCode(ExitStatus.usage.rawValue)
    }
    let tasks = try failing {
      try ScaleOut.shard(configurationPath: common.config, rangeSize: rangeSize)
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    for task in tasks {
      print(String(decoding: try encoder.encode(task), as: UTF8.self))
    }
  }
}

struct Map: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Read task lines on stdin, write tab-separated partial lines on stdout: one per ticket, reject and file."
  )

  @OptionGroup var common: CommonOptions

  @Option(
    help:
      "The period the report will be of: tickets of other periods carry no text (a mark says it was left out), as only this period's texts are read. Every later step must then be given this period."
  )
  var period: String?

  func run() throws {
    _ = LogSetup.bootstrap(format: common.logFormat, quiet: common.quiet)
    let writer = standardOutputWriter()
    defer { writer.flush() }
    let lines = standardInputLines().map(String.init)
    try failing {
      try ScaleOut.map(
        configurationPath: common.config, period: period, input: lines, output: writer)
    }
  }
}

struct Reduce: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Merge partial lines sorted by key (stdin, or the files given, each sorted): one line per ticket, the latest update kept, copies counted. Streams; associative."
  )

  @Argument(help: "Partial files, each sorted by key (LC_ALL=C sort); standard input when none.")
  var files: [String] = []

  func run() throws {
    let writer = standardOutputWriter()
    defer { writer.flush() }
    try failing {
      let inputs =
        files.isEmpty ? [PartialInput.standardInput()] : try files.map(PartialInput.file)
      try ScaleOut.reduce(inputs, output: writer)
    }
  }
}

struct Summarize: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Read partial lines sorted by key on stdin (map's or reduced), write summary lines: the report's counts of every period, to sort and merge with plaint reduce."
  )

  @OptionGroup var common: CommonOptions

  @Option(
    help:
      "Every file's accounting (A) lines, when stdin holds only some of them (a partition): files identical to an earlier one are left out, as run leaves them out."
  )
  var accounting: String?

  @Option(
    help:
      "The period the report will be of: what only its period needs (resolution times, unclassified words) is counted for it alone, the rest up to it. Default: every period."
  )
  var period: String?

  @Option(
    help:
      "The tasks plaint shard printed, in place of --accounting: files identical to an earlier one (same sha256) are left out."
  )
  var tasks: String?

  @Flag(
    help:
      "With --period: also write the ticket lines its report may show whole (the period's complaints, canaries, the window's complaints open past the SLA), so no plan and no select are needed."
  )
  var windowTickets = false

  func run() throws {
    _ = LogSetup.bootstrap(format: common.logFormat, quiet: common.quiet)
    let writer = standardOutputWriter()
    defer { writer.flush() }
    try failing {
      try ScaleOut.summarize(
        configurationPath: common.config, period: period,
        accounting: try accounting.map(PartialInput.file), tasks: tasks,
        windowTickets: windowTickets, input: PartialInput.standardInput(), output: writer)
    }
  }
}

struct Select: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Read partial lines sorted by key on stdin (map's or reduced), write the ticket lines a report keeps whole (its --plan): canaries, listed cells, open past the SLA."
  )

  @OptionGroup var common: CommonOptions

  @Option(help: "The plan plaint report --from-partials --plan wrote.")
  var plan: String

  @Option(help: "Every file's accounting (A) lines, when stdin holds only some of them.")
  var accounting: String?

  @Option(help: "The tasks plaint shard printed, in place of --accounting.")
  var tasks: String?

  func run() throws {
    _ = LogSetup.bootstrap(format: common.logFormat, quiet: common.quiet)
    guard let data = FileManager.default.contents(atPath: plan) else {
      printError("\(plan): file not found")
      throw ExitCode(ExitStatus.noInput.rawValue)
    }
    let writer = standardOutputWriter()
    defer { writer.flush() }
    try failing {
      try ScaleOut.select(
        configurationPath: common.config, plan: data,
        accounting: try accounting.map(PartialInput.file), tasks: tasks,
        input: PartialInput.standardInput(), output: writer)
    }
  }
}
