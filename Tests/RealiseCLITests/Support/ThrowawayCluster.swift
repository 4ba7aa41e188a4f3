import Foundation
import RealiseTestSupport
import Testing

/// A PostgreSQL cluster of a test's own (initdb into a temporary folder, a server on a free loopback port, trust
/// authentication), for faults the shared test server must not suffer: stopping it mid-import. Removed when the
/// value goes away. PostgreSQL refuses to run as root: as root, the cluster is the `postgres` user's.
final class ThrowawayCluster: Sendable {
    let folder: URL
    let port: Int
    /// The URL of workspace schema `w` in the cluster's `postgres` database.
    var url: String { "postgres://postgres@127.0.0.1:\(port)/postgres?schema=w&sslmode=disable" }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("realise-pg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if getuid() == 0 { try FileManager.default.setAttributes([.ownerAccountName: "postgres"], ofItemAtPath: folder.path) }
        port = try ThrowawayCluster.freePort()
        try ThrowawayCluster.run("initdb", ["-D", folder.appendingPathComponent("data").path, "--username=postgres",
                                            "--auth=trust", "--encoding=UTF8", "--locale=C"])
        try start()
    }

    deinit {
        try? stop()
        try? FileManager.default.removeItem(at: folder)
    }

    func start() throws {
        try ThrowawayCluster.run("pg_ctl", ["-D", folder.appendingPathComponent("data").path, "-l",
                                            folder.appendingPathComponent("log").path, "-w", "-t", "60", "-o",
                                            "-p \(port) -k \(folder.path) -c listen_addresses=127.0.0.1 -c fsync=off", "start"])
    }

    /// Stops the server at once (`-m fast`: connections are cut, their transactions rolled back).
    func stop() throws {
        try ThrowawayCluster.run("pg_ctl", ["-D", folder.appendingPathComponent("data").path, "-m", "fast", "-w", "stop"])
    }

    /// Runs a PostgreSQL program found on PATH, as the `postgres` user when this process is root. It runs under
    /// Python's `subprocess`, which closes every inherited descriptor: the server `pg_ctl start` leaves running would
    /// otherwise hold the descriptor Foundation watches for the end of the process, and `waitUntilExit` would wait
    /// for the server to stop.
    private static func run(_ tool: String, _ arguments: [String]) throws {
        let program = try Requirement.require(Requirement.tool(tool), "\(tool) (PostgreSQL's server programs) is not on PATH")
        let python = try Requirement.require(Requirement.tool("python3"), "python3 is not on PATH")
        let asPostgres = getuid() == 0
            ? [try Requirement.require(Requirement.tool("runuser"), "runuser is not on PATH"), "-u", "postgres", "--"] : []
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", "import subprocess, sys; sys.exit(subprocess.call(sys.argv[1:], close_fds=True))"]
            + asPostgres + [program] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "\(tool) \(arguments.joined(separator: " ")) failed"])
        }
    }

    /// A loopback port nothing listens on (bound and released; the server binds it a moment later).
    static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(socket, generic, length) == 0 && getsockname(socket, generic, &length) == 0
            }
        }
        guard bound else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "no free port"]) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
