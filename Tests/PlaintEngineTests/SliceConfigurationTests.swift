import Foundation
import Testing

@testable import PlaintEngine

private func parse(_ yaml: String) throws -> Configuration {
  try Configuration.parse(
    "sources: [{path: a.csv, profile: cfpb}]\n" + yaml, file: "plaint.yml",
    directory: URL(fileURLWithPath: "/tmp/config"))
}

/// `slices:` and `concentrations:` as plaint.yml spells them.
@Suite struct SliceConfigurationTests {
  @Test func slicesKeepTheirOrderAndBuiltInsNeedNoColumn() throws {
    let configuration = try parse(
      "slices: {company: Company, state: \"State \", source: \"@system\", file: \"@file\"}")
    #expect(configuration.slices.map(\.name) == ["company", "state", "source", "file"])
    #expect(configuration.slices.map(\.column) == ["Company", "State", "@system", "@file"])
    #expect(configuration.columnSlices.map(\.name) == ["company", "state"])
  }

  @Test func withoutTheKeysNothingIsSlicedAndTheFamilyHasItsDefaults() throws {
    let configuration = try parse("")
    #expect(configuration.slices.isEmpty)
    #expect(configuration.concentrations.fdr == 0.01)
    #expect(configuration.concentrations.minCount == 10)
    let set = try parse("concentrations: {fdr: 0.05, min_count: 25}")
    #expect(set.concentrations.fdr == 0.05)
    #expect(set.concentrations.minCount == 25)
  }

  @Test(arguments: [
    ("slices: {company: \"\"}", "expected a column name, @system or @file"),
    ("slices: {my company: Company}", "slice name \"my company\" must be lower-case"),
    ("slices: {hour: Hour}", "slice name \"hour\" is taken by a concentration dimension"),
    ("slices: [Company]", "expected a mapping"),
    ("concentrations: {level: 0.1}", "unknown key"),
  ])
  func aBadEntryNamesTheKey(yaml: String, message: String) {
    #expect {
      _ = try parse(yaml)
    } throws: { error in
      "\(error)".contains(message) && "\(error)".hasPrefix("plaint.yml:2")
    }
  }
}
