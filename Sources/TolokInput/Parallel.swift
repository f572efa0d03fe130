/// One result per index of a `DispatchQueue.concurrentPerform`: each iteration writes only its
/// own slot (through a pointer allocated once, so concurrent writes touch disjoint memory), and
/// the results are read after all iterations have finished.
final class ParallelResults<T>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    subscript(index: Int) -> T? {
        get { slots[index] }
        set { slots[index] = newValue }
    }
}
