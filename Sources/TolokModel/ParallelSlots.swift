import Dispatch

/// One result per index of a `DispatchQueue.concurrentPerform` (or per task of a dispatch group):
/// each iteration stores its own slot, and the results are read once the iterations have finished.
///
/// `@unchecked Sendable`: no two threads touch one slot, and the reads come after the dispatch
/// call (or the group's wait) has returned, which orders them after the writes. The slots are
/// separate objects, not elements of one array behind a lock: Swift's `Mutex` waits on a futex
/// that ThreadSanitizer cannot see, so it took two threads storing into one locked array for a
/// race. With separate slots ThreadSanitizer checks the real contract.
package final class ParallelSlots<T: Sendable>: @unchecked Sendable {
    private final class Slot {
        var value: T?
    }

    private let slots: [Slot]

    package init(count: Int) {
        slots = (0..<count).map { _ in Slot() }
    }

    package subscript(index: Int) -> T? {
        get { slots[index].value }
        set { slots[index].value = newValue }
    }

    /// The value of slot `index`, which is left empty: the caller then holds the value's only
    /// reference, so changing it copies none of its arrays.
    package func take(_ index: Int) -> T? {
        slots[index].value.take()
    }
}

/// Independent pieces of work, each storing its result in its own ``ParallelSlots`` slot.
package enum ParallelTasks {
    /// Runs `tasks`: side by side on `threads > 1` (`DispatchQueue.concurrentPerform`, as many at
    /// once as there are cores; list the longest first), otherwise one after the other, in order.
    package static func run(threads: Int, _ tasks: [@Sendable () -> Void]) {
        if threads > 1 && tasks.count > 1 {
            DispatchQueue.concurrentPerform(iterations: tasks.count) { tasks[$0]() }
        } else {
            for task in tasks { task() }
        }
    }
}
