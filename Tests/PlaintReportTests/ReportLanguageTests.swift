import Foundation
import PlaintCore
import Testing

@testable import PlaintReport

/// The report in the reader's language: complete tables, no English left on a translated page,
/// numbers and periods in the language's forms, and taxonomy labels instead of ids.
@Suite struct ReportLanguageTests {
  static let translated = ReportLanguage.allCases.filter { $0 != .english }

  /// The `{0}`, `{1}`, … blanks of a template.
  static func blanks(_ template: String) -> Set<String> {
    var found = Set<String>()
    var rest = template[...]
    while let open = rest.firstIndex(of: "{") {
      let after = rest[rest.index(after: open)...]
      guard let close = after.firstIndex(of: "}") else { break }
      found.insert(String(after[..<close]))
      rest = after[after.index(after: close)...]
    }
    return found
  }

  @Test(arguments: ReportLanguage.allCases)
  func everyTableHasEveryPhraseWithTheSameBlanks(_ language: ReportLanguage) {
    let (_, table) = ReportText.tables(language)
    let (_, english) = ReportText.tables(.english)
    for phrase in ReportPhrase.allCases {
      guard let text = table[phrase], let original = english[phrase] else {
        Issue.record("\(language.rawValue) has no entry for \(phrase.rawValue)")
        continue
      }
      #expect(!text.isEmpty, "\(language.rawValue) \(phrase.rawValue)")
      #expect(
        Self.blanks(text) == Self.blanks(original),
        "\(language.rawValue) \(phrase.rawValue): \(text)")
    }
  }

  /// Table text goes into HTML unescaped and into Markdown as is, so it holds no markup.
  @Test(arguments: ReportLanguage.allCases)
  func noEntryHoldsMarkup(_ language: ReportLanguage) {
    let (_, table) = ReportText.tables(language)
    // Names of ids are always escaped where they are used, like the ids they stand for.
    let markup = table.filter { phrase, text in
      !Self.namesAnID(phrase)
        && text.contains { "<>&\"*|[]\\".contains($0) }
        || (language != .english && text.contains("_"))
    }
    #expect(markup.isEmpty, "\(markup)")
  }

  /// Entries a language writes exactly as English does, because the word is the same there.
  static let sameAsEnglish: [ReportLanguage: Set<ReportPhrase>] = [
    .german: [
      .columnRate, .columnStatus, .columnMedianHoursShort, .columnTicket, .factRate, .ticketsLine,
      .labelRelease, .headingReleases,
    ],
    .french: [
      .headlineAnomalyOther, .categoryService, .columnTicket, .headingAnomalies,
      .labelConcentrations,
    ],
    .spanish: [.columnTicket, .ticketsLine],
  ]

  /// An entry copied from English would pass the check below (it skips words a translation
  /// keeps), so a translation equal to English must be one of the words known to be shared.
  @Test(arguments: translated)
  func noEntryIsLeftInEnglish(_ language: ReportLanguage) {
    let (_, table) = ReportText.tables(language)
    let (_, english) = ReportText.tables(.english)
    let copied = ReportPhrase.allCases.filter { phrase in
      guard let text = table[phrase], text == english[phrase] else { return false }
      let shared = (Self.sameAsEnglish[language] ?? []).union([.headerFDR])
      return !Self.cutAtBlanks(text).isEmpty && !shared.contains(phrase)
    }
    #expect(copied.isEmpty, "\(language.rawValue): \(copied.map(\.rawValue))")
  }

  // MARK: - No English left

  /// What a reader sees of a page: text outside tags and the title and aria-label attributes.
  static func visibleText(html: String) -> String {
    var html = html
    if let start = html.range(of: "<style>"), let end = html.range(of: "</style>") {
      html.removeSubrange(start.lowerBound..<end.upperBound)
    }
    var text = ""
    var attributes: [String] = []
    var rest = html[...]
    while let open = rest.firstIndex(of: "<") {
      text += rest[..<open] + " "
      guard let close = rest[open...].firstIndex(of: ">") else { break }
      let tag = rest[open...close]
      for name in ["title=\"", "aria-label=\""] {
        if let start = tag.range(of: name), let end = tag[start.upperBound...].firstIndex(of: "\"")
        {
          attributes.append(String(tag[start.upperBound..<end]))
        }
      }
      rest = rest[rest.index(after: close)...]
    }
    text += rest
    return ([text] + attributes).joined(separator: " ")
      .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
      .replacingOccurrences(of: "&amp;", with: "&")
  }

  /// Every fixture rendered in `language`, HTML and Markdown, as a reader sees them, without
  /// code spans (a command such as `plaint baseline show` is not English prose).
  static func rendered(_ language: ReportLanguage) -> String {
    let pages = LanguageFixture.all().map { bundle in
      let bundle = LanguageFixture.inLanguage(bundle, language)
      return visibleText(html: HTMLRenderer().render(bundle)) + "\n"
        + MarkdownRenderer().render(bundle).replacingOccurrences(of: "\\", with: "")
    }
    return pages.joined(separator: "\n").split(separator: "`", omittingEmptySubsequences: false)
      .enumerated().filter { $0.offset % 2 == 0 }.map(\.element).joined(separator: " ")
  }

  /// Phrases that name an id (a category, tier, status, rule): in English they are the id
  /// itself, which also appears as data (in "product.defect"), so they are checked by name below.
  static func namesAnID(_ phrase: ReportPhrase) -> Bool {
    let raw = phrase.rawValue
    return raw.hasPrefix("category") || raw.hasPrefix("tier") || raw.hasPrefix("status.")
      || raw.hasPrefix("rule.") || raw.hasPrefix("matched.") || raw.hasPrefix("all")
      || raw == "unassignedLine" || raw == "unclassifiedIssue"
  }

  /// The English table's fixed text, cut at the blanks: each piece with a word of three letters
  /// or more is text a reader of another language must not find.
  static let englishPieces: [(phrase: ReportPhrase, piece: String)] = {
    let (_, english) = ReportText.tables(.english)
    return ReportPhrase.allCases.filter { !namesAnID($0) }.flatMap { phrase in
      cutAtBlanks(english[phrase] ?? "").map { (phrase, $0) }
    }
  }()

  static func cutAtBlanks(_ template: String) -> [String] {
    var pieces: [String] = []
    var rest = template[...]
    while true {
      guard let open = rest.firstIndex(of: "{"),
        let close = rest[open...].firstIndex(of: "}")
      else {
        pieces.append(String(rest))
        break
      }
      pieces.append(String(rest[..<open]))
      rest = rest[rest.index(after: close)...]
    }
    let trim = CharacterSet.whitespaces.union(.punctuationCharacters)
    return pieces.map { $0.trimmingCharacters(in: trim) }.filter { piece in
      piece.split { !$0.isLetter }.contains { $0.count >= 3 }
    }
  }

  /// Whether `piece` occurs in `text` as whole words: not inside a longer word, nor inside a
  /// file name ("anomaly-tickets.csv") or an id ("beyond_limit", "other.delivery").
  static func containsWords(_ text: String, _ piece: String) -> Bool {
    var searchRange = text.startIndex..<text.endIndex
    while let found = text.range(of: piece, range: searchRange) {
      let before =
        found.lowerBound == text.startIndex ? nil : text[text.index(before: found.lowerBound)]
      let after = found.upperBound == text.endIndex ? nil : text[found.upperBound]
      let joins: (Character?) -> Bool = {
        $0.map { $0.isLetter || $0 == "-" || $0 == "_" } ?? false
      }
      // "other.delivery" is an id: a dot followed by a letter joins too.
      let rest = text[found.upperBound...]
      let dotted = rest.hasPrefix(".") && (rest.dropFirst().first?.isLetter ?? false)
      if !joins(before) && !joins(after) && !dotted { return true }
      searchRange = found.upperBound..<text.endIndex
    }
    return false
  }

  @Test func theCheckIsBuiltFromTheEnglishTableAndSeesMostOfIt() {
    let english = Self.rendered(.english)
    let pieces = Self.englishPieces
    let seen = pieces.filter { Self.containsWords(english, $0.piece) }
    #expect(pieces.count > 200)
    // The fixtures reach nearly every sentence; what they miss is listed.
    let missed = pieces.filter { !Self.containsWords(english, $0.piece) }.map(\.phrase.rawValue)
    #expect(Double(seen.count) / Double(pieces.count) > 0.95, "not rendered: \(missed)")
  }

  /// The watch section, the run-rule facts and every form of the procedure sentence, which
  /// only some settings write, are reached by the fixtures, so the check below sees them.
  @Test func theFixturesReachTheWatchesAndEveryFormOfTheProcedure() {
    let english = Self.rendered(.english)
    let phrases: Set<ReportPhrase> = [
      .headingWatch, .watchNote, .mdWatches, .mdWatchCell, .factRunRules, .factRunRulesWatch,
      .factRunRulesAnomaly, .factSmallCountWeight, .mdRunRulesWatch, .mdRunRulesAnomaly,
      .procedureFDR, .procedureWeighted, .procedureNoFDR, .procedureWatch, .procedureRunRules,
      .procedureSimulated, .procedureNotSimulated,
    ]
    let missed = Self.englishPieces.filter {
      phrases.contains($0.phrase) && !Self.containsWords(english, $0.piece)
    }
    #expect(missed.isEmpty, "not rendered: \(missed.map { "\($0.piece) (\($0.phrase.rawValue))" })")
  }

  /// A cell whose period ends on watch, withheld, partial or not covered shows that status in
  /// the reader's language, never as its id.
  @Test(arguments: translated)
  func theNewerStatusesAreNamedInTheLanguage(_ language: ReportLanguage) {
    let text = ReportText(language: language)
    let page = Self.rendered(language)
    for status: ReportModel.PointStatus in [.watch, .withheld, .partial, .notCovered] {
      #expect(page.contains(text.status(status)), "\(language.rawValue): \(status)")
      #expect(text.status(status) != ReportText.english.status(status))
    }
    #expect(!page.contains("not_covered"))
  }

  @Test(arguments: translated)
  func noEnglishFixedTextRemains(_ language: ReportLanguage) {
    let page = Self.rendered(language)
    let (_, table) = ReportText.tables(language)
    let leftOver = Self.englishPieces.filter { phrase, piece in
      // A piece the translation itself keeps ("SLA", "Pareto", "Ticket") is not English left over.
      if let own = table[phrase], own.contains(piece) { return false }
      return Self.containsWords(page, piece)
    }
    #expect(
      leftOver.isEmpty,
      "\(language.rawValue): \(leftOver.map { "\($0.piece) (\($0.phrase.rawValue))" })")
  }

  /// The committed demo report (reports/demo), read back from its report.json and grid.csv.
  static let demoFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("reports/demo")

  static func demoBundle() throws -> ReportBundle {
    let json = try Data(contentsOf: demoFolder.appendingPathComponent("report.json"))
    let report = try JSONDecoder().decode(ReportModel.self, from: json)
    let csv = try String(
      contentsOf: demoFolder.appendingPathComponent("grid.csv"), encoding: .utf8)
    // The demo's grid holds no quoted field: its names have no commas.
    var grid: [ReportBundle.GridRow] = []
    for line in csv.split(separator: "\n").dropFirst() {
      let field = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      grid.append(
        ReportBundle.GridRow(
          period: field[0], category: field[1], productLine: field[2],
          tier: try #require(Rollup(rawValue: field[3])),
          count: Int(field[4]) ?? 0, units: Double(field[5]), rate: Double(field[6]),
          center: Double(field[8]), ucl: Double(field[9]), lcl: Double(field[10]),
          status: try #require(ReportModel.PointStatus(rawValue: field[11])),
          chart: try #require(ChartMethod(rawValue: field[12]))))
    }
    return ReportBundle(report: report, grid: grid, generatedBy: "plaint 0.1.0")
  }

  /// The names a report repeats from its data: owners, issue ids, product lines, customers,
  /// agents and channels, tickets, files, releases, frequent words.
  static func dataNames(_ report: ReportModel) -> Set<String> {
    var names = Set<String>()
    for anomaly in report.anomalies + report.improvements + report.resolved {
      names.formUnion([anomaly.owner ?? "", anomaly.productLine] + anomaly.topIssues.map(\.key))
    }
    for row in report.pareto.byIssue + report.pareto.previousByIssue { names.insert(row.key) }
    let recurrence = report.recurrence
    for customer in recurrence.repeatCustomers {
      names.formUnion([customer.customer] + customer.issues)
    }
    names.formUnion(recurrence.recurringIssues.map(\.issue))
    names.formUnion(recurrence.concentrations.map(\.value))
    names.formUnion(recurrence.releases.flatMap { [$0.name, $0.productLine] })
    for item in report.resolution.openPastSLA {
      names.formUnion([item.owner ?? "", item.issue, item.productLine, item.id])
    }
    names.formUnion(report.inputs.map(\.path))
    names.formUnion(report.unclassifiedTerms.map(\.term))
    names.formUnion(report.cells.map(\.productLine))
    names.remove("")
    return names
  }

  @Test(
    .enabled(if: FileManager.default.fileExists(atPath: demoFolder.path)),
    arguments: translated)
  func theDemoHasNoEnglishLeft(_ language: ReportLanguage) throws {
    let bundle = LanguageFixture.inLanguage(try Self.demoBundle(), language)
    let html = HTMLRenderer().render(bundle)
    var page =
      Self.visibleText(html: html) + "\n"
      + MarkdownRenderer().render(bundle).replacingOccurrences(of: "\\", with: "")
    // Names from the data ("Customer Care", "other.delivery") are not the report's words.
    for name in Self.dataNames(bundle.report).sorted(by: { $0.count > $1.count }) {
      page = page.replacingOccurrences(of: name, with: " ")
    }
    let (_, table) = ReportText.tables(language)
    let leftOver = Self.englishPieces.filter { phrase, piece in
      if let own = table[phrase], own.contains(piece) { return false }
      return Self.containsWords(page, piece)
    }
    #expect(leftOver.isEmpty, "\(language.rawValue): \(leftOver.map(\.piece))")
    #expect(html.contains("<html lang=\"\(language.rawValue)\">"))
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: demoFolder.path)))
  func theDemoReadBackRendersAsCommittedInEnglish() throws {
    let summary = try String(
      contentsOf: Self.demoFolder.appendingPathComponent("summary.md"), encoding: .utf8)
    var bundle = try Self.demoBundle()
    // summary.md counts the rejected rows; report.json carries their number per input only.
    let rejected = bundle.report.inputs.reduce(0) { $0 + $1.rejected }
    bundle.rejects = Array(
      repeating: Reject(file: "", line: 0, reason: "", raw: ""), count: rejected)
    #expect(MarkdownRenderer().render(bundle) == summary)
  }

  @Test(arguments: translated)
  func idsOfTheGridAreNamedInTheLanguage(_ language: ReportLanguage) {
    let text = ReportText(language: language)
    let page = Self.rendered(language)
    #expect(page.contains(text.cell("product", "Kettles", "consumer")))
    #expect(!page.contains("product / Kettles / consumer"))
    #expect(!page.contains("beyond_limit"))
    #expect(!page.contains("in_control"))
  }

  // MARK: - Numbers, periods, labels

  @Test(arguments: [
    ("{1} before {0}", ["a", "b"], "b before a"),
    ("{0} and {0}", ["x"], "x and x"),
    ("no blanks", ["x"], "no blanks"),
    ("{0}", ["{1}"], "{1}"),
    ("{2} stays", ["a"], "{2} stays"),
  ])
  func blanksAreFilledInTheTemplatesOrderAndNeverTwice(
    _ template: String, _ arguments: [String], _ expected: String
  ) {
    #expect(ReportText.fill(template, arguments) == expected)
  }

  @Test func aModelWithAnUnknownLanguageIsWrittenInEnglish() {
    var report = Fixture.report()
    report.language = "xx"
    #expect(ReportText(report).language == .english)
  }

  @Test func englishKeepsItsForms() {
    let text = ReportText.english
    #expect(text.count(1_234_567) == "1,234,567")
    #expect(text.percent(0.813) == "81.3%")
    #expect(text.period("2026-10") == "2026-10")
    #expect(text.date("2026-10-03T09:15:00Z") == "2026-10-03T09:15:00Z")
  }

  @Test(arguments: [
    (ReportLanguage.german, "1.234.567", "81,3\u{a0}%", "Oktober 2026", "03.10.2026 09:15"),
    (.french, "1\u{202f}234\u{202f}567", "81,3\u{a0}%", "octobre 2026", "03/10/2026 09:15"),
    (.spanish, "1.234.567", "81,3\u{a0}%", "octubre de 2026", "03/10/2026 09:15"),
    (.polish, "1\u{a0}234\u{a0}567", "81,3%", "październik 2026", "03.10.2026 09:15"),
    (.turkish, "1.234.567", "%81,3", "Ekim 2026", "03.10.2026 09:15"),
    (.greek, "1.234.567", "81,3%", "Οκτώβριος 2026", "03/10/2026 09:15"),
    (.chinese, "1,234,567", "81.3%", "2026年10月", "2026-10-03 09:15"),
  ])
  func numbersPeriodsAndDatesFollowTheLanguage(
    _ language: ReportLanguage, _ count: String, _ percent: String, _ month: String,
    _ date: String
  ) {
    let text = ReportText(language: language)
    #expect(text.count(1_234_567) == count)
    #expect(text.percent(0.813) == percent)
    #expect(text.period("2026-10") == month)
    #expect(text.date("2026-10-03T09:15:00+02:00") == date)
    #expect(text.short(-0.5) == (language == .chinese ? "-0.5" : "-0,5"))
  }

  @Test func spanishAndPolishLeaveFourDigitsUngrouped() {
    #expect(ReportText(language: .spanish).count(1234) == "1234")
    #expect(ReportText(language: .polish).count(1234) == "1234")
    #expect(ReportText(language: .german).count(1234) == "1.234")
  }

  @Test(arguments: ReportLanguage.allCases)
  func labelsReplaceIdsWhereTheyExist(_ language: ReportLanguage) {
    var bundle = LanguageFixture.inLanguage(LanguageFixture.busy(), language)
    bundle.report.labels = ReportModel.Labels(
      categories: ["product": "Geräte"], tiers: ["consumer": "Endkunden"],
      productLines: ["Kettles": "Wasserkocher"], issues: ["product.defect": "Defekt"])
    let html = Self.visibleText(html: HTMLRenderer().render(bundle))
    let markdown = MarkdownRenderer().render(bundle)
    for page in [html, markdown] {
      #expect(page.contains("Geräte / Wasserkocher / Endkunden"))
      #expect(page.contains("Defekt"))
      #expect(!page.contains("product.defect"))
    }
    // An issue without a label keeps its id.
    #expect(html.contains("service.issue_2"))
  }

  @Test(arguments: ReportLanguage.allCases)
  func theJSONKeepsIdsAndCarriesTheLanguage(_ language: ReportLanguage) throws {
    var report = LanguageFixture.inLanguage(LanguageFixture.busy(), language).report
    report.labels = ReportModel.Labels(issues: ["product.defect": "Defekt"])
    let json = try #require(
      try JSONSerialization.jsonObject(with: JSONRenderer().render(report)) as? [String: Any])
    #expect(json["language"] as? String == (language == .english ? nil : language.rawValue))
    let labels = try #require(json["labels"] as? [String: Any])
    #expect((labels["issues"] as? [String: String])?["product.defect"] == "Defekt")
    let byIssue = try #require((json["pareto"] as? [String: Any])?["by_issue"] as? [[String: Any]])
    #expect(byIssue.first?["key"] as? String == "product.defect")
  }

  @Test func aReportWithoutLanguageOrLabelsEncodesNeitherKey() throws {
    let json = try #require(
      try JSONSerialization.jsonObject(with: JSONRenderer().render(Fixture.report()))
        as? [String: Any])
    #expect(json["language"] == nil)
    #expect(json["labels"] == nil)
  }

  @Test(arguments: translated)
  func thePageDeclaresItsLanguage(_ language: ReportLanguage) {
    let html = HTMLRenderer().render(LanguageFixture.inLanguage(LanguageFixture.quiet(), language))
    #expect(html.contains("<html lang=\"\(language.rawValue)\">"))
  }
}

extension ReportLanguageTests {
  /// A stretch of one day is said as that day, in the singular: never "the 1 days 2025-12-01".
  @Test func aSingleDayIsSaidAsADay() {
    let bundle = LanguageFixture.oneDay()
    let summary = MarkdownRenderer().render(bundle)
    #expect(summary.contains("**1 day without a row on any export: counts may be too low**"))
    #expect(summary.contains("no export has a row on 2025-12-01, where about 40 were expected"))
    #expect(
      summary.contains(
        "exports/kettles.csv has no row on 2025-12-09, where its own rows before predict about 30, while other exports have rows on it: 2025-12 is not covered whole for Kettles"
      ))
    #expect(summary.contains("exports/toasters.csv has no row on 2025-12-16"))
    #expect(!summary.contains("1 days"), "\(summary)")
    let html = HTMLRenderer().render(bundle)
    #expect(html.contains("day without a row on any export") && !html.contains("1 days"))
  }
}
