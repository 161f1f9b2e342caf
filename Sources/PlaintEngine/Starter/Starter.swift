import Foundation

/// `plaint init`: a commented starter configuration and taxonomy, never over an existing file.
public enum Starter {
  /// The files `init` writes, by name, in the order it writes them.
  static var files: [(name: String, text: String)] {
    [("plaint.yml", configuration), ("taxonomy.yml", taxonomy)]
  }

  /// Writes the starter files into `directory` (created when missing) and an empty `exports/`;
  /// returns the paths written. Fails with exit 73, writing nothing, when either file exists.
  public static func write(into directory: String) throws(PlaintError) -> [String] {
    let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
    return try write(files, into: base, makingExports: true)
  }

  /// Writes `files` into `base`, never over an existing file.
  static func write(
    _ files: [(name: String, text: String)], into base: String, makingExports: Bool
  ) throws(PlaintError) -> [String] {
    let manager = FileManager.default
    let paths = files.map { base + "/" + $0.name }
    // Any entry counts, a dangling link too (fileExists follows links and would miss it).
    if let existing = paths.first(where: { (try? manager.attributesOfItem(atPath: $0)) != nil }) {
      throw PlaintError(
        .cannotCreate,
        "\(existing) exists; init never overwrites a file — move it aside or name another folder")
    }
    do {
      try manager.createDirectory(
        atPath: makingExports ? base + "/exports" : base, withIntermediateDirectories: true)
      for (path, file) in zip(paths, files) {
        try Data(file.text.utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
      }
    } catch {
      throw PlaintError(
        .cannotCreate, "\(base): cannot write the starter files (\(error.localizedDescription))")
    }
    return paths
  }

  /// `plaint.yml`: every key with its default, explained.
  static let configuration = #"""
    # Plaint configuration, written by `plaint init`. Paths are relative to this file.
    # Every key but `sources` has a default; they are written out here so this file doubles as
    # the reference. Check it with `plaint validate`, run it with `plaint run --period last`.

    store: plaint.db                # SQLite file kept between runs; ":memory:" for a stateless run
    period: month                   # month | week (ISO weeks)
    timezone: UTC                   # periods are cut here, by each ticket's creation time

    sources:
      # Drop your help desk's CSV exports into exports/. `auto` recognises Zendesk, Freshdesk,
      # Jira, ServiceNow, Salesforce and CFPB exports by their headers (`plaint profiles`).
      - path: exports/*.csv         # a glob; .gz files are read as well
        profile: auto
        # where:                    # keep only complaints, when the export holds questions too
        #   Type: [Complaint, Problem]

      # Any other CSV: map its columns by header (or by number with `header: false`).
      # - path: exports/legacy/*.csv
      #   profile: generic
      #   system: legacy            # ids are unique per system: duplicates are found by system + id
      #   encoding: auto            # auto | utf-8 | utf-16 | windows-1252 | gb18030
      #   delimiter: auto           # auto | "," | ";" | "\t" | "|"
      #   date_format: "dd.MM.yyyy HH:mm"
      #   columns:
      #     id: Case No
      #     created: Opened
      #     text: [Subject, Details]
      #     customer: Account
      #     product: Model

    # sales: sales.csv              # period,product_line[,tier],units[,revenue]: the denominators;
                                    # without it every cell is judged on its count alone
    # key_accounts: key_accounts.csv  # ids or e-mails in the first column (any header), "@domain"
                                    # for a whole domain; or a list: [C-1001, "@bigco.example"]
    taxonomy: taxonomy.yml          # categories, issues and product lines with their phrases

    control:
      method: auto                  # auto picks exact Poisson (small counts), Laney u' (overdispersed) or u
      sigma: 3
      baseline_periods: 12          # rolling phase I window before each judged period
      min_baseline_periods: 6       # fewer usable periods: "insufficient history", never an anomaly
      min_count: 3                  # a cell needs this many complaints in the period to be flagged
      rules: [beyond_limit, run_of_8, trend_of_6, two_of_three_beyond_2sigma]
      run_rules: watch              # run-rule signals are watches (listed, not anomalies); "anomaly": flag them
      fdr: 0.03                     # weighted Benjamini–Hochberg across the cells of a period; "off" to disable
      small_count_weight: 1         # below 1: a cell expecting fewer than 5 complaints weighs less in that family
      rebaseline_after: 6           # a step that holds this many periods becomes the new level; "off": never

    pareto:
      threshold: 0.8                # the vital few reach 80 % of complaints
      window_periods: 1

    recurrence:
      repeat_customer_min: 3        # complaints by one customer within the window
      window_periods: 3

    sla_hours: 72                   # resolution time target

    reports:
      dir: reports
      formats: [html, md, json, csv]
      language: en                  # en de fr es pl tr el zh: the words of index.html and summary.md
    """#
}
