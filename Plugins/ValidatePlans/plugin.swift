import Foundation
import PackagePlugin

/// `swift package validate-plans [PATH...]`: validates every plan under the package's `imports/` folder
/// (or the given paths) with the package's own `realise validate`, and fails when any plan has errors.
@main
struct ValidatePlans: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let realise = try context.tool(named: "realise")
        let root = context.package.directoryURL
        let paths = arguments.isEmpty ? [root.appendingPathComponent("imports").path] : arguments
        let process = Process()
        process.executableURL = realise.url
        process.arguments = ["validate"] + paths
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            Diagnostics.error("realise validate found problems in \(paths.joined(separator: " ")) (exit \(process.terminationStatus))")
            throw PlanValidationFailed(status: process.terminationStatus)
        }
    }
}

/// The plugin's failure when a plan does not validate.
struct PlanValidationFailed: Error, CustomStringConvertible {
    let status: Int32
    var description: String { "plan validation failed with exit code \(status)" }
}
