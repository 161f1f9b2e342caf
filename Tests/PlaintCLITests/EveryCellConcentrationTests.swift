import Foundation
import Testing

/// End-to-end: concentrations are looked for in every cell, not only in anomalous and large ones.
/// Three product lines over 14 months; in the last month half of the Toasters service complaints
/// pile up at 9–10h on one agent while the cell's count stays as usual: the cell is in control and
/// six cells are larger, so before issue 15 nothing looked there.
@Suite(.enabled(if: PlaintBinary.isBuilt, "build plaint first (make test does)"))
struct EveryCellConcentrationTests {
  static let lines = [("Kettles", "KT-100"), ("Blenders", "BL-600"), ("Toasters", "TO-300")]

  /// Writes the fixture into a fresh folder and returns it. With `blankBefore`, the months
  /// before the last are an older export whose channel and agent columns are blank; with
  /// `datesOnly`, the last month is a newer export of dates without a time of day (each a file
  /// of its own).
  /// With `halfBlank`, nine complaints in ten come by web, and the older months' channel is blank
  /// on three rows in five; with
  /// `atMidnight`, the planted pile-up arrives at 00:00 rather than 09:10.
  static func fixture(
    planted: Bool, config extra: String = "", blankBefore: Bool = false, datesOnly: Bool = false,
    halfBlank: Bool = false, atMidnight: Bool = false
  ) throws -> URL {
    let split = blankBefore || datesOnly
    let fixture = try FixtureFolder("plaint-every-cell")
    let folder = fixture.url
    let write = fixture.write
    try write(
      "taxonomy.yml",
      """
      categories:
        product:
          issues:
            defect: {phrases: [stopped working]}
        policy:
          issues:
            refund: {phrases: [refund]}
        service:
          issues:
            rude_staff: {phrases: [rude]}
        other: {}
      product_lines:
        Kettles: {products: ["KT-*"]}
        Blenders: {products: ["BL-*"]}
        Toasters: {products: ["TO-*"]}
      """)
    try write(
      "plaint.yml",
      """
      store: ":memory:"
      timezone: UTC
      sources:
        - path: \(split ? "exports/zendesk-*.csv" : "exports/zendesk.csv")
          profile: zendesk
      taxonomy: taxonomy.yml
      reports: {dir: reports}

      """ + extra)
    let header =
      "Id,Subject,Description,Status,Priority,Via,Requester,Requester email,Assignee,Category,Product,Tags,Created at,Updated at,Solved at"
    var rows = [header]
    var newer = [header]
    var id = 1000
    let channels = ["email", "phone", "web"]
    let agents = ["Ann", "Bo", "Cy", "Di", "Ed"]
    let priorities = ["low", "normal", "high"]
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    for index in 0..<14 {
      let (year, month) = (2025 + (index >= 12 ? 1 : 0), index % 12 + 1)
      let last = index == 13
      func add(_ count: Int, _ text: String, _ sku: String, pile: Int = 0) {
        for k in 0..<count {
          id += 1
          let piled = k < pile
          let day = 1 + (k * 5 + index * 3) % 28
          let hour = piled ? 9 : 8 + (k + index) % 12
          let agent = piled ? "Zed" : agents[(k + index) % agents.count]
          let date = "\(year)-\(two(month))-\(two(day))"
          let time = piled && atMidnight ? "00:00" : "\(two(hour)):10"
          let created = datesOnly && last ? date : "\(date) \(time)"
          let blank = blankBefore && !last
          let noChannel = blank || (halfBlank && !last && k % 5 < 3)
          // Nine in ten by web with `halfBlank`, so that counting the blanks more than halves
          // its share.
          let channel = halfBlank ? (k % 10 == 1 ? "phone" : "web") : channels[k % 3]
          let row =
            "\(id),\(text),\(text),solved,\(priorities[(k + index) % 3]),\(noChannel ? "" : channel),Person,p\(id)@mail.example,\(blank ? "" : agent),,\(sku),,\(created),\(created),"
          if split && last { newer.append(row) } else { rows.append(row) }
        }
      }
      for (line, sku) in lines {
        let name = line.lowercased().dropLast()
        add(40, "The \(name) stopped working", sku)
        add(30, "I want a refund for the \(name)", sku)
        add(
          20, "The \(name) agent was rude", sku,
          pile: planted && last && line == "Toasters" ? 10 : 0)
      }
    }
    if split {
      try write("exports/zendesk-old.csv", rows.joined(separator: "\n") + "\n")
      try write("exports/zendesk-new.csv", newer.joined(separator: "\n") + "\n")
    } else {
      try write("exports/zendesk.csv", rows.joined(separator: "\n") + "\n")
    }
    return folder
  }

  static func report(_ folder: URL) throws -> [String: Any] {
    let result = try PlaintBinary.run(
      ["run", "--config", "plaint.yml", "--period", "2026-02", "--quiet"], in: folder)
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let data = try Data(
      contentsOf: folder.appendingPathComponent("reports/2026-02/report.json"))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  static func cell(_ item: [String: Any]) -> String {
    "\(item["category"] ?? "")/\(item["product_line"] ?? "")/\(item["tier"] ?? "")"
  }

  @Test func anAgentPileUpInAQuietMidSizedCellIsFound() throws {
    let folder = try Self.fixture(planted: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let json = try Self.report(folder)

    // The cell is in control and outside the five largest cells: only the every-cell family
    // looks there.
    let cells = try #require(json["cells"] as? [[String: Any]])
    let toasters = try #require(cells.first { Self.cell($0) == "service/Toasters/consumer" })
    let last = try #require((toasters["series"] as? [[String: Any]])?.last)
    #expect(last["status"] as? String == "in_control")
    #expect(last["count"] as? Int == 20)
    let pareto = try #require(json["pareto"] as? [String: Any])
    let byCell = try #require(pareto["by_cell"] as? [[String: Any]])
    let largest = byCell.prefix(5).compactMap { $0["key"] as? String }
    #expect(largest.count == 5 && !largest.contains("service/Toasters/consumer"))

    let recurrence = try #require(json["recurrence"] as? [String: Any])
    let found = try #require(recurrence["concentrations"] as? [[String: Any]])
    let pairs = Set(found.map { "\(Self.cell($0)) \($0["dimension"] ?? "")=\($0["value"] ?? "")" })
    #expect(pairs == ["service/Toasters/consumer hour=09", "service/Toasters/consumer agent=Zed"])
    let hour = try #require(found.first { $0["dimension"] as? String == "hour" })
    #expect(hour["count"] as? Int == 10 || hour["count"] as? Int == 11)
    #expect((hour["q_value"] as? Double ?? 1) <= 0.01)
    let text = try #require(hour["text"] as? String)
    #expect(text.contains("of 2026-02's service / Toasters / consumer complaints"))
    #expect(text.contains("arrived 09–10h; baseline"))

    let method = try #require(
      (json["method"] as? [String: Any])?["concentrations"] as? [String: Any])
    #expect(method["name"] as? String == "fisher_exact_bh")
    #expect(method["fdr"] as? Double == 0.01)
    #expect((method["tested"] as? Int ?? 0) > 9 * 4)

    let html = try String(
      contentsOf: folder.appendingPathComponent("reports/2026-02/index.html"), encoding: .utf8)
    #expect(html.contains("were handled by agent Zed"))
    #expect(html.contains("Benjamini–Hochberg"))
    let summary = try String(
      contentsOf: folder.appendingPathComponent("reports/2026-02/summary.md"), encoding: .utf8)
    #expect(summary.contains("were handled by agent Zed"))
    #expect(summary.contains("Benjamini–Hochberg"))
  }

  @Test func theSameHistoryWithoutThePileUpShowsNone() throws {
    let folder = try Self.fixture(planted: false)
    defer { try? FileManager.default.removeItem(at: folder) }
    let json = try Self.report(folder)
    let recurrence = try #require(json["recurrence"] as? [String: Any])
    #expect((recurrence["concentrations"] as? [Any])?.isEmpty == true)
    let method = try #require(
      (json["method"] as? [String: Any])?["concentrations"] as? [String: Any])
    #expect((method["tested"] as? Int ?? 0) > 0)
  }

  /// The pairs found: "cell dimension=value".
  static func found(_ json: [String: Any]) throws -> Set<String> {
    let recurrence = try #require(json["recurrence"] as? [String: Any])
    let found = try #require(recurrence["concentrations"] as? [[String: Any]])
    return Set(found.map { "\(Self.cell($0)) \($0["dimension"] ?? "")=\($0["value"] ?? "")" })
  }

  /// An older export whose channel and agent columns are blank did not measure them: the new
  /// export's values are no finding against "baseline 0 %" (the hostile tester's F-C: 20 and
  /// more at q < 0.0001), and the pile-up at 9–10h is still found.
  @Test func aColumnBlankInTheBaselineIsNoFinding() throws {
    for planted in [false, true] {
      let folder = try Self.fixture(planted: planted, blankBefore: true)
      defer { try? FileManager.default.removeItem(at: folder) }
      let found = try Self.found(try Self.report(folder))
      #expect(found == (planted ? ["service/Toasters/consumer hour=09"] : []), "\(found)")
    }
  }

  /// An export of dates without a time of day has no hours: its complaints did not all arrive
  /// at 00–01h (the hostile tester's F-H, one finding per cell at q near 1e-116), and the agent
  /// they pile up on is still found.
  @Test func datesWithoutATimeOfDayHaveNoHour() throws {
    for planted in [false, true] {
      let folder = try Self.fixture(planted: planted, datesOnly: true)
      defer { try? FileManager.default.removeItem(at: folder) }
      let found = try Self.found(try Self.report(folder))
      #expect(found == (planted ? ["service/Toasters/consumer agent=Zed"] : []), "\(found)")
    }
  }

  /// A pile-up at midnight, among complaints at other hours, is a pile-up: only a period whose
  /// complaints all have one hour (an export of dates only) is not tested on the hour.
  @Test func aPileUpAtMidnightIsFound() throws {
    let folder = try Self.fixture(planted: true, atMidnight: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let found = try Self.found(try Self.report(folder))
    #expect(
      found == ["service/Toasters/consumer hour=00", "service/Toasters/consumer agent=Zed"],
      "\(found)")
  }

  /// A baseline that recorded the channel on two complaints in five did not measure it as the
  /// period does: "baseline 40 %" for a share of all those it recorded is no finding.
  @Test func aChannelRecordedOnHalfTheBaselineIsNotTested() throws {
    let folder = try Self.fixture(planted: false, halfBlank: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let found = try Self.found(try Self.report(folder))
    #expect(found.isEmpty, "\(found)")
  }

  @Test func aLowerLevelIsNamedInTheReport() throws {
    let folder = try Self.fixture(planted: true, config: "concentrations: {fdr: 0.001}\n")
    defer { try? FileManager.default.removeItem(at: folder) }
    let json = try Self.report(folder)
    let method = try #require(
      (json["method"] as? [String: Any])?["concentrations"] as? [String: Any])
    #expect(method["fdr"] as? Double == 0.001)
    let summary = try String(
      contentsOf: folder.appendingPathComponent("reports/2026-02/summary.md"), encoding: .utf8)
    #expect(summary.contains("0.001"))
  }
}
