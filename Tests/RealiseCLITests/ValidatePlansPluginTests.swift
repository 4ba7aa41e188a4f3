import Foundation
import Testing

/// `swift package validate-plans`, the command plugin, run as a developer would run it. `swift test` holds the
/// lock on `.build` while its tests run, and has already built `realise` there, so the plugin runs with
/// `--ignore-lock` on the same `.build`: its build only checks that `realise` is up to date (seconds). A scratch
/// folder of its own would build the whole package a second time (a quarter of an hour on a fresh CI machine).
@Suite("swift package validate-plans (end to end)")
struct ValidatePlansPluginTests {
    static let swiftMissing = "swift is not on PATH"

    /// Runs `swift package validate-plans` with `paths` from the package root: exit status, standard output and error.
    private func validatePlans(_ swift: String, _ paths: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: swift)
        process.arguments = ["package", "--ignore-lock", "validate-plans"] + paths
        process.currentDirectoryURL = RealiseBinary.packageRoot
        process.environment = RealiseBinary.environment()
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test("validates the sample programme, and fails naming the file of a plan with errors",
          Requirement.needs(Requirement.tool("swift") != nil, swiftMissing), .timeLimit(.minutes(5)))
    func validatePlans() throws {
        let swift = try Requirement.require(Requirement.tool("swift"), Self.swiftMissing)
        let sample = try validatePlans(swift, [])
        #expect(sample.status == 0, "\(sample.output)")
        let broken = RealiseBinary.packageRoot.appendingPathComponent("Tests/RealiseImportTests/Fixtures/validation/dangling-ref.xml").path
        let failed = try validatePlans(swift, [broken])
        #expect(failed.status != 0, "\(failed.output)")
        #expect(failed.output.contains("dangling-ref.xml"), "\(failed.output)")
        #expect(failed.output.contains("realise validate found problems"), "\(failed.output)")
    }
}
