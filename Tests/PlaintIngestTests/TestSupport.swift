import Foundation
import PlaintCore
import PlaintIngest

/// Everything one read of a file produced.
struct ReadResult {
  var tickets: [Ticket] = []
  var rejects: [Reject] = []
  var accounting = FileAccounting()
}

enum Fixture {
  /// Absolute path of a file in `Fixtures/`.
  static func path(_ name: String) -> String {
    Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures")?.path
      ?? "missing fixture \(name)"
  }

  /// Settings for a fixture file, shown as `Fixtures/<name>` in messages.
  static func settings(
    _ name: String, profile: String, _ configure: (inout SourceSettings) -> Void = { _ in }
  ) -> SourceSettings {
    var settings = SourceSettings(
      path: path(name), displayPath: "Fixtures/\(name)", profile: profile)
    configure(&settings)
    return settings
  }

  static func read(
    _ name: String, profile: String, _ configure: (inout SourceSettings) -> Void = { _ in }
  ) throws -> ReadResult {
    try read(settings(name, profile: profile, configure))
  }

  static func read(_ settings: SourceSettings) throws -> ReadResult {
    var result = ReadResult()
    result.accounting = try ExportReader(settings: settings).read(
      onTicket: { result.tickets.append($0) }, onReject: { result.rejects.append($0) })
    return result
  }
}

/// The repository's `../shared` folder when it exists (real exports for tests), else nil.
let sharedFolder: URL? = {
  var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
  while url.path != "/" {
    url.deleteLastPathComponent()
    if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
      let shared = url.deletingLastPathComponent().appendingPathComponent("shared")
      return FileManager.default.fileExists(atPath: shared.path) ? shared : nil
    }
  }
  return nil
}()

/// A date from its UTC parts.
func utc(
  _ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0
)
  -> Date
{
  var calendar = Calendar(identifier: .gregorian)
  calendar.timeZone = .gmt
  return calendar.date(
    from: DateComponents(
      year: year, month: month, day: day, hour: hour, minute: minute, second: second))
    ?? .distantPast
}
