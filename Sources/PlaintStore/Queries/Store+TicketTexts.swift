import Foundation
internal import GRDB
import PlaintCore

/// A stored ticket's id and the fields the taxonomy reads, for `plaint taxonomy`.
public struct TicketText: Sendable, Hashable {
  public var system: String
  public var id: String
  public var text: String
  public var sourceCategory: String?
}

extension Store {
  /// Every stored ticket's id, text and help-desk category, by system and id.
  public func ticketTexts() throws(StoreError) -> [TicketText] {
    try read("reading ticket texts") { db in
      let rows = try Row.fetchCursor(
        db, sql: "SELECT system, id, text, source_category FROM tickets ORDER BY system, id")
      var texts: [TicketText] = []
      while let row = try rows.next() {
        texts.append(
          TicketText(
            system: row["system"], id: row["id"], text: row["text"],
            sourceCategory: row["source_category"]))
      }
      return texts
    }
  }
}
