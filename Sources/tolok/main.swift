import Foundation
import TolokCLI

let arguments = Array(CommandLine.arguments.dropFirst())
TolokCommandLine.setMemoryPolicy(for: arguments)
// An interrupted run removes its temporary files and leaves the previous outputs in place.
TolokCommandLine.removeTemporaryFilesOnInterrupt()
exit(TolokCommandLine.run(arguments, console: .standard()))
