import Foundation

/// A scratch folder with an empty `exports/` inside, for a test that writes its own taxonomy,
/// config and exports; the caller removes `url` when done.
struct FixtureFolder {
  let url: URL

  init(_ prefix: String) throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: url.appendingPathComponent("exports"), withIntermediateDirectories: true)
  }

  /// Writes `text` to `name`, a path inside the folder.
  func write(_ name: String, _ text: String) throws {
    try Data(text.utf8).write(to: url.appendingPathComponent(name))
  }
}
