/// Why a ticket got its classification: every rule that matched and why the winners won, for
/// `plaint explain`.
public struct MatchTrace: Sendable, Hashable {
  /// The ticket field a rule matched in.
  public enum Field: String, Sendable, Hashable {
    case text
    case product
    case sourceCategory = "source_category"
  }

  /// The kind of rule that matched.
  public enum Kind: String, Sendable, Hashable {
    /// An issue or product-line phrase.
    case phrase
    /// An issue's `source_values` entry, equal to the help desk's category.
    case sourceValue = "source_value"
    /// A product line's SKU glob on the product column.
    case glob
    /// A product column equal to a product line's name or phrase.
    case productValue = "product_value"
  }

  /// One rule that matched.
  public struct Match: Sendable, Hashable, CustomStringConvertible {
    /// The issue ("category.issue") or product line the rule marks.
    public var target: String
    public var kind: Kind
    /// The rule as written in the taxonomy.
    public var phrase: String
    public var field: Field
    /// The folded text the rule matched (the whole word for a stem).
    public var matched: String
    /// Offset of the match in the folded field, in UTF-8 bytes.
    public var byteOffset: Int
    /// Offset of the match in the folded field, in characters.
    public var characterOffset: Int
    /// The rule's length in folded characters, which ranks it against other matches.
    public var length: Int
    /// The priority (0 for product lines).
    public var priority: Int

    public init(
      target: String, kind: Kind, phrase: String, field: Field, matched: String,
      byteOffset: Int, characterOffset: Int, length: Int, priority: Int
    ) {
      self.target = target
      self.kind = kind
      self.phrase = phrase
      self.field = field
      self.matched = matched
      self.byteOffset = byteOffset
      self.characterOffset = characterOffset
      self.length = length
      self.priority = priority
    }

    public var description: String {
      let rank = kind == .glob || kind == .productValue ? "" : ", length \(length)"
      let priority = self.priority == 0 ? "" : ", priority \(self.priority)"
      return "\(target): \(kind.rawValue) \"\(phrase)\" matched \"\(matched)\" in "
        + "\(field.rawValue) at character \(characterOffset)\(rank)\(priority)"
    }
  }

  /// The folded ticket text the phrases were matched against.
  public var folded: String
  /// The folded product column ("" when absent).
  public var foldedProduct: String
  /// The folded help-desk category ("" when absent).
  public var foldedSourceCategory: String
  /// Every rule that matched, issues first, in the order they were found.
  public var matches: [Match]
  /// The winning issue as "category.issue" ("other.unclassified" when nothing matched).
  public var winner: String
  /// Why the winning issue won.
  public var reason: String
  /// The winning product line (`Cell.unassigned` when none).
  public var productLine: String
  /// Why the product line was chosen.
  public var productLineReason: String

  public init(
    folded: String, foldedProduct: String = "", foldedSourceCategory: String = "",
    matches: [Match], winner: String, reason: String, productLine: String,
    productLineReason: String
  ) {
    self.folded = folded
    self.foldedProduct = foldedProduct
    self.foldedSourceCategory = foldedSourceCategory
    self.matches = matches
    self.winner = winner
    self.reason = reason
    self.productLine = productLine
    self.productLineReason = productLineReason
  }
}
