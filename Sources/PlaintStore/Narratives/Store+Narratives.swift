import Foundation
internal import GRDB
import PlaintCore

/// Where a stored ticket's narrative is: a block of the `narratives` table and a slot in it.
struct NarrativeRef: Hashable {
  var block: Int64
  var slot: Int

  init(block: Int64, slot: Int) {
    self.block = block
    self.slot = slot
  }

  /// The row's reference (`text_block`, `text_slot`); nil when the row holds its text itself
  /// (read before narratives had blocks, blank, or a query that reads no text). A block without
  /// a slot throws `UndecodableRow`, naming `key`.
  init?(_ row: Row, key: @autoclosure () -> String) throws {
    guard let block = row["text_block"] as Int64? else { return nil }
    guard let slot = row["text_slot"] as Int? else {
      throw UndecodableRow(
        table: "tickets", key: key(), problem: "text_block \(block) comes without a text_slot")
    }
    self.block = block
    self.slot = slot
  }
}

/// Reads narratives out of their blocks, keeping the last few blocks decompressed: rows read
/// in about the order they were written find their text in a block read for a row before.
struct NarrativeReader {
  private var recent: [(block: Int64, texts: StoredNarratives)] = []
  /// 16 blocks: about 2 MiB of texts.
  private static let kept = 16
  private let decompressor = NarrativeDecompressor()

  /// The text `ref` names; a missing block, a block Plaint cannot read or a slot the block
  /// does not have throws `UndecodableRow` (the store is damaged), naming `key`.
  mutating func text(_ db: Database, _ ref: NarrativeRef, key: @autoclosure () -> String)
    throws -> String
  {
    let texts: StoredNarratives
    if let index = recent.firstIndex(where: { $0.block == ref.block }) {
      texts = recent[index].texts
    } else {
      guard
        let stored = try Data.fetchOne(
          db, sql: "SELECT data FROM narratives WHERE block = ?", arguments: [ref.block])
      else {
        throw UndecodableRow(
          table: "narratives", key: "block \(ref.block) (\(key()))", problem: "it is missing")
      }
      // The block that leaves the kept ones lends its memory to the one coming in.
      let spare = recent.count == Self.kept ? recent.removeFirst().texts.buffer : []
      guard
        let decoded = NarrativeBlock.texts(
          stored, decompressor: decompressor, reusing: consume spare)
      else {
        throw UndecodableRow(
          table: "narratives", key: "block \(ref.block) (\(key()))",
          problem: "its data is not a zstd block of narratives")
      }
      texts = decoded
      recent.append((ref.block, decoded))
    }
    guard let text = texts.text(ref.slot) else {
      throw UndecodableRow(
        table: "narratives", key: "block \(ref.block) (\(key()))",
        problem: "it has \(texts.count) texts, not a slot \(ref.slot)")
    }
    return text
  }

  /// Fills in the narratives of `tickets` whose rows named a block (`refs`, by index in
  /// `tickets`), reading each block once whatever order the tickets are in.
  static func fill(
    _ db: Database, _ tickets: inout [ClassifiedTicket], refs: [(index: Int, ref: NarrativeRef)]
  ) throws {
    var reader = NarrativeReader()
    for (index, ref) in refs.sorted(by: { ($0.ref.block, $0.index) < ($1.ref.block, $1.index) }) {
      let ticket = tickets[index].ticket
      tickets[index].ticket.text = try reader.text(
        db, ref, key: "ticket \"\(ticket.id)\" of \(ticket.system)")
    }
  }
}

extension Store {
  /// The tickets the rows hold, narratives included, in the rows' order.
  static func classifiedTickets(_ db: Database, _ rows: RowCursor) throws -> [ClassifiedTicket] {
    var tickets: [ClassifiedTicket] = []
    var refs: [(index: Int, ref: NarrativeRef)] = []
    while let row = try rows.next() {
      if let ref = try NarrativeRef(row, key: ticketKey(row)) { refs.append((tickets.count, ref)) }
      tickets.append(try classifiedTicket(row))
    }
    if !refs.isEmpty { try NarrativeReader.fill(db, &tickets, refs: refs) }
    return tickets
  }
}

extension Store {
  /// The narrative blocks stored for each file, by its checksum (for the tests: forgetting a
  /// file must leave none of its blocks behind).
  func narrativeBlocksBySource() throws -> [String: Int] {
    try writer.read { db in
      var blocks: [String: Int] = [:]
      for row in try Row.fetchAll(
        db, sql: "SELECT source_sha256, COUNT(*) AS n FROM narratives GROUP BY source_sha256")
      {
        blocks[row["source_sha256"]] = row["n"]
      }
      return blocks
    }
  }
}
