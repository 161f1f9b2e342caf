internal import GRDB
import PlaintCore

/// Tickets every statistic leaves out: canary complaints, recognised by tag or by id.
///
/// Ids match SQLite `GLOB` patterns (`*`, `?`, `[…]`; case-sensitive); tags match whole tags,
/// case-insensitively for ASCII letters.
public struct TicketExclusion: Sendable, Equatable {
  public var tags: [String]
  public var idPatterns: [String]

  public init(tags: [String] = [], idPatterns: [String] = []) {
    self.tags = tags
    self.idPatterns = idPatterns
  }

  public static let none = TicketExclusion()

  public var isEmpty: Bool { tags.isEmpty && idPatterns.isEmpty }

  /// An SQL condition true for an excluded ticket, and its arguments; nil when nothing is excluded.
  var matchCondition: (sql: String, arguments: [String])? {
    guard !isEmpty else { return nil }
    var parts: [String] = []
    var arguments: [String] = []
    for pattern in idPatterns {
      parts.append("id GLOB ?")
      arguments.append(pattern)
    }
    for tag in tags {
      parts.append("(',' || tags || ',') LIKE ? ESCAPE '\\'")
      let escaped =
        tag
        .replacingOccurrences(of: "\\", with: "\\\\")
        .replacingOccurrences(of: "%", with: "\\%")
        .replacingOccurrences(of: "_", with: "\\_")
      arguments.append("%," + escaped + ",%")
    }
    return ("(" + parts.joined(separator: " OR ") + ")", arguments)
  }

  /// Whether a ticket is excluded, by the same rules as the SQL condition.
  public func matches(_ ticket: Ticket) -> Bool {
    if idPatterns.contains(where: { Self.glob($0, ticket.id) }) { return true }
    return matches(tags: ticket.tags)
  }

  /// Whether a ticket with these tags is excluded by them.
  public func matches(tags ticketTags: [String]) -> Bool {
    guard !tags.isEmpty else { return false }
    let wanted = Set(tags.map { $0.lowercased() })
    return ticketTags.contains { wanted.contains($0.lowercased()) }
  }

  /// `*` and `?` globbing, the subset of SQLite's GLOB that canary patterns use.
  static func glob(_ pattern: String, _ text: String) -> Bool {
    let p = Array(pattern)
    let t = Array(text)
    var pi = 0
    var ti = 0
    var star = -1
    var mark = 0
    while ti < t.count {
      if pi < p.count, p[pi] == "?" || p[pi] == t[ti] {
        pi += 1
        ti += 1
      } else if pi < p.count, p[pi] == "*" {
        star = pi
        mark = ti
        pi += 1
      } else if star >= 0 {
        pi = star + 1
        mark += 1
        ti = mark
      } else {
        return false
      }
    }
    while pi < p.count, p[pi] == "*" { pi += 1 }
    return pi == p.count
  }
}

extension Store {
  /// Every stored ticket the exclusion matches (any period), oldest first.
  public func tickets(matching exclusion: TicketExclusion) throws(StoreError) -> [ClassifiedTicket]
  {
    guard let condition = exclusion.matchCondition else { return [] }
    return try read("reading canary tickets") { db in
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT \(Self.everyTicketColumn) FROM tickets WHERE \(condition.sql)
          ORDER BY created, system, id
          """,
        arguments: StatementArguments(condition.arguments))
      return try Self.classifiedTickets(db, rows)
    }
  }
}
