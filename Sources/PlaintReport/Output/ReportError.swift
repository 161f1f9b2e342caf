/// Why a report could not be rendered or written; each message is one line naming the path.
public enum ReportError: Error, Equatable, CustomStringConvertible {
  /// A renderer could not produce `file`.
  case render(file: String, reason: String)
  /// The reports directory (or its temporary sibling) could not be created.
  case createDirectory(path: String, reason: String)
  /// A file could not be written or flushed to disk.
  case writeFile(path: String, reason: String)
  /// The finished report could not be moved into place.
  case replace(path: String, reason: String)
  /// A period or extra file name that is not a plain file name.
  case invalidName(String)
  /// The scratch file that holds the rows of a long table (one per customer) could not be made,
  /// written or read back in `folder`.
  case scratch(folder: String, reason: String)

  public var description: String {
    switch self {
    case .render(let file, let reason):
      "cannot render \(file): \(Self.oneLine(reason))"
    case .createDirectory(let path, let reason):
      "cannot create directory \(path): \(Self.oneLine(reason)); check that it is writable"
    case .writeFile(let path, let reason):
      "cannot write \(path): \(Self.oneLine(reason))"
    case .replace(let path, let reason):
      "cannot move the new report into place at \(path): \(Self.oneLine(reason))"
    case .invalidName(let name):
      "cannot write a report file named \(Self.oneLine(name)): not a plain file name"
    case .scratch(let folder, let reason):
      "cannot use a scratch file in \(folder) for the rows of the customer tables: "
        + "\(Self.oneLine(reason)); set TMPDIR to a folder with room"
    }
  }

  private static func oneLine(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).joined(separator: " ")
  }
}
