import PlaintCore

/// One generated complaint, before it is written into an export.
struct Complaint {
  var created: WallClock
  /// Index into `Catalog.lines`; nil when nothing names the product (`unassigned`).
  var line: Int?
  var tier: Tier
  /// Index into `Catalog.issues`; nil when no rule can place it (`other/unclassified`).
  var issue: Int?
  var language: Language
  /// Index into `Catalog.keyAccounts` for key-account complaints.
  var account: Int?
  var customerName: String
  var email: String
  var sku: String
  /// Written to the legacy shop export instead of the help desk export.
  var legacy: Bool
  /// The agent who handled it, when planted; nil: drawn when the export row is written.
  var agent: String? = nil
}

/// The demo's world: monthly sales, complaint rates, the three planted events, and the
/// complaints drawn from it.
struct DemoModel {
  static let first = Period.month(2023, 11)
  static let periods = Period.range(first, through: .month(2026, 10))

  /// Planted event 1: product quality / Coffee Machines / consumer at this multiple of its
  /// usual rate from `stepStart` on, the excess all `leak` on the CM-3600.
  static let stepStart = Period.month(2026, 9)
  static let stepFactor = 2.5
  /// Planted event 2: Air Fryers sell this multiple from `jumpStart` on (both tiers); the
  /// complaint rate stays as it was.
  static let jumpStart = Period.month(2026, 6)
  static let jumpFactor = 2.2
  /// Planted event 3: service / Robot Vacuums / consumer varies month to month with this
  /// coefficient of variation (gamma-distributed rate, no trend).
  static let dispersionCV = 0.2
  /// Planted pattern 4: in `shiftPeriod` this share of service / Robot Vacuums / consumer
  /// complaints arrive between 09:00 and 09:59 and are handled by `shiftAgent` (counts unchanged).
  static let shiftPeriod = Period.month(2026, 10)
  static let shiftShare = 0.45
  static let shiftAgent = "Tobias Brandt"
  /// Which family of per-cell streams draws the counts (see datasets/README.md: the demo's
  /// chance false alarms depend on the draw, and this one keeps the reported month clean).
  static let streamLayout: UInt64 = 4
  /// Key accounts complain a little less per unit than consumers.
  static let keyAccountRateFactor = 0.85
  /// Share of complaints, on top of the cells, that name no product.
  static let unassignedShare = 0.031
  /// Share of complaints that go through the legacy shop system.
  static let legacyShare = 0.25

  static let languageWeights: [(Language, Double)] = [
    (.de, 0.30), (.en, 0.20), (.pl, 0.12), (.tr, 0.10), (.fr, 0.09), (.es, 0.07), (.el, 0.06),
    (.zh, 0.06),
  ]

  /// Units sold, indexed [period][line][tier: 0 consumer, 1 key account].
  let units: [[[Int]]]
  /// The gamma multipliers drawn for the overdispersed cell, by period.
  let dispersion: [Double]
  let complaints: [Complaint]

  init(seed: UInt64) {
    let root = Xoshiro256(seed: seed)
    var salesRandom = root.fork(1)
    var countRandom = root.fork(2)
    // One stream per line and tier, so a change in one cell leaves the others' draws alone.
    var cellRandom = (0..<Catalog.lines.count * 2).map {
      root.fork(DemoModel.streamLayout * 100 + 1000 + UInt64($0))
    }
    var detailRandom = root.fork(3)
    var dispersionRandom = root.fork(8)

    var units: [[[Int]]] = []
    for (index, period) in DemoModel.periods.enumerated() {
      let growth = 1 + 0.04 * Double(index) / 12
      let season = Catalog.season[period.number - 1]
      var row: [[Int]] = []
      for line in Catalog.lines {
        var consumer = line.baseUnits * growth * season * (1 + 0.02 * salesRandom.normal())
        var keyAccount = consumer / 5 * (1 + 0.04 * salesRandom.normal())
        if line.name == "Air Fryers" && period >= DemoModel.jumpStart {
          consumer *= DemoModel.jumpFactor
          keyAccount *= DemoModel.jumpFactor
        }
        row.append([Int(consumer.rounded()), Int(keyAccount.rounded())])
      }
      units.append(row)
    }
    self.units = units

    let shape = 1 / (DemoModel.dispersionCV * DemoModel.dispersionCV)
    let dispersion = DemoModel.periods.map { _ in
      dispersionRandom.gamma(shape: shape, scale: 1 / shape)
    }
    self.dispersion = dispersion

    // Counts per cell and issue; then each complaint gets its details.
    let coffee = Catalog.line(named: "Coffee Machines")
    let robots = Catalog.line(named: "Robot Vacuums")
    let leak = Catalog.issue("leak")
    var drawn: [(period: Int, line: Int?, tier: Tier, issue: Int?, sku: String?)] = []
    for (p, period) in DemoModel.periods.enumerated() {
      var expectedTotal = 0.0
      for l in Catalog.lines.indices {
        for tier in [Tier.consumer, .keyAccount] {
          let cell = l * 2 + (tier == .consumer ? 0 : 1)
          let n = Double(units[p][l][tier == .consumer ? 0 : 1]) / 1000
          let tierFactor = tier == .keyAccount ? DemoModel.keyAccountRateFactor : 1
          for (i, issue) in Catalog.issues.enumerated() {
            var mean = DemoModel.rate(issue: i, line: l) * tierFactor * n
            if issue.category == .service && l == robots && tier == .consumer {
              mean *= dispersion[p]
            }
            expectedTotal += mean
            for _ in 0..<cellRandom[cell].poisson(mean) {
              drawn.append((p, l, tier, i, nil))
            }
            if i == leak && l == coffee && tier == .consumer && period >= DemoModel.stepStart {
              let excess = (DemoModel.stepFactor - 1) * DemoModel.productRate(line: l) * n
              expectedTotal += excess
              for _ in 0..<cellRandom[cell].poisson(excess) {
                drawn.append((p, l, tier, i, "CM-3600"))
              }
            }
          }
          let unclassified = Catalog.unclassifiedRate * tierFactor * n
          expectedTotal += unclassified
          for _ in 0..<cellRandom[cell].poisson(unclassified) {
            drawn.append((p, l, tier, nil, nil))
          }
        }
      }
      let weights = Catalog.issues.map(\.rate) + [Catalog.unclassifiedRate]
      for _ in 0..<countRandom.poisson(expectedTotal * DemoModel.unassignedShare) {
        let pick = countRandom.weighted(weights)
        let tier: Tier = countRandom.chance(0.15) ? .keyAccount : .consumer
        drawn.append((p, nil, tier, pick < Catalog.issues.count ? pick : nil, nil))
      }
    }

    var complaints: [Complaint] = []
    complaints.reserveCapacity(drawn.count)
    let accountWeights = Catalog.keyAccounts.map(\.weight)
    let languageWeights = DemoModel.languageWeights.map(\.1)
    for item in drawn {
      let period = DemoModel.periods[item.period]
      var account: Int? = nil
      let language: Language
      let name: String
      let email: String
      if item.tier == .keyAccount {
        let index = detailRandom.weighted(accountWeights)
        let company = Catalog.keyAccounts[index]
        let contact = detailRandom.pick(company.contacts)
        account = index
        language = company.language
        name = contact.name
        email = "\(contact.local)@\(company.domain)"
      } else {
        language = DemoModel.languageWeights[detailRandom.weighted(languageWeights)].0
        (name, email) = People.consumer(language, using: &detailRandom)
      }
      let sku = item.sku ?? item.line.map { detailRandom.pick(Catalog.lines[$0].skus) } ?? ""
      complaints.append(
        Complaint(
          created: DemoModel.moment(in: period, using: &detailRandom), line: item.line,
          tier: item.tier, issue: item.issue, language: language, account: account,
          customerName: name, email: email, sku: sku,
          legacy: detailRandom.chance(DemoModel.legacyShare)))
    }
    DemoModel.plantRepeatComplainants(in: &complaints, using: &detailRandom)
    var shiftRandom = root.fork(9)
    DemoModel.plantShiftPattern(in: &complaints, using: &shiftRandom)
    complaints.sort { ($0.created, $0.email) < ($1.created, $1.email) }
    self.complaints = complaints
  }

  /// The usual monthly rate of an issue per 1,000 consumer units of a line.
  static func rate(issue: Int, line: Int) -> Double {
    let definition = Catalog.issues[issue]
    return definition.rate * (Catalog.lineFactors[definition.key]?[line] ?? 1)
  }

  /// The usual product-quality rate of a line per 1,000 consumer units.
  static func productRate(line: Int) -> Double {
    Catalog.issues.indices.filter { Catalog.issues[$0].category == .product }
      .reduce(0) { $0 + rate(issue: $1, line: line) }
  }

  /// A creation time inside `period`: office hours more likely than nights, never 02:00–02:59.
  static func moment(in period: Period, using random: inout Xoshiro256) -> WallClock {
    let day = random.int(in: 1...WallClock.daysIn(year: period.year, month: period.number))
    let hourWeights: [Double] = [
      0.3, 0.2, 0, 0.1, 0.1, 0.3, 0.8, 2, 4, 6, 7, 7, 6, 6, 7, 7, 6, 5, 5, 5, 4, 3, 2, 1,
    ]
    let hour = random.weighted(hourWeights)
    return WallClock(
      year: period.year, month: period.number, day: day, hour: hour,
      minute: random.int(below: 60))
  }

  /// One agent on the 9 o'clock shift takes most robot-vacuum service complaints of a month:
  /// the complaints stay in their cell and day, only their hour and agent change.
  private static func plantShiftPattern(
    in complaints: inout [Complaint], using random: inout Xoshiro256
  ) {
    let robots = Catalog.line(named: "Robot Vacuums")
    let candidates = complaints.indices.filter {
      let complaint = complaints[$0]
      return complaint.line == robots && complaint.tier == .consumer
        && complaint.issue.map { Catalog.issues[$0].category == .service } == true
        && Period.month(complaint.created.parts.year, complaint.created.parts.month)
          == shiftPeriod
    }
    for index in candidates where random.chance(shiftShare) {
      let parts = complaints[index].created.parts
      complaints[index].created = WallClock(
        year: parts.year, month: parts.month, day: parts.day, hour: 9,
        minute: random.int(below: 60))
      complaints[index].agent = shiftAgent
    }
  }

  /// A few consumers who complain again and again within three months.
  private static func plantRepeatComplainants(
    in complaints: inout [Complaint], using random: inout Xoshiro256
  ) {
    let personas: [(name: String, email: String, language: Language, start: Period, count: Int)] =
      [
        ("Jürgen Schäfer", "j.schaefer.kaffee@web.de", .de, .month(2026, 8), 5),
        ("Agnieszka Lewandowska", "aga.lewandowska@wp.pl", .pl, .month(2026, 8), 3),
        ("Oliver Hughes", "oliver.hughes77@gmail.com", .en, .month(2026, 7), 4),
        ("Ayşe Öztürk", "ayse.ozturk@hotmail.com", .tr, .month(2025, 11), 4),
        ("Camille Roux", "camille.roux@orange.fr", .fr, .month(2025, 3), 3),
      ]
    for persona in personas {
      let window = Set(Period.range(persona.start, through: persona.start.next().next()))
      let candidates = complaints.indices.filter {
        complaints[$0].tier == .consumer && complaints[$0].language == persona.language
          && complaints[$0].line != nil
          && window.contains(
            Period.month(complaints[$0].created.parts.year, complaints[$0].created.parts.month))
      }
      var chosen = Set<Int>()
      while chosen.count < min(persona.count, candidates.count) {
        chosen.insert(random.pick(candidates))
      }
      for index in chosen.sorted() {
        complaints[index].customerName = persona.name
        complaints[index].email = persona.email
      }
    }
  }
}
