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

  /// An error from reading `file`, or from what its rows were handed to. Bad data is 65; an
  /// error no module explains is a bug (70), never bad data.
  static func ingest(_ error: any Error, file: String) -> PlaintError {
    switch error {
    case let error as PlaintError:
      return error
    case let error as StoreError:
      return PlaintError(error.exitStatus, error.description)
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
