import Testing

@testable import PlaintCore
import PlaintTestSupport

@Suite("Text folding")
struct TextFoldingTests {
  @Test(
    "Case, accents and special letters fold the same way",
    arguments: [
      ("ARIZALI", "arizali"), ("arızalı", "arizali"), ("İstanbul", "istanbul"),
      ("ISTANBUL", "istanbul"), ("Straße", "strasse"), ("STRASSE", "strasse"), ("ẞ", "ss"),
      ("Müller Größe", "muller grosse"), ("Łódź", "lodz"),
      ("zażółć gęślą jaźń", "zazolc gesla jazn"), ("ΕΠΙΣΤΡΟΦΉ", "επιστροφη"),
      ("αγενής", "αγενησ"), ("ΆΈΉΊΌΎΏ", "αεηιουω"), ("Crème brûlée", "creme brulee"),
      ("Ñandú", "nandu"), ("œuvre Æsir", "oeuvre aesir"), ("Øre", "ore"), ("Đorđe", "dorde"),
      ("e\u{301}te\u{301}", "ete"), ("ﬁle", "file"), ("ＡＢＣ１２３", "abc123"),
    ])
  func letters(input: String, folded: String) {
    #expect(TextFolding.fold(input) == folded)
  }

  @Test(
    "Whitespace, punctuation and symbols collapse to single spaces",
    arguments: [
      ("  Hello,   World!!  ", "hello world"), ("a—b…c", "a b c"),
      ("tab\tnew\nline\r\n", "tab new line"), ("air-fryer_2000", "air fryer 2000"),
      ("ＡＢＣ　１２３", "abc 123"), ("😡\u{FE0F} angry 👍🏽", "angry"), ("", ""), ("!!! ???", ""),
      ("soft\u{AD}hyphen", "softhyphen"),
    ])
  func separators(input: String, folded: String) {
    #expect(TextFolding.fold(input) == folded)
  }

  @Test(
    "Han, Kana and Hangul are kept, punctuation between them is not",
    arguments: [
      ("我的空气炸锅坏了。", "我的空气炸锅坏了"), ("退款，谢谢！", "退款 谢谢"),
      ("「壊れました」", "壊れました"), ("환불 요청!", "환불 요청"),
    ])
  func unspacedScripts(input: String, folded: String) {
    #expect(TextFolding.fold(input) == folded)
  }

  @Test("Thai keeps its vowel and tone marks")
  func thai() {
    let folded = TextFolding.fold("“ไม่ทำงาน”")
    #expect(folded == TextFolding.fold("ไม่ทำงาน"))
    #expect(folded.unicodeScalars.contains("\u{0E48}"))  // MAI EK, a tone mark
    #expect(folded.unicodeScalars.count >= "ไม่ทำงาน".unicodeScalars.count)
  }

  @Test("Every scalar the fold table covers folds to a fixed point")
  func tableIsIdempotent() {
    var failures: [String] = []
    for value in UInt32(0x80)..<0x1_0000 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let once = TextFolding.fold(String(Character(scalar)))
      let twice = TextFolding.fold(once)
      if once != twice {
        failures.append("U+\(String(value, radix: 16, uppercase: true)): \(once) → \(twice)")
      }
    }
    #expect(failures.isEmpty, "\(failures.prefix(10))")
  }

  @Test("Folding is idempotent and well-formed on seeded random text")
  func randomIdempotence() {
    var random = SplitMix64(seed: 0x5EED_F01D)
    let pools: [ClosedRange<UInt32>] = [
      0x20...0x7E, 0xA0...0x17F, 0x300...0x36F, 0x370...0x3FF, 0x400...0x4FF, 0x1E00...0x1FFF,
      0x2000...0x215F, 0x3000...0x30FF, 0x4E00...0x4E80, 0xAC00...0xAC80, 0xE00...0xE7F,
      0xFB00...0xFB06, 0xFF00...0xFF9F, 0x1F300...0x1F64F, 0x80...0xFFFF,
    ]
    for _ in 0..<3_000 {
      var scalars = String.UnicodeScalarView()
      for _ in 0..<Int.random(in: 0...40, using: &random) {
        let pool = pools[Int.random(in: 0..<pools.count, using: &random)]
        if let scalar = Unicode.Scalar(UInt32.random(in: pool, using: &random)) {
          scalars.append(scalar)
        }
      }
      let text = String(scalars)
      let folded = TextFolding.fold(text)
      #expect(TextFolding.fold(folded) == folded, "\(Array(text.unicodeScalars))")
      #expect(!folded.hasPrefix(" ") && !folded.hasSuffix(" ") && !folded.contains("  "))
    }
  }

  @Test("Runs of the most expanding scalars are folded whole, never cut off")
  func capacity() {
    var failures: [String] = []
    for value in UInt32(0x80)..<0x3400 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let once = TextFolding.withFolded(String(Character(scalar)), trimming: false) {
        String(decoding: $0, as: UTF8.self)
      }
      guard !once.isEmpty, !once.utf8.contains(0x20) else { continue }
      let run = TextFolding.fold(String(repeating: String(Character(scalar)), count: 40))
      if run != String(repeating: once, count: 40) {
        failures.append("U+\(String(value, radix: 16, uppercase: true))")
      }
    }
    #expect(failures.isEmpty, "\(failures.prefix(10))")
  }

  @Test("Invalid UTF-8 bytes fold to separators instead of failing")
  func invalidBytes() {
    let bytes: [UInt8] = [0x61, 0xFF, 0x62, 0xC3, 0x20, 0xE4, 0xB8, 0x63, 0xC3, 0xA9]
    let folded = bytes.withUnsafeBufferPointer { input in
      let capacity = TextFolding.capacity(forUTF8Count: input.count)
      return [UInt8](unsafeUninitializedCapacity: capacity) { output, count in
        count = TextFolding.fold(input, into: output)
      }
    }
    #expect(String(decoding: folded, as: UTF8.self) == "a b ce")
  }
}
