import Foundation

exit(CommandDispatch.run(Array(CommandLine.arguments.dropFirst())).rawValue)
