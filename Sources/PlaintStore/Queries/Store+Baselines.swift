internal import GRDB
import PlaintCore

/// A baseline frozen for one series: what judged it from then on, and where it came from.
public struct StoredBaseline: Sendable, Hashable {
  /// Category, product line and tier as the report names them ("*" in a rolled-up field).
  public var category: String
  public var productLine: String
  public var tier: String
  /// The last period the baseline may draw on (`--through`).
  public var through: Period
  /// The first and last period of the estimation window.
  public var window: ClosedRange<Period>
  /// Periods inside the window left out of the estimate: anomalies of the rolling judgement.
  public var excluded: [Period]
  public var baseline: FrozenBaseline
  public var frozenAt: String
  /// The Plaint version that froze it.
  public var version: String

  public init(
    category: String, productLine: String, tier: String, through: Period,
    window: ClosedRange<Period>, excluded: [Period], baseline: FrozenBaseline, frozenAt: String,
    version: String
  ) {
    self.category = category
    self.productLine = productLine
    self.tier = tier
    self.through = through
    self.window = window
    self.excluded = excluded
    self.baseline = baseline
    self.frozenAt = frozenAt
    self.version = version
  }
}

extension Store {
  /// Replaces every frozen baseline with `baselines`, in one transaction.
  public func replaceBaselines(_ baselines: [StoredBaseline]) throws(StoreError) {
    try write("freezing baselines") { db in
      try db.execute(sql: "DELETE FROM baselines")
      let insert = try db.cachedStatement(
        sql: """
          INSERT INTO baselines (category, product_line, tier, through, window_first, window_last,
            excluded, method, center, sigma_z, periods, frozen_at, version)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """)
      for stored in baselines {
        try insert.execute(arguments: [
          stored.category, stored.productLine, stored.tier, stored.through.description,
          stored.window.lowerBound.description, stored.window.upperBound.description,
          stored.excluded.map(\.description).joined(separator: " "),
          stored.baseline.method.rawValue, stored.baseline.center, stored.baseline.sigmaZ,
          stored.baseline.periods, stored.frozenAt, stored.version,
        ])
      }
    }
  }

  /// The frozen baselines, ordered by category, product line and tier; empty when none.
  public func baselines() throws(StoreError) -> [StoredBaseline] {
    try read("reading baselines") { db in
      try Row.fetchAll(
        db, sql: "SELECT * FROM baselines ORDER BY category, product_line, tier"
      ).map { row -> StoredBaseline in
        let key = {
          "the baseline of \(row["category"] as String) / \(row["product_line"] as String) / \(row["tier"] as String)"
        }
        func period(_ column: String) throws -> Period {
          try Self.period(row, column: column, table: "baselines", key: key())
        }
        let (through, first, last) = (
          try period("through"), try period("window_first"), try period("window_last")
        )
        guard first <= last else {
          throw UndecodableRow(
            table: "baselines", key: key(),
            problem: "its window ends (\(last)) before it starts (\(first))")
        }
        let methodText: String = row["method"]
        guard let method = ChartMethod(rawValue: methodText) else {
          throw UndecodableRow(
            table: "baselines", key: key(),
            problem: "method \"\(methodText)\" is not a chart method")
        }
        let excludedText: String = row["excluded"]
        let excluded = try excludedText.split(separator: " ").map { text in
          guard let period = Period(String(text)) else {
            throw UndecodableRow(
              table: "baselines", key: key(), problem: "excluded period \"\(text)\" is not a period"
            )
          }
          return period
        }
        return StoredBaseline(
          category: row["category"], productLine: row["product_line"], tier: row["tier"],
          through: through, window: first...last, excluded: excluded,
          baseline: FrozenBaseline(
            center: row["center"], sigmaZ: row["sigma_z"], method: method,
            periods: row["periods"]),
          frozenAt: row["frozen_at"], version: row["version"])
      }
    }
  }
}
