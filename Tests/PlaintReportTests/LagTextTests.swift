import Testing

@testable import PlaintReport

/// The words for a period still filling in and for a series silent for its whole baseline, in
/// every language and every output that has words.
@Suite struct LagTextTests {
  @Test(arguments: ReportLanguage.allCases)
  func aPeriodStillFillingInSaysSoAndIsNotJudged(_ language: ReportLanguage) {
    let bundle = LanguageFixture.inLanguage(LanguageFixture.fillingIn(), language)
    let text = ReportText(bundle.report)
    let notice = text.fillingInNotice(bundle.report)
    for blank in ["20", "455"] { #expect(notice.contains(blank), "\(language): \(notice)") }
    let html = HTMLRenderer().render(bundle)
    let markdown = MarkdownRenderer().render(bundle)
    for phrase: ReportPhrase in [.unjudgedFillingIn, .nothingJudgedFillingIn] {
      #expect(html.contains(HTML.escape(text[phrase])), "\(language): \(phrase)")
      #expect(markdown.contains(MarkdownRenderer.escape(text[phrase])), "\(language): \(phrase)")
    }
    #expect(text.unjudged(bundle.report) == text[.unjudgedFillingIn])
    // The cell's period is drawn as a gap named in the language.
    #expect(html.contains(HTML.escape(text.status(.fillingIn))))
    if language != .english {
      #expect(text.status(.fillingIn) != ReportText.english.status(.fillingIn))
    }
    #expect(text.gapReason("filling_in") == text[.gapFillingIn])
  }

  @Test(arguments: ReportLanguage.allCases)
  func aSilentSeriesIsNamedWithWhyItHasNoVerdict(_ language: ReportLanguage) throws {
    let bundle = LanguageFixture.inLanguage(LanguageFixture.silent(), language)
    let text = ReportText(bundle.report)
    let cells = try #require(text.silentCells(bundle.report))
    #expect(cells.contains("Toasters"))
    let markdown = MarkdownRenderer().render(bundle)
    #expect(markdown.contains(cells))
    #expect(markdown.contains("Warwick"))
    // The line still filling in is named as such, the other line as not covered whole.
    #expect(markdown.contains(MarkdownRenderer.escape(text.linesFillingIn(bundle.report) ?? "-")))
    // The newer month passed over is named, and this month, with a line still filling in, is
    // the newest that can be judged, not one "whole and settled".
    let later = text(
      .noticeLaterFillingInLines, text.list([text.period("2026-01")]),
      text.period(LanguageFixture.period))
    #expect(markdown.contains(MarkdownRenderer.escape(later)), "\(markdown.prefix(3000))")
    if language != .english {
      #expect(text.status(.silentBaseline) != ReportText.english.status(.silentBaseline))
    }
  }
}
