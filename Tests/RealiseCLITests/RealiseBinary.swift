import Foundation
import RealiseTestSupport

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
    static let url: URL = BuiltExecutable.realise

    /// The environment every child runs in: this process's, without `REALISE_DB`, with `TZ=UTC` so that nothing
    /// depends on the machine's time zone (every test that reports also passes `--as-of`), plus `extra`.
    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "REALISE_DB")
        environment["TZ"] = "UTC"
        for (key, value) in extra { environment[key] = value }
        return environment
    }

    /// The backend the workspaces of the current test live on (see `on(_:_:)`).
    @TaskLocal static var backend = TestBackend.sqlite

    /// Runs `body` with every workspace it names on `backend`. On PostgreSQL, each workspace file a command names
    /// (`--db PATH`, `REALISE_DB`, or the default `realise.sqlite` in its folder) stands for a schema of the test
    /// server named after the file's absolute path, so a test written with files runs unchanged on both backends
    /// and its outputs can be held to the same golden files.
    static func on(_ backend: TestBackend, _ body: () throws -> Void) throws {
        if backend == .postgres { _ = try TestPostgres.workspace(for: "") }
        return try $backend.withValue(backend, operation: body)
    }

    /// `arguments` and `extra` with workspace files replaced by PostgreSQL URLs, when the test runs on PostgreSQL.
    private static func onBackend(_ arguments: [String], _ extra: [String: String], in directory: URL?) throws
        -> ([String], [String: String]) {
        guard backend == .postgres else { return (arguments, extra) }
        let folder = directory ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        func url(_ path: String) throws -> String {
            if path.hasPrefix("postgres") || path == ":memory:" { return path }
            return try TestPostgres.workspace(for: URL(fileURLWithPath: path, relativeTo: folder).standardizedFileURL.path)
        }
        var arguments = arguments, extra = extra
        var named = false
        for index in arguments.indices.dropLast() where arguments[index] == "--db" {
            arguments[index + 1] = try url(arguments[index + 1])
            named = true
        }
        for index in arguments.indices where arguments[index].hasPrefix("--db=") {
            arguments[index] = "--db=" + (try url(String(arguments[index].dropFirst(5))))
            named = true
        }
        if let path = extra["REALISE_DB"] {
            extra["REALISE_DB"] = try url(path)
        } else if !named {
            extra["REALISE_DB"] = try url("realise.sqlite")
        }
        return (arguments, extra)
    }

    /// A `Process` for `realise` with `arguments`, in the pinned environment with `environment` added, not yet
    /// started. With a `launcher` (a program on PATH and its arguments, such as `setpriv --reuid=…`), that program
    /// runs `binary` (default: the built one).
    static func process(_ arguments: [String], in directory: URL? = nil, environment extra: [String: String] = [:],
                        launcher: [String] = [], binary: URL? = nil) throws -> Process {
        let (arguments, extra) = try onBackend(arguments, extra, in: directory)
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
        process.environment = environment(extra)
        return process
    }

    /// Runs `realise` with `arguments` in `directory`, in the pinned environment with `environment` added. A run
    /// still going after `timeout` seconds, when given, is killed (it then ends with status 128 + SIGKILL), so a
    /// hang fails its test instead of the whole run. `launcher` and `binary` as for `process(…)`; `input`, when
    /// given, is its standard input (else it reads nothing).
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
                    timeout: Double? = nil, launcher: [String] = [], binary: URL? = nil, input: String? = nil) throws -> Result {
        let process = try Self.process(arguments, in: directory, environment: environment, launcher: launcher, binary: binary)
        let out = Pipe(), err = Pipe(), feed = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input == nil ? FileHandle.nullDevice : feed
        if let input {
            // Written whole (small enough for the pipe's buffer) and closed before the child starts, so that it sees
            // the end, and a child that exits without reading cannot leave the write to fail.
            feed.fileHandleForWriting.write(Data(input.utf8))
            try feed.fileHandleForWriting.close()
        }
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
