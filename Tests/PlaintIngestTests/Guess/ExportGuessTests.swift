import Foundation
import Testing

@testable import PlaintIngest
import PlaintTestSupport

/// What `plaint init --from` guesses from header names and values.
struct ExportGuessTests {
  /// A date written in `pattern` (numeric day and month, optional time).
  static func format(_ pattern: String, year: Int, month: Int, day: Int, hour: Int) -> String {
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    var text = pattern
    for (token, value) in [
      ("yyyy", "\(year)"), ("yy", two(year % 100)), ("dd", two(day)), ("MM", two(month)),
      ("HH", two(hour)), ("mm", "07"), ("h", "\(hour % 12 + 1)"), ("a", hour < 12 ? "AM" : "PM"),
    ] {
      text = text.replacingOccurrences(of: token, with: value)
    }
    return text
  }

  /// For dates in any of these patterns, the guess reads every one, and says the day/month order
  /// is an assumption exactly when no day is above 12.
  @Test(arguments: [
    "dd.MM.yyyy", "dd/MM/yyyy HH:mm", "MM/dd/yyyy h:mm a", "MM/dd/yy", "dd-MM-yyyy",
    "yyyy/MM/dd",
  ])
  func readsEverySampledDateAndNamesAnAssumedOrder(_ pattern: String) {
    var random = SplitMix64(seed: UInt64(pattern.utf8.reduce(0) { $0 &* 31 &+ Int($1) }.magnitude))
    for round in 0..<40 {
      let count = Int.random(in: 1...30, using: &random)
      let dayLimit = round % 2 == 0 ? 12 : 28
      let values = (0..<count).map { _ in
        Self.format(
          pattern, year: Int.random(in: 2001...2030, using: &random),
          month: Int.random(in: 1...12, using: &random),
          day: Int.random(in: 1...dayLimit, using: &random),
          hour: Int.random(in: 0...23, using: &random))
      }
      let cover = ExportGuess.cover(values, known: [])
      #expect(cover?.read == count, "\(values)")
      // A year-first date (2025/03/04) is read year, month, day: never an assumption.
      let ambiguous =
        !pattern.hasPrefix("y")
        && !values.contains { value in
          let swapped = ExportGuess.swapDayAndMonth(pattern)
          return (try? DatePattern(swapped)).map { swappedPattern in
            Array(value.utf8).withUnsafeBufferPointer {
              swappedPattern.match($0)?.localSeconds == nil
            }
          } ?? true
        }
      #expect((cover?.order != nil) == ambiguous, "\(values)")
      let chosen = cover?.patterns.first ?? ""
      if ambiguous {
        #expect([pattern, ExportGuess.swapDayAndMonth(pattern)].contains(chosen))
      } else {
        #expect(cover?.patterns == [pattern], "\(values)")
      }
    }
  }

  @Test func isoDatesNeedNoPattern() {
    let cover = ExportGuess.cover(
      ["2025-01-03", "2025-10-03 14:22", "2025-10-03T14:22:10Z"], known: [])
    #expect(cover?.patterns == [])
    #expect(cover?.read == 3)
  }

  @Test func valuesThatAreNoDatesAreNoDateColumn() {
    #expect(ExportGuess.cover(["kettle", "toaster"], known: []) == nil)
  }

  /// Header names in each starter language find their field; unrelated names find none.
  @Test(arguments: [
    ("Ticket ID", TicketField.id, 3), ("Vorgangsnummer", .id, 3), ("Numéro", .id, 3),
    ("Número de caso", .id, 3), ("Numer zgłoszenia", .id, 3), ("Şikayet No", .id, 3),
    ("Κωδικός", .id, 3), ("投诉编号", .id, 2), ("tweet_id", .id, 2),
    ("Erstellt am", .created, 3), ("Fecha", .created, 3), ("Oluşturma tarihi", .created, 3),
    ("Ημερομηνία", .created, 3), ("创建时间", .created, 3), ("decision_date_iso", .created, 2),
    ("Beschreibung", .text, 3), ("Objet", .text, 3), ("Asunto", .text, 3), ("Opis", .text, 3),
    ("Açıklama", .text, 3), ("Περιγραφή", .text, 3), ("投诉简述", .text, 2),
    ("Produkt", .product, 3), ("Ürün", .product, 3), ("Προϊόν", .product, 3),
    ("Kunde", .customer, 3), ("Müşteri", .customer, 3), ("Zip code", .id, 0), ("State", .text, 0),
  ])
  func headerNamesInEightLanguages(_ header: String, _ field: TicketField, _ score: Int) {
    #expect(HeaderNames.score(header, field) == score)
  }

  @Test func aTitleLineAboveTheHeaderIsSkipped() throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("guess-\(UUID().uuidString).csv").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let text =
      "Export of 2025-10-01;;\nNr;Datum;Betreff\n1;13.02.2025;defekt\n2;01.03.2025;kaputt\n"
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    let guess = try ExportGuess(path: path, displayPath: "x.csv")
    #expect(guess.sample.headerLine == 2)
    #expect(guess.sample.delimiter == ";")
    #expect(guess.headers(of: .id) == ["Nr"])
    #expect(guess.headers(of: .created) == ["Datum"])
    #expect(guess.headers(of: .text) == ["Betreff"])
    #expect(guess.dateFormats == ["dd.MM.yyyy"])
    #expect(guess.dateOrder == nil)
  }
}

extension ExportGuessTests {
  /// Two date columns that both read every sampled value (the Housing Ombudsman's
  /// `decision_date`, "26 May 2026", and `decision_date_iso`): the ISO one is the creation
  /// time, whichever comes first. A month of the export once took the written-out one, whose
  /// other forms in later exports were rejected.
  @Test func anISODateColumnWinsOverAWrittenOutOne() throws {
    for (header, row) in [
      (
        "id,decision_date,decision_date_iso,complaint",
        { (i: Int, d: Int) in "\(i),\(d) March 2025,2025-03-\(d < 10 ? "0" : "")\(d),leak" }
      ),
      (
        "id,decision_date_iso,decision_date,complaint",
        { (i: Int, d: Int) in "\(i),2025-03-\(d < 10 ? "0" : "")\(d),\(d) March 2025,leak" }
      ),
    ] {
      let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("guess-\(UUID().uuidString).csv").path
      defer { try? FileManager.default.removeItem(atPath: path) }
      let rows = (1...40).map { row($0, $0 % 28 + 1) }
      try Data(([header] + rows).joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: path))
      let guess = try ExportGuess(path: path, displayPath: "x.csv")
      #expect(guess.headers(of: .created) == ["decision_date_iso"], "\(header)")
      #expect(guess.dateFormats.isEmpty)
    }
  }

  @Test func aFileWithoutAHeaderRowIsMappedByNumber() throws {
    let guess = try ExportGuess(
      path: Fixture.path("headerless.tsv"), displayPath: "headerless.tsv")
    #expect(!guess.sample.hasHeader)
    #expect(guess.sample.rows.count == 2)
    #expect(guess.headers(of: .id) == ["1"])
    #expect(guess.headers(of: .created) == ["3"])
    #expect(guess.headers(of: .text) == ["4"])
  }

  @Test func aProfilesAssumedDayMonthOrderIsNamed() throws {
    let guess = try ExportGuess(
      path: Fixture.path("ambiguous-dates.csv"), displayPath: "ambiguous-dates.csv")
    #expect(guess.profile == "salesforce")
    #expect(guess.dateOrder?.chosen == "M/d/yyyy h:mm a")
    #expect(guess.dateOrder?.swapped == "d/M/yyyy h:mm a")
    #expect(guess.dateOrder?.isDayFirst == false)
  }
}
