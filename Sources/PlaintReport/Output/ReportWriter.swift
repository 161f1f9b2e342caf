import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The renderings a report can be written in (`reports.formats` in the configuration).
public enum ReportFormat: String, CaseIterable, Sendable {
  /// `index.html`.
  case html
  /// `summary.md`.
  case md
  /// `report.json`.
  case json
  /// `anomalies.csv`, `pareto.csv`, `grid.csv`, `anomaly-tickets.csv`, `rejects.csv`,
  /// `repeat-customers.csv`, `concentrations.csv`, `release-effects.csv`, `resolution.csv`,
  /// `open-past-sla.csv`, `canaries.csv`, `run-charts.csv`, `shares.csv`, `drivers.csv`, and
  /// `slice-NAME.csv` per configured slice.
  case csv
}

/// Writes a report bundle into `<directory>/<period>/` so that a reader never sees half a report.
///
/// Every file is rendered in memory first, then written and flushed (fsync) into a sibling
/// directory `.<period>.tmp-<pid>`, which is renamed into place. An existing report is swapped
/// with the new one in one step (`renameat2(RENAME_EXCHANGE)`, Linux 3.15), so `<period>` is
/// never absent; the old report, left under the temporary name, is then removed. Where the file
/// system cannot exchange, the old report is renamed aside to `.<period>.old-<pid>` first, and a
/// writer killed between the two renames leaves it there: `recoverStranded` (run at the start of
/// every write, and by `run` and `report` before anything else) puts it back. Leftovers of a
/// writer that died are removed after the next success.
public struct ReportWriter: Sendable {
  public let directory: URL

  public init(directory: URL) {
    self.directory = directory
  }

  /// Writes the chosen formats and `extraFiles` (name → bytes, e.g. `manifest.json`) and returns
  /// the report's directory.
  @discardableResult
  public func write(
    _ bundle: ReportBundle, formats: Set<ReportFormat>, extraFiles: [String: Data] = [:]
  ) throws(ReportError) -> URL {
    let period = bundle.report.period
    try Self.requirePlainName(period)
    // report.json and each CSV file are written as they are rendered, a piece at a time (the
    // customer tables' rows are read back as they are written); the rest are rendered first.
    let streamed = formats.contains(.json)
    let tableNames = formats.contains(.csv) ? CSVRenderer().files(bundle).map(\.name) : []
    let files = try Self.files(
      bundle, formats: formats.subtracting([.json, .csv]), extraFiles: extraFiles,
      alsoRendered: Set((streamed ? ["report.json"] : []) + tableNames))

    let parent = directory.path
    try FileSystem.makeDirectories(parent)
    let final = parent + "/" + period
    let temporary = parent + "/.\(period).tmp-\(getpid())"
    let aside = parent + "/.\(period).old-\(getpid())"

    Self.recoverStranded(in: parent)
    try FileSystem.removeIfPresent(temporary)
    try FileSystem.makeDirectory(temporary)
    do {
      // report.json and each CSV file are tasks the two cores take in turn (each rendered as it
      // is written; none reads what another writes). The first error in this order wins.
      let tableCount = tableNames.count
      let streams = RenderedSlots(count: 1 + tableCount)
      // Started longest first, so the last to finish is not a long one begun late: the anomaly
      // tickets (every ticket of a month can be behind an anomaly), then report.json.
      let order = Self.longestFirst(tableNames)
      DispatchQueue.concurrentPerform(iterations: 1 + tableCount) { turn in
        let index = order[turn]
        do throws(ReportError) {
          if index == 0 {
            if streamed {
              try FileSystem.writeDurably(to: temporary + "/report.json") {
                output throws(ReportError) in
                try JSONRenderer().write(bundle.report, to: output)
              }
            }
          } else {
            // Made here: a table's writer is not Sendable.
            let (name, write) = CSVRenderer().files(bundle)[index - 1]
            try FileSystem.writeDurably(to: temporary + "/" + name) { output in
              write { bytes in
                guard let base = bytes.baseAddress else { return }
                output(
                  Data(
                    bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: bytes.count,
                    deallocator: .none))
              }
            }
          }
          streams.set(index, .success([]))
        } catch {
          streams.set(index, .failure(error))
        }
      }
      for result in streams.results { _ = try result.get() }
      for (name, data) in files {
        try FileSystem.writeDurably(data, to: temporary + "/" + name)
      }
      try FileSystem.sync(directory: temporary)
    } catch {
      try? FileSystem.removeIfPresent(temporary)
      throw error
    }

    let hadReport = FileSystem.exists(final)
    if hadReport, FileSystem.exchange(temporary, final) {
      // The old report now sits under the temporary name.
      try? FileSystem.removeIfPresent(temporary)
      try FileSystem.sync(directory: parent)
      Self.removeLeftovers(of: period, in: parent)
      return URL(fileURLWithPath: final, isDirectory: true)
    }
    if hadReport {
      try FileSystem.removeIfPresent(aside)
      do {
        try FileSystem.move(final, to: aside)
      } catch {
        try? FileSystem.removeIfPresent(temporary)
        throw error
      }
    }
    do {
      try FileSystem.move(temporary, to: final)
    } catch {
      if hadReport { try? FileSystem.move(aside, to: final) }
      try? FileSystem.removeIfPresent(temporary)
      throw error
    }
    if hadReport { try? FileSystem.removeIfPresent(aside) }
    try FileSystem.sync(directory: parent)
    Self.removeLeftovers(of: period, in: parent)
    return URL(fileURLWithPath: final, isDirectory: true)
  }

  /// The order the writing tasks start in: index 0 is report.json, index `i` the table
  /// `tableNames[i - 1]`. The anomaly tickets first, report.json next, the rest as listed.
  static func longestFirst(_ tableNames: [String]) -> [Int] {
    let tables = tableNames.indices.map { $0 + 1 }
    let tickets = tableNames.firstIndex(of: "anomaly-tickets.csv").map { $0 + 1 }
    return (tickets.map { [$0] } ?? []) + [0] + tables.filter { $0 != tickets }
  }

  /// Puts back every report a writer killed between its two renames left aside as
  /// `.<period>.old-<pid>` with no `<period>` in its place; a live writer's are left alone.
  public static func recoverStranded(in parent: String) {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
    for name in names.sorted() where name.hasPrefix(".") {
      guard let marker = name.range(of: ".old-", options: .backwards),
        let pid = Int32(name[marker.upperBound...]), pid != getpid(),
        kill(pid, 0) != 0, errno == ESRCH
      else { continue }
      let period = String(name[name.index(after: name.startIndex)..<marker.lowerBound])
      guard !period.isEmpty, !period.contains("/"), !FileSystem.exists(parent + "/" + period)
      else { continue }
      try? FileSystem.move(parent + "/" + name, to: parent + "/" + period)
    }
  }

  /// Removes `.<period>.tmp-<pid>` and `.<period>.old-<pid>` left by writers that died, once a
  /// complete report is in place; those of a live process are left alone.
  private static func removeLeftovers(of period: String, in parent: String) {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
    for name in names.sorted() {
      for marker in [".\(period).tmp-", ".\(period).old-"] where name.hasPrefix(marker) {
        guard let pid = Int32(name.dropFirst(marker.count)), pid != getpid() else { continue }
        if kill(pid, 0) != 0, errno == ESRCH {
          try? FileSystem.removeIfPresent(parent + "/" + name)
        }
      }
    }
  }

  /// The files of a report, rendered, by name in a fixed order: the chosen formats, then the
  /// extra files sorted by name.
  static func files(
    _ bundle: ReportBundle, formats: Set<ReportFormat>, extraFiles: [String: Data],
    alsoRendered: Set<String> = []
  ) throws(ReportError) -> [(name: String, data: Data)] {
    // Each format is rendered on its own thread (the renderers read the bundle and nothing
    // else); the files keep the order below, whichever finishes first (README.md, Performance).
    let chosen = ReportFormat.allCases.filter { formats.contains($0) }
    let slots = RenderedSlots(count: chosen.count)
    DispatchQueue.concurrentPerform(iterations: chosen.count) { index in
      let rendered: Result<[(name: String, data: Data)], ReportError>
      switch chosen[index] {
      case .html: rendered = .success([("index.html", Data(HTMLRenderer().render(bundle).utf8))])
      case .md: rendered = .success([("summary.md", Data(MarkdownRenderer().render(bundle).utf8))])
      case .json:
        do throws(ReportError) {
          rendered = .success([("report.json", try JSONRenderer().render(bundle.report))])
        } catch {
          rendered = .failure(error)
        }
      case .csv:
        rendered = .success(
          CSVRenderer().render(bundle).map { ($0.name, Data($0.contents.utf8)) })
      }
      slots.set(index, rendered)
    }
    var files: [(name: String, data: Data)] = []
    for rendered in slots.results { files += try rendered.get() }
    let rendered = Set(files.map(\.name)).union(alsoRendered)
    for (name, data) in extraFiles.sorted(by: { $0.key < $1.key }) {
      try requirePlainName(name)
      guard !rendered.contains(name) else { throw ReportError.invalidName(name) }
      files.append((name, data))
    }
    return files
  }

  /// Refuses names that would leave the report directory or hide in it.
  private static func requirePlainName(_ name: String) throws(ReportError) {
    guard !name.isEmpty, !name.hasPrefix("."), !name.contains("/"), !name.contains("\0") else {
      throw ReportError.invalidName(name)
    }
  }
}

/// The renderings of a report's formats, filled in by the threads that render them.
private final class RenderedSlots: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [Result<[(name: String, data: Data)], ReportError>?]

  init(count: Int) {
    slots = Array(repeating: nil, count: count)
  }

  func set(_ index: Int, _ result: Result<[(name: String, data: Data)], ReportError>) {
    lock.lock()
    slots[index] = result
    lock.unlock()
  }

  /// Every slot's result, in order; read after the renderings are done.
  var results: [Result<[(name: String, data: Data)], ReportError>] {
    lock.lock()
    defer { lock.unlock() }
    return slots.compactMap { $0 }
  }
}

/// The few POSIX calls the writer needs, each failing with a `ReportError` naming the path.
enum FileSystem {
  static func exists(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0
  }

  /// `mkdir -p`.
  static func makeDirectories(_ path: String) throws(ReportError) {
    var current = path.hasPrefix("/") ? "" : "."
    for component in path.split(separator: "/") {
      current += "/" + component
      if mkdir(current, 0o755) != 0 {
        let code = errno
        var info = stat()
        let isDirectory = stat(current, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
        if code == EEXIST, isDirectory { continue }
        let reason = code == EEXIST ? "\(current) is not a directory" : message(code)
        throw ReportError.createDirectory(path: path, reason: reason)
      }
    }
  }

  static func makeDirectory(_ path: String) throws(ReportError) {
    guard mkdir(path, 0o755) == 0 else {
      throw ReportError.createDirectory(path: path, reason: message(errno))
    }
  }

  /// Writes `data` to a new file and flushes it to disk before closing.
  static func writeDurably(_ data: Data, to path: String) throws(ReportError) {
    try writeDurably(to: path) { output in output(data) }
  }

  /// Writes the pieces `body` hands to its argument, in order, to a new file and flushes it to
  /// disk before closing; the first failed write is the error.
  static func writeDurably(
    to path: String, _ body: (_ output: (Data) -> Void) throws(ReportError) -> Void
  ) throws(ReportError) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw ReportError.writeFile(path: path, reason: message(errno)) }
    defer { close(descriptor) }
    var failure: Int32?
    try body { data in
      guard failure == nil else { return }
      failure = data.withUnsafeBytes { buffer -> Int32? in
        guard let base = buffer.baseAddress else { return nil }
        var offset = 0
        while offset < buffer.count {
          let written = write(descriptor, base + offset, buffer.count - offset)
          if written < 0 {
            if errno == EINTR { continue }
            return errno
          }
          offset += written
        }
        return nil
      }
    }
    if let failure { throw ReportError.writeFile(path: path, reason: message(failure)) }
    guard fsync(descriptor) == 0 else {
      throw ReportError.writeFile(path: path, reason: message(errno))
    }
  }

  /// Flushes a directory's entries (the names of files just created or renamed) to disk.
  static func sync(directory path: String) throws(ReportError) {
    let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { throw ReportError.writeFile(path: path, reason: message(errno)) }
    defer { close(descriptor) }
    guard fsync(descriptor) == 0 else {
      throw ReportError.writeFile(path: path, reason: message(errno))
    }
  }

  /// Swaps two existing directories in one step with Linux's `renameat2(RENAME_EXCHANGE)`;
  /// false when the kernel or the file system cannot, and nothing moved.
  static func exchange(_ a: String, _ b: String) -> Bool {
    guard let exchange = renameExchange else { return false }
    return exchange(AT_FDCWD, a, AT_FDCWD, b, 2) == 0  // RENAME_EXCHANGE
  }

  /// glibc's `renameat2` (2.28+), which Swift's Glibc module does not import.
  private typealias RenameAt2 =
    @convention(c) (
      Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32
    ) -> Int32
  private static let renameExchange: RenameAt2? = {
    #if os(Linux)
      guard let symbol = dlsym(nil, "renameat2") else { return nil }
      return unsafeBitCast(symbol, to: RenameAt2.self)
    #else
      return nil
    #endif
  }()

  /// Renames with rename(2): atomic for the destination's name.
  static func move(_ source: String, to destination: String) throws(ReportError) {
    guard rename(source, destination) == 0 else {
      throw ReportError.replace(path: destination, reason: message(errno))
    }
  }

  /// Removes a file or a directory tree if it exists.
  static func removeIfPresent(_ path: String) throws(ReportError) {
    guard exists(path) else { return }
    do {
      try FileManager.default.removeItem(atPath: path)
    } catch {
      throw ReportError.writeFile(
        path: path, reason: "cannot remove: \(error.localizedDescription)")
    }
  }

  private static func message(_ code: Int32) -> String {
    String(cString: strerror(code))
  }
}
