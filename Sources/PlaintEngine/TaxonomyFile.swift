import Foundation
import PlaintCore

/// Reads `taxonomy.yml` (docs/taxonomy.md) into a `Taxonomy`; errors name the file, line and key.
enum TaxonomyFile {
  /// Parses the bytes of the taxonomy file, which the caller has already read and hashed.
  static func load(_ data: Data, shownAs file: String) throws(PlaintError) -> Taxonomy {
    try loadWithLabels(data, shownAs: file).taxonomy
  }

  /// The taxonomy and its display labels.
  static func loadWithLabels(_ data: Data, shownAs file: String) throws(PlaintError)
    -> (taxonomy: Taxonomy, labels: TaxonomyLabels)
  {
    do {
      return try parseWithLabels(String(decoding: data, as: UTF8.self), file: file)
    } catch {
      throw error.asPlaintError
    }
  }

  static func parse(_ text: String, file: String) throws(ConfigError) -> Taxonomy {
    try parseWithLabels(text, file: file).taxonomy
  }

  static func parseWithLabels(_ text: String, file: String) throws(ConfigError)
    -> (taxonomy: Taxonomy, labels: TaxonomyLabels)
  {
    let root = try YAMLNode.parse(text, file: file)
    _ = try root.mapping(allowed: ["categories", "product_lines", "precedence", "tiers"])
    var precedence = Taxonomy.Precedence.length
    if let node = root["precedence"] {
      let value = try node.string()
      guard let chosen = Taxonomy.Precedence(rawValue: value) else {
        throw node.error("`precedence` is `length` (the default) or `priority`, not \"\(value)\"")
      }
      precedence = chosen
    }
    var labels = TaxonomyLabels()
    var issues: [Taxonomy.Issue] = []
    if let categories = root["categories"] {
      for (name, node) in try categories.mapping(allowed: Category.allCases.map(\.rawValue)) {
        guard let category = Category(rawValue: name) else { continue }
        _ = try node.mapping(allowed: ["issues", "label"])
        labels.categories[name] = try TaxonomyLabels.label(node)
        guard let issuesNode = node["issues"] else { continue }
        for (issueName, issueNode) in try issuesNode.mapping() {
          _ = try issueNode.mapping(allowed: ["phrases", "source_values", "priority", "label"])
          labels.issues["\(name).\(issueName)"] = try TaxonomyLabels.label(issueNode)
          let phrases = try phraseList(issueNode["phrases"])
          let sourceValues = try issueNode["source_values"]?.strings() ?? []
          if phrases.isEmpty && sourceValues.isEmpty {
            throw issueNode.error("an issue needs `phrases` or `source_values` to match anything")
          }
          issues.append(
            Taxonomy.Issue(
              category: category, name: issueName, phrases: phrases, sourceValues: sourceValues,
              priority: try issueNode["priority"]?.int() ?? 0))
        }
      }
    }
    var lines: [Taxonomy.ProductLine] = []
    if let productLines = root["product_lines"] {
      for (name, node) in try productLines.mapping() {
        _ = try node.mapping(allowed: ["products", "phrases", "label"])
        if Taxonomy.problem(ofProductLineName: name) == .reserved {
          throw node.error("`\(Cell.unassigned)` is reserved for tickets with no product line")
        }
        labels.productLines[name] = try TaxonomyLabels.label(node)
        lines.append(
          Taxonomy.ProductLine(
            name: name, products: try node["products"]?.strings() ?? [],
            phrases: try phraseList(node["phrases"])))
      }
    }
    if let tiers = root["tiers"] {
      // Tiers are fixed (key accounts come from `key_accounts`); only their labels are set here.
      for (name, node) in try tiers.mapping() {
        guard Tier(rawValue: name) != nil else {
          throw node.error("not a tier; the tiers are key_account and consumer")
        }
        _ = try node.mapping(allowed: ["label"])
        labels.tiers[name] = try TaxonomyLabels.label(node)
      }
    }
    if issues.isEmpty {
      throw ConfigError(
        file: file, line: nil, key: "categories",
        message:
          "the taxonomy defines no issue, so every ticket would be unclassified; list issues under `categories` (plaint init writes an example)"
      )
    }
    let taxonomy = Taxonomy(issues: issues, productLines: lines, precedence: precedence)
    if let problem = taxonomy.validate().first {
      throw ConfigError(file: file, line: nil, key: nil, message: problem)
    }
    return (taxonomy, labels)
  }

  /// A list of phrases, or a mapping of lists by language (the language key is documentation).
  private static func phraseList(_ node: YAMLNode?) throws(ConfigError) -> [String] {
    guard let node else { return [] }
    if node.isMapping {
      var phrases: [String] = []
      for (_, list) in try node.mapping() { phrases += try list.strings() }
      return phrases
    }
    return try node.strings()
  }
}
