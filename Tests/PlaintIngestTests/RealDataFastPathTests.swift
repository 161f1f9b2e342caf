import Foundation
import PlaintTestSupport
import Testing

@testable import PlaintCore
@testable import PlaintIngest

/// The parse threads' fast paths on the real exports in ../shared/realdata (skipped when that
/// folder is absent): the reader without libcsv's per-byte functions, which reads plain records
/// itself (`FieldBatch.appendPlainRecords`), reads every record as libcsv with them, and the
/// classifier's fused pass decides every narrative (English, Chinese, with line breaks and bare
/// CRs) as the passes `explain` uses, under taxonomies mined from the file's own words.
@Suite(.enabled(if: sharedFolder != nil, "../shared is not present"))
struct RealDataFastPathTests {
  static let files = [
    "cfpb-sample/complaints_sample_tgschwartz.csv", "cfpb-sample/complaints_small_dng04.csv",
    "cfpb-2023-truncated/complaints.csv", "twcs-sample/twcs_first5000.csv",
    "cn-car-complaints-2024/car_complaints_20240429.csv",
    "uk-housing-ombudsman/ombudsman_complaints_findings.csv",
  ]

  static func bytes(_ relative: String) throws -> [UInt8] {
    let folder = try #require(sharedFolder)
    let data = try Data(contentsOf: folder.appendingPathComponent("realdata/\(relative)"))
    return [UInt8](data)
  }

  /// Every record's fields as text, read in 64 KiB chunks.
  static func records(_ bytes: [UInt8], rowEnds: RowEnds, byteCallbacks: Bool) throws
    -> [[String]]
  {
    var reader = try CSVReader(rowEnds: rowEnds, byteCallbacks: byteCallbacks)
    var records: [[String]] = []
    let collect: (CSVRecord) -> Void = { record in
      var fields = (0..<record.fieldCount).map { String(decoding: record[$0], as: UTF8.self) }
      fields.append("line \(record.line)\(record.isCutOff ? " cut off" : "")")
      records.append(fields)
    }
    var offset = 0
    while offset < bytes.count {
      let end = min(offset + 65_536, bytes.count)
      try bytes[offset..<end].withUnsafeBytes { try reader.parse($0, collect) }
      offset = end
    }
    try reader.finish(collect)
    return records
  }

  static func rowEnds(_ bytes: [UInt8]) -> RowEnds {
    bytes.prefix(ExportReader.sampleSize).withUnsafeBytes { RowEnds.sniff($0) }
  }

  @Test(arguments: files)
  func libcsvWithoutByteFunctionsReadsAlike(file: String) throws {
    let bytes = try Self.bytes(file)
    for rowEnds in [Self.rowEnds(bytes), .crOrLF, .lf] {
      let fast = try Self.records(bytes, rowEnds: rowEnds, byteCallbacks: false)
      let reference = try Self.records(bytes, rowEnds: rowEnds, byteCallbacks: true)
      #expect(fast.count == reference.count, "\(file) \(rowEnds)")
      #expect(fast == reference, "\(file) \(rowEnds)")
    }
  }

  @Test(arguments: files)
  func fusedClassifierDecidesAlike(file: String) throws {
    let bytes = try Self.bytes(file)
    let records = try Self.records(bytes, rowEnds: Self.rowEnds(bytes), byteCallbacks: false)
    // Words and Chinese pairs of the file itself, so that the phrases meet its texts.
    var words: [String] = []
    for record in records.prefix(400) {
      for field in record.dropLast() {
        let folded = TextFolding.fold(field)
        words += folded.split(separator: " ").map(String.init).filter { $0.count < 30 }
        let scalars = Array(folded.unicodeScalars).filter {
          $0.value >= 0x4E00 && $0.value <= 0x9FFF
        }
        for index in stride(from: 0, to: max(0, scalars.count - 1), by: 5) {
          words.append(String(String.UnicodeScalarView(scalars[index...index + 1])))
        }
      }
    }
    try #require(words.count > 1_000)
    var random = SplitMix64(seed: UInt64(truncatingIfNeeded: file.utf8.count) &* 7919)
    func phrase() -> String {
      let first = random.next(below: words.count)
      let span = [1, 1, 1, 2, 3][random.next(below: 5)]
      var text = words[first..<min(words.count, first + span)].joined(separator: " ")
      if random.next(below: 4) == 0 { text = String(text.prefix(max(2, text.count - 2))) + "*" }
      return random.next(below: 3) == 0 ? text.uppercased() : text
    }
    var decided = 0
    for round in 0..<3 {
      let taxonomy = Taxonomy(
        issues: (0..<40).map { number in
          Taxonomy.Issue(
            category: Category.allCases[number % 4], name: "issue\(number)",
            phrases: (0..<6).map { _ in phrase() }, priority: number % 3 == 0 ? 5 : 0)
        },
        productLines: (0..<8).map { number in
          Taxonomy.ProductLine(name: "line\(number)", phrases: (0..<4).map { _ in phrase() })
        },
        precedence: round == 2 ? .priority : .length)
      let classifier = Classifier(taxonomy: taxonomy)
      for record in records {
        let text = record.dropLast().joined(separator: "\n")
        let product = record.count > 3 ? record[1] : nil
        let fused = classifier.classify(text: text, product: product, sourceCategory: nil)
        let passes = classifier.classifyInPasses(text: text, product: product, sourceCategory: nil)
        #expect(fused == passes, "\(file) \(record.last ?? "")")
        if fused != passes { return }
        if fused.issue != ClassifiedTicket.unclassified { decided += 1 }
      }
    }
    #expect(decided > records.count, "\(decided) of \(records.count) × 3")
  }
}
