/// The columns a help desk's CSV export uses for each ticket field.
public struct ExportProfile: Sendable {
  public var name: String
  /// Candidate headers per field: the first present wins; for `text` every present one is joined.
  public var columns: [TicketField: [String]]
  /// Date patterns the export writes besides ISO 8601.
  public var dateFormats: [String]
  /// What this export cannot tell Plaint, for `plaint profiles`.
  public var cannotContain: [String]
  /// Whether the literal `None` means an empty value (the CFPB database writes it).
  public var noneIsEmpty: Bool

  public init(
    name: String, columns: [TicketField: [String]], dateFormats: [String] = [],
    cannotContain: [String] = [], noneIsEmpty: Bool = false
  ) {
    self.name = name
    self.columns = columns
    self.dateFormats = dateFormats
    self.cannotContain = cannotContain
    self.noneIsEmpty = noneIsEmpty
  }

  /// The fields a row cannot do without.
  static let required: [TicketField] = [.id, .created, .text]
}

extension ExportProfile {
  /// The built-in profiles, by name.
  public static let builtIn: [ExportProfile] = [
    ExportProfile(
      name: "zendesk",
      columns: [
        .id: ["Id", "ID", "Ticket ID"], .created: ["Created at"], .updated: ["Updated at"],
        .resolved: ["Solved at"], .text: ["Subject", "Description"],
        .customer: ["Requester email", "Requester id"], .customerName: ["Requester"],
        .product: ["Product"], .channel: ["Via"], .agent: ["Assignee"], .category: ["Category"],
        .tags: ["Tags"],
      ],
      dateFormats: ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"],
      cannotContain: ["comments after the first", "resolution notes"]),
    ExportProfile(
      name: "freshdesk",
      columns: [
        .id: ["Ticket ID"], .created: ["Created time"], .updated: ["Last update time"],
        .resolved: ["Resolved time", "Closed time"], .text: ["Subject", "Description"],
        .customer: ["Email", "Contact ID"], .customerName: ["Full name"],
        .product: ["Product"], .channel: ["Source"], .agent: ["Agent"], .category: ["Type"],
        .tags: ["Tags"],
      ],
      dateFormats: ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm"],
      cannotContain: ["conversation replies", "customer's company unless exported"]),
    ExportProfile(
      name: "cfpb",
      columns: [
        .id: ["Complaint ID"], .created: ["Date received"], .updated: ["Date sent to company"],
        .text: ["Issue", "Sub-issue", "Consumer complaint narrative"],
        .product: ["Product"], .channel: ["Submitted via"], .category: ["Issue"],
        .tags: ["Tags"],
      ],
      dateFormats: ["M/d/yy", "MM/dd/yy", "M/d/yyyy", "MM/dd/yyyy"],
      cannotContain: [
        "customer identity (no repeat complainants)", "agent", "resolution time",
      ],
      noneIsEmpty: true),
  ]

  /// A built-in profile by name.
  public static func named(_ name: String) -> ExportProfile? {
    builtIn.first { $0.name == name }
  }
}
