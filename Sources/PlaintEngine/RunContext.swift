import Foundation
import PlaintCore
import PlaintIngest
import PlaintStore

/// Everything a run reads before it writes anything: taxonomy, key accounts, sales, input files.
///
/// Building it first means a bad config, taxonomy or sales file stops the run before the store or
/// the reports are touched.
struct RunContext {
  let configuration: Configuration
  let taxonomy: Taxonomy
  /// The taxonomy's display labels, for the report.
  let labels: TaxonomyLabels
  let taxonomyHash: String
  let placement: Placement
  /// Hash of everything that decides a stored ticket's place in the grid.
  let classificationKey: String
  /// nil when the config names no sales file: every cell is a count chart.
  let sales: [SalesVolume]?
  /// The product changes of `releases:`, in file order; empty without the key.
  let releases: [ReleaseRow]
  let files: [InputFile]
  /// The tiers the grid charts: the key-account tier only when key accounts are configured.
  let tiers: [Tier]

  /// `checkingColumns: false` leaves each file's header to the caller (a dry run checks them all).
  init(configuration: Configuration, checkingColumns: Bool = true) throws(PlaintError) {
    self.configuration = configuration
    let taxonomyPath = configuration.resolve(configuration.taxonomy)
    let taxonomyData = try Self.contents(
      taxonomyPath, shown: configuration.taxonomy, key: "taxonomy", configuration)
    (taxonomy, labels) = try TaxonomyFile.loadWithLabels(
      taxonomyData, shownAs: configuration.taxonomy)
    taxonomyHash = FileDigest.sha256(taxonomyData)

    var keyAccounts = KeyAccounts()
    var accountsHash = "none"
    if let accounts = configuration.keyAccounts {
      let path = configuration.resolve(accounts)
      accountsHash = FileDigest.sha256(
        try Self.contents(path, shown: accounts, key: "key_accounts", configuration))
      do {
        keyAccounts = try KeyAccountsLoader.load(
          path: path, displayPath: accounts, column: configuration.keyAccountsColumn)
      } catch {
        throw Failure.ingest(error, file: accounts)
      }
    }
    if !configuration.keyAccountEntries.isEmpty {
      // Entries were checked when the configuration was read.
      let inline =
        (try? KeyAccountsLoader.accounts(configuration.keyAccountEntries)) ?? KeyAccounts()
      keyAccounts = KeyAccounts(
        customerIDs: keyAccounts.customerIDs.union(inline.customerIDs),
        domains: keyAccounts.domains.union(inline.domains))
    }
    if configuration.keyAccountsColumn != nil || !configuration.keyAccountEntries.isEmpty {
      let listed =
        [accountsHash, configuration.keyAccountsColumn ?? ""]
        + configuration.keyAccountEntries
      accountsHash = FileDigest.sha256(Data(listed.joined(separator: "\n").utf8))
    }
    tiers =
      keyAccounts.customerIDs.isEmpty && keyAccounts.domains.isEmpty
      ? [.consumer] : Tier.allCases
    placement = Placement(
      classifier: Classifier(taxonomy: taxonomy), keyAccounts: keyAccounts,
      timeZone: configuration.timeZone, granularity: configuration.granularity)
    classificationKey = [
      taxonomyHash, accountsHash, configuration.granularity.rawValue,
      configuration.timeZone.identifier,
    ].joined(separator: "|")

    if let salesFile = configuration.sales {
      let path = configuration.resolve(salesFile)
      _ = try Self.contents(path, shown: salesFile, key: "sales", configuration)
      do {
        sales = try SalesLoader.load(
          path: path, displayPath: salesFile, granularity: configuration.granularity,
          productLines: Set(taxonomy.productLines.map(\.name)))
      } catch {
        throw Failure.ingest(error, file: salesFile)
      }
    } else {
      sales = nil
    }
    if let releasesFile = configuration.releases {
      let path = configuration.resolve(releasesFile)
      _ = try Self.contents(path, shown: releasesFile, key: "releases", configuration)
      do {
        releases = try ReleasesLoader.load(path: path, displayPath: releasesFile)
      } catch {
        throw Failure.ingest(error, file: releasesFile)
      }
    } else {
      releases = []
    }
    try Self.checkOwners(configuration, lines: taxonomy.productLines.map(\.name))
    files = try Ingestion.inputFiles(configuration)
    for file in files where checkingColumns {
      do {
        try ExportReader(settings: file.settings).checkColumns()
      } catch {
        throw Failure.ingest(error, file: file.settings.displayPath)
      }
    }
  }

  /// Every product line `owners.product_lines` names must be one the taxonomy knows.
  private static func checkOwners(_ configuration: Configuration, lines: [String])
    throws(PlaintError)
  {
    let known = lines + [Cell.unassigned]
    for entry in configuration.owners.productLines where !known.contains(entry.name) {
      let near = known.min { nameDistance($0, entry.name) < nameDistance($1, entry.name) }
      let hint = near.map { nameDistance($0, entry.name) <= 3 ? " (did you mean `\($0)`?)" : "" }
      throw ConfigError(
        file: configuration.file, line: entry.line, key: "owners.product_lines.\(entry.name)",
        message:
          "no such product line in \(configuration.taxonomy)\(hint ?? ""); known: \(lines.joined(separator: ", "))"
      ).asPlaintError
    }
  }

  private static func contents(
    _ path: String, shown: String, key: String, _ configuration: Configuration
  ) throws(PlaintError) -> Data {
    var info = stat()
    if stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
      throw PlaintError(
        .config,
        "\(configuration.file): `\(key)`: \(shown) is not a regular file; point it at a file")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw PlaintError(
        .noInput,
        "\(configuration.file): `\(key)`: file not found: \(shown) (relative to the config's folder)"
      )
    }
    return data
  }
}
