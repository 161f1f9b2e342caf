import ArgumentParser
import Foundation
import PlaintEngine

/// Runs a command body and turns a `PlaintError` into its one stderr line and exit status.
func failing<T>(_ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let error as PlaintError {
    printError(error.message)
    throw ExitCode(error.status.rawValue)
  } catch let error as ExitCode {
    throw error
  } catch {
    printError("internal error: \(error)")
    throw ExitCode(ExitStatus.software.rawValue)
  }
}

func printError(_ message: String) {
  FileHandle.standardError.write(Data("plaint: error: \(message)\n".utf8))
}
