import Foundation
import PlaintCore
import PlaintStore
import PlaintTestSupport
import Testing

@testable import PlaintEngine

/// The same rows cut into files are covered alike: a late-publishing export (about 20 rows a
/// day for two and a half years, then 13 %, 2.5 % and 2 % of that in its last three months,
/// the last one through its 26th) reports its last month before the lag and passes over the
/// three months still filling in, whether it comes as one file or cut at any day into two or
/// three, with `covers:` on the newest file or without.
@Suite struct CutIntoFilesTests {
  static let zone = TimeZone(identifier: "UTC") ?? .gmt

  /// A day's number since 1970-01-01.
  static func day(_ year: Int, _ month: Int, _ day: Int) -> Int {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    let date = calendar.date(from: DateComponents(year: year, month: month, day: day)) ?? Date()
    return Int(date.timeIntervalSince1970 / 86_400)
  }

  static func date(_ day: Int) -> Date { Date(timeIntervalSince1970: Double(day) * 86_400) }

  /// Rows per day and product line: the lagging export.
  static let rows: [(day: Int, line: String, count: Int)] = {
    var random = SplitMix64(seed: 20_261_126)
    var rows: [(day: Int, line: String, count: Int)] = []
    let last = day(2026, 11, 26)
    for number in day(2024, 1, 1)...last {
      let rate =
        number < day(2026, 9, 1)
        ? 20 : number < day(2026, 10, 1) ? 2.6 : number < day(2026, 11, 1) ? 0.5 : 0.4
      var drawn = random.poissonByInversion(rate)
      if number == last { drawn = max(drawn, 2) }
      var kettles = 0
      for _ in 0..<drawn where random.unit() < 0.7 { kettles += 1 }
      if kettles > 0 { rows.append((number, "Kettles", kettles)) }
      if drawn > kettles { rows.append((number, "Toasters", drawn - kettles)) }
    }
    return rows
  }()

  /// What `--period last` decides from the coverage: the newest month judged, the months
  /// passed over, and how every month since the summer is covered, overall and per line.
  struct Verdict: Equatable, CustomStringConvertible {
    var reported: String
    var passedOver: [String]
    var months: [String]

    var description: String { "\(reported) passing over \(passedOver): \(months)" }
  }

  static let configuration: Configuration = {
    let text = "sources:\n  - path: a.csv\n    profile: zendesk\n"
    return
      (try? Configuration.parse(
        text, file: "plaint.yml", directory: URL(fileURLWithPath: "/tmp/config")))
      ?? { fatalError("the test configuration parses") }()
  }()

  /// The verdict on the rows cut before each of `cuts` (day numbers), with `covers:` through
  /// 2026-11-30 on the newest file when `covers` is set.
  static func verdict(
    _ rows: [(day: Int, line: String, count: Int)] = rows, cuts: [Int], covers: Bool,
    granularity: Granularity = .month
  ) throws -> Verdict {
    let bounds = [Int.min] + cuts.sorted() + [Int.max]
    var sources: [SourceAccounting] = []
    var contents: [String: FileContents] = [:]
    for (index, (low, high)) in zip(bounds, bounds.dropFirst()).enumerated() {
      let part = rows.filter { $0.day >= low && $0.day < high }
      guard let first = part.first?.day, let last = part.last?.day else { continue }
      let path = "exports/part-\(index).csv"
      var source = SourceAccounting(path: path, sha256: path, system: "generic")
      source.firstCreated = date(first)
      source.lastCreated = date(last)
      var profile = SourceProfile()
      var held = FileContents()
      for row in part {
        profile.days[row.day, default: 0] += row.count
        profile.lines[row.line, default: 0] += row.count
        held.productLines.insert(row.line)
        held.tickets += row.count
      }
      source.profile = profile
      sources.append(source)
      contents[path] = held
    }
    var declared: [String: Configuration.Source.Covers] = [:]
    if covers, let newest = sources.last?.path, let from = Configuration.Source.Day("0001-01-01"),
      let through = Configuration.Source.Day("2026-11-30")
    {
      declared[newest] = .init(from: from, through: through)
    }
    var coverage = DataCoverage(
      sources: sources, contents: contents, covers: declared, timeZone: zone,
      granularity: granularity)
    var counts: [Period: [String: Int]] = [:]
    for row in rows {
      let period = Period(containing: date(row.day), in: zone, granularity: granularity)
      counts[period, default: [:]][row.line, default: 0] += row.count
    }
    let cells = counts.flatMap { period, lines in
      lines.map { line, count in
        CellCount(
          period: period, cell: Cell(category: .product, productLine: line, tier: .consumer),
          count: count)
      }
    }
    coverage.lag = PublicationLag(
      counts: cells, coverage: coverage, settings: configuration.publicationLag,
      control: configuration.control, granularity: granularity
    ) { days in
      var found: [String: Int] = [:]
      for row in rows where days.contains(date(row.day)) {
        found[row.line, default: 0] += row.count
      }
      return found
    }
    let reported = try #require(coverage.latestWhole(granularity))
    let months = Period.range(
      Period(containing: date(day(2026, 6, 1)), in: zone, granularity: granularity),
      through: Period(containing: date(day(2026, 11, 26)), in: zone, granularity: granularity)
    ).map { period in
      "\(period) \(coverage.coverage(period).rawValue) "
        + ["Kettles", "Toasters"].map { coverage.coverage(line: $0, period).rawValue }
        .joined(separator: " ")
    }
    return Verdict(
      reported: reported.description,
      passedOver: coverage.fillingIn(after: reported).map(\.description), months: months)
  }

  @Test(arguments: [false, true])
  func oneFileReportsTheMonthBeforeTheLag(covers: Bool) throws {
    let one = try Self.verdict(cuts: [], covers: covers)
    #expect(one.reported == "2026-08", "\(one)")
    #expect(one.passedOver == ["2026-09", "2026-10", "2026-11"], "\(one)")
  }

  /// Two files, cut at every day of the last half year and at every month's first day before.
  @Test(arguments: [false, true])
  func twoFilesCutAnywhereGiveTheOneFilesVerdict(covers: Bool) throws {
    let one = try Self.verdict(cuts: [], covers: covers)
    var cuts = Array(Self.day(2026, 6, 1)...Self.day(2026, 11, 26))
    for month in 2...29 { cuts.append(Self.day(2024, 1, 1) + month * 30) }
    var differing: [String] = []
    for cut in cuts {
      let two = try Self.verdict(cuts: [cut], covers: covers)
      if two != one { differing.append("cut before day \(cut): \(two)") }
    }
    #expect(differing.isEmpty, "one file: \(one)\n\(differing.joined(separator: "\n"))")
  }

  /// Three files, cut at two days drawn from the last half year.
  @Test(arguments: [false, true])
  func threeFilesCutAnywhereGiveTheOneFilesVerdict(covers: Bool) throws {
    let one = try Self.verdict(cuts: [], covers: covers)
    var random = SplitMix64(seed: covers ? 3 : 2)
    let start = Self.day(2026, 6, 1)
    let span = Self.day(2026, 11, 26) - start
    var differing: [String] = []
    for _ in 0..<120 {
      let cuts = [start + random.next(below: span), start + random.next(below: span)]
      let three = try Self.verdict(cuts: cuts, covers: covers)
      if three != one { differing.append("cuts before days \(cuts): \(three)") }
    }
    #expect(differing.isEmpty, "one file: \(one)\n\(differing.joined(separator: "\n"))")
  }

  /// A cut that leaves a real gap is still one: three weeks without a row (2026-07-05 to
  /// 2026-07-25 left out) leave July partial, in one file as in two cut inside the gap.
  @Test func aCutThatLeavesARealGapIsAGap() throws {
    let rows = Self.rows.filter { $0.day < Self.day(2026, 7, 5) || $0.day > Self.day(2026, 7, 25) }
    let one = try Self.verdict(rows, cuts: [], covers: false)
    let two = try Self.verdict(rows, cuts: [Self.day(2026, 7, 15)], covers: false)
    #expect(one.months.contains("2026-07 partial partial partial"), "\(one)")
    #expect(two.months == one.months, "\(two)")
  }

  /// Weekly periods: the same rows, in ISO weeks, cut at every day of the last half year.
  @Test(arguments: [false, true])
  func twoFilesCutAnywhereGiveTheOneFilesVerdictInWeeks(covers: Bool) throws {
    let one = try Self.verdict(cuts: [], covers: covers, granularity: .week)
    #expect(!one.passedOver.isEmpty, "\(one)")
    var differing: [String] = []
    for cut in Self.day(2026, 6, 1)...Self.day(2026, 11, 26) {
      let two = try Self.verdict(cuts: [cut], covers: covers, granularity: .week)
      if two != one { differing.append("cut before day \(cut): \(two)") }
    }
    #expect(differing.isEmpty, "one file: \(one)\n\(differing.joined(separator: "\n"))")
  }
  /// A steady export, about 20 rows a day (7 in 10 Kettles) through 2026-11-26, for the cases
  /// where files do not lag but leave a line out.
  static let steadyRows: [(day: Int, line: String, count: Int)] = {
    var random = SplitMix64(seed: 20_261_203)
    var rows: [(day: Int, line: String, count: Int)] = []
    for number in day(2024, 1, 1)...day(2026, 11, 26) {
      let drawn = random.poissonByInversion(20)
      var kettles = 0
      for _ in 0..<drawn where random.unit() < 0.7 { kettles += 1 }
      if kettles > 0 { rows.append((number, "Kettles", kettles)) }
      if drawn > kettles { rows.append((number, "Toasters", drawn - kettles)) }
    }
    return rows
  }()

  /// The coverage of one month in a verdict: overall, Kettles, Toasters.
  static func month(_ verdict: Verdict, _ month: String) -> [String] {
    let found = verdict.months.first { $0.hasPrefix(month + " ") } ?? ""
    return Array(found.split(separator: " ").dropFirst().map(String.init))
  }

  /// Three stray rows in a file of their own over two months the main export misses do not make
  /// those months covered: the export carries its lines again at their rate afterwards, so the
  /// thin file is not the newest rows of a late-publishing source.
  @Test func aThinFileInsideTheHistoryCarriesNoLine() throws {
    let hole = Self.day(2026, 6, 1)..<Self.day(2026, 8, 1)
    var rows = Self.steadyRows.filter { !hole.contains($0.day) }
    rows += [
      (Self.day(2026, 6, 2), "Toasters", 1), (Self.day(2026, 6, 20), "Toasters", 1),
      (Self.day(2026, 7, 30), "Toasters", 1),
    ]
    rows.sort { $0.day < $1.day }
    let three = try Self.verdict(rows, cuts: [hole.lowerBound, hole.upperBound], covers: false)
    for month in ["2026-06", "2026-07"] {
      let coverage = Self.month(three, month)
      #expect(coverage.count == 3 && coverage[1] != "whole" && coverage[2] != "whole", "\(three)")
    }
    #expect(Self.month(three, "2026-09") == ["whole", "whole", "whole"], "\(three)")
  }

  /// A file of the same export that holds rows of one line only, between two that hold both,
  /// says the other line is missing over its days: the cut around it is not bridged.
  @Test func aLineMissingFromTheFileBetweenIsNotBridged() throws {
    let middle = Self.day(2026, 8, 10)..<Self.day(2026, 8, 22)
    let rows = Self.steadyRows.filter { !(middle.contains($0.day) && $0.line == "Toasters") }
    let three = try Self.verdict(rows, cuts: [middle.lowerBound, middle.upperBound], covers: false)
    let august = Self.month(three, "2026-08")
    #expect(august.count == 3 && august[1] == "whole" && august[2] != "whole", "\(three)")
  }
}
