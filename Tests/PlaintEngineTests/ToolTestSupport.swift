import Foundation

@testable import PlaintEngine

/// The published cases in `../shared/spc/reference_cases.json`; tests that read them are skipped
/// (not failed) when the shared folder is absent.
enum SharedReferenceCases {
  /// The file, found by walking up from this source file to the package root; nil when absent.
  static let url: URL? = {
    var directory = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
      .deletingLastPathComponent()
    while directory.path != "/" {
      if FileManager.default.fileExists(
        atPath: directory.appendingPathComponent("Package.swift").path)
      {
        let file = directory.deletingLastPathComponent()
          .appendingPathComponent("shared/spc/reference_cases.json")
        return FileManager.default.fileExists(atPath: file.path) ? file : nil
      }
      directory = directory.deletingLastPathComponent()
    }
    return nil
  }()

  static var available: Bool { url != nil }

  static func all() throws -> [[String: Any]] {
    guard let url else { return [] }
    let root = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
    return root?["cases"] as? [[String: Any]] ?? []
  }

  static func named(_ name: String) throws -> [String: Any]? {
    try all().first { $0["name"] as? String == name }
  }
}

/// A JSON number (integer or real) as a Double.
func jsonNumber(_ value: Any?) -> Double? {
  (value as? NSNumber)?.doubleValue
}

/// A JSON array of numbers; `null` entries become nil.
func jsonNumbers(_ value: Any?) -> [Double?]? {
  (value as? [Any])?.map { jsonNumber($0) }
}

/// A JSON array of integers.
func jsonIntegers(_ value: Any?) -> [Int]? {
  (value as? [Any])?.compactMap { jsonNumber($0).map { Int($0) } }
}

/// A scratch folder for input files, removed by `remove()`.
struct Scratch {
  let folder = FileManager.default.temporaryDirectory
    .appendingPathComponent("plaint-tools-\(UUID().uuidString)")

  init() throws {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  /// Writes `text` to `name` in the folder and returns its path.
  func file(_ name: String, _ text: String) throws -> String {
    let url = folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
  }

  func remove() {
    try? FileManager.default.removeItem(at: folder)
  }
}

/// The PlaintError a body throws, or nil.
func plaintError(_ body: () throws -> Void) -> PlaintError? {
  do {
    try body()
    return nil
  } catch let error as PlaintError {
    return error
  } catch {
    return PlaintError(.software, "unexpected \(error)")
  }
}
