import Foundation
import Testing

@testable import PlaintCore

@Suite("Rollup")
struct RollupTests {
  static let tiers: [Rollup<Tier>] = [.all] + Tier.allCases.map(Rollup.only)
  static let categories: [Rollup<Category>] = [.all] + Category.allCases.map(Rollup.only)

  @Test func everyPartReadsBackFromWhatItWrites() throws {
    for tier in Self.tiers {
      #expect(Rollup<Tier>(rawValue: tier.rawValue) == tier)
      #expect("\(tier)" == tier.rawValue)
      let json = try JSONEncoder().encode([tier])
      #expect(String(decoding: json, as: UTF8.self) == "[\"\(tier.rawValue)\"]")
      #expect(try JSONDecoder().decode([Rollup<Tier>].self, from: json) == [tier])
    }
    for category in Self.categories {
      #expect(Rollup<Category>(rawValue: category.rawValue) == category)
    }
    #expect(Rollup<Tier>.all.rawValue == "*")
    #expect(Rollup(Tier.keyAccount).rawValue == "key_account")
    #expect(Rollup<Tier>(nil) == .all)
  }

  @Test func anyOtherWordIsNoPart() {
    for word in ["", "**", "keyAccount", "Consumer", "all", "key-account", " *"] {
      #expect(Rollup<Tier>(rawValue: word) == nil, "\(word)")
    }
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode([Rollup<Tier>].self, from: Data("[\"vip\"]".utf8))
    }
  }

  @Test func partsSortAsTheirWrittenWords() {
    let sorted = Self.tiers.shuffled().sorted()
    #expect(sorted.map(\.rawValue) == Self.tiers.map(\.rawValue).sorted())
    #expect(Self.categories.sorted().first == .all)
  }
}
