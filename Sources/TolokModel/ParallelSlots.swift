/// One result per index of a `DispatchQueue.concurrentPerform`: each iteration writes only its
/// own slot (through a pointer allocated once, so concurrent writes touch disjoint memory), and
/// the results are read after all iterations have finished. `@unchecked Sendable` for that
/// reason: writes to disjoint slots, reads after the dispatch has joined them.
package final class ParallelSlots<T>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<T?>
    private let count: Int

    package init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    package subscript(index: Int) -> T? {
        get { slots[index] }
        set { slots[index] = newValue }
    }
}
