import Foundation
import PlaintReport
import Testing

@testable import PlaintEngine

/// Display labels in `taxonomy.yml` and the report language in `plaint.yml`.
@Suite struct LabelTests {
  static let taxonomy = """
    categories:
      service:
        label: {en: Service quality, tr: Hizmet kalitesi}
        issues:
          slow_response:
            label: {en: Slow response, de: Langsame Antwort, tr: Yavaş yanıt}
            phrases: [slow]
          no_callback:
            phrases: [no callback]
      product:
        label: Product
        issues:
          defect: {label: Defect, phrases: [broken]}
    product_lines:
      Kettles: {label: {de: Wasserkocher}, products: ["KT-*"]}
    tiers:
      key_account: {label: {en: Key accounts, tr: Kurumsal}}
    """

  static func labels() throws -> TaxonomyLabels {
    try TaxonomyFile.parseWithLabels(taxonomy, file: "taxonomy.yml").labels
  }

  @Test func labelsDoNotChangeWhatIsClassified() throws {
    let withLabels = try TaxonomyFile.parse(Self.taxonomy, file: "taxonomy.yml")
    let withoutLabels = try TaxonomyFile.parse(
      """
      categories:
        service:
          issues:
            slow_response: {phrases: [slow]}
            no_callback: {phrases: [no callback]}
        product:
          issues:
            defect: {phrases: [broken]}
      product_lines:
        Kettles: {products: ["KT-*"]}
      """, file: "taxonomy.yml")
    #expect(withLabels == withoutLabels)
  }

  @Test(arguments: [
    (ReportLanguage.turkish, "Yavaş yanıt", "Hizmet kalitesi", "Kurumsal", nil as String?),
    (.german, "Langsame Antwort", "Service quality", "Key accounts", "Wasserkocher"),
    (.english, "Slow response", "Service quality", "Key accounts", nil),
    (.greek, "Slow response", "Service quality", "Key accounts", nil),
  ])
  func aLabelIsTakenInTheLanguageElseEnglish(
    _ language: ReportLanguage, _ issue: String, _ category: String, _ tier: String,
    _ line: String?
  ) throws {
    let resolved = try Self.labels().resolved(for: language)
    #expect(resolved.issues["service.slow_response"] == issue)
    #expect(resolved.categories["service"] == category)
    #expect(resolved.tiers["key_account"] == tier)
    #expect(resolved.productLines["Kettles"] == line)
    // A plain string is every language's label; an issue without one has none.
    #expect(resolved.issues["product.defect"] == "Defect")
    #expect(resolved.categories["product"] == "Product")
    #expect(resolved.issues["service.no_callback"] == nil)
  }

  @Test(arguments: [
    (
      "categories:\n  service:\n    issues:\n      slow:\n        label: {en: Slow, xx: Lent}\n        phrases: [slow]",
      "taxonomy.yml:5: `categories.service.issues.slow.label.xx`: label language \"xx\" is not one of: en, de, fr, es, pl, tr, el, zh"
    ),
    (
      "tiers:\n  vip: {label: VIP}",
      "taxonomy.yml:2: `tiers.vip`: not a tier; the tiers are key_account and consumer"
    ),
    (
      "categories:\n  product:\n    label: \"\"\n    issues: {}",
      "taxonomy.yml:3: `categories.product.label`: a label cannot be empty"
    ),
  ])
  func aBadLabelNamesItsFileLineAndKey(_ yaml: String, _ message: String) {
    do {
      _ = try TaxonomyFile.parseWithLabels(yaml, file: "taxonomy.yml")
      Issue.record("accepted \(yaml)")
    } catch {
      #expect("\(error)" == message)
    }
  }

  @Test func theReportLanguageIsReadAndEnglishByDefault() throws {
    let sources = "sources: [{path: a.csv, profile: zendesk}]\n"
    let folder = URL(fileURLWithPath: "/tmp/config")
    let plain = try Configuration.parse(sources, file: "plaint.yml", directory: folder)
    #expect(plain.reports.language == .english)
    let turkish = try Configuration.parse(
      sources + "reports: {language: tr}", file: "plaint.yml", directory: folder)
    #expect(turkish.reports.language == .turkish)
    do {
      _ = try Configuration.parse(
        sources + "reports: {language: it}", file: "plaint.yml", directory: folder)
      Issue.record("accepted language it")
    } catch {
      #expect(
        "\(error)"
          == "plaint.yml:2: `reports.language`: \"it\" is not one of: en, de, fr, es, pl, tr, el, zh"
      )
    }
  }
}
