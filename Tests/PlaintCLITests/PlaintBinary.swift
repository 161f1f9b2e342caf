import Foundation

/// Runs the built `plaint` binary and captures what a user would see.
struct PlaintBinary {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  /// `$PLAINT_BIN` (set by `make test`), else the debug build in `.build`.
  static var path: String {
    if let path = ProcessInfo.processInfo.environment["PLAINT_BIN"] { return path }
    return repositoryRoot.appendingPathComponent(".build/debug/plaint").path
  }

  static var isBuilt: Bool { FileManager.default.isExecutableFile(atPath: path) }

  /// Runs `plaint` with `arguments`; `input` is a file read as standard input.
  static func run(_ arguments: [String], in directory: URL? = nil, input: URL? = nil) throws
    -> Result
  {
    try run(executable: path, arguments, in: directory, input: input)
  }

  /// Runs any program and captures what it printed.
  static func run(
    executable: String, _ arguments: [String], in directory: URL? = nil, input: URL? = nil
  ) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    if let input { process.standardInput = try FileHandle(forReadingFrom: input) }
    // Files rather than pipes: a chatty program can never fill a pipe and stall.
    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("plaint-out-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("stdout")
    let errURL = scratch.appendingPathComponent("stderr")
    FileManager.default.createFile(atPath: outURL.path, contents: nil)
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: outURL)
    process.standardError = try FileHandle(forWritingTo: errURL)
    try process.run()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus,
      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
  }

  /// Starts `plaint` without waiting; its output is discarded.
  static func start(_ arguments: [String], in directory: URL? = nil) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
  }

  /// A fresh copy of a fixture folder in a temporary directory.
  static func copyFixture(_ name: String) throws -> URL {
    let target = FileManager.default.temporaryDirectory
      .appendingPathComponent("plaint-cli-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name), to: target)
    return target
  }
}
