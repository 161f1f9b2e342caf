import Foundation

/// One result per thread of a `DispatchQueue.concurrentPerform`, each set once by its thread
/// and read after every thread is done.
public final class ResultSlots<Value, Failure: Error>: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [Result<Value, Failure>?]

  public init(count: Int) {
    slots = Array(repeating: nil, count: count)
  }

  public func set(_ index: Int, _ result: Result<Value, Failure>) {
    lock.lock()
    slots[index] = result
    lock.unlock()
  }

  /// The value of thread `index`, or the error it met.
  public func value(_ index: Int) throws(Failure) -> Value {
    lock.lock()
    let slot = slots[index]
    lock.unlock()
    guard let slot else { preconditionFailure("slot \(index) was not set") }
    return try slot.get()
  }

  /// The value of thread `index` moved out of its slot, which is left empty: the caller holds
  /// the only copy and can change it in place (`value` shares its storage with the slot).
  public func take(_ index: Int) throws(Failure) -> Value {
    lock.lock()
    let slot = slots[index]
    slots[index] = nil
    lock.unlock()
    guard let slot else { preconditionFailure("slot \(index) was not set or was taken") }
    return try slot.get()
  }
}
