import Foundation

/// The rule that decides which copy of a re-exported ticket is kept: the latest update wins.
///
/// Copies of one ticket (same system and id) rank by, greatest first: the update time (the
/// creation time when the export has none), the resolution time (any above none), the creation
/// time, the SHA-256 of the file the copy came from, then its place in that file. Every key is a
/// property of the data, so the kept copy does not depend on the files' names, nor on the order
/// or the runs they arrive in. Only copies from byte-identical files tie on every key; of those,
/// the copy read first stays.
///
/// The store applies this rule in SQL as it writes (`TicketSink`), `plaint reduce` in Swift;
/// tests run random copies through both and through this type.
public struct CopyRank: Comparable, Hashable, Sendable {
  /// The update time, else the creation time, in seconds since 1970.
  public var updated: Double
  /// The resolution time; nil (unresolved) ranks below any time.
  public var resolved: Double?
  public var created: Double
  /// The SHA-256 of the copy's file ("" when unknown).
  public var sha256: String
  /// Where the copy is in its file: the byte offset of the part of the file it was read from (0
  /// for a file read whole) and the line, counted from that part's start.
  public var offset: Int
  public var line: Int

  public static func < (a: CopyRank, b: CopyRank) -> Bool {
    (a.updated, a.resolved ?? -.infinity, a.created, a.sha256, a.offset, a.line)
      < (b.updated, b.resolved ?? -.infinity, b.created, b.sha256, b.offset, b.line)
  }
}

extension Ticket {
  /// This copy's rank among the copies of its ticket, read from the file with `sha256`, `line`
  /// lines into the part that starts at byte `offset` (its own line in a file read whole).
  public func copyRank(sha256: String, offset: Int = 0, line: Int? = nil) -> CopyRank {
    CopyRank(
      updated: (updated ?? created).timeIntervalSince1970,
      resolved: resolved?.timeIntervalSince1970, created: created.timeIntervalSince1970,
      sha256: sha256, offset: offset, line: line ?? location.line)
  }
}

extension CopyRank {
  /// Whether a copy of this rank replaces a kept copy of rank `kept`: only when it ranks higher,
  /// so a tie keeps the copy read first.
  public func supersedes(_ kept: CopyRank) -> Bool { kept < self }
}
