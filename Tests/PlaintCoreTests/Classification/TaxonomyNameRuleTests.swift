import Testing

@testable import PlaintCore

/// The name rules `validate()` applies are the ones `plaint init` proposes by
/// (`Taxonomy.problem(ofIssueName:)`, `problem(ofProductLineName:)`, `sourceValueKey(_:)`):
/// reserved names are reserved in any case, and two issues listing one help-desk value in two
/// spellings are an error, since only one of them could ever match.
@Suite struct TaxonomyNameRuleTests {
  @Test(arguments: ["unclassified", "Unclassified", "UNCLASSIFIED", " unclassified "])
  func theUnclassifiedNameIsReservedInAnyCase(_ name: String) {
    let issue = Taxonomy.Issue(category: .other, name: name, phrases: ["misc"])
    #expect(Taxonomy.problem(ofIssueName: name) == .reserved)
    #expect(
      Taxonomy(issues: [issue], productLines: []).validate() == [
        "other.\(name): the issue name `\(name)` is reserved for tickets no rule matches"
      ])
  }

  @Test(arguments: ["unassigned", "Unassigned", "UNASSIGNED"])
  func theUnassignedLineIsReservedInAnyCase(_ name: String) {
    let issue = Taxonomy.Issue(category: .other, name: "misc", phrases: ["misc"])
    let line = Taxonomy.ProductLine(name: name, products: ["X-*"])
    #expect(
      Taxonomy(issues: [issue], productLines: [line]).validate() == [
        "product line \"\(name)\": the name is reserved for tickets with no product line"
      ])
  }

  @Test(arguments: ["-", "?", "...", "💥", "", "  "])
  func aNameWithoutLettersOrDigitsIsRefused(_ name: String) {
    #expect(Taxonomy.problem(ofIssueName: name) == .noLettersOrDigits)
    #expect(Taxonomy.problem(ofProductLineName: name) == .noLettersOrDigits)
  }

  @Test func oneHelpDeskValueInTwoIssuesIsAnError() {
    let taxonomy = Taxonomy(
      issues: [
        Taxonomy.Issue(category: .other, name: "Billing", phrases: [], sourceValues: ["Billing"]),
        Taxonomy.Issue(category: .other, name: "billing", phrases: [], sourceValues: ["billing"]),
      ], productLines: [])
    #expect(
      taxonomy.validate() == [
        "other.billing: source value \"billing\" matches the same tickets as \"Billing\" of "
          + "other.Billing (case and accents are folded), so only one of them can ever match; "
          + "list every spelling under one issue"
      ])
    // Why: every spelling reaches the first issue, the second stays at 0 for ever.
    let classifier = Classifier(taxonomy: taxonomy)
    for spelling in ["Billing", "billing", "BILLING"] {
      let result = classifier.classify(text: "", product: nil, sourceCategory: spelling)
      #expect(result.issue == "Billing", "\(spelling)")
    }
  }

  @Test func everySpellingUnderOneIssueIsFine() {
    let taxonomy = Taxonomy(
      issues: [
        Taxonomy.Issue(
          category: .other, name: "Billing", phrases: [],
          sourceValues: ["Billing", "billing", "BILLING"])
      ], productLines: [])
    #expect(taxonomy.validate().isEmpty)
  }
}
