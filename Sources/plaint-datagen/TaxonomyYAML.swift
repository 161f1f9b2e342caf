import PlaintCore

/// Renders the catalog as `taxonomy.yml` (docs/taxonomy.md), the same phrases the narratives use.
enum TaxonomyYAML {
  /// Issues that win a tie over others: safety first.
  static let priorities = ["overheating": 20, "leak": 10]

  static func render() -> String {
    var out = """
      # Plaint demo taxonomy: how complaints are sorted into categories, issues and product lines.
      # Written by `plaint-datagen demo`; edit the generator, not this file.
      #
      # Phrases are matched after folding case and accents on both sides ("ARIZALI", "arızalı"
      # and "arizali" meet), as whole words in alphabetic scripts and as substrings in Chinese.
      # A trailing * matches any word ending ("defekt*" also finds "defekte", "Defektes").
      # The language keys are documentation only. When several issues match, the longest phrase
      # wins, then `priority`, then the issue listed first. `source_values` match the help
      # desk's own Category column (zendesk export).

      categories:

      """
    for category in Category.allCases {
      out += "  \(category.rawValue):  # \(category.title)\n    issues:\n"
      for issue in Catalog.issues where issue.category == category {
        out += "      \(issue.key):\n"
        out += "        source_values: [\(quote(issue.sourceValue))]\n"
        if let priority = priorities[issue.key] { out += "        priority: \(priority)\n" }
        out += "        phrases:\n"
        out += languageLists(issue.phrases, indent: "          ")
      }
    }
    out += """

      # Product lines: SKU globs on the mapped product column win over phrases in the text.
      product_lines:

      """
    for line in Catalog.lines {
      out += "  \(line.name):\n"
      out += "    products: [\(quote(line.glob))]\n"
      out += "    phrases:\n"
      out += languageLists(line.words, indent: "      ")
    }
    return out
  }

  private static func languageLists(_ lists: [Language: [String]], indent: String) -> String {
    var out = ""
    for language in Language.allCases {
      guard let phrases = lists[language], !phrases.isEmpty else { continue }
      out += "\(indent)\(language.rawValue): [\(phrases.map(quote).joined(separator: ", "))]\n"
    }
    return out
  }

  /// A YAML flow scalar: plain when safe, else double-quoted.
  static func quote(_ text: String) -> String {
    let special = Set("*:#,[]{}&!|>'\"%@`?")
    let plain =
      !text.isEmpty && !text.contains(where: { special.contains($0) })
      && text.first != " " && text.last != " " && text.first != "-"
    if plain { return text }
    let escaped = text.replacingOccurrences(of: "\\", with: "\\\\")
      .replacingOccurrences(of: "\"", with: "\\\"")
    return "\"\(escaped)\""
  }
}
