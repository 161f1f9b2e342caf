import PlaintIngest
import PlaintStore

/// Maps errors from the modules below to the one-line, exit-coded failures of docs/cli.md.
enum Failure {
  static func store<T>(_ body: () throws(StoreError) -> T) throws(PlaintError) -> T {
    do {
      return try body()
    } catch {
      throw PlaintError(error.exitStatus, error.description)
    }
  }

  static func ingest(_ error: any Error, file: String) -> PlaintError {
    switch error {
    case let error as PlaintError:
      return error
    case let error as StoreError:
      return PlaintError(error.exitStatus, error.description)
    case let error as IngestError:
      return PlaintError(error.exitStatus, error.description)
    default:
      return PlaintError(.dataError, "\(file): \(error)")
    }
  }
}

extension IngestError {
  var exitStatus: ExitStatus {
    switch self {
    case .fileMissing: .noInput
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
