import PlaintCore

/// Every fixed word a person reads in `index.html` and `summary.md`, in one language, with that
/// language's numbers, periods and dates, and the taxonomy's display labels.
///
/// Sentences are templates in the language's table (`ReportPhrase`), with `{0}`, `{1}`, …
/// where the renderer puts a number or a name; so word order is the translator's, not the code's.
/// A table entry never holds markup (`< > & "`), so the renderers can put it into HTML as is.
public struct ReportText: Sendable {
  public var language: ReportLanguage
  /// Display labels by id, already in `language` (the taxonomy's `label:`).
  public var labels: ReportModel.Labels
  let locale: ReportLocale
  let table: [ReportPhrase: String]

  public init(language: ReportLanguage, labels: ReportModel.Labels = ReportModel.Labels()) {
    self.language = language
    self.labels = labels
    (locale, table) = Self.tables(language)
  }

  /// The text a report model asks for: its language (English when it names none) and labels.
  public init(_ report: ReportModel) {
    self.init(
      language: report.language.flatMap(ReportLanguage.init(rawValue:)) ?? .english,
      labels: report.labels ?? ReportModel.Labels())
  }

  public static let english = ReportText(language: .english)

  static func tables(_ language: ReportLanguage) -> (ReportLocale, [ReportPhrase: String]) {
    let (locale, table) = mainTables(language)
    return (
      locale,
      table.merging(lagPhrases(language)) { own, _ in own }
        .merging(appearedPhrases(language)) { own, _ in own }
        .merging(shiftPhrases(language)) { own, _ in own }
        .merging(tailPhrases(language)) { own, _ in own }
        .merging(windowPhrases(language)) { own, _ in own }
        .merging(joinPhrases(language)) { own, _ in own }
    )
  }

  private static func mainTables(_ language: ReportLanguage)
    -> (ReportLocale, [ReportPhrase: String])
  {
    switch language {
    case .english: (englishLocale, englishPhrases.merging(englishChartPhrases) { own, _ in own })
    case .german: (germanLocale, germanPhrases.merging(germanChartPhrases) { own, _ in own })
    case .french: (frenchLocale, frenchPhrases.merging(frenchChartPhrases) { own, _ in own })
    case .spanish: (spanishLocale, spanishPhrases.merging(spanishChartPhrases) { own, _ in own })
    case .polish: (polishLocale, polishPhrases.merging(polishChartPhrases) { own, _ in own })
    case .turkish: (turkishLocale, turkishPhrases.merging(turkishChartPhrases) { own, _ in own })
    case .greek: (greekLocale, greekPhrases.merging(greekChartPhrases) { own, _ in own })
    case .chinese: (chineseLocale, chinesePhrases.merging(chineseChartPhrases) { own, _ in own })
    }
  }

  // MARK: - Phrases

  /// The phrase with no blanks filled.
  public subscript(_ phrase: ReportPhrase) -> String {
    table[phrase] ?? Self.englishPhrases[phrase] ?? phrase.rawValue
  }

  /// The phrase with `{0}`, `{1}`, … replaced by `arguments`, in the order the code passes them.
  public func callAsFunction(_ phrase: ReportPhrase, _ arguments: String...) -> String {
    Self.fill(self[phrase], arguments)
  }

  /// `one` for a count of one, `other` for any other count; `{0}` is the count.
  func plural(_ count: Int, _ one: ReportPhrase, _ other: ReportPhrase, _ arguments: String...)
    -> String
  {
    Self.fill(self[count == 1 ? one : other], [self.count(count)] + arguments)
  }

  static func fill(_ template: String, _ arguments: [String]) -> String {
    guard template.contains("{") else { return template }
    var result = ""
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{") {
      result += rest[..<open]
      let after = rest[rest.index(after: open)...]
      guard let close = after.firstIndex(of: "}"), let index = Int(after[..<close]),
        arguments.indices.contains(index)
      else {
        result.append("{")
        rest = after
        continue
      }
      result += arguments[index]
      rest = after[after.index(after: close)...]
    }
    return result + rest
  }

  // MARK: - Numbers

  /// A count with the language's group separator: "12,345", "12.345", "12 345".
  public func count(_ value: Int) -> String { localized(OutputNumber.count(value)) }

  /// `value` with exactly `decimals` decimals.
  func fixed(_ value: Double, decimals: Int) -> String {
    localized(OutputNumber.fixed(value, decimals: decimals))
  }

  /// Up to `decimals` decimals, trailing zeros dropped; "–" for nil.
  func short(_ value: Double?, decimals: Int = 2) -> String {
    localized(OutputNumber.short(value, decimals: decimals))
  }

  /// A decimal as short as the value allows, never grouped: "0.05", "2.5", "3".
  func plain(_ value: Double) -> String { localized(OutputNumber.plain(value)) }

  /// A p- or q-value; "< 0.0001" below that.
  func probability(_ value: Double?) -> String {
    localized(OutputNumber.probability(value))
  }

  /// A share of 0...1 as a percentage with one decimal: "81.3%", "81,3 %", "%81,3"; "–" for nil.
  public func percent(_ share: Double?) -> String {
    guard let share, share.isFinite else { return "–" }
    return percentSign(fixed(share * 100, decimals: 1))
  }

  /// A share as a whole percentage: "45 %" in English sentences, "45%" on a chart's axis
  /// (`spaced: false`), the language's form elsewhere.
  func wholePercent(_ share: Double?, spaced: Bool = true) -> String {
    guard let share, share.isFinite else { return "–" }
    return wholePercent(number: OutputNumber.whole(share * 100), spaced: spaced)
  }

  /// A whole percentage already written as a number ("45"): "45 %" in English sentences, the
  /// language's form elsewhere.
  func wholePercent(number: String, spaced: Bool = true) -> String {
    language == .english && spaced ? number + " %" : percentSign(number)
  }

  /// A count in a sentence that English writes without grouping ("1234 of 5678"), as the
  /// coverage notices always have; other languages group it as their counts are.
  func sentenceCount(_ value: Int) -> String {
    language == .english ? OutputNumber.ungrouped(value) : count(value)
  }

  /// `value` with `decimals` decimals and no grouping, as `String(format: "%.2f")` writes it.
  func ungrouped(_ value: Double, decimals: Int) -> String {
    OutputNumber.ungrouped(value, decimals: decimals)
      .replacingOccurrences(of: ".", with: locale.decimalSeparator)
  }

  /// A change in percent with its sign: "+4.5%", "-3.2%"; "+%4,5" in Turkish.
  func signedPercent(_ change: Double) -> String {
    let number = OutputNumber.fixed(change, decimals: 1)
    if change >= 0 { return "+" + percentSign(localized(number)) }
    guard number.hasPrefix("-") else { return percentSign(localized(number)) }
    return "-" + percentSign(localized(String(number.dropFirst())))
  }

  private func percentSign(_ number: String) -> String {
    Self.fill(locale.percentPattern, [number])
  }

  /// English number text ("," groups, "." decimals) in this language's separators.
  func localized(_ english: String) -> String {
    guard language != .english else { return english }
    var result = ""
    let characters = Array(english)
    for (index, character) in characters.enumerated() {
      switch character {
      case ",":
        // A separator inside a number: keep it unless the integer part is too short to group.
        let integerDigits = Self.integerDigits(characters, around: index)
        if integerDigits >= locale.minimumGroupingDigits {
          result += locale.groupSeparator
        }
      case ".":
        let isDecimal =
          index > 0 && characters[index - 1].isNumber && index + 1 < characters.count
          && characters[index + 1].isNumber
        result += isDecimal ? locale.decimalSeparator : "."
      default:
        result.append(character)
      }
    }
    return result
  }

  /// How many digits the integer part holds that the "," at `index` sits in.
  private static func integerDigits(_ characters: [Character], around index: Int) -> Int {
    var count = 0
    var cursor = index - 1
    while cursor >= 0, characters[cursor].isNumber || characters[cursor] == "," {
      if characters[cursor].isNumber { count += 1 }
      cursor -= 1
    }
    cursor = index + 1
    while cursor < characters.count, characters[cursor].isNumber || characters[cursor] == "," {
      if characters[cursor].isNumber { count += 1 }
      cursor += 1
    }
    return count
  }

  // MARK: - Periods and dates

  /// A period for people: "2026-10" stays as is in English, "Oktober 2026" in German; an ISO week
  /// "2026-W05" likewise.
  public func period(_ period: String) -> String {
    guard language != .english else { return period }
    let parts = period.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2, let year = Int(parts[0]) else { return period }
    if parts[1].hasPrefix("W"), let week = Int(parts[1].dropFirst()) {
      return Self.fill(locale.weekPattern, ["\(year)", String(parts[1].dropFirst()), "\(week)"])
    }
    guard let month = Int(parts[1]), (1...12).contains(month) else { return period }
    return Self.fill(locale.monthPattern, [locale.months[month - 1], "\(year)", "\(month)"])
  }

  /// A date or an ISO 8601 time ("2026-10-03", "2026-10-03T12:00:00+02:00") in the language's
  /// order, minutes kept and the offset dropped (times are already in the configured zone).
  public func date(_ iso: String) -> String {
    guard language != .english else { return iso }
    let characters = Array(iso)
    guard characters.count >= 10, characters[4] == "-", characters[7] == "-" else { return iso }
    let year = String(characters[0..<4])
    let month = String(characters[5..<7])
    let day = String(characters[8..<10])
    var text = Self.fill(locale.datePattern, [year, month, day])
    if characters.count >= 16, characters[10] == "T" {
      text += " " + String(characters[11..<16])
    }
    return text
  }

  /// A weekday as `Calendar` names it in English ("Monday"), in this language.
  func weekday(_ english: String) -> String {
    guard let index = Self.englishLocale.weekdays.firstIndex(of: english) else { return english }
    return locale.weekdays[index]
  }

  // MARK: - Labels

  /// A category for people: the taxonomy's label, else the table's name for the four built-in
  /// categories, else the id.
  public func category(_ id: String) -> String {
    if let label = labels.categories[id] { return label }
    switch id {
    case "product": return self[.categoryProduct]
    case "policy": return self[.categoryPolicy]
    case "service": return self[.categoryService]
    case "other": return self[.categoryOther]
    case "*": return self[.allCategories]
    default: return id
    }
  }

  /// A tier for people: the taxonomy's label, else the table's name, else the id.
  public func tier(_ id: String) -> String {
    if let label = labels.tiers[id] { return label }
    switch id {
    case "key_account": return self[.tierKeyAccount]
    case "consumer": return self[.tierConsumer]
    case "*": return self[.allTiers]
    default: return id
    }
  }

  /// A product line for people: its label, else its name.
  public func productLine(_ name: String) -> String {
    if let label = labels.productLines[name] { return label }
    if name == "*" { return self[.allProductLines] }
    if name == "unassigned" { return self[.unassignedLine] }
    return name
  }

  /// An issue ("service.slow_response") for people: its label, else the id.
  public func issue(_ key: String) -> String {
    if let label = labels.issues[key] { return label }
    if language != .english, key == "unclassified" || key == "other.unclassified" {
      return self[.unclassifiedIssue]
    }
    return key
  }

  /// An issue named without its category ("slow_response", as tickets carry it) for people.
  public func issue(_ name: String, in category: String) -> String {
    labels.issues["\(category).\(name)"] == nil ? issue(name) : issue("\(category).\(name)")
  }

  /// A tier, or every tier, for people.
  public func tier(_ tier: Rollup<Tier>) -> String { self.tier(tier.rawValue) }

  /// "category / product line / tier" with each part for people.
  public func cell(_ category: String, _ productLine: String, _ tier: Rollup<Tier>) -> String {
    cell(category, productLine, tier.rawValue)
  }

  /// "category / product line / tier" with each part for people.
  public func cell(_ category: String, _ productLine: String, _ tier: String) -> String {
    "\(self.category(category)) / \(self.productLine(productLine)) / \(self.tier(tier))"
  }

  /// A cell key as the Pareto and resolution tables hold it, "category/product line/tier".
  func cellKey(_ key: String) -> String {
    guard let first = key.firstIndex(of: "/"), let last = key.lastIndex(of: "/"), first != last
    else { return key }
    let line = String(key[key.index(after: first)..<last])
    let category = String(key[..<first])
    let tier = String(key[key.index(after: last)...])
    guard
      labels.categories[category] != nil || language != .english || labels.tiers[tier] != nil
        || labels.productLines[line] != nil
    else { return key }
    return "\(self.category(category))/\(productLine(line))/\(self.tier(tier))"
  }

  /// The exposure a method names ("sales units", or the count-chart note) for people.
  func exposure(_ exposure: String) -> String {
    switch exposure {
    case ReportModel.Method.salesExposure: self[.exposureSales]
    case ReportModel.Method.countExposure: self[.exposureCount]
    default: exposure
    }
  }

  /// "month" or "week" for people.
  func granularity(_ id: String) -> String {
    switch id {
    case "month": self[.granularityMonth]
    case "week": self[.granularityWeek]
    default: id
    }
  }

  /// What made a ticket a canary ("tag", "id", "expected") for people.
  func matchedBy(_ id: String) -> String {
    guard let phrase = ReportPhrase(rawValue: "matched." + id) else { return id }
    return self[phrase]
  }

  /// A rule name ("beyond_limit") for people.
  func rule(_ id: String) -> String {
    guard let phrase = ReportPhrase(rawValue: "rule." + id) else { return id }
    return self[phrase]
  }

  /// A status ("new", "continuing", "anomaly", "no_exposure", …) for people.
  func status(_ status: ReportModel.PointStatus) -> String { self.status(status.rawValue) }

  /// An anomaly's status ("new", "continuing", …) for people.
  func status(_ status: ReportModel.AnomalyStatus) -> String { self.status(status.rawValue) }

  /// A status or gap reason ("no_exposure", "missing", …) for people.
  func status(_ id: String) -> String {
    guard let phrase = ReportPhrase(rawValue: "status." + id) else { return id }
    return self[phrase]
  }
}
