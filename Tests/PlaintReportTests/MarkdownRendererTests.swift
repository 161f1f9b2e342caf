import PlaintTestSupport
import Testing

@testable import PlaintReport

@Suite struct MarkdownRendererTests {
  private let summary = MarkdownRenderer().render(Fixture.bundle())

  /// Cells of a Markdown table row, splitting only on unescaped pipes.
  private func cells(_ row: String) -> [String] {
    var cells: [String] = []
    var current = ""
    var escaped = false
    for char in row {
      if escaped {
        current.append(char)
        escaped = false
      } else if char == "\\" {
        current.append(char)
        escaped = true
      } else if char == "|" {
        cells.append(current)
        current = ""
      } else {
        current.append(char)
      }
    }
    cells.append(current)
    return Array(cells.dropFirst().dropLast())
  }

  @Test func headlineGivesComplaintsRateAgainstBaselineAndClassifiedShare() {
    #expect(summary.contains("**1,234 complaints**"))
    #expect(summary.contains("**1.23 per 1,000 units** (baseline centre 1.10, +12.2%)"))
    #expect(summary.contains("**90.0% classified**"))
    #expect(summary.contains("**1 anomaly**"))
  }

  @Test func anomalyTableKeepsItsColumnsWhateverTheInput() throws {
    let rows = summary.split(separator: "\n").map(String.init).filter { $0.hasPrefix("| ") }
    let header = try #require(rows.first { $0.contains("Cell") })
    let row = try #require(rows.first { $0.contains("beyond") })
    #expect(cells(header).count == 9)
    #expect(cells(row).count == 9)
    #expect(cells(row)[1].trimmingCharacters(in: .whitespaces) == "19")
    #expect(cells(row)[4].trimmingCharacters(in: .whitespaces) == "3.80")
  }

  @Test func inputStringsCannotBecomeMarkup() {
    #expect(!summary.contains("<script>"))
    #expect(summary.contains("\\<script\\>alert(1)\\</script\\>"))
    #expect(
      MarkdownRenderer.escape(Fixture.piped)
        == "a\\|b \\*bold\\* \\_x\\_ \\[link\\](javascript:x) # h")
    #expect(!summary.contains("first line\nsecond"))
    #expect(MarkdownRenderer.escape("# title") == "\\# title")
    #expect(MarkdownRenderer.escape("-2+3") == "\\-2+3")
    #expect(MarkdownRenderer.escape("12. item") == "12\\. item")
    #expect(MarkdownRenderer.escape("see http://x.example") == "see http\\://x.example")
  }

  @Test func sectionsAndVitalFew() {
    for heading in ["## Anomalies", "## The vital few", "## Data quality", "## Method"] {
      #expect(summary.contains("\n\(heading)\n"))
    }
    #expect(summary.contains("- **By issue** (3 of 8 make 30.0%, threshold 80.0%)"))
    #expect(summary.contains("- Data gaps: 1 period"))
    #expect(summary.contains("| 10 | 6 | 2 | 1 | 1 |"))
  }

  @Test func noAnomaliesSaysSo() {
    var bundle = Fixture.bundle()
    bundle.report.anomalies = []
    bundle.report.method.cellsTested = 12
    #expect(MarkdownRenderer().render(bundle).contains("No cell is out of control in 2025-10."))
    bundle.report.method.cellsTested = 0
    #expect(
      MarkdownRenderer().render(bundle).contains(
        "No cell had enough history to be judged in 2025-10."))
  }

  @Test func aPartialPeriodIsSaidAtTheTopAndJudgesNothing() {
    var bundle = Fixture.bundle()
    bundle.report.anomalies = []
    bundle.report.coverage = ReportModel.Coverage(
      period: "partial", periodFrom: "2025-10-01", periodThrough: "2025-10-24",
      latestWholePeriod: "2025-09")
    bundle.report.coverage.periodCovered = [
      ReportModel.DaySpan(from: "2025-10-01", through: "2025-10-10"),
      ReportModel.DaySpan(from: "2025-10-20", through: "2025-10-24"),
    ]
    bundle.report.dataQuality.warnings = ["partial_period"]
    let text = MarkdownRenderer().render(bundle)
    #expect(
      text.contains(
        "> **Note:** 2025-10 is a partial period: the exports cover only 2025-10-01 to 2025-10-10 and 2025-10-20 to 2025-10-24 of it."
      ))
    #expect(text.contains("The latest whole period is 2025-09."))
    #expect(text.contains("Nothing is judged in a partial period."))
    #expect(!text.contains("No cell is out of control"))
    #expect(text.contains("**not judged (partial period)**"))
    #expect(!text.contains("**0 anomalies**"))
  }

  @Test func renderingTwiceGivesIdenticalText() {
    #expect(MarkdownRenderer().render(Fixture.bundle()) == summary)
  }

  @Test func resolvedCellsAreListedAndEscaped() {
    var bundle = Fixture.bundle()
    var ended = Fixture.anomaly()
    ended.status = .resolved
    ended.productLine = Fixture.script
    bundle.report.resolved = [ended]
    let text = MarkdownRenderer().render(bundle)
    let line = text.split(separator: "\n").first { $0.hasPrefix("Resolved (flagged last period") }
    #expect(line != nil)
    #expect(line?.contains("<script>") == false)
    let html = HTMLRenderer().render(bundle)
    #expect(html.contains("<section id=\"resolved\">"))
    #expect(!html.contains(Fixture.script))
    #expect(MarkdownRenderer().render(Fixture.bundle()).contains("Resolved (") == false)
  }

  @Test func watchesAreListedApartFromAnomaliesInEveryFormat() {
    var bundle = Fixture.bundle()
    bundle.report.anomalies = []
    // Cells were judged: with none tested the page says no cell had enough history instead.
    bundle.report.method.cellsTested = 1
    var watch = Fixture.anomaly()
    watch.status = .watch
    watch.rules = ["trend_of_6"]
    watch.productLine = Fixture.script
    bundle.report.watches = [watch]
    let text = MarkdownRenderer().render(bundle)
    #expect(text.contains("No cell is out of control in 2025-10."))
    let line = text.split(separator: "\n").first { $0.hasPrefix("Watch (") }
    #expect(line?.contains("trend\\_of\\_6") == true)
    #expect(line?.contains("<script>") == false)
    let html = HTMLRenderer().render(bundle)
    #expect(html.contains("<section id=\"watches\">"))
    #expect(!html.contains(Fixture.script))
    let csv = CSVRenderer().anomalies(bundle.report)
    #expect(csv.split(separator: "\n").dropFirst().allSatisfy { $0.hasPrefix("watch,") })
    #expect(MarkdownRenderer().render(Fixture.bundle()).contains("Watch (") == false)
  }
  /// Coverage gaps that differ only in their product line are one list line naming the lines
  /// together: any mix of lines and gaps, in any order, says each gap once, with every line
  /// that has it and no other.
  @Test func gapsOfSeveralLinesAreSaidOnce() throws {
    var random = SplitMix64(seed: 20_261_204)
    let lines = ["Kettles", "Toasters", "Blenders"]
    let facts = [
      ("2020-11", "2020-11", 1, "partial"), ("2020-12", "2020-12", 1, "empty_stretch"),
      ("2021-01", "2021-03", 3, "not_covered"),
    ]
    for _ in 0..<60 {
      var gaps: [ReportModel.CoverageGap] = []
      for (from, through, periods, reason) in facts {
        for line in lines where random.next() % 2 == 0 {
          gaps.append(
            .init(productLine: line, from: from, through: through, periods: periods, reason: reason)
          )
        }
      }
      gaps.shuffle(using: &random)
      var bundle = LanguageFixture.quiet()
      bundle.report.coverage.gaps = gaps
      let said = MarkdownRenderer().render(bundle).split(separator: "\n")
        .filter { $0.hasPrefix("- Coverage, ") }
      #expect(said.count == Set(gaps.map(\.from)).count, "\(said)")
      for (from, _, _, _) in facts {
        let held = Set(gaps.filter { $0.from == from }.map(\.productLine))
        guard !held.isEmpty else { continue }
        let line = try #require(said.first { $0.contains(": \(from) ") }, "\(said)")
        for name in lines { #expect(line.contains(name) == held.contains(name), "\(line)") }
      }
    }
  }
}
