import ArgumentParser
import Foundation
import PlaintEngine

/// Buffered stdout: partial lines go out in large writes.
final class LineWriter {
  private var buffer: [UInt8] = []

  init() { buffer.reserveCapacity(1 << 20) }

  func write(_ line: String) {
    buffer.append(contentsOf: line.utf8)
    buffer.append(0x0A)
    if buffer.count >= 1 << 20 { flush() }
  }

  func flush() {
    guard !buffer.isEmpty else { return }
    StandardOutput.write(buffer)
    buffer.removeAll(keepingCapacity: true)
  }
}

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

  func run() throws {
    _ = LogSetup.bootstrap(format: common.logFormat, quiet: common.quiet)
    let writer = LineWriter()
    defer { writer.flush() }
    let lines = standardInputLines().map(String.init)
    try failing {
      try ScaleOut.map(configurationPath: common.config, input: lines, output: writer.write)
    }
  }
}

struct Reduce: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Merge partial lines (stdin, or the files given): one line per ticket, the latest update kept, copies counted. Associative."
  )

  @Argument(help: "Partial files; standard input when none.")
  var files: [String] = []

  func run() throws {
    var inputs: [(name: String, lines: [Substring])] = []
    if files.isEmpty {
      inputs.append(("stdin", standardInputLines()))
    }
    for file in files {
      guard let data = FileManager.default.contents(atPath: file) else {
        printError("\(file): file not found")
        throw ExitCode(ExitStatus.noInput.rawValue)
      }
      inputs.append((file, ScaleOut.lines(of: data)))
    }
    let writer = LineWriter()
    defer { writer.flush() }
    try failing { try ScaleOut.reduce(inputs, output: writer.write) }
  }
}

struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Write the period's report from the store without reading exports, or from reduced partials (--from-partials)."
  )

  @OptionGroup var common: CommonOptions

  @Option(
    help:
      "YYYY-MM (or YYYY-Www): that period, judged only when the exports cover it whole; `last`: the last complete calendar period, which the exports must cover. Default: the latest period the exports cover whole."
  )
  var period: String?

  @Flag(
    help:
      "Write the report even when no export covers the period (stale exports); without it such a run exits 65."
  )
  var allowEmpty = false

  @Option(help: "A folder of reduced partial files (plaint reduce output).")
  var fromPartials: String?

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

  func run() throws {
    let logger = LogSetup.bootstrap(format: common.logFormat, quiet: common.quiet)
    let options = RunOptions(
      period: period, store: store, reportsDir: reportsDir, now: Date(), allowsEmpty: allowEmpty)
    let outcome = try failing {
      if let fromPartials {
        return try ScaleOut.report(
          configurationPath: common.config, partials: fromPartials, options: options,
          logger: logger)
      }
      return try Pipeline(configurationPath: common.config, logger: logger).reportFromStore(options)
    }
    print(outcome.summary)
    if failOnAnomaly && outcome.anomalies > 0 { throw ExitCode(ExitStatus.anomalies.rawValue) }
  }
}
