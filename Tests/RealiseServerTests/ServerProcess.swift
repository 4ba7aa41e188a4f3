import Foundation
import RealiseTestSupport

/// The built `realise` running `serve` over a workspace, as an operator starts it: `--port 0` (the port taken is read
/// from the `listening on http://HOST:PORT` line it prints), `--as-of` the fixture's day, `TZ=UTC`. Its request log
/// (standard error) goes to a file beside the workspace, quoted when something fails. Stopped with a signal by
/// `stop(_:)`; killed if a test ends without stopping it.
final class ServerProcess: @unchecked Sendable {
    /// The day the server takes as today.
    static let asOf = "2026-12-01"

    /// The port it listens on, and its base URL (`http://127.0.0.1:PORT`).
    let port: Int
    let url: String
    /// Its standard error: the request log and any failure.
    let logFile: URL

    private let process: Process
    private let exited = DispatchSemaphore(value: 0)

    /// How a `stop(_:)` went.
    enum Exit: Equatable, CustomStringConvertible {
        /// It exited by itself with this status.
        case status(Int32)
        /// A signal it did not handle ended it.
        case signal(Int32)
        /// It was still running `seconds` after the signal, and was killed.
        case hung(seconds: Double)

        var description: String {
            switch self {
            case .status(let code): "exit status \(code)"
            case .signal(let number): "killed by signal \(number)"
            case .hung(let seconds): "still running \(seconds) s after the signal (killed)"
            }
        }
    }

    /// Starts `realise serve --db WORKSPACE --port 0 --as-of 2026-12-01` and waits for its `listening on` line.
    /// - Throws: when it cannot start, or exits or stays silent for `startTimeout` seconds before listening (the
    ///   error quotes its standard error).
    init(workspace: String, in folder: URL, startTimeout: Double = 120) throws {
        logFile = folder.appendingPathComponent("serve-\(UUID().uuidString.prefix(8)).log")
        guard FileManager.default.createFile(atPath: logFile.path, contents: nil) else {
            throw RealiseCommand.Failure(description: "cannot create \(logFile.path)")
        }
        process = Process()
        process.executableURL = BuiltExecutable.realise
        process.arguments = ["serve", "--db", workspace, "--port", "0", "--as-of", Self.asOf]
        process.environment = RealiseCommand.environment
        process.currentDirectoryURL = folder
        let out = Pipe()
        process.standardOutput = out
        process.standardError = try FileHandle(forWritingTo: logFile)
        process.standardInput = FileHandle.nullDevice
        let exited = exited
        process.terminationHandler = { _ in exited.signal() }
        try process.run()

        // Standard output is read to its end on another thread: the first `listening on` line is the address, and
        // reading on keeps a chatty server from blocking on a full pipe.
        let listening = ListeningLine()
        let reader = out.fileHandleForReading
        DispatchQueue.global().async {
            while case let data = reader.availableData, !data.isEmpty { listening.append(data) }
            listening.finish()
        }
        guard listening.wait(seconds: startTimeout), let address = listening.address,
              let port = address.split(separator: ":").last.flatMap({ Int($0) }) else {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            let log = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
            throw RealiseCommand.Failure(description: "realise serve did not print `listening on`; stdout: \(listening.text); stderr: \(log)")
        }
        self.port = port
        url = "http://127.0.0.1:\(port)"
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// Sends `signal` (SIGTERM by default) and waits up to `seconds` for the server to exit; kills it after that.
    func stop(_ signal: Int32 = SIGTERM, within seconds: Double = 15) -> Exit {
        if process.isRunning { kill(process.processIdentifier, signal) }
        return waitForExit(within: seconds)
    }

    /// Waits up to `seconds` for the server to exit by itself (after a signal already sent); kills it after that.
    func waitForExit(within seconds: Double) -> Exit {
        if exited.wait(timeout: .now() + seconds) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return .hung(seconds: seconds)
        }
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal ? .signal(process.terminationStatus) : .status(process.terminationStatus)
    }

    /// Sends `signal` without waiting.
    func send(_ signal: Int32) { kill(process.processIdentifier, signal) }

    /// Its standard error so far.
    var log: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }
}

/// The server's standard output as it arrives, and the address of its first `listening on ` line.
private final class ListeningLine: @unchecked Sendable {
    private let lock = NSLock()
    private let found = DispatchSemaphore(value: 0)
    private var buffer = Data()
    private var signalled = false
    private var stored: String?

    var address: String? { lock.withLock { stored } }

    var text: String { lock.withLock { String(decoding: buffer, as: UTF8.self) } }

    func append(_ data: Data) {
        lock.withLock {
            buffer.append(data)
            guard stored == nil else { return }
            for line in String(decoding: buffer, as: UTF8.self).split(separator: "\n") where line.hasPrefix("listening on http://") {
                stored = String(line.dropFirst("listening on http://".count)).trimmingCharacters(in: .whitespaces)
                signal()
                break
            }
        }
    }

    /// Standard output ended (the server exited): stop waiting.
    func finish() { lock.withLock { signal() } }

    func wait(seconds: Double) -> Bool { found.wait(timeout: .now() + seconds) == .success }

    private func signal() {
        guard !signalled else { return }
        signalled = true
        found.signal()
    }
}
