import Foundation
import PlaintStore

/// `manifest.json`: when and how a report was made. The one report file that differs between
/// two runs on the same inputs, because it records the run's time.
struct Manifest: Encodable {
  var schema = "plaint.manifest/1"
  var runAt: String
  var version = PlaintVersion.current
  var config: String
  var configSha256: String
  var taxonomyHash: String
  var inputs: [Input]

  struct Input: Encodable {
    var path: String
    var sha256: String
    var rowsRead: Int
    var accepted: Int
    var rejected: Int
    var duplicates: Int
    var filtered: Int
    var replacedBytes: Int
  }

  init(runAt: Date, configuration: Configuration, taxonomyHash: String, inputs: [SourceAccounting])
    throws(PlaintError)
  {
    self.runAt = ISO8601DateFormatter().string(from: runAt)
    config = URL(fileURLWithPath: configuration.file).lastPathComponent
    configSha256 = try FileDigest.sha256(path: configuration.file)
    self.taxonomyHash = taxonomyHash
    self.inputs = inputs.map {
      Input(
        path: $0.path, sha256: $0.sha256, rowsRead: $0.rowsRead, accepted: $0.accepted,
        rejected: $0.rejected, duplicates: $0.duplicates, filtered: $0.filtered,
        replacedBytes: $0.replacedBytes)
    }
  }

  func encoded() throws(PlaintError) -> Data {
    try PrettyJSON.encode(self, snakeCase: true) + Data("\n".utf8)
  }
}
