import Foundation
import Testing

@testable import PlaintReport

@Suite struct JSONRendererTests {
  private func object() throws -> [String: Any] {
    let data = try JSONRenderer().render(Fixture.report())
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  private func keys(_ value: Any?) throws -> Set<String> {
    let object = try #require(value as? [String: Any])
    return Set(object.keys)
  }

  private func firstKeys(_ value: Any?) throws -> Set<String> {
    let array = try #require(value as? [Any])
    return try keys(array.first)
  }

  @Test func schemaAndTopLevelKeysFollowDesign() throws {
    let json = try object()
    #expect(json["schema"] as? String == "plaint.report/1")
    let expected: Set = [
      "schema", "period", "granularity", "method", "totals", "inputs", "cells", "rollups",
      "anomalies", "improvements", "resolved", "data_gaps", "pareto", "recurrence", "resolution",
      "taxonomy_hash", "reclassified", "unclassified_terms", "canaries", "coverage",
      "data_quality", "watches", "run_charts", "shares", "drivers",
    ]
    #expect(Set(json.keys) == expected)
  }

  @Test func nestedKeysFollowDesign() throws {
    let json = try object()
    #expect(
      try keys(json["method"]) == [
        "name", "sigma", "baseline_periods", "min_baseline_periods", "min_count", "fdr", "rules",
        "run_rules", "small_count_weight", "rebaseline_after", "simulated_at_defaults",
        "exposure", "description", "charts", "cells_tested",
      ])
    #expect(try keys(json["totals"]) == ["complaints", "units", "rate", "classified_share"])
    #expect(
      try firstKeys(json["inputs"]).isSuperset(of: [
        "path", "sha256", "rows_read", "accepted", "rejected", "duplicates", "filtered",
      ]))
    let cellKeys: Set = ["category", "product_line", "tier", "chart", "phi", "series"]
    #expect(try firstKeys(json["cells"]) == cellKeys)
    #expect(try firstKeys(json["rollups"]) == cellKeys)
    let cell = try #require((json["cells"] as? [[String: Any]])?.first)
    #expect(
      try firstKeys(cell["series"]) == [
        "period", "status", "count", "units", "rate", "center", "ucl", "lcl", "signals",
      ])
    let last = try #require((cell["series"] as? [[String: Any]])?.last)
    #expect(try firstKeys(last["signals"]) == ["rule", "first", "trigger", "last"])
    let anomalyKeys: Set = [
      "id", "category", "product_line", "tier", "period", "count", "expected", "ucl", "rate",
      "chart", "rules", "p_value", "q_value", "status", "streak", "top_issues", "ticket_ids",
      "owner",
    ]
    #expect(try firstKeys(json["anomalies"]) == anomalyKeys)
    let anomaly = try #require((json["anomalies"] as? [[String: Any]])?.first)
    #expect(try firstKeys(anomaly["top_issues"]) == ["key", "count"])
    #expect(try firstKeys(json["data_gaps"]) == ["product_line", "tier", "period", "reason"])
    let pareto = try #require(json["pareto"] as? [String: Any])
    #expect(
      Set(pareto.keys).isSuperset(of: [
        "by_category", "by_cell", "by_issue", "by_product_line", "by_customer",
      ]))
    for table in ["by_category", "by_cell", "by_issue", "by_product_line", "by_customer"] {
      #expect(try firstKeys(pareto[table]) == ["key", "count", "share", "cumulative", "vital"])
    }
    let recurrence = try #require(json["recurrence"] as? [String: Any])
    #expect(
      Set(recurrence.keys) == [
        "repeat_customers", "recurring_issues", "concentrations", "returning", "releases",
      ])
    #expect(
      try firstKeys(recurrence["repeat_customers"]) == [
        "customer", "count", "key_account", "issues",
      ])
    #expect(try firstKeys(recurrence["recurring_issues"]) == ["issue", "periods"])
    #expect(
      try firstKeys(recurrence["concentrations"]) == [
        "category", "product_line", "tier", "dimension", "value", "share", "baseline_share",
        "p_value", "q_value", "count", "total", "effect_size", "text",
      ])
    let resolution = try #require(json["resolution"] as? [String: Any])
    let resolutionKeys: Set = [
      "key", "median_hours", "p90_hours", "sla_breach_share", "complaints", "resolved",
      "open_past_sla",
    ]
    #expect(try firstKeys(resolution["by_category"]) == resolutionKeys)
    #expect(Set(resolution.keys) == ["by_category", "by_cell", "sla_hours", "open_past_sla"])
    let canaries = try #require(json["canaries"] as? [String: Any])
    #expect(Set(canaries.keys) == ["found", "missing"])
    #expect(try firstKeys(json["unclassified_terms"]) == ["term", "count"])
  }

  @Test func missingNumbersAreExplicitNulls() throws {
    let json = try object()
    let anomaly = try #require((json["anomalies"] as? [[String: Any]])?.first)
    #expect(anomaly["q_value"] is NSNull)
    let cell = try #require((json["cells"] as? [[String: Any]])?.first)
    #expect(cell["phi"] is NSNull)
    let gap = try #require(
      (cell["series"] as? [[String: Any]])?.first { $0["period"] as? String == Fixture.gapPeriod })
    for key in ["units", "rate", "center", "ucl", "lcl"] { #expect(gap[key] is NSNull) }
  }

  @Test func floatNoiseInTheLastBitsDoesNotChangeBytes() throws {
    var noisy = Fixture.report()
    let exact = try JSONRenderer().render(noisy)
    noisy.totals.rate = noisy.totals.rate.map { $0.nextUp.nextUp }
    noisy.anomalies[0].ucl = noisy.anomalies[0].ucl.map { $0.nextDown }
    #expect(try JSONRenderer().render(noisy) == exact)
    let text = String(decoding: exact, as: UTF8.self)
    #expect(text.contains("\"ucl\" : 0.03583333333,"))
  }

  @Test func roundTripsThroughDecoding() throws {
    let report = Fixture.report()
    let decoded = try JSONDecoder().decode(
      ReportModel.self, from: try JSONRenderer().render(report))
    #expect(decoded.period == report.period)
    #expect(decoded.anomalies.first?.productLine == Fixture.line)
    #expect(decoded.cells.first?.series.count == Fixture.periods.count)
    #expect(try JSONRenderer().render(decoded) == JSONRenderer().render(report))
  }

  @Test func nonFiniteNumbersBecomeNull() throws {
    var report = Fixture.report()
    report.totals.rate = .infinity
    report.cells[0].phi = .nan
    let json = try #require(
      try JSONSerialization.jsonObject(with: JSONRenderer().render(report)) as? [String: Any])
    let totals = try #require(json["totals"] as? [String: Any])
    #expect(totals["rate"] is NSNull)
  }

  /// The rows of the two tables that grow with the customers are spliced into the rest of the
  /// model in batches (`JSONRenderer.write`); the bytes must be those of one encoding of the
  /// whole model, for any number of rows (around a batch's 512) and any text in them.
  @Test(arguments: [(0, 0), (1, 0), (0, 1), (2, 3), (511, 512), (512, 513), (1_300, 1_029)])
  func splicedCustomerTablesAreTheWholeEncoding(customers: Int, repeats: Int) throws {
    var state: UInt64 = UInt64(customers &* 31 &+ repeats)
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    let awkward = [
      "a@b.example", "K-10017", "say \"hi\"", "back\\slash", "a/b", "caf\u{E9}", "\u{4E2D}\u{6587}",
      "tab\there", "line\nbreak", "\u{1F600}", "",
    ]
    func name(_ index: Int) -> String { "\(awkward[next(awkward.count)])-\(index)" }
    var report = Fixture.report()
    report.pareto.byCustomer = CustomerRows(
      (0..<customers).map { index in
        ReportModel.ParetoRow(
          key: name(index), count: 1 + next(50), share: Double(next(1_000)) / 7_919,
          cumulative: Double(index) / Double(max(customers, 1)), vital: next(2) == 0)
      })
    report.recurrence.repeatCustomers = CustomerRows(
      (0..<repeats).map { index in
        ReportModel.RepeatCustomer(
          customer: name(index), count: 3 + next(9), keyAccount: next(4) == 0,
          issues: (0..<next(4)).map { "product.\(awkward[next(awkward.count)])-\($0)" })
      })
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    let whole = try encoder.encode(report) + Data("\n".utf8)
    #expect(try JSONRenderer().render(report) == whole)
    var pieces = 0
    var streamed = Data()
    try JSONRenderer().write(report) {
      pieces += 1
      streamed.append($0)
    }
    #expect(streamed == whole)
    // The rows came in batches, not as one piece.
    if customers > 512 { #expect(pieces > 4) }
  }
}
