import Foundation
import Logging
import PlaintCore
import PlaintStore

/// `plaint validate`: the run's preflight and ingest against a scratch copy of the store, so the
/// accounting is exactly what `run` would record, and nothing is written.
public struct Validation: Sendable {
  /// One input file as `run` would account for it (docs/input-rules.md).
  @dynamicMemberLookup
  public struct Input: Encodable, Sendable {
    public var path: String
    public var sha256: String
    /// How the file's rows ended, with the reasons rows were rejected.
    public var rows: RowAccounting
    /// The store has read this exact file before; its earlier accounting is shown and `run`
    /// would skip it.
    public var alreadyIngested: Bool

    public subscript<Value>(dynamicMember count: WritableKeyPath<RowAccounting, Value>) -> Value {
      get { rows[keyPath: count] }
      set { rows[keyPath: count] = newValue }
    }

    enum CodingKeys: String, CodingKey {
      case path, sha256, reasons, alreadyIngested
    }

    public func encode(to encoder: any Encoder) throws {
      try rows.encode(to: encoder)
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(path, forKey: .path)
      try container.encode(sha256, forKey: .sha256)
      try container.encode(rows.reasons, forKey: .reasons)
      try container.encode(alreadyIngested, forKey: .alreadyIngested)
    }
  }

  /// Something that stops the run (`error`) or that the user should confirm (`warning`).
  public struct Problem: Encodable, Sendable {
    public enum Level: String, Encodable, Sendable { case error, warning }
    public var level: Level
    /// The file at fault, when there is one (the config, an export, the taxonomy…).
    public var path: String?
    public var message: String
  }

  public var inputs: [Input] = []
  public var problems: [Problem] = []
  /// The exit status `run` would end with on these inputs (before judging any cell).
  public var status: ExitStatus = .success

  /// Checks the configuration at `configurationPath` and reads every input it names.
  public static func check(configurationPath: String, store: String? = nil, logger: Logger)
    -> Validation
  {
    var validation = Validation()
    do {
      let configuration = try Configuration.load(path: configurationPath)
      let context = try RunContext(configuration: configuration, checkingColumns: false)
      let storePath = configuration.storePath(store)
      let scratch = try Store.scratchCopy(of: storePath)
      // A ticket row deleted or half-cleared by hand would be used as it is: the store must
      // agree with its own accounting before anything is read into it.
      try scratch.checkAccounting()
      let ingestion = Ingestion(
        configuration: configuration, placement: context.placement, logger: logger)
      var digests: [String] = []
      for file in context.files {
        digests.append(try FileDigest.sha256(path: file.settings.path))
      }
      try ingestion.forgetChanged(context.files, digests: digests, store: scratch)
      for file in context.files {
        validation.read(file, with: ingestion, into: scratch)
      }
      // A file read later may have displaced copies an earlier one had accepted.
      for index in validation.inputs.indices {
        let sha = validation.inputs[index].sha256
        if let now = try scratch.source(sha256: sha) {
          validation.inputs[index].accepted = now.accepted
          validation.inputs[index].duplicates = now.duplicates
        }
      }
      validation.checkKeyAccounts(context.placement.keyAccounts, in: scratch, configuration)
      // As `run` fails when no source gave a complaint, so does its dry run.
      if validation.status == .success, validation.inputs.allSatisfy({ $0.accepted == 0 }) {
        throw PlaintError(
          .dataError,
          "\(configuration.file): no complaints were accepted from any source; check `sources` and the rejects"
        )
      }
    } catch {
      validation.fail(Failure.plaint(error), path: nil)
    }
    return validation
  }

  private mutating func read(_ file: InputFile, with ingestion: Ingestion, into store: Store) {
    let path = file.settings.displayPath
    do {
      let sha = try FileDigest.sha256(path: file.settings.path)
      if let earlier = try store.source(sha256: sha) {
        inputs.append(Input(earlier, path: path, alreadyIngested: true))
        return
      }
      let read = try ingestion.ingest(file, sha256: sha, store: store, now: Date())
      inputs.append(Input(read.accounting, path: path, alreadyIngested: false))
      problems += read.warnings.map { Problem(level: .warning, path: path, message: $0) }
      if read.accounting.replacedBytes > 0 {
        problems.append(
          Problem(
            level: .warning, path: path,
            message:
              "\(read.accounting.replacedBytes) bytes are not valid in the file's encoding and were read as U+FFFD; set `encoding` if the file is not UTF-8"
          ))
      }
    } catch {
      fail(Failure.plaint(error), path: path)
    }
  }

  /// A key-account list that matches no ticket was most likely read from the wrong column.
  private mutating func checkKeyAccounts(
    _ accounts: KeyAccounts, in store: Store, _ configuration: Configuration
  ) {
    let listed = accounts.customerIDs.count + accounts.domains.count
    guard listed > 0,
      let counts = try? store.cellCounts(granularity: configuration.granularity)
    else { return }
    let total = counts.reduce(0) { $0 + $1.count }
    let keyAccounts = counts.filter { $0.cell.tier == .keyAccount }.reduce(0) { $0 + $1.count }
    guard total > 0, keyAccounts == 0 else { return }
    let hint =
      configuration.keyAccounts != nil && configuration.keyAccountsColumn == nil
      ? "; the ids are read from the `key` column, else the first one: name another with `key_accounts: {path: …, column: …}`"
      : ""
    problems.append(
      Problem(
        level: .warning, path: configuration.keyAccounts,
        message:
          "no ticket's customer (of \(total) tickets) matches any of the \(listed) key-account entries; check that they hold the same ids or e-mail addresses as the exports' customer column\(hint)"
      ))
  }

  private mutating func fail(_ error: PlaintError, path: String?) {
    // Messages name their file already; the problem's path is not repeated in front of it.
    var message = error.message
    if let path, message.hasPrefix(path + ": ") {
      message = String(message.dropFirst(path.count + 2))
    }
    problems.append(Problem(level: .error, path: path, message: message))
    if status == .success { status = error.status }
  }

  /// `{"inputs": [...], "problems": [...]}`, keys sorted, for scripts.
  public func json() -> String {
    struct Document: Encodable {
      var inputs: [Input]
      var problems: [Problem]
    }
    let data = try? PrettyJSON.encode(Document(inputs: inputs, problems: problems), snakeCase: true)
    return String(decoding: data ?? Data(), as: UTF8.self)
  }

  /// A table of the accounting and the warnings, for people; errors are left to the caller,
  /// which prints them on stderr, so none is shown twice.
  public func text() -> String {
    var lines: [String] = []
    let header = ["file", "rows", "accepted", "rejected", "duplicates", "filtered"]
    var rows = [header]
    for input in inputs {
      let note = input.alreadyIngested ? " (already ingested)" : ""
      rows.append(
        [input.path + note]
          + [
            input.rowsRead, input.accepted, input.rejected, input.duplicates, input.filtered,
          ].map(String.init))
    }
    let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
    for row in rows where inputs.count > 0 {
      let cells = row.indices.map { column in
        let cell = row[column]
        let pad = String(repeating: " ", count: widths[column] - cell.count)
        return column == 0 ? cell + pad : pad + cell
      }
      lines.append(cells.joined(separator: "  "))
    }
    for input in inputs where !input.reasons.isEmpty {
      let reasons = input.reasons.sorted { $0.key < $1.key }
        .map { "\($0.value) \($0.key)" }.joined(separator: ", ")
      lines.append("\(input.path): rejected \(reasons)")
    }
    for problem in problems where problem.level == .warning {
      // A message that names its file already is not prefixed with it again.
      let place = problem.path.map { problem.message.contains($0) ? "" : "\($0): " } ?? ""
      lines.append("\(problem.level.rawValue): \(place)\(problem.message)")
    }
    if problems.isEmpty { lines.append("ok: nothing was written") }
    return lines.joined(separator: "\n")
  }
}

extension Validation.Input {
  init(_ accounting: SourceAccounting, path: String, alreadyIngested: Bool) {
    self.init(
      path: path, sha256: accounting.sha256, rows: accounting.rows,
      alreadyIngested: alreadyIngested)
  }
}
