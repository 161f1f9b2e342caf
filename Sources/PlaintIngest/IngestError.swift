/// A problem with an input file as a whole, described in one line that names the file.
public enum IngestError: Error, Equatable, CustomStringConvertible {
  case fileMissing(String)
  case unreadable(String, String)
  case notText(String)
  case empty(String)
  /// The file, and each missing need as `field: "Header"` (alternatives joined with "or").
  case missingColumns(String, [String])
  /// `profile: auto` and no built-in profile fits: the file, its header row, and the profile
  /// that came nearest with what it missed.
  case noProfileMatches(String, header: [String], nearest: ProfileMiss?)
  case unknownProfile(String)
  case badMapping(String, String)
  /// A bad row in a small table (sales, key accounts): file, line, column, problem.
  case badRow(String, line: Int, column: String, String)
  /// Not a regular file (a FIFO, device, socket): file, what it is.
  case notRegularFile(String, String)
  /// The data contradicts a setting, such as the date pattern: file, what and what to do.
  case contradicted(String, String)
  /// The code the rows were handed to (the store, say) failed while the file was read: its
  /// error, which says itself what went wrong.
  case consumer(ConsumerFailure)
  /// The reader failed in a way that says nothing about the file (a bug): file, what failed.
  case `internal`(String, String)
  /// A `slices:` entry names a column the export does not have: file, slice, column.
  case unknownSliceColumn(String, slice: String, column: String)

  public var description: String {
    switch self {
    case .fileMissing(let path):
      "\(path): file not found"
    case .unreadable(let path, let reason):
      "\(path): cannot read: \(reason)"
    case .notText(let path):
      "\(path): not a text file (binary bytes near the start); export it as CSV"
    case .empty(let path):
      "\(path): the file is empty"
    case .missingColumns(let path, let wanted):
      "\(path): no header row has the columns the mapping needs; missing "
        + wanted.joined(separator: "; ")
    case .noProfileMatches(let path, let header, let nearest):
      Self.noProfile(path, header, nearest)
    case .unknownProfile(let name):
      "unknown profile \"\(name)\"; built-in: "
        + (ExportProfile.builtIn.map(\.name) + ["generic", "auto"]).joined(separator: ", ")
    case .badMapping(let path, let problem):
      "\(path): \(problem)"
    case .badRow(let path, let line, let column, let problem):
      "\(path):\(line): column `\(column)`: \(problem)"
    case .notRegularFile(let path, let kind):
      "\(path): is \(kind), not a regular file; plaint reads only regular files (or .gz files)"
    case .contradicted(let path, let problem):
      "\(path): \(problem)"
    case .consumer(let failure):
      failure.description
    case .internal(let path, let problem):
      "\(path): internal error while reading: \(problem)"
    case .unknownSliceColumn(let path, let slice, let column):
      "\(path): `slices.\(slice)` names column \(column), which this export does not have; "
        + "name one of its columns, @system or @file"
    }
  }

  private static func noProfile(
    _ path: String, _ header: [String], _ nearest: ProfileMiss?
  ) -> String {
    // At most about 80 characters of the file, escaped: a link to a file outside the project
    // must not put that file on stderr.
    var shown = ""
    for name in header {
      let piece = String(excerpt(name, limit: 30).dropFirst().dropLast())
      if !shown.isEmpty && shown.count + piece.count > 80 {
        shown += ", …"
        break
      }
      shown += (shown.isEmpty ? "" : ", ") + piece
    }
    var message =
      "no built-in profile matches \(path) (header: \(shown)); use `profile: generic` with `columns:` naming its id, created and text columns (`plaint init --from FILE` writes them)"
    if let nearest {
      message +=
        "; nearest profile: \(nearest.profile) (missing " + nearest.missing.joined(separator: "; ")
        + ")"
    }
    return message
  }
}

/// A built-in profile that did not fit a header, and the columns it missed.
public struct ProfileMiss: Equatable, Sendable {
  public var profile: String
  public var missing: [String]
}

/// An error thrown by the code a reader hands its rows to, carried out of the reader unchanged.
public struct ConsumerFailure: Error, Equatable, CustomStringConvertible {
  public var error: any Error

  public var description: String { String(describing: error) }

  /// Errors are not all `Equatable`: two failures are the same when they read the same.
  public static func == (a: ConsumerFailure, b: ConsumerFailure) -> Bool {
    a.description == b.description
  }

  /// Runs one call of a consumer's callback, marking what it throws as the consumer's.
  static func marking(_ call: () throws -> Void) throws {
    do {
      try call()
    } catch let error as ConsumerFailure {
      throw error
    } catch {
      throw ConsumerFailure(error: error)
    }
  }
}

extension IngestError {
  /// `error`, thrown while reading `path`, as the one error type the module's entry points
  /// throw: an `IngestError` as it is, a consumer's as `.consumer`, the CSV parser's as a file
  /// that cannot be read; anything else is a bug (`.internal`).
  static func converting(_ error: any Error, path: String) -> IngestError {
    switch error {
    case let error as IngestError: error
    case let error as ConsumerFailure: .consumer(error)
    case let error as CSVError: .unreadable(path, error.message)
    default: .internal(path, String(describing: error))
    }
  }
}
