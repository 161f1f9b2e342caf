import Foundation

// The two tables behind the terms of unclassified complaints (`WindowTally.addTerms`), open
// addressing over flat arrays: a report reads every word of every unclassified complaint of its
// period, and the standard dictionaries hashed each word and phrase with SipHash and made a
// string of each word to look it up.

/// Word numbers by the word's folded bytes. A memo in front of the numbering by string: a word
/// whose bytes were met before gets the number its string got, so the numbers are the ones the
/// strings alone would give.
struct WordNumbers {
  private var slots = OpenSlots()
  private var entries: [Entry] = []
  /// Every word's bytes, one after another.
  private var bytes: [UInt8] = []

  private struct Entry {
    var hash: UInt64
    var start: Int
    var count: Int
    var number: Int32
  }

  /// FNV-1a over eight bytes at a time, then mixed.
  static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(word.count)
    let raw = UnsafeRawBufferPointer(word)
    var index = 0
    while index + 8 <= raw.count {
      hash = (hash ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0x100_0000_01B3
      hash ^= hash >> 29
      index += 8
    }
    var tail: UInt64 = 0
    while index < raw.count {
      tail = tail << 8 | UInt64(raw[index])
      index += 1
    }
    hash = (hash ^ tail) &* 0x9E37_79B9_7F4A_7C15
    return hash ^ hash >> 32
  }

  func find(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32? {
    slots.find(Int(truncatingIfNeeded: hash)) { position in
      entries[position].hash == hash && entries[position].count == word.count
        && holds(entries[position], word)
    }.position.map { entries[$0].number }
  }

  /// Whether the entry's bytes are the word's (of the same count).
  private func holds(_ entry: Entry, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
    bytes.withUnsafeBufferPointer { stored in
      guard let base = stored.baseAddress, let start = word.baseAddress else { return word.isEmpty }
      return memcmp(base + entry.start, start, word.count) == 0
    }
  }

  /// Records a word not found.
  mutating func insert(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64, number: Int32) {
    let free = slots.find(Int(truncatingIfNeeded: hash)) { _ in false }.free
    entries.append(Entry(hash: hash, start: bytes.count, count: word.count, number: number))
    bytes.append(contentsOf: word)
    slots.add(entries.count - 1, at: free) { Int(truncatingIfNeeded: entries[$0].hash) }
  }
}

/// Complaints per phrase of numbered words and period, each complaint counted once however
/// often the phrase comes in its text.
struct PhraseCounts {
  struct Phrase: Equatable {
    var period: Int32
    /// Word numbers; -1 past the phrase's last word.
    var first: Int32
    var second: Int32
    var third: Int32
  }

  private struct Entry {
    var phrase: Phrase
    var hash: Int
    var count: Int
    /// The last complaint counted.
    var ticket: Int32
  }

  private var slots = OpenSlots()
  private var entries: [Entry] = []

  var isEmpty: Bool { entries.isEmpty }

  private static func hash(_ phrase: Phrase) -> Int {
    let low =
      UInt64(UInt32(bitPattern: phrase.period)) | UInt64(UInt32(bitPattern: phrase.first)) << 32
    let high =
      UInt64(UInt32(bitPattern: phrase.second)) | UInt64(UInt32(bitPattern: phrase.third)) << 32
    var hash = (low ^ 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
    hash = (hash ^ hash >> 31 ^ high) &* 0x94D0_49BB_1331_11EB
    return Int(truncatingIfNeeded: hash ^ hash >> 29)
  }

  /// One more complaint with `phrase`, unless complaint `ticket` counted it already.
  mutating func count(_ phrase: Phrase, ticket: Int32) {
    let hash = Self.hash(phrase)
    let found = slots.find(hash) { entries[$0].phrase == phrase }
    guard let position = found.position else {
      entries.append(Entry(phrase: phrase, hash: hash, count: 1, ticket: ticket))
      slots.add(entries.count - 1, at: found.free) { entries[$0].hash }
      return
    }
    if entries[position].ticket != ticket {
      entries[position].count += 1
      entries[position].ticket = ticket
    }
  }

  func forEach(_ body: (Phrase, Int) -> Void) {
    for entry in entries { body(entry.phrase, entry.count) }
  }
}

/// Entry positions by hash for the two tables: open addressing with linear probing over a
/// power-of-two array kept at most half full. The owner keeps the entries, in the order added.
struct OpenSlots {
  /// Positions + 1 (0: empty).
  private var slots = [Int32](repeating: 0, count: 1_024)

  /// The first entry from `hash`'s slot on that `matches`, or nil and the free slot where a new
  /// entry of that hash goes.
  func find(_ hash: Int, _ matches: (Int) -> Bool) -> (position: Int?, free: Int) {
    let mask = slots.count - 1
    var slot = hash & mask
    while slots[slot] != 0 {
      let position = Int(slots[slot]) - 1
      if matches(position) { return (position, slot) }
      slot = (slot + 1) & mask
    }
    return (nil, slot)
  }

  /// Puts the entry at `position`, the last added, in the free slot `find` gave; past half full,
  /// every entry (by `hash`) into twice the slots.
  mutating func add(_ position: Int, at free: Int, hash: (Int) -> Int) {
    slots[free] = Int32(position + 1)
    guard (position + 1) * 2 > slots.count else { return }
    slots = [Int32](repeating: 0, count: slots.count * 2)
    for placed in 0...position {
      slots[find(hash(placed)) { _ in false }.free] = Int32(placed + 1)
    }
  }
}
