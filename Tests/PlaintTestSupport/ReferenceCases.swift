import Foundation

/// The published control-chart cases in `../shared/spc/reference_cases.json`; tests that read them
/// are skipped (not failed) when the shared folder is absent.
public enum ReferenceCases {
  /// The file, found by walking up from this source file to the package root; nil when absent.
  public static let url: URL? = {
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

  /// Whether the shared file is present.
  public static var available: Bool { url != nil }

  /// Every case, as parsed JSON objects.
  public static func all() throws -> [[String: Any]] {
    guard let url else { return [] }
    let root = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
    return root?["cases"] as? [[String: Any]] ?? []
  }

  /// The case called `name`, or nil.
  public static func named(_ name: String) throws -> [String: Any]? {
    try all().first { $0["name"] as? String == name }
  }
}

/// Reads a JSON number (integer or real) as a Double.
public func number(_ value: Any?) -> Double? {
  (value as? NSNumber)?.doubleValue
}

/// Reads a JSON array of numbers; `null` entries become nil.
public func numbers(_ value: Any?) -> [Double?]? {
  (value as? [Any])?.map { number($0) }
}

/// Reads a JSON array of integers.
public func integers(_ value: Any?) -> [Int]? {
  (value as? [Any])?.compactMap { number($0).map { Int($0) } }
}
