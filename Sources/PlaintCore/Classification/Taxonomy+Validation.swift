extension Taxonomy {
  /// Problems that make a rule useless or ambiguous, one line each naming the issue or product
  /// line and the rule; empty when the taxonomy is sound.
  ///
  /// These are what a YAML loader cannot see: phrases that fold to nothing, `*` anywhere but at
  /// the end, reserved or duplicate names.
  public func validate() -> [String] {
    var problems: [String] = []
    var seenIssues: Set<String> = []
    for issue in issues {
      let key = issue.key
      if TextFolding.fold(issue.name).isEmpty {
        problems.append("\(key): an issue needs a name made of letters or digits")
      }
      if issue.name == ClassifiedTicket.unclassified {
        problems.append(
          "\(key): the issue name `\(issue.name)` is reserved for tickets no rule matches")
      }
      if !seenIssues.insert(key).inserted {
        problems.append("\(key): issue defined twice in category `\(issue.category.rawValue)`")
      }
      if issue.phrases.isEmpty && issue.sourceValues.isEmpty {
        problems.append("\(key): no phrases and no source values, so nothing can match it")
      }
      for phrase in issue.phrases { problems += Self.problems(ofPhrase: phrase, in: key) }
      for value in issue.sourceValues where TextFolding.fold(value).isEmpty {
        problems.append(
          "\(key): source value \"\(value)\" folds to nothing (no letters or digits)")
      }
    }

    var seenLines: Set<String> = []
    for line in productLines {
      let owner = "product line \"\(line.name)\""
      if TextFolding.fold(line.name).isEmpty {
        problems.append("\(owner): a product line needs a name made of letters or digits")
      }
      if line.name == Cell.unassigned {
        problems.append("\(owner): the name is reserved for tickets with no product line")
      }
      if !seenLines.insert(line.name).inserted {
        problems.append("\(owner): product line defined twice")
      }
      for pattern in line.products where ProductGlob(pattern, owner: 0) == nil {
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
