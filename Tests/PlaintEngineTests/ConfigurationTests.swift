import Foundation
import Testing

import PlaintCore

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
    #expect(configuration.control.method == .auto)
    #expect(configuration.control.sigma == 3)
    #expect(configuration.control.baselinePeriods == 12)
    #expect(configuration.control.minBaselinePeriods == 6)
    #expect(configuration.control.minCount == 3)
    #expect(configuration.control.fdr == 0.03)
    #expect(configuration.control.runRules == .watch)
    #expect(configuration.control.smallCountWeight == 1)
    #expect(configuration.pareto.threshold == 0.8)
    #expect(configuration.reports.formats == [.html, .md, .json, .csv])
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
    #expect(source.columns.first { $0.field == .text }?.columns == ["Betreff", "Beschreibung"])
    #expect(source.filters.first?.values == ["Beschwerde"])
    #expect(configuration.control.fdr == nil)
    #expect(configuration.control.runRules == .anomaly)
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

/// `key_accounts:` as a file, a file with a named column, an inline list, or both.
@Suite struct KeyAccountsConfigurationTests {
  private let sources = "sources: [{path: a.csv, profile: zendesk}]\n"

  @Test func readsEachForm() throws {
    let file = try parse(sources + "key_accounts: crm.csv")
    #expect(file.keyAccounts == "crm.csv")
    #expect(file.keyAccountsColumn == nil)
    #expect(file.keyAccountEntries.isEmpty)

    let column = try parse(sources + "key_accounts: {path: crm.csv, column: customer_id}")
    #expect(column.keyAccounts == "crm.csv")
    #expect(column.keyAccountsColumn == "customer_id")

    let inline = try parse(
      sources + "key_accounts: [C-1001, \"@bigco.example\", Buyer@Shop.example]")
    #expect(inline.keyAccounts == nil)
    #expect(inline.keyAccountEntries == ["C-1001", "@bigco.example", "Buyer@Shop.example"])

    let both = try parse(sources + "key_accounts: {path: crm.csv, ids: [C-9]}")
    #expect(both.keyAccounts == "crm.csv")
    #expect(both.keyAccountEntries == ["C-9"])
  }

  @Test(arguments: [
    (
      "key_accounts: [C-1, \"@\"]",
      "plaint.yml:2: `key_accounts.1`: \"@\" is not an e-mail domain (write @example.com)"
    ),
    ("key_accounts: [C-1, \"\"]", "plaint.yml:2: `key_accounts.1`: empty key"),
    (
      "key_accounts: {column: id}",
      "plaint.yml:2: `key_accounts`: needs `path` (a CSV file of ids) or `ids` (a list)"
    ),
    (
      "key_accounts: {ids: [C-1], column: id}",
      "plaint.yml:2: `key_accounts.column`: names a column of `path`, which is missing"
    ),
    (
      "key_accounts: {paht: crm.csv}",
      "plaint.yml:2: `key_accounts.paht`: unknown key (did you mean `path`?)"
    ),
  ])
  func refusesWhatCannotMatchNamingTheKey(_ yaml: String, _ message: String) {
    #expect {
      try parse(sources + yaml)
    } throws: { error in
      "\(error)" == message
    }
  }
}

/// The key accounts a run uses are the file's and the inline entries together.
@Suite struct KeyAccountsRunTests {
  @Test func fileAndInlineEntriesBothCount() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("plaint-keys-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    func write(_ name: String, _ text: String) throws {
      try Data(text.utf8).write(to: directory.appendingPathComponent(name))
    }
    try write("taxonomy.yml", Starter.taxonomy)
    try write("export.csv", "Id,Subject,Created at\n1,kettle,2025-01-01\n")
    try write("crm.csv", "Account,Customer ID\nBig Retail,C-1001\n")
    try write(
      "plaint.yml",
      """
      sources: [{path: export.csv, profile: zendesk}]
      key_accounts: {path: crm.csv, column: Customer ID, ids: ["@bigco.example", Buyer@Shop.example]}
      """)
    let configuration = try Configuration.load(
      path: directory.appendingPathComponent("plaint.yml").path)
    let context = try RunContext(configuration: configuration, checkingColumns: false)
    let accounts = context.placement.keyAccounts
    for key in ["C-1001", "anyone@bigco.example", "buyer@shop.example"] {
      #expect(accounts.tier(of: key) == .keyAccount, "\(key)")
    }
    for consumer in ["Big Retail", "C-1002", "other@shop.example"] {
      #expect(accounts.tier(of: consumer) == .consumer, "\(consumer)")
    }
  }
}
