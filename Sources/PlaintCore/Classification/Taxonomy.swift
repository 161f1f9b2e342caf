/// The issues and product lines tickets are sorted into, as read from `taxonomy.yml`.
public struct Taxonomy: Sendable, Hashable {
  /// A sub-category of one of the four categories and the rules that mark it.
  public struct Issue: Sendable, Hashable {
    public var category: Category
    public var name: String
    /// Phrases in any language; a trailing `*` matches any word ending.
    public var phrases: [String]
    /// Values of the help desk's own category column that mark this issue.
    public var sourceValues: [String]
    /// Breaks ties between equally long matches; higher wins. With `precedence: priority` it
    /// decides before length.
    public var priority: Int

    public init(
      category: Category, name: String, phrases: [String], sourceValues: [String] = [],
      priority: Int = 0
    ) {
      self.category = category
      self.name = name
      self.phrases = phrases
      self.sourceValues = sourceValues
      self.priority = priority
    }

    /// The key used in reports and rules: "category.issue".
    public var key: String { "\(category.rawValue).\(name)" }
  }

  /// A product line and the product values, SKU globs and phrases that mark it.
  public struct ProductLine: Sendable, Hashable {
    public var name: String
    /// Globs on the product column: `*` any run of characters, `?` one character.
    public var products: [String]
    /// Phrases that name the line in ticket text or in the product column.
    public var phrases: [String]

    public init(name: String, products: [String] = [], phrases: [String] = []) {
      self.name = name
      self.products = products
      self.phrases = phrases
    }
  }

  /// What decides first when several issues match a ticket.
  public enum Precedence: String, Sendable, Hashable, CaseIterable {
    /// The longest match wins; `priority` breaks ties between equally long matches (the default).
    case length
    /// The higher `priority` wins; length breaks ties between equal priorities.
    case priority
  }

  /// Issues in file order; the order breaks the last tie.
  public var issues: [Issue]
  /// Product lines in file order.
  public var productLines: [ProductLine]
  public var precedence: Precedence

  public init(issues: [Issue], productLines: [ProductLine], precedence: Precedence = .length) {
    self.issues = issues
    self.productLines = productLines
    self.precedence = precedence
  }
}
