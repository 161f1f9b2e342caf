import Foundation
import PlaintTestSupport
import Testing

@testable import PlaintEngine

/// The dimension summaries are written and read as JSON without Foundation's coders
/// (`StringRowsJSON`): the bytes must be Foundation's, and what is read back must be what was
/// written, for any strings a help-desk export can put in a channel or an agent's name.
@Suite struct StringRowsJSONTests {
  /// Characters that JSON escapes, multi-byte ones, a character outside the basic plane.
  static let alphabet: [String] = [
    "a", "Z", "0", " ", "\"", "\\", "/", "\u{8}", "\u{C}", "\n", "\r", "\t", "\u{0}", "\u{1}",
    "\u{1F}", "\u{7F}", "é", "€", "\u{2028}", "😀", "ß", ",", "[", "]",
  ]

  static func rows(_ random: inout SplitMix64) -> [[String]] {
    (0..<random.next(below: 5)).map { _ in
      (0..<random.next(below: 7)).map { _ in
        (0..<random.next(below: 9)).map { _ in alphabet[random.next(below: alphabet.count)] }
          .joined()
      }
    }
  }

  @Test(arguments: 0..<200)
  func writesFoundationsBytesAndReadsThemBack(seed: Int) throws {
    var random = SplitMix64(seed: UInt64(seed))
    let rows = Self.rows(&random)
    let written = StringRowsJSON.data(rows)
    #expect(written == (try JSONEncoder().encode(rows)))
    #expect(StringRowsJSON.rows(written) == rows)
  }

  @Test func readsWhatOtherWritersPutInJSON() {
    let text = #" [ [ "a\u00e9\ud83d\ude00" , "\/x" ] , [ ] ] "#
    #expect(StringRowsJSON.rows(Data(text.utf8)) == [["aé😀", "/x"], []])
  }

  @Test(arguments: [
    "", "[", "[[]", "[[\"a\"]]x", "[[1]]", "[[\"a\" \"b\"]]", "[[\"\\x\"]]", "[[\"\\ud800\"]]",
    "[[\"\\udc00\"]]", "[[\"a\nb\"]]", "{}", "[[\"a\"],]",
  ])
  func refusesWhatIsNotAListOfListsOfStrings(text: String) {
    #expect(StringRowsJSON.rows(Data(text.utf8)) == nil)
  }
}
