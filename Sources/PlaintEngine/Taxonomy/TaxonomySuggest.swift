import Foundation
import PlaintCore

/// `plaint taxonomy suggest`: phrases and priorities mined from a labelled sample, printed as a
/// YAML fragment to paste. The taxonomy file is never written.
public struct TaxonomySuggest: Sendable {
  public var sample: LabelledSample
  public var suggestions: PhraseSuggestions
  public var taxonomy: Taxonomy
  /// Accuracy on the mined tickets: now, with the phrases, with the phrases and priorities.
  public var mined: [Double]
  /// The same on the held-out half, with `--split`.
  public var heldOut: [Double]?
  public var heldOutTickets = 0

  public static func run(
    configurationPath: String, store: String? = nil, labels: String, half: SampleHalf?,
    options: PhraseSuggestions.Options
  ) throws(PlaintError) -> TaxonomySuggest {
    let bench = try TaxonomyWorkbench(configurationPath: configurationPath, store: store)
    let taxonomy = bench.classifier.taxonomy
    let sample = try bench.sample(labels: labels, half: half, taxonomy: taxonomy)
    let suggestions = PhraseSuggestions(
      classifier: bench.classifier, tickets: sample.tickets, options: options)
    let classifiers = [
      bench.classifier, Classifier(taxonomy: suggestions.taxonomy),
      Classifier(taxonomy: suggestions.taxonomyWithPriorities),
    ]
    // Labels naming a new issue name it only in the taxonomy that has it.
    func accuracies(_ tickets: [LabelledTicket]) -> [Double] {
      classifiers.map { classifier in
        let resolver = LabelResolver(taxonomy: classifier.taxonomy)
        let resolved = tickets.map { ticket in
          var ticket = ticket
          ticket.labels = ticket.labels.map(resolver.resolve)
          return ticket
        }
        return LabelledEvaluation(classifier: classifier, tickets: resolved).accuracy
      }
    }
    var result = TaxonomySuggest(
      sample: sample, suggestions: suggestions, taxonomy: taxonomy,
      mined: accuracies(sample.tickets))
    if let half {
      let held = try bench.sample(labels: labels, half: half.other, taxonomy: taxonomy)
      result.heldOut = accuracies(held.tickets)
      result.heldOutTickets = held.tickets.count
    }
    return result
  }

  /// The YAML fragment, with the evidence for each line in comments.
  public var text: String {
    let percent = TaxonomyTest.percent
    var lines = [
      "# plaint taxonomy suggest: mined from \(sample.scope)",
      "# accuracy on those tickets: \(percent(mined[0])) now, \(percent(mined[1])) with these "
        + "phrases and removals, \(percent(mined[2])) with the priorities too",
    ]
    if let heldOut, let half = sample.half {
      lines.append(
        "# held out (the \(half.other.rawValue) half, \(heldOutTickets) tickets, not mined): "
          + "\(percent(heldOut[0])) now, \(percent(heldOut[1])) with these phrases and removals, "
          + "\(percent(heldOut[2])) with the priorities too")
    } else {
      lines.append(
        "# no held-out score: give --split train to mine one half and score the other")
    }
    for rejected in sample.rejected.prefix(3) { lines.append("# set aside: \(rejected)") }
    lines.append("# Paste what you keep into the taxonomy; nothing was written.")
    let phrases = suggestions.phrases
    let changes = suggestions.priorityChanges
    if !suggestions.removals.isEmpty {
      lines.append("#")
      lines.append("# phrases to remove: they decide more labelled tickets wrongly than rightly")
      for removal in suggestions.removals {
        lines.append(
          "#   \(removal.issue) \(Self.quoted(removal.phrase, always: true)): right on "
            + "\(removal.correct) of the \(removal.won) tickets it decides; \(removal.gain) more "
            + "right in all without it")
      }
    }
    if phrases.isEmpty && changes.isEmpty && suggestions.removals.isEmpty {
      lines.append("# nothing to suggest: no phrase gains \(suggestions.options.minGain) tickets")
      return lines.joined(separator: "\n")
    }
    if !changes.isEmpty {
      lines.append("#")
      lines.append("# conflicts the labels settle (the right issue matched and lost):")
      for change in changes {
        lines.append(
          "#   \(change.issue) over \(change.over): \(change.fixes) lost to it, \(change.breaks) "
            + "rightly; \(change.gain) more right in all"
            + (change.decidedByLength ? " (lost on length)" : ""))
      }
      if suggestions.taxonomyWithPriorities.precedence == .priority
        && taxonomy.precedence == .length
      {
        lines.append(
          "# Some were lost on length, which priority outranks only with `precedence: priority`; "
            + "it then decides every conflict between issues of different priority.")
        lines.append("precedence: priority")
      }
    }
    lines.append("categories:")
    let issues = suggestions.taxonomy.issues
    for category in Category.allCases {
      let inCategory = issues.filter { issue in
        issue.category == category
          && (phrases.contains { $0.issue == issue.key }
            || suggestions.priorities[issue.key] != nil)
      }
      guard !inCategory.isEmpty else { continue }
      lines.append("  \(category.rawValue):")
      lines.append("    issues:")
      for issue in inCategory {
        let isNew = suggestions.newIssues.contains(issue.key)
        lines.append("      \(Self.quoted(issue.name)):" + (isNew ? "  # a new issue" : ""))
        if let priority = suggestions.priorities[issue.key] {
          let was = taxonomy.issues.first { $0.key == issue.key }?.priority ?? 0
          lines.append("        priority: \(priority)  # was \(was)")
        }
        let mine = phrases.filter { $0.issue == issue.key }
        guard !mine.isEmpty else { continue }
        lines.append("        phrases:" + (isNew ? "" : "  # add to the issue's phrases"))
        var byLanguage: [String: [PhraseSuggestions.Phrase]] = [:]
        for phrase in mine { byLanguage[phrase.language ?? "any", default: []].append(phrase) }
        for language in (Stopwords.languages + ["any"]) where byLanguage[language] != nil {
          lines.append("          \(language):")
          for phrase in byLanguage[language] ?? [] {
            lines.append(
              "            - \(Self.quoted(phrase.phrase))  # precision "
                + String(format: "%.2f", phrase.precision)
                + ", support \(phrase.support), fixes \(phrase.gain)")
          }
        }
      }
    }
    return lines.joined(separator: "\n")
  }

  /// A YAML double-quoted scalar.
  static func quoted(_ text: String, always: Bool = false) -> String {
    let identifier = text.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
    }
    let reserved = ["yes", "no", "true", "false", "null", "on", "off", "y", "n"]
    if !always && identifier && !text.isEmpty && !reserved.contains(text)
      && !text.allSatisfy(\.isNumber)
    {
      return text
    }
    let escaped = text.replacingOccurrences(of: "\\", with: "\\\\")
      .replacingOccurrences(of: "\"", with: "\\\"")
    return "\"\(escaped)\""
  }
}
