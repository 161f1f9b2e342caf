import Foundation

/// Renders `report.json`: sorted keys, pretty-printed, one trailing newline.
///
/// Byte-identical for the same model: keys are sorted, slashes are not escaped, and every number
/// is rounded to ten significant digits as it is encoded (the model's `@Rounded`), so float noise
/// in the last bits of a rate or a limit never changes the file. Optional numbers are `null`.
public struct JSONRenderer: Sendable {
  public init() {}

  public func render(_ report: ReportModel) throws(ReportError) -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    do {
      return try encoder.encode(report) + Data("\n".utf8)
    } catch {
      throw ReportError.render(file: "report.json", reason: "\(error)")
    }
  }
}
