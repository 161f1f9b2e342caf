import Foundation

/// Where a row came from: the file and the 1-based line its record starts on.
public struct SourceLocation: Hashable, Codable, Sendable, CustomStringConvertible {
  public var file: String
  public var line: Int

  public init(file: String, line: Int) {
    self.file = file
    self.line = line
  }

  public var description: String { "\(file):\(line)" }
}

/// One complaint as read from an export, before classification.
public struct Ticket: Hashable, Sendable {
  /// Namespace of the id; the dedup key is system + id.
  public var system: String
  public var id: String
  public var created: Date
  public var updated: Date?
  public var resolved: Date?
  /// The narrative: subject and description joined.
  public var text: String
  /// Customer id or e-mail address.
  public var customer: String?
  /// Customer display name; shown only when the configuration allows.
  public var customerName: String?
  /// The mapped product column: a SKU, model or product name.
  public var product: String?
  public var channel: String?
  public var agent: String?
  /// The help desk's own category value, matched by the taxonomy's `source_values`.
  public var sourceCategory: String?
  public var tags: [String]
  public var location: SourceLocation
  /// The configured `slices:` read from columns, by slice name; a slice whose column is empty in
  /// this row is absent.
  public var slices: [String: String] = [:]

  public init(
    system: String, id: String, created: Date, updated: Date? = nil, resolved: Date? = nil,
    text: String, customer: String? = nil, customerName: String? = nil, product: String? = nil,
    channel: String? = nil, agent: String? = nil, sourceCategory: String? = nil,
    tags: [String] = [], location: SourceLocation
  ) {
    self.system = system
    self.id = id
    self.created = created
    self.updated = updated
    self.resolved = resolved
    self.text = text
    self.customer = customer
    self.customerName = customerName
    self.product = product
    self.channel = channel
    self.agent = agent
    self.sourceCategory = sourceCategory
    self.tags = tags
    self.location = location
  }
}

extension Ticket {
  /// The slices as one text, as the store and the scale-out lines keep them: `name␟value` pairs
  /// sorted by name, joined by `␞` (the ASCII unit and record separators); nil when none.
  public var encodedSlices: String? {
    guard !slices.isEmpty else { return nil }
    return slices.keys.sorted().map { "\($0)\u{1F}\(slices[$0] ?? "")" }
      .joined(separator: "\u{1E}")
  }

  /// Reads `encodedSlices` back; nil or empty gives no slices.
  public static func decodeSlices(_ text: String?) -> [String: String] {
    guard let text, !text.isEmpty else { return [:] }
    var slices: [String: String] = [:]
    for pair in text.split(separator: "\u{1E}", omittingEmptySubsequences: true) {
      guard let cut = pair.firstIndex(of: "\u{1F}") else { continue }
      slices[String(pair[..<cut])] = String(pair[pair.index(after: cut)...])
    }
    return slices
  }
}

/// Key accounts by customer id or e-mail domain; everybody else is a consumer.
public struct KeyAccounts: Sendable, Equatable {
  public var customerIDs: Set<String>
  /// Lower-cased e-mail domains without the "@".
  public var domains: Set<String>

  /// E-mail addresses among `customerIDs` are kept lower-cased: they match in any case.
  public init(customerIDs: Set<String> = [], domains: Set<String> = []) {
    self.customerIDs = Set(customerIDs.map { $0.contains("@") ? $0.lowercased() : $0 })
    self.domains = Set(domains.map { $0.lowercased() })
  }

  public func tier(of customer: String?) -> Tier {
    guard let customer, !customer.isEmpty else { return .consumer }
    if customerIDs.contains(customer) { return .keyAccount }
    // Most customers are lower-case ASCII e-mail addresses, which lower-casing leaves as they
    // are: the domain is then looked up as it stands, on bytes (the general path below cut
    // graphemes and built two lower-cased copies per ticket on the parse threads).
    let bytes = customer.utf8
    if bytes.allSatisfy({ $0 < 0x80 && !(0x41...0x5A).contains($0) }) {
      guard !domains.isEmpty, let at = bytes.lastIndex(of: UInt8(ascii: "@")) else {
        return .consumer
      }
      let domain = Substring(bytes[bytes.index(after: at)...])
      return domains.contains(String(domain)) ? .keyAccount : .consumer
    }
    if let at = customer.lastIndex(of: "@") {
      if customerIDs.contains(customer.lowercased()) { return .keyAccount }
      let domain = customer[customer.index(after: at)...].lowercased()
      if domains.contains(domain) { return .keyAccount }
    }
    return .consumer
  }
}

extension Ticket {
  /// Whether the ticket `(system, id)` comes before `(otherSystem, otherID)` in SQLite's order
  /// of text, by bytes: Swift's `<` and `==` take canonically equal spellings ("é" and "e + ́")
  /// as equal, which leaves their order to the order the tickets came in.
  public static func keyPrecedes(
    _ system: String, _ id: String, _ otherSystem: String, _ otherID: String
  ) -> Bool {
    system.utf8.elementsEqual(otherSystem.utf8)
      ? id.utf8.lexicographicallyPrecedes(otherID.utf8)
      : system.utf8.lexicographicallyPrecedes(otherSystem.utf8)
  }
}
