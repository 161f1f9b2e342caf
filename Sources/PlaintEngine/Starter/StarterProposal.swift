import Foundation
import PlaintCore
import PlaintIngest

extension Starter {
  /// The issues or product lines `plaint init --from` proposes from an export's most frequent
  /// category or product values, by the rules `plaint validate` applies (`Taxonomy`'s
  /// `problem(ofIssueName:)`, `problem(ofProductLineName:)` and `sourceValueKey(_:)`): a value
  /// that cannot name one is left out and said so; values that match the same tickets once
  /// folded ("Billing", "billing", "BILLING") become one proposal listing every spelling.
  struct Proposal: Equatable {
    /// One issue or product line: its name and the spellings it matches, most frequent first.
    struct Entry: Equatable {
      var name: String
      var spellings: [String]
      var count: Int
    }

    /// A value left out, with its sampled count and why.
    struct LeftOut: Equatable {
      var value: String
      var count: Int
      var problem: Taxonomy.NameProblem
    }

    var entries: [Entry] = []
    var leftOut: [LeftOut] = []

    /// The longest name proposed, in characters: a longer value is named by its start and an
    /// ellipsis (YAML keys stop at 1024 characters, report tables much sooner), and still
    /// matched in full by its `source_values` or `products`.
    static let longestName = 80

    /// Issues from the help desk's category values, most frequent first.
    static func issues(_ values: [(value: String, count: Int)]) -> Proposal {
      Proposal(values, problem: Taxonomy.problem(ofIssueName:))
    }

    /// Product lines from the product column's values, most frequent first.
    static func productLines(_ values: [(value: String, count: Int)]) -> Proposal {
      Proposal(values) { value in
        Taxonomy.problem(ofProductLineName: value)
          ?? (Taxonomy.patternMatchesNothing(Starter.glob(value)) ? .noLettersOrDigits : nil)
      }
    }

    private init(
      _ values: [(value: String, count: Int)],
      problem: (String) -> Taxonomy.NameProblem?
    ) {
      var index: [String: Int] = [:]
      // The count of each proposal's most frequent spelling (values come most frequent first).
      var top: [Int: Int] = [:]
      for (value, count) in values {
        if let problem = problem(value) {
          leftOut.append(LeftOut(value: value, count: count, problem: problem))
          continue
        }
        let key = Taxonomy.sourceValueKey(value)
        if let at = index[key] {
          entries[at].spellings.append(value)
          // Of spellings equally frequent, the one written as a name ("Billing", not "BILLING"
          // or "billing") names the proposal.
          if count == top[at], Self.isMixedCase(value),
            !Self.isMixedCase(entries[at].name)
          {
            entries[at].name = value
          }
          entries[at].count += count
        } else {
          index[key] = entries.count
          top[entries.count] = count
          entries.append(Entry(name: value, spellings: [value], count: count))
        }
      }
      entries.sort { ($0.count, $1.name) > ($1.count, $0.name) }
      var names: Set<String> = []
      for at in entries.indices {
        var name = Self.shortened(entries[at].name, problem: problem)
        var number = 2
        while names.contains(name) {
          name = Self.shortened(entries[at].name, problem: problem) + " (\(number))"
          number += 1
        }
        names.insert(name)
        entries[at].name = name
      }
    }

    private static func isMixedCase(_ text: String) -> Bool {
      text != text.uppercased() && text != text.lowercased()
    }

    /// `value` cut to `longestName` characters, its start still a valid name.
    private static func shortened(
      _ value: String, problem: (String) -> Taxonomy.NameProblem?
    ) -> String {
      // A byte-order mark inside a value is invisible and YAML drops it: not in a name.
      let value =
        value.contains("\u{FEFF}") ? value.replacingOccurrences(of: "\u{FEFF}", with: "") : value
      guard value.count > longestName else { return value }
      let cut = String(value.prefix(longestName - 1)) + "…"
      if problem(cut) == nil { return cut }
      return String(Taxonomy.sourceValueKey(value).prefix(longestName - 1)) + "…"
    }

    /// init's lines on what it did with the values: merged spellings and values left out.
    /// `what` is "issue" or "product line".
    func notes(_ what: String) -> [String] {
      var lines: [String] = []
      for entry in entries where entry.spellings.count > 1 {
        let spellings = entry.spellings.map(Starter.quoted).joined(separator: ", ")
        lines.append(
          "  merged \(spellings) into one \(what), \(Starter.quoted(entry.name)): matching folds case and accents, so they are the same value"
        )
      }
      let empty = leftOut.filter { $0.problem == .noLettersOrDigits }
      if !empty.isEmpty {
        let unplaced = what == "issue" ? "unclassified" : "unassigned"
        lines.append(
          "  left out \(Self.listed(empty)): no letters or digits (a help desk's \"no value\" mark?), so they can neither name nor match \(what == "issue" ? "an issue" : "a product line"); their tickets stay \(unplaced) unless a phrase matches"
        )
      }
      let reserved = leftOut.filter { $0.problem == .reserved }
      if !reserved.isEmpty {
        let kept =
          what == "issue"
          ? "`unclassified`, kept for tickets no rule matches"
          : "`unassigned`, kept for tickets in no product line"
        lines.append(
          "  left out \(Self.listed(reserved)): the report's own name \(kept), which is where these land"
        )
      }
      return lines
    }

    private static func listed(_ values: [LeftOut]) -> String {
      values.map { "\(Starter.quoted($0.value)) (\($0.count) sampled)" }.joined(separator: ", ")
    }
  }

  /// The product glob matching `value` itself: its `*` and `?` match any one character.
  static func glob(_ value: String) -> String {
    String(value.map { $0 == "*" || $0 == "?" ? "?" : $0 })
  }
}

extension Starter {
  /// Columns no field was mapped to whose few values repeat on nearly every row (a landlord
  /// type, a brand, a queue): when no product column was found, one of them may be the product
  /// lines the user wants. Not numbers, dates or yes/no flags.
  static func productCandidates(_ guess: ExportGuess) -> [(header: String, values: [String])] {
    let sample = guess.sample
    guard guess.profile == nil, sample.hasHeader, !sample.rows.isEmpty else { return [] }
    let mapped = Set(guess.columns.flatMap(\.headers))
    let flags: Set<String> = ["true", "false", "yes", "no", "y", "n"]
    var candidates: [(header: String, values: [String])] = []
    for (index, header) in sample.header.enumerated() where !mapped.contains(header) {
      let values = sample.rows.compactMap { $0.indices.contains(index) ? $0[index] : nil }
        .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      guard Double(values.count) >= 0.9 * Double(sample.rows.count) else { continue }
      var counts: [String: Int] = [:]
      for value in values { counts[value, default: 0] += 1 }
      guard (2...20).contains(counts.count),
        counts.values.allSatisfy({ $0 >= 2 }),
        !Self.isNumeric(counts.keys),
        !counts.keys.allSatisfy({ flags.contains($0.lowercased()) })
      else { continue }
      let ordered = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
      guard !Proposal.productLines(ordered.map { ($0, counts[$0] ?? 0) }).entries.isEmpty
      else { continue }
      candidates.append((header, ordered))
    }
    return candidates
  }

  /// init's lines naming `productCandidates` and how to use one, or none.
  static func productCandidateLines(_ guess: ExportGuess) -> [String] {
    let candidates = productCandidates(guess)
    guard let first = candidates.first, let value = first.values.first else { return [] }
    let listed = candidates.map { candidate -> String in
      let shown = candidate.values.prefix(3).map(quoted).joined(separator: ", ")
      let more = candidate.values.count > 3 ? ", …" : ""
      let text: String =
        "\(quoted(candidate.header)) (\(candidate.values.count) values: \(shown)\(more))"
      return text
    }.joined(separator: ", ")
    return [
      "  columns whose few values repeat on nearly every row, one of which may be your product lines: \(listed)",
      "  to use one, add `product: \(quoted(first.header))` under `columns:` in plaint.yml and a line per value in taxonomy.yml (\(quoted(value)): {products: [\(quoted(glob(value)))]})",
    ]
  }

  /// Unmapped columns coarser than the product column init found, when the lines proposed from
  /// it leave most rows unassigned (a model column beside a brand): fewer distinct values, and
  /// more of the rows in their ten most frequent. Not numbers or dates. Each with its number of
  /// values and the share of rows its ten most frequent hold.
  static func coarserProductColumns(_ guess: ExportGuess) -> [(
    header: String, values: Int, share: Double
  )] {
    let sample = guess.sample
    guard guess.profile == nil, sample.hasHeader, !sample.rows.isEmpty,
      let column = guess.productColumn, let productIndex = sample.header.firstIndex(of: column)
    else { return [] }
    func tally(_ index: Int) -> (values: [String], counts: [String: Int]) {
      let values = sample.rows.compactMap { $0.indices.contains(index) ? $0[index] : nil }
        .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      var counts: [String: Int] = [:]
      for value in values { counts[value, default: 0] += 1 }
      return (values, counts)
    }
    func topShare(_ counts: [String: Int]) -> Double {
      Double(counts.values.sorted(by: >).prefix(ExportGuess.productLimit).reduce(0, +))
        / Double(sample.rows.count)
    }
    let product = tally(productIndex).counts
    let mapped = Set(guess.columns.flatMap(\.headers))
    var coarser: [(header: String, values: Int, share: Double)] = []
    for (index, header) in sample.header.enumerated() where !mapped.contains(header) {
      let (values, counts) = tally(index)
      guard Double(values.count) >= 0.9 * Double(sample.rows.count),
        (2..<product.count).contains(counts.count),
        !Self.isNumeric(counts.keys),
        topShare(counts) > topShare(product) + 0.1
      else { continue }
      coarser.append((header, counts.count, topShare(counts)))
    }
    return coarser
  }

  /// Whether most of `values` hold a digit: numbers, dates, codes rather than names.
  private static func isNumeric(_ values: Dictionary<String, Int>.Keys) -> Bool {
    values.filter { $0.contains(where: \.isNumber) }.count * 2 > values.count
  }
}
