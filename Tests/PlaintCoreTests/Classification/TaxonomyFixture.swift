import PlaintCore
import Testing

/// A small multilingual taxonomy shaped like the one docs/taxonomy.md describes.
enum TaxonomyFixture {
  static let taxonomy = Taxonomy(
    issues: [
      Taxonomy.Issue(
        category: .product, name: "defect",
        phrases: [
          "stopped working", "defective", "broke*", "funktioniert nicht mehr", "defekt*",
          "nie działa", "uszkodzon*", "arızalı", "坏了", "故障", "χαλασμένο", "ne fonctionne plus",
          "no funciona",
        ],
        sourceValues: ["Hardware fault"], priority: 10),
      Taxonomy.Issue(
        category: .policy, name: "refund",
        phrases: [
          "refund", "money back", "Rückerstattung", "Geld zurück", "zwrot pieniędzy",
          "para iadesi", "退款", "επιστροφή χρημάτων", "remboursement", "reembolso", "devolución",
        ]),
      Taxonomy.Issue(
        category: .service, name: "rude_staff",
        phrases: [
          "rude", "unfriendly", "unfreundlich", "niegrzeczn*", "kaba davrandı", "态度很差",
          "αγενής", "impoli", "grosero",
        ]),
      Taxonomy.Issue(
        category: .service, name: "late_delivery",
        phrases: [
          "late delivery", "Lieferung verspätet", "opóźnion*", "geç teslimat", "快递太慢",
          "καθυστέρηση", "livraison en retard", "entrega tardía",
        ]),
    ],
    productLines: [
      Taxonomy.ProductLine(
        name: "Air Fryers", products: ["AF-*"],
        phrases: ["air fryer", "Heißluftfritteuse", "frytkownic*", "空气炸锅", "friteuse à air"]),
      Taxonomy.ProductLine(
        name: "Kettles", products: ["KT-*"],
        phrases: [
          "kettle*", "Wasserkocher", "czajnik*", "su ısıtıcısı", "电水壶", "βραστήρας",
          "bouilloire", "hervidor",
        ]),
    ])

  static let classifier = Classifier(taxonomy: taxonomy)
}

/// One row of a language table: ticket text, expected "category.issue" and product line.
struct LanguageCase: Sendable, CustomTestStringConvertible {
  var text: String
  var issue: String
  var productLine: String

  init(_ text: String, _ issue: String, _ productLine: String = "unassigned") {
    self.text = text
    self.issue = issue
    self.productLine = productLine
  }

  var testDescription: String { "\"\(text)\" → \(issue), \(productLine)" }

  /// Classifies the text with the fixture taxonomy, without product or source category.
  var actual: (issue: String, productLine: String) {
    let result = TaxonomyFixture.classifier.classify(
      text: text, product: nil, sourceCategory: nil)
    return ("\(result.category.rawValue).\(result.issue)", result.productLine)
  }
}
