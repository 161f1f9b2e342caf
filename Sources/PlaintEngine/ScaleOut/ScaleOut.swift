import Foundation
import Logging
import PlaintCore
import PlaintIngest
import PlaintStore

/// One unit of map work: an input file, or a byte range of a large one cut at a record start.
///
/// Printed by `plaint shard` as one JSON object per line; `plaint map` needs nothing else to read
/// it but the same configuration (a range's map reads the header from the file's start).
public struct ShardTask: Codable, Sendable, Equatable {
  /// Position in the run's file order (sources in config order, each glob's matches sorted).
  public var file: Int
  /// Which `sources:` entry reads it.
  public var source: Int
  /// Absolute path, so executors in other directories find it.
  public var path: String
  /// How reports name it (relative to the config).
  public var display: String
  public var sha256: String
  /// The byte range, when the file is split; nil for the whole file.
  public var start: Int?
  public var end: Int?
}

/// `plaint shard | plaint map | plaint reduce | plaint report --from-partials` (docs/scale-out.md).
public enum ScaleOut {
  /// Bytes per range when `plaint shard` splits a large file.
  public static let defaultRangeSize = 64 << 20

  /// The tasks of a configuration: one per input file, or per range of about `rangeSize` bytes
  /// for an uncompressed UTF-8 or windows-1252 file larger than that.
  public static func shard(configurationPath: String, rangeSize: Int = defaultRangeSize)
    throws(PlaintError) -> [ShardTask]
  {
    let configuration = try Configuration.load(path: configurationPath)
    let files = try Ingestion.inputFiles(configuration)
    var tasks: [ShardTask] = []
    for (index, file) in files.enumerated() {
      let sha = try FileDigest.sha256(path: file.settings.path)
      let ranges: [Range<Int>]
      do {
        ranges = try ExportReader(settings: file.settings).ranges(near: rangeSize)
      } catch {
        throw Failure.ingest(error, file: file.settings.displayPath)
      }
      for range in ranges {
        let split = ranges.count > 1
        tasks.append(
          ShardTask(
            file: index, source: file.sourceIndex, path: file.settings.path,
            display: file.settings.displayPath, sha256: sha,
            start: split ? range.lowerBound : nil, end: split ? range.upperBound : nil))
      }
    }
    return tasks
  }

  /// Reads each task line of `input` and writes partial lines to `output`, one file at a time.
  public static func map(
    configurationPath: String, input: some Sequence<String>, output: (String) -> Void
  ) throws(PlaintError) {
    let configuration = try Configuration.load(path: configurationPath)
    let context = try RunContext(configuration: configuration, checkingColumns: false)
    let files = context.files
    for (number, line) in input.enumerated() where !line.isEmpty {
      guard let task = try? JSONDecoder().decode(ShardTask.self, from: Data(line.utf8)),
        task.file >= 0, task.file < files.count, files[task.file].sourceIndex == task.source
      else {
        throw PlaintError(
          .dataError,
          "stdin:\(number + 1): not a task of \(configuration.file) (run plaint shard with the same config)"
        )
      }
      var settings = files[task.file].settings
      settings.path = task.path
      settings.displayPath = task.display
      let reader: ExportReader
      do {
        reader = try ExportReader(settings: settings)
      } catch {
        throw Failure.ingest(error, file: task.display)
      }
      let start = task.start ?? 0
      var partial = AccountingPartial(
        file: task.file, range: start, path: task.display, sha256: task.sha256,
        system: settings.system ?? settings.profile)
      let placement = context.placement
      var first: Date?
      var last: Date?
      var profile = SourceProfile()
      let zone = configuration.timeZone
      let onTicket = { (ticket: Ticket) in
        if first.map({ ticket.created < $0 }) ?? true { first = ticket.created }
        if last.map({ ticket.created > $0 }) ?? true { last = ticket.created }
        let order = CopyOrder(
          file: task.file, range: start, line: ticket.location.line, sha256: task.sha256)
        let placed = placement.place(ticket)
        profile.add(ticket.created, line: placed.cell.productLine, timeZone: zone)
        output(
          PartialLine.ticket(
            TicketPartial(
              occurrences: [task.file: 1], first: order, winner: order, ticket: placed)
          ).encoded())
      }
      let onReject = { (reject: Reject) in
        output(
          PartialLine.reject(RejectPartial(file: task.file, range: start, reject: reject))
            .encoded())
      }
      do {
        let counts: FileAccounting
        if let end = task.end {
          let read = try reader.read(range: start..<end, onTicket: onTicket, onReject: onReject)
          counts = read.accounting
          partial.lines = read.lines
        } else {
          counts = try reader.read(onTicket: onTicket, onReject: onReject)
        }
        // The reader's accepted rows are the partial's `readOK`; reduce decides duplicates.
        partial.rows = counts.rows
        partial.firstCreated = first
        partial.lastCreated = last
        partial.profile = profile
      } catch {
        throw Failure.ingest(error, file: task.display)
      }
      output(PartialLine.accounting(partial).encoded())
    }
  }

  /// Merges partial lines (from map or from earlier reduces) into one line per ticket key and
  /// per file, sorted; associative, so it can run in stages.
  ///
  /// A line whose key occurs once passes through as it is (most tickets are exported once); only
  /// lines that share a key are decoded and merged. Output is sorted by key, so the same input
  /// gives the same bytes.
  public static func reduce(
    _ inputs: [(name: String, lines: [Substring])], output: (String) -> Void
  ) throws(PlaintError) {
    let merged = try grouped(inputs)
    for group in merged.groups {
      output(group.merged?.encoded() ?? String(group.line))
    }
    for line in merged.rejects { output(String(line)) }
  }

  /// One merged line per key, sorted by key: the original line while the key was seen once, the
  /// decoded merge once it was seen again; and the reject lines, sorted.
  static func grouped(_ inputs: [(name: String, lines: [Substring])]) throws(PlaintError)
    -> (groups: [(key: Substring, line: Substring, merged: PartialLine?)], rejects: [Substring])
  {
    var slots: [Substring: Int] = [:]
    var groups: [(key: Substring, line: Substring, merged: PartialLine?)] = []
    var rejects: [Substring] = []
    for input in inputs {
      for (number, line) in input.lines.enumerated() where !line.isEmpty {
        let kind = line.first ?? " "
        let tabs = line.utf8.reduce(0) { $0 + ($1 == 0x09 ? 1 : 0) }
        if PartialLine.fieldCounts[kind].map({ $0 - 1 }) != tabs {
          _ = try decode(line, input.name, number)  // names what is wrong
          throw PlaintError(.dataError, "\(input.name):\(number + 1): not a plaint partial line")
        }
        guard let key = PartialLine.mergeKey(line) else {
          rejects.append(line)
          continue
        }
        guard let slot = slots[key] else {
          slots[key] = groups.count
          groups.append((key, line, nil))
          continue
        }
        let earlier: PartialLine
        if let merged = groups[slot].merged {
          earlier = merged
        } else {
          earlier = try decode(groups[slot].line, input.name, number)
        }
        let next = try decode(line, input.name, number)
        switch (earlier, next) {
        case (.ticket(let a), .ticket(let b)): groups[slot].merged = .ticket(a.merged(with: b))
        case (.accounting(let a), .accounting(let b)):
          groups[slot].merged = .accounting(a.merged(with: b))
        default:
          throw PlaintError(
            .dataError, "\(input.name):\(number + 1): a line of another kind shares its key")
        }
      }
    }
    groups.sort { $0.key < $1.key }
    return (groups, rejects.sorted())
  }

  private static func decode(_ line: Substring, _ source: String, _ index: Int)
    throws(PlaintError) -> PartialLine
  {
    do throws(PartialFormatError) {
      return try PartialLine.decode(line, source: source, number: index + 1)
    } catch {
      throw PlaintError(.dataError, error.description)
    }
  }

  /// The lines of task or partial text, split on LF bytes (a CR before it is dropped): neither
  /// format has a raw line break inside a line.
  public static func lines(of data: Data) -> [Substring] {
    let text = String(decoding: data, as: UTF8.self)
    var lines: [Substring] = []
    var start = text.utf8.startIndex
    for index in text.utf8.indices where text.utf8[index] == 0x0A {
      var end = index
      if end > start, text.utf8[text.utf8.index(before: end)] == 0x0D {
        end = text.utf8.index(before: end)
      }
      lines.append(text[start..<end])
      start = text.utf8.index(after: index)
    }
    lines.append(text[start...])
    return lines
  }

  /// The report of the reduced partials in `directory` (every file in it, in name order), written
  /// as `plaint run` writes it.
  public static func report(
    configurationPath: String, partials directory: String, options: RunOptions, logger: Logger
  ) throws(PlaintError) -> RunOutcome {
    try Failure.converting {
      try reporting(
        configurationPath: configurationPath, partials: directory, options: options,
        logger: logger)
    }
  }

  private static func reporting(
    configurationPath: String, partials directory: String, options: RunOptions, logger: Logger
  ) throws -> RunOutcome {
    let pipeline = try Pipeline(configurationPath: configurationPath, logger: logger)
    let configuration = pipeline.configuration
    let requested = try RequestedPeriod(options.period, configuration: configuration)
    let context = try RunContext(configuration: configuration, checkingColumns: false)
    let folder = configuration.resolve(directory)
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
      throw PlaintError(.noInput, "\(directory): no such folder of partials")
    }
    var inputs: [(name: String, lines: [Substring])] = []
    for name in names.sorted() where !name.hasPrefix(".") {
      guard let data = FileManager.default.contents(atPath: folder + "/" + name) else { continue }
      inputs.append((name, lines(of: data)))
    }
    let merged = try grouped(inputs)
    // The settled tickets go to a scratch store on disk, so memory does not grow with them.
    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("plaint-partials-\(UUID().uuidString).db").path
    defer {
      for suffix in ["", "-wal", "-shm", ".lock"] {
        try? FileManager.default.removeItem(atPath: scratch + suffix)
      }
    }
    let store = try Store(path: scratch)
    var sources: [RestoredSource] = []
    do {
      try store.restore(now: options.now) { add in
        sources = try Settlement.settle(merged.groups, rejects: merged.rejects, onTicket: add)
        return sources
      }
    } catch let error as PlaintError {
      throw error
    } catch {
      throw PlaintError(.software, "restoring the partials: \(error)")
    }
    // The reject-share gate `run` applies while ingesting (the partials carry no samples).
    for source in sources {
      try Ingestion.checkRejectShare(
        source.accounting.rows, samples: [:], limit: configuration.ingest.maxRejectShare,
        file: source.accounting.path)
    }
    let classification = context.classificationKey
    try store.setMeta("classification", classification)
    return try pipeline.report(
      store: store, context: context, inputs: sources.map(\.accounting), reclassified: 0,
      requested: requested, options: options)
  }
}

/// A byte range of an input file.
private struct CopyKey: Hashable {
  var file: Int
  var range: Int
}

/// What `run` would have stored, settled from fully merged partials: which copy of each ticket is
/// accepted and which are duplicates, per file, each file's accounting, and every line number
/// placed after the ranges before it.
enum Settlement {
  static func settle(
    _ groups: [(key: Substring, line: Substring, merged: PartialLine?)],
    rejects rejectLines: [Substring],
    onTicket: (ClassifiedTicket) throws -> Void
  ) throws -> [RestoredSource] {
    func decoded(_ group: (key: Substring, line: Substring, merged: PartialLine?)) throws
      -> PartialLine
    {
      if let merged = group.merged { return merged }
      return try PartialLine.decode(group.line, source: "partials", number: 0)
    }
    // Each file's ranges add up; a range's lines follow the lines of the ranges before it.
    var ranges: [Int: [AccountingPartial]] = [:]
    for group in groups where group.key.first == "A" {
      if case .accounting(let partial) = try decoded(group) {
        ranges[partial.file, default: []].append(partial)
      }
    }
    var accounting: [Int: AccountingPartial] = [:]
    var lineOffset: [CopyKey: Int] = [:]
    for (file, parts) in ranges {
      var offset = 0
      for part in parts.sorted(by: { $0.range < $1.range }) {
        lineOffset[CopyKey(file: file, range: part.range)] = offset
        offset += part.lines
        accounting[file] = accounting[file].map { $0.merged(with: part) } ?? part
      }
    }
    func absolute(_ file: Int, _ range: Int, _ line: Int) -> Int {
      line + (lineOffset[CopyKey(file: file, range: range)] ?? 0)
    }
    // A file identical to an earlier one is skipped by `run` (same sha256): it repeats the
    // earlier file's accounting under its own path and adds no tickets.
    var firstWithSHA: [String: Int] = [:]
    var skipped: [Int: Int] = [:]
    for file in accounting.keys.sorted() {
      guard let sha = accounting[file]?.sha256 else { continue }
      if let earlier = firstWithSHA[sha] {
        skipped[file] = earlier
      } else {
        firstWithSHA[sha] = file
      }
    }
    var accepted: [Int: Int] = [:]
    var duplicates: [Int: Int] = [:]
    for group in groups where group.key.first == "T" {
      guard case .ticket(var partial) = try decoded(group) else { continue }
      for file in skipped.keys { partial.occurrences[file] = nil }
      guard !partial.occurrences.isEmpty else { continue }
      // The kept copy's file accepts it; every other copy is a duplicate.
      accepted[partial.winner.file, default: 0] += 1
      for (file, count) in partial.occurrences {
        duplicates[file, default: 0] += count - (file == partial.winner.file ? 1 : 0)
      }
      var ticket = partial.ticket
      ticket.ticket.location.line = absolute(
        partial.winner.file, partial.winner.range, ticket.ticket.location.line)
      try onTicket(ticket)
    }
    var rejects: [Int: [Reject]] = [:]
    for line in rejectLines {
      guard case .reject(let partial) = try PartialLine.decode(line, source: "partials", number: 0)
      else { continue }
      var reject = partial.reject
      reject.line = absolute(partial.file, partial.range, reject.line)
      rejects[partial.file, default: []].append(reject)
    }
    var sources: [RestoredSource] = []
    var settled: [Int: SourceAccounting] = [:]
    for file in accounting.keys.sorted() {
      guard let partial = accounting[file] else { continue }
      if let earlier = skipped[file], var copy = settled[earlier] {
        copy.path = partial.path
        copy.rows.countAcceptedAsDuplicates()
        settled[file] = copy
        sources.append(RestoredSource(accounting: copy, rejects: []))
        continue
      }
      var source = SourceAccounting(
        path: partial.path, sha256: partial.sha256, system: partial.system)
      source.rows = partial.rows
      source.accepted = accepted[file] ?? 0
      source.duplicates = duplicates[file] ?? 0
      source.firstCreated = partial.firstCreated
      source.lastCreated = partial.lastCreated
      source.profile = partial.profile
      settled[file] = source
      let fileRejects = (rejects[file] ?? []).map {
        Reject(file: partial.path, line: $0.line, reason: $0.reason, raw: $0.raw)
      }
      sources.append(RestoredSource(accounting: source, rejects: fileRejects))
    }
    return sources
  }
}
