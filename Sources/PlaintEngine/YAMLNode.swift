internal import Yams

/// A YAML node with the file and key path it came from, so every error names both.
struct YAMLNode {
  let node: Node
  let file: String
  let path: String

  /// Parses `text`; an empty document is an empty mapping.
  static func parse(_ text: String, file: String) throws(ConfigError) -> YAMLNode {
    do {
      let node = try Yams.compose(yaml: text) ?? Node.mapping([:])
      return YAMLNode(node: node, file: file, path: "")
    } catch let error as YamlError {
      throw ConfigError(file: file, line: nil, key: nil, message: Self.describe(error))
    } catch {
      throw ConfigError(file: file, line: nil, key: nil, message: "\(error)")
    }
  }

  private static func describe(_ error: YamlError) -> String {
    // Yams prints the offending line and a caret below it; one line is enough here.
    let text = error.description.split(separator: "\n").first.map(String.init)
    return "not valid YAML: \(text ?? "parse error")"
  }

  var line: Int? { node.mark.map(\.line) }

  var isMapping: Bool {
    if case .mapping = node { return true }
    return false
  }

  var isList: Bool {
    if case .sequence = node { return true }
    return false
  }

  func error(_ message: String) -> ConfigError {
    ConfigError(file: file, line: line, key: path.isEmpty ? nil : path, message: message)
  }

  private var kind: String {
    switch node {
    case .scalar(let scalar): "\"\(scalar.string)\""
    case .mapping: "a mapping"
    case .sequence: "a list"
    case .alias: "an alias"
    }
  }

  private func child(_ node: Node, _ key: String) -> YAMLNode {
    YAMLNode(node: node, file: file, path: path.isEmpty ? key : "\(path).\(key)")
  }

  /// The entries of a mapping, in file order; rejects keys outside `allowed` when given.
  func mapping(allowed: [String]? = nil) throws(ConfigError) -> [(key: String, value: YAMLNode)] {
    guard case .mapping(let mapping) = node else {
      if case .scalar(let scalar) = node, scalar.string.isEmpty, scalar.style == .plain {
        return []
      }
      throw error("expected a mapping, got \(kind)")
    }
    var entries: [(key: String, value: YAMLNode)] = []
    for (keyNode, valueNode) in mapping {
      let key = keyNode.string ?? ""
      if let allowed, !allowed.contains(key) {
        let near = allowed.min { editDistance($0, key) < editDistance($1, key) }
        let hint = near.map { editDistance($0, key) <= 2 ? " (did you mean `\($0)`?)" : "" } ?? ""
        throw ConfigError(
          file: file, line: keyNode.mark?.line,
          key: path.isEmpty ? key : "\(path).\(key)", message: "unknown key\(hint)")
      }
      entries.append((key, child(valueNode, key)))
    }
    return entries
  }

  /// The value under `key` of a mapping, if present and not null.
  subscript(key: String) -> YAMLNode? {
    guard case .mapping(let mapping) = node, let value = mapping[key] else { return nil }
    if case .scalar(let scalar) = value, scalar.style == .plain,
      ["", "~", "null"].contains(scalar.string)
    {
      return nil
    }
    return child(value, key)
  }

  func string() throws(ConfigError) -> String {
    guard case .scalar(let scalar) = node else { throw error("expected text, got \(kind)") }
    return scalar.string
  }

  func int() throws(ConfigError) -> Int {
    guard let value = Int(try string()) else { throw error("expected a whole number, got \(kind)") }
    return value
  }

  func double() throws(ConfigError) -> Double {
    guard let value = Double(try string()), value.isFinite else {
      throw error("expected a number, got \(kind)")
    }
    return value
  }

  func bool() throws(ConfigError) -> Bool {
    switch try string().lowercased() {
    case "true", "yes", "on": return true
    case "false", "no", "off": return false
    default: throw error("expected true or false, got \(kind)")
    }
  }

  /// A list of nodes; a single scalar counts as a list of one.
  func list() throws(ConfigError) -> [YAMLNode] {
    switch node {
    case .sequence(let sequence):
      return sequence.enumerated().map { child($0.element, "\($0.offset)") }
    case .scalar:
      return [self]
    default:
      throw error("expected a list, got \(kind)")
    }
  }

  /// A list of text entries; an empty (null) entry is an error, never the text "null".
  func strings() throws(ConfigError) -> [String] {
    var values: [String] = []
    for item in try list() {
      if item.isNull {
        throw item.error(
          "an empty entry (YAML null); remove it, or write \"null\" in quotes if you mean the word"
        )
      }
      values.append(try item.string())
    }
    return values
  }

  /// A plain `null`, `~` or nothing: YAML's null, not text.
  var isNull: Bool {
    guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
    return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
  }
}

/// Levenshtein distance, for "did you mean" hints on unknown names.
func nameDistance(_ a: String, _ b: String) -> Int { editDistance(a, b) }

/// Levenshtein distance, for "did you mean" hints on unknown keys.
private func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a)
  let b = Array(b)
  guard !a.isEmpty else { return b.count }
  guard !b.isEmpty else { return a.count }
  var previous = Array(0...b.count)
  for i in 1...a.count {
    var current = [i] + Array(repeating: 0, count: b.count)
    for j in 1...b.count {
      current[j] = min(
        previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.count]
}
