import Foundation
import Logging
import PlaintCore
import PlaintIngest
import PlaintStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One input file named by the configuration, with the settings to read it.
struct InputFile {
  var settings: SourceSettings
  /// Position of its entry under `sources:`, for messages.
  var sourceIndex: Int
}

/// Reads every configured export into the store, skipping files whose checksum it has seen.
struct Ingestion {
  let configuration: Configuration
  let placement: Placement
  let logger: Logger
  /// Draws the progress line while a file is read (a no-op unless stderr is a terminal).
  var progress = ProgressLine(requested: false)

  /// Threads that parse and classify one large file (README.md, Performance); the calling thread writes.
  static let parseThreads = max(2, ProcessInfo.processInfo.activeProcessorCount)
  /// Files parsed at once when a run reads several (`ReadAhead`).
  static let filesAtOnce = parseThreads

  /// Expands each source's glob into files, sorted, each with its reader settings.
  static func inputFiles(_ configuration: Configuration) throws(PlaintError) -> [InputFile] {
    var files: [InputFile] = []
    var claimedBy: [String: Int] = [:]
    for (index, source) in configuration.sources.enumerated() {
      let pattern = configuration.resolve(source.path)
      let matches = glob(pattern)
      guard !matches.isEmpty else {
        throw PlaintError(
          .noInput,
          "\(configuration.file): `sources.\(index).path`: no file matches \"\(source.path)\" (relative to the config's folder)"
        )
      }
      for path in matches {
        if let first = claimedBy[path], first != index {
          throw PlaintError(
            .config,
            "\(configuration.file): `sources.\(index).path`: \(relative(path, to: configuration.directory.standardizedFileURL.path)) is also matched by `sources.\(first)`; each export is read once, so narrow one of the patterns"
          )
        }
        claimedBy[path] = index
        let shown = relative(path, to: configuration.directory.standardizedFileURL.path)
        do {
          try ExportReader.checkRegularFile(path, displayPath: shown)
        } catch {
          throw Failure.ingest(error, file: shown)
        }
        files.append(
          InputFile(
            settings: try settings(source, index: index, path: path, shown: shown, configuration),
            sourceIndex: index))
      }
    }
    return files
  }

  private static func settings(
    _ source: Configuration.Source, index: Int, path: String, shown: String,
    _ configuration: Configuration
  ) throws(PlaintError) -> SourceSettings {
    var settings = SourceSettings(path: path, displayPath: shown, profile: source.profile)
    settings.system = source.system ?? source.profile
    settings.encoding = source.encoding
    settings.delimiter = source.delimiter == "auto" ? nil : source.delimiter.utf8.first
    settings.dateFormats = source.dateFormats
    settings.header = source.header
    settings.timeZone = configuration.timeZone
    settings.maxFieldBytes = configuration.ingest.maxFieldBytes
    settings.earliestDate = configuration.ingest.earliestDate
    settings.latestDate = configuration.ingest.latestDate
    for (field, columns) in source.columns {
      settings.columns[field] = columns.map { column in
        source.header ? .header(column) : .number(Int(column) ?? 0)
      }
    }
    for (column, values) in source.filters { settings.filters[column] = values }
    // Without a header row a slice names a column by number; a name then matches nothing and
    // stops the run naming the slice.
    settings.slices = configuration.columnSlices.map { slice in
      let number = source.header ? nil : Int(slice.column).flatMap { $0 >= 1 ? $0 : nil }
      return SliceColumn(
        name: slice.name, column: number.map(ColumnRef.number) ?? .header(slice.column))
    }
    return settings
  }

  /// Ingests the files the store has not seen (or saw with other settings); returns every
  /// file's accounting, new or earlier, as it stands once all are read. `hashed` holds the
  /// files' digests when they were started earlier, in the same order.
  func run(_ files: [InputFile], store: Store, now: Date, digests hashed: FileDigests? = nil)
    throws -> [SourceAccounting]
  {
    // A store that holds no file cannot hold this one, so a lone file is read while it is still
    // being hashed: the parse threads and the writer start at once, and what names the file by
    // its checksum is written once it is known, inside the file's transaction (README.md,
    // Performance).
    if files.count == 1, let hashed, try store.holdsNoSource() {
      let ingested = try ingest(
        files[0], sha256: "", digest: hashed.pending(at: 0),
        store: store, now: now)
      for warning in ingested.warnings {
        logger.warning("\(warning)", metadata: ["file": "\(files[0].settings.displayPath)"])
      }
      return try Self.current([ingested.accounting], in: store)
    }
    // A month added to a store of years: the one file the store has not recorded is read while
    // it is still being hashed, as into an empty store, unless its checksum then shows the store
    // held it after all, or the file changed while it was read or hashed (the bytes hashed may
    // then not be the bytes read): nothing of the read is kept, and the run goes on as below.
    var early: (index: Int, ingested: (accounting: SourceAccounting, warnings: [String]))? = nil
    if let hashed, let lone = try loneNewFile(files, hashed: hashed, store: store) {
      let path = files[lone].settings.path
      let start = FileStat(path: path)
      let ingested = try load(
        files[lone], sha256: "", digest: hashed.pending(at: lone), store: store, now: now,
        unchanged: {
          start != nil && FileStat(path: path) == start && hashed.steadyStat(at: lone) == start
        })
      early = ingested.map { (lone, $0) }
    }
    var digests: [String] = []
    for (index, file) in files.enumerated() {
      if let early, early.index == index {
        digests.append(early.ingested.accounting.sha256)
      } else if let hashed {
        digests.append(try hashed.sha256(at: index))
      } else {
        digests.append(try FileDigest.sha256(path: file.settings.path))
      }
    }
    try forgetChanged(files, digests: digests, store: store)
    // The files this run reads: the first copy of each file the store does not hold. With more
    // than one, they are parsed ahead of the writer, several at once (README.md, Performance).
    var toRead: [Int] = []
    var seenAhead = Set<String>()
    for (index, sha) in digests.enumerated() where seenAhead.insert(sha).inserted {
      if index != early?.index, try store.source(sha256: sha) == nil { toRead.append(index) }
    }
    let placement = self.placement
    let readAhead =
      toRead.count > 1
      ? ReadAhead<ClassifiedTicket>(
        files: toRead.map { files[$0].settings }, ahead: Self.filesAtOnce,
        threads: Self.parseThreads, transform: { placement.place($0) },
        relocate: { $0.ticket.location.line += $1 })
      : nil
    defer { readAhead?.finish() }
    var accounting: [SourceAccounting] = []
    var seen = Set<String>()
    for (index, (file, sha)) in zip(files, digests).enumerated() {
      let first = seen.insert(sha).inserted
      if let early, early.index == index {
        for warning in early.ingested.warnings {
          logger.warning("\(warning)", metadata: ["file": "\(file.settings.displayPath)"])
        }
        accounting.append(early.ingested.accounting)
        continue
      }
      if let earlier = try store.source(sha256: sha) {
        // Trusted: the store recorded the file as it is now (size, times, inode), not hashed.
        let checksum = hashed?.isTrusted(index) == true ? "recorded" : "hashed"
        logger.info(
          "unchanged, already ingested",
          metadata: ["file": "\(file.settings.displayPath)", "checksum": "\(checksum)"])
        // Byte-identical copies are named by the one the configuration lists first, whichever
        // a run met first.
        if first, earlier.path != file.settings.displayPath {
          try store.rehome(sha256: sha, to: file.settings.displayPath)
        }
        var same = earlier
        same.path = file.settings.displayPath
        accounting.append(same)
        continue
      }
      let ahead = readAhead.flatMap { readAhead in
        toRead.firstIndex(of: index).map { (readAhead, $0) }
      }
      let ingested = try ingest(file, sha256: sha, store: store, now: now, ahead: ahead)
      for warning in ingested.warnings {
        logger.warning("\(warning)", metadata: ["file": "\(file.settings.displayPath)"])
      }
      accounting.append(ingested.accounting)
    }
    return Self.markingCopies(try Self.current(accounting, in: store))
  }

  /// A byte-identical copy of a file listed before it adds nothing: its rows are counted as
  /// duplicates, not accepted a second time, so the accounting adds up to the tickets.
  static func markingCopies(_ accounting: [SourceAccounting]) -> [SourceAccounting] {
    var seen = Set<String>()
    return accounting.map { entry in
      guard seen.insert(entry.sha256).inserted else {
        var copy = entry
        copy.rows.countAcceptedAsDuplicates()
        return copy
      }
      return entry
    }
  }

  /// The accounting as the store now holds it: a file read later may have displaced copies
  /// an earlier file had accepted.
  static func current(_ accounting: [SourceAccounting], in store: Store) throws
    -> [SourceAccounting]
  {
    var result: [SourceAccounting] = []
    for entry in accounting {
      let sha = entry.sha256
      guard
        var fresh = try store.source(sha256: sha)
      else {
        result.append(entry)
        continue
      }
      fresh.path = entry.path
      result.append(fresh)
    }
    return result
  }

  /// Makes the store forget the files read with other settings than the config's now (a
  /// column mapped anew, another date format, encoding or `where`), so that they are read
  /// again and replace their tickets. Files that share a system with such a file are read again
  /// too: their copies of a ticket may have lost to a copy that goes away.
  func forgetChanged(_ files: [InputFile], digests: [String], store: Store) throws {
    var changed: [String] = []
    var systems: Set<String> = []
    var recorded: [String: String] = [:]
    var seen: Set<String> = []
    for (file, sha) in zip(files, digests) where seen.insert(sha).inserted {
      let known = try store.source(sha256: sha)
      guard let known else { continue }
      recorded[sha] = known.system
      let identity = file.settings.identity
      let settings = try store.sourceSettings(sha256: sha)
      guard let settings else {
        // Read before the store recorded settings: take the current ones as its own.
        try store.adoptSettings(identity, sha256: sha)
        continue
      }
      if settings != identity {
        changed.append(sha)
        systems.insert(known.system)
        systems.insert(file.settings.system ?? file.settings.profile)
      }
    }
    guard !changed.isEmpty else { return }
    var forget: [String] = []
    seen = []
    for (file, sha) in zip(files, digests) where seen.insert(sha).inserted {
      guard let system = recorded[sha] else { continue }
      let path = "\(file.settings.displayPath)"
      if changed.contains(sha) {
        logger.notice(
          "settings changed since the file was read (mapping, date format, encoding or where): reading it again, replacing its tickets",
          metadata: ["file": "\(path)"])
        forget.append(sha)
      } else if systems.contains(system) {
        logger.notice(
          "reading it again: it shares system \(system) with a file whose settings changed",
          metadata: ["file": "\(path)"])
        forget.append(sha)
      }
    }
    let removed = try store.forgetSources(forget)
    logger.info("tickets replaced by reading again", metadata: ["removed": "\(removed)"])
  }

  /// The one file of `files` the store did not record as it is now, when every other one is a
  /// file the store holds, read with the settings it has now: a month added to a store of years.
  /// Nothing is read of it but its stat (the others' digests are the recorded ones).
  func loneNewFile(_ files: [InputFile], hashed: FileDigests, store: Store) throws -> Int? {
    let unrecorded = files.indices.filter { !hashed.isTrusted($0) }
    guard unrecorded.count == 1, let lone = unrecorded.first else { return nil }
    for (index, file) in files.enumerated() where index != lone {
      let sha = try hashed.sha256(at: index)
      guard try store.source(sha256: sha) != nil,
        try store.sourceSettings(sha256: sha) == file.settings.identity
      else { return nil }
    }
    return lone
  }

  /// Reads one file into `store` in one transaction; the warnings are the reader's assumptions.
  /// With `ahead`, the file's tickets come from that read-ahead (file number `ahead.1` there).
  /// With `digest`, the file is read while it is still being hashed (`sha256` is then empty),
  /// into a store that holds no file.
  func ingest(
    _ file: InputFile, sha256: String, digest: PendingDigest? = nil, store: Store,
    now: Date, ahead: (ReadAhead<ClassifiedTicket>, Int)? = nil
  ) throws(PlaintError) -> (accounting: SourceAccounting, warnings: [String]) {
    let loaded = try load(
      file, sha256: sha256, digest: digest, store: store, now: now, ahead: ahead)
    // Only a load into a store holding other files can find its file held (`HeldSource`).
    guard let loaded else { preconditionFailure("a file held by a store that holds no file") }
    return loaded
  }

  /// A file read while it was hashed that changed meanwhile: its load is undone.
  struct ChangedWhileRead: Error {}

  /// Whether a load read while hashing was undone: at `HeldSource`, as the sink threw it or as
  /// the reader passed on what its callback threw, or at `ChangedWhileRead`.
  static func isUndone(_ error: any Error) -> Bool {
    if case .consumer(let failure) = error as? IngestError { return failure.error is HeldSource }
    return error is HeldSource || error is ChangedWhileRead
  }

  /// `ingest`, also into a store that holds other files while the file is still being hashed:
  /// nil, with nothing of the file kept, when its checksum shows the store held it, or when
  /// `unchanged`, asked once the file is read, says it changed since the read began.
  func load(
    _ file: InputFile, sha256: String, digest: PendingDigest?, store: Store,
    now: Date, ahead: (ReadAhead<ClassifiedTicket>, Int)? = nil,
    unchanged: (() -> Bool)? = nil
  ) throws(PlaintError) -> (accounting: SourceAccounting, warnings: [String])? {
    let settings = file.settings
    let started = Date()
    let reader: ExportReader
    do {
      reader = try ExportReader(settings: settings)
    } catch {
      throw Failure.ingest(error, file: settings.displayPath)
    }
    let identity = SourceAccounting(
      path: settings.displayPath, sha256: sha256, system: settings.system ?? settings.profile)
    let placement = self.placement
    let progress = self.progress
    // Compressed files grow when read, so only a plain file's size gives an ETA.
    let total =
      settings.path.hasSuffix(".gz")
      ? nil
      : (try? FileManager.default.attributesOfItem(atPath: settings.path)[.size] as? Int) ?? nil
    let result: SourceAccounting
    var warnings: [String] = []
    do {
      result = try store.ingest(
        identity, settings: settings.identity, timeZone: configuration.timeZone, now: now,
        digest: digest
      ) { sink in
        let onProgress = { (bytes: Int, rows: Int) in
          progress.update(
            file: settings.displayPath, bytes: bytes, total: total, rows: rows, started: started)
        }
        let counts: FileAccounting
        if let ahead {
          counts = try ahead.0.read(
            ahead.1, onItem: { try sink.add($0) }, onReject: { try sink.reject($0) },
            onProgress: onProgress)
        } else {
          counts = try reader.read(
            threads: Self.parseThreads, transform: { placement.place($0) },
            relocate: { $0.ticket.location.line += $1 }, onItem: { try sink.add($0) },
            onReject: { try sink.reject($0) }, onProgress: onProgress)
        }
        if let unchanged, !unchanged() { throw ChangedWhileRead() }
        try checkRejectShare(counts, file: settings.displayPath)
        // The sink supplies accepted and duplicates.
        var accounting = identity
        accounting.rows = counts.rows
        warnings = counts.warnings
        return accounting
      }
    } catch let error where Self.isUndone(error) {
      progress.finish()
      return nil
    } catch {
      progress.finish()
      throw Failure.ingest(error, file: settings.displayPath)
    }
    progress.finish()
    if result.accepted == 0 && result.duplicates == 0 {
      warnings.append("no row was accepted; see the rejects")
    }
    let seconds = max(Date().timeIntervalSince(started), 1e-6)
    logger.info(
      "ingested",
      metadata: [
        "file": "\(settings.displayPath)", "rows": "\(result.rowsRead)",
        "accepted": "\(result.accepted)", "rejected": "\(result.rejected)",
        "duplicates": "\(result.duplicates)", "filtered": "\(result.filtered)",
        "rows_per_s": "\(Int(Double(result.rowsRead) / seconds))",
      ])
    return (result, warnings)
  }
}

extension Ingestion {
  /// Fails the file (65, nothing stored) when its rejected share of the rows it read, filtered
  /// ones aside, is above `ingest.max_reject_share`; names the most frequent reasons with a
  /// sample of each.
  func checkRejectShare(_ counts: FileAccounting, file: String) throws(PlaintError) {
    try Self.checkRejectShare(
      counts.rows, samples: counts.samples, limit: configuration.ingest.maxRejectShare, file: file)
  }

  /// The reject-share gate on a file's counts (`plaint report --from-partials` has no samples).
  static func checkRejectShare(
    _ rows: RowAccounting, samples: [String: FileAccounting.Sample], limit: Double, file: String
  ) throws(PlaintError) {
    let (rejected, reasons) = (rows.rejected, rows.reasons)
    let considered = rows.rowsRead - rows.filtered
    guard considered > 0, rejected > 0 else { return }
    let share = Double(rejected) / Double(considered)
    guard share > limit else { return }
    let top = reasons.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(3)
    let named = top.map { entry -> String in
      var sample = samples[entry.key].map { " (line \($0.line): \($0.value)" } ?? ""
      if !sample.isEmpty, entry.key.hasPrefix("unparseable date"),
        let advice = samples["date-advice"]?.value
      {
        sample += "; \(advice)"
      }
      return "\(entry.value) \(entry.key)\(sample)\(sample.isEmpty ? "" : ")")"
    }.joined(separator: "; ")
    throw PlaintError(
      .dataError,
      "\(file): \(rejected) of \(considered) rows rejected (\(percent(share))), above `ingest.max_reject_share` (\(percent(limit))): \(named); nothing from this file was stored"
    )
  }

  private static func percent(_ share: Double) -> String {
    let value = share * 100
    return value >= 10 || value == value.rounded()
      ? "\(Int(value.rounded())) %" : String(format: "%.1f %%", value)
  }
}

/// The files matching a glob pattern, sorted; a plain path matches itself when it exists.
func glob(_ pattern: String) -> [String] {
  var result = glob_t()
  defer { globfree(&result) }
  #if canImport(Glibc)
    guard Glibc.glob(pattern, 0, nil, &result) == 0 else { return [] }
  #else
    guard Darwin.glob(pattern, 0, nil, &result) == 0 else { return [] }
  #endif
  var paths: [String] = []
  for index in 0..<Int(result.gl_pathc) {
    if let path = result.gl_pathv[index] { paths.append(String(cString: path)) }
  }
  return paths.sorted()
}

/// `path` relative to `directory` when inside it, else unchanged.
func relative(_ path: String, to directory: String) -> String {
  let base = directory.hasSuffix("/") ? directory : directory + "/"
  return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
}
