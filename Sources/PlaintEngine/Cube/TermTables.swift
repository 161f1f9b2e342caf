import Foundation

// The two tables behind the terms of unclassified complaints (`WindowTally.addTerms`), open
// addressing over flat arrays: a report reads every word of every unclassified complaint of its
// period, and the standard dictionaries hashed each word and phrase with SipHash and made a
// string of each word to look it up.

/// Word numbers by the word's folded bytes. A memo in front of the numbering by string: a word
/// whose bytes were met before gets the number its string got, so the numbers are the ones the
/// strings alone would give.
struct WordNumbers {
  /// Positions in `entries` + 1 (0: empty), a power of two of them.
  private var slots = [Int32](repeating: 0, count: 1_024)
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
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] != 0 {
      let entry = entries[Int(slots[slot]) - 1]
      if entry.hash == hash, entry.count == word.count, holds(entry, word) {
        return entry.number
      }
      slot = (slot + 1) & mask
    }
    return nil
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
    if (entries.count + 1) * 2 > slots.count { grow() }
    entries.append(Entry(hash: hash, start: bytes.count, count: word.count, number: number))
    bytes.append(contentsOf: word)
    place(entries.count - 1)
  }

  private mutating func place(_ position: Int) {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: entries[position].hash) & mask
    while slots[slot] != 0 { slot = (slot + 1) & mask }
    slots[slot] = Int32(position + 1)
  }

  private mutating func grow() {
    slots = [Int32](repeating: 0, count: slots.count * 2)
    for position in entries.indices { place(position) }
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
    var count: Int
    /// The last complaint counted.
    var ticket: Int32
  }

  /// Positions in `entries` + 1 (0: empty), a power of two of them.
  private var slots = [Int32](repeating: 0, count: 1_024)
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
    let mask = slots.count - 1
    var slot = Self.hash(phrase) & mask
    while slots[slot] != 0 {
      let position = Int(slots[slot]) - 1
      if entries[position].phrase == phrase {
        if entries[position].ticket != ticket {
          entries[position].count += 1
          entries[position].ticket = ticket
        }
        return
      }
      slot = (slot + 1) & mask
    }
    entries.append(Entry(phrase: phrase, count: 1, ticket: ticket))
    slots[slot] = Int32(entries.count)
    if entries.count * 2 > slots.count { grow() }
  }

  func forEach(_ body: (Phrase, Int) -> Void) {
    for entry in entries { body(entry.phrase, entry.count) }
  }

  private mutating func grow() {
    slots = [Int32](repeating: 0, count: slots.count * 2)
    let mask = slots.count - 1
    for position in entries.indices {
      var slot = Self.hash(entries[position].phrase) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(position + 1)
    }
  }
}
