import Foundation
import PlaintIngest

/// `plaint init --from EXPORT`: a starter configuration fitted to one export.
extension Starter {
  /// What `init --from` found and wrote.
  public struct Fitted: Sendable {
    public var guess: ExportGuess
    public var written: [String]
    /// The lines to print: what was guessed and how sure.
    public var summary: [String]
  }

  /// Reads `export`, writes `plaint.yml` and `taxonomy.yml` fitted to it into `directory` (created
  /// when missing). Fails with exit 73, writing nothing, when either file exists.
  public static func write(into directory: String, from export: String) throws(PlaintError)
    -> Fitted
  {
    let guess: ExportGuess
    do {
      guess = try ExportGuess(path: export, displayPath: export)
    } catch {
      throw Failure.ingest(error, file: export)
    }
    let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
    let files: [(name: String, text: String)] = [
      ("plaint.yml", configuration(for: guess, path: sourcePath(export, from: base))),
      ("taxonomy.yml", taxonomy(for: guess)),
    ]
    let written = try write(files, into: base, makingExports: false)
    return Fitted(guess: guess, written: written, summary: summary(guess, export: export))
  }

  /// The export's path as the config names it: relative when it lies inside `directory`.
  static func sourcePath(_ export: String, from directory: String) -> String {
    let cwd = FileManager.default.currentDirectoryPath
    let file = URL(fileURLWithPath: export, relativeTo: URL(fileURLWithPath: cwd + "/"))
      .standardizedFileURL.path
    let folder = URL(fileURLWithPath: directory, relativeTo: URL(fileURLWithPath: cwd + "/"))
      .standardizedFileURL.path
    let prefix = folder.hasSuffix("/") ? folder : folder + "/"
    return file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : file
  }

  /// What was guessed, one line each, ending with the overall confidence.
  static func summary(_ guess: ExportGuess, export: String) -> [String] {
    let sample = guess.sample
    let delimiter = sample.delimiter == "\t" ? "tab" : "\"\(sample.delimiter)\""
    let header =
      sample.hasHeader
      ? "header on line \(sample.headerLine)"
      : "no header row (line \(sample.headerLine) already holds data: columns by number)"
    var lines = [
      "read \(export): \(sample.encoding), delimiter \(delimiter), \(header) (\(sample.header.count) columns), \(sample.rows.count) rows sampled\(sample.isWhole ? " (the whole file)" : " (the first \(sample.rows.count))")"
    ]
    if let profile = guess.profile {
      lines.append("profile: \(profile) — sure: the header has every column it reads")
    } else {
      lines.append(
        "profile: generic — no built-in profile matches; columns mapped by their header names:")
      for column in guess.columns {
        let headers = column.headers.map { sample.hasHeader ? "\"\($0)\"" : "column \($0)" }
          .joined(separator: " + ")
        let name = column.field.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)
        lines.append("  \(name)\(headers) — \(column.confidence.rawValue): \(column.reason)")
      }
      for field in ExportProfile.requiredFields where guess.headers(of: field).isEmpty {
        lines.append(
          "  \(field.rawValue): not found — set `columns.\(field.rawValue)` in plaint.yml by hand")
      }
    }
    lines.append(dateLine(guess))
    if let order = guess.dateOrder {
      lines.append(
        "  day and month: no sampled date tells them apart (\(order.dates) dates fit both); read \(order.isDayFirst ? "day" : "month") first as \"\(order.chosen)\"; write \"\(order.swapped)\" in date_format if that is wrong"
      )
    }
    let products = Proposal.productLines(guess.products)
    if let column = guess.productColumn, !products.entries.isEmpty {
      let covered = products.entries.reduce(0) { $0 + $1.count }
      lines.append(
        "product lines: \(products.entries.count) proposed in taxonomy.yml from the most frequent values of \"\(column)\" (\(percent(covered, sample.rows.count)) of sampled rows)"
      )
      lines += products.notes("product line")
      if covered * 2 < sample.rows.count {
        lines.append(
          "  warning: the other rows would be unassigned, outside every cell and verdict; map `product` to a coarser column (a brand rather than a model), or add lines with phrases"
        )
        let coarser = coarserProductColumns(guess).map { column -> String in
          let text: String =
            "\(quoted(column.header)) (\(column.values) values; the \(ExportGuess.productLimit) most frequent hold \(percent(Int((column.share * 1000).rounded()), 1000)) of rows)"
          return text
        }
        if !coarser.isEmpty {
          lines.append(
            "  coarser columns: \(coarser.joined(separator: ", ")); to use one, set `product:` under `columns:` in plaint.yml to it and write the lines you want in taxonomy.yml"
          )
        }
      }
    } else {
      lines.append(
        "product lines: none proposed (no product column with repeated values); taxonomy.yml keeps the starter's examples"
      )
      lines += products.notes("product line")
      lines.append(
        "  warning: until `columns.product` names a column or the product lines have phrases that match the text, every ticket is unassigned: outside every cell and verdict"
      )
      lines += productCandidateLines(guess)
    }
    let issues = Proposal.issues(guess.categories)
    if let column = guess.categoryColumn, !issues.entries.isEmpty {
      let covered = issues.entries.reduce(0) { $0 + $1.count }
      lines.append(
        "issues: \(issues.entries.count) proposed in taxonomy.yml under `other` from the most frequent values of \"\(column)\" (\(percent(covered, sample.rows.count)) of sampled rows); move each to product, policy or service"
      )
      lines += issues.notes("issue")
    } else {
      lines += issues.notes("issue")
      lines.append(
        "issues: the starter's examples (appliance phrases such as \"stopped working\"); until their phrases fit your tickets' words or `columns.category` names the help desk's own category, most complaints match no issue"
      )
    }
    lines += filterLines(guess)
    lines.append("confidence: \(guess.confidence.rawValue)")
    return lines
  }

  /// A column named for the direction of a message (`inbound`, `incoming`, `from_customer`)
  /// whose sampled values are only the two answers of a yes-or-no question (True and False, yes
  /// and no), named with the `where:` that would keep the customer's own rows. A conversation
  /// export holds the company's replies too (the Twitter support sample's `inbound`), and
  /// counted as complaints they made its own accounts the top "repeat complainants" (a new
  /// user's first run). Said, not set: only the user knows what the column marks. Other yes/no
  /// flags (escalated, public) are not filters of what a complaint is, and are not named.
  private static func filterLines(_ guess: ExportGuess) -> [String] {
    let sample = guess.sample
    guard sample.hasHeader else { return [] }
    let mapped = Set(guess.columns.flatMap(\.headers))
    let direction = ["inbound", "incoming", "fromcustomer", "bycustomer", "iscustomer"]
    var lines: [String] = []
    for (index, name) in sample.header.enumerated() where !mapped.contains(name) {
      let letters = String(name.lowercased().filter(\.isLetter))
      guard direction.contains(where: letters.contains) else { continue }
      var counts: [String: Int] = [:]
      for row in sample.rows where index < row.count {
        let value = row[index].trimmingCharacters(in: .whitespaces)
        if !value.isEmpty { counts[value, default: 0] += 1 }
      }
      let answers = Set(counts.keys.map { $0.lowercased() })
      guard counts.count == 2, answers == ["true", "false"] || answers == ["yes", "no"],
        let yes = counts.keys.first(where: { ["true", "yes"].contains($0.lowercased()) }),
        let no = counts.keys.first(where: { $0 != yes })
      else { continue }
      lines.append(
        "filter: \(quoted(name)) holds only \(yes) and \(no) (\(counts[yes] ?? 0) and \(counts[no] ?? 0) sampled rows); if it marks the rows that are complaints (a customer's own message, not a reply), keep them with `where: {\(quoted(name)): [\"\(yes)\"]}` under the source in plaint.yml"
      )
    }
    return lines
  }

  private static func dateLine(_ guess: ExportGuess) -> String {
    guard guess.datesSampled > 0 else { return "dates: no created dates found in the sample" }
    let reader =
      guess.dateFormats.isEmpty
      ? (guess.profile.map { "the \($0) profile's formats or ISO 8601" } ?? "ISO 8601")
      : guess.dateFormats.map { "\"\($0)\"" }.joined(separator: ", ")
    let all = guess.datesRead == guess.datesSampled
    return
      "dates: \(reader) \(all ? "reads all \(guess.datesSampled)" : "reads \(guess.datesRead) of \(guess.datesSampled)") sampled dates\(all ? "" : " — the rest will be rejected as unparseable; set date_format by hand")"
  }

  private static func percent(_ part: Int, _ whole: Int) -> String {
    guard whole > 0 else { return "0 %" }
    return "\(Int((Double(part) * 100 / Double(whole)).rounded())) %"
  }

  /// `plaint.yml` for the guess: the source fitted to the export, the rest as `plaint init` writes.
  static func configuration(for guess: ExportGuess, path: String) -> String {
    let sample = guess.sample
    var lines = [
      "# Plaint configuration, written by `plaint init --from`. Paths are relative to this file.",
      "# The source below is what init guessed from the export; check it with `plaint validate`.",
      "",
      "store: plaint.db                # SQLite file kept between runs; \":memory:\" for a stateless run",
      "period: month                   # month | week (ISO weeks)",
      "timezone: UTC                   # periods are cut here, by each ticket's creation time",
      "",
      "sources:",
      "  - path: \(quoted(path))",
    ]
    if let profile = guess.profile {
      lines.append("    profile: \(profile)   # sure: the header has every column it reads")
    } else {
      lines.append("    profile: generic   # no built-in profile matches this header")
      lines.append("    system: \(quoted(systemName(path)))   # ids are unique per system")
    }
    lines.append("    encoding: \(sample.encoding)   # detected")
    let delimiter = sample.delimiter == "\t" ? "\"\\t\"" : quoted(sample.delimiter)
    lines.append("    delimiter: \(delimiter)   # detected")
    if !guess.dateFormats.isEmpty {
      let formats = guess.dateFormats.map(quoted).joined(separator: ", ")
      lines.append(
        "    date_format: [\(formats)]   # reads \(guess.datesRead) of \(guess.datesSampled) sampled dates"
      )
    }
    if let order = guess.dateOrder {
      let chosen = order.isDayFirst ? "day first" : "month first"
      let other = order.isDayFirst ? "month first" : "day first"
      lines.append(
        "    # Day and month: no sampled date has a day above 12 (\(order.dates) dates fit both orders), so"
      )
      lines.append(
        "    # \"\(order.chosen)\" (\(chosen)) is an assumption. If your dates are \(other), write:"
      )
      lines.append("    # date_format: [\(quoted(order.swapped))]")
    }
    if guess.profile == nil {
      if !sample.hasHeader {
        lines.append("    header: false   # the first line already holds data")
      }
      lines.append("    columns:")
      let name: (String) -> String = { sample.hasHeader ? quoted($0) : $0 }
      for column in guess.columns {
        let value =
          column.headers.count == 1
          ? name(column.headers[0])
          : "[" + column.headers.map(name).joined(separator: ", ") + "]"
        lines.append(
          "      \(column.field.rawValue): \(value)   # \(column.confidence.rawValue): \(column.reason)"
        )
      }
      for field in ExportProfile.requiredFields where guess.headers(of: field).isEmpty {
        lines.append("      # \(field.rawValue): ?   # not found: name the column that holds it")
      }
    }
    lines.append("")
    return lines.joined(separator: "\n") + "\n" + configurationAfterSources
  }

  /// The starter configuration from its first key after `sources`.
  static var configurationAfterSources: String {
    let text: String = Self.configuration
    guard let start = text.range(of: "\n# sales:") ?? text.range(of: "\ntaxonomy:") else {
      return "taxonomy: taxonomy.yml\n"
    }
    return String(text[text.index(after: start.lowerBound)...]) + "\n"
  }

  /// The starter taxonomy, its product lines replaced by the export's most frequent products,
  /// and the help desk's most frequent categories proposed as issues of `other`.
  static func taxonomy(for guess: ExportGuess) -> String {
    taxonomy(
      categoryColumn: guess.categoryColumn, categories: .issues(guess.categories),
      productColumn: guess.productColumn, products: .productLines(guess.products))
  }

  /// The starter taxonomy with `categories` proposed as issues of `other` (when a category
  /// column was found) and `products` as the product lines (when a product column was).
  static func taxonomy(
    categoryColumn: String?, categories: Proposal, productColumn: String?, products: Proposal
  ) -> String {
    var text: String = Self.taxonomy
    if let column = categoryColumn, !categories.entries.isEmpty,
      let other = text.range(of: "\n  other: {}\n")
    {
      var lines = [
        "",
        "  other:",
        "    # Proposed by `plaint init --from`: the \(categories.entries.count) most frequent values of column",
        "    # \(quoted(column)), the help desk's own category, each matched by `source_values` (case and",
        "    # accents folded). Move each issue to product, policy or service (and rename it): until",
        "    # then its complaints count as other.",
      ]
      if !categories.leftOut.isEmpty {
        let values = categories.leftOut.map { quoted($0.value) }.joined(separator: ", ")
        lines.append("    # Left out: \(values) (no letters or digits, or a reserved name).")
      }
      lines.append("    issues:")
      for entry in categories.entries {
        lines.append("      \(quoted(entry.name)):   # \(entry.count) sampled tickets")
        lines.append(
          "        source_values: [\(entry.spellings.map(quoted).joined(separator: ", "))]")
      }
      text.replaceSubrange(other, with: lines.joined(separator: "\n") + "\n")
    }
    guard let column = productColumn, !products.entries.isEmpty,
      let start = text.range(of: "\n# Product lines:") ?? text.range(of: "\nproduct_lines:")
    else { return text + "\n" }
    var lines = [
      "product_lines:",
      "  # Proposed by `plaint init --from`: the \(products.entries.count) most frequent values of column",
      "  # \(quoted(column)) in the sample. Rename and merge them, add globs such as \"AF-*\" and",
      "  # phrases; a ticket whose product no line claims is counted as unassigned.",
    ]
    if !products.leftOut.isEmpty {
      let values = products.leftOut.map { quoted($0.value) }.joined(separator: ", ")
      lines.append("  # Left out: \(values) (no letters or digits, or a reserved name).")
    }
    for entry in products.entries {
      let globs = entry.spellings.map { quoted(glob($0)) }.joined(separator: ", ")
      lines.append("  \(quoted(entry.name)):   # \(entry.count) sampled tickets")
      lines.append("    products: [\(globs)]")
    }
    return String(text[...start.lowerBound]) + lines.joined(separator: "\n") + "\n"
  }

  /// A YAML double-quoted string. Whatever YAML would not read back as itself is escaped:
  /// control characters, the line breaks NEL, LS and PS (which YAML folds into a space and
  /// which would end a comment), a byte-order mark, and the non-characters U+FFFE and U+FFFF.
  static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\t": out += "\\t"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case " "..."~", "\u{A0}"..."\u{2027}", "\u{202A}"..."\u{D7FF}", "\u{E000}"..."\u{FEFE}",
        "\u{FF00}"..."\u{FFFD}",
        "\u{10000}"...:
        out.unicodeScalars.append(scalar)
      default:
        let hex = String(scalar.value, radix: 16, uppercase: true)
        out += scalar.value < 0x100 ? "\\x" : "\\u"
        out += String(repeating: "0", count: (scalar.value < 0x100 ? 2 : 4) - hex.count) + hex
      }
    }
    return out + "\""
  }

  /// A system name from the export's file name: `exports/Zendesk Tickets.csv` → `zendesk-tickets`.
  static func systemName(_ path: String) -> String {
    var name = URL(fileURLWithPath: path).lastPathComponent
    for suffix in [".gz", ".csv", ".tsv", ".txt"] where name.lowercased().hasSuffix(suffix) {
      name = String(name.dropLast(suffix.count))
    }
    let slug = name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
    let trimmed = String(slug).split(separator: "-").joined(separator: "-")
    return trimmed.isEmpty ? "export" : trimmed
  }
}
