import Foundation
import TolokCLI

exit(TolokCommandLine.run(Array(CommandLine.arguments.dropFirst()), console: .standard()))
