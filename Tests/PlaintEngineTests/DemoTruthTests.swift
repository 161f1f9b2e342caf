import Foundation
import PlaintCore
import PlaintIngest
import Testing

@testable import PlaintEngine

/// The demo generator writes down, for every complaint, the cell and issue whose phrase it
/// planted. Read back through the demo's own config and taxonomy, every complaint must land there.
@Suite struct DemoTruthTests {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// `plaint-datagen` beside `$PLAINT_BIN` (set by `make test`), else in the debug build.
  static var generator: String {
    if let plaint = ProcessInfo.processInfo.environment["PLAINT_BIN"] {
      return URL(fileURLWithPath: plaint).deletingLastPathComponent()
        .appendingPathComponent("plaint-datagen").path
    }
    return root.appendingPathComponent(".build/debug/plaint-datagen").path
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: generator)))
  func everyPlantedComplaintLandsInItsPlantedCell() throws {
    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("plaint-truth-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let truthFile = scratch.appendingPathComponent("truth.csv")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.generator)
    process.arguments = ["demo", "--out", scratch.path, "--truth", truthFile.path]
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)

    // The generator still writes exactly the committed demo exports.
    for name in ["exports/zendesk-2023-11_2026-10.csv", "exports/legacy-shop.csv", "taxonomy.yml"] {
      let generated = try Data(contentsOf: scratch.appendingPathComponent(name))
      let committed = try Data(
        contentsOf: Self.root.appendingPathComponent("datasets/demo/\(name)"))
      #expect(generated == committed, "datasets/demo/\(name) differs from the generator's")
    }

    let configuration = try Configuration.load(
      path: scratch.appendingPathComponent("plaint.yml").path)
    let context = try RunContext(configuration: configuration)
    var placed: [String: ClassifiedTicket] = [:]
    for file in context.files {
      _ = try ExportReader(settings: file.settings).read(
        onTicket: { ticket in
          placed["\(ticket.system):\(ticket.id)"] = context.placement.place(ticket)
        }, onReject: { _ in })
    }

    let lines = try String(contentsOf: truthFile, encoding: .utf8).split(separator: "\n")
      .dropFirst()
    #expect(lines.count == 26_770)
    var misplaced: [String] = []
    for line in lines {
      let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      let key = "\(fields[0]):\(fields[1])"
      guard let ticket = placed[key] else {
        misplaced.append("\(key): not read")
        continue
      }
      let found = [
        ticket.period.description, ticket.cell.category.rawValue, ticket.issue,
        ticket.cell.productLine, ticket.cell.tier.rawValue,
      ]
      if found != Array(fields[2...]) {
        misplaced.append(
          "\(key): planted \(fields[2...].joined(separator: "/")), found \(found.joined(separator: "/")) by \(ticket.rule)"
        )
      }
    }
    #expect(misplaced.isEmpty, "\(misplaced.count) misplaced, e.g. \(misplaced.prefix(5))")
  }
}
