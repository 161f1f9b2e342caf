import Logging
import PlaintEngine

extension RunOutcome {
  /// Says which newer periods `--period last` passed over, and why, in one warning line that
  /// `--quiet` does not hide: a job reporting an older period than the calendar's last must say
  /// so wherever its output goes.
  func logSkipped(_ logger: Logger) {
    guard let skipped else { return }
    var loud = logger
    loud.logLevel = min(loud.logLevel, .warning)
    loud.warning("\(skipped)")
  }
}
