/// Words too common to mark an issue, per starter language, folded like ticket text.
///
/// They keep the unclassified-terms table and `taxonomy suggest` on words that carry meaning, and
/// they tell a ticket's language: the list with the most hits names it.
public enum Stopwords {
  /// The starter languages, in the order ties between them are broken.
  public static let languages = ["en", "de", "fr", "es", "pl", "tr", "el", "zh"]

  /// Folded stopwords by language.
  public static let byLanguage: [String: Set<String>] = {
    var lists: [String: Set<String>] = [:]
    for (language, words) in raw {
      lists[language] = Set(
        words.split(separator: " ").map { TextFolding.fold(String($0)) }.filter { !$0.isEmpty })
    }
    return lists
  }()

  /// Every language's stopwords in one set.
  public static let all: Set<String> = byLanguage.values.reduce(into: []) { $0.formUnion($1) }

  /// Whether a folded word is a stopword in any starter language.
  public static func contains(_ word: some StringProtocol) -> Bool { all.contains(String(word)) }

  /// The language of folded words: Han or Kana make it `zh`, Greek letters `el`; otherwise the
  /// language whose stopwords occur most often, or nil when none occurs.
  public static func language(of words: [String]) -> String? {
    var hits: [String: Int] = [:]
    var han = 0
    var greek = 0
    for word in words {
      if let first = word.unicodeScalars.first?.value {
        if Script.isUnspaced(first) { han += 1 }
        if (0x0370...0x03FF).contains(first) { greek += 1 }
      }
      for language in languages where byLanguage[language]?.contains(word) == true {
        hits[language, default: 0] += 1
      }
    }
    if han * 2 > words.count { return "zh" }
    if greek * 2 > words.count { return "el" }
    var best: (language: String, count: Int)? = nil
    for language in languages {
      let count = hits[language] ?? 0
      if count > (best?.count ?? 0) { best = (language, count) }
    }
    return best?.language
  }

  private static let raw: [String: String] = [
    "en": """
    a about above after again against all also am an and any are as at be because been before \
    being below between both but by can could did do does doing don down during each few for \
    from further had has have having he her here hers herself him himself his how i if in into \
    is it its itself just me more most my myself no nor not now of off on once only or other \
    our ours ourselves out over own same she should so some such than that the their theirs \
    them themselves then there these they this those through to too under until up very was we \
    were what when where which while who whom why will with would you your yours yourself \
    yourselves im ive dont didnt cant wont isnt wasnt doesnt also get got would please said \
    told one two us may might must shall since still even however because within without \
    upon via per xx xxxx xxxxxxxx
    """,
    "de": """
    aber alle allem allen aller alles als also am an ander andere anderem anderen anderer \
    anderes auch auf aus bei bin bis bist da damit dann das dass dein deine dem den der des \
    dich die dies diese diesem diesen dieser dieses dir doch dort du durch ein eine einem \
    einen einer eines er es etwas euch euer für gegen hab habe haben hat hatte hier hin \
    hinter ich ihm ihn ihnen ihr ihre im in indem ins ist jede jedem jeden jeder jedes jetzt \
    kann kein keine können man mein meine mich mir mit muss nach nicht nichts noch nun nur ob \
    oder ohne sehr sein seine sich sie sind so soll sondern über um und uns unser unter vom \
    von vor war waren warum was weil welche wenn wer werde werden wie wieder wir wird wo zu \
    zum zur zwar zwischen bitte schon wurde wurden mehr meinem meinen meiner meines ihrem \
    ihren ihnen seinem seinen seit
    """,
    "fr": """
    a à au aux avec ce ces cette dans de des du elle elles en est et eux il ils je la le les \
    leur leurs lui ma mais me même mes moi mon ne nos notre nous on ou où par pas pour qu que \
    qui sa se ses son sur ta te tes toi ton tu un une vos votre vous c d j l m n s t y été \
    était être avoir ai as avons avez ont suis es sommes êtes sont fait plus très tout tous \
    toute toutes sans depuis encore aussi comme merci
    """,
    "es": """
    a al algo algunas algunos ante antes como con contra cual cuando de del desde donde \
    durante e el ella ellas ellos en entre era es esa esas ese eso esos esta estaba estado \
    estamos estan estar este esto estos fue fueron ha han hasta hay la las le les lo los me \
    mi mis mucho muy nada ni no nos nosotros o otra otro para pero poco por porque que quien \
    se sea ser si sin sobre son su sus también te tengo tiene todo todos tu tus un una uno \
    unos y ya yo gracias favor
    """,
    "pl": """
    a aby ale bardzo bez bo być był była było były co czy dla do gdy gdzie i ich ja jak jako \
    jest jeszcze jego jej jestem już każdy kiedy kto która które który ma mam mi mnie mój \
    może na nad nam nas nie nic nich niż o od oraz po pod przed przez przy się sobie są ta \
    tak także tam te tego tej ten to tu tylko tym w we więc wszystko z za że żeby proszę \
    został została zostało
    """,
    "tr": """
    acaba ama ancak artık aslında az bana bazı belki ben beni benim bile bir birkaç biri \
    birşey biz bize bizi bu buna bunu bunun çok çünkü da daha de defa diye en gibi hem hep \
    hepsi her hiç ile ise için kadar ki kim mi mu mü nasıl ne neden nerede niye o olan olarak \
    oldu olduğu olmak olsun on ona onu onun şey şu sonra tüm ve veya ya yani yine edilmesi \
    ediyorum etmek etti talep rica lütfen var yok olan hala
    """,
    "el": """
    αλλά αν από για δεν είναι εγώ εδώ εκεί έχει έχω η θα και κάθε κατά με μετά μη μην μου \
    να ο οι όλα όπως ότι πολύ που πως σας σε στη στην στο στον στα στις στους τα την της το \
    τον τους των τι ως εμείς εσείς αυτό αυτή αυτός ένα μια ήταν ακόμα παρακαλώ
    """,
    "zh": """
    的 了 是 我 在 有 不 这 就 也 都 和 你 他 她 它 很 到 说 要 会 我们 你们 他们 一个 没有 \
    什么 因为 所以 但是 还 又 被 把 给 吧 呢 吗 啊 着 过 与 及 或 而 之 其
    """,
  ]
}

/// Words, stems and two- and three-word phrases of folded text, as taxonomy phrases would match
/// them.
public enum Terms {
  /// The words of folded text; a run of an unspaced script (Han, Kana, Thai) gives one word per
  /// character, as phrases there match as substrings.
  public static func words(ofFolded folded: String) -> [String] {
    var words: [String] = []
    // ASCII text (CR aside) has no unspaced script and no character of several scalars: its
    // words are its runs of bytes between spaces (splitting by Character costs a grapheme
    // check a byte).
    if isOneBytePerCharacter(folded) {
      // Runs found by one pass over the bytes: `utf8.split` built an array of slices and a
      // Substring per word, twice the cost of the words themselves.
      var text = folded
      text.withUTF8 { bytes in
        var start = 0
        for end in 0...bytes.count where end == bytes.count || bytes[end] == 0x20 {
          if end > start {
            words.append(
              String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
          }
          start = end + 1
        }
      }
      return words
    }
    for token in folded.split(separator: " ") {
      var current = ""
      for scalar in token.unicodeScalars {
        if Script.isUnspaced(scalar.value) {
          if !current.isEmpty { words.append(current) }
          current = ""
          words.append(String(scalar))
        } else {
          current.unicodeScalars.append(scalar)
        }
      }
      if !current.isEmpty { words.append(current) }
    }
    return words
  }

  /// Calls `body` with the bytes of each word of folded UTF-8 text, the words `words(ofFolded:)`
  /// gives, and returns true; or returns false, calling nothing, when a space of the text may be
  /// joined to a character beside it (a combining mark after it, say): a space that is not a
  /// character of its own does not cut a word, and only `words(ofFolded:)` tells the words then.
  public static func forEachWord(
    ofFolded bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void
  ) -> Bool {
    guard spacesStandAlone(bytes) else { return false }
    func emit(_ start: Int, _ end: Int) {
      if end > start { body(UnsafeBufferPointer(rebasing: bytes[start..<end])) }
    }
    var start = 0
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte < 0x80 {
        if byte == 0x20 {
          emit(start, index)
          start = index + 1
        }
        index += 1
        continue
      }
      let next = UTF8Scalar.next(bytes, after: index)
      // A character of an unspaced script is a word of its own.
      if let value = UTF8Scalar.decode(bytes, at: index)?.0, Script.isUnspaced(value) {
        emit(start, index)
        emit(index, next)
        start = next
      }
      index = next
    }
    emit(start, bytes.count)
    return true
  }

  /// Whether every space of the text is a character of its own: no mark, joiner or format
  /// character after it, no prepended sign before it (what Unicode's grapheme rules join to a
  /// space; ASCII never is). Cautious: a few characters that never join a space count too.
  static func spacesStandAlone(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    for index in bytes.indices where bytes[index] == 0x20 {
      if index + 1 < bytes.count, bytes[index + 1] >= 0x80,
        let after = UTF8Scalar.decode(bytes, at: index + 1)?.0, mayJoinSpaceBefore(after)
      {
        return false
      }
      if index > 0, bytes[index - 1] >= 0x80,
        let before = UTF8Scalar.decode(bytes, before: index), mayJoinSpaceAfter(before)
      {
        return false
      }
    }
    return true
  }

  /// Marks, joiners, format characters, emoji modifiers, and the scripts whose letters include
  /// spacing marks (Thai, Lao, Myanmar, Khmer).
  private static func mayJoinSpaceBefore(_ value: UInt32) -> Bool {
    switch value {
    case 0x0E00...0x0EFF, 0x1000...0x109F, 0x1780...0x17FF, 0x1F3FB...0x1F3FF: return true
    default: break
    }
    guard let scalar = Unicode.Scalar(value) else { return true }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark, .format: return true
    default: return scalar.properties.isGraphemeExtend
    }
  }

  /// Prepended concatenation marks (format characters) and the few letters that prepend.
  private static func mayJoinSpaceAfter(_ value: UInt32) -> Bool {
    if value == 0x0D4E || value >= 0x11000 { return true }
    return Unicode.Scalar(value).map { $0.properties.generalCategory == .format } ?? true
  }

  /// Whether a word is written in an unspaced script (it joins its neighbours without a space).
  public static func isUnspaced(_ word: String) -> Bool {
    word.unicodeScalars.first.map { Script.isUnspaced($0.value) } ?? false
  }

  /// The distinct phrases of one to `maxWords` words that neither start nor end with a stopword
  /// and are not only digits; an unspaced word stands alone only with another beside it.
  public static func phrases(of words: [String], maxWords: Int = 3) -> Set<String> {
    var found = Set<String>(minimumCapacity: words.count * 2)
    // Each word's kind, found once: a word is looked at by up to `maxWords` phrases.
    let kinds = words.map(WordKind.init)
    forEachPhrase(kinds, maxWords: maxWords) { start, end in
      found.insert(phrase(words[start...end], unspaced: kinds[start].unspaced))
    }
    return found
  }

  /// The phrase of consecutive `words`, all spaced or all unspaced (as `forEachPhrase` gives
  /// them): joined by spaces, or without them in an unspaced script.
  public static func phrase(_ words: ArraySlice<String>, unspaced: Bool) -> String {
    words.joined(separator: unspaced ? "" : " ")
  }

  /// What `forEachPhrase` asks of a word.
  public struct WordKind: Sendable {
    public var stop: Bool
    public var noise: Bool
    public var unspaced: Bool
    /// Fewer than three characters: too short to stand alone.
    public var short: Bool

    public init(_ word: String) {
      stop = Stopwords.contains(word)
      noise = Terms.isNoise(word)
      unspaced = Terms.isUnspaced(word)
      short = Terms.characters(word) < 3
    }
  }

  /// Calls `body` with the first and last index of every phrase `phrases(of:)` holds, in the
  /// words whose kinds are `kinds` (a phrase may come more than once); its words are all spaced
  /// or all unspaced.
  public static func forEachPhrase(
    _ kinds: [WordKind], maxWords: Int = 3, _ body: (_ start: Int, _ end: Int) -> Void
  ) {
    for start in kinds.indices {
      if kinds[start].stop || kinds[start].noise { continue }
      let spaced = !kinds[start].unspaced
      for end in start..<min(kinds.count, start + maxWords) {
        let unspaced = kinds[end].unspaced
        if end > start {
          if kinds[end].noise { break }
          if unspaced != !spaced { break }  // no phrase mixes Han and Latin words
        }
        if kinds[end].stop { continue }
        if unspaced && end == start { continue }
        if !unspaced && end == start && kinds[end].short { continue }
        body(start, end)
      }
    }
  }

  /// Digits, a single letter, or a redaction mark (`xxxx`, `XX/XX/2019` folded: runs of x).
  static func isNoise(_ word: String) -> Bool {
    // ASCII: a byte is a character, and only 0–9 are numbers.
    if isOneBytePerCharacter(word) {
      let bytes = word.utf8
      return bytes.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } || bytes.count < 2
        || bytes.allSatisfy { $0 == UInt8(ascii: "x") }
    }
    return word.allSatisfy(\.isNumber) || (!isUnspaced(word) && word.count < 2)
      || (word.count >= 2 && word.allSatisfy { $0 == "x" })
  }

  /// The number of characters of `word`, from its bytes when it is ASCII.
  static func characters(_ word: String) -> Int {
    isOneBytePerCharacter(word) ? word.utf8.count : word.count
  }

  /// ASCII without a CR (CR LF is one character of two bytes): each byte is one character.
  static func isOneBytePerCharacter(_ text: String) -> Bool {
    text.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D }
  }

  /// Endings a light stemmer takes off, per language, longest first.
  static let endings: [String: [String]] = [
    "en": ["ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ed", "es", "s", "ly"],
    "de": ["ungen", "ung", "en", "er", "es", "em", "e", "n", "s"],
    "fr": ["ements", "ement", "ées", "és", "ée", "es", "er", "é", "e", "s"],
    "es": ["ciones", "ción", "ados", "adas", "ado", "ada", "os", "as", "es", "o", "a", "s"],
    "pl": ["ami", "ach", "ów", "om", "ie", "y", "a", "e", "i", "u", "ę", "ą"],
    "tr": [
      "ları", "leri", "lar", "ler", "dan", "den", "tan", "ten", "da", "de", "ı", "i", "u", "ü",
    ],
    "el": ["ματα", "ων", "ες", "ος", "ου", "ας", "α", "η", "ο", "ι", "ς"],
  ].mapValues { $0.map { TextFolding.fold($0) } }

  /// The stem of a folded word in `language`, when the language inflects and the stem keeps at
  /// least five characters; nil otherwise.
  public static func stem(of word: String, language: String) -> String? {
    guard let endings = endings[language] else { return nil }
    for ending in endings where word.hasSuffix(ending) {
      let stem = String(word.dropLast(ending.count))
      if stem.count >= 5 { return stem }
    }
    return nil
  }
}
