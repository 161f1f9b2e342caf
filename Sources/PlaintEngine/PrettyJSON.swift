import Foundation

/// The JSON Plaint prints and writes for people and scripts alike: pretty, keys sorted, slashes
/// unescaped, so the same value always gives the same bytes.
enum PrettyJSON {
  /// `snakeCase` turns Swift property names into `snake_case` keys (types without CodingKeys).
  static func encode(_ value: some Encodable, snakeCase: Bool = false) throws(PlaintError)
    -> Data
  {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    if snakeCase { encoder.keyEncodingStrategy = .convertToSnakeCase }
    do {
      return try encoder.encode(value)
    } catch {
      throw PlaintError(.software, "cannot encode the JSON output: \(error)")
    }
  }
}
