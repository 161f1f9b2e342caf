import Foundation
import PlaintReport
import PlaintStore

/// `manifest.json`: when and how a report was made. The one report file that differs between
/// two runs on the same inputs, because it records the run's time, and the earlier runs it
/// revises.
struct Manifest: Encodable {
  var schema = "plaint.manifest/1"
  var runAt: String
  var version = PlaintVersion.current
  var config: String
  var configSha256: String
  var taxonomyHash: String
  /// Each input's row accounting, as the report lists it.
  var inputs: [ReportModel.Input]
  /// How the period's anomalies differ from those an earlier run published for it; absent when
  /// they do not (or no run reported the period).
  var revises: Revision? = nil

  init(runAt: Date, configuration: Configuration, taxonomyHash: String, inputs: [SourceAccounting])
    throws(PlaintError)
  {
    self.runAt = ISO8601DateFormatter().string(from: runAt)
    config = URL(fileURLWithPath: configuration.file).lastPathComponent
    configSha256 = try FileDigest.sha256(path: configuration.file)
    self.taxonomyHash = taxonomyHash
    self.inputs = inputs.map { ReportModel.Input(path: $0.path, sha256: $0.sha256, rows: $0.rows) }
  }

  func encoded() throws(PlaintError) -> Data {
    try PrettyJSON.encode(self, snakeCase: true) + Data("\n".utf8)
  }
}
