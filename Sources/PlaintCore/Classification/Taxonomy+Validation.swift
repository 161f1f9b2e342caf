extension Taxonomy {
  /// Why a text cannot name an issue or a product line. `validate()` and `plaint init` (which
  /// proposes names from a help desk's own values) both ask `problem(ofIssueName:)` and
  /// `problem(ofProductLineName:)`, so init never writes a name validate rejects.
  public enum NameProblem: Sendable, Hashable {
    /// The name folds to nothing: no letters or digits ("-", "?", "...", an emoji alone).
    case noLettersOrDigits
    /// The name folds to the one the report keeps for tickets no rule places: `unclassified`
    /// for issues, `unassigned` for product lines.
    case reserved
  }

  /// What is wrong with `name` as an issue's name, or nil when it can name one.
  public static func problem(ofIssueName name: String) -> NameProblem? {
    let folded = TextFolding.fold(name)
    if folded.isEmpty { return .noLettersOrDigits }
    return folded == ClassifiedTicket.unclassified ? .reserved : nil
  }

  /// What is wrong with `name` as a product line's name, or nil when it can name one.
  public static func problem(ofProductLineName name: String) -> NameProblem? {
    let folded = TextFolding.fold(name)
    if folded.isEmpty { return .noLettersOrDigits }
    return folded == Cell.unassigned ? .reserved : nil
  }

  /// Whether a product line's `products` pattern folds to nothing (no letters, digits or
  /// wildcards), so it can never match.
  public static func patternMatchesNothing(_ pattern: String) -> Bool {
    ProductGlob(pattern, owner: 0) == nil
  }

  /// What a `source_values` entry matches: the help desk's category folded like the entry
  /// (case, accents, punctuation). Entries with one key match the same tickets, so they belong
  /// to one issue; an empty key matches nothing.
  public static func sourceValueKey(_ value: String) -> String {
    TextFolding.fold(value)
  }

  /// Problems that make a rule useless or ambiguous, one line each naming the issue or product
  /// line and the rule; empty when the taxonomy is sound.
  ///
  /// These are what a YAML loader cannot see: phrases that fold to nothing, `*` anywhere but at
  /// the end, reserved or duplicate names.
  public func validate() -> [String] {
    var problems: [String] = []
    var seenIssues: Set<String> = []
    // Each folded source value and the first issue (and spelling) that lists it.
    var sourceValueOwners: [String: (issue: String, value: String)] = [:]
    for issue in issues {
      let key = issue.key
      switch Self.problem(ofIssueName: issue.name) {
      case .noLettersOrDigits:
        problems.append("\(key): an issue needs a name made of letters or digits")
      case .reserved:
        problems.append(
          "\(key): the issue name `\(issue.name)` is reserved for tickets no rule matches")
      case nil: break
      }
      if !seenIssues.insert(key).inserted {
        problems.append("\(key): issue defined twice in category `\(issue.category.rawValue)`")
      }
      if issue.phrases.isEmpty && issue.sourceValues.isEmpty {
        problems.append("\(key): no phrases and no source values, so nothing can match it")
      }
      for phrase in issue.phrases { problems += Self.problems(ofPhrase: phrase, in: key) }
      for value in issue.sourceValues {
        let folded = Self.sourceValueKey(value)
        if folded.isEmpty {
          problems.append(
            "\(key): source value \"\(value)\" folds to nothing (no letters or digits)")
        } else if let owner = sourceValueOwners[folded], owner.issue != key {
          problems.append(
            "\(key): source value \"\(value)\" matches the same tickets as \"\(owner.value)\" of "
              + "\(owner.issue) (case and accents are folded), so only one of them can ever "
              + "match; list every spelling under one issue")
        } else if sourceValueOwners[folded] == nil {
          sourceValueOwners[folded] = (key, value)
        }
      }
    }

    var seenLines: Set<String> = []
    for line in productLines {
      let owner = "product line \"\(line.name)\""
      switch Self.problem(ofProductLineName: line.name) {
      case .noLettersOrDigits:
        problems.append("\(owner): a product line needs a name made of letters or digits")
      case .reserved:
        problems.append("\(owner): the name is reserved for tickets with no product line")
      case nil: break
      }
      if !seenLines.insert(line.name).inserted {
        problems.append("\(owner): product line defined twice")
      }
      for pattern in line.products where Self.patternMatchesNothing(pattern) {
        problems.append(
          "\(owner): product pattern \"\(pattern)\" is empty once folded (no letters, digits "
            + "or wildcards)")
      }
      for phrase in line.phrases { problems += Self.problems(ofPhrase: phrase, in: owner) }
    }
    return problems
  }

  private static func problems(ofPhrase phrase: String, in owner: String) -> [String] {
    if phrase.allSatisfy(\.isWhitespace) {
      return ["\(owner): empty phrase \"\(phrase)\""]
    }
    let stem = CompiledPhrase.stem(of: phrase)
    var problems: [String] = []
    if stem.body.contains("*") {
      problems.append(
        "\(owner): phrase \"\(phrase)\" has `*` inside; only a trailing `*` (any word ending) "
          + "is supported")
    }
    if TextFolding.fold(String(stem.body)).isEmpty {
      problems.append(
        "\(owner): phrase \"\(phrase)\" folds to nothing (no letters or digits), so it can "
          + "never match")
    }
    return problems
  }
}
