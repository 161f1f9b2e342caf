import Foundation
import PlaintTestSupport
import Testing

/// Exports that lose days in the same month. Where none of them has a row, the days are said
/// once, as days no export has a row on; a file's own loss is said on the days the other
/// exports kept logging, however few, and no row is expected twice (the hostile tester's
/// det_two_losses, where one file's 13 days were said "while other exports have rows on them"
/// though 9 of them had none on any export, and their rows were counted in both; and c5, whose
/// file lost four days on each side of the others' gap, never said once the gap was cut out).
@Suite struct OverlappingLossesTests {
  /// Kettles (20 a day), Toasters (14) and Irons (10), December to May, each export without
  /// rows on its `losses`; `files` names each export, its products' prefix and rows a day.
  static func project(
    losses: [String: ClosedRange<String>],
    files: [(String, String, Int)] = [("a", "KT", 20), ("b", "TS", 14), ("c", "IR", 10)]
  ) throws -> URL {
    let fixture = try FixtureFolder("plaint-overlap")
    try fixture.write(
      "taxonomy.yml",
      """
      categories:
        product:
          issues:
            defect: {phrases: [stopped working]}
        other: {}
      product_lines:
        Kettles: {products: ["KT-*"]}
        Toasters: {products: ["TS-*"]}
        Irons: {products: ["IR-*"]}
      """)
    var utc = Calendar(identifier: .gregorian)
    utc.timeZone = TimeZone(identifier: "UTC") ?? .gmt
    let formatter = DateFormatter()
    formatter.calendar = utc
    formatter.timeZone = utc.timeZone
    formatter.dateFormat = "yyyy-MM-dd"
    var sources = ""
    for (file, prefix, perDay) in files {
      var rows = ["id,created,text,product"]
      var day = utc.date(from: DateComponents(year: 2024, month: 12, day: 1)) ?? Date()
      while formatter.string(from: day) <= "2025-05-31" {
        let date = formatter.string(from: day)
        if losses[file]?.contains(date) != true {
          for row in 0..<perDay {
            rows.append(
              "\(file)\(date)-\(row),\(date)T\(String(format: "%02d", row)):15:00Z,It stopped working,\(prefix)-1"
            )
          }
        }
        day = day.addingTimeInterval(86_400)
      }
      try fixture.write("exports/\(file).csv", rows.joined(separator: "\n") + "\n")
      sources += """
          - path: exports/\(file).csv
            profile: generic
            columns: {id: id, created: created, text: text, product: product}

        """
    }
    try fixture.write(
      "plaint.yml",
      """
      store: ":memory:"
      timezone: UTC
      period: month
      sources:
      \(sources)taxonomy: taxonomy.yml
      reports: {dir: reports}
      """)
    return fixture.url
  }

  @Test func daysNoExportHasARowOnAreSaidOnceAndNotAsAFilesLoss() throws {
    let directory = try Self.project(losses: [
      "a": "2025-03-08"..."2025-03-20", "b": "2025-03-12"..."2025-03-25",
      "c": "2025-03-12"..."2025-03-20",
    ])
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try EmptyWeekTests.run(directory, "2025-03")
    #expect(run.status == 0, "\(run.stdout) \(run.stderr)")
    // 03-12 to 03-20: no export has a row. 44 a day, by weekday over the four weeks before,
    // in which Kettles' four lost days (Saturday to Tuesday) held 24: 5 × 44 + 4 × 39.
    #expect(
      run.stderr.contains(
        "no export has a row on the 9 days 2025-03-12 to 2025-03-20, where about 376 were expected"
      ), "\(run.stderr)")
    // Toasters' export lost five more days, on which the others kept logging: said for them
    // alone, 14 a day.
    #expect(
      run.stderr.contains(
        "exports/b.csv has no row on the 5 days 2025-03-21 to 2025-03-25, where its own rows before predict about 70, while other exports have rows on them"
      ), "\(run.stderr)")
    // Kettles' export lost four days before the others did, 20 a day: said for them alone.
    #expect(
      run.stderr.contains(
        "exports/a.csv has no row on the 4 days 2025-03-08 to 2025-03-11, where its own rows before predict about 80, while other exports have rows on them"
      ), "\(run.stderr)")
    let stretches = try EmptyWeekTests.stretches(directory, "2025-03")
    let expected: [Int] = stretches.map(\.expected)
    #expect(expected.reduce(0, +) == 526, "\(stretches)")  // 376 + 70 + 80
  }

  /// Two exports of Kettles and one of Toasters: the first Kettles export loses 03-05 to 03-20,
  /// the others 03-09 to 03-16. Its four days on each side of the others' gap are its own loss,
  /// said each. The second Kettles export covers them, so the line is judged, with the caveat.
  @Test func aFilesDaysOnEitherSideOfTheOthersGapAreSaid() throws {
    let directory = try Self.project(
      losses: [
        "a": "2025-03-05"..."2025-03-20", "a2": "2025-03-09"..."2025-03-16",
        "b": "2025-03-09"..."2025-03-16",
      ], files: [("a", "KT", 20), ("a2", "KT", 10), ("b", "TS", 14)])
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try EmptyWeekTests.run(directory, "2025-03")
    #expect(run.status == 0, "\(run.stdout) \(run.stderr)")
    #expect(
      run.stderr.contains("no export has a row on the 8 days 2025-03-09 to 2025-03-16"),
      "\(run.stderr)")
    for days in ["2025-03-05 to 2025-03-08", "2025-03-17 to 2025-03-20"] {
      #expect(
        run.stderr.contains(
          "exports/a.csv has no row on the 4 days \(days), where its own rows before predict about 80, while other exports have rows on them: rows missing from it?"
        ), "\(run.stderr)")
    }
    #expect(try EmptyWeekTests.linesNotCovered(directory, "2025-03").isEmpty)
  }

  /// The control: Toasters' export alone loses 14 of March's 31 days, which cuts the file in
  /// two (a gap of two weeks is a hole): the line is not judged, and the reason given is that
  /// it is not covered whole, not that most of its rows are missing (about 45 % are).
  @Test func aFileThatLostTwoWeeksLeavesItsLineUnjudgedForItsHole() throws {
    let directory = try Self.project(losses: ["b": "2025-03-12"..."2025-03-25"])
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try EmptyWeekTests.run(directory, "2025-03")
    #expect(run.status == 0, "\(run.stdout) \(run.stderr)")
    #expect(try EmptyWeekTests.linesNotCovered(directory, "2025-03") == ["Toasters"])
    #expect(
      run.stderr.contains(
        "exports/b.csv has no row on the 14 days 2025-03-12 to 2025-03-25, where its own rows before predict about 196, while other exports have rows on them: 2025-03 is not covered whole for Toasters, so their cells are not judged"
      ), "\(run.stderr)")
    #expect(!run.stderr.contains("most of the rows"), "\(run.stderr)")
    #expect(!run.stderr.contains("no export has a row"), "\(run.stderr)")
  }

  /// The same three exports listed in each of their six orders give the same report bytes
  /// (all but the manifest, which names times): the inputs table among them, once in the
  /// configuration's order (the hostile tester's det_order).
  @Test func everyOrderOfTheSourcesGivesTheSameReport() throws {
    let files = [("a", "KT", 20), ("b", "TS", 14), ("c", "IR", 10)]
    let orders = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]]
    var first: [String: Data]?
    for order in orders {
      let directory = try Self.project(
        losses: [
          "a": "2025-03-08"..."2025-03-20", "b": "2025-03-12"..."2025-03-25",
          "c": "2025-03-12"..."2025-03-20",
        ], files: order.map { files[$0] })
      defer { try? FileManager.default.removeItem(at: directory) }
      let run = try EmptyWeekTests.run(directory, "2025-03")
      #expect(run.status == 0, "\(run.stdout) \(run.stderr)")
      let folder = directory.appendingPathComponent("reports/2025-03")
      var reports: [String: Data] = [:]
      for name in try FileManager.default.contentsOfDirectory(atPath: folder.path)
      where name != "manifest.json" {
        reports[name] = try Data(contentsOf: folder.appendingPathComponent(name))
      }
      #expect(reports.count > 5)
      if let first {
        for (name, data) in reports { #expect(first[name] == data, "\(name), order \(order)") }
      } else {
        first = reports
      }
    }
  }
}
