import Foundation
import PlaintCore
import Testing

@testable import PlaintIngest

struct SalesLoaderTests {
  @Test func readsEveryRow() throws {
    let rows = try SalesLoader.load(
      path: Fixture.path("sales.csv"), displayPath: "sales.csv", granularity: .month)
    #expect(
      rows == [
        SalesVolume(
          period: .month(2025, 9), productLine: "Air Fryers", tier: .consumer, units: 1200,
          revenue: 54000.5),
        SalesVolume(
          period: .month(2025, 9), productLine: "Air Fryers", tier: .keyAccount, units: 300,
          revenue: nil),
        SalesVolume(
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

  /// An unquoted thousands separator splits the value in two: the row fails, naming its line,
  /// instead of being read as 1 unit.
  @Test func aValueSplitByItsThousandsSeparatorFailsTheFile() throws {
    let path = temporaryFile(
      "sales-wide.csv",
      "period,product_line,tier,units\n2025-11,Kettles,consumer,900\n2025-12,Kettles,consumer,1,000\n"
    )
    defer { try? FileManager.default.removeItem(atPath: path) }
    let error = #expect(throws: IngestError.self) {
      try SalesLoader.load(path: path, displayPath: "sales-wide.csv", granularity: .month)
    }
    let message = error.map { "\($0)" } ?? ""
    #expect(message.hasPrefix("sales-wide.csv: line 3: 5 fields where the header has 4"))
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

  /// A key-account list as users have it, and customers it must and must not make key accounts.
  struct ListCase: Sendable, CustomStringConvertible {
    var file: String
    var column: String?
    var keys: [String]
    var consumers: [String]
    var description: String { file }
  }

  static let lists = [
    // Any header: the ids are in the first column.
    ListCase(
      file: "key_accounts-crm.csv", column: nil, keys: ["C-1001", "C-1002"],
      consumers: ["Big Retail", "enterprise", "customer_id", "C-1003"]),
    // E-mail addresses match in any case; "@domain" takes every address of the domain.
    ListCase(
      file: "key_accounts-emails.csv", column: nil,
      keys: ["buyer@hotel-chain.example", "BUYER@HOTEL-CHAIN.EXAMPLE", "anyone@Partner.example"],
      consumers: ["other@hotel-chain.example", "Hotel Chain", "partner.example"]),
    // No header at all: the first line is an entry.
    ListCase(
      file: "key_accounts-list.csv", column: nil, keys: ["C-2001", "C-2002", "x@bigco.example"],
      consumers: ["C-2003", "x@bigco.example.org"]),
    // A named column, in a semicolon file.
    ListCase(
      file: "key_accounts-column.csv", column: "account no", keys: ["A-77", "A-78"],
      consumers: ["Big Retail", "Kim"]),
    // The original format: a `key` column.
    ListCase(
      file: "key_accounts.csv", column: nil, keys: ["C-1001", "a@partner.example"],
      consumers: ["Big Retail", "C-1002"]),
  ]

  @Test(arguments: lists) func readsTheListsUsersHave(_ list: ListCase) throws {
    let accounts = try KeyAccountsLoader.load(
      path: Fixture.path(list.file), displayPath: list.file, column: list.column)
    for key in list.keys { #expect(accounts.tier(of: key) == .keyAccount, "\(key)") }
    for other in list.consumers { #expect(accounts.tier(of: other) == .consumer, "\(other)") }
  }

  @Test func aNamedColumnThatIsMissingNamesTheHeader() throws {
    #expect(throws: IngestError.self) {
      try KeyAccountsLoader.load(
        path: Fixture.path("key_accounts-crm.csv"), displayPath: "crm.csv", column: "email")
    }
    do {
      _ = try KeyAccountsLoader.load(
        path: Fixture.path("key_accounts-crm.csv"), displayPath: "crm.csv", column: "email")
    } catch {
      #expect("\(error)".contains("\"email\" (named by key_accounts.column)"))
      #expect("\(error)".contains("\"customer_id\", \"company\", \"segment\""))
    }
  }

  @Test(arguments: ["", "@", "@a@b.example", "@localhost"])
  func entriesThatCannotMatchAreRefused(_ entry: String) {
    #expect(KeyAccountsLoader.problem(entry) != nil)
    #expect(throws: KeyAccountsLoader.EntryProblem.self) {
      try KeyAccountsLoader.accounts(["C-1", entry])
    }
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
