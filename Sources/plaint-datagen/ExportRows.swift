import Foundation
import PlaintCore

/// What happened to a ticket after it was opened, as of the export.
struct Lifecycle {
  var updated: WallClock
  var solved: WallClock?
  /// Help-desk status: new, open, pending, solved or closed.
  var status: String
}

/// Writes complaints as rows of the two export shapes: the zendesk profile and the legacy shop.
struct ExportRows {
  static let zendeskHeader =
    "Id,Subject,Description,Status,Priority,Via,Requester,Requester email,Assignee,Category,"
    + "Product,Tags,Created at,Updated at,Solved at\n"
  static let legacyHeader =
    "Vorgang;Eröffnet;Geändert;Geschlossen;Betreff;Beschreibung;Kunde;Modell;Kanal;Bearbeiter;Art\n"

  let narrator: Narrator
  /// The moment the export was taken; nothing happens after it.
  let exportTime: WallClock
  /// Long multi-paragraph narratives (benchmark) or short ones (demo).
  let longText: Bool
  private var subject: [UInt8] = []
  private var description: [UInt8] = []

  init(narrator: Narrator, exportTime: WallClock, longText: Bool) {
    self.narrator = narrator
    self.exportTime = exportTime
    self.longText = longText
    subject.reserveCapacity(256)
    description.reserveCapacity(8192)
  }

  /// Median hours to resolution by category; service complaints wait longest.
  private static func medianHours(_ category: Category) -> Double {
    switch category {
    case .product: 30
    case .policy: 44
    case .service: 54
    case .other: 20
    }
  }

  func lifecycle(of complaint: Complaint, using random: inout Xoshiro256) -> Lifecycle {
    let category = complaint.issue.map { Catalog.issues[$0].category } ?? .other
    let hours = ExportRows.medianHours(category) * exp(0.8 * random.normal())
    let solved = complaint.created.adding(minutes: max(5, Int(hours * 60)))
    if solved > exportTime {
      let touched = complaint.created.adding(minutes: random.int(in: 10...600))
      return Lifecycle(
        updated: min(touched, exportTime), solved: nil,
        status: random.chance(0.7) ? "open" : "pending")
    }
    let closed = solved.adding(minutes: 4 * 24 * 60)
    if closed <= exportTime {
      return Lifecycle(updated: closed, solved: solved, status: "closed")
    }
    return Lifecycle(
      updated: min(solved.adding(minutes: random.int(in: 0...30)), exportTime), solved: solved,
      status: "solved")
  }

  private mutating func narrate(_ complaint: Complaint, using random: inout Xoshiro256) {
    let spec = NarrativeSpec(
      language: complaint.language, issue: complaint.issue, line: complaint.line,
      sku: Array(complaint.sku.utf8), customerName: Array(complaint.customerName.utf8),
      keyAccount: complaint.tier == .keyAccount, long: longText)
    subject.removeAll(keepingCapacity: true)
    description.removeAll(keepingCapacity: true)
    narrator.subject(spec, using: &random, into: &subject)
    narrator.description(spec, using: &random, into: &description)
  }

  /// One row in the zendesk profile's columns.
  mutating func zendesk(
    _ complaint: Complaint, id: Int, productColumn: Bool, sourceCategory: Bool,
    using random: inout Xoshiro256, into row: inout CSVLine
  ) {
    narrate(complaint, using: &random)
    let life = lifecycle(of: complaint, using: &random)
    let keyAccount = complaint.tier == .keyAccount
    let priority =
      keyAccount
      ? ["normal", "high", "urgent"][random.weighted([0.4, 0.45, 0.15])]
      : ["low", "normal", "high", "urgent"][random.weighted([0.15, 0.6, 0.2, 0.05])]
    let via = ["email", "web", "phone", "chat"][random.weighted([0.45, 0.3, 0.15, 0.1])]
    let agents = People.agents[complaint.language] ?? []
    let drawn = life.status == "open" && random.chance(0.3) ? "" : random.pick(agents)
    let agent = complaint.agent ?? drawn
    var category = ""
    if sourceCategory {
      if let issue = complaint.issue {
        category = Catalog.issues[issue].sourceValue
      } else if random.chance(0.4) {
        category = "General"
      }
    }
    var tags = "lang_\(complaint.language.rawValue)"
    if keyAccount { tags += " key_account" }
    if via == "phone" { tags += " callback_requested" }

    row.reset()
    row.field(id)
    row.field(subject)
    row.field(description)
    row.field(life.status)
    row.field(priority)
    row.field(via)
    row.field(complaint.customerName)
    row.field(complaint.email)
    row.field(agent)
    row.field(category)
    row.field(productColumn ? complaint.sku : "")
    row.field(tags)
    row.plainField { complaint.created.appendISO(to: &$0) }
    row.plainField { life.updated.appendISO(to: &$0) }
    row.plainField { life.solved?.appendISO(to: &$0) }
    row.end()
  }

  /// How the legacy shop's `Modell` column holds the product.
  enum ModelColumn {
    case sku, nameAndSKU, empty
  }

  /// One row of the legacy shop export; `kind` is its `Art` column.
  mutating func legacy(
    _ complaint: Complaint, id: String, model: ModelColumn, kind: String = "Beschwerde",
    created: String? = nil, using random: inout Xoshiro256, into row: inout CSVLine
  ) {
    narrate(complaint, using: &random)
    if kind != "Beschwerde" {
      description.removeAll(keepingCapacity: true)
      narrator.question(complaint.language, using: &random, into: &description)
      subject = Array((kind == "Anfrage" ? "Anfrage" : "Rückfrage zur Bestellung").utf8)
    }
    let life = lifecycle(of: complaint, using: &random)
    let channel = ["E-Mail", "Telefon", "Filiale", "Webshop"][
      random.weighted([0.4, 0.25, 0.2, 0.15])]
    let customer =
      complaint.account.map { Catalog.keyAccounts[$0].customerID } ?? complaint.email
    var modelText = ""
    if let line = complaint.line {
      switch model {
      case .sku: modelText = complaint.sku
      case .nameAndSKU:
        modelText = (Catalog.lines[line].nouns(.de).first ?? "") + " " + complaint.sku
      case .empty: modelText = ""
      }
    }

    row.reset()
    row.field(id)
    if let created {
      row.field(created)
    } else {
      row.plainField { complaint.created.appendGerman(to: &$0) }
    }
    row.plainField { life.updated.appendGerman(to: &$0) }
    row.plainField { life.solved?.appendGerman(to: &$0) }
    row.field(subject)
    row.field(description)
    row.field(customer)
    row.field(modelText)
    row.field(channel)
    let staff = random.pick(People.shopStaff)
    row.field(complaint.agent ?? staff)
    row.field(kind)
    row.end()
  }
}
