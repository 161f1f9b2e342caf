import Foundation
import PlaintCore

/// Reading several exports at once (README.md, Performance).
///
/// A run reads its files one after another into the store, each in its own transaction, and the
/// store-writing thread takes them in the configuration's order. Parsing and classifying need not
/// wait for that turn: `ReadAhead` reads up to `ahead` files at once, each on its own thread (a
/// large file with its own part workers, as `ExportReader.read(threads:)` does), into a bounded
/// queue per file. `read(_:)` then hands one file's tickets, rejects and progress to the calling
/// thread, in file order, exactly as `ExportReader.read(threads:)` would have, so what the store
/// holds does not depend on which file finished parsing first. Memory is bounded by `ahead`
/// queues of `capacity` events, whatever the number and size of the files. Call `finish()` when
/// done, also after a failure: it stops the readers still running and waits for them.
public final class ReadAhead<Item: Sendable>: @unchecked Sendable {
  /// Events a file's queue holds before its reader waits for the writer.
  public static var defaultCapacity: Int { 2_048 }

  private let files: [SourceSettings]
  private let ahead: Int
  private let threads: Int
  private let capacity: Int
  private let transform: @Sendable (Ticket) -> Item
  private let relocate: @Sendable (inout Item, Int) -> Void
  private let condition = NSCondition()
  private var queues: [Queue] = []
  private var cancelled = false
  private let running = DispatchGroup()

  /// One file's events, written by its reader thread and taken by `read`.
  private struct Queue {
    var events: [Event] = []
    var result: Result<FileAccounting, IngestError>?
  }

  private enum Event {
    case item(Item)
    case reject(Reject)
    case progress(bytes: Int, rows: Int)
  }

  /// Thrown inside a reader thread once the run no longer wants its file.
  private struct Cancelled: Error {}

  /// Starts reading the first `ahead` of `files`; each is parsed with `threads` part workers
  /// when large enough (`ExportReader.read(threads:)`).
  public init(
    files: [SourceSettings], ahead: Int, threads: Int, capacity: Int = ReadAhead.defaultCapacity,
    transform: @escaping @Sendable (Ticket) -> Item,
    relocate: @escaping @Sendable (inout Item, Int) -> Void
  ) {
    self.files = files
    self.ahead = max(1, ahead)
    self.threads = threads
    self.capacity = max(1, capacity)
    self.transform = transform
    self.relocate = relocate
    condition.lock()
    while queues.count < min(files.count, self.ahead) { start() }
    condition.unlock()
  }

  /// Hands file `index`'s tickets, rejects and progress to the callbacks on the calling thread,
  /// in file order, as `ExportReader.read(threads:...)` does; files are read in increasing
  /// `index`, each once. What the callbacks throw comes out as `IngestError.consumer`.
  public func read(
    _ index: Int, onItem: (Item) throws -> Void, onReject: (Reject) throws -> Void,
    onProgress: (_ bytes: Int, _ rows: Int) -> Void = { _, _ in }
  ) throws(IngestError) -> FileAccounting {
    defer {
      condition.lock()
      // This file is done (or failed): the next one may start.
      while queues.count < min(files.count, index + 1 + ahead) { start() }
      condition.unlock()
    }
    do {
      while true {
        condition.lock()
        while index >= queues.count { start() }
        while queues[index].events.isEmpty && queues[index].result == nil { condition.wait() }
        let events = queues[index].events
        queues[index].events = []
        let result = events.isEmpty ? queues[index].result : nil
        condition.broadcast()
        condition.unlock()
        if let result { return try result.get() }
        for event in events {
          switch event {
          case .item(let item): try ConsumerFailure.marking { try onItem(item) }
          case .reject(let reject): try ConsumerFailure.marking { try onReject(reject) }
          case .progress(let bytes, let rows): onProgress(bytes, rows)
          }
        }
      }
    } catch {
      throw .converting(error, path: files[index].displayPath)
    }
  }

  /// Stops every reader still running and waits for their threads.
  public func finish() {
    condition.lock()
    cancelled = true
    condition.broadcast()
    condition.unlock()
    running.wait()
  }

  /// Starts the reader of the next file; called with the lock held.
  private func start() {
    let index = queues.count
    queues.append(Queue())
    guard !cancelled else {
      queues[index].result = .failure(.consumer(ConsumerFailure(error: Cancelled())))
      return
    }
    running.enter()
    let thread = Thread { [self] in
      let result: Result<FileAccounting, IngestError>
      do {
        let reader = try ExportReader(settings: files[index])
        let relocate = self.relocate
        result = .success(
          try reader.read(
            threads: threads, transform: transform, relocate: { relocate(&$0, $1) },
            onItem: { try self.push(.item($0), to: index) },
            onReject: { try self.push(.reject($0), to: index) },
            onProgress: { bytes, rows in
              try? self.push(.progress(bytes: bytes, rows: rows), to: index)
            }))
      } catch {
        result = .failure(.converting(error, path: files[index].displayPath))
      }
      condition.lock()
      queues[index].result = result
      condition.broadcast()
      condition.unlock()
      running.leave()
    }
    // As the part workers: parsing deep records needs more than a secondary thread's default.
    thread.stackSize = 8 << 20
    thread.start()
  }

  /// Queues one event of file `index`, waiting while its queue is full.
  private func push(_ event: Event, to index: Int) throws {
    condition.lock()
    defer { condition.unlock() }
    while !cancelled && queues[index].events.count >= capacity { condition.wait() }
    if cancelled { throw Cancelled() }
    if case .progress = event, case .progress = queues[index].events.last {
      queues[index].events[queues[index].events.count - 1] = event
    } else {
      queues[index].events.append(event)
    }
    if queues[index].events.count == 1 { condition.broadcast() }
  }
}
