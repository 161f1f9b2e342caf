import PlaintCore

/// Reads `key_accounts.csv`: `key[,name]`; a key starting with "@" is an e-mail domain.
public enum KeyAccountsLoader {
  public static func load(path: String, displayPath: String) throws -> KeyAccounts {
    let table = try CSVTable.read(path: path, displayPath: displayPath)
    guard let keyColumn = table.index(of: "key") else {
      throw IngestError.missingColumns(displayPath, ["key"])
    }
    var accounts = KeyAccounts()
    for (line, fields) in table.rows {
      let key = keyColumn < fields.count ? fields[keyColumn].trimmingCharacters(in: .whitespaces) : ""
      guard !key.isEmpty else {
        throw IngestError.badRow(displayPath, line, "column key is empty")
      }
      if key.hasPrefix("@") {
        let domain = key.dropFirst().lowercased()
        guard !domain.isEmpty, !domain.contains("@") else {
          throw IngestError.badRow(displayPath, line, "\"\(key)\" is not an e-mail domain like @example.com")
        }
        accounts.domains.insert(domain)
      } else {
        accounts.customerIDs.insert(key)
      }
    }
    return accounts
  }
}
