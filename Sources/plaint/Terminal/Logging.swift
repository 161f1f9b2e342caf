import ArgumentParser
import Foundation
import Logging

enum LogFormat: String, ExpressibleByArgument, CaseIterable {
  case text
  case json
}

/// Sets up swift-log once: text or JSON lines on stderr.
enum LogSetup {
  nonisolated(unsafe) private static var done = false

  static func bootstrap(format: LogFormat, quiet: Bool) -> Logger {
    if !done {
      done = true
      let level: Logger.Level = quiet ? .error : .info
      LoggingSystem.bootstrap { label in
        switch format {
        case .text:
          var handler = StreamLogHandler.standardError(label: label)
          handler.logLevel = level
          return handler
        case .json:
          return JSONLinesLogHandler(label: label, logLevel: level)
        }
      }
    }
    return Logger(label: "plaint")
  }
}

/// One JSON object per log line: time, level, message and metadata.
struct JSONLinesLogHandler: LogHandler {
  let label: String
  var logLevel: Logger.Level
  var metadata: Logger.Metadata = [:]

  init(label: String, logLevel: Logger.Level) {
    self.label = label
    self.logLevel = logLevel
  }

  subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  func log(
    level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String,
    file: String, function: String, line: UInt
  ) {
    var object: [String: String] = [
      "time": ISO8601DateFormatter().string(from: Date()), "level": level.rawValue,
      "message": message.description, "label": label,
    ]
    for (key, value) in self.metadata.merging(metadata ?? [:], uniquingKeysWith: { $1 }) {
      object[key] = value.description
    }
    guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    else { return }
    writeToStandardError(String(decoding: data, as: UTF8.self) + "\n")
  }
}
