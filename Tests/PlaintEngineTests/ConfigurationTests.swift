import Foundation
import Testing

@testable import PlaintEngine

private let folder = URL(fileURLWithPath: "/tmp/config")

private func parse(_ yaml: String) throws -> Configuration {
  try Configuration.parse(yaml, file: "plaint.yml", directory: folder)
}

@Suite struct ConfigurationTests {
  @Test func fillsEveryDefaultFromTheMinimalConfig() throws {
    let configuration = try parse(
      """
      sources:
        - path: exports/*.csv
          profile: zendesk
      """)
    #expect(configuration.store == "plaint.db")
    #expect(configuration.granularity == .month)
    #expect(configuration.timeZone.secondsFromGMT() == 0)
    #expect(configuration.control.method == "auto")
    #expect(configuration.control.sigma == 3)
    #expect(configuration.control.baselinePeriods == 12)
    #expect(configuration.control.minBaselinePeriods == 6)
    #expect(configuration.control.minCount == 3)
    #expect(configuration.control.fdr == 0.03)
    #expect(configuration.control.runRules == "watch")
    #expect(configuration.control.smallCountWeight == 1)
    #expect(configuration.pareto.threshold == 0.8)
    #expect(configuration.reports.formats == ["html", "md", "json", "csv"])
    #expect(configuration.reports.customerNames == false)
    #expect(configuration.resolve("sales.csv") == "/tmp/config/sales.csv")
  }

  @Test func readsAGenericSourceWithItsMappingAndFilter() throws {
    let configuration = try parse(
      """
      timezone: Europe/Berlin
      sources:
        - path: legacy.csv
          profile: generic
          system: legacy
          delimiter: ";"
          date_format: "dd.MM.yyyy HH:mm"
          columns: {id: Vorgang, created: Eröffnet, text: [Betreff, Beschreibung]}
          where: {Art: [Beschwerde]}
      control: {fdr: off, run_rules: anomaly, small_count_weight: 0.5}
      """)
    let source = try #require(configuration.sources.first)
    #expect(source.system == "legacy")
    #expect(source.delimiter == ";")
    #expect(source.dateFormats == ["dd.MM.yyyy HH:mm"])
    #expect(source.columns.first { $0.field == "text" }?.columns == ["Betreff", "Beschreibung"])
    #expect(source.filters.first?.values == ["Beschwerde"])
    #expect(configuration.control.fdr == nil)
    #expect(configuration.control.runRules == "anomaly")
    #expect(configuration.control.smallCountWeight == 0.5)
  }

  @Test(arguments: [
    ("sources: []\ncontrl: {}", "plaint.yml:2: `contrl`: unknown key (did you mean `control`?)"),
    (
      "period: month",
      "plaint.yml: `sources`: missing key: list the exports to read (path and profile)"
    ),
    (
      "sources: [{path: a.csv, profile: zendesk}]\ncontrol: {sigma: three}",
      "plaint.yml:2: `control.sigma`: expected a number, got \"three\""
    ),
    (
      "sources: [{path: a.csv, profile: zendesk}]\ncontrol: {run_rules: ignore}",
      "plaint.yml:2: `control.run_rules`: \"ignore\" is not one of: watch, anomaly"
    ),
    (
      "sources: [{path: a.csv, profile: zendesk}]\ncontrol: {small_count_weight: 2}",
      "plaint.yml:2: `control.small_count_weight`: expected a weight from 0 to 1 (1: small cells weigh like the rest)"
    ),
    (
      "sources: [{path: a.csv, profile: zendesk}]\ntimezone: Mars/Olympus",
      "plaint.yml:2: `timezone`: unknown time zone \"Mars/Olympus\"; use an IANA name such as Europe/Berlin or UTC"
    ),
    (
      "sources:\n  - path: a.csv\n    profile: generic\n    columns: {id: No}",
      "plaint.yml:2: `sources.0`: profile generic needs `columns.created`: the column that holds the ticket's created"
    ),
    (
      "sources: [{path: a.csv, profile: helpscout}]",
      "plaint.yml:1: `sources.0.profile`: \"helpscout\" is not one of: auto, zendesk, freshdesk, jira, servicenow, salesforce, cfpb, generic"
    ),
  ])
  func namesTheFileLineAndKeyOfABadConfig(yaml: String, message: String) {
    #expect(throws: ConfigError.self) { try parse(yaml) }
    do {
      _ = try parse(yaml)
    } catch let error as ConfigError {
      #expect("\(error)" == message)
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func readsTheTaxonomyWithPhrasesByLanguage() throws {
    let taxonomy = try TaxonomyFile.parse(
      """
      categories:
        product:
          issues:
            defect:
              phrases:
                en: [stopped working]
                de: [defekt*]
              priority: 5
        policy:
          issues:
            refund: {phrases: [refund]}
      product_lines:
        Kettles: {products: ["KT-*"], phrases: [kettle]}
      """, file: "taxonomy.yml")
    #expect(taxonomy.issues.map(\.key) == ["product.defect", "policy.refund"])
    #expect(taxonomy.issues.first?.phrases == ["stopped working", "defekt*"])
    #expect(taxonomy.issues.first?.priority == 5)
    #expect(taxonomy.productLines.first?.products == ["KT-*"])
  }

  @Test func rejectsAnUnknownCategoryNamingTheKey() {
    #expect(throws: ConfigError.self) {
      try TaxonomyFile.parse("categories:\n  quality: {}", file: "taxonomy.yml")
    }
  }
}

@Suite struct RecurrenceConfigurationTests {
  private let sources = """
    sources:
      - path: exports/*.csv
        profile: zendesk

    """

  @Test func ownersCanariesAndReleasesAreRead() throws {
    let configuration = try parse(
      sources + """
        owners:
          categories: {service: Care}
          product_lines: {Kettles: Kettle Team}
          default: QA
        canaries: {tags: [plaint-canary], ids: ["TEST-*"], expected: [CAN-1]}
        releases: releases.csv
        """)
    #expect(configuration.owners.owner(category: "service", productLine: "Kettles") == "Care")
    #expect(
      configuration.owners.owner(category: "product", productLine: "Kettles") == "Kettle Team")
    #expect(configuration.owners.owner(category: "product", productLine: "Blenders") == "QA")
    #expect(configuration.canaries.tags == ["plaint-canary"])
    #expect(configuration.canaries.ids == ["TEST-*"])
    #expect(configuration.canaries.expected == ["CAN-1"])
    #expect(configuration.releases == "releases.csv")
  }

  @Test(arguments: [
    (
      "owners: {categorys: {service: Care}}",
      "plaint.yml:4: `owners.categorys`: unknown key (did you mean `categories`?)"
    ),
    (
      "owners: {categories: {servise: Care}}",
      "plaint.yml:4: `owners.categories.servise`: unknown key (did you mean `service`?)"
    ),
    ("canaries: {tag: [x]}", "plaint.yml:4: `canaries.tag`: unknown key (did you mean `tags`?)"),
    ("owners: {default: \"\"}", "plaint.yml:4: `owners.default`: expected a team name"),
  ])
  func mistakesNameFileLineAndKeyPath(_ yaml: String, _ message: String) {
    #expect(throws: ConfigError.self) { try parse(sources + yaml) }
    do {
      _ = try parse(sources + yaml)
    } catch {
      #expect("\(error)" == message)
    }
  }
}
