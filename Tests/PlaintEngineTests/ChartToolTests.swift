import Foundation
import Testing

@testable import PlaintCore
@testable import PlaintEngine
import PlaintTestSupport

/// How a published case is typed as `plaint chart` input and where its answers live.
struct ChartToolCase: Sendable, CustomTestStringConvertible {
  var name: String
  var method: ChartMethod
  /// The object under `expected` holding this method's answers (nil: `expected` itself).
  var path: String? = nil
  /// A c chart: the units column is 1 on every row.
  var countChart = false
  /// An np chart: the p chart's centre and limits times nᵢ.
  var countScale = false
  /// Two charts, one file each, split at the end of phase I (qicharts2 `part`).
  var splitAtPhase = false
  /// Expected Laney limits use shewhart's d₂ = 2/√π; convert them to Plaint's 1.128.
  var shewhartD2 = false

  var testDescription: String { "\(name) [\(method.rawValue)]" }

  static let all: [ChartToolCase] = [
    .init(name: "montgomery_orangejuice_p_phase1", method: .p),
    .init(name: "montgomery_orangejuice_np_phase1", method: .p, countScale: true),
    .init(name: "montgomery_orangejuice_p_revised_then_phase2", method: .p),
    .init(name: "qicharts2_montgomery_ex7_1_exclude_and_part", method: .p),
    .init(name: "montgomery_orangejuice2_p_phase1_then_phase2", method: .p),
    .init(name: "montgomery_table7_4_p_variable_n", method: .p),
    .init(name: "montgomery_circuit_c_phase1", method: .u, countChart: true),
    .init(name: "montgomery_circuit_c_revised_then_phase2", method: .u, countChart: true),
    .init(name: "montgomery_circuit_u_revised_then_phase2", method: .u),
    .init(name: "montgomery_pcmanufact_u", method: .u),
    .init(name: "montgomery_dyedcloth_u_variable_size", method: .u),
    .init(name: "qicharts2_montgomery_ex7_4_u", method: .u),
    .init(name: "qicharts2_hospital_infections_u_monthly", method: .u),
    .init(name: "nhs_accidents_p_vs_laney_p", method: .p, path: "p"),
    .init(name: "nhs_accidents_p_vs_laney_p", method: .laneyP, path: "laney_p_d2_1.128"),
    .init(name: "taylor_complaints_per_sales_u_vs_laney_u_vs_iprime", method: .u, path: "u"),
    .init(
      name: "taylor_complaints_per_sales_u_vs_laney_u_vs_iprime", method: .laney,
      path: "laney_u_d2_1.128"),
    .init(
      name: "laney_p_mr_screening_divergence_table7_4", method: .laneyP,
      path: "unscreened_d2_1.128"),
    .init(name: "montgomery_pcmanufact_laney_u", method: .laney),
    .init(name: "montgomery_dyedcloth_laney_u", method: .laney),
    .init(name: "montgomery_circuit_phase1_laney_u", method: .laney),
    .init(name: "montgomery_orangejuice_phase1_laney_p", method: .laneyP),
    .init(
      name: "qicharts2_cdi_run_chart_freeze_and_split_c_chart", method: .u,
      path: "c_chart_part24", countChart: true, splitAtPhase: true),
    .init(name: "zero_size_period_handling", method: .u, path: "qicharts2_u"),
    .init(name: "zero_size_period_handling", method: .p, path: "qicharts2_p"),
    .init(name: "zero_size_period_handling", method: .laney, path: "qicharts2_laney_u"),
    .init(name: "qcc_probability_limits_circuit_c", method: .poisson, countChart: true),
    .init(name: "qcc_probability_limits_pcmanufact_u", method: .poisson),
    .init(name: "qcc_probability_limits_dyedcloth_u", method: .poisson),
    .init(name: "zone_rule_variable_limits_qcc_quirk", method: .p),
    .init(name: "shewhart_validation_p_chart-hand-001", method: .p),
    .init(name: "shewhart_validation_np_chart-hand-001", method: .p, countScale: true),
    .init(name: "shewhart_validation_c_chart-hand-001", method: .u, countChart: true),
    .init(name: "shewhart_validation_u_chart-hand-001", method: .u),
    .init(name: "shewhart_validation_laney_p-hand-001", method: .laneyP, shewhartD2: true),
  ]

  /// Cases `plaint chart` cannot express, with the reason.
  static let inexpressible: [String: String] = [
    "qcc_probability_limits_p_constant_n_bug":
      "binomial probability limits: --method poisson is exact for counts only",
    "anhoej_critical_values_10_to_100": "Anhøj runs analysis is not one of Plaint's four rules",
    "run_rules_unit_vectors": "standardised z vectors, not counts: no period,count,units input",
  ]
}

/// The reference names of the patterns Plaint's rules correspond to (qcc / Nelson numbering).
private let ruleNames: [String: RunRule] = [
  "beyond_limits": .beyondLimit, "beyond_probability_limits": .beyondLimit,
  "we1_beyond_3sigma": .beyondLimit, "nelson1_beyond_3sigma": .beyondLimit,
  "we2_2of3_beyond_2sigma": .twoOfThreeBeyond2Sigma,
  "nelson5_2of3_beyond_2sigma": .twoOfThreeBeyond2Sigma,
  "we4_8_same_side": .runOf8, "nelson3_6_trend": .trendOf6,
]

private func value(_ object: [String: Any], _ keys: [String]) -> Any? {
  keys.lazy.compactMap { object[$0] }.first
}

private func perPoint(_ value: Any?, count: Int) -> [Double?]? {
  if let scalar = number(value) { return Array(repeating: scalar, count: count) }
  return numbers(value)
}

/// `period,count,units` text for rows `range` of a case.
private func csv(labels: [String], counts: [Int], units: [Double?], range: Range<Int>) -> String {
  var text = "period,count,units\n"
  for index in range {
    let unitsText = units[index].map { "\($0)" } ?? ""
    text += "\(labels[index]),\(counts[index]),\(unitsText)\n"
  }
  return text
}

/// 1-based positions flagged by `rule` in a chart, both sides (the references count both; the
/// chart's run rules other than `beyond_limit` look upward, so the downward patterns are replayed
/// on the mirrored z-scores as the core reference tests do).
private func flagged(_ rule: RunRule, _ report: ChartReport, offset: Int) -> Set<Int> {
  var positions = Set<Int>()
  for (index, point) in report.result.points.enumerated()
  where point.signals.contains(where: { $0.rule == rule }) {
    positions.insert(offset + index + 1)
  }
  if rule != .beyondLimit {
    let below = report.result.points.map {
      $0.z.map { RulePoint(z: -$0, aboveLimit: false, belowLimit: false) }
    }
    for signal in RunRules.signals(below, rules: [rule]) {
      for index in signal.trigger...signal.last { positions.insert(offset + index + 1) }
    }
  }
  return positions
}

/// The rendered JSON of a report, parsed back.
private func json(_ report: ChartReport) throws -> [String: Any] {
  let text = try report.render(.json)
  return try #require(
    try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

/// Whether `rendered` is `actual` as the output rounds it (ten significant digits).
private func matchesRounded(_ rendered: Any?, _ actual: Double?) -> Bool {
  guard let actual else { return rendered is NSNull }
  guard let rendered = number(rendered) else { return false }
  return abs(rendered - actual) <= 1e-9 * max(abs(actual), 1e-300)
}

@Suite("plaint chart: reference cases through the tool")
struct ChartReferenceTests {
  @Test(.enabled(if: ReferenceCases.available), arguments: ChartToolCase.all)
  func matchesReference(_ spec: ChartToolCase) throws {
    let data = try #require(try ReferenceCases.named(spec.name), "case missing")
    let root = try #require(data["expected"] as? [String: Any])
    let expected = try spec.path.map { try #require(root[$0] as? [String: Any]) } ?? root
    let tolerance = number((data["tolerance"] as? [String: Any])?["abs"]) ?? 1e-9

    let counts = try #require(integers(data["counts"]))
    let sizes = numbers(data["sizes"]).flatMap { $0.isEmpty ? nil : $0 }
    let units: [Double?] = counts.indices.map { spec.countChart ? 1 : sizes?[$0] ?? 1 }
    let labels = ((data["labels"] as? [Any]) ?? []).map { "\($0)" }
    let periods = labels.count == counts.count ? labels : counts.indices.map { "\($0 + 1)" }
    let phase1 = integers(data["phase1_positions"]) ?? []
    let phase2 = integers(data["phase2_positions"]) ?? []
    let excluded = integers(data["excluded_positions"]) ?? []

    // Each part is one file and one `plaint chart` run, with its own --baseline and --exclude.
    var parts: [Range<Int>] = [0..<counts.count]
    var baseline: String? = nil
    if let named = data["parts"] as? [String: Any] {
      parts = named.keys.sorted().compactMap { integers(named[$0]) }.map {
        ($0[0] - 1)..<$0[$0.count - 1]
      }
    } else if spec.splitAtPhase, let cut = phase1.last {
      parts = [0..<cut, cut..<counts.count]
    } else if !phase2.isEmpty, let first = phase1.first, let last = phase1.last {
      baseline = "\(first)-\(last)"
    }

    let scratch = try Scratch()
    defer { scratch.remove() }
    var reports: [(offset: Int, report: ChartReport)] = []
    var points: [ChartPoint] = []
    for (number, part) in parts.enumerated() {
      let path = try scratch.file(
        "part\(number).csv", csv(labels: periods, counts: counts, units: units, range: part))
      let local = excluded.filter { part.contains($0 - 1) }.map { $0 - part.lowerBound }
      let options = try ChartOptions(
        method: spec.method.rawValue, sigma: "3", baseline: baseline,
        exclude: local.isEmpty ? nil : local.map(String.init).joined(separator: ","))
      let report = try ChartTool.chart(inputPath: path, options: options)
      #expect(report.result.method == spec.method)
      reports.append((part.lowerBound, report))
      points += report.result.points

      // What the user reads is the same chart, rounded only as the output rounds numbers.
      let rendered = try json(report)
      #expect(rendered["chart"] as? String == spec.method.rawValue)
      #expect(matchesRounded(rendered["center"], report.result.center))
      let renderedPoints = try #require(rendered["points"] as? [[String: Any]])
      #expect(renderedPoints.count == part.count)
      for (index, point) in zip(renderedPoints.indices, report.result.points) {
        let shown = renderedPoints[index]
        #expect(shown["period"] as? String == periods[part.lowerBound + index])
        #expect(shown["count"] as? Int == point.count)
        #expect(matchesRounded(shown["ucl"], point.ucl), "ucl at \(index + 1)")
        #expect(matchesRounded(shown["lcl"], point.lcl), "lcl at \(index + 1)")
        #expect(matchesRounded(shown["rate"], point.rate), "rate at \(index + 1)")
      }
    }

    // Centre and limits against the reference, on its scale.
    let scale: (Int) -> Double = { spec.countScale ? units[$0] ?? 1 : 1 }
    let centerValue =
      value(expected, ["center", "p_center", "np_center", "c_center", "u_center"])
      ?? value(root, ["center"])
    let expectedCenter = perPoint(centerValue, count: points.count)
    let ratio = spec.shewhartD2 ? (2 / Double.pi.squareRoot()) / BaselineEstimate.d2 : 1
    func convert(_ limit: Double?, _ index: Int) -> Double? {
      guard let limit, ratio != 1, let center = expectedCenter?[index] ?? nil, limit > 0
      else { return limit }
      return center + (limit - center) * ratio
    }
    let expectedUCL = perPoint(
      value(expected, ["ucl", "ucl_d2_1.128", "p_ucl", "np_ucl", "c_ucl"]), count: points.count)
    let expectedLCL = perPoint(
      value(expected, ["lcl", "lcl_d2_1.128", "p_lcl", "np_lcl", "c_lcl"]), count: points.count)
    #expect(expectedCenter != nil || expectedUCL != nil, "nothing to compare")

    for (index, point) in points.enumerated() where point.status == .ok {
      let checks: [(String, Double?, Double??)] = [
        ("center", point.center, expectedCenter.map { $0[index] }),
        ("ucl", point.ucl, expectedUCL.map { convert($0[index], index) }),
        ("lcl", point.lcl, expectedLCL.map { convert($0[index], index) }),
      ]
      for (label, actual, reference) in checks {
        guard let reference else { continue }
        guard let reference else {
          #expect(actual == nil, "\(label) at position \(index + 1) should be absent")
          continue
        }
        let scaled = actual.map { $0 * scale(index) }
        #expect(
          scaled.map { abs($0 - reference) <= tolerance } == true,
          "\(label) at position \(index + 1): \(String(describing: scaled)) vs \(reference)")
      }
    }

    if let sigmaZ = number(value(expected, ["sigma_z", "sigma_z_d2_1.128"])) {
      let actual = try #require(reports.first?.report.result.sigmaZ)
      #expect(abs(actual - sigmaZ * ratio) <= max(tolerance, 1e-10 * sigmaZ), "σ_z \(actual)")
      #expect(matchesRounded(try json(reports[0].report)["sigma_z"], actual))
    }

    var expectations: [RunRule: Set<Int>] = [:]
    if let signals = expected["signals"] as? [[String: Any]] {
      if signals.isEmpty { expectations[.beyondLimit] = [] }
      for signal in signals {
        guard let name = signal["rule"] as? String, let rule = ruleNames[name] else { continue }
        expectations[rule, default: []].formUnion(integers(signal["points"]) ?? [])
      }
    }
    if let beyond = integers(value(expected, ["beyond_limits", "beyond_limits_d2_1.128"])) {
      expectations[.beyondLimit, default: []].formUnion(beyond)
    }
    for (rule, positions) in expectations {
      var actual = Set<Int>()
      for (offset, report) in reports { actual.formUnion(flagged(rule, report, offset: offset)) }
      #expect(actual == positions, "\(rule.rawValue)")
    }

    // Rows without exposure carry nothing and say why.
    for (index, size) in units.enumerated() where (size ?? 0) <= 0 {
      let point = points[index]
      #expect(point.status == .noExposure)
      #expect(point.rate == nil && point.ucl == nil && point.lcl == nil && point.signals.isEmpty)
      let (offset, report) = try #require(reports.last { $0.offset <= index })
      #expect(report.status(index - offset) == .noExposure)
    }
  }

  @Test(.enabled(if: ReferenceCases.available))
  func dispersionRatioMatchesQcc() throws {
    let data = try #require(
      try ReferenceCases.named("qcc_overdispersion_test_wetherill_brown"))
    let inputs = try #require(data["inputs"] as? [String: Any])
    let expected = try #require(data["expected"] as? [String: Any])
    let tolerance = try #require(number((data["tolerance"] as? [String: Any])?["abs"]))
    let scratch = try Scratch()
    defer { scratch.remove() }
    for (family, method) in [("binomial", "p"), ("poisson", "u")] {
      let input = try #require(inputs[family] as? [String: Any])
      let counts = try #require(integers(input["counts"]))
      let sizes = numbers(input["sizes"])
      let path = try scratch.file(
        "\(family).csv",
        csv(
          labels: counts.indices.map { "\($0 + 1)" }, counts: counts,
          units: counts.indices.map { sizes?[$0] ?? 1 }, range: counts.indices))
      let report = try ChartTool.chart(
        inputPath: path,
        options: ChartOptions(method: method, sigma: "3", baseline: nil, exclude: nil))
      let answer = try #require(expected[family] as? [String: Any])
      let phi = try #require(report.result.phi)
      #expect(abs(phi - (number(answer["ratio"]) ?? .nan)) <= tolerance, "\(family) φ \(phi)")
      #expect(matchesRounded(try json(report)["phi"], phi))
    }
  }

  @Test(.enabled(if: ReferenceCases.available))
  func zoneRuleUsesEachRowsOwnSigma() throws {
    let data = try #require(try ReferenceCases.named("zone_rule_variable_limits_qcc_quirk"))
    let counts = try #require(integers(data["counts"]))
    let sizes = try #require(numbers(data["sizes"]))
    let own = try #require(
      (data["expected"] as? [String: Any])?["own_limits_convention"] as? [String: Any])
    let scratch = try Scratch()
    defer { scratch.remove() }
    let path = try scratch.file(
      "zone.csv",
      csv(
        labels: counts.indices.map { "s\($0 + 1)" }, counts: counts, units: sizes,
        range: counts.indices))
    let report = try ChartTool.chart(inputPath: path, options: ChartOptions(method: .p))
    #expect(
      flagged(.twoOfThreeBeyond2Sigma, report, offset: 0)
        == Set(integers(own["we2_2of3_beyond_2sigma"]) ?? [-1]))
  }

  @Test(.enabled(if: ReferenceCases.available))
  func everyCaseIsRunOrExplained() throws {
    let covered = Set(ChartToolCase.all.map(\.name))
      .union(["qcc_overdispersion_test_wetherill_brown"]).union(ParetoToolCase.all)
    let names = try ReferenceCases.all().compactMap { $0["name"] as? String }
    #expect(names.count == 40)
    let unexplained = names.filter {
      !covered.contains($0) && ChartToolCase.inexpressible[$0] == nil
    }
    #expect(unexplained.isEmpty, "cases neither run nor explained: \(unexplained)")
  }
}

/// A small u chart: ten rows, a spike in row 9, no exposure in row 4.
private let sample = """
  period,count,units
  2025-01,12,10000
  2025-02,9,9500
  2025-03,11,10400
  2025-04,0,0
  2025-05,10,9800
  2025-06,13,10900
  2025-07,8,9900
  2025-08,12,10200
  2025-09,31,10100
  2025-10,10,
  """

@Suite("plaint chart: the tool")
struct ChartToolTests {
  private func report(_ text: String = sample, _ options: ChartOptions = ChartOptions(method: .u))
    throws -> ChartReport
  {
    let scratch = try Scratch()
    defer { scratch.remove() }
    return try ChartTool.chart(inputPath: try scratch.file("counts.csv", text), options: options)
  }

  @Test func jsonHasExactlyTheDocumentedShape() throws {
    let rendered = try json(try report())
    #expect(Set(rendered.keys) == ["chart", "center", "sigma_z", "phi", "points"])
    #expect(rendered["chart"] as? String == "u")
    #expect(rendered["sigma_z"] is NSNull)
    let points = try #require(rendered["points"] as? [[String: Any]])
    #expect(points.count == 10)
    for point in points {
      #expect(
        Set(point.keys) == ["period", "status", "count", "units", "rate", "ucl", "lcl", "signals"])
    }
    #expect(points[3]["status"] as? String == "no_exposure")
    #expect(points[3]["rate"] is NSNull && points[3]["ucl"] is NSNull)
    #expect(points[9]["status"] as? String == "missing")
    #expect(points[9]["units"] is NSNull)
    #expect(points[8]["status"] as? String == "anomaly")
    let signals = try #require(points[8]["signals"] as? [[String: Any]])
    #expect(signals.count == 1)
    #expect(signals.first?["rule"] as? String == "beyond_limit")
    #expect(signals.first?["first"] as? String == "2025-09")
    #expect(signals.first?["trigger"] as? String == "2025-09")
    #expect(signals.first?["last"] as? String == "2025-09")
    // ū = 106 / 80,800 over the eight usable rows.
    #expect(abs((number(rendered["center"]) ?? 0) - 106.0 / 80_800) < 1e-12)
  }

  @Test(arguments: ToolFormat.allCases)
  func sameInputGivesTheSameBytes(_ format: ToolFormat) throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let path = try scratch.file("counts.csv", sample)
    let options = ChartOptions(method: .auto, baseline: 1...8)
    let first = try ChartTool.chart(inputPath: path, options: options).render(format)
    let second = try ChartTool.chart(inputPath: path, options: options).render(format)
    #expect(first == second)
    #expect(first.hasSuffix("\n"))
  }

  @Test func baselineJudgesTheRestAsPhaseTwo() throws {
    let phase1 = try report(sample, ChartOptions(method: .u))
    let phase2 = try report(sample, ChartOptions(method: .u, baseline: 1...8))
    // Row 9 no longer pulls the centre up; it is judged against limits it did not shape.
    #expect(phase2.result.center == 75.0 / 70_700)
    #expect((phase2.result.center ?? 1) < (phase1.result.center ?? 0))
    #expect(phase2.phase(7) == .baseline && phase2.phase(8) == .judged)
    #expect(phase2.status(8) == .anomaly)
  }

  @Test func excludedRowsLeaveTheEstimateButAreStillJudged() throws {
    let excluded = try report(sample, ChartOptions(method: .u, exclude: [9]))
    #expect(excluded.result.center == 75.0 / 70_700)
    #expect(excluded.phase(8) == .excluded)
    #expect(excluded.status(8) == .anomaly)
    #expect(excluded.result.points[8].signals.map(\.rule) == [.beyondLimit])
  }

  @Test func aPointBelowTheLowerLimitIsAnImprovement() throws {
    let text =
      "period,count,units\n"
      + (1...12).map { "m\($0),\($0 == 7 ? 2 : 40),1000" }
      .joined(separator: "\n")
    let chart = try report(text, ChartOptions(method: .u))
    #expect(chart.status(6) == .improvement)
    #expect(chart.result.points[6].signals.map(\.rule) == [.beyondLimit])
    #expect(try chart.render(.svg).contains("class=\"improvement\""))
  }

  @Test func markdownNamesTheMethodAndListsEveryRow() throws {
    let text = try report(sample, ChartOptions(method: .auto, baseline: 1...8)).render(.md)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[0].hasPrefix("# Control chart: ") && lines[0].hasSuffix("counts.csv"))
    #expect(lines.contains { $0.hasPrefix("Method `") && $0.contains("(requested `auto`)") })
    #expect(
      lines.contains {
        $0.contains("Estimated from rows 1–8; the other 2 rows are judged as phase II")
      })
    #expect(lines.filter { $0.hasPrefix("| ") }.count == 11)
    #expect(lines.contains { $0.hasPrefix("| 9 | 2025-09 | II | anomaly |") })
  }

  @Test func svgIsAStandaloneChartNamingTheMethod() throws {
    let text = try report(sample, ChartOptions(method: .laney)).render(.svg)
    #expect(text.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
    #expect(text.contains("laney chart") || text.contains(", u chart"))
    #expect(text.contains("class=\"signal\""))
    #expect(text.hasSuffix("</svg>\n"))
  }

  @Test func countChartRowsOfOneUnitAreDrawnPerPeriod() throws {
    let text = "period,count,units\n" + (1...8).map { "w\($0),\($0 + 3),1" }.joined(separator: "\n")
    let chart = try report(text, ChartOptions(method: .u))
    #expect(chart.isCountChart)
    #expect(try chart.render(.svg).contains("complaints per period"))
  }

  @Test(
    arguments: [
      (
        "auto", "3", "5-2", nil,
        "--baseline 5-2: FIRST is after LAST; give the earlier row first, such as 2-5"
      ),
      (
        "auto", "3", "1-", nil, "--baseline 1-: give FIRST-LAST, 1-based row positions such as 1-20"
      ),
      (
        "auto", "3", "0-4", nil,
        "--baseline 0-4: give FIRST-LAST, 1-based row positions such as 1-20"
      ),
      (
        "auto", "3", nil, "15,x",
        "--exclude 15,x: \"x\" is not a row position; give 1-based rows such as 15,23"
      ),
      ("auto", "0", nil, nil, "--sigma 0: give a number above 0, such as 3"),
      (
        "c", "3", nil, nil,
        "--method c: unknown method; use one of auto, u, laney, poisson, p, laney_p"
      ),
    ] as [(String, String, String?, String?, String)])
  func badOptionsAreUsageErrors(
    _ method: String, _ sigma: String, _ baseline: String?, _ exclude: String?, _ message: String
  ) {
    let error = plaintError {
      _ = try ChartOptions(method: method, sigma: sigma, baseline: baseline, exclude: exclude)
    }
    #expect(error?.status == .usage)
    #expect(error?.message == message)
  }

  @Test func optionsBeyondTheInputAreUsageErrors() throws {
    let past = plaintError { _ = try report(sample, ChartOptions(baseline: 2...11)) }
    #expect(past?.status == .usage)
    #expect(past?.message.hasSuffix("has 10 rows; give positions between 1 and 10") == true)
    let allGone = plaintError {
      _ = try report(sample, ChartOptions(baseline: 1...2, exclude: [1, 2]))
    }
    #expect(allGone?.status == .usage)
    let nothingUsable = plaintError { _ = try report(sample, ChartOptions(baseline: 4...4)) }
    #expect(nothingUsable?.status == .dataError)
  }

  @Test(
    arguments: [
      (
        "period,count,units\n1,3,10\n2,x,10\n",
        ":3: column `count`: \"x\" is not a whole number ≥ 0; write a count such as 12"
      ),
      (
        "period,count,units\n1,3,10\n2,-1,10\n",
        ":3: column `count`: \"-1\" is not a whole number ≥ 0; write a count such as 12"
      ),
      (
        "period,count,units\n1,3,ten\n",
        ":2: column `units`: \"ten\" is not a number ≥ 0; write the exposure (1 for a plain count chart), or leave it empty when it is unknown"
      ),
      (
        "period,count,units\n1,3,nan\n",
        ":2: column `units`: \"nan\" is not a number ≥ 0; write the exposure (1 for a plain count chart), or leave it empty when it is unknown"
      ),
      ("period,count,units\n,3,10\n", ":2: column `period`: empty; give every row a period label"),
      (
        "period,count,units\na,3,10\na,4,10\n",
        ":3: column `period`: \"a\" repeats line 2; give each period one row"
      ),
      (
        "period,count\n1,3\n",
        ": the header row has no `units` column; the first row must name the columns period,count,units"
      ),
      (
        "period,count,units\n",
        ": the header row is there but no data row follows; add rows period,count,units"
      ),
      ("", ": the file is empty; write a header row period,count,units and one row per line"),
    ])
  func badRowsAreDataErrorsNamingFileAndLine(_ text: String, _ message: String) throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let path = try scratch.file("counts.csv", text)
    let error = plaintError { _ = try ChartTool.chart(inputPath: path, options: ChartOptions()) }
    #expect(error?.status == .dataError)
    #expect(error?.message == path + message)
    #expect(error?.message.contains("\n") == false)
  }

  @Test func aProportionAboveOneIsADataErrorForPCharts() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let path = try scratch.file("p.csv", "period,count,units\n1,3,10\n2,12,10\n")
    let error = plaintError {
      _ = try ChartTool.chart(inputPath: path, options: ChartOptions(method: .p))
    }
    #expect(error?.status == .dataError)
    #expect(error?.message.hasPrefix(path + ":3: column `count`: 12 is more than") == true)
    #expect((try? ChartTool.chart(inputPath: path, options: ChartOptions(method: .u))) != nil)
  }

  @Test func aMissingFileIsNoInput() {
    let error = plaintError {
      _ = try ChartTool.chart(inputPath: "/nonexistent/counts.csv", options: ChartOptions())
    }
    #expect(error?.status == .noInput)
    #expect(error?.message == "/nonexistent/counts.csv: file not found; check the --input path")
  }

  @Test func formatNamesAreChecked() {
    #expect((try? ToolFormat(parsing: "md")) == .md)
    let error = plaintError { _ = try ToolFormat(parsing: "html") }
    #expect(error?.status == .usage)
    #expect(error?.message == "--format html: unknown format; use one of json, md, svg")
  }
}
