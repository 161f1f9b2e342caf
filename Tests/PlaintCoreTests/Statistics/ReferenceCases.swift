import Foundation

/// The published control-chart cases in `../shared/spc/reference_cases.json`, when present.
enum ReferenceCases {
  /// The file, found by walking up from this source file to the package root; nil when absent.
  static let url: URL? = {
    var directory = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
      .deletingLastPathComponent()
    while directory.path != "/" {
      let manifest = directory.appendingPathComponent("Package.swift")
      if FileManager.default.fileExists(atPath: manifest.path) {
        let file = directory.deletingLastPathComponent()
          .appendingPathComponent("shared/spc/reference_cases.json")
        return FileManager.default.fileExists(atPath: file.path) ? file : nil
      }
      directory = directory.deletingLastPathComponent()
    }
    return nil
  }()

  static var available: Bool { url != nil }

  /// Every case, as parsed JSON objects.
  static func all() throws -> [[String: Any]] {
    guard let url else { return [] }
    let root = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
    return root?["cases"] as? [[String: Any]] ?? []
  }

  /// The case called `name`, or nil.
  static func named(_ name: String) throws -> [String: Any]? {
    try all().first { $0["name"] as? String == name }
  }

  /// Cases this package cannot check, with the reason; everything else must be covered by a test.
  static let unsupported: [String: String] = [
    "qcc_probability_limits_p_constant_n_bug":
      "binomial probability limits: Plaint's exact limits are Poisson only (no exact p chart)",
    "anhoej_critical_values_10_to_100":
      "Anhøj runs analysis is not one of Plaint's four rules (docs/statistics.md)",
  ]
}

/// Reads a JSON number (integer or real) as a Double.
func number(_ value: Any?) -> Double? {
  (value as? NSNumber)?.doubleValue
}

/// Reads a JSON array of numbers; `null` entries become nil.
func numbers(_ value: Any?) -> [Double?]? {
  (value as? [Any])?.map { number($0) }
}

/// Reads a JSON array of integers.
func integers(_ value: Any?) -> [Int]? {
  (value as? [Any])?.compactMap { number($0).map { Int($0) } }
}
