/// The first records of an export, decoded and split, for `plaint init --from` to guess from.
///
/// It reads the file the way `ExportReader` does (encoding, Excel's `sep=` line, delimiter, row
/// ends), so what it sees is what a run will see.
public struct ExportSample: Sendable {
  /// The encoding as `plaint.yml` names it (`utf-8`, `utf-16`, `windows-1252`).
  public var encoding: String
  /// The delimiter byte as a one-character string.
  public var delimiter: String
  /// 1-based line of the header row.
  public var headerLine: Int
  /// The header row's names, trimmed; `1`, `2`, … when the file has no header row.
  public var header: [String]
  /// False when the first record already holds data (a date or a number where a name would be).
  public var hasHeader = true
  /// Records after the header, trimmed fields; rows of empty fields are left out.
  public var rows: [[String]]
  /// True when `rows` holds every record of the file.
  public var isWhole: Bool
  /// The built-in profile whose columns the header has, if one does.
  public var profile: ExportProfile?
  /// The columns of each field under `profile`, when one matched.
  var profileMapping: ColumnMapping?

  /// Records read at most; a larger file is judged on its first ones.
  public static let recordLimit = 50_000

  /// Reads up to `recordLimit` records of `path` (a `.gz` too).
  public init(path: String, displayPath: String) throws(IngestError) {
    let reader = try ExportReader(
      settings: SourceSettings(path: path, displayPath: displayPath, profile: "auto"))
    let source = try ByteSource(path: path, displayPath: displayPath)
    let buffer = UnsafeMutableRawBufferPointer.allocate(
      byteCount: ExportReader.chunkSize, alignment: 16)
    defer { buffer.deallocate() }
    let filled = try source.fill(
      UnsafeMutableRawBufferPointer(rebasing: buffer[..<ExportReader.sampleSize]))
    guard filled > 0 else { throw IngestError.empty(displayPath) }
    let sampleIsWhole = filled < ExportReader.sampleSize
    let sample = UnsafeRawBufferPointer(rebasing: buffer[..<filled])
    guard let detected = DetectedEncoding.detect(sample, requested: .auto, isWhole: sampleIsWhole)
    else { throw IngestError.notText(displayPath) }
    switch detected.kind {
    case .utf8: encoding = "utf-8"
    case .utf16: encoding = "utf-16"
    case .windows1252: encoding = "windows-1252"
    case .gb18030: encoding = "gb18030"
    }
    let fieldEncoding = detected.fieldEncoding
    var decoder = ByteDecoder(detected)
    var probe = decoder
    var text: [UInt8] = []
    probe.decode(sample, isLast: sampleIsWhole) { text.append(contentsOf: $0) }
    let plans = reader.plans
    let (delimiter, rowEnds, separatorLine) = text.withUnsafeBytes { bytes in
      let separator = DelimiterSniffer.excelSeparator(bytes)
      let delimiter =
        separator
        ?? DelimiterSniffer.sniff(bytes, encoding: fieldEncoding) { fields in
          plans.contains { if case .success = $0.resolve(header: fields) { true } else { false } }
        }
      return (delimiter, RowEnds.sniff(bytes), separator != nil)
    }
    self.delimiter = String(UnicodeScalar(delimiter))

    var records: [(line: Int, fields: [String])] = []
    var csv: CSVReader
    do {
      csv = try CSVReader(delimiter: delimiter, rowEnds: rowEnds)
    } catch {
      throw IngestError.unreadable(displayPath, error.message)
    }
    var replaced = 0
    let limit = Self.recordLimit + ExportReader.headerSearchLimit
    let collect: (CSVRecord) throws -> Void = { record in
      if separatorLine && record.line == 1 { return }
      if record.isCutOff { return }
      let fields = (0..<record.fieldCount).map {
        fieldEncoding.string(trimmed(record[$0]), replaced: &replaced)
      }
      guard fields.contains(where: { !$0.isEmpty }) else { return }
      records.append((record.line, fields))
      if records.count >= limit { throw SampleFull() }
    }
    var whole = true
    do {
      try decoder.decode(sample, isLast: sampleIsWhole) { try csv.parse($0, collect) }
      if !sampleIsWhole {
        while true {
          let count = try source.read(into: buffer)
          try decoder.decode(
            UnsafeRawBufferPointer(rebasing: buffer[..<count]), isLast: count == 0
          ) { try csv.parse($0, collect) }
          if count == 0 { break }
        }
      }
      try csv.finish(collect)
    } catch is SampleFull {
      whole = false
    } catch {
      throw .converting(error, path: displayPath)
    }
    guard !records.isEmpty else { throw IngestError.empty(displayPath) }

    // The header: the first record a built-in profile accepts, else the first record as wide as
    // most records with three in four of its fields filled (a banner or a title above a header is
    // narrower, or mostly empty cells).
    var headerIndex: Int?
    for (index, record) in records.prefix(ExportReader.headerSearchLimit).enumerated() {
      for plan in plans {
        if case .success(let mapping) = plan.resolve(header: record.fields) {
          headerIndex = index
          profile = plan.profile
          profileMapping = mapping
          break
        }
      }
      if headerIndex != nil { break }
    }
    if headerIndex == nil {
      var widths: [Int: Int] = [:]
      for record in records.prefix(1_000) { widths[record.fields.count, default: 0] += 1 }
      let common = widths.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key ?? 1
      headerIndex =
        records.prefix(ExportReader.headerSearchLimit).firstIndex { record in
          record.fields.count == common
            && record.fields.filter { !$0.isEmpty }.count * 4 >= common * 3
        } ?? 0
    }
    let start = headerIndex ?? 0
    headerLine = records[start].line
    header = records[start].fields
    rows = records[(start + 1)...].prefix(Self.recordLimit).map(\.fields)
    isWhole = whole
    if profile == nil && header.contains(where: Self.looksLikeData) {
      hasHeader = false
      header = (1...header.count).map(String.init)
      rows = records[start...].prefix(Self.recordLimit).map(\.fields)
    }
  }

  /// A header cell that is a number or a date is a value: the file has no header row.
  static func looksLikeData(_ cell: String) -> Bool {
    guard !cell.isEmpty else { return false }
    if cell.allSatisfy(\.isNumber) { return true }
    return ExportGuess.cover([cell], known: [])?.read == 1
  }

  /// The values of column `index` in the sampled rows, empty ones included.
  func values(_ index: Int) -> [String] {
    rows.map { index < $0.count ? $0[index] : "" }
  }

  private struct SampleFull: Error {}
}
