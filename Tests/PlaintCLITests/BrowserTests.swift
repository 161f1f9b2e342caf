import Foundation
import Testing

let installedChromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
  FileManager.default.isExecutableFile(atPath: $0)
}

/// The demo report opened in a real browser (Debian's headless Chromium): the page renders, its
/// charts are drawn, nothing is fetched or logged as an error, and it prints to PDF with the
/// headline on the first page.
@Suite(
  .enabled(
    if: installedChromium != nil || ProcessInfo.processInfo.environment["CI"] != nil,
    "needs Debian's chromium (make setup installs it)"))
struct BrowserTests {
  static let chromium = installedChromium
  static let page = PlaintBinary.repositoryRoot.appendingPathComponent("reports/demo/index.html")

  static func run(_ executable: String, _ arguments: [String]) throws -> PlaintBinary.Result {
    try PlaintBinary.run(executable: executable, arguments)
  }

  static func browser(_ arguments: [String]) throws -> PlaintBinary.Result {
    let chromium = try #require(chromium, "chromium is not installed; run make setup")
    return try run(
      chromium,
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
        "--enable-logging=stderr", "--v=0",
        "--user-data-dir=\(scratch.path)/profile-\(UUID().uuidString)",
      ] + arguments + [page.absoluteString])
  }

  static let scratch: URL = {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("plaint-browser-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }()

  /// Console messages and failed loads the browser logged (its D-Bus noise aside).
  static func pageErrors(_ log: String) -> [String] {
    log.split(separator: "\n").map(String.init).filter {
      $0.contains("CONSOLE") || $0.contains("Failed to load resource") || $0.contains("net::ERR")
    }
  }

  @Test func rendersWithChartsAndNoErrors() throws {
    let shot = Self.scratch.appendingPathComponent("desktop.png")
    let result = try Self.browser(["--window-size=1280,2400", "--screenshot=\(shot.path)"])
    #expect(result.status == 0, "\(result.stderr.suffix(2000))")
    #expect(Self.pageErrors(result.stderr).isEmpty, "\(Self.pageErrors(result.stderr))")
    let pixels = try Self.run(
      "/usr/bin/python3",
      [PlaintBinary.fixtures.appendingPathComponent("pixels.py").path, shot.path])
    let fields = pixels.stdout.split(whereSeparator: \.isWhitespace).map(String.init)
    #expect(fields.count == 6, "pixels.py: \(pixels.stdout) \(pixels.stderr)")
    guard fields.count == 6 else { return }
    let nonWhite = Double(fields[1]) ?? 0
    #expect(nonWhite > 0.03, "the page looks blank: \(pixels.stdout)")
    #expect((Int(fields[3]) ?? 0) > 2_000, "no chart bars or points drawn: \(pixels.stdout)")
    #expect((Int(fields[5]) ?? 0) > 20, "no signal points drawn: \(pixels.stdout)")

    let dom = try Self.browser(["--dump-dom"])
    #expect(dom.stdout.components(separatedBy: "<svg").count - 1 >= 3, "charts missing")
    #expect(dom.stdout.contains("product / Coffee Machines / consumer"))
  }

  @Test func printsToPDFWithTheHeadlineOnPageOne() throws {
    let pdf = Self.scratch.appendingPathComponent("report.pdf")
    let result = try Self.browser(["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)"])
    #expect(result.status == 0, "\(result.stderr.suffix(2000))")
    #expect(Self.pageErrors(result.stderr).isEmpty)
    let info = try Self.run("/usr/bin/pdfinfo", [pdf.path])
    let pages = info.stdout.split(separator: "\n").first { $0.hasPrefix("Pages:") }
      .flatMap { Int($0.split(separator: " ").last ?? "") }
    #expect((2...20).contains(pages ?? 0), "pages: \(pages ?? 0)")
    let first = try Self.run("/usr/bin/pdftotext", ["-f", "1", "-l", "1", pdf.path, "-"])
    for headline in ["Complaints · 2026-10", "1,008", "Anomalies", "The vital few"] {
      #expect(first.stdout.contains(headline), "page 1 lacks \(headline)")
    }
    let image = Self.scratch.appendingPathComponent("page")
    _ = try Self.run(
      "/usr/bin/pdftoppm", ["-f", "1", "-l", "1", "-r", "60", "-png", pdf.path, image.path])
    let rendered = try FileManager.default.contentsOfDirectory(atPath: Self.scratch.path)
      .first { $0.hasPrefix("page") && $0.hasSuffix(".png") }
    let pixels = try Self.run(
      "/usr/bin/python3",
      [
        PlaintBinary.fixtures.appendingPathComponent("pixels.py").path,
        Self.scratch.appendingPathComponent(try #require(rendered)).path,
      ])
    let nonWhite =
      Double(pixels.stdout.split(whereSeparator: \.isWhitespace).dropFirst().first ?? "") ?? 0
    #expect(nonWhite > 0.02, "page 1 looks blank: \(pixels.stdout)")
  }
}
