import Foundation
import Testing

@testable import PlaintReport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct ReportWriterTests {
  /// A fresh scratch directory for one test.
  private func scratch(_ name: String = #function) throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent(
        "plaint-report-tests-\(getpid())-\(name.filter { $0.isLetter || $0.isNumber })")
    try? FileManager.default.removeItem(at: url)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  private func listing(_ url: URL) throws -> Set<String> {
    Set(try FileManager.default.contentsOfDirectory(atPath: url.path))
  }

  private let everything = Set(ReportFormat.allCases)
  private let manifest = ["manifest.json": Data("{\"run\": 1}\n".utf8)]

  @Test func writesEveryFileIntoThePeriodDirectory() throws {
    let root = try scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    let written = try ReportWriter(directory: root.appendingPathComponent("reports"))
      .write(Fixture.bundle(), formats: everything, extraFiles: manifest)
    #expect(written.lastPathComponent == "2025-10")
    #expect(
      try listing(written) == [
        "index.html", "summary.md", "report.json", "anomalies.csv", "pareto.csv", "grid.csv",
        "anomaly-tickets.csv", "rejects.csv", "repeat-customers.csv", "concentrations.csv",
        "release-effects.csv", "resolution.csv", "open-past-sla.csv", "canaries.csv",
        "run-charts.csv", "shares.csv", "drivers.csv", "manifest.json",
      ])
    let json = try Data(contentsOf: written.appendingPathComponent("report.json"))
    #expect(json == (try JSONRenderer().render(Fixture.report())))
    #expect(try listing(root.appendingPathComponent("reports")) == ["2025-10"])
  }

  @Test func onlyTheChosenFormatsAreWritten() throws {
    let root = try scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    let written = try ReportWriter(directory: root).write(
      Fixture.bundle(), formats: [.json, .md], extraFiles: manifest)
    #expect(try listing(written) == ["report.json", "summary.md", "manifest.json"])
  }

  @Test func replacesAnExistingReportWholeAndLeavesNoTemporaryDirectory() throws {
    let root = try scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    let writer = ReportWriter(directory: root)
    let first = try writer.write(
      Fixture.bundle(), formats: everything,
      extraFiles: manifest.merging(["stale.txt": Data("old".utf8)]) { $1 })
    #expect(FileManager.default.fileExists(atPath: first.appendingPathComponent("stale.txt").path))

    var bundle = Fixture.bundle()
    bundle.report.totals.complaints = 4321
    let second = try writer.write(
      bundle, formats: everything, extraFiles: ["manifest.json": Data("{\"run\": 2}\n".utf8)])
    #expect(second == first)
    #expect(
      !FileManager.default.fileExists(atPath: second.appendingPathComponent("stale.txt").path))
    let manifestText = try String(
      contentsOf: second.appendingPathComponent("manifest.json"), encoding: .utf8)
    #expect(manifestText.contains("\"run\": 2"))
    let summary = try String(
      contentsOf: second.appendingPathComponent("summary.md"), encoding: .utf8)
    #expect(summary.contains("**4,321 complaints**"))
    #expect(try listing(root) == ["2025-10"])
  }

  @Test func leftoversOfADeadWriterGoAfterTheNextSuccess() throws {
    let root = try scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    let dead = root.appendingPathComponent(".2025-10.tmp-999999999")
    let live = root.appendingPathComponent(".2025-10.old-1")
    for url in [dead, live] {
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    try ReportWriter(directory: root).write(Fixture.bundle(), formats: [.md])
    #expect(try listing(root) == ["2025-10", ".2025-10.old-1"])
  }

  @Test func writingTwiceGivesIdenticalBytes() throws {
    let root = try scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    let writer = ReportWriter(directory: root)
    let directory = try writer.write(Fixture.bundle(), formats: everything, extraFiles: [:])
    var first: [String: Data] = [:]
    for name in try listing(directory) {
      first[name] = try Data(contentsOf: directory.appendingPathComponent(name))
    }
    _ = try writer.write(Fixture.bundle(), formats: everything, extraFiles: [:])
    for (name, data) in first {
      #expect(try Data(contentsOf: directory.appendingPathComponent(name)) == data, "\(name)")
    }
  }

  @Test func refusesADirectoryThatCannotBeCreatedNamingThePath() throws {
    let root = try scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    let blocker = root.appendingPathComponent("not-a-dir")
    try Data("x".utf8).write(to: blocker)
    let target = blocker.appendingPathComponent("reports")
    #expect {
      try ReportWriter(directory: target).write(Fixture.bundle(), formats: everything)
    } throws: { error in
      guard let error = error as? ReportError, case .createDirectory = error else { return false }
      let message = error.description
      return message.contains(target.path) && !message.contains("\n")
    }
  }

  @Test(.enabled(if: getuid() != 0, "root writes into read-only directories"))
  func refusesAReadOnlyDirectoryNamingThePath() throws {
    let root = try scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    chmod(root.path, 0o555)
    defer { chmod(root.path, 0o755) }
    #expect {
      try ReportWriter(directory: root).write(Fixture.bundle(), formats: everything)
    } throws: { error in
      (error as? ReportError)?.description.contains(root.path) == true
    }
  }

  @Test(arguments: ["../escape", ".hidden", "a/b", ""])
  func refusesAPeriodThatIsNotAPlainNameAndTouchesNothing(_ period: String) throws {
    let root = try scratch("period" + period)
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(throws: ReportError.invalidName(period)) {
      try ReportWriter(directory: root).write(Fixture.bundle(period: period), formats: everything)
    }
    #expect(try listing(root).isEmpty)
  }

  @Test func refusesAnExtraFileThatWouldOverwriteARendering() throws {
    let root = try scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    let writer = ReportWriter(directory: root)
    let written = try writer.write(Fixture.bundle(), formats: [.json])
    let before = try Data(contentsOf: written.appendingPathComponent("report.json"))
    #expect(throws: ReportError.invalidName("report.json")) {
      try writer.write(
        Fixture.bundle(), formats: [.json], extraFiles: ["report.json": Data("x".utf8)])
    }
    #expect(try Data(contentsOf: written.appendingPathComponent("report.json")) == before)
    #expect(try listing(root) == ["2025-10"])
  }

  @Test func errorMessagesAreOneLineAndNameThePath() {
    let error = ReportError.writeFile(path: "/r/2025-10/index.html", reason: "No space\nleft")
    #expect(error.description == "cannot write /r/2025-10/index.html: No space left")
  }
}
