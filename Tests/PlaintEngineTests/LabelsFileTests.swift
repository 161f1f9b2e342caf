import Foundation
import PlaintCore
import Testing

@testable import PlaintEngine

/// The labels file of `plaint taxonomy test --labels`, the split, and `precedence:`.
@Suite struct LabelsFileTests {
  private func load(_ text: String) throws -> LabelsFile {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("labels-\(UUID().uuidString).csv").path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try LabelsFile.load(path: path, shownAs: "labels.csv")
  }

  @Test func quotedIssuesSeveralLabelsAndDuplicates() throws {
    let file = try load(
      "\u{FEFF}ID,Issue\r\n7,\"Advertising and marketing, including promotional offers\"\r\n"
        + "8,defect|refund\n8,late\n8,refund\n\n9,\"a \"\"quoted\"\" label\"\n")
    #expect(file.entries.map(\.id) == ["7", "8", "9"])
    #expect(file.entries[0].labels == ["Advertising and marketing, including promotional offers"])
    #expect(file.entries[1].labels == ["defect", "refund", "late"])
    #expect(file.entries[2].labels == ["a \"quoted\" label"])
    #expect(file.entries[2].line == 7)
    #expect(file.duplicates == 1)
  }

  @Test(arguments: [
    ("id,issue\n1,\n", "labels.csv:2: ticket 1 has an empty issue"),
    ("id,issue\n,defect\n", "labels.csv:2: empty id"),
    (
      "ticket,label\n1,defect\n",
      "labels.csv:1: expected a header with `id` and `issue`, found ticket, label"
    ),
    ("id,issue\n1,\"defect\n", "labels.csv:2: a quoted field is never closed"),
  ])
  func badRowsNameTheLine(text: String, message: String) throws {
    do {
      _ = try load(text)
      Issue.record("no error for \(text)")
    } catch let error as PlaintError {
      #expect(error.message == message)
      #expect(error.status == .dataError)
    }
  }

  @Test("The split is by id alone and cuts a sample about in half", arguments: 0..<5)
  func split(seed: Int) {
    let ids = (0..<2000).map { "\(seed)-\($0)" }
    let train = ids.filter { SampleHalf.of(id: $0) == .train }.count
    #expect((900...1100).contains(train), "\(train) of 2000")
    #expect(ids.allSatisfy { SampleHalf.of(id: $0) == SampleHalf.of(id: String($0)) })
  }

  @Test func precedenceIsLengthUnlessTheFileSaysPriority() throws {
    let body = "categories:\n  product:\n    issues:\n      defect: {phrases: [broken]}\n"
    #expect(try TaxonomyFile.parse(body, file: "t.yml").precedence == .length)
    #expect(
      try TaxonomyFile.parse("precedence: priority\n" + body, file: "t.yml").precedence
        == .priority)
    #expect(throws: ConfigError.self) {
      try TaxonomyFile.parse("precedence: longest\n" + body, file: "t.yml")
    }
  }
}
