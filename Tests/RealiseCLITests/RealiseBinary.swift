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

    /// Runs `realise` with `arguments` in `directory`, with `environment` added (and `REALISE_DB`/`NO_COLOR` cleared
    /// unless given). A run still going after `timeout` seconds, when given, is killed (it then ends with status
    /// 128 + SIGKILL), so a hang fails its test instead of the whole run. With a `launcher` (a program on PATH
    /// and its arguments, such as `setpriv --reuid=…`), that program runs `binary` (default: the built one).
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
                    timeout: Double? = nil, launcher: [String] = [], binary: URL? = nil) throws -> Result {
        let process = Process()
        if let first = launcher.first {
            // Another program runs realise (`setpriv … realise ARGS`): found on PATH, never at a fixed place.
            process.executableURL = try tool(first)
            process.arguments = launcher.dropFirst() + [(binary ?? url).path] + arguments
        } else {
            process.executableURL = binary ?? url
            process.arguments = arguments
        }
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "REALISE_DB")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        if let timeout {
            let pid = process.processIdentifier
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { if process.isRunning { kill(pid, SIGKILL) } }
        }
        // Read both pipes concurrently with the process so large outputs cannot fill a pipe and block it.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        DispatchQueue.global().async(group: group) { outData = out.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        process.waitUntilExit()
        group.wait()
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return Result(status: status, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// The executable `name` found on `PATH`.
    static func tool(_ name: String) throws -> URL {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
            return URL(fileURLWithPath: "\(folder)/\(name)")
        }
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: name, NSLocalizedDescriptionKey: "\(name) is not on PATH"])
    }

    /// A fresh empty folder for one test.
    static func scratchFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("realise-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The sample programme shipped in `imports/`.
    static var samplePlans: String { packageRoot.appendingPathComponent("imports").path }
}
