import Foundation
import PlaintCore
import PlaintTestSupport
import Testing

@testable import PlaintEngine

/// `plaint init --from` proposes issues and product lines from an export's own values by the
/// rules `plaint validate` applies, so whatever the help desk writes in its category and
/// product columns, init's taxonomy loads: values without letters or digits and reserved names
/// are left out (and said so), spellings that match the same tickets become one issue or line.
@Suite struct StarterProposalTests {
  /// A value a help desk might hold: punctuation-only marks, emoji, reserved names, case
  /// variants, YAML-shaped text, line breaks of every kind, control characters, long text.
  static func value(_ random: inout SplitMix64) -> String {
    func pick(_ options: [String]) -> String { options[random.next(below: options.count)] }
    switch random.next(below: 9) {
    case 0: return pick(["-", "?", "...", "*", "—", "/", "#", "!!", " ", "", "()", "?*"])
    case 1: return pick(["💥", "🙂👍", "🇬🇧", "💥 ", "👍🏽"])
    case 2:
      return pick([
        "unclassified", "Unclassified", "UNCLASSIFIED", "unassigned", "Unassigned",
        " unclassified ",
      ])
    case 3:
      let base = pick(["Billing", "Refund", "Délai", "İade", "Straße", "Ölçü", "Ωμέγα"])
      switch random.next(below: 4) {
      case 0: return base.uppercased()
      case 1: return base.lowercased()
      case 2: return base + pick([" ", "!", " -", "."])
      default: return base
      }
    case 4:
      return String(
        repeating: pick(["word ", "слово ", "字", "a-b "]), count: 30 + random.next(below: 300))
    case 5:
      return pick([
        "yes", "null", "~", "&anchor", "!tag", "key: value", "# x", "a\nb", "\"q\"", "back\\slash",
        "line\u{2028}sep", "next\u{85}line", "\u{FEFF}bom", "bell\u{7}", "del\u{7F}", "c1\u{9C}x",
        "nonchar\u{FFFE}", "tab\tbed", "cr\rlf", "[flow]", "{map}", "%percent", "@at", "`tick`",
        "-dash", "? key", ": colon", "x ", " y",
      ])
    default:
      let alphabet = Array("abcXYZ019 -_.,;:!?*#&'\"/\\()[]{}éÉßİıçÇ中文한국😀\u{301}\t")
      let count = 1 + random.next(below: 24)
      return String((0..<count).map { _ in alphabet[random.next(below: alphabet.count)] })
    }
  }

  /// Distinct values with counts, most frequent first, as ExportGuess hands them out.
  static func values(_ random: inout SplitMix64) -> [(value: String, count: Int)] {
    var seen: Set<String> = []
    var values: [(value: String, count: Int)] = []
    for _ in 0..<random.next(below: 24) {
      let text = value(&random)
      guard seen.insert(text).inserted else { continue }
      values.append((text, 2 + random.next(below: 500)))
    }
    return values.sorted { ($0.count, $1.value) > ($1.count, $0.value) }
  }

  @Test func initsTaxonomyPassesValidateForAnyValues() throws {
    for seed in UInt64(1)...60 {
      var random = SplitMix64(seed: seed)
      let categories = Self.values(&random)
      let products = Self.values(&random)
      let issues = Starter.Proposal.issues(categories)
      let lines = Starter.Proposal.productLines(products)
      let text = Starter.taxonomy(
        categoryColumn: "Category", categories: issues, productColumn: "Product", products: lines)
      let taxonomy: Taxonomy
      do {
        taxonomy = try TaxonomyFile.parse(text, file: "taxonomy.yml")
      } catch {
        Issue.record(
          "seed \(seed): \(error.message)\ncategories \(categories)\nproducts \(products)")
        continue
      }
      // Nothing is lost: every value is proposed (under some spelling) or left out, and a
      // value is left out exactly when it cannot name an issue (a product line).
      for (value, _) in categories {
        let proposed = issues.entries.contains { $0.spellings.contains(value) }
        let left = issues.leftOut.contains { $0.value == value }
        #expect(proposed != left, "seed \(seed): \(value.debugDescription)")
        #expect(left == (Taxonomy.problem(ofIssueName: value) != nil), "seed \(seed)")
      }
      for (value, _) in products {
        let proposed = lines.entries.contains { $0.spellings.contains(value) }
        #expect(proposed != lines.leftOut.contains { $0.value == value }, "seed \(seed)")
      }
      // Each proposed spelling lands in its own proposal, read back from the file: one issue
      // for "Billing", "billing" and "BILLING", none left at 0 for ever.
      let classifier = Classifier(taxonomy: taxonomy)
      for entry in issues.entries {
        for spelling in entry.spellings {
          let result = classifier.classify(text: "", product: nil, sourceCategory: spelling)
          #expect(
            result.issue == entry.name && result.category == .other,
            "seed \(seed): \(spelling.debugDescription) → \(result.issue)")
        }
      }
      // (A `*` or `?` in a value is a one-character wildcard in its glob, which may claim
      // another line's value too: checked only where no value holds one.)
      let wildcards = products.contains { $0.value.contains(where: { "*?".contains($0) }) }
      for entry in lines.entries where !wildcards {
        for spelling in entry.spellings {
          let result = classifier.classify(text: "", product: spelling, sourceCategory: nil)
          #expect(
            result.productLine == entry.name,
            "seed \(seed): \(spelling.debugDescription) → \(result.productLine)")
        }
      }
      let names = issues.entries.map(\.name) + lines.entries.map(\.name)
      #expect(names.allSatisfy { $0.count <= Starter.Proposal.longestName + 4 }, "seed \(seed)")
    }
  }

  @Test func caseVariantsBecomeOneIssueAndPlaceholdersAreLeftOutAndSaid() {
    let issues = Starter.Proposal.issues([
      ("Billing", 300), ("billing", 200), ("-", 150), ("BILLING", 100), ("Refund", 90),
      ("unclassified", 40), ("?", 3),
    ])
    #expect(
      issues.entries == [
        .init(name: "Billing", spellings: ["Billing", "billing", "BILLING"], count: 600),
        .init(name: "Refund", spellings: ["Refund"], count: 90),
      ])
    #expect(issues.leftOut.map(\.value) == ["-", "unclassified", "?"])
    let notes = issues.notes("issue").joined(separator: "\n")
    #expect(notes.contains("merged \"Billing\", \"billing\", \"BILLING\" into one issue"))
    #expect(notes.contains("left out \"-\" (150 sampled), \"?\" (3 sampled): no letters or digits"))
    #expect(notes.contains("left out \"unclassified\" (40 sampled): the report's own name"))
  }
}
