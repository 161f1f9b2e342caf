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
      // In the order the rows were written, so that each narrative block is read once.
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT system, id, text, text_block, text_slot, source_category FROM tickets
          ORDER BY rowid
          """)
      var narratives = NarrativeReader()
      var texts: [TicketText] = []
      while let row = try rows.next() {
        var text: String = row["text"]
        if let ref = try NarrativeRef(row, key: Self.ticketKey(row)) {
          text = try narratives.text(db, ref, key: Self.ticketKey(row))
        }
        texts.append(
          TicketText(
            system: row["system"], id: row["id"], text: text,
            sourceCategory: row["source_category"]))
      }
      // SQLite's order: by bytes, not by Swift's Unicode order.
      return texts.sorted { Ticket.keyPrecedes($0.system, $0.id, $1.system, $1.id) }
    }
  }
}
