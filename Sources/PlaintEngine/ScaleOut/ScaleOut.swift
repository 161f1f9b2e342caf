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
  ///
  /// Given `period` (the one the report will be of), a copy of a ticket in another period
  /// carries no text unless its text is blank: only the reported period's texts are read (its
  /// excerpts, blank complaints and unclassified words), and elsewhere only whether a text is
  /// blank. Its text field is the `PartialLine.textLeftOut` mark, never empty text.
  public static func map(
    configurationPath: String, period: String? = nil, input: some Sequence<String>,
    output: PartialWriter
  ) throws(PlaintError) {
    let configuration = try Configuration.load(path: configurationPath)
    let context = try RunContext(configuration: configuration, checkingColumns: false)
    var reported: Period?
    if let period {
      guard let parsed = Period(period), parsed.granularity == configuration.granularity else {
        throw PlaintError(
          .usage, "--period \(period): expected a period of the config's granularity")
      }
      reported = parsed
    }
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
        // The first copy is only ever compared by its place: it goes without the sha256 (65
        // bytes of every line), which ranks the kept copy only.
        let first = CopyOrder(file: task.file, range: start, line: ticket.location.line)
        let placed = placement.place(ticket)
        profile.add(ticket.created, line: placed.cell.productLine, timeZone: zone)
        let leftOut =
          reported.map { placed.period != $0 } ?? false
          && !ticket.text.utf8.allSatisfy { $0 == 0x20 }
        output.write(
          PartialLine.ticket(
            TicketPartial(
              occurrences: [task.file: 1], first: first, winner: order, ticket: placed,
              textLeftOut: leftOut)))
      }
      let onReject = { (reject: Reject) in
        output.write(
          PartialLine.reject(RejectPartial(file: task.file, range: start, reject: reject)))
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
      output.write(PartialLine.accounting(partial))
    }
  }

  /// Merges sorted partial lines (from map, sorted, or from earlier reduces) into one line per
  /// ticket key and per file range, in key order; associative, so it can run in stages.
  ///
  /// It streams: each input is read a line at a time, and only the lines of the key at hand are
  /// held. A key seen once passes through as it is (most tickets are exported once); only lines
  /// that share a key are decoded and merged. Each input must be sorted by key
  /// (`PartialLine.sortKey`; `LC_ALL=C sort` does it); its output is, so it can be reduced again.
  public static func reduce(_ inputs: [PartialInput], output: (String) -> Void)
    throws(PlaintError)
  {
    var sorted = try SortedPartials(inputs)
    try sorted.forEachGroup { group throws(PlaintError) in output(group.text) }
  }

  /// `reduce`, its lines written to `output`.
  public static func reduce(_ inputs: [PartialInput], output: PartialWriter) throws(PlaintError) {
    var sorted = try SortedPartials(inputs)
    try sorted.forEachGroup { group throws(PlaintError) in output.write(group) }
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
  ///
  /// With `plan`, it stops once the period is judged and writes there, as JSON, what the report
  /// reads closer (its scope), for `plaint select`; the outcome is nil then.
  public static func report(
    configurationPath: String, partials directory: String, options: RunOptions, logger: Logger,
    plan: String? = nil
  ) throws(PlaintError) -> RunOutcome? {
    try Failure.converting {
      try reporting(
        configurationPath: configurationPath, partials: directory, options: options,
        logger: logger, plan: plan)
    }
  }

  private static func reporting(
    configurationPath: String, partials directory: String, options: RunOptions, logger: Logger,
    plan: String?
  ) throws -> RunOutcome? {
    let pipeline = try Pipeline(configurationPath: configurationPath, logger: logger)
    let configuration = pipeline.configuration
    let requested = try RequestedPeriod(options.period, configuration: configuration)
    let context = try RunContext(configuration: configuration, checkingColumns: false)
    let folder = configuration.resolve(directory)
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
      throw PlaintError(.noInput, "\(directory): no such folder of partials")
    }
    // Its files and those of its folders (Spark saves `summary/` and `tickets/`), in name order.
    var paths: [String] = []
    for name in names.sorted() where !name.hasPrefix(".") {
      var isFolder: ObjCBool = false
      let path = folder + "/" + name
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
      if !isFolder.boolValue {
        paths.append(path)
        continue
      }
      let inner = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
      for file in inner.sorted() where !file.hasPrefix(".") {
        var nested: ObjCBool = false
        let innerPath = path + "/" + file
        if FileManager.default.fileExists(atPath: innerPath, isDirectory: &nested),
          !nested.boolValue
        {
          paths.append(innerPath)
        }
      }
    }
    // The first pass settles each file's accounting and counts over every period (or reads them
    // from the summary lines); the report then reads the partials once more for its scope
    // (PartialsFeed). No step holds the tickets.
    var feed = PartialsFeed(paths: paths, configuration: configuration)
    let (sources, base) = try feed.settle()
    // Accounting and rejects only: a store in memory, for what the report reads besides tickets.
    let store = try Store(path: ":memory:")
    do {
      try store.restore(now: options.now) { _ in sources }
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
    feed.base = base
    if let plan {
      let scope = try pipeline.scope(
        store: store, context: context, inputs: sources.map(\.accounting), requested: requested,
        options: options, feed: feed)
      try feed.check(scope.period)
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      guard let data = try? encoder.encode(ScopePlan(scope)),
        FileManager.default.createFile(atPath: Configuration.resolveArgument(plan), contents: data)
      else {
        throw PlaintError(.cannotCreate, "\(plan): cannot write the plan")
      }
      return nil
    }
    return try pipeline.report(
      store: store, context: context, inputs: sources.map(\.accounting), reclassified: 0,
      requested: requested, options: options, feed: feed)
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
  /// Files identical to an earlier one (same sha256), each with the earlier one: `run` skips them.
  static func skippedFiles(_ accounting: [Int: AccountingPartial]) -> [Int: Int] {
    skippedFiles(accounting.mapValues(\.sha256))
  }

  /// The same from each file's sha256 (as `plaint shard`'s tasks give them).
  static func skippedFiles(_ sha256: [Int: String]) -> [Int: Int] {
    var firstWithSHA: [String: Int] = [:]
    var skipped: [Int: Int] = [:]
    for file in sha256.keys.sorted() {
      guard let sha = sha256[file] else { continue }
      if let earlier = firstWithSHA[sha] {
        skipped[file] = earlier
      } else {
        firstWithSHA[sha] = file
      }
    }
    return skipped
  }

  /// Reads the sorted partials once: the accounting lines first (`A` sorts before `R` and `T`),
  /// then the rejects, then the tickets, handed to `onTicket` one at a time.
  ///
  /// Summary lines (`S`, from `plaint summarize`) go to `onSummary`; when there are any, the
  /// tickets are only those a report keeps whole, and each file's accepted and duplicate copies
  /// come from the summary's `settled` entries instead of from them.
  static func settle(
    _ partials: inout SortedPartials,
    onTicket: (ClassifiedTicket, _ textLeftOut: Bool) throws -> Void,
    onSummary: (SummaryPartial) -> Void = { _ in }
  ) throws(PlaintError) -> [RestoredSource] {
    var ranges: [Int: [AccountingPartial]] = [:]
    var accounting: [Int: AccountingPartial] = [:]
    var lineOffset: [CopyKey: Int] = [:]
    var skipped: [Int: Int] = [:]
    var accountingDone = false
    // Each file's ranges add up; a range's lines follow the lines of the ranges before it. A
    // file identical to an earlier one is skipped by `run` (same sha256): it repeats the earlier
    // file's accounting under its own path and adds no tickets.
    func settleAccounting() {
      accountingDone = true
      for (file, parts) in ranges {
        var offset = 0
        for part in parts.sorted(by: { $0.range < $1.range }) {
          lineOffset[CopyKey(file: file, range: part.range)] = offset
          offset += part.lines
          accounting[file] = accounting[file].map { $0.merged(with: part) } ?? part
        }
      }
      skipped = skippedFiles(accounting)
    }
    func absolute(_ file: Int, _ range: Int, _ line: Int) -> Int {
      line + (lineOffset[CopyKey(file: file, range: range)] ?? 0)
    }
    var accepted: [Int: Int] = [:]
    var duplicates: [Int: Int] = [:]
    var summarized = false
    var rejects: [Int: [Reject]] = [:]
    try partials.forEachGroup { group throws(PlaintError) in
      switch try group.decoded() {
      case .summary(let entry):
        if !accountingDone { settleAccounting() }
        if !summarized {
          summarized = true
          (accepted, duplicates) = ([:], [:])
        }
        if entry.kind == .settled, entry.key.count == 2, let file = Int(entry.key[0]) {
          if entry.key[1] == "accepted" {
            accepted[file, default: 0] += entry.value.count
          } else {
            duplicates[file, default: 0] += entry.value.count
          }
        }
        onSummary(entry)
      case .accounting(let partial):
        guard !accountingDone else {
          throw PlaintError(
            .dataError, "partials: an accounting line after tickets or rejects (not sorted by key)")
        }
        ranges[partial.file, default: []].append(partial)
      case .reject(let partial):
        if !accountingDone { settleAccounting() }
        var reject = partial.reject
        reject.line = absolute(partial.file, partial.range, reject.line)
        rejects[partial.file, default: []].append(reject)
      case .ticket(var partial):
        if !accountingDone { settleAccounting() }
        for file in skipped.keys { partial.occurrences[file] = nil }
        guard !partial.occurrences.isEmpty else { return }
        // The kept copy's file accepts it; every other copy is a duplicate.
        if !summarized {
          accepted[partial.winner.file, default: 0] += 1
          for (file, count) in partial.occurrences {
            duplicates[file, default: 0] += count - (file == partial.winner.file ? 1 : 0)
          }
        }
        var ticket = partial.ticket
        ticket.ticket.location.line = absolute(
          partial.winner.file, partial.winner.range, ticket.ticket.location.line)
        do {
          try onTicket(ticket, partial.textLeftOut)
        } catch let error as PlaintError {
          throw error
        } catch {
          throw PlaintError(.software, "restoring the partials: \(error)")
        }
      }
    }
    if !accountingDone { settleAccounting() }
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
