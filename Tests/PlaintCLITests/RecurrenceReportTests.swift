import Foundation
import Testing

/// End-to-end: recurring defects on a small written fixture — 14 months, two product lines, and
/// (when `planted`) an owner map, a step with a 9 o'clock agent pattern, a returning anomaly, a
/// repeat complainant, canaries and a release. The same fixture without the plants must report
/// none of them.
@Suite(.enabled(if: PlaintBinary.isBuilt, "build plaint first (make test does)"))
struct RecurrenceReportTests {
  /// Writes the fixture into a fresh folder and returns it.
  static func fixture(planted: Bool) throws -> URL {
    let fixture = try FixtureFolder("plaint-recurrence")
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
      """)
    var config = """
      store: ":memory:"
      timezone: UTC
      sources:
        - path: exports/zendesk.csv
          profile: zendesk
      sales: sales.csv
      taxonomy: taxonomy.yml
      recurrence: {repeat_customer_min: 3, window_periods: 3}
      sla_hours: 72
      reports: {dir: reports}

      """
    if planted {
      config += """
        owners:
          categories: {service: Care Team}
          product_lines: {Kettles: Kettle Team}
          default: Quality Office
        canaries:
          tags: [plaint-canary]
          ids: ["TEST-*"]
          expected: [CAN-1, CAN-2]
        releases: releases.csv

        """
      try write(
        "releases.csv",
        """
        product_line,component,version,date,category
        Kettles,heater,v2,2026-02-01,product
        Kettles,support script,v5,2025-06-15,service

        """)
    }
    try write("plaint.yml", config)

    let periods = (0..<14).map { index -> (year: Int, month: Int) in
      (2025 + (index >= 12 ? 1 : 0), index % 12 + 1)
    }
    var sales = "period,product_line,units\n"
    for (year, month) in periods {
      for line in ["Blenders", "Kettles"] {
        sales += "\(year)-\(month < 10 ? "0" : "")\(month),\(line),10000\n"
      }
    }
    try write("sales.csv", sales)

    var rows: [String] = [
      "Id,Subject,Description,Status,Priority,Via,Requester,Requester email,Assignee,Category,Product,Tags,Created at,Updated at,Solved at"
    ]
    var id = 1000
    var serial = 0
    let channels = ["email", "phone", "web"]
    let agents = ["Ann", "Bo", "Cy", "Di", "Ed"]
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    func add(
      _ period: (year: Int, month: Int), text: String, sku: String, day: Int, hour: Int,
      agent: String, channel: String, customer: String? = nil, resolveHours: Int?,
      tags: String = "", ticketID: String? = nil
    ) {
      id += 1
      serial += 1
      var calendar = Calendar(identifier: .gregorian)
      calendar.timeZone = .gmt
      let formatter = DateFormatter()
      formatter.calendar = calendar
      formatter.timeZone = calendar.timeZone
      formatter.locale = Locale(identifier: "en_US_POSIX")
      formatter.dateFormat = "yyyy-MM-dd HH:mm"
      let moment =
        calendar.date(
          from: DateComponents(
            year: period.year, month: period.month, day: day, hour: hour, minute: 10))
        ?? Date(timeIntervalSince1970: 0)
      let created = formatter.string(from: moment)
      let solved = resolveHours.map { formatter.string(from: moment + Double($0) * 3600) } ?? ""
      let requester = customer ?? "person\(serial)@mail.example"
      rows.append(
        "\(ticketID ?? String(id)),\(text),\(text),solved,normal,\(channel),Person,\(requester),\(agent),,\(sku),\(tags),\(created),\(created),\(solved)"
      )
    }
    for (index, period) in periods.enumerated() {
      let last = index == periods.count - 1
      // The usual traffic: times, agents and channels cycle evenly.
      func usual(_ count: Int, _ text: String, _ sku: String, resolve: Int) {
        for k in 0..<count {
          add(
            period, text: text, sku: sku, day: 1 + (k * 5 + index * 3) % 28,
            hour: 8 + (k + index) % 12,
            agent: agents[(k + index) % agents.count], channel: channels[k % channels.count],
            resolveHours: resolve + k % 5)
        }
      }
      usual(20, "The kettle stopped working", "KT-100", resolve: 20)
      usual(10, "The blender stopped working", "BL-600", resolve: 20)
      usual(8, "The kettle agent was rude", "KT-100", resolve: 100)
      usual(6, "I want a refund for the blender", "BL-600", resolve: 40)
      guard planted else { continue }
      // A returning anomaly: Blenders defects spike in 2025-10 and again in the last month.
      if index == 9 || last {
        usual(25, "The blender stopped working", "BL-600", resolve: 20)
      }
      if last {
        // The step, and its 9 o'clock pattern: 30 extra Kettle defects, all at 09:10 with Zed.
        for k in 0..<30 {
          add(
            period, text: "The kettle stopped working", sku: "KT-100", day: 1 + k % 28, hour: 9,
            agent: "Zed", channel: channels[k % channels.count], resolveHours: 20)
        }
        // Kettle service tickets still open at the end of the month.
        for k in 0..<3 {
          add(
            period, text: "The kettle agent was rude", sku: "KT-100", day: 10 + k, hour: 12,
            agent: "Ann", channel: "phone", resolveHours: nil)
        }
        // Canaries: one by tag, one by id pattern, one expected id; CAN-2 never arrives.
        add(
          period, text: "The blender stopped working", sku: "BL-600", day: 3, hour: 10,
          agent: "Ann", channel: "web", resolveHours: 1, tags: "plaint-canary")
        add(
          period, text: "The kettle stopped working", sku: "KT-100", day: 4, hour: 10,
          agent: "Ann", channel: "web", resolveHours: 1, ticketID: "TEST-7")
        add(
          period, text: "I want a refund for the blender", sku: "BL-600", day: 5, hour: 10,
          agent: "Ann", channel: "web", resolveHours: 1, ticketID: "CAN-1")
      }
      // A repeat complainant over the last three months.
      if index >= 11 {
        add(
          period, text: "I want a refund for the blender", sku: "BL-600", day: 20, hour: 15,
          agent: "Bo", channel: "email", customer: "again@mail.example", resolveHours: 30)
        if last {
          add(
            period, text: "The blender stopped working", sku: "BL-600", day: 21, hour: 15,
            agent: "Bo", channel: "email", customer: "again@mail.example", resolveHours: 30)
        }
      }
    }
    try write("exports/zendesk.csv", rows.joined(separator: "\n") + "\n")
    return folder
  }

  static func report(planted: Bool) throws -> (json: [String: Any], folder: URL) {
    let folder = try fixture(planted: planted)
    let result = try PlaintBinary.run(
      ["run", "--config", "plaint.yml", "--period", "2026-02", "--quiet"], in: folder)
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let data = try Data(
      contentsOf: folder.appendingPathComponent("reports/2026-02/report.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    return (json, folder)
  }

  static func cell(_ item: [String: Any]) -> String {
    "\(item["category"] ?? "")/\(item["product_line"] ?? "")/\(item["tier"] ?? "")"
  }

  @Test func eachAnomalyNamesItsOwnerAndAnomaliesCSVHasTheColumn() throws {
    let (json, folder) = try Self.report(planted: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let anomalies = try #require(json["anomalies"] as? [[String: Any]])
    let owners = Dictionary(
      uniqueKeysWithValues: anomalies.map { (Self.cell($0), $0["owner"] as? String) })
    #expect(owners["product/Kettles/consumer"] == "Kettle Team")
    #expect(owners["product/Blenders/consumer"] == "Quality Office")
    let csv = try String(
      contentsOf: folder.appendingPathComponent("reports/2026-02/anomalies.csv"), encoding: .utf8)
    let lines = csv.split(separator: "\n")
    // The owner, then the baseline window each row was judged against.
    #expect(
      lines.first?.hasSuffix(",owner,baseline_first,baseline_last,baseline_periods,shift_since")
        == true)
    #expect(
      lines.contains { $0.contains("product/Kettles/consumer") && $0.contains(",Kettle Team,") })
  }

  @Test func canariesAreListedAndLeftOutOfEveryStatistic() throws {
    let (json, folder) = try Self.report(planted: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let canaries = try #require(json["canaries"] as? [String: Any])
    let found = try #require(canaries["found"] as? [[String: Any]])
    #expect(found.count == 3)
    #expect(Set(found.compactMap { $0["id"] as? String }).isSuperset(of: ["CAN-1", "TEST-7"]))
    #expect(Set(found.compactMap { $0["matched_by"] as? String }) == ["tag", "id", "expected"])
    let byID = found.first { $0["id"] as? String == "TEST-7" }
    #expect(byID.map(Self.cell) == "product/Kettles/consumer")
    #expect(canaries["missing"] as? [String] == ["CAN-2"])

    // 20 + 30 Kettle defects, 10 + 25 Blender defects and the repeat complainant's: the
    // canaries are not in them.
    let cells = try #require(json["cells"] as? [[String: Any]])
    func last(_ key: String) -> Int? {
      let series = cells.first { Self.cell($0) == key }?["series"] as? [[String: Any]]
      return series?.last?["count"] as? Int
    }
    #expect(last("product/Kettles/consumer") == 50)
    #expect(last("product/Blenders/consumer") == 36)
    #expect(last("policy/Blenders/consumer") == 7)
    let totals = try #require(json["totals"] as? [String: Any])
    #expect(totals["complaints"] as? Int == 50 + 36 + 11 + 7)
    let pareto = try #require(json["pareto"] as? [String: Any])
    let byIssue = try #require(pareto["by_issue"] as? [[String: Any]])
    #expect(byIssue.reduce(0) { $0 + ($1["count"] as? Int ?? 0) } == 104)
    let csv = try String(
      contentsOf: folder.appendingPathComponent("reports/2026-02/canaries.csv"), encoding: .utf8)
    #expect(csv.contains("missing,,CAN-2,"))
  }

  @Test func repeatComplainantsAndRecurringIssues() throws {
    let (json, folder) = try Self.report(planted: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let recurrence = try #require(json["recurrence"] as? [String: Any])
    let repeats = try #require(recurrence["repeat_customers"] as? [[String: Any]])
    #expect(repeats.count == 1)
    #expect(repeats.first?["customer"] as? String == "again@mail.example")
    #expect(repeats.first?["count"] as? Int == 4)
    #expect(repeats.first?["key_account"] as? Bool == false)
    #expect(repeats.first?["issues"] as? [String] == ["policy.refund", "product.defect"])

    let returning = try #require(recurrence["returning"] as? [[String: Any]])
    #expect(returning.count == 1)
    #expect(returning.first.map(Self.cell) == "product/Blenders/consumer")
    #expect(returning.first?["previous_period"] as? String == "2025-10")
    #expect(returning.first?["resolved_period"] as? String == "2025-11")
    #expect(returning.first?["issue"] as? String == "product.defect")
  }

  @Test func theNineOClockAgentPatternIsFoundAndNothingElse() throws {
    let (json, folder) = try Self.report(planted: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let recurrence = try #require(json["recurrence"] as? [String: Any])
    let found = try #require(recurrence["concentrations"] as? [[String: Any]])
    let pairs = Set(found.map { "\(Self.cell($0)) \($0["dimension"] ?? "")=\($0["value"] ?? "")" })
    #expect(pairs == ["product/Kettles/consumer hour=09", "product/Kettles/consumer agent=Zed"])
    let hour = try #require(found.first { $0["dimension"] as? String == "hour" })
    #expect(hour["count"] as? Int == 32)
    #expect((hour["p_value"] as? Double ?? 1) < 0.001)
    #expect((hour["effect_size"] as? Double ?? 0) > 0.8)
    let text = try #require(hour["text"] as? String)
    #expect(text.contains("arrived 09–10h; baseline"))
    let html = try String(
      contentsOf: folder.appendingPathComponent("reports/2026-02/index.html"), encoding: .utf8)
    #expect(html.contains("were handled by agent Zed"))
  }

  @Test func releasesCompareTheRateBeforeAndAfter() throws {
    let (json, folder) = try Self.report(planted: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let recurrence = try #require(json["recurrence"] as? [String: Any])
    let releases = try #require(recurrence["releases"] as? [[String: Any]])
    #expect(releases.count == 2)
    let service = try #require(releases.first)
    #expect(service["date"] as? String == "2025-06-15")
    #expect(service["verdict"] as? String == "no change")
    #expect(
      service["periods_after"] as? [String] == [
        "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12",
      ])
    #expect(
      service["periods_before"] as? [String] == [
        "2025-01", "2025-02", "2025-03", "2025-04", "2025-05",
      ])
    let heater = try #require(releases.last)
    #expect(heater["period"] as? String == "2026-02")
    #expect(heater["periods_after"] as? [String] == ["2026-02"])
    #expect(heater["count_before"] as? Int == 120)
    #expect(heater["count_after"] as? Int == 50)
    #expect(heater["verdict"] as? String == "up")
    #expect((heater["p_value"] as? Double ?? 1) < 0.001)
    let html = try String(
      contentsOf: folder.appendingPathComponent("reports/2026-02/index.html"), encoding: .utf8)
    #expect(html.contains("<g class=\"marker\"><title>heater v2</title>"))
  }

  @Test func resolutionPerCategoryAndCellAndOpenPastTheSLA() throws {
    let (json, folder) = try Self.report(planted: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let resolution = try #require(json["resolution"] as? [String: Any])
    let byCategory = try #require(resolution["by_category"] as? [[String: Any]])
    let service = try #require(byCategory.first { $0["key"] as? String == "service" })
    #expect(service["complaints"] as? Int == 11)
    #expect(service["resolved"] as? Int == 8)
    #expect(service["sla_breach_share"] as? Double == 1)
    #expect(service["open_past_sla"] as? Int == 3)
    let product = try #require(byCategory.first { $0["key"] as? String == "product" })
    #expect(product["sla_breach_share"] as? Double == 0)
    let median = try #require(product["median_hours"] as? Double)
    #expect(median >= 20 && median <= 24)
    let byCell = try #require(resolution["by_cell"] as? [[String: Any]])
    #expect(byCell.contains { $0["key"] as? String == "service/Kettles/consumer" })
    let open = try #require(resolution["open_past_sla"] as? [[String: Any]])
    #expect(open.count == 3)
    #expect(open.allSatisfy { $0["owner"] as? String == "Care Team" })
    #expect(open.first?["created"] as? String == "2026-02-10T12:10:00Z")
  }

  @Test func nothingIsReportedWhereNothingIsPlanted() throws {
    let (json, folder) = try Self.report(planted: false)
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect((json["anomalies"] as? [Any])?.isEmpty == true)
    let recurrence = try #require(json["recurrence"] as? [String: Any])
    #expect((recurrence["repeat_customers"] as? [Any])?.isEmpty == true)
    #expect((recurrence["concentrations"] as? [Any])?.isEmpty == true)
    #expect((recurrence["returning"] as? [Any])?.isEmpty == true)
    #expect((recurrence["releases"] as? [Any])?.isEmpty == true)
    let canaries = try #require(json["canaries"] as? [String: Any])
    #expect((canaries["found"] as? [Any])?.isEmpty == true)
    #expect((canaries["missing"] as? [Any])?.isEmpty == true)
    let resolution = try #require(json["resolution"] as? [String: Any])
    #expect((resolution["open_past_sla"] as? [Any])?.isEmpty == true)
  }
}
