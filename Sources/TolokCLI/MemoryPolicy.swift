#if canImport(Glibc)
import Glibc
#endif

/// How glibc's allocator hands memory back to the system, chosen per command by the executable
/// (``TolokCommandLine/setMemoryPolicy(for:)``): the pipeline keeps its peak small and
/// repeatable, the report and the analysis commands keep what they free for reuse.
/// (`mallopt` is in malloc.h, which the Glibc module does not export, hence the declaration by
/// symbol name; elsewhere these do nothing.)
enum MemoryPolicy {
    /// Large buffers (4 MB and more: the columns of a national dataset) get their own mappings and
    /// go back to the system when freed. glibc's default threshold moves up as such buffers are
    /// freed, after which they come from the heap, which does not shrink: the peak memory of one
    /// run then depended on the order of earlier allocations (17 MB apart at national scale for
    /// the same data). The default of every command.
    static func returnLargeBuffers() {
        #if canImport(Glibc)
        _ = mallopt(mmapThreshold, 4 << 20)
        #endif
    }

    /// Freed memory stays in the process for the next allocation: no buffer gets its own mapping
    /// and the heap is never trimmed. Memory the system gives back costs a page fault and a zeroed
    /// page at each first touch; the full report allocates and frees about three times its peak
    /// (half a million faults, a second of system time at national scale), so it reuses instead,
    /// for a higher peak (about 780 MB instead of 640 MB at scale 1).
    ///
    /// All threads also share one heap (arena): glibc otherwise gives each worker thread its own,
    /// and memory one thread frees cannot serve another's next allocation, so every heap grows
    /// to its own peak. One heap at scale 1: 167,000–200,000 page faults instead of 201,000–231,000,
    /// a peak of 690–775 MB instead of 739–805 MB. Small allocations still come from each thread's
    /// cache, without the heap's lock.
    static func reuseFreedMemory() {
        #if canImport(Glibc)
        _ = mallopt(mmapMax, 0)
        _ = mallopt(trimThreshold, Int32.max)
        _ = mallopt(arenaMax, 1)
        #endif
    }

    #if canImport(Glibc)
    // malloc.h's parameter numbers.
    private static let trimThreshold: Int32 = -1, mmapThreshold: Int32 = -3, mmapMax: Int32 = -4, arenaMax: Int32 = -8
    #endif
}

#if canImport(Glibc)
@_silgen_name("mallopt") private func mallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
