import PlaintCore

/// Reads `key_accounts.csv`: `key[,name]`; a key starting with "@" is an e-mail domain.
public enum KeyAccountsLoader {
  public static func load(path: String, displayPath: String) throws -> KeyAccounts {
    let table = try SmallTable(path: path, displayPath: displayPath)
    let columns = try table.columns(required: ["key"], optional: ["name"])
    var ids: Set<String> = []
    var domains: Set<String> = []
    for row in table.rows {
      let key = table.value(row, columns, "key")
      if key.isEmpty {
        throw IngestError.badRow(displayPath, line: row.line, column: "key", "empty key")
      }
      if key.hasPrefix("@") {
        let domain = key.dropFirst()
        guard !domain.isEmpty, !domain.contains("@") else {
          throw IngestError.badRow(
            displayPath, line: row.line, column: "key", "\"\(key)\" is not an e-mail domain")
        }
        domains.insert(String(domain))
      } else {
        ids.insert(key)
      }
    }
    return KeyAccounts(customerIDs: ids, domains: domains)
  }
}
