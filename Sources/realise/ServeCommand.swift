import ArgumentParser
import Dispatch
import Foundation
import Logging
import RealiseServer
import RealiseWorkbench

/// `realise serve`: the workspace as a web application for the people who realise the benefits, and a JSON API.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the workspace as web pages and a JSON API (/api/v1) until SIGINT or SIGTERM.",
        discussion: """
            Accounts come from `realise user add`. Put a TLS proxy in front of it for anything but loopback, and give \
            --secure-cookies there. Several servers may serve one PostgreSQL workspace: sessions are kept in it.
            """)

    @OptionGroup var workspace: WorkspaceOptions

    @Option(name: .customLong("bind"), help: ArgumentHelp("The address to listen on.", valueName: "host"))
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port; the one taken is printed).")
    var port = 8080

    @Option(help: "How many requests use the workspace at once (PostgreSQL connections opened).")
    var connections = 4

    @Flag(help: "Mark the session cookie Secure: the server is reached through HTTPS.")
    var secureCookies = false

    @Option(help: ArgumentHelp("Take this day as today, YYYY-MM-DD (default: the current day).", valueName: "date"))
    var asOf: String?

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port \(port) must be from 0 to 65535") }
        guard (1...64).contains(connections) else { throw ValidationError("--connections \(connections) must be from 1 to 64") }
        try DayArgument.check(asOf, option: "--as-of")
    }

    func run() throws {
        try reporting {
            let settings = ServerSettings(host: host, port: port, workspace: workspace.path, connections: connections,
                                          secureCookies: secureCookies, today: try asOf.map { try DayArgument.parse($0, option: "--as-of") })
            LoggingSystem.bootstrap(StreamLogHandler.standardError)
            let server: WebServer
            do { server = try WebServer(settings: settings) } catch { throw Failure(error) }
            try ServeCommand.wait {
                try await server.run { line in
                    Output.print(line + "\n")
                }
            }
        }
    }

    /// Runs `body` to its end on Swift's concurrency threads while this (the main) thread waits for it.
    private static func wait(_ body: @escaping @Sendable () async throws -> Void) throws {
        let done = DispatchSemaphore(value: 0)
        let failure = LockedFailure()
        Task {
            do { try await body() } catch { failure.set(error) }
            done.signal()
        }
        done.wait()
        if let error = failure.error as? WorkbenchError { throw Failure(error) }
        if let error = failure.error { throw Failure(lines: ["the server stopped: \(error)"], code: 74) }
    }
}

/// The error a background task ended with, read once it has ended.
private final class LockedFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?
    func set(_ error: any Error) { lock.withLock { stored = error } }
    var error: (any Error)? { lock.withLock { stored } }
}
