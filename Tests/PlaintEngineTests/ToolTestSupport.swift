import Foundation
import Logging
import PlaintStore

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

  /// The folder's `plaint.yml`, its run context, and a store in memory holding its exports, read
  /// as `plaint run` reads them (with no log).
  func ingested() throws -> IngestedProject {
    let configuration = try Configuration.load(
      path: folder.appendingPathComponent("plaint.yml").path)
    let context = try RunContext(configuration: configuration)
    let store = try Store(path: ":memory:")
    let inputs = try Ingestion(
      configuration: configuration, placement: context.placement,
      logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
    ).run(context.files, store: store, now: Date())
    return IngestedProject(
      configuration: configuration, context: context, store: store, inputs: inputs)
  }
}

extension Scratch {
  /// The engine tests' project: `name` reads the Zendesk `exports` into `store` by month in
  /// UTC (`settings`, whole YAML lines, go before `sources`), with a taxonomy of one issue,
  /// "stopped working" a product defect, and one line, "kettle" the Kettles line.
  func kettleProject(
    _ name: String = "plaint.yml", store: String = "\":memory:\"", exports: [String],
    settings: String = ""
  ) throws {
    let sources = exports.map { "  - path: \($0)\n    profile: zendesk\n" }.joined()
    _ = try file(
      name,
      """
      store: \(store)
      period: month
      timezone: UTC
      \(settings)sources:
      \(sources)taxonomy: taxonomy.yml
      reports:
        dir: reports

      """)
    try kettleTaxonomy()
  }

  /// The taxonomy of `kettleProject`.
  func kettleTaxonomy() throws {
    _ = try file(
      "taxonomy.yml",
      """
      categories:
        product:
          issues:
            defect: {phrases: [stopped working]}
      product_lines:
        Kettles: {phrases: [kettle]}

      """)
  }
}

/// A scratch project read into a store (`Scratch.ingested`).
struct IngestedProject {
  let configuration: Configuration
  let context: RunContext
  let store: Store
  let inputs: [SourceAccounting]
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
