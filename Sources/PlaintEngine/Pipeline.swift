import Foundation
import Logging
import PlaintCore
import PlaintReport
import PlaintStore

/// What `plaint run` was asked for beyond the configuration.
public struct RunOptions: Sendable {
  /// "YYYY-MM" / "YYYY-Www", "last" (the last complete period), or nil for the latest with data.
  public var period: String?
  /// Overrides `store` from the configuration.
  public var store: String?
  /// Overrides `reports.dir` from the configuration.
  public var reportsDir: String?
  public var now: Date
  /// Draw a progress line while reading exports, when stderr is a terminal.
  public var showsProgress: Bool
  /// Write a report for a period no export covers (stale exports) instead of failing with 65.
  public var allowsEmpty: Bool
  /// Move the store aside and rebuild it from the exports (`--rebuild`).
  public var rebuild = false
  /// Hash every input file, also those the store recorded as unchanged (`--rehash`).
  public var rehash = false

  public init(
    period: String? = nil, store: String? = nil, reportsDir: String? = nil, now: Date,
    showsProgress: Bool = false, allowsEmpty: Bool = false
  ) {
    self.period = period
    self.store = store
    self.reportsDir = reportsDir
    self.now = now
    self.showsProgress = showsProgress
    self.allowsEmpty = allowsEmpty
  }
}

/// What a finished run produced.
public struct RunOutcome: Sendable {
  public var period: String
  public var complaints: Int
  public var anomalies: Int
  /// Issues whose share of the period's complaints is an anomaly of its share chart.
  public var shareAnomalies = 0
  public var reportDirectory: String
  public var inputs: [SourceAccounting]

  /// Why nothing was judged (a partial or uncovered period), nil when the period was judged.
  public var unjudged: String? = nil

  /// With `--period last`: the newer periods passed over because they are still filling in,
  /// and why, in one line; nil when the last complete period itself was reported.
  public var skipped: String? = nil
  /// Runs of days inside a period judged as whole on which no export has a row, though the
  /// rows before predict many, one sentence each: the report's `coverage.empty_stretches`.
  public var emptyStretches: [String] = []
  /// Periods between the newest one an earlier run reported and this run's that the exports
  /// now cover whole and no run has reported, in one line; nil when there are none.
  public var unreported: String? = nil
  /// Periods between the newest one an earlier run reported (or this run's) and the newest any
  /// export reaches that the exports do not cover whole: a gap in the exports, in one line; nil
  /// when there is none.
  public var gaps: String? = nil
  /// Why a run reports again the period an earlier run reported, when the exports reach past it
  /// into a period not covered whole yet (and no gap says why): nil otherwise.
  public var again: String? = nil
  /// How this run's anomalies of the period differ from those an earlier run published for it
  /// (`Revision`), in one line; nil when they name the same cells or no run reported it.
  public var revised: String? = nil
  /// The product lines the exports do not cover whole in a period otherwise judged, in the
  /// report's words: their cells are not judged, which "0 anomalies" does not say.
  public var linesNotCovered: String? = nil
  /// Whether the period has no data (no export covers it, or none has a row on any of its
  /// days): the line then says no count.
  public var noData = false

  /// The line `run` and `report` print: `2026-10: 1008 complaints, 1 anomaly; report: …` (with
  /// `, 1 share anomaly` when an issue's share chart flags one), or
  /// `2026-11: 312 complaints, not judged (partial period); report: …`, or, for a period with no
  /// data, `2025-10: no data, not judged (no export covers it); report: …` (no count of zero).
  public var summary: String {
    let noun = anomalies == 1 ? "anomaly" : "anomalies"
    var verdict = unjudged ?? "\(anomalies) \(noun)"
    if unjudged == nil && shareAnomalies > 0 {
      verdict += ", \(shareAnomalies) share \(shareAnomalies == 1 ? "anomaly" : "anomalies")"
    }
    let counted = noData ? "" : "\(complaints) complaints, "
    return "\(period): \(counted)\(verdict); report: \(reportDirectory)/index.html"
  }
}

/// The monthly job: ingest new exports, place tickets in the grid, judge every cell, write reports.
public struct Pipeline {
  public let configuration: Configuration
  let logger: Logger

  public init(configurationPath: String, logger: Logger) throws(PlaintError) {
    configuration = try Configuration.load(path: configurationPath)
    self.logger = logger
  }

  public func run(_ options: RunOptions) throws(PlaintError) -> RunOutcome {
    try Failure.converting { try running(options) }
  }

  private func running(_ options: RunOptions) throws -> RunOutcome {
    let requested = try RequestedPeriod(options.period, configuration: configuration)
    let storePath = configuration.storePath(options.store)
    var aside: String? = nil
    if options.rebuild, storePath != ":memory:", FileManager.default.fileExists(atPath: storePath) {
      aside = storePath + ".before-rebuild-" + Self.compactStamp(options.now)
    }
    let session = try StoreSession(
      configuration: configuration, path: storePath, now: options.now, movingAsideTo: aside,
      checkingColumns: true, hashingInputs: true, rehashing: options.rehash
    ) {
      if let aside {
        logger.warning(
          "store moved aside; rebuilding it from the exports (frozen baselines and the anomaly history of earlier runs are not carried over)",
          metadata: ["store": "\(storePath)", "moved_to": "\(aside)"])
      }
      ReportWriter.recoverStranded(in: reportsDirectory(options))
    }
    defer { withExtendedLifetime(session) {} }
    let (context, store) = (session.context, session.store)
    let reclassified = try reconcile(store, context)
    var ingestion = Ingestion(
      configuration: configuration, placement: context.placement, logger: logger)
    ingestion.progress = ProgressLine(requested: options.showsProgress)
    let inputs = try ingestion.run(
      context.files, store: store, now: options.now, digests: session.digests)
    try session.recordHashedFiles()
    try store.checkAccountingTotals()
    return try report(
      store: store, context: context, inputs: inputs, reclassified: reclassified,
      requested: requested, options: options)
  }

  /// `plaint report`: the period's report from what the store holds, reading no export. Inputs
  /// are the configured files the store has ingested (by checksum); others are named in the log.
  public func reportFromStore(_ options: RunOptions) throws(PlaintError) -> RunOutcome {
    try Failure.converting { try reportingFromStore(options) }
  }

  private func reportingFromStore(_ options: RunOptions) throws -> RunOutcome {
    let requested = try RequestedPeriod(options.period, configuration: configuration)
    let storePath = try configuration.existingStore(options.store)
    let session = try StoreSession(
      configuration: configuration, path: storePath, now: options.now, checkingColumns: false,
      hashingInputs: true, rehashing: options.rehash
    ) { ReportWriter.recoverStranded(in: reportsDirectory(options)) }
    defer { withExtendedLifetime(session) {} }
    let (context, store) = (session.context, session.store)
    let reclassified = try reconcile(store, context)
    var inputs: [SourceAccounting] = []
    for (index, file) in context.files.enumerated() {
      let sha: String
      if let digests = session.digests {
        sha = try digests.sha256(at: index)
      } else {
        sha = try FileDigest.sha256(path: file.settings.path)
      }
      if var known = try store.source(sha256: sha) {
        // Slice values come from export columns, which the store does not keep: a slice added
        // after the file was read has no value in the store (taxonomy changes, by contrast,
        // are replayed from the stored tickets).
        if let stored = try store.sourceSettings(sha256: sha),
          let missing = file.settings.slicesMissing(from: stored).first
        {
          throw PlaintError(
            .config,
            "\(file.settings.displayPath): `slices.\(missing.name)` was set after this export was read, so the store holds no value of it; run `plaint run` to read the exports again"
          )
        }
        known.path = file.settings.displayPath
        inputs.append(known)
      } else {
        logger.warning(
          "not ingested yet: plaint run reads it",
          metadata: ["file": "\(file.settings.displayPath)"])
      }
    }
    try session.recordHashedFiles()
    try store.checkAccountingTotals()
    return try report(
      store: store, context: context, inputs: Ingestion.markingCopies(inputs),
      reclassified: reclassified, requested: requested, options: options)
  }

  /// The second half of a run, shared with `plaint report`: sales into the store, the period's
  /// statistics, the report directory, and the run's record.
  ///
  /// The statistics read the report's cube (counts) and a few whole tickets from `feed`, the
  /// store's unless given (reduced partials).
  func report(
    store: Store, context: RunContext, inputs: [SourceAccounting], reclassified: Int,
    requested: RequestedPeriod, options: RunOptions, feed given: (any ReportFeed)? = nil
  ) throws -> RunOutcome {
    if let sales = context.sales {
      try store.replaceSales(sales)
    }
    let feed = given ?? StoreFeed(store: store, configuration: configuration)
    #if os(Linux)
      _ = releaseFreedMemory(0)
    #endif
    let base = try feed.baseCube()
    let coverage = try DataCoverage(
      store: store, context: context, contents: base.fileContents,
      counts: base.cellCounts(granularity: configuration.granularity))
    let (period, skipped) = try reportPeriod(requested, options: options, coverage: coverage)
    let assembled = try ReportAssembly(
      configuration: configuration, context: context, store: store, period: period,
      inputs: inputs, reclassified: reclassified,
      coverage: coverage.reporting(period, configuration.granularity), base: base, feed: feed
    ).assemble()
    let bundle = assembled.bundle
    logDataQuality(bundle.report)

    let reportsDir = reportsDirectory(options)
    // What an earlier run published for this period, read before this run records its own.
    var revision: Revision? = nil
    if let publishedAt = try store.lastRun(of: period) {
      revision = Revision(
        published: try store.anomalies(in: period), publishedAt: publishedAt,
        now: assembled.anomalies, report: bundle.report)
    }
    var manifest = try Manifest(
      runAt: options.now, configuration: configuration, taxonomyHash: context.taxonomyHash,
      inputs: inputs)
    manifest.revises = revision
    let written: URL
    do {
      written = try ReportWriter(directory: URL(fileURLWithPath: reportsDir)).write(
        bundle, formats: Set(configuration.reports.formats),
        extraFiles: ["manifest.json": try manifest.encoded()])
    } catch {
      throw PlaintError(.cannotCreate, "\(error)")
    }
    let anomalies = bundle.report.anomalies
    // Read before this run is recorded: the periods earlier runs reported.
    let reported = try store.reportedPeriods().compactMap { Period($0) }.filter {
      $0.granularity == period.granularity
    }
    let unreported = unreported(
      before: period, requested: requested, reported: reported, coverage: coverage)
    let gaps = gaps(around: period, requested: requested, reported: reported, coverage: coverage)
    let again =
      gaps == nil && skipped == nil
      ? again(period, requested: requested, reported: reported, coverage: coverage) : nil
    try store.recordRun(period: period, finishedAt: options.now, anomalies: assembled.anomalies)
    logger.info(
      "report written",
      metadata: [
        "period": "\(period)", "dir": "\(written.path)", "anomalies": "\(anomalies.count)",
      ])
    var outcome = RunOutcome(
      period: period.description, complaints: bundle.report.totals.complaints,
      anomalies: anomalies.count, reportDirectory: written.path, inputs: inputs)
    outcome.skipped = skipped
    // The report's own stretches (`coverage.empty_stretches`), said again in the log in the
    // report's English words, without the sentence's full stop, as log lines end.
    outcome.emptyStretches = (bundle.report.coverage.emptyStretches ?? []).map { stretch in
      String(ReportText.english.emptyStretchNotice(stretch, in: bundle.report).dropLast())
    }
    outcome.shareAnomalies = bundle.report.shareAnomalies
    outcome.unreported = unreported
    outcome.gaps = gaps
    outcome.again = again
    outcome.revised = revision?.line(period: period.description)
    if bundle.report.unjudged == nil {
      // Without the full stop, as log lines end; a question keeps its mark.
      outcome.linesNotCovered = ReportText.english.linesNotCoveredNotice(bundle.report).map {
        $0.hasSuffix(".") ? String($0.dropLast()) : $0
      }
    }
    outcome.noData = bundle.report.unjudged == .notCovered
    outcome.unjudged =
      switch bundle.report.unjudged {
      case .partial: "not judged (partial period)"
      case .fillingIn: "not judged (still filling in)"
      case .notCovered:
        bundle.report.coverage.withoutRows == true
          ? "no data, not judged (no export has a row on any of its days)"
          : "no data, not judged (no export covers it)"
      case .unassigned: "not judged (no complaint is in a product line)"
      case .linesNotCovered(let lines):
        "not judged (\(lines.joined(separator: ", ")) not covered whole by the exports)"
      case .history: "not judged (too little history)"
      case .noUnits(let lines): "not judged (no sales units for \(lines.joined(separator: ", ")))"
      case nil: nil
      }
    // A month whose every ticket is behind an anomaly took 0.1–0.2 s to free at the run's very
    // end, on its only busy core; the other frees it while the run closes the store.
    FreedAside.free((assembled, bundle))
    return outcome
  }

  /// What a report of `requested` reads closer than the counts over every period (its scope):
  /// the first half of `report`, for `plaint report --from-partials DIR --plan FILE`.
  func scope(
    store: Store, context: RunContext, inputs: [SourceAccounting], requested: RequestedPeriod,
    options: RunOptions, feed: any ReportFeed
  ) throws -> CubeScope {
    let base = try feed.baseCube()
    let coverage = try DataCoverage(
      store: store, context: context, contents: base.fileContents,
      counts: base.cellCounts(granularity: configuration.granularity))
    let period = try reportPeriod(requested, options: options, coverage: coverage).period
    return try ReportAssembly(
      configuration: configuration, context: context, store: store, period: period,
      inputs: inputs, reclassified: 0,
      coverage: coverage.reporting(period, configuration.granularity), base: base, feed: feed
    ).judgement().scope
  }

  /// The line naming the periods after the newest one an earlier run reported (`reported`) and
  /// before `period` that the exports cover whole and no run has reported. A monthly job reports
  /// the newest whole period: when a month cut off in one export is made whole by rows that land
  /// with the next month, the job goes from the month before it to the month after it (a new
  /// user's cron steps on the UK Housing Ombudsman's findings), and the month between must be
  /// named. None before a store's first report: its history was never meant to be reported
  /// period by period.
  private func unreported(
    before period: Period, requested: RequestedPeriod, reported: [Period], coverage: DataCoverage
  ) -> String? {
    let zone = configuration.timeZone
    guard let newest = reported.max(), newest < period else { return nil }
    var missed: [Period] = []
    var at = newest.next(in: zone)
    while at < period {
      if !reported.contains(at), coverage.coverage(at) == .whole { missed.append(at) }
      at = at.next(in: zone)
    }
    guard let first = missed.first else { return nil }
    let (verb, pronoun) = missed.count == 1 ? ("is", "it") : ("are", "them")
    // A period named with --period is the user's choice; one --allow-empty wrote is empty.
    let what =
      switch (requested, coverage.coverage(period)) {
      case (.exactly, _): ""
      case (_, .whole): ", the newest \(period.granularity.rawValue) that can be judged"
      case (_, .none): ", which no export covers"
      case (_, .partial): ", which the exports cover only in part"
      }
    return
      "\(Self.spoken(missed, in: zone)) \(verb) covered whole by the exports now, and no run has reported \(pronoun): this run reports \(period)\(what), and plaint report --period \(first) writes the report of \(first)"
  }

  /// The gaps in the exports a cron job's run must name: the periods after the newest whole one
  /// an earlier run reported (after this run's, when no run went further) and before the newest
  /// period any export reaches, that the exports do not cover whole and that are not still
  /// filling in. A file that never landed, or one cut off with the next starting days later,
  /// leaves such a gap. A run that stays on an older period because of it, or goes past it into
  /// a period whose history counts it as no data, says so in a line `--quiet` does not hide (a
  /// new user's cron steps on the UK Housing Ombudsman's findings: October never landed, and
  /// the job reported September again, silently). The newest period's own partial cover is the
  /// ordinary middle of a month, a notice only. None for `--period` with a period: the user
  /// chose it.
  ///
  /// A partial period a user looked at with `--period` is not where the job stands: only whole
  /// reported periods count (the hostile tester's t16, whose look at a partial November hid the
  /// gap from the run that went past it). A gap further back than the baseline reaches is out of
  /// the report's reach and is not named (t07's one-off report of an old period).
  private func gaps(
    around period: Period, requested: RequestedPeriod, reported: [Period], coverage: DataCoverage
  ) -> String? {
    if case .exactly = requested { return nil }
    guard let newest = coverage.span(period.granularity)?.upperBound, let lastDay = coverage.lastDay
    else { return nil }
    let zone = configuration.timeZone
    let stood = reported.filter { coverage.coverage($0) == .whole }.max()
    var earliest = period
    for _ in 0..<configuration.control.baselinePeriods { earliest = earliest.previous(in: zone) }
    var before: [Period] = []
    var after: [Period] = []
    var at = max(min(stood ?? period, period), earliest).next(in: zone)
    while at < max(newest, period) {
      if at != period, coverage.coverage(at) != .whole, coverage.lag.periods[at] == nil {
        if at < period { before.append(at) } else { after.append(at) }
      }
      at = at.next(in: zone)
    }
    var said: [String] = []
    if !before.isEmpty {
      said.append(
        "the exports leave a gap before \(period): \(coverage.gapWords(before)); the report of \(period) judges nothing there and leaves \(before.count == 1 ? "it" : "them") out of its baselines (no data, not zero)"
      )
    }
    if !after.isEmpty {
      said.append(
        "the exports leave a gap after \(period): \(coverage.gapWords(after)); so this run reports \(period), the newest \(period.granularity.rawValue) before it that can be judged, though the exports reach \(coverage.day(lastDay))"
      )
    }
    guard !said.isEmpty else { return nil }
    return said.joined(separator: "; ") + " — is an export missing?"
  }

  /// A cron run that reports the period an earlier run reported, because the newest period the
  /// exports reach is not covered whole yet, says so in a line `--quiet` does not hide: its
  /// stdout is the same line as the run before, which reads like a stuck job (a new user's
  /// CFPB file for March, cut off on the 12th: "2020-02: 18 complaints, 0 anomalies" twice, and
  /// nothing else). Not for `--period`, nor when a gap already says why.
  private func again(
    _ period: Period, requested: RequestedPeriod, reported: [Period], coverage: DataCoverage
  ) -> String? {
    guard case .latestWithData = requested, reported.contains(period),
      let newest = coverage.span(period.granularity)?.upperBound, newest > period,
      let lastDay = coverage.lastDay
    else { return nil }
    return
      "\(period) was reported by an earlier run, and this run reports it again: the exports reach \(coverage.day(lastDay)), and \(newest) is not covered whole yet (plaint report --period \(newest) shows its counts, not judged)"
  }

  /// `periods` (sorted) as a reader takes them in: each run of consecutive periods as its first
  /// and last ("2025-07 to 2026-10"), the runs joined by commas. A one-off look at an old month
  /// made the next cron run list eighteen months one by one (the hostile tester's L3).
  static func spoken(_ periods: [Period], in zone: TimeZone) -> String {
    var runs: [(first: Period, last: Period)] = []
    for period in periods {
      if let run = runs.last, run.last.next(in: zone) == period {
        runs[runs.count - 1].last = period
      } else {
        runs.append((period, period))
      }
    }
    return runs.map { $0.first == $0.last ? "\($0.first)" : "\($0.first) to \($0.last)" }
      .joined(separator: ", ")
  }

  /// `20261202T031500Z`: a time for a file name.
  static func compactStamp(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withYear, .withMonth, .withDay, .withTime, .withTimeZone]
    return formatter.string(from: date)
  }

  /// Where reports go: `--reports-dir` (from the current directory) or the config's `reports.dir`.
  func reportsDirectory(_ options: RunOptions) -> String {
    options.reportsDir.map(Configuration.resolveArgument)
      ?? configuration.resolve(configuration.reports.dir)
  }

  /// Re-places stored tickets when the taxonomy, key accounts, period or time zone changed.
  private func reconcile(_ store: Store, _ context: RunContext) throws -> Int {
    let stored = try store.meta("classification")
    guard stored != context.classificationKey else { return 0 }
    var moved = 0
    if stored != nil {
      moved = try store.reclassify { ticket in
        let placed = context.placement.place(ticket)
        return (placed.period, placed.cell, placed.issue, placed.rule)
      }
      logger.notice(
        "taxonomy or grid settings changed: stored tickets reclassified",
        metadata: ["moved": "\(moved)"])
      // The files' profiles hold product lines and days as they were placed before.
      try store.forgetProfiles()
    }
    try store.setMeta("classification", context.classificationKey)
    return moved
  }

  /// The period to report, and the newer periods `last` passed over (one line saying which and
  /// why). The default is the latest period the exports cover whole; `last` is the calendar's
  /// last complete period, which the exports must cover whole — or, when it is still filling in
  /// (a source that always publishes late), the newest whole period before it, so that a
  /// monthly job on such a source reports what can be judged; a named period must lie within
  /// the data, and is reported (unjudged) when partial. A period no export covers fails with
  /// 65, unless `--allow-empty`.
  private func reportPeriod(
    _ requested: RequestedPeriod, options: RunOptions, coverage: DataCoverage
  ) throws(PlaintError) -> (period: Period, skipped: String?) {
    let granularity = configuration.granularity
    let zone = configuration.timeZone
    let unit = granularity.rawValue
    guard let span = coverage.span(granularity), let lastDay = coverage.lastDay else {
      throw PlaintError(
        .dataError,
        "\(configuration.file): no complaints were accepted from any source; check `sources` and the rejects"
      )
    }
    let latest = "the latest ticket seen is from \(coverage.lastTicketDay ?? coverage.day(lastDay))"
    for file in coverage.files where file.stragglers > 0 {
      logger.notice(
        "rows far from the rest of the file are counted but do not stretch its span",
        metadata: ["file": "\(file.path)", "rows": "\(file.stragglers)"])
    }
    for file in coverage.files where file.outsideCovers {
      logger.warning(
        "tickets lie outside the source's `covers:`; the span follows the tickets",
        metadata: ["file": "\(file.path)"])
    }
    switch requested {
    case .latestWithData:
      guard let whole = coverage.latestWhole(granularity) else {
        throw PlaintError(
          .dataError,
          "no \(unit) is covered whole by the exports (\(coverage.day(coverage.all.start ?? lastDay)) to \(coverage.day(lastDay))); name one with --period to see its counts, unjudged"
        )
      }
      // Newer periods still filling in are named in the one line `--quiet` does not hide, as
      // `--period last` names them: a report of an older period must say why.
      let filling = coverage.fillingIn(after: whole)
      if whole < span.upperBound && !filling.contains(span.upperBound) {
        logger.notice(
          "the latest \(unit) is only partly covered by the exports: reporting the latest whole one",
          metadata: [
            "partial": "\(span.upperBound)", "covered_through": "\(coverage.day(lastDay))",
            "period": "\(whole)",
          ])
      }
      guard !filling.isEmpty else { return (whole, nil) }
      return (
        whole,
        "reporting \(whole), the newest \(unit) that can be judged; \(coverage.passedOver(filling))"
      )
    case .lastComplete:
      let current = Period(containing: options.now, in: zone, granularity: granularity)
      let last = current.previous(in: zone)
      switch coverage.coverage(last) {
      case .whole:
        return (last, nil)
      case .none where options.allowsEmpty:
        logger.warning(
          "no export covers the period: writing an empty report (--allow-empty)",
          metadata: ["period": "\(last)", "last_ticket": "\(coverage.day(lastDay))"])
        return (last, nil)
      case .none:
        // A late source's newest period may have no row at all yet: name the lag, still fail
        // (an export that stopped looks the same).
        let filling = coverage.fillingIn(after: span.lowerBound)
        let lag =
          filling.isEmpty
          ? ""
          : "; the \(unit)s before it, \(filling.map(\.description).joined(separator: ", ")), are still filling in (a source that publishes late?), and --period \(filling[0].previous(in: zone)) reports the newest \(unit) before them"
        throw PlaintError(
          .dataError,
          "\(last): no export covers this \(unit); \(latest) — are the exports stale? (--allow-empty writes the empty report)\(lag)"
        )
      case .partial where coverage.isFillingIn(last) || coverage.endsLag(last):
        // A source that always publishes late has its last periods filling in every month:
        // that is its normal state, not an unusable export, so the newest period before them
        // that the exports cover whole is reported, and the periods passed over are named. Its
        // newest period can lack its last days altogether (no late row arrived for them yet).
        var skipped = [last]
        var earlier = last.previous(in: zone)
        while coverage.isFillingIn(earlier) {
          skipped.append(earlier)
          earlier = earlier.previous(in: zone)
        }
        guard coverage.coverage(earlier) == .whole else {
          throw PlaintError(
            .dataError,
            "\(last): still filling in — \(coverage.fillingInEvidence(last)); and \(earlier), the \(unit) before the periods still filling in, is not covered whole, so no \(unit) can be judged (name one with --period to see its counts)"
          )
        }
        return (
          earlier,
          "--period last: reporting \(earlier), the newest \(unit) that can be judged; \(coverage.passedOver(skipped.reversed()))"
        )
      case .partial:
        let days = coverage.coveredDays(last)
        let through = days.map { coverage.day($0.last) } ?? coverage.day(lastDay)
        let hint = coverage.partialHint(last)
        throw PlaintError(
          .dataError,
          "\(last): the exports cover this \(unit) only through \(through); a partial \(unit) is not judged unless named (--period \(last)); \(hint)"
        )
      }
    case .exactly(let period):
      guard span.contains(period) else {
        throw PlaintError(
          .usage,
          "--period \(period): outside the data, which covers \(span.lowerBound) to \(span.upperBound)"
        )
      }
      switch coverage.coverage(period) {
      case .whole:
        return (period, nil)
      case .partial where coverage.isFillingIn(period):
        logger.warning(
          "the period is still filling in: counts are shown, nothing is judged",
          metadata: ["period": "\(period)", "evidence": "\(coverage.fillingInEvidence(period))"])
        return (period, nil)
      case .partial where coverage.isMostlyEmpty(period):
        let empty = coverage.emptyStretches(in: period).filter(\.resumed)
        logger.warning(
          "half the period or more has no row on any export where the days before predict many: counts are shown, nothing is judged",
          metadata: [
            "period": "\(period)",
            "empty":
              "\(empty.map { "\(coverage.day($0.from)) to \(coverage.day($0.through))" }.joined(separator: ", "))",
          ])
        return (period, nil)
      case .partial:
        let days = coverage.coveredDays(period)
        logger.warning(
          "the period is only partly covered by the exports: counts are shown, nothing is judged",
          metadata: [
            "period": "\(period)",
            "covered":
              "\(days.map { "\(coverage.day($0.first)) to \(coverage.day($0.last))" } ?? "")",
          ])
        return (period, nil)
      case .none where options.allowsEmpty:
        return (period, nil)
      case .none:
        let why =
          coverage.isRowless(period)
          ? "no export has a row on any of its days, though the exports reach across it and the days around it predict many (no data, not zero)"
          : "no export covers this \(unit) (a gap in the exports)"
        throw PlaintError(
          .dataError, "\(period): \(why); \(latest) (--allow-empty writes the empty report)")
      }
    }
  }

  /// Warns in the log where the report's numbers need a caveat (the report says the same).
  private func logDataQuality(_ report: ReportModel) {
    let quality = report.dataQuality
    // The report's words, rounded as it rounds (the log cut the percentage: 74 % here, 75 % in
    // the report, for 1450 of 1939).
    func share(_ count: Int) -> String {
      ReportText.english.share(count, of: quality.complaints)
    }
    for warning in quality.warnings {
      switch warning {
      case "unassigned":
        logger.warning(
          "many complaints are in no product line (unassigned): outside every cell",
          metadata: ["tickets": "\(share(quality.unassigned))"])
      case "unclassified":
        logger.warning(
          "many complaints match no issue of the taxonomy",
          metadata: ["tickets": "\(share(quality.unclassified))"])
      case "empty_text":
        logger.warning(
          "many complaints have no text to classify",
          metadata: ["tickets": "\(share(quality.emptyText))"])
      case "judged_minority":
        logger.warning(
          "the judged cells hold under half of the period's complaints",
          metadata: ["tickets": "\(share(quality.inJudgedCells))"])
      case "no_resolution":
        logger.notice(
          "resolution is not measured for these files (no resolution times, too few, or dates without a time of day; the report says which)",
          metadata: ["files": "\(quality.withoutResolution.joined(separator: ", "))"])
      default: break
      }
    }
  }
}

/// The `--period` option, checked before the run touches anything.
enum RequestedPeriod {
  case latestWithData
  case lastComplete
  case exactly(Period)

  init(_ text: String?, configuration: Configuration) throws(PlaintError) {
    switch text {
    case nil: self = .latestWithData
    case "last": self = .lastComplete
    case let text?:
      guard let period = Period(text), period.granularity == configuration.granularity else {
        let example = configuration.granularity == .month ? "2025-10" : "2025-W07"
        throw PlaintError(
          .usage,
          "--period \(text): expected \(example) (the config cuts periods by \(configuration.granularity.rawValue)) or last"
        )
      }
      let zone = configuration.timeZone
      guard
        Period(containing: period.start(in: zone), in: zone, granularity: period.granularity)
          == period
      else {
        throw PlaintError(.usage, "--period \(text): no such \(configuration.granularity.rawValue)")
      }
      self = .exactly(period)
    }
  }
}

extension Configuration {
  /// The path of a store an earlier run wrote (`override` or the config's `store`), for the
  /// commands that only read or amend one; exit 66 when there is none.
  func existingStore(_ override: String?) throws(PlaintError) -> String {
    let path = storePath(override)
    guard path != ":memory:", FileManager.default.fileExists(atPath: path) else {
      let what =
        path == ":memory:" ? "an in-memory store keeps nothing between runs" : "no store at \(path)"
      throw PlaintError(.noInput, "\(file): `store`: \(what); run plaint run first")
    }
    return path
  }
}

/// Values freed on a background thread instead of the caller's, for large ones the caller is
/// done with; a process that exits first frees nothing it would not have freed at exit.
final class FreedAside<Value>: @unchecked Sendable {
  private var value: Value?

  private init(_ value: Value) {
    self.value = value
  }

  static func free(_ value: consuming Value) {
    let aside = FreedAside(value)
    DispatchQueue.global(qos: .utility).async { aside.value = nil }
  }
}

/// A value made on another thread from the moment it is created, while the caller goes on;
/// `wait()` gives it once made.
final class MadeAside<Value>: @unchecked Sendable {
  private let made = DispatchSemaphore(value: 0)
  private var value: Value?

  init(_ make: @escaping () -> Value) {
    nonisolated(unsafe) let make = make
    DispatchQueue.global(qos: .userInitiated).async { [self] in
      value = make()
      made.signal()
    }
  }

  func wait() -> Value {
    made.wait()
    made.signal()
    guard let value else { preconditionFailure("made without a value") }
    return value
  }
}

#if os(Linux)
  /// glibc's `malloc_trim` (malloc.h, which the Glibc module does not bring in): gives the
  /// pages freed by the ingest back to the system before the report allocates its own.
  @_silgen_name("malloc_trim")
  private func releaseFreedMemory(_ padding: UInt) -> Int32
#endif
