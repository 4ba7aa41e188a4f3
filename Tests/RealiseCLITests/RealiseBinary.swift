import Foundation

/// Runs the built `realise` executable as a user would, capturing its output and exit code.
struct RealiseBinary {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The package root, from this file's location.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The `realise` binary built beside the test bundle (the test target depends on it), or `$REALISE_BIN`.
    static let url: URL = {
        if let path = ProcessInfo.processInfo.environment["REALISE_BIN"] { return URL(fileURLWithPath: path) }
        var candidates: [URL] = []
        for start in [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0])] {
            var folder = start
            for _ in 0..<4 {
                candidates.append(folder.appendingPathComponent("realise"))
                folder.deleteLastPathComponent()
            }
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/realise"))
        return candidates.first { candidate in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isFolder) && !isFolder.boolValue
        } ?? candidates.last!
    }()

    /// The environment every child runs in: this process's, without `REALISE_DB`, with `TZ=UTC` so that nothing
    /// depends on the machine's time zone (every test that reports also passes `--as-of`), plus `extra`.
    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "REALISE_DB")
        environment["TZ"] = "UTC"
        for (key, value) in extra { environment[key] = value }
        return environment
    }

    /// A `Process` for `realise` with `arguments`, in the pinned environment, not yet started.
    static func process(_ arguments: [String], in directory: URL? = nil, environment extra: [String: String] = [:]) -> Process {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.environment = environment(extra)
        return process
    }

    /// Runs `realise` with `arguments` in `directory`, in the pinned environment with `environment` added.
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Self.process(arguments, in: directory, environment: environment)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes concurrently with the process so large outputs cannot fill a pipe and block it.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        DispatchQueue.global().async(group: group) { outData = out.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        process.waitUntilExit()
        group.wait()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// The sample programme shipped in `imports/`.
    static var samplePlans: String { packageRoot.appendingPathComponent("imports").path }
}

/// A fresh empty folder for one test, removed with everything in it when the test's suite instance (which holds
/// it) goes away — Swift Testing makes one instance per test, so every test cleans up, passed or failed.
final class Scratch: Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("realise-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
