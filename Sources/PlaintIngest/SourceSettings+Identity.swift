import Foundation

extension SourceSettings {
  /// Everything that decides what a file's rows become, as one canonical line: with the file's
  /// checksum, it is what "already ingested" means. A file whose settings changed (a column
  /// mapped anew, another date format, encoding or `where`) is read again.
  ///
  /// The path is not part of it: the same bytes under another name are the same export. A
  /// setting added to `SourceSettings` that changes how rows are read belongs here too.
  public var identity: String {
    func list(_ values: [String]) -> String {
      "[" + values.map(quoted).joined(separator: ",") + "]"
    }
    let columns = self.columns.sorted { $0.key.rawValue < $1.key.rawValue }.map { field, refs in
      "\(field.rawValue)=" + list(refs.map(Self.describe))
    }
    let filters = self.filters.sorted { $0.key < $1.key }.map { column, values in
      quoted(column) + "=" + list(values)
    }
    // Slices join the identity only when set: stores written before slices existed keep theirs.
    let slices =
      self.slices.isEmpty
      ? []
      : [
        "slices={"
          + self.slices.map { quoted($0.name) + "=" + Self.describe($0.column) }
          .joined(separator: ",") + "}"
      ]
    return
      ([
        "profile=\(quoted(profile))", "system=\(quoted(system ?? ""))",
        "encoding=\(encoding.rawValue)", "delimiter=\(delimiter.map { String($0) } ?? "auto")",
        "header=\(header)", "date_format=\(list(dateFormats))",
        "columns={\(columns.joined(separator: ","))}", "where={\(filters.joined(separator: ","))}",
        "timezone=\(timeZone.identifier)",
      ] + slices).joined(separator: " ")
  }

  /// The column slices whose entry the identity `stored` (the settings a file was read with)
  /// lacks: slices added, or moved to another column, after the file was read. The store holds
  /// no value of them for that file's tickets.
  public func slicesMissing(from stored: String) -> [SliceColumn] {
    slices.filter { !stored.contains(quoted($0.name) + "=" + Self.describe($0.column)) }
  }

  private static func describe(_ ref: ColumnRef) -> String {
    switch ref {
    case .header(let name): "h:" + name
    case .number(let number): "n:\(number)"
    }
  }
}

/// A string in double quotes with `"` and `\` escaped, so that lists cannot run together.
private func quoted(_ text: String) -> String {
  "\""
    + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    + "\""
}
