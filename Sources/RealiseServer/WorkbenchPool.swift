import NIOConcurrencyHelpers
import NIOPosix
import RealiseModel
import RealiseWorkbench

/// The workbenches requests run their use-cases on, and the threads they run on. The use-cases are synchronous (a
/// request waits for the database), so they run on a pool of threads of their own, never on the server's event loops.
///
/// A PostgreSQL workspace gets one connection per thread (one connection serves one transaction at a time); a SQLite
/// workspace is one pool of connections that every thread shares.
final class WorkbenchPool: Sendable {
    private let idle: NIOLockedValueBox<[Workbench]>
    private let threads: NIOThreadPool
    /// A workbench for what needs no database (the role rules).
    let rules: Workbench

    /// Opens `settings.connections` workbenches over the workspace (one for a SQLite file) and starts their threads.
    /// - Throws: the workspace's error when it cannot be opened; nothing is left running then.
    init(settings: ServerSettings) throws(WorkbenchError) {
        let count = max(1, settings.connections)
        let first = try Workbench.open(settings.workspace, actor: "realise serve")
        var workbenches = [first]
        if first.isShared {
            for _ in 1..<count { workbenches.append(try Workbench.open(settings.workspace, actor: "realise serve")) }
        } else {
            workbenches += Array(repeating: first, count: count - 1)
        }
        idle = NIOLockedValueBox(workbenches)
        rules = first
        threads = NIOThreadPool(numberOfThreads: count)
        threads.start()
    }

    /// Runs `body` on a workbench of the pool, on one of the pool's threads; changes are recorded as made by `account`.
    /// What `body` throws (a `WorkbenchError`, a `WebError`) is thrown as it is.
    func run<T: Sendable>(as account: Account? = nil,
                          _ body: @escaping @Sendable (Workbench) throws -> T) async throws -> T {
        try await threads.runIfActive { [idle] in
            // As many workbenches as threads, and each thread holds one at a time: one is always idle here.
            guard let workbench = idle.withLockedValue({ $0.popLast() }) else {
                throw WorkbenchError.system("no workspace connection is free; try again")
            }
            defer { idle.withLockedValue { $0.append(workbench) } }
            return try body(account.map { workbench.acting(as: $0) } ?? workbench)
        }
    }

    /// Stops the threads once the work queued on them is done.
    func shutdown() async throws {
        try await threads.shutdownGracefully()
    }
}
