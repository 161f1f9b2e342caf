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
  writeToStandardError("plaint: error: \(message)\n")
}

/// Writes to stderr with `write(2)`, ignoring failure: a full or closed log must not turn the
/// run's own exit status into a crash (`FileHandle.write` traps on an error).
func writeToStandardError(_ text: String) {
  var bytes = Array(text.utf8)
  var offset = 0
  while offset < bytes.count {
    let written = bytes.withUnsafeMutableBytes { buffer in
      write(2, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
    }
    guard written > 0 else { return }
    offset += written
  }
}
