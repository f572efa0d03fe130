import Synchronization

/// One result per index of a `DispatchQueue.concurrentPerform`: each iteration stores its own
/// slot, and the results are read after all iterations have finished (behind a mutex, so the
/// compiler checks the sharing).
package final class ParallelSlots<T: Sendable>: Sendable {
    private let slots: Mutex<[T?]>

    package init(count: Int) {
        slots = Mutex(Array(repeating: nil, count: count))
    }

    package subscript(index: Int) -> T? {
        get { slots.withLock { $0[index] } }
        set { slots.withLock { $0[index] = newValue } }
    }
}
