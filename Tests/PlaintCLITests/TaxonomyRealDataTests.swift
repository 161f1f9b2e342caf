import Foundation
import Testing

private let realdata = PlaintBinary.repositoryRoot.deletingLastPathComponent()
  .appendingPathComponent("shared/realdata")
private let python = "/usr/bin/python3"

/// The CFPB case of docs/taxonomy.md: the narratives of the CFPB exports in ../shared/realdata,
/// their human "Issue" as labels; phrases mined from one half raise the accuracy on the other.
@Suite(
  .enabled(if: PlaintBinary.isBuilt, "build plaint first (make test does)"),
  .enabled(
    if: FileManager.default.fileExists(atPath: realdata.appendingPathComponent("cfpb-sample").path),
    "the shared exports ../shared/realdata are absent"),
  .enabled(if: FileManager.default.isExecutableFile(atPath: python), "no python3 to write labels"))
struct TaxonomyRealDataTests {
  @Test func suggestionsFromOneHalfRaiseTheOtherHalfsAccuracy() throws {
    let work = FileManager.default.temporaryDirectory
      .appendingPathComponent("plaint-cfpb-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: work) }
    let exports = work.appendingPathComponent("exports")
    try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)
    let manager = FileManager.default
    try manager.copyItem(
      at: realdata.appendingPathComponent("cfpb-sample/complaints_sample_tgschwartz.csv"),
      to: exports.appendingPathComponent("complaints_sample_tgschwartz.csv"))
    try manager.copyItem(
      at: realdata.appendingPathComponent("cfpb-2023-truncated/complaints.csv"),
      to: exports.appendingPathComponent("complaints_2023_truncated.csv"))
    let caseFolder = PlaintBinary.repositoryRoot.appendingPathComponent("scripts/cfpb-case")
    try manager.copyItem(
      at: caseFolder.appendingPathComponent("plaint.yml"),
      to: work.appendingPathComponent("plaint.yml"))
    try manager.copyItem(
      at: caseFolder.appendingPathComponent("taxonomy-before.yml"),
      to: work.appendingPathComponent("taxonomy.yml"))
    let labels = try PlaintBinary.run(
      executable: python, [caseFolder.appendingPathComponent("labels.py").path, exports.path])
    #expect(labels.status == 0, "\(labels.stderr)")
    try labels.stdout.write(
      to: work.appendingPathComponent("labels.csv"), atomically: true, encoding: .utf8)
    let labelled = labels.stdout.split(separator: "\n").count - 1

    let run = try PlaintBinary.run(
      ["run", "--config", "plaint.yml", "--quiet"], in: work)
    #expect(run.status == 0, "\(run.stderr)")

    var scored = 0
    for half in ["train", "test"] {
      let test = try PlaintBinary.run(
        [
          "taxonomy", "test", "--config", "plaint.yml", "--labels", "labels.csv", "--split", half,
          "--format", "json",
        ], in: work)
      let document = try #require(
        try JSONSerialization.jsonObject(with: Data(test.stdout.utf8)) as? [String: Any])
      scored += document["tickets"] as? Int ?? 0
      #expect(document["labelled_tickets"] as? Int == labelled)
    }
    #expect(scored == labelled, "every labelled complaint is in one half")

    let suggest = try PlaintBinary.run(
      [
        "taxonomy", "suggest", "--config", "plaint.yml", "--labels", "labels.csv", "--split",
        "train",
      ],
      in: work)
    #expect(suggest.status == 0, "\(suggest.stderr)")
    let heldOut = try #require(
      suggest.stdout.split(separator: "\n").first { $0.hasPrefix("# held out (the test half") })
    let figures = heldOut.split(separator: " ").compactMap { Double($0) }
    #expect(figures.count == 4, "\(heldOut)")  // tickets, now, with phrases, with priorities
    #expect(figures[2] > figures[1] + 5, "\(heldOut)")
  }
}
