import Foundation
import Testing

@testable import PlaintEngine

/// `covers:` names the first and last day a source's exports cover; either edge may be left
/// out and is then open, so `covers: {through: 2099-12-31}` — the setting docs/coverage.md
/// gives a desk closed at weekends — is read as written.
@Suite struct ConfigurationCoversTests {
  private static func covers(_ yaml: String) throws -> Configuration.Source.Covers? {
    let text = "sources:\n  - path: a.csv\n    profile: zendesk\n    covers: \(yaml)\n"
    return try Configuration.parse(
      text, file: "plaint.yml", directory: URL(fileURLWithPath: "/tmp/config")
    ).sources.first?.covers
  }

  @Test(arguments: [
    ("{through: 2099-12-31}", "0001-01-01", "2099-12-31"),
    ("{from: 2025-06-02}", "2025-06-02", "9999-12-31"),
    ("{from: 2025-06-02, through: 2026-11-29}", "2025-06-02", "2026-11-29"),
  ])
  func eitherEdgeMayBeLeftOpen(_ yaml: String, _ from: String, _ through: String) throws {
    let covers = try #require(try Self.covers(yaml))
    #expect(covers.from.description == from)
    #expect(covers.through.description == through)
  }

  @Test(arguments: [
    (
      "{}",
      "plaint.yml:4: `sources.0.covers`: `covers` names `from`, `through` or both: the first and last day the exports cover (`covers: {through: 2099-12-31}` for a help desk closed at weekends)"
    ),
    (
      "{through: 2099-13-01}",
      "plaint.yml:4: `sources.0.covers.through`: expected a day such as 2025-01-31, got \"2099-13-01\""
    ),
    (
      "{from: 2026-01-02, through: 2026-01-01}",
      "plaint.yml:4: `sources.0.covers`: `covers.from` (2026-01-02) is after `covers.through` (2026-01-01)"
    ),
  ])
  func aBadCoversIsOneLineNamingTheKey(_ yaml: String, _ message: String) {
    do {
      _ = try Self.covers(yaml)
      Issue.record("\(yaml) was accepted")
    } catch {
      #expect("\(error)" == message)
    }
  }
}
