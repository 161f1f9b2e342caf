import Foundation
import Testing

/// Publication lag read export by export: a lagging export beside a steady one, whether they
/// share a product line or the lagging one maps none, and two exports that both lag.
@Suite(.enabled(if: PlaintBinary.isBuilt, "build plaint first (make test does)"))
struct PublicationLagExportsTests {
  typealias Lag = PublicationLagTests

  /// A second export: `monthly(month index from 2024-01)` rows of each product per month for 26
  /// months, then rows on the first `lastDay` days of March 2026.
  static func steadyExport(
    _ folder: URL, name: String, products: [(String, Int)], lastDay: Int, idBase: Int
  ) throws {
    var rows = ["id,created,text,product,landlord"]
    var id = idBase
    for month in 0..<27 {
      let (year, number) = (2024 + month / 12, month % 12 + 1)
      let last = month == 26 ? lastDay : 28
      for (product, perMonth) in products {
        let count = month == 26 ? max(2, perMonth * last / 30) : perMonth
        for k in 0..<count {
          id += 1
          let day = 1 + k * (last - 1) / max(1, count - 1)
          rows.append(
            String(format: "%d,%04d-%02d-%02d,", id, year, number, day)
              + "Kettle stopped working,\(product),Acme")
        }
      }
    }
    try (rows.joined(separator: "\n") + "\n").write(
      to: folder.appendingPathComponent("exports/\(name)"), atomically: true, encoding: .utf8)
  }

  static func addIrons(_ folder: URL) throws {
    let taxonomy = folder.appendingPathComponent("taxonomy.yml")
    let lines = try String(contentsOf: taxonomy, encoding: .utf8)
    try (lines + "\n  Irons: {products: [\"IR-*\"]}\n").write(
      to: taxonomy, atomically: true, encoding: .utf8)
  }

  static func grid(_ folder: URL, _ period: String) throws -> [Substring] {
    try String(
      contentsOf: folder.appendingPathComponent("reports/\(period)/grid.csv"), encoding: .utf8
    ).split(separator: "\n")
  }

  /// Kettles are carried by a lagging export (a.csv: 60 a month, then 18 and 4) and a steady one
  /// (b.csv: 60 a month, running two days longer, with irons at 100 a month). The kettles'
  /// counts in the lagging months hold only part of a.csv's rows: their cells are still filling
  /// in, never improvements, while the irons, only in the steady export, are judged in the same
  /// month, and the month itself is reported, not passed over.
  @Test func aLineSharedWithALaggingExportIsNotJudgedWhole() throws {
    let folder = try Lag.fixture(tail: [(18, 12), (4, 2)])
    defer { try? FileManager.default.removeItem(at: folder) }
    try Self.addIrons(folder)
    try Self.steadyExport(
      folder, name: "b.csv", products: [("KT-2", 60), ("IR-1", 100)], lastDay: 12,
      idBase: 700_000)

    let run = try Lag.run(folder, ["--fail-on-anomaly"])
    #expect(run.status == 0, "\(run.stdout) \(run.stderr)")
    #expect(run.stdout.hasPrefix("2026-02:"), "\(run.stdout)")
    let (json, summary, _) = try Lag.report(folder, "2026-02")
    #expect(Lag.coverage(json)["period"] as? String == "whole")
    let filling = try #require(Lag.coverage(json)["filling_in"] as? [String: Any])
    #expect(filling["lines"] as? [String] == ["Kettles", "Toasters"], "\(filling)")
    #expect(summary.contains("Kettles and Toasters"), "\(summary.prefix(2000))")
    let improved = (json["improvements"] as? [[String: Any]] ?? []).compactMap {
      $0["product_line"] as? String
    }
    #expect(!improved.contains("Kettles"), "\(improved)")
    let rows = try Self.grid(folder, "2026-02")
    for period in ["2026-01,", "2026-02,"] {
      let kettles = rows.filter { $0.hasPrefix(period) && $0.contains(",Kettles,") }
      #expect(
        !kettles.isEmpty && kettles.allSatisfy { $0.contains(",filling_in,") }, "\(kettles)")
    }
    let irons = rows.filter { $0.hasPrefix("2026-02,") && $0.contains(",product,Irons,") }
    #expect(!irons.isEmpty && irons.allSatisfy { !$0.contains("filling_in") }, "\(irons)")
  }

  /// The lagging export maps no product column (all its complaints in no product line), beside
  /// a steady export with a product line: the every-complaint rule is applied per export, so
  /// the report of the month says that the complaints in no product line are still filling in.
  @Test func aLaggingExportWithNoProductLineBesideASteadyOneIsSeen() throws {
    let folder = try Lag.fixture(tail: [(18, 12), (4, 2)])
    defer { try? FileManager.default.removeItem(at: folder) }
    try Self.addIrons(folder)
    try Self.steadyExport(
      folder, name: "b.csv", products: [("IR-1", 60)], lastDay: 12, idBase: 700_000)
    try """
    store: ":memory:"
    timezone: UTC
    sources:
      - path: exports/a.csv
        profile: generic
        columns: {id: id, created: created, text: text}
      - path: exports/b.csv
        profile: generic
        columns: {id: id, created: created, text: text, product: product}
    taxonomy: taxonomy.yml
    reports: {dir: reports}
    """.write(
      to: folder.appendingPathComponent("plaint.yml"), atomically: true, encoding: .utf8)

    let run = try Lag.run(folder, ["--period", "2026-02"])
    #expect(run.status == 0, "\(run.stdout) \(run.stderr)")
    let (json, summary, _) = try Lag.report(folder, "2026-02")
    let filling = try #require(Lag.coverage(json)["filling_in"] as? [String: Any])
    #expect(filling["lines"] as? [String] == ["unassigned"], "\(filling)")
    #expect(
      summary.contains("Complaints in no product line are still filling in in 2026-02")
        && summary.contains("they are in no cell") && !summary.contains(": unassigned."),
      "\(summary.prefix(2000))")
    let rows = try Self.grid(folder, "2026-02")
    let irons = rows.filter { $0.hasPrefix("2026-02,") && $0.contains(",product,Irons,") }
    #expect(!irons.isEmpty && irons.allSatisfy { !$0.contains("filling_in") }, "\(irons)")
  }

  /// Two exports that both publish late, on separate product lines, their newest month covered
  /// only to its 20th: each alone passes over the months still filling in, and so do both
  /// together (the month before is compared with both exports' counts, not with one's), with
  /// the evidence of both: 2026-xx "49 complaints", not one export's 25.
  @Test func twoLaggingExportsArePassedOverTogether() throws {
    let (folder, name) = try Self.twoExports(
      irons: [3: 60, 2: 24, 1: 8], kettles: [3: 60, 2: 25, 1: 5])
    defer { try? FileManager.default.removeItem(at: folder) }

    let run = try Lag.run(folder, ["--period", "last"])
    #expect(run.status == 0, "\(run.stdout) \(run.stderr)")
    #expect(run.stdout.hasPrefix("\(name(4)): "), "\(run.stdout)")
    #expect(
      run.stderr.contains("\(name(3)), \(name(2)), \(name(1)) are still filling in"),
      "\(run.stderr)")
    #expect(
      run.stderr.contains("\(name(2)): 49 complaints in product lines against about 20"),
      "\(run.stderr)")
  }

  /// The same two exports, the irons' export not yet thin three months back: that month is
  /// reported, its kettles and toasters still filling in, and the note on the newer months
  /// passed over does not call it "whole and settled" beside the lines it names as filling in.
  @Test func aReportedMonthWithLinesFillingInIsNotCalledSettled() throws {
    let (folder, name) = try Self.twoExports(
      irons: [2: 24, 1: 8], kettles: [3: 60, 2: 25, 1: 5])
    defer { try? FileManager.default.removeItem(at: folder) }

    let run = try Lag.run(folder, ["--period", "last"])
    #expect(run.status == 0, "\(run.stdout) \(run.stderr)")
    #expect(run.stdout.hasPrefix("\(name(3)): "), "\(run.stdout)")
    let (json, summary, _) = try Lag.report(folder, name(3))
    let filling = try #require(Lag.coverage(json)["filling_in"] as? [String: Any])
    #expect(filling["lines"] as? [String] == ["Kettles", "Toasters"], "\(filling)")
    #expect(summary.contains("Still filling in in \(name(3))"), "\(summary.prefix(2000))")
    #expect(!summary.contains("whole and settled"), "\(summary.prefix(2000))")
    #expect(
      summary.contains(
        "\(name(3)) is the newest period the exports cover whole that can be judged"),
      "\(summary.prefix(2000))")
  }

  /// Snapshots kept side by side: last month's export (a.csv, its last two months thin) and this
  /// month's (b.csv: the same rows, those months filled in, and a whole new month). The old
  /// snapshot's thin months say nothing now: they are judged, and the new month is reported.
  @Test func anOlderSnapshotsThinMonthsAreJudgedOnceANewerOneFillsThemIn() throws {
    let folder = try Lag.fixture(tail: [(18, 12), (4, 2)])
    defer { try? FileManager.default.removeItem(at: folder) }
    let exports = folder.appendingPathComponent("exports")
    let old = try String(contentsOf: exports.appendingPathComponent("a.csv"), encoding: .utf8)
    var rows = old.split(separator: "\n").map(String.init)
    var id = 900_000
    for (month, kettles, toasters) in [(1, 42, 28), (2, 56, 38), (3, 56, 36)] {
      for (product, count) in [("KT-1", kettles), ("TS-1", toasters)] {
        for k in 0..<count {
          id += 1
          rows.append(
            String(format: "%d,2026-%02d-%02d,Kettle stopped working,", id, month, 1 + k % 28)
              + "\(product),Acme")
        }
      }
    }
    rows += (1...10).map {
      "\(950_000 + $0),2026-04-\($0 < 10 ? "0" : "")\($0),Kettle stopped working,KT-1,Acme"
    }
    try (rows.joined(separator: "\n") + "\n").write(
      to: exports.appendingPathComponent("b.csv"), atomically: true, encoding: .utf8)

    let run = try Lag.run(folder)
    #expect(run.status == 0, "\(run.stdout) \(run.stderr)")
    #expect(run.stdout.hasPrefix("2026-03:"), "\(run.stdout)")
    #expect(!run.stderr.contains("filling in"), "\(run.stderr)")
    let (json, _, _) = try Lag.report(folder, "2026-03")
    let filling = Lag.coverage(json)["filling_in"] as? [String: Any] ?? [:]
    #expect((filling["lines"] as? [String] ?? []).isEmpty, "\(filling)")
    let grid = try Self.grid(folder, "2026-03")
    let tail = grid.filter { $0.hasPrefix("2026-01,") || $0.hasPrefix("2026-02,") }
    #expect(!tail.isEmpty && !tail.contains { $0.contains("filling_in") }, "\(tail)")
  }

  /// Kettles and toasters in a.csv, irons in b.csv, 26 months each to the last complete month
  /// (covered to its 20th), at about 100 a month; the months `back` ago given hold as many.
  static func twoExports(irons: [Int: Int], kettles: [Int: Int]) throws -> (
    URL, (Int) -> String
  ) {
    let folder = try Lag.fixture(tail: [])
    try Self.addIrons(folder)
    let exports = folder.appendingPathComponent("exports")
    _ = try Lag.writeMonthsToLastComplete(folder, lastDay: 20) { back in
      irons[back] ?? 100 + (back % 3) * 2
    }
    let ironsPath = exports.appendingPathComponent("b.csv")
    let first = try String(contentsOf: exports.appendingPathComponent("a.csv"), encoding: .utf8)
    try first.replacingOccurrences(of: ",KT-1,", with: ",IR-1,")
      .replacingOccurrences(of: ",TS-1,", with: ",IR-1,")
      .split(separator: "\n").enumerated()
      .map { $0.offset == 0 ? String($0.element) : "9\($0.element)" }
      .joined(separator: "\n").appending("\n")
      .write(to: ironsPath, atomically: true, encoding: .utf8)
    let name = try Lag.writeMonthsToLastComplete(folder, lastDay: 20) { back in
      kettles[back] ?? 100 + (back % 3) * 2
    }
    return (folder, name)
  }
}
