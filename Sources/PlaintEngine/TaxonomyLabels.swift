import Foundation
import PlaintCore
import PlaintReport

/// The display labels of `taxonomy.yml`: what the report shows instead of an id such as
/// `service.slow_response`, per language.
///
/// A `label:` is a string (every language) or a map by language code
/// (`label: {en: Slow response, tr: Yavaş yanıt}`). It may sit on a category, an issue, a product
/// line, or a tier under the top-level `tiers:` key.
struct TaxonomyLabels: Sendable, Equatable {
  /// One label: by language code, "" for the label of every language.
  struct Label: Sendable, Equatable {
    var byLanguage: [String: String]

    /// The text for `language`: its own, else the plain label, else English, else none.
    func text(for language: ReportLanguage) -> String? {
      byLanguage[language.rawValue] ?? byLanguage[""] ?? byLanguage[ReportLanguage.english.rawValue]
    }
  }

  var categories: [String: Label] = [:]
  var tiers: [String: Label] = [:]
  var productLines: [String: Label] = [:]
  /// By issue key, "category.issue".
  var issues: [String: Label] = [:]

  var isEmpty: Bool {
    categories.isEmpty && tiers.isEmpty && productLines.isEmpty && issues.isEmpty
  }

  /// The labels in one language, as the report model carries them.
  func resolved(for language: ReportLanguage) -> ReportModel.Labels {
    func texts(_ labels: [String: Label]) -> [String: String] {
      labels.compactMapValues { $0.text(for: language) }
    }
    return ReportModel.Labels(
      categories: texts(categories), tiers: texts(tiers), productLines: texts(productLines),
      issues: texts(issues))
  }

  /// Reads the `label:` of `node` (a category, issue, product line or tier); nil without one.
  static func label(_ node: YAMLNode) throws(ConfigError) -> Label? {
    guard let label = node["label"] else { return nil }
    guard label.isMapping else {
      return Label(byLanguage: ["": try nonEmpty(label)])
    }
    let codes = ReportLanguage.allCases.map(\.rawValue)
    var byLanguage: [String: String] = [:]
    for (code, text) in try label.mapping() {
      guard codes.contains(code) else {
        throw text.error(
          "label language \"\(code)\" is not one of: \(codes.joined(separator: ", "))")
      }
      byLanguage[code] = try nonEmpty(text)
    }
    return Label(byLanguage: byLanguage)
  }

  private static func nonEmpty(_ node: YAMLNode) throws(ConfigError) -> String {
    let text = try node.string().trimmingCharacters(in: .whitespaces)
    guard !text.isEmpty else { throw node.error("a label cannot be empty") }
    return text
  }
}
