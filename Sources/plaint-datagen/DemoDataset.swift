import Foundation
import PlaintCore

/// A row planted to exercise rejects or deduplication, with the line it starts on.
struct PlantedRow {
  var file: String
  var line: Int
  var what: String
}

/// Row accounting of one written file.
struct FileSummary {
  var path: String
  var rows: Int
  var bytes: Int
  var note: String
}

/// Writes the demo dataset: two exports, sales, key accounts, taxonomy and configuration.
struct DemoDataset {
  let model: DemoModel
  let seed: UInt64
  static let zendeskFile = "exports/zendesk-2023-11_2026-10.csv"
  static let legacyFile = "exports/legacy-shop.csv"
  static let exportTime = WallClock(year: 2026, month: 11, day: 1, hour: 7, minute: 0)

  private(set) var summaries: [FileSummary] = []
  private(set) var planted: [PlantedRow] = []

  init(seed: UInt64) {
    self.seed = seed
    model = DemoModel(seed: seed)
  }

  mutating func write(to directory: String, truthPath: String?) throws {
    let fileManager = FileManager.default
    do {
      try fileManager.createDirectory(
        atPath: directory + "/exports", withIntermediateDirectories: true)
    } catch {
      throw OutputError(description: "\(directory): cannot create the directory (\(error))")
    }
    var truth: [String] = ["system,id,period,category,issue,product_line,tier"]
    try writeZendesk(directory, truth: &truth)
    try writeLegacy(directory, truth: &truth)
    try writeSales(directory)
    try writeKeyAccounts(directory)
    try writeText(DemoDataset.releases, to: directory + "/releases.csv", note: "releases")
    try writeText(TaxonomyYAML.render(), to: directory + "/taxonomy.yml", note: "taxonomy")
    try writeText(ConfigTemplate.demo, to: directory + "/plaint.yml", note: "configuration")
    if let truthPath {
      let file = try OutputFile(path: truthPath)
      try file.write(truth.joined(separator: "\n") + "\n")
      try file.close()
    }
  }

  private func truthLine(_ complaint: Complaint, system: String, id: String) -> String {
    let period = Period.month(complaint.created.parts.year, complaint.created.parts.month)
    let issue = complaint.issue.map { Catalog.issues[$0] }
    let line = complaint.line.map { Catalog.lines[$0].name } ?? Cell.unassigned
    return [
      system, id, period.description, issue?.category.rawValue ?? "other",
      issue?.key ?? "unclassified", line, complaint.tier.rawValue,
    ].joined(separator: ",")
  }

  private mutating func writeZendesk(_ directory: String, truth: inout [String]) throws {
    var random = Xoshiro256(seed: seed).fork(10)
    let file = try OutputFile(path: directory + "/" + DemoDataset.zendeskFile)
    try file.write(ExportRows.zendeskHeader)
    var rows = ExportRows(narrator: Narrator(), exportTime: DemoDataset.exportTime, longText: false)
    var line = CSVLine(delimiter: UInt8(ascii: ","))
    var id = 41_873
    var count = 0
    for complaint in model.complaints where !complaint.legacy {
      rows.zendesk(
        complaint, id: id, productColumn: complaint.line != nil && random.chance(0.85),
        sourceCategory: random.chance(0.55), using: &random, into: &line)
      try file.write(line.bytes)
      truth.append(truthLine(complaint, system: "zendesk", id: String(id)))
      id += random.chance(0.93) ? 1 : random.int(in: 2...4)
      count += 1
    }
    summaries.append(
      FileSummary(
        path: DemoDataset.zendeskFile, rows: count, bytes: file.byteCount,
        note: "\(count) complaints"))
    try file.close()
  }

  private mutating func writeLegacy(_ directory: String, truth: inout [String]) throws {
    var random = Xoshiro256(seed: seed).fork(20)
    let path = DemoDataset.legacyFile
    let file = try OutputFile(path: directory + "/" + path)
    try file.write(ExportRows.legacyHeader)
    var rows = ExportRows(narrator: Narrator(), exportTime: DemoDataset.exportTime, longText: false)
    var line = CSVLine(delimiter: UInt8(ascii: ";"))

    // Complaints plus about one question per nine complaints, in time order.
    var entries: [(complaint: Complaint, kind: String)] = []
    for complaint in model.complaints where complaint.legacy {
      entries.append((complaint, "Beschwerde"))
      if random.chance(0.111) {
        var question = complaint
        question.created = DemoModel.moment(
          in: .month(complaint.created.parts.year, complaint.created.parts.month), using: &random)
        question.issue = nil
        entries.append((question, random.chance(0.6) ? "Anfrage" : "Rückfrage"))
      }
    }
    entries.sort { $0.complaint.created < $1.complaint.created }

    var id = 45_210
    var recent: [(bytes: [UInt8], complaint: Bool)] = []
    var written = 0
    var complaints = 0
    var others = 0
    func emit(_ bytes: [UInt8], complaint: Bool) throws {
      try file.write(bytes)
      written += 1
      recent.append((bytes, complaint))
      if recent.count > 16 { recent.removeFirst() }
    }
    for (index, entry) in entries.enumerated() {
      let model: ExportRows.ModelColumn = [.sku, .nameAndSKU, .empty][
        random.weighted([0.7, 0.15, 0.15])]
      rows.legacy(
        entry.complaint, id: String(id), model: model, kind: entry.kind, using: &random,
        into: &line)
      try emit(line.bytes, complaint: entry.kind == "Beschwerde")
      if entry.kind == "Beschwerde" {
        truth.append(truthLine(entry.complaint, system: "legacy", id: String(id)))
        complaints += 1
      } else {
        others += 1
      }
      id += 1

      // Planted problems, each a complaint row that must not count.
      switch index {
      case 1200:
        planted.append(
          PlantedRow(file: path, line: file.lineBreaks + 1, what: "empty Vorgang id (reject)"))
        rows.legacy(entry.complaint, id: "", model: .sku, using: &random, into: &line)
        try emit(line.bytes, complaint: false)
      case 3000, 4500:
        let text = index == 3000 ? "31.02.2025 99:99" : "32.13.2024 10:00"
        planted.append(
          PlantedRow(
            file: path, line: file.lineBreaks + 1,
            what: "Vorgang \(id), Eröffnet \"\(text)\" (reject: unparseable date)"))
        rows.legacy(
          entry.complaint, id: String(id), model: .sku, created: text, using: &random, into: &line)
        try emit(line.bytes, complaint: false)
        id += 1
      case 2000, 5000:
        // The latest complaint row at least six rows back: a re-exported record.
        guard let copy = recent.dropLast(5).last(where: \.complaint)?.bytes else { break }
        let copiedID = String(decoding: copy.prefix { $0 != UInt8(ascii: ";") }, as: UTF8.self)
        planted.append(
          PlantedRow(
            file: path, line: file.lineBreaks + 1,
            what: "exact copy of the row of Vorgang \(copiedID) (duplicate)"))
        try emit(copy, complaint: false)
      default: break
      }
    }
    summaries.append(
      FileSummary(
        path: path, rows: written, bytes: file.byteCount,
        note: "\(complaints) Beschwerde + \(others) Anfrage/Rückfrage + 3 bad + 2 duplicates"))
    try file.close()
  }

  private mutating func writeSales(_ directory: String) throws {
    let file = try OutputFile(path: directory + "/sales.csv")
    try file.write("period,product_line,tier,units,revenue\n")
    let order = Catalog.lines.indices.sorted { Catalog.lines[$0].name < Catalog.lines[$1].name }
    var count = 0
    for (p, period) in DemoModel.periods.enumerated() {
      for l in order {
        let line = Catalog.lines[l]
        for (t, tier) in ["consumer", "key_account"].enumerated() {
          let units = model.units[p][l][t]
          let price = line.price * (t == 0 ? 1 : 0.78)
          let revenue = Int((Double(units) * price).rounded())
          try file.write("\(period),\(line.name),\(tier),\(units),\(revenue)\n")
          count += 1
        }
      }
    }
    summaries.append(
      FileSummary(path: "sales.csv", rows: count, bytes: file.byteCount, note: "sales"))
    try file.close()
  }

  /// Planted pattern 5: the new CM-3600 water tank (the Coffee Machines step of 2026-09 is its
  /// leak) and a Kettles firmware update that changes nothing.
  static let releases = """
    product_line,component,version,date
    Kettles,KT-300 firmware,2.4,2026-03-16
    Coffee Machines,CM-3600 water tank,rev B,2026-09-01

    """

  private mutating func writeKeyAccounts(_ directory: String) throws {
    let file = try OutputFile(path: directory + "/key_accounts.csv")
    try file.write("key,name\n")
    var line = CSVLine(delimiter: UInt8(ascii: ","))
    var count = 0
    for account in Catalog.keyAccounts {
      for key in ["@" + account.domain, account.customerID] {
        line.reset()
        line.field(key)
        line.field(account.name)
        line.end()
        try file.write(line.bytes)
        count += 1
      }
    }
    summaries.append(
      FileSummary(
        path: "key_accounts.csv", rows: count, bytes: file.byteCount, note: "key accounts"))
    try file.close()
  }

  private mutating func writeText(_ text: String, to path: String, note: String) throws {
    let file = try OutputFile(path: path)
    try file.write(text)
    summaries.append(
      FileSummary(
        path: URL(fileURLWithPath: path).lastPathComponent, rows: 0, bytes: file.byteCount,
        note: note))
    try file.close()
  }
}
