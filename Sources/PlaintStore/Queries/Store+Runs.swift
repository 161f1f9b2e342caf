import Foundation
internal import GRDB
import PlaintCore

/// An anomaly as remembered between runs.
public struct AnomalyRecord: Sendable, Hashable {
  public var period: Period
  public var cell: Cell
  public var status: String
  public var streak: Int
  public var count: Int
  public var expected: Double?

  public init(
    period: Period, cell: Cell, status: String, streak: Int, count: Int, expected: Double?
  ) {
    self.period = period
    self.cell = cell
    self.status = status
    self.streak = streak
    self.count = count
    self.expected = expected
  }
}

extension Store {
  /// A value kept between runs (taxonomy hash, classification settings).
  public func meta(_ key: String) throws(StoreError) -> String? {
    try read("reading \(key)") { db in
      try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
    }
  }

  public func setMeta(_ key: String, _ value: String) throws(StoreError) {
    try write("storing \(key)") { db in
      try db.execute(
        sql:
          "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = ?",
        arguments: [key, value, value])
    }
  }

  /// The periods earlier runs reported, as their runs recorded them ("2025-08", "2025-W07").
  public func reportedPeriods() throws(StoreError) -> [String] {
    try read("reading the periods reported") { db in
      try String.fetchAll(db, sql: "SELECT DISTINCT period FROM runs")
    }
  }

  /// When the newest run that reported `period` finished, as it recorded it (ISO 8601); nil
  /// when no run has reported it.
  public func lastRun(of period: Period) throws(StoreError) -> String? {
    try read("reading the runs of \(period)") { db in
      try String.fetchOne(
        db, sql: "SELECT finished_at FROM runs WHERE period = ? ORDER BY id DESC LIMIT 1",
        arguments: [period.description])
    }
  }

  /// Records a finished run and the anomalies of its period (replacing an earlier run's for it).
  public func recordRun(period: Period, finishedAt: Date, anomalies: [AnomalyRecord])
    throws(StoreError)
  {
    try write("recording the run") { db in
      try db.execute(
        sql: "INSERT INTO runs (period, finished_at, anomalies) VALUES (?, ?, ?)",
        arguments: [
          period.description, ISO8601DateFormatter().string(from: finishedAt), anomalies.count,
        ])
      try db.execute(
        sql: "DELETE FROM anomalies WHERE period = ?", arguments: [period.description])
      for anomaly in anomalies {
        try db.execute(
          sql: """
            INSERT INTO anomalies (period, category, product_line, tier, status, streak, count,
              expected) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """,
          arguments: [
            anomaly.period.description, anomaly.cell.category.rawValue, anomaly.cell.productLine,
            anomaly.cell.tier.rawValue, anomaly.status, anomaly.streak, anomaly.count,
            anomaly.expected,
          ])
      }
    }
  }

  /// The anomalies recorded for `period` by earlier runs.
  public func anomalies(in period: Period) throws(StoreError) -> [AnomalyRecord] {
    try read("reading anomaly history") { db in
      try Row.fetchAll(
        db, sql: "SELECT * FROM anomalies WHERE period = ? ORDER BY category, product_line, tier",
        arguments: [period.description]
      ).map { row in
        let cell = try Self.cell(
          row, table: "anomalies",
          key: "the anomaly of \(period) in \(row["product_line"] as String)")
        return AnomalyRecord(
          period: period, cell: cell, status: row["status"], streak: row["streak"],
          count: row["count"], expected: row["expected"])
      }
    }
  }
}
