import PlaintCore

/// Reads a key-account list: customer ids, e-mail addresses, or `@domain` for every address of a
/// domain.
///
/// A CRM export rarely has a column called `key`, so the ids are read from the column the config
/// names (`column:`), else from a column called `key`, else from the first column, whatever its
/// header. A file whose first line already holds an entry (a digit or an `@` in its first cell) has
/// no header row.
public enum KeyAccountsLoader {
  public static func load(path: String, displayPath: String, column: String? = nil)
    throws(IngestError) -> KeyAccounts
  {
    let table = try SmallTable(path: path, displayPath: displayPath)
    var rows = table.rows
    let index: Int
    if let column {
      guard let found = table.header.firstIndex(of: ColumnPlan.normalized(column)) else {
        let names = table.headerRow.fields.map { "\"\($0)\"" }.joined(separator: ", ")
        throw IngestError.missingColumns(
          displayPath, ["\"\(column)\" (named by key_accounts.column); the header has \(names)"])
      }
      index = found
    } else if let found = table.header.firstIndex(of: "key") {
      index = found
    } else {
      index = 0
      let first = table.headerRow.fields.first ?? ""
      if first.contains("@") || first.contains(where: \.isNumber) {
        rows.insert(table.headerRow, at: 0)
      }
    }
    let name = column ?? (table.header.contains("key") ? "key" : nil)
    var entries: [(line: Int, value: String)] = []
    for row in rows {
      let value = index < row.fields.count ? row.fields[index] : ""
      entries.append((row.line, value))
    }
    do {
      return try accounts(entries.map { $0.value })
    } catch let problem {
      let line = entries[problem.index].line
      let headerless = rows.first?.line == table.headerRow.line
      let shown = name ?? (headerless ? "1" : table.headerRow.fields.first ?? "1")
      throw IngestError.badRow(displayPath, line: line, column: shown, problem.message)
    }
  }

  /// Key accounts from entries as written (ids, addresses, `@domain`).
  public static func accounts(_ entries: [String]) throws(EntryProblem) -> KeyAccounts {
    var ids: Set<String> = []
    var domains: Set<String> = []
    for (index, entry) in entries.enumerated() {
      if let problem = problem(entry) { throw EntryProblem(index: index, message: problem) }
      if entry.hasPrefix("@") {
        domains.insert(String(entry.dropFirst()))
      } else {
        ids.insert(entry)
      }
    }
    return KeyAccounts(customerIDs: ids, domains: domains)
  }

  /// What is wrong with one entry, or nil.
  public static func problem(_ entry: String) -> String? {
    if entry.isEmpty { return "empty key" }
    if entry.hasPrefix("@") {
      let domain = entry.dropFirst()
      if domain.isEmpty || domain.contains("@") || !domain.contains(".") {
        return "\"\(entry)\" is not an e-mail domain (write @example.com)"
      }
    }
    return nil
  }

  /// The entry at `index` is not usable.
  public struct EntryProblem: Error {
    public var index: Int
    public var message: String
  }
}
