import Foundation
import Testing

/// The UK Housing Ombudsman export in ../shared/realdata, and what the tests that read it share.
enum OmbudsmanFixture {
  /// The export, when ../shared/realdata is present.
  static let export: URL? = {
    let url = PlaintBinary.repositoryRoot.deletingLastPathComponent()
      .appendingPathComponent(
        "shared/realdata/uk-housing-ombudsman/ombudsman_complaints_findings.csv")
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
  }()

  /// A taxonomy for its findings: housing associations and councils as product lines.
  static let taxonomy = """
    categories:
      product:
        issues:
          leaks: {phrases: [leak, water ingress]}
          damp: {phrases: [damp, mould]}
          repairs: {phrases: [repair]}
      service:
        issues:
          complaint_handling: {phrases: [complaint handling, handling of the complaint]}
      policy:
        issues:
          asb: {phrases: [anti-social]}
      other: {}
    product_lines:
      Housing associations: {products: ["Housing Association*"]}
      Councils: {products: ["Local Authority*"]}
    """

  /// Writes `taxonomy` into `directory` as taxonomy.yml.
  static func writeTaxonomy(in directory: URL) throws {
    try taxonomy.write(
      to: directory.appendingPathComponent("taxonomy.yml"), atomically: true, encoding: .utf8)
  }

  /// The report.json written for `period` under `directory`/reports.
  static func report(_ directory: URL, _ period: String) throws -> [String: Any] {
    let data = try Data(
      contentsOf: directory.appendingPathComponent("reports/\(period)/report.json"))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }
}
