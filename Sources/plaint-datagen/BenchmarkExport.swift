import PlaintCore

/// A large single export for benchmarks: stationary complaint mix, long multilingual narratives,
/// streamed row by row so memory does not grow with the row count.
struct BenchmarkExport {
  enum Profile: String, CaseIterable {
    case zendesk, legacy
  }

  let rows: Int
  let profile: Profile
  let seed: UInt64
  /// The first month the tickets fall in, and how many months they span.
  var firstMonth = (year: 2023, month: 11)
  var months = 36
  /// The first ticket's id; the others follow it.
  var firstID = 1_000_000

  /// Writes the file and returns its size in bytes.
  func write(to path: String) throws -> Int {
    let root = Xoshiro256(seed: seed)
    var random = root.fork(100)
    let file = try OutputFile(path: path, capacity: 4 << 20)
    try file.write(profile == .zendesk ? ExportRows.zendeskHeader : ExportRows.legacyHeader)
    let start = WallClock(
      year: firstMonth.year, month: firstMonth.month, day: 1, hour: 6, minute: 0)
    let last = (firstMonth.year * 12 + firstMonth.month - 1) + months - 1
    let (lastYear, lastMonth) = (last / 12, last % 12 + 1)
    let end = WallClock(
      year: lastYear, month: lastMonth, day: WallClock.daysIn(year: lastYear, month: lastMonth),
      hour: 22, minute: 0)
    var exporter = ExportRows(
      narrator: Narrator(), exportTime: end.adding(minutes: 9 * 60), longText: true)
    var line = CSVLine(delimiter: UInt8(ascii: profile == .zendesk ? "," : ";"))

    let customers = CustomerPool(size: 50_000, using: &random)
    let lineWeights = Catalog.lines.map(\.baseUnits)
    let issueWeights = Catalog.issues.map(\.rate) + [Catalog.unclassifiedRate]
    let accountWeights = Catalog.keyAccounts.map(\.weight)
    let span = Double(end.minutes - start.minutes)

    for index in 0..<rows {
      let offset = Int(span * (Double(index) + random.uniform()) / Double(max(rows, 1)))
      var created = WallClock(minutes: start.minutes + offset)
      if created.parts.hour == 2 { created.minutes += 60 }
      let lineIndex: Int? = random.chance(0.03) ? nil : random.weighted(lineWeights)
      let pick = random.weighted(issueWeights)
      let issue = pick < Catalog.issues.count ? pick : nil
      var complaint: Complaint
      if random.chance(0.15) {
        let account = random.weighted(accountWeights)
        let company = Catalog.keyAccounts[account]
        let contact = random.pick(company.contacts)
        complaint = Complaint(
          created: created, line: lineIndex, tier: .keyAccount, issue: issue,
          language: company.language, account: account, customerName: contact.name,
          email: "\(contact.local)@\(company.domain)", sku: "", legacy: profile == .legacy)
      } else {
        let customer = customers.pick(using: &random)
        complaint = Complaint(
          created: created, line: lineIndex, tier: .consumer, issue: issue,
          language: customer.language, account: nil, customerName: customer.name,
          email: customer.email, sku: "", legacy: profile == .legacy)
      }
      if let lineIndex { complaint.sku = random.pick(Catalog.lines[lineIndex].skus) }

      switch profile {
      case .zendesk:
        exporter.zendesk(
          complaint, id: firstID + index, productColumn: lineIndex != nil && random.chance(0.85),
          sourceCategory: random.chance(0.55), using: &random, into: &line)
      case .legacy:
        let kind =
          random.chance(0.9) ? "Beschwerde" : (random.chance(0.6) ? "Anfrage" : "Rückfrage")
        let model: ExportRows.ModelColumn = [.sku, .nameAndSKU, .empty][
          random.weighted([0.7, 0.15, 0.15])]
        exporter.legacy(
          complaint, id: String(firstID + index), model: model, kind: kind, using: &random,
          into: &line)
      }
      try file.write(line.bytes)
    }
    try file.close()
    return file.byteCount
  }
}

/// A fixed pool of consumers to draw from, so the export does not build names per row.
struct CustomerPool {
  struct Customer {
    let name: String
    let email: String
    let language: Language
  }

  private let customers: [Customer]

  init(size: Int, using random: inout Xoshiro256) {
    let weights = DemoModel.languageWeights.map(\.1)
    customers = (0..<size).map { _ in
      let language = DemoModel.languageWeights[random.weighted(weights)].0
      let person = People.consumer(language, using: &random)
      return Customer(name: person.name, email: person.email, language: language)
    }
  }

  func pick(using random: inout Xoshiro256) -> Customer { random.pick(customers) }
}
