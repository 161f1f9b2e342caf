import Foundation
import Testing

@testable import PlaintReport

@Suite struct HTMLRendererTests {
  private let html = HTMLRenderer().render(Fixture.bundle())

  /// Every tag name that opens an element in `text`.
  private func tagNames(_ text: String) -> Set<String> {
    var names = Set<String>()
    var rest = text[...]
    while let open = rest.firstIndex(of: "<") {
      let after = rest[rest.index(after: open)...]
      let name = after.prefix { $0.isLetter || $0.isNumber || $0 == "!" }
      if !name.isEmpty { names.insert(name.lowercased()) }
      rest = after
    }
    return names
  }

  @Test(arguments: Fixture.hostile + [Fixture.line])
  func inputStringsAreEscaped(_ hostile: String) {
    guard hostile.contains(where: { "<>&\"'".contains($0) }) else { return }
    #expect(!html.contains(hostile))
  }

  @Test func escapedFormsAreShown() {
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(html.contains("Air &lt;Fryers&gt; &amp; &quot;Co&quot; &#39;x&#39;"))
    #expect(html.contains("=HYPERLINK(&quot;http://evil.example/x&quot;,&quot;click&quot;)"))
  }

  @Test func onlyKnownElementsAndNoScriptOrExternalResource() {
    let allowed: Set = [
      "!doctype", "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3",
      "p", "section", "div", "span", "table", "tr", "th", "td", "a", "ol", "ul", "li", "article",
      "dl",
      "dt", "dd", "figure", "figcaption", "svg", "g", "rect", "path", "polyline", "circle",
      "line", "text", "small", "br", "footer",
    ]
    #expect(tagNames(html).isSubset(of: allowed))
    let lower = html.lowercased()
    #expect(!lower.contains("<script"))
    #expect(!lower.contains("src="))
    #expect(!lower.contains("url("))
    #expect(!lower.contains("@import"))
    #expect(!lower.contains("xmlns="))
    let hrefs = lower.components(separatedBy: "href=\"").dropFirst()
    #expect(!hrefs.isEmpty)
    #expect(hrefs.allSatisfy { $0.hasPrefix("#") })
  }

  @Test func theFirstScreenAnswersTheQuestions() throws {
    let summary = try #require(html.range(of: "<section id=\"summary\">"))
    let details = try #require(html.range(of: "<section id=\"anomalies\">"))
    #expect(summary.upperBound < details.lowerBound)
    let top = html[summary.upperBound..<details.lowerBound]
    #expect(top.contains("<div class=\"value\">1,234</div><div class=\"label\">complaints"))
    #expect(top.contains("1.23</div><div class=\"label\">complaints per 1,000 units"))
    #expect(top.contains("baseline centre 1.10"))
    #expect(top.contains("<a href=\"#anomaly-1\">"))
    #expect(top.contains("The vital few"))
  }

  @Test func eachAnomalyHasItsChartAndTheSectionsFollow() {
    #expect(html.contains("<article class=\"anomaly\" id=\"anomaly-1\">"))
    #expect(html.contains("<circle class=\"signal\""))
    for id in ["pareto", "heatmap", "quality", "method"] {
      #expect(html.contains("<section id=\"\(id)\">"), "\(id)")
    }
    #expect(html.contains("<polyline class=\"cumulative\""))
    #expect(html.contains("@media print"))
  }

  @Test func heatmapFlagsTheAnomalousCell() {
    #expect(html.contains("<td class=\"h5 flag\""))
    #expect(html.contains("<h3>key account</h3>"))
  }

  @Test func dataQualityCountsRejectsByReason() {
    #expect(html.contains("<tr><td>unparseable date</td><td class=\"num\">2</td></tr>"))
    #expect(html.contains("Unclassified: 10.0% of complaints."))
  }

  @Test func probabilitiesBelowTheFloorAreEscaped() {
    #expect(html.contains("&lt; 0.0001 / –"))
  }

  @Test func renderingTwiceGivesIdenticalBytes() {
    #expect(HTMLRenderer().render(Fixture.bundle()) == html)
  }
}

@Suite struct SVGChartTests {
  @Test func aLongParetoShowsTheTopBarsAndOneOtherBar() {
    let counts = (1...20).map { 21 - $0 }  // 20, 19, …, 1
    let total = Double(counts.reduce(0, +))
    var running = 0
    let rows = counts.enumerated().map { index, count in
      running += count
      return ReportModel.ParetoRow(
        key: "issue \(index + 1)", count: count, share: Double(count) / total,
        cumulative: Double(running) / total, vital: index < 9)
    }
    let svg = ParetoChartSVG(rows: rows, threshold: 0.8, title: "by issue").render()
    let bars = svg.components(separatedBy: "<rect class=\"bar").count - 1
    #expect(bars == 15)
    // Rows 15 to 20 (6 + 5 + … + 1 = 21 complaints) fold into the last bar.
    #expect(svg.contains("other (6 items): 21 ("))
    #expect(!svg.contains("issue 15"))
    let short = ParetoChartSVG(rows: Array(rows.prefix(15)), threshold: 0.8, title: "t").render()
    #expect(!short.contains("other ("))
  }

  private let svg = ControlChartSVG(points: Fixture.series(), title: Fixture.script).render()

  @Test func signalPointIsMarkedInRed() throws {
    let signal = try #require(
      svg.components(separatedBy: "<circle class=\"signal\"").dropFirst().first)
    #expect(signal.contains("2025-10"))
    #expect(signal.contains("beyond_limit"))
    #expect(svg.components(separatedBy: "<circle class=\"signal\"").count == 2)
  }

  @Test func missingPeriodIsAGapNotAJoinedLine() {
    #expect(svg.contains("<g class=\"gap\"><title>\(Fixture.gapPeriod): no exposure</title>"))
    #expect(svg.components(separatedBy: "<polyline class=\"rate\"").count == 3)
    #expect(svg.components(separatedBy: "<circle class=").count == Fixture.periods.count)
    #expect(svg.contains(">\(Fixture.gapPeriod)</text>"))
  }

  @Test func limitsAreStairSteps() {
    let limits = svg.components(separatedBy: "<path class=\"limit\" d=\"").dropFirst()
    #expect(limits.count == 4)
    #expect(limits.allSatisfy { $0.hasPrefix("M") && $0.contains("H") && $0.contains("V") })
    #expect(svg.contains("<path class=\"center\""))
  }

  @Test func axisShowsRatePerThousandOrCountsPerPeriod() {
    #expect(svg.contains(">rate per 1,000 units</text>"))
    #expect(svg.contains("&lt;script&gt;"))
    let counts = ControlChartSVG(points: Fixture.series(), title: "", perThousandUnits: false)
    #expect(counts.render().contains(">complaints per period</text>"))
  }

  /// On a count chart the value is the count: a point's tooltip says "2025-10: 53 complaints",
  /// never "53.00 per period"; on a rate chart it gives the rate with its unit, then the count.
  @Test(arguments: [4, 53, 999])
  func countChartTooltipsShowWholeCounts(count: Int) {
    let points = Fixture.periods.map { period in
      ReportModel.Point(
        period: period, status: .inControl, count: count, units: 1, rate: Double(count),
        center: Double(count), ucl: Double(count) * 2, lcl: 0)
    }
    let counts = ControlChartSVG(points: points, title: "", perThousandUnits: false).render()
    let titles = counts.components(separatedBy: "<circle ").dropFirst().compactMap {
      $0.components(separatedBy: "<title>").dropFirst().first?
        .components(separatedBy: "</title>").first
    }
    #expect(titles == Fixture.periods.map { "\($0): \(count) complaints" }, "\(titles)")
    #expect(!counts.contains("per period,"))
    #expect(svg.contains("2025-10: 3.80 per 1,000 units, 19 complaints"), "\(svg)")
  }

  @Test func standaloneFileDeclaresTheNamespace() {
    #expect(!svg.contains("xmlns"))
    let standalone = ControlChartSVG(points: Fixture.series(), title: "x").render(standalone: true)
    #expect(standalone.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
    #expect(standalone.contains("<style>"))
  }

  @Test func paretoChartShowsVitalBarsCumulativeAndThreshold() {
    let rows = Fixture.report().pareto.byIssue
    let svg = ParetoChartSVG(rows: rows, threshold: 0.8, title: "by issue").render()
    #expect(svg.components(separatedBy: "<rect class=\"bar vital\"").count == 4)
    #expect(svg.components(separatedBy: "<rect class=\"bar\"").count == rows.count - 3 + 1)
    #expect(svg.contains("<line class=\"threshold\""))
    #expect(svg.contains("<polyline class=\"cumulative\""))
    #expect(!svg.contains("<script"))
  }

  @Test func countAxisHasWholeNumberTicks() {
    let rows = [ReportModel.ParetoRow(key: "a", count: 0, share: 0, cumulative: 0, vital: false)]
    let svg = ParetoChartSVG(rows: rows, threshold: 0.8, title: "empty").render()
    #expect(svg.contains("text-anchor=\"end\">1</text>"))
    #expect(svg.components(separatedBy: "<line class=\"grid\"").count - 1 == 2)
  }

  @Test func coordinatesAreLocaleIndependent() {
    #expect(SVG.coordinate(1234.56) == "1234.6")
    #expect(SVG.coordinate(-0.45) == "-0.5")
    #expect(SVG.coordinate(3) == "3")
  }
}
