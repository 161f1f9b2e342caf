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
