/// What a help desk's export looks like: which headers hold which ticket field.
public struct ExportProfile: Sendable {
  public var name: String
  /// Candidate headers per field: the first present wins; for `text`, all present are joined.
  public var columns: [TicketField: [String]]
  /// Date patterns tried before ISO 8601 (see `DateParser`).
  public var dateFormats: [String]
  /// Headers that mark an export of another system; `auto` skips a profile whose file has one.
  public var cannotContain: [String]
  /// Cell values that mean "no value", such as CFPB's `None`.
  public var emptyValues: [String]

  public init(
    name: String, columns: [TicketField: [String]], dateFormats: [String] = [],
    cannotContain: [String] = [], emptyValues: [String] = []
  ) {
    self.name = name
    self.columns = columns
    self.dateFormats = dateFormats
    self.cannotContain = cannotContain
    self.emptyValues = emptyValues
  }

  /// Fields every row needs; a mapping without them cannot make tickets.
  public static let requiredFields: [TicketField] = [.id, .created, .text]

  /// The built-in profile called `name`.
  public static func named(_ name: String) -> ExportProfile? {
    builtIn.first { $0.name == name.lowercased() }
  }
}
