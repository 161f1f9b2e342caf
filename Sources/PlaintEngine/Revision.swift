import Foundation
import PlaintCore
import PlaintReport
import PlaintStore

/// How this run's verdicts on a period differ from those an earlier run published for it: the
/// anomalies it no longer finds, and those it finds that the earlier run did not.
///
/// A report a cron job wrote may have been read and acted on. A later run over more rows,
/// revised sales or another taxonomy that drops one of its anomalies, or raises a new one,
/// replaced it without a word: the new user's CFPB job published an anomaly for 2018-11 that a
/// later run over more of the month would not give. The difference is said on stderr, in a line
/// `--quiet` does not hide, and in manifest.json (`revises`). The report's own files stay the
/// same bytes for the same inputs, whatever runs came before.
struct Revision: Encodable, Equatable {
  /// An anomaly's cell, as published and as this run finds it.
  struct Verdict: Encodable, Equatable {
    /// The anomaly's id: `period/category/product_line/tier`.
    var id: String
    /// The count and expected count the earlier run published; nil for an anomaly it did not.
    var publishedCount: Int?
    var publishedExpected: Double?
    /// The cell's count, expected count and status in this run; nil when the cell is not in
    /// this run's grid.
    var count: Int?
    var expected: Double?
    var status: String?
  }

  /// When the earlier run finished (ISO 8601).
  var publishedAt: String
  /// Anomalies the earlier run published that this run does not find.
  var withdrawn: [Verdict]
  /// Anomalies this run finds that the earlier run did not publish.
  var added: [Verdict]

  /// The revision of `report`'s period, whose anomalies are `now`, against what the run that
  /// finished at `publishedAt` recorded (`published`); nil when the two name the same cells.
  init?(
    published: [AnomalyRecord], publishedAt: String, now: [AnomalyRecord], report: ReportModel
  ) {
    let before = Set(published.map(\.cell))
    let after = Set(now.map(\.cell))
    guard before != after else { return nil }
    let points = Self.points(report)
    func verdict(_ record: AnomalyRecord, published: Bool) -> Verdict {
      let id = Self.id(record.period, record.cell)
      let point = points[id]
      return Verdict(
        id: id,
        publishedCount: published ? record.count : nil,
        publishedExpected: published ? record.expected.flatMap(OutputNumber.rounded) : nil,
        count: point?.count,
        expected: point.flatMap { point in
          point.center.flatMap { center in point.units.map { center * $0 } }
        }.flatMap(OutputNumber.rounded),
        status: point?.status.rawValue)
    }
    self.publishedAt = publishedAt
    withdrawn = published.filter { !after.contains($0.cell) }.sorted { $0.cell < $1.cell }
      .map { verdict($0, published: true) }
    added = now.filter { !before.contains($0.cell) }.sorted { $0.cell < $1.cell }
      .map { verdict($0, published: false) }
  }

  /// Each cell's point of the reported period, by the anomaly id it would have.
  private static func points(_ report: ReportModel) -> [String: ReportModel.Point] {
    var points: [String: ReportModel.Point] = [:]
    for cell in report.cells {
      guard let point = cell.series.last(where: { $0.period == report.period }) else { continue }
      points[
        ReportModel.Anomaly.id(
          period: report.period, category: cell.category, productLine: cell.productLine,
          tier: cell.tier.rawValue)] = point
    }
    return points
  }

  private static func id(_ period: Period, _ cell: Cell) -> String {
    ReportModel.Anomaly.id(
      period: period.description, category: cell.category.rawValue,
      productLine: cell.productLine, tier: cell.tier.rawValue)
  }

  /// The line a run says it in: `2025-07's verdicts differ from those a run published at
  /// 2026-12-05T03:00:00Z: no longer an anomaly: product / Kettles / consumer (published: 75
  /// complaints against 30 expected; now: 75 complaints, in control); the report's manifest.json
  /// lists them under "revises"`.
  func line(period: String) -> String {
    var parts: [String] = []
    if !withdrawn.isEmpty {
      parts.append(
        "no longer an anomaly: "
          + withdrawn.map { verdict in
            let published =
              "published: \(Self.counted(verdict.publishedCount, verdict.publishedExpected))"
            let now =
              verdict.status.map {
                "now: \(Self.counted(verdict.count, verdict.expected)), \(Self.words($0))"
              } ?? "now: not in the grid"
            return "\(Self.name(verdict.id)) (\(published); \(now))"
          }.joined(separator: ", "))
    }
    if !added.isEmpty {
      parts.append(
        "newly an anomaly: "
          + added.map { "\(Self.name($0.id)) (\(Self.counted($0.count, $0.expected)))" }
          .joined(separator: ", "))
    }
    return
      "\(period)'s verdicts differ from those a run published at \(publishedAt): "
      + parts.joined(separator: "; ")
      + "; the report's manifest.json lists them under \"revises\""
  }

  /// `product / Kettles / consumer` of `2025-07/product/Kettles/consumer`.
  private static func name(_ id: String) -> String {
    id.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
      .joined(separator: " / ")
  }

  private static func counted(_ count: Int?, _ expected: Double?) -> String {
    guard let count else { return "no count" }
    let complaints = "\(count) \(count == 1 ? "complaint" : "complaints")"
    guard let expected else { return complaints }
    return "\(complaints) against \(OutputNumber.significant(expected, digits: 3)) expected"
  }

  /// A cell's status in words, for a cell no longer an anomaly.
  private static func words(_ status: String) -> String {
    switch ReportModel.PointStatus(rawValue: status) {
    case .inControl: "in control"
    case .anomaly: "an anomaly"
    case .improvement: "an improvement"
    case .watch: "a watch"
    case .insufficientHistory: "not judged, too little history"
    case .noExposure: "not judged, zero sales units"
    case .missing: "not judged, sales units missing"
    case .notCovered: "not judged, no export covers it"
    case .partial: "not judged, partial period"
    case .withheld: "withheld, classification shift"
    case .silentBaseline: "not judged, no complaints in its baseline"
    case .fillingIn: "not judged, still filling in"
    case nil: status
    }
  }
}
