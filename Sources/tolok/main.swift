import Foundation
import TolokCLI
#if canImport(Glibc)
// Large buffers (the columns of a national dataset) get their own mappings and go back to the
// system when freed. glibc's default threshold moves up as such buffers are freed, after which
// they come from the heap, which does not shrink: the peak memory of one run then depended on the
// order of earlier allocations (17 MB apart at national scale for the same data).
// (`mallopt` is in malloc.h, which the Glibc module does not export; M_MMAP_THRESHOLD is -3.)
@_silgen_name("mallopt") func mallopt(_ parameter: Int32, _ value: Int32) -> Int32
_ = mallopt(-3, 4 << 20)
#endif

// An interrupted run removes its temporary files and leaves the previous outputs in place.
TolokCommandLine.removeTemporaryFilesOnInterrupt()
exit(TolokCommandLine.run(Array(CommandLine.arguments.dropFirst()), console: .standard()))
