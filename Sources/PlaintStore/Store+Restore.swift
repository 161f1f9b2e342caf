import Foundation
internal import GRDB
import PlaintCore

/// One file's part of a store rebuilt from scale-out partials: its accounting, its rejects.
public struct RestoredSource: Sendable {
  public var accounting: SourceAccounting
  public var rejects: [Reject]

  public init(accounting: SourceAccounting, rejects: [Reject]) {
    self.accounting = accounting
    self.rejects = rejects
  }
}

extension Store {
  /// Fills an empty store with what `plaint reduce` settled — deduplicated tickets, each file's
  /// accounting (accepted and duplicates already decided) and rejects — in one transaction.
  /// `feed` adds the tickets one by one (so they need not all be in memory) and returns the
  /// sources.
  public func restore(
    now: Date, feed: (_ add: (ClassifiedTicket) throws -> Void) throws -> [RestoredSource]
  ) throws(StoreError) {
    loadCounts.stop()
    try write("restoring the store from partials") { db in
      var sink = try TicketSink(db: db, sha256: "")
      let sources = try feed { try sink.add($0) }
      try sink.finish()
      let stamp = ISO8601DateFormatter().string(from: now)
      for source in sources {
        let accounting = source.accounting
        try Self.insertSource(db, accounting, ingestedAt: stamp, orIgnore: true)
        var rejects = try TicketSink(db: db, sha256: accounting.sha256)
        for reject in source.rejects { try rejects.reject(reject) }
      }
      // Each ticket's file, by the path the settlement gave it: the tickets name one `files`
      // row per path, which takes the checksum of the first source of that path.
      try db.execute(
        sql: """
          UPDATE files SET sha256 =
            (SELECT sha256 FROM sources WHERE sources.path = files.path ORDER BY rowid LIMIT 1)
          WHERE sha256 IS NULL
          """)
    }
  }
}
