import Foundation
import RealiseTestSupport

/// Runs the built `realise` (or another program) to its end, as the tests that set up a served workspace need.
enum RealiseCommand {
    /// A command that failed, or a tool that could not be run; its description says what happened.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// What a finished command printed.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The environment every child runs in: this process's with `TZ=UTC` (nothing depends on the machine's zone) and
    /// without `REALISE_DB` (each command names its workspace).
    static var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "REALISE_DB")
        environment["TZ"] = "UTC"
        return environment
    }

    /// `realise ARGUMENTS` with `input` on standard input.
    /// - Throws: `Failure` when it exits other than 0.
    @discardableResult
    static func realise(_ arguments: [String], input: String? = nil, in folder: URL? = nil) throws -> String {
        let result = try run(BuiltExecutable.realise, arguments, input: input, in: folder)
        guard result.status == 0 else {
            throw Failure(description: "realise \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)\(result.stdout)")
        }
        return result.stdout
    }

    /// `program ARGUMENTS` in `folder` with `environment` added, killed after `timeout` seconds (a hang then fails
    /// its test with status 137 instead of stopping the run).
    static func run(_ program: URL, _ arguments: [String], input: String? = nil, in folder: URL? = nil,
                    environment extra: [String: String] = [:], timeout: Double = 600) throws -> Result {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.environment = environment.merging(extra) { $1 }
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe(), err = Pipe(), into = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input == nil ? FileHandle.nullDevice : into
        try process.run()
        if let input {
            into.fileHandleForWriting.write(Data(input.utf8))
            try into.fileHandleForWriting.close()
        }
        let pid = process.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { if process.isRunning { kill(pid, SIGKILL) } }
        // Both pipes are read while the program runs, so that a long output cannot fill one and block it.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        DispatchQueue.global().async(group: group) { outData = out.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        process.waitUntilExit()
        group.wait()
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return Result(status: status, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }
}
