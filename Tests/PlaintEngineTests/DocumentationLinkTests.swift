import Foundation
import Testing

/// Every link in README.md and docs/ leads to a file a clone of the repository has.
@Suite struct DocumentationLinkTests {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .standardizedFileURL

  /// README.md and every Markdown file under docs/.
  static var pages: [URL] {
    let docs = root.appendingPathComponent("docs")
    let files = (try? FileManager.default.contentsOfDirectory(atPath: docs.path)) ?? []
    return [root.appendingPathComponent("README.md")]
      + files.filter { $0.hasSuffix(".md") }.sorted().map { docs.appendingPathComponent($0) }
  }

  /// The targets of `[text](target)` links and `[name]: target` definitions, outside code.
  static func links(in markdown: String) -> [(line: Int, target: String)] {
    var links: [(Int, String)] = []
    var inFence = false
    for (index, line) in markdown.components(separatedBy: "\n").enumerated() {
      if line.trimmingCharacters(in: .whitespaces).hasPrefix("```") {
        inFence.toggle()
        continue
      }
      if inFence { continue }
      // Drop inline code spans, where brackets are not links.
      let text = line.split(separator: "`", omittingEmptySubsequences: false)
        .enumerated().filter { $0.offset % 2 == 0 }.map(\.element).joined(separator: " ")
      var rest = Substring(text)
      while let open = rest.range(of: "](") {
        let after = rest[open.upperBound...]
        guard let close = after.firstIndex(of: ")") else { break }
        let target = after[..<close].split(separator: " ").first.map(String.init) ?? ""
        links.append((index + 1, target))
        rest = after[after.index(after: close)...]
      }
      let trimmed = text.trimmingCharacters(in: .whitespaces)
      if trimmed.hasPrefix("["), let colon = trimmed.range(of: "]: ") {
        links.append(
          (index + 1, String(trimmed[colon.upperBound...]).trimmingCharacters(in: .whitespaces)))
      }
    }
    return links
  }

  /// What is wrong with `target` linked from `page`, or nil when it is a file of the repository
  /// (or a web address, or an anchor in the same page).
  static func problem(_ target: String, from page: URL) -> String? {
    if target.isEmpty { return "an empty link" }
    if target.hasPrefix("http://") || target.hasPrefix("https://") || target.hasPrefix("mailto:")
      || target.hasPrefix("#")
    {
      return nil
    }
    if target.hasPrefix("/") || target.contains("://") {
      return "\(target): not a path in the repository"
    }
    let path = String(target.prefix { $0 != "#" && $0 != "?" })
    let resolved = page.deletingLastPathComponent().appendingPathComponent(path).standardizedFileURL
    let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
    guard resolved.path.hasPrefix(rootPath) || resolved.path + "/" == rootPath else {
      return "\(target): outside the repository"
    }
    guard FileManager.default.fileExists(atPath: resolved.path) else {
      return "\(target): no such file"
    }
    return nil
  }

  @Test func everyLinkResolvesInsideTheRepository() throws {
    let pages = Self.pages
    #expect(pages.count > 1, "no docs/ found under \(Self.root.path)")
    var problems: [String] = []
    for page in pages {
      let text = try String(contentsOf: page, encoding: .utf8)
      let name = String(page.path.dropFirst(Self.root.path.count + 1))
      for link in Self.links(in: text) {
        if let problem = Self.problem(link.target, from: page) {
          problems.append("\(name):\(link.line): \(problem)")
        }
      }
    }
    #expect(problems.isEmpty, "\n\(problems.joined(separator: "\n"))")
  }

  @Test func noPageSendsReadersToTheSharedFolder() throws {
    for page in Self.pages {
      let text = try String(contentsOf: page, encoding: .utf8)
      #expect(!text.contains("../shared/DESIGN"), "\(page.lastPathComponent)")
    }
  }

  /// The checker itself finds each kind of bad link, and passes the good ones.
  @Test(arguments: [
    ("[design](../shared/DESIGN.md)", "outside the repository"),
    ("[gone](docs/no-such-page.md)", "no such file"),
    ("see [x][1]\n\n[1]: ../../etc/passwd", "outside the repository"),
    ("[abs](/etc/passwd)", "not a path in the repository"),
    ("[ok](docs/scale-out.md#tasks) and [web](https://example.com)", ""),
    ("```\n[not a link](../shared/DESIGN.md)\n```\n`[code](../x)`", ""),
  ])
  func theCheckerFindsBadLinks(_ markdown: String, _ expected: String) {
    let page = Self.root.appendingPathComponent("README.md")
    let problems = Self.links(in: markdown).compactMap { Self.problem($0.target, from: page) }
    if expected.isEmpty {
      #expect(problems.isEmpty, "\(problems)")
    } else {
      #expect(problems.contains { $0.hasSuffix(expected) }, "\(problems)")
    }
  }
}
