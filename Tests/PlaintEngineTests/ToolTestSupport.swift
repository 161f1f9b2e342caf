import Foundation

@testable import PlaintEngine

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
