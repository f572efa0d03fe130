import Foundation
import TolokCLI
MemoryPolicy.returnLargeBuffers()

// An interrupted run removes its temporary files and leaves the previous outputs in place.
TolokCommandLine.removeTemporaryFilesOnInterrupt()
exit(TolokCommandLine.run(Array(CommandLine.arguments.dropFirst()), console: .standard()))
