import PlaintIngest
import PlaintStore

/// Maps errors from the modules below to the one-line, exit-coded failures of docs/cli.md.
///
/// Inside the engine, code throws whatever the module it calls throws (a `StoreError` from the
/// store, a `PlaintError` of its own); each public entry point converts once, with `converting`.
enum Failure {
  /// Runs an entry point's `body`, giving its errors as `PlaintError`s.
  static func converting<T>(_ body: () throws -> T) throws(PlaintError) -> T {
    do {
      return try body()
    } catch {
      throw plaint(error)
    }
  }

  /// `error` as the failure the user sees: a store failure by its kind; an error no module
  /// explains is a bug (70).
  static func plaint(_ error: any Error) -> PlaintError {
    switch error {
    case let error as PlaintError:
      error
    case let error as StoreError:
      PlaintError(error.exitStatus, error.description)
    default:
      PlaintError(.software, "internal error: \(error)")
    }
  }

  /// An error from reading `file`, or from what its rows were handed to. Bad data is 65; an
  /// error no module explains is a bug (70), never bad data.
  static func ingest(_ error: any Error, file: String) -> PlaintError {
    switch error {
    case is PlaintError, is StoreError:
      return plaint(error)
    case IngestError.consumer(let failure):
      return ingest(failure.error, file: file)
    case let error as IngestError:
      return PlaintError(error.exitStatus, error.description)
    default:
      return PlaintError(.software, "\(file): internal error: \(error)")
    }
  }
}

extension IngestError {
  var exitStatus: ExitStatus {
    switch self {
    case .fileMissing: .noInput
    case .internal: .software
    case .unknownSliceColumn: .config
    default: .dataError
    }
  }
}

extension StoreError {
  var exitStatus: ExitStatus {
    switch kind {
    case .damaged: .dataError
    case .foreign, .newer: .config
    case .cannotWrite: .cannotCreate
    case .other: .software
    }
  }
}
