import Testing

@testable import PlaintIngest

struct DelimiterSnifferTests {
  static func sniff(_ text: String, header: [String] = []) -> UInt8 {
    Array(text.utf8).withUnsafeBytes { bytes in
      DelimiterSniffer.sniff(bytes) { fields in
        header.allSatisfy(fields.contains) && !header.isEmpty
      }
    }
  }

  @Test(arguments: [
    ("a,b,c\n1,2,3\n", UInt8(ascii: ",")),
    ("a;b;c\n1;2,5;3\n4;5;6\n", UInt8(ascii: ";")),
    ("a\tb\tc\n1\t2\t3\n", 0x09),
    ("a|b|c\n1|2|3\n", UInt8(ascii: "|")),
    ("\"x;y\",b\n\"1;2\",3\n", UInt8(ascii: ",")),
    ("plain words\n", UInt8(ascii: ",")),
  ])
  func byConsistentFieldCounts(text: String, expected: UInt8) {
    #expect(Self.sniff(text) == expected)
  }

  @Test func theHeaderTheMappingNeedsDecides() {
    // The title line has more commas than the header has semicolons.
    let text = "Export, October, all teams, final\nId;Subject\n1;a, b, c, d\n"
    #expect(Self.sniff(text, header: ["Id", "Subject"]) == UInt8(ascii: ";"))
  }
}

struct RowEndsTests {
  @Test(arguments: [
    ("a\nb\n", RowEnds.lf),
    ("a\r\nb\r\n", .lf),
    ("a\rb\rc\r", .crOrLF),
    ("a \r\r b\nc\nd\n", .lf),
    ("no breaks", .crOrLF),
  ])
  func sniff(text: String, expected: RowEnds) {
    #expect(Array(text.utf8).withUnsafeBytes { RowEnds.sniff($0) } == expected)
  }
}
