/// Process exit statuses, after sysexits(3); docs/cli.md gives their meaning.
public enum ExitStatus: Int32, Sendable, CaseIterable {
  case success = 0
  case anomalies = 3
  case usage = 64
  case dataError = 65
  case noInput = 66
  case software = 70
  case cannotCreate = 73
  case locked = 75
  case config = 78
}

/// A failure the user can act on: one line that names the file, line or key at fault, and the
/// exit status it maps to.
public struct PlaintError: Error, CustomStringConvertible, Sendable {
  public var status: ExitStatus
  public var message: String

  public init(_ status: ExitStatus, _ message: String) {
    self.status = status
    self.message = message
  }

  public var description: String { message }
}

/// A configuration problem at a file, line and key path.
public struct ConfigError: Error, CustomStringConvertible, Sendable, Equatable {
  public var file: String
  public var line: Int?
  /// The key path, e.g. `control.sigma` or `sources.0.columns.id`.
  public var key: String?
  public var message: String

  public var description: String {
    var place = file
    if let line { place += ":\(line)" }
    if let key { return "\(place): `\(key)`: \(message)" }
    return "\(place): \(message)"
  }
}

extension ConfigError {
  var asPlaintError: PlaintError { PlaintError(.config, description) }
}
