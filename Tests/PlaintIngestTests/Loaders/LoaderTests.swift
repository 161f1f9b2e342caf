import PlaintCore
import Testing

@testable import PlaintIngest

struct SalesLoaderTests {
  @Test func readsEveryRow() throws {
    let rows = try SalesLoader.load(
      path: Fixture.path("sales.csv"), displayPath: "sales.csv", granularity: .month)
    #expect(
      rows == [
        SalesRow(
          period: .month(2025, 9), productLine: "Air Fryers", tier: .consumer, units: 1200,
          revenue: 54000.5),
        SalesRow(
          period: .month(2025, 9), productLine: "Air Fryers", tier: .keyAccount, units: 300,
          revenue: nil),
        SalesRow(
          period: .month(2025, 10), productLine: "Kettles", tier: nil, units: 800, revenue: 16000),
      ])
  }

  @Test func badRowNamesFileLineAndColumn() throws {
    #expect(
      throws: IngestError.badRow(
        "sales-bad.csv", line: 3, column: "units", "\"lots\" is not a number of units")
    ) {
      try SalesLoader.load(
        path: Fixture.path("sales-bad.csv"), displayPath: "sales-bad.csv", granularity: .month)
    }
    let message = IngestError.badRow("sales-bad.csv", line: 3, column: "units", "x").description
    #expect(message.hasPrefix("sales-bad.csv:3: column `units`"))
  }

  @Test func weeksInAMonthlyRunAreAnError() throws {
    #expect(throws: IngestError.self) {
      try SalesLoader.load(
        path: Fixture.path("sales.csv"), displayPath: "sales.csv", granularity: .week)
    }
  }
}

struct KeyAccountsLoaderTests {
  @Test func idsAndDomains() throws {
    let accounts = try KeyAccountsLoader.load(
      path: Fixture.path("key_accounts.csv"), displayPath: "key_accounts.csv")
    #expect(accounts.customerIDs == ["C-1001"])
    #expect(accounts.tier(of: "someone@partner.example") == .keyAccount)
    #expect(accounts.tier(of: "C-1001") == .keyAccount)
    #expect(accounts.tier(of: "C-1002") == .consumer)
  }

  @Test func emptyKeyNamesFileAndLine() throws {
    #expect(
      throws: IngestError.badRow("key_accounts-bad.csv", line: 3, column: "key", "empty key")
    ) {
      try KeyAccountsLoader.load(
        path: Fixture.path("key_accounts-bad.csv"), displayPath: "key_accounts-bad.csv")
    }
  }
}
