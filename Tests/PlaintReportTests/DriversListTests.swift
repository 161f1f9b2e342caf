import Foundation
import PlaintCore
import Testing

@testable import PlaintReport

/// A product line with no complaint in the period has no vital few: summary.md gives its counts
/// and no list, instead of a line ending in a dangling colon ("(0 complaints, 3 before): ").
@Suite struct DriversListTests {
  @Test func aLineWithoutComplaintsHasNoEmptyList() {
    var bundle = LanguageFixture.charts()
    bundle.report.drivers.productLines.append(
      .init(
        anomalyID: nil, category: "*", productLine: "Blenders", tier: .all, complaints: 0,
        previousComplaints: 3, comparable: true,
        rows: [
          .init(
            issue: "product.defect", count: 0, share: 0, cumulative: 0, vital: false,
            previousCount: 3, change: -3)
        ]))
    let summary = MarkdownRenderer().render(bundle)
    let lines = summary.split(separator: "\n").filter { $0.hasPrefix("- **") }
    let blenders = lines.first { $0.contains("**Blenders**") }
    #expect(blenders?.hasSuffix(")") == true, "\(blenders ?? "no line")")
    #expect(!lines.contains { $0.hasSuffix(": ") || $0.hasSuffix(":") }, "\(lines)")
    // The lines with complaints keep their list.
    #expect(lines.contains { $0.contains("**Kettles**") && $0.contains("defect") }, "\(lines)")
  }

  /// One complaint is one complaint, in summary.md and index.html.
  @Test func oneComplaintIsSingular() {
    var bundle = LanguageFixture.charts()
    bundle.report.drivers.productLines.append(
      .init(
        anomalyID: nil, category: "*", productLine: "Blenders", tier: .all, complaints: 1,
        previousComplaints: 3, comparable: true,
        rows: [
          .init(
            issue: "product.defect", count: 1, share: 1, cumulative: 1, vital: true,
            previousCount: 3, change: -2)
        ]))
    let summary = MarkdownRenderer().render(bundle)
    #expect(summary.contains("**Blenders** (1 complaint, 3 before)"), "\(summary)")
    #expect(!summary.contains("1 complaints"), "\(summary)")
  }
}
