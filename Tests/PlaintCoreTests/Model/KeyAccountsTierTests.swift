import PlaintCore
import PlaintTestSupport
import Testing

/// `KeyAccounts.tier(of:)` looks lower-case ASCII customers up on bytes: for every customer it
/// must give the tier the rule gives (an id, or an e-mail address in any case, or its domain).
@Suite struct KeyAccountsTierTests {
  /// The rule as written before the byte path: grapheme search and lower-cased copies.
  static func reference(_ accounts: KeyAccounts, _ customer: String?) -> Tier {
    guard let customer, !customer.isEmpty else { return .consumer }
    if accounts.customerIDs.contains(customer) { return .keyAccount }
    if let at = customer.lastIndex(of: "@") {
      if accounts.customerIDs.contains(customer.lowercased()) { return .keyAccount }
      let domain = customer[customer.index(after: at)...].lowercased()
      if accounts.domains.contains(domain) { return .keyAccount }
    }
    return .consumer
  }

  static let pieces = [
    "a", "z", "A", "Z", "0", ".", "_", "-", "@", "@", "acme", "ACME", "corp", "example.com",
    "Example.COM", "é", "É", "İ", "ß", "\u{301}", " ", "+", "x@y", "mail.acme.de",
  ]

  @Test("the byte path gives the rule's tier", arguments: [false, true])
  func matchesTheRule(withDomains: Bool) {
    var random = SplitMix64(seed: withDomains ? 31 : 32)
    let accounts = KeyAccounts(
      customerIDs: ["C-1", "boss@acme.de", "Chief@Example.com", "ké@acme.de"],
      domains: withDomains ? ["acme.de", "example.com", "é.fr", "mail.acme.de"] : [])
    var keyAccounts = 0
    for _ in 0..<20_000 {
      var customer = ""
      for _ in 0..<random.next(below: 7) {
        customer += Self.pieces[random.next(below: Self.pieces.count)]
      }
      if random.next(below: 4) == 0 {
        customer =
          ["boss", "Boss", "x", "ké", "KÉ"][random.next(below: 5)] + "@"
          + ["acme.de", "ACME.de", "example.com", "é.fr", "É.FR", "mail.acme.de"][
            random.next(below: 6)]
      }
      let expected = Self.reference(accounts, customer)
      #expect(accounts.tier(of: customer) == expected, "customer \(customer.debugDescription)")
      if expected == .keyAccount { keyAccounts += 1 }
    }
    #expect(accounts.tier(of: nil) == .consumer)
    #expect(accounts.tier(of: "C-1") == .keyAccount)
    // Not vacuous: key accounts are found, by id and by domain.
    #expect(keyAccounts > (withDomains ? 2_000 : 200), "\(keyAccounts)")
  }
}
