import ArgumentParser
import PlaintEngine

struct Chart: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print a control chart of period,count,units rows.",
    discussion: """
      The input has a header row and one row per period: period (a label), count (complaints \
      or defectives), units (the exposure: sales units for a u chart, the sample size for a p \
      chart, 1 for a plain count chart; empty = missing, 0 = no exposure, both left off the \
      estimate and never a signal). Limits are estimated from every row (phase I) unless \
      --baseline picks rows; the rows outside it are judged as phase II. Excluded rows stay on \
      the chart and are judged. A point's status is in_control, anomaly (an upward signal), \
      improvement (below the LCL), no_exposure or missing.
      """)

  @Option(help: "The period,count,units CSV file.")
  var input: String

  @Option(help: "How to set the limits: \(ChartOptions.methodNames.joined(separator: ", ")).")
  var method = "auto"

  @Option(help: "k: the limits lie k standard deviations from the centre.")
  var sigma = "3"

  @Option(help: "FIRST-LAST: 1-based rows to estimate the limits from (default: all rows).")
  var baseline: String?

  @Option(help: "Comma-separated 1-based rows to leave out of the estimate, e.g. 15,23.")
  var exclude: String?

  @Option(help: "Output: json, md (a table and the method) or svg.")
  var format = "json"

  func run() throws {
    let output = try failing {
      let options = try ChartOptions(
        method: method, sigma: sigma, baseline: baseline, exclude: exclude)
      let format = try ToolFormat(parsing: format)
      return try ChartTool.chart(inputPath: input, options: options).render(format)
    }
    print(output, terminator: "")
  }
}
