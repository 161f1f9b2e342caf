import Foundation
import PlaintCore
import PlaintIngest
import PlaintReport
import PlaintTestSupport
import Testing

@testable import PlaintEngine

/// The keys of `plaint.yml` that take a word from a fixed vocabulary: every word of it reads back
/// as itself, and any other word is refused with a line naming the key and every word allowed.
@Suite struct ConfigurationVocabularyTests {
  /// One vocabulary: its key path, its words, the config that sets it to a word, and what the
  /// parsed configuration holds for it.
  struct Vocabulary: Sendable, CustomStringConvertible {
    var key: String
    var words: [String]
    var yaml: @Sendable (String) -> String
    var read: @Sendable (Configuration) -> String?
    var description: String { key }
  }

  static let source = "sources:\n  - path: a.csv\n    profile: zendesk\n"

  static let vocabularies: [Vocabulary] = [
    Vocabulary(
      key: "control.method", words: Configuration.Method.allCases.map(\.rawValue),
      yaml: { source + "control: {method: \"\($0)\"}\n" },
      read: { $0.control.method.rawValue }),
    Vocabulary(
      key: "control.run_rules", words: RunRulePolicy.allCases.map(\.rawValue),
      yaml: { source + "control: {run_rules: \"\($0)\"}\n" },
      read: { $0.control.runRules.rawValue }),
    Vocabulary(
      key: "control.rules", words: RunRule.allCases.map(\.rawValue),
      yaml: { source + "control: {rules: [\"\($0)\"]}\n" },
      read: { $0.control.rules.map(\.rawValue).first }),
    Vocabulary(
      key: "sources.0.encoding", words: TextEncoding.allCases.map(\.rawValue),
      yaml: { "sources:\n  - path: a.csv\n    profile: zendesk\n    encoding: \"\($0)\"\n" },
      read: { $0.sources.first?.encoding.rawValue }),
    Vocabulary(
      key: "reports.formats", words: ReportFormat.allCases.map(\.rawValue),
      yaml: { source + "reports: {formats: [\"\($0)\"]}\n" },
      read: { $0.reports.formats.map(\.rawValue).first }),
    Vocabulary(
      key: "reports.language", words: ReportLanguage.allCases.map(\.rawValue),
      yaml: { source + "reports: {language: \"\($0)\"}\n" },
      read: { $0.reports.language.rawValue }),
  ]

  private static func parse(_ yaml: String) throws -> Configuration {
    try Configuration.parse(yaml, file: "plaint.yml", directory: URL(fileURLWithPath: "/tmp/v"))
  }

  @Test(arguments: vocabularies)
  func everyWordReadsBackAsItself(_ vocabulary: Vocabulary) throws {
    #expect(!vocabulary.words.isEmpty)
    for word in vocabulary.words {
      #expect(vocabulary.read(try Self.parse(vocabulary.yaml(word))) == word, "\(word)")
    }
  }

  @Test(arguments: vocabularies)
  func anyOtherWordIsRefusedNamingTheKeyAndTheWords(_ vocabulary: Vocabulary) {
    var random = SplitMix64(seed: UInt64(vocabulary.key.utf8.count))
    let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789_-")
    var others = vocabulary.words.map { $0.uppercased() } + vocabulary.words.map { $0 + "s" }
    others += ["", " ", "auto ", "none"]
    for _ in 0..<40 {
      others.append(
        String((0...random.next(below: 10)).map { _ in letters[random.next(below: 38)] }))
    }
    for word in others where !vocabulary.words.contains(word) {
      do {
        _ = try Self.parse(vocabulary.yaml(word))
        Issue.record("\(vocabulary.key): \"\(word)\" was accepted")
      } catch {
        let message = "\(error)"
        #expect(message.hasPrefix("plaint.yml:"), "\(message)")
        #expect(message.contains("`\(vocabulary.key)"), "\(message)")
        #expect(message.contains("\"\(word)\""), "\(message)")
        #expect(message.hasSuffix(vocabulary.words.joined(separator: ", ")), "\(message)")
      }
    }
  }
}
