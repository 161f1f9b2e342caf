import Foundation
internal import GRDB

/// Counts of one period that a report would otherwise count from the period's tickets every
/// month (the concentration baseline's dimension counts), kept with what they were counted from.
public struct PeriodSummary: Sendable, Equatable {
  public var period: String
  /// What the counts depend on beyond the tickets (time zone, dimensions, exclusions).
  public var settings: String
  /// `BaseCounts.fingerprints` of the period when it was counted.
  public var fingerprint: String
  public var counts: Data

  public init(period: String, settings: String, fingerprint: String, counts: Data) {
    self.period = period
    self.settings = settings
    self.fingerprint = fingerprint
    self.counts = counts
  }
}

extension Store {
  /// The stored summaries of `kind` for `periods` (those there are), by period.
  public func periodSummaries(kind: String, periods: [String]) throws(StoreError)
    -> [String: PeriodSummary]
  {
    guard !periods.isEmpty else { return [:] }
    return try read("reading the stored summaries of periods") { db in
      let marks = Array(repeating: "?", count: periods.count).joined(separator: ",")
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT period, settings, fingerprint, counts FROM period_summaries
          WHERE kind = ? AND period IN (\(marks))
          """,
        arguments: StatementArguments([kind] + periods))
      var found: [String: PeriodSummary] = [:]
      for row in rows {
        let summary = PeriodSummary(
          period: row["period"], settings: row["settings"], fingerprint: row["fingerprint"],
          counts: row["counts"])
        found[summary.period] = summary
      }
      return found
    }
  }

  /// Stores `summaries` of `kind`, replacing what the store held for their periods.
  public func storePeriodSummaries(kind: String, _ summaries: [PeriodSummary])
    throws(StoreError)
  {
    guard !summaries.isEmpty else { return }
    try write("storing summaries of periods") { db in
      for summary in summaries {
        try db.execute(
          sql: """
            INSERT OR REPLACE INTO period_summaries (period, kind, settings, fingerprint, counts)
            VALUES (?, ?, ?, ?, ?)
            """,
          arguments: [summary.period, kind, summary.settings, summary.fingerprint, summary.counts])
      }
    }
  }
}
