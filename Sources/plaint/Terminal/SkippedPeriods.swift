import Logging
import PlaintEngine

extension RunOutcome {
  /// Says which newer periods `--period last` passed over, and why, in one warning line that
  /// `--quiet` does not hide: a job reporting an older period than the calendar's last must say
  /// so wherever its output goes.
  ///
  /// Days without a row inside a period judged as whole (`emptyStretches`) are said the same
  /// way: the counts of such a period may be too low, and only the user knows whether the desk
  /// was closed. So are the whole periods a job went past without reporting them
  /// (`unreported`), the gaps in the exports around the reported period (`gaps`), a period
  /// reported again while the newest is not covered whole yet (`again`), anomalies of the
  /// period an earlier run published that this run no longer finds, or new ones (`revised`),
  /// and the
  /// product lines whose cells are not judged because their exports do not cover the period
  /// whole (`linesNotCovered`).
  func logSkipped(_ logger: Logger) {
    var loud = logger
    loud.logLevel = min(loud.logLevel, .warning)
    if let skipped { loud.warning("\(skipped)") }
    if let unreported { loud.warning("\(unreported)") }
    if let gaps { loud.warning("\(gaps)") }
    if let again { loud.warning("\(again)") }
    if let revised { loud.warning("\(revised)") }
    if let linesNotCovered { loud.warning("\(linesNotCovered)") }
    for stretch in emptyStretches { loud.warning("\(stretch)") }
  }
}
